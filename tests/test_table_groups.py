"""Rows of the group a question names ("the Gram-negative rows", "the inhibitory half"), pinned on
the small JATS article written for the reader's tests (a table with two row groups)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "mini-jats.nxml"


@pytest.fixture(scope="module")
def copper(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "copper", DATA.read_text(encoding="utf-8"),
                           "Copper tolerance in soil bacteria: a short review", suffix=".nxml")


def _key(engine):
    return next(k for k in engine.answerer.tables.rows if k[0] == "copper")


@pytest.mark.parametrize("question, group", [
    ("Which genes are listed in the Gram-negative rows?", "Gram-negative"),
    ("In the Gram-positive part of the table, which compartment?", "Gram-positive"),
    ("Which membrane genes do Gram-negative bacteria use?", None),  # the bacteria, not a part of the table
    ("Compare the Gram-negative and Gram-positive rows", None),  # both named: no one group
    ("Which genes have Gram-positive side effects?", None),  # a group's word in another sense
    ("Which pump plays a Gram-negative part in efflux?", None),
])
def test_the_group_named_as_a_part_of_the_table(copper, question, group):
    assert copper.answerer.tables._group_named(_key(copper), question) == group


def test_only_the_named_group_s_rows_answer(copper):
    # The outer membrane gene is a Gram-negative one: the Gram-positive rows answer with their
    # own gene and compartment, not with the row that matches the other words best.
    a = copper.answerer.ask("Which Gram-positive rows name an outer membrane gene?")
    assert a.status == "answered" and a.text.startswith("Table 1, Cop")
    assert "copA" in a.text and "Compartment: membrane" in a.text
    assert "cusC" not in a.text and "outer membrane" not in a.text


@pytest.mark.parametrize("question, left", [
    ("In the Gram-positive half of Table 1, which compartment?", "In the of Table 1, which compartment?"),
    ("Which genes are listed in the Gram-negative rows?", "Which genes are listed in the ?"),
    ("Which membrane genes do Gram-negative bacteria use?", "Which membrane genes do Gram-negative bacteria use?"),
])
def test_the_words_naming_a_group_point_and_ask_nothing(copper, question, left):
    # "the Gram-positive half" points at rows, as "Table 1" does: what is asked of them is the rest
    # (judged alone when deciding whether the part pointed at answers).
    out = copper.answerer.tables.without_group_names(_key(copper), question)
    assert " ".join(out.split()).replace(" ?", "?") == " ".join(left.split()).replace(" ?", "?")
