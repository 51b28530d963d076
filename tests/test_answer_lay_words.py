"""A reader's everyday word for what an article names in its own terms ("pee" for urine) is read
as the article's word when the question is not covered as typed; a word outside everyday
English that the article never uses ("ulcer") still makes the question not covered, however
the rest of it is read; and of several near words the most familiar is read ("chemo" is
chemotherapy, though its letters begin "chemokine" too). A small article written for these tests
(a fictional field study of heat and hydration), not the review in corpus/."""

from __future__ import annotations

import pytest

TITLE = "Hydration markers in farm workers during the harvest"

ARTICLE = """Hydration markers in farm workers during the harvest

Background

Heat stress at work is common among farm workers in the harvest season, and dehydration is its
first sign. Markers that can be measured in the field would let supervisors act before harm is
done [1]. Clinic visits are costly and take workers away from the fields for a whole day [2].

Markers in urine and saliva

Urine osmolality above 700 mOsm/kg marked dehydration in 38% of the workers at the end of a
shift [3]. Saliva osmolality rose in step with it and could be measured at the worksite [4].
Both markers returned to normal after a night of rest and two litres of water [5].

Kidney function in treated patients

Patients receiving cisplatin, a chemotherapy drug, had rises in creatinine twice as often when
they were dehydrated [6]. Among pregnant women in the cohort, nausea was reported by 12% [10]. Chemokine levels in blood did not change with hydration in any group [7].
Gastric emptying was slower in the heat, and meals were smaller at midday [8].

Conclusions

Field markers of dehydration are cheap and quick, and water breaks in the shade prevent most of
the harm that heat does to workers [9]."""


@pytest.fixture(scope="module")
def field(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "field", ARTICLE, TITLE)


def test_an_everyday_word_is_read_as_the_articles_word(field):
    a = field.answerer.ask("Can dehydration be measured in pee?")
    assert a.status == "answered"
    assert "Urine osmolality above 700" in a.text[:700]
    # The user is told how the question was read.
    assert a.did_you_mean and "urine" in a.did_you_mean.lower()


def test_a_rare_word_the_article_never_uses_keeps_the_question_uncovered(field):
    # "stomach" could be read as "gastric", but nothing is said of ulcers.
    reading = field.answerer.meanings.reading("Does drinking water heal a stomach ulcer?")
    assert reading is None
    a = field.answerer.ask("Does drinking water heal a stomach ulcer?")
    assert a.status == "not_found"


def test_words_of_one_kind_are_not_read_as_each_other(field):
    # "men" is near "women" in meaning (and "faster" near "slower"), but names others: a reader's
    # word is read only as a clearly rarer word of the documents (a register shift), and a word of
    # degree never as another.
    meanings = field.answerer.meanings
    assert meanings.reading("Was nausea reported by men in the cohort?") is None
    assert "slower" not in meanings.nearest("faster")
    # ... nor is a question read when another of its everyday words names what it is about.
    assert meanings.reading("Can dehydration be measured in the pee of horses?") is None


def test_a_clipped_word_is_read_as_the_most_familiar_word_near_it(field):
    reading = field.answerer.meanings.reading("Which chemo drug raised creatinine in dehydrated patients?")
    assert reading is not None
    assert dict(reading.changes).get("chemo") == "chemotherapy"

