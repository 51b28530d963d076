"""Numbered names belong to a family a reader may ask after by its letters alone: "CD63" and
"CD105" are CD markers, "IL-6" and "IL-10" interleukins. A question asking "which CD markers"
is not missing the word "CD" in a document that writes only numbered CDs. Pinned on a small
text written for this test (not the review, not any evaluation question)."""

from __future__ import annotations

import pytest

from qa.evidence import with_name_families

TEXT = """Surface markers of platelet vesicles

Background

Platelet vesicles are shed when platelets are activated, and they are counted in plasma by flow cytometry.

Markers

Platelet vesicles carry CD41, CD61 and CD62P on their surface, which tell them apart from red cell vesicles
that carry CD235a [2]. Activated platelets also release interleukins IL1 and IL8 with the vesicles [3].

Counting

Vesicles are counted after staining with annexin V, which binds exposed phosphatidylserine [4].
"""


@pytest.fixture(scope="module")
def platelets(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "platelets", TEXT, "Surface markers of platelet vesicles")


def test_a_numbered_name_brings_its_family():
    assert with_name_families({"cd63", "il10", "vesicl"}) == {"cd63", "il10", "vesicl", "cd", "il"}
    # Words, numbers and long stems with a digit are no family of names.
    assert with_name_families({"2019", "covid19", "vesicl"}) == {"2019", "covid19", "vesicl"}


def test_a_family_asked_by_its_letters_is_not_missing_from_the_document(platelets):
    q = "Which CD markers do platelet vesicles carry on their surface?"
    hits = platelets.searcher.search(q, k=5, correct=False)
    ev = platelets.answerer.judge.evidence(q, hits)
    assert ev.coverage > 0.9
    a = platelets.answerer.ask(q)
    assert a.status == "answered" and "CD41" in a.text[:700]


def test_one_numbered_name_makes_no_family():
    from qa.evidence import name_families

    # "ct26" (a cell line) beside "cd63" and "cd9": CD is a family, CT is not.
    assert name_families([{"ct26", "cd63"}, {"cd9", "tumour"}]) == {"cd"}
    assert with_name_families({"ct26", "cd63"}, {"cd"}) == {"ct26", "cd63", "cd"}
