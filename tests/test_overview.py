"""'What is this review about?' answered from the sentences in which the document states its
aim (qa/overview.py), pinned on a small article written for these tests."""

from __future__ import annotations

import pytest

from qa.overview import asks_about_document

DOC = """Cold plasma in wound disinfection

Abstract
Cold atmospheric plasma inactivates bacteria on skin without heating it [1]. In the present review, we summarise how plasma devices are built, how they kill bacteria and what the first clinical trials found in chronic wounds.

Introduction
Chronic wounds carry biofilms that resist antiseptics [2]. Lee et al. treated venous ulcers with a plasma jet for two weeks. In this study, the bacterial load fell by half within four sessions [3]. Herein, we also discuss the safety questions that remain open before plasma can be used at home.

Devices
Plasma jets and dielectric barrier discharges are the two common designs [4].
"""


@pytest.fixture(scope="module")
def plasma(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "plasma", DOC, "Cold plasma in wound disinfection")


@pytest.mark.parametrize("question", [
    "What topics does this review cover?",
    "What is this paper about?",
    "What was the aim of the present study?",
    "Summarise this article.",
    "What does the review cover?",
    "What's the review about?",
    "What is the main subject of this review?",
    "What does this article discuss?",
    "What are the aims of this review?",
    "Can you summarize the review?",
    "What is the scope of this review, in brief?",
    "What was the aim of the study?",
])
def test_questions_about_the_document_itself(question):
    assert asks_about_document(question)


@pytest.mark.parametrize("question", [
    "What does this review say about biofilms?",
    "What is plasma about?",
    "What topics do wound nurses cover in training?",
    "What was the aim of the plasma jet?",
    # A cited study, or a topic inside the review: the ordinary answer (or "not covered").
    "What was the aim of the study by Zhang et al. in mice?",
    "What was the purpose of the trial in which plasma was used on horses?",
    "What topics does this review cover regarding football?",
    "What is the focus of the review on dental pulp stem cells?",
])
def test_questions_about_a_thing_in_it_are_not(question):
    assert not asks_about_document(question)


def test_the_document_s_statements_of_its_aim_answer(plasma):
    a = plasma.answerer.ask("What topics does this review cover?")
    assert a.status == "answered"
    assert a.text.startswith("“In the present review, we summarise how plasma devices are built")
    assert "Herein, we also discuss the safety questions" in a.text
    # A cited study's "In this study, ..." is not the paper's own aim.
    assert "bacterial load fell" not in a.text
    assert all(c.hit_id.startswith("plasma:") for c in a.citations)


def test_a_statement_longer_than_an_answer_is_cut_after_its_opening(tmp_path_factory, embedder):
    from conftest import engine_for_text

    long = ("In this review, we cover " + ", ".join(f"the {w} of cold plasma devices" for w in (
        "design", "physics", "chemistry", "safety", "cost", "maintenance", "regulation", "history",
        "manufacture", "training", "ergonomics", "evidence", "ethics", "economics", "future", "sterility",
        "noise", "power supply", "gas supply", "electrodes", "nozzles", "cooling", "calibration")) + " [5].")
    assert len(long) > 700
    eng = engine_for_text(tmp_path_factory, embedder, "longaim", f"Plasma review\n\nAbstract\n{long}\n",
                          "Plasma review")
    a = eng.answerer.ask("What is this review about?")
    assert a.status == "answered" and len(a.text) <= 700
    assert a.text.startswith("“In this review, we cover the design") and "…" in a.text and a.text.endswith("[5]")
    doc = eng.index.documents["longaim"]["text"]
    assert doc[a.citations[0].span.start:a.citations[0].span.end] == a.citations[0].quote


def test_a_typo_in_a_question_about_the_document_is_read_through(plasma):
    a = plasma.answerer.ask("What topcis does this review cover?")
    assert a.status == "answered" and a.text.startswith("“In the present review, we summarise")
    assert a.did_you_mean == "What topics does this review cover?"


def test_an_appraisal_of_the_paper_is_no_statement_of_its_aim():
    from qa.overview import _APPRAISES

    assert _APPRAISES.search("This review has limitations.")
    assert _APPRAISES.search("Our study has several important weaknesses.")
    assert not _APPRAISES.search("This review covers the safety of plasma devices.")
