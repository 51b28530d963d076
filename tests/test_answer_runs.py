"""Passage answers that run over several sentences and passages, pinned on a small article
written for these tests (not the review, not any evaluation question): a list spread over two
paragraphs, an explanation carried on through its paragraph, a sentence that names its subject
only by "this procedure" or "they", and question phrasing that is never respelled."""

from __future__ import annotations

import pytest

DOC = """Platelet lysate in chronic wound care

Preparation
Platelet lysate is prepared from expired platelet concentrates by repeated freezing and thawing [1]. Filtration through a 0.2 µm membrane then removes platelet fragments and bacteria [2].

Centrifugal clearing
Gradient centrifugation separates the lysate from cell debris by density. Although the recovery of growth factors is high in this procedure, it takes nine hours and cannot process large pooled volumes [3]. Heparin is added afterwards to prevent gel formation.

Growth factors
Platelet lysate carries PDGF-BB, which draws fibroblasts into the wound bed [4]. The lysate also holds platelet-derived VEGF, and Moreau et al. reported that it raised capillary density in diabetic ulcers [5].

Cytokines
Besides growth factors, platelet lysate contains TGF-β1, which drives collagen deposition by fibroblasts in the healing wound [6]. Routine wound dressings were changed twice a week in all trials [7].

Limitations
Platelet lysate products remain hard to compare between clinics. Donor pools differ in size, so the growth factor content varies from batch to batch. No common potency assay exists, and release criteria are set by each blood bank. Storage at room temperature also degrades the cytokines within days [8].

Mechanisms
Lysate-treated keratinocytes migrate faster across a scratch. Based on the literature, they respond to the lysate through EGF receptor signalling and through integrin clustering at the leading edge [9]. Dressings soaked in lysate were tolerated by all patients [10].

Binding proteins
Fibronectin in the lysate binds to damaged collagen and anchors the growth factors in the wound [11].
"""


# Two long reports, each naming the compound its authors credit: together they overrun an
# answer's 700 characters.
HONEY = """Honey dressings in burn care

Antibacterial action
Manuka honey dressings, applied daily to partial-thickness burns in a cohort of 212 adults treated at two regional burn centres between 2015 and 2019, released hydrogen peroxide at a slow and steady rate, and the dressings also delivered methylglyoxal, which the authors held responsible for most of the activity against Pseudomonas aeruginosa and methicillin-resistant Staphylococcus aureus isolated from the wounds, with cultures turning negative within a median of six days [3].

Wound closure
In a separate trial in children with scald burns, honey dressings were compared with silver sulfadiazine cream over three weeks of follow-up, and the honey group showed faster re-epithelialisation, fewer dressing changes and lower pain scores, and the investigators held the honey peptide bee defensin-1 responsible for these effects, a peptide that also recruits keratinocytes to the wound edge and dampens the local inflammatory response in the first days [5].

Costs
Dressing costs were similar in both arms, and nurses preferred the honey dressings for their ease of removal [6].
"""


@pytest.fixture(scope="module")
def lysate(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "lysate", DOC, "Platelet lysate in chronic wound care")


def test_a_list_spread_over_two_paragraphs_gets_every_part(lysate):
    # Two growth factors in one paragraph (the second carried on from the first), the
    # cytokine in another: the answer's 700 characters hold all three, each with its reference.
    a = lysate.answerer.ask("Which growth factors and cytokines does platelet lysate carry?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "PDGF-BB" in head and "VEGF" in head and "TGF-β1" in head
    assert {4, 5, 6} <= {r for c in a.citations for r in c.refs}
    assert "twice a week" not in a.text  # the paragraph's unrelated last sentence is left out


def test_a_sentence_naming_its_subject_by_a_demonstrative_brings_the_sentence_naming_it(lysate):
    a = lysate.answerer.ask("How long does gradient centrifugation take?")
    assert a.status == "answered"
    assert "nine hours" in a.text
    assert "Gradient centrifugation separates" in a.text
    assert a.text.index("Gradient centrifugation separates") < a.text.index("nine hours")


def test_a_pronoun_after_a_lead_phrase_brings_its_antecedent(lysate):
    a = lysate.answerer.ask("How do keratinocytes respond to platelet lysate?")
    assert a.status == "answered"
    assert "EGF receptor signalling" in a.text
    assert "Lysate-treated keratinocytes migrate faster" in a.text


def test_question_phrasing_is_never_respelled_into_a_topic_word(lysate):
    # "kinds" is a phrasing word the article never uses; "binds" is one it does.
    a = lysate.answerer.ask("What kinds of growth factors are in platelet lysate?")
    assert a.status == "answered"
    assert a.did_you_mean is None


@pytest.fixture(scope="module")
def honey(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "honey", HONEY, "Honey dressings in burn care")


def test_a_list_whose_parts_do_not_fit_whole_gets_each_part_as_an_excerpt(honey):
    a = honey.answerer.ask("Which honey compounds are held responsible for the effects on burns?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "methylglyoxal" in head and "bee defensin-1" in head  # both parts, not the first alone
    assert len(a.text) <= 700 and "…" in a.text
    assert {3, 5} == {r for c in a.citations for r in c.refs}
    # The excerpt's citation quotes the words shown, around what the question asks, and points at them.
    cut = next(c for c in a.citations if 3 in c.refs)
    assert "methylglyoxal" in cut.quote and cut.quote in a.text
    assert _text_at(honey, cut) == cut.quote


def _text_at(engine, citation):
    doc = engine.index.documents["honey"]["text"]
    return doc[citation.span.start:citation.span.end]


def test_a_single_answer_is_not_cut_to_make_room(honey):
    # One report answers: it is quoted whole, with nothing cut.
    a = honey.answerer.ask("What did the dressings deliver against Pseudomonas aeruginosa?")
    assert a.status == "answered" and "…" not in a.text and "methylglyoxal" in a.text


@pytest.mark.parametrize("question, several", [
    ("Give the reasons the review offers for the delay.", True),
    ("Name the growth factors in the lysate.", True),
    ("Give the two main reasons.", True),
    ("Which growth factors does the lysate hold?", True),
    ("Name the virus used in the trial.", False),  # -us, -is: no plurals
    ("Give the analysis of the second batch.", False),
    ("Give the dose of lysate used.", False),  # one dose, of a plural thing
])
def test_a_question_asking_for_several_things(question, several):
    from qa.answer_type import asks_several

    assert asks_several(question) is several
