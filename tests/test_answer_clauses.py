"""A question that asks two things ("what did the trial find, and why ...?") is answered when
each of them is: the finding and the explanation the document gives in another paragraph, not
two sentences about the finding. Pinned on a small trial report written for these tests (not
the review, not any evaluation question)."""

from __future__ import annotations

import pytest

from qa.answer_type import clauses

ARTICLE = """Zinc acetate lozenges for colds in primary school children: a randomised trial

1 Introduction

Colds are the commonest reason for school absence in children aged 6 to 11 years [1]. Zinc lozenges shorten colds in adults, but trials in children are few and small [2, 3].

2 Methods

We randomised 312 children with cold symptoms of less than 24 hours to zinc acetate lozenges (10 mg zinc, five a day) or identical placebo lozenges for up to ten days [4]. Parents recorded symptoms in a daily diary until the cold resolved.

3 Results

Colds lasted a median of 4.1 days with zinc lozenges and 6.0 days with placebo lozenges (difference 1.9 days, 95% CI 1.2 to 2.6). Children given zinc lozenges missed fewer school days during the cold (0.8 versus 1.6 days). Colds with a sore throat at onset resolved sooner with zinc lozenges than colds without one. Zinc lozenges did not change how long the cough lasted after the cold.

4 Discussion

The shorter colds probably reflect a local action in the throat. Free zinc ions released as the lozenge dissolves block the binding of rhinoviruses to ICAM-1 on the pharyngeal mucosa and damp the release of interleukin-8 [5, 6]. This would explain why the benefit was largest when a sore throat was present.

Nausea and a bad taste were the adverse effects most often reported, in 14% of children given zinc lozenges and 5% given placebo lozenges [7]. Nobody stopped treatment because of them.

5 Conclusions

Zinc acetate lozenges shortened colds in school children by about two days.
"""

TITLE = "Zinc acetate lozenges for colds in primary school children"


@pytest.fixture(scope="module")
def zinc(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "zinc", ARTICLE, TITLE)


def test_a_question_asked_after_another_is_a_question_of_its_own():
    assert clauses("What did the trial find for cold duration, and why do the authors think zinc worked?") == \
        ("", ["What did the trial find for cold duration", "why do the authors think zinc worked"])
    assert clauses("Tell me about the lozenges: how often were they taken, and what did they contain?")[1] == \
        ["Tell me about the lozenges", "how often were they taken", "what did they contain"]
    assert clauses("How many children were randomised? How many completed the diary?")[1] == \
        ["How many children were randomised", "How many completed the diary"]


def test_words_setting_the_scene_and_words_joined_by_and_are_one_question():
    # A scene, not a question: its words go with the question after it.
    assert clauses("In children with a sore throat, which colds resolved sooner?") == \
        ("In children with a sore throat", ["which colds resolved sooner"])
    # "nausea and taste", "before and after": words joined, one question.
    assert clauses("Were nausea and a bad taste more common before and after the lozenges?")[1] == \
        ["Were nausea and a bad taste more common before and after the lozenges"]


def test_each_question_asked_gets_its_sentence(zinc):
    a = zinc.answerer.ask("What did the trial find for how long colds lasted with zinc lozenges, "
                          "and how do the authors explain it?")
    assert a.status == "answered"
    assert "4.1 days" in a.text  # the finding
    assert "ICAM-1" in a.text  # the explanation, in the Discussion


def test_a_single_question_is_answered_as_before(zinc):
    a = zinc.answerer.ask("How long did colds last with zinc lozenges?")
    assert a.status == "answered" and "4.1 days" in a.text
    assert "ICAM-1" not in a.text
