"""A question of several parts is covered by several passages: its evidence reads the words
of the leading document's first passages together, so "which enzyme ... in the liver, and
which cytokine ... in the kidney?" is not declined because no one passage holds both parts.
A question of one part is still judged passage by passage. Pinned on a small article written
for this test (not the review, not any evaluation question)."""

from __future__ import annotations

import pytest

from qa.evidence import in_parts

TEXT = """Grafted stromal cells in organ injury

Background

Stromal cells release small vesicles that carry proteins and RNA to injured tissue. Many groups have
grafted such vesicles into animals with organ damage, and the cargo differs from organ to organ.

Liver

In rats with toxin-induced hepatic necrosis, the grafted vesicles carried the enzyme superoxide
dismutase, which lowered lipid peroxidation and serum transaminases within two days [4].

Kidney

In mice with renal ischaemia, the grafted vesicles delivered the cytokine interleukin-10, which
dampened neutrophil infiltration and preserved tubular architecture [7].

Lung

In sheep with smoke inhalation injury, nebulised vesicles restored surfactant production and
shortened mechanical ventilation [9].
"""

TWO_PARTS = "Which enzyme did the grafted vesicles carry in hepatic necrosis, and which cytokine did they deliver in renal ischaemia?"


@pytest.fixture(scope="module")
def organs(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "organs", TEXT, "Grafted stromal cells in organ injury")


def test_questions_of_several_parts_are_told_from_questions_of_one():
    assert in_parts(TWO_PARTS)
    assert in_parts("How do the vesicles act in the liver, in the kidney and in the lung?")
    assert not in_parts("Which enzyme did the grafted vesicles carry in hepatic necrosis?")
    assert not in_parts("Do vesicles and cells differ?")


def test_the_parts_of_a_question_are_covered_by_the_passages_together(organs):
    judge = organs.answerer.judge
    hits = organs.searcher.search(TWO_PARTS, k=8, correct=False)
    together = judge.evidence(TWO_PARTS, hits).coverage
    # No single passage holds both parts: each covers clearly less than the two together.
    single = [judge.evidence(TWO_PARTS, [h]).coverage for h in hits[:3]]
    assert together > 0.9
    assert max(single) < together - 0.2


def test_a_question_of_one_part_is_still_judged_passage_by_passage(organs):
    judge = organs.answerer.judge
    q = "Which enzyme did the grafted vesicles carry in hepatic necrosis with the cytokine interleukin-10?"
    hits = organs.searcher.search(q, k=8, correct=False)
    ev = judge.evidence(q, hits)
    assert ev.coverage == max(judge.evidence(q, [h]).coverage for h in hits[:5])
    assert ev.coverage < 0.9


def test_a_two_part_question_answered_in_two_places_is_answered(organs):
    a = organs.answerer.ask(TWO_PARTS)
    assert a.status == "answered"
    head = a.text[:700]
    assert "superoxide dismutase" in head and "interleukin-10" in head


def test_a_part_no_passage_covers_is_not_covered_by_the_words_of_several(organs):
    # Found by the cold review: the cytokine passage is about kidneys and the lung passage
    # names no cytokine, so "which cytokine ... in smoke inhalation injury" is covered by none.
    judge = organs.answerer.judge
    q = ("Which enzyme did the grafted vesicles carry in hepatic necrosis, and which cytokine did they "
         "deliver in smoke inhalation injury?")
    assert judge.evidence(q, organs.searcher.search(q, k=8, correct=False)).coverage < 0.9
