"""A question asking the dose, cost or age of a named thing ("what dose of echinacea was
given?") is answered only by a sentence or a table row stating that measurement beside the
thing: a dose of another drug in the same paragraph is no answer. Pinned on a small trial
report written for these tests (not the review, not any evaluation question)."""

from __future__ import annotations

import pytest

from qa.answer_type import measured_thing, named_maker

ARTICLE = """Remedies for colds in children: a randomised trial

1 Methods

We enrolled 300 children aged 4 to 12 years with a cold of less than 2 days at six general practices. One group was given zinc lozenges at a dose of 75 mg per day for five days, all of one brand. A second group was given echinacea extract from a dropper at each meal, and a third group was given a placebo syrup. Paracetamol at 15 mg/kg was allowed for fever in every group. A fourth group was offered vitamin C tablets. They were given at 200 mg twice a day.

2 Results

Zinc lozenges shortened colds by 2 days compared with placebo. Echinacea extract did not shorten colds, and children disliked its taste. The lozenges cost 4 euros per course.

3 Discussion

Zinc may block the docking of rhinoviruses on the nasal lining. Extracts of echinacea vary in what they contain, which makes trials hard to compare. The echinacea extract in this trial was made by Herbalis, a family firm.
"""

TITLE = "Remedies for colds in children"


@pytest.fixture(scope="module")
def colds(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "colds", ARTICLE, TITLE)


def test_the_thing_a_measurement_is_asked_of():
    assert measured_thing("What dose of echinacea extract did the children take?") == ("echinacea extract", "")
    assert measured_thing("How much did the zinc lozenges cost per course?") == ("zinc lozenges", "")
    assert measured_thing("What was the mean age of the patients in the PHARM trial?") == ("patients", "PHARM trial")
    assert measured_thing("What dose was used?") is None
    assert measured_thing("How many children were enrolled?") is None  # a count is of the rows or the text


def test_a_dose_of_another_drug_does_not_answer_the_dose_asked(colds):
    a = colds.answerer.ask("What dose of echinacea extract was given to the children?")
    assert a.status == "not_found"


def test_a_dose_stated_beside_its_drug_answers(colds):
    a = colds.answerer.ask("What dose of zinc lozenges was given to the children?")
    assert a.status == "answered" and "75 mg" in a.text
    b = colds.answerer.ask("How much did the zinc lozenges cost?")
    assert b.status == "answered" and "4 euros" in b.text


def test_a_dose_asked_of_a_thing_in_a_place_still_names_the_thing(colds):
    # "in each group" names no place of its own; the echinacea dose is still not given.
    a = colds.answerer.ask("What was the dose of echinacea extract in each group?")
    assert a.status == "not_found"


def test_a_dose_stated_of_a_thing_named_in_the_sentence_before_answers(colds):
    a = colds.answerer.ask("What dose of vitamin C tablets was given?")
    assert a.status == "answered" and "200 mg" in a.text


def test_the_thing_a_makers_name_is_asked_of():
    assert named_maker("Which brand of zinc lozenges did the children take?") == "zinc lozenges"
    assert named_maker("Who made the echinacea extract?") == "echinacea extract"
    assert named_maker("Which hearing aid manufacturer supplied the devices?") == ""
    assert named_maker("What makes colds shorter?") is None


def test_a_maker_the_document_never_names_is_not_covered(colds):
    # (The document says the lozenges were all of one brand, but never which.)
    a = colds.answerer.ask("Which brand of zinc lozenges was given to the children?")
    assert a.status == "not_found"


def test_a_maker_the_document_names_answers(colds):
    a = colds.answerer.ask("Who made the echinacea extract?")
    assert a.status == "answered" and "Herbalis" in a.text
