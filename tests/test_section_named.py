"""A question that names a part of the document by its heading ("according to the conclusions",
"in the methods section") is answered from that part, pinned on a small article written for
these tests."""

from __future__ import annotations

import pytest

from qa.answer_type import sections_named

DOC = """Plasma jets for leg ulcers

Introduction
Earlier trials tested plasma jets on venous leg ulcers treated in hospital clinics, where the jets reduced the bacterial load of the ulcers [2]. Leg ulcers affect one in a hundred adults [3].

Methods
Ulcers were treated with a plasma jet for two minutes twice a week, and the bacterial load of each ulcer was measured by swab culture [4].

Conclusions and outlook
Plasma jets should next be tested on diabetic foot ulcers treated at home, where the bacterial load of ulcers is higher [9].
"""


@pytest.fixture(scope="module")
def ulcers(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "ulcers", DOC, "Plasma jets for leg ulcers")


@pytest.mark.parametrize("question, names", [
    ("Which ulcers should be tested next, according to the conclusions?", ["conclusions"]),
    ("In the methods section, how long were ulcers treated?", ["methods"]),
    ("What does the part on wound dressings say?", ["wound dressings"]),
    ("How long were ulcers treated?", []),
    ("In conclusion, how long were ulcers treated?", []),  # a phrase of the question, no section
])
def test_the_words_naming_a_part(question, names):
    assert sections_named(question) == names


def test_the_named_part_answers(ulcers):
    a = ulcers.answerer.ask("On which ulcers were plasma jets tested, according to the conclusions?")
    assert a.status == "answered" and "diabetic foot ulcers" in a.text
    assert "venous leg ulcers" not in a.text
    plain = ulcers.answerer.ask("On which ulcers were plasma jets tested, according to the introduction?")
    assert plain.status == "answered" and "venous leg ulcers" in plain.text


def test_a_part_the_document_does_not_have_changes_nothing(ulcers):
    a = ulcers.answerer.ask("On which ulcers were plasma jets tested, according to the discussion?")
    b = ulcers.answerer.ask("On which ulcers were plasma jets tested?")
    assert a.text == b.text


@pytest.mark.parametrize("question, pointed", [
    ("How were ulcers treated, according to the methods section?", True),
    # The section exists, but what is asked is not there: the words naming the section do not count.
    ("Which vaccine is recommended, according to the methods section?", False),
    # No such section.
    ("How were ulcers treated, according to the discussion?", False),
])
def test_weaker_evidence_is_enough_for_a_section_pointed_at_only_when_the_question_is_in_its_words(ulcers, question, pointed):
    from qa.evidence import Evidence

    answerer = ulcers.answerer
    hits = answerer.pointed.in_named_section(question, answerer.s.search(question, k=8, correct=False), 8)
    assert answerer.pointed.part_pointed_at(question, hits, Evidence(0.3, 0.3, answerer.threshold - 0.1)) is pointed


@pytest.mark.parametrize("question, pointed", [
    ("In the cardiovascular disease section, which microRNAs protect heart muscle cells?", True),
    ("According to the kidney disease section, what do MSC exosomes release into the tissue?", True),
    # Common words the review uses, but not in that section: the section is no evidence for them.
    ("In the cardiovascular disease section, which drug is recommended?", False),
    ("In the lung diseases section, which vaccine is recommended?", False),
])
def test_a_section_of_the_review_pointed_at(engine, question, pointed):
    from qa.evidence import Evidence

    answerer = engine.answerer
    hits = answerer.pointed.in_named_section(question, answerer.s.search(question, k=8, correct=False), 8)
    assert answerer.pointed.part_pointed_at(question, hits, Evidence(0.3, 0.3, answerer.threshold - 0.1)) is pointed


TRIAL = """The WALK-ON trial of home walking after knee surgery

Methods
The WALK-ON trial was a randomised trial in four hospitals. WALK-ON participants were given a pedometer and a weekly call, and the WALK-ON control group had usual care [2].

Results
In the WALK-ON trial, walking distance at 12 weeks was 310 m longer with home walking than with usual care [3].

Strengths and limitations
Participants knew their group, so they may have walked more because they were watched. The follow-up of 12 weeks is too short to show effects on falls or readmission. Most participants were men.
"""


def test_a_question_asking_for_what_a_heading_lists_is_answered_from_that_part(tmp_path_factory, embedder):
    from conftest import engine_for_text

    from qa.answer_type import asked_list

    assert asked_list("What are the main limitations of the WALK-ON trial?") == "limitations"
    assert asked_list("What was the walking distance?") is None
    assert asked_list("What are exosomes?") is None  # a definition asked, not a part's list
    e = engine_for_text(tmp_path_factory, embedder, "walkon", TRIAL, "The WALK-ON trial of home walking after knee surgery")
    a = e.answerer.ask("What are the main limitations of the WALK-ON trial?")
    assert a.status == "answered" and "Participants knew their group" in a.text
