"""Answers from a small JATS article written for these tests (a fictional review of
deprescribing in care homes; not the review in corpus/, not any evaluation question):

- a sentence stating a question the study asked ("We also examined whether ...") comes with
  the next sentence, which answers it;
- a table question naming its rows as phrases under a repeated preposition ("for falls and for
  emergency department visits") gets a row for each;
- a question asking what a reference number reports is answered by the places citing it."""

from __future__ import annotations

import pytest

from conftest import jats_ref

TITLE = "Stopping medicines in care homes: a review of trials"


def _ref(n, author, year, title):
    return jats_ref(n, author, year, title)


ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We reviewed trials of stopping medicines in older residents of care homes.</p></abstract>
</article-meta></front>
<body>
<sec><title>Effects on residents</title>
<p>Stopping medicines reduced the number of regular tablets by one per resident
[<xref ref-type="bibr" rid="B1">1</xref>]. Residents and families mostly welcomed the reviews, and
few asked for a medicine back [<xref ref-type="bibr" rid="B2">2</xref>].</p>
<p>We also examined whether the benefit depended on the size of the home.
The risk ratio was 0.71 in homes with fewer than 40 beds and 0.93 in larger homes.
Staff turnover was high in both.</p>
<p>Future trials should test whether the benefit lasts beyond a year of follow-up.
Pharmacists led the reviews in most homes, and the benefit was similar when nurses led them.</p>
</sec>
<sec><title>Pooled outcomes</title>
<p>The pooled effects are shown in Table 1 [<xref ref-type="bibr" rid="B3">3</xref>].</p>
<table-wrap id="T1"><label>Table 1</label><caption><title>Pooled effects of stopping medicines</title></caption>
<table><thead><tr><th>Outcome</th><th>Trials</th><th>Pooled risk ratio (95% CI)</th></tr></thead>
<tbody>
<tr><td>Death from any cause</td><td>11</td><td>0.96 (0.84-1.10)</td></tr>
<tr><td>Hospital admission</td><td>8</td><td>0.86 (0.75-0.99)</td></tr>
<tr><td>Emergency department visits</td><td>5</td><td>0.85 (0.73-0.99)</td></tr>
<tr><td>Residents with a fall</td><td>7</td><td>0.92 (0.80-1.06)</td></tr>
<tr><td>Pressure sores</td><td>3</td><td>1.04 (0.70-1.55)</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
<back>
<ref-list><title>References</title>
{_ref(1, "Okonkwo", 2021, "Medicine reviews in care homes")}
{_ref(2, "Lindqvist", 2020, "Families and deprescribing")}
{_ref(3, "Moreau", 2019, "Pooled trials of deprescribing")}
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def homes(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "homes", ARTICLE, TITLE, suffix=".nxml")


def test_a_question_the_study_asked_comes_with_its_answer(homes):
    a = homes.answerer.ask("Did the benefit depend on the size of the care home?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "examined whether the benefit depended" in head
    assert "0.71" in head and "0.93" in head


def test_a_question_left_to_future_trials_is_no_question_the_study_asked(homes):
    # Only the study asking ("we examined whether") brings the next sentence as its answer.
    a = homes.answerer.ask("Should future trials test whether the benefit lasts beyond a year?")
    assert a.status == "answered"
    assert "Future trials should test whether" in a.text and "Pharmacists led" not in a.text


def test_rows_named_under_a_repeated_preposition_each_answer(homes):
    a = homes.answerer.ask("What were the pooled risk ratios for falls and for emergency department visits?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "0.92 (0.80-1.06)" in head and "0.85 (0.73-0.99)" in head


def test_a_reference_number_asked_after_is_answered_by_the_places_citing_it(homes):
    a = homes.answerer.ask("What does reference 2 report?")
    assert a.status == "answered"
    assert "few asked for a medicine back" in a.text[:700]
    assert "regular tablets" not in a.text  # reference 1's finding
    assert {r for c in a.citations for r in c.refs} == {2}
    # A number the article never cites: not covered, not the nearest passage.
    assert homes.answerer.ask("What did reference 9 find?").status == "not_found"


def test_reference_numbers_are_read_only_where_a_question_points_at_them():
    from qa.answer_type import references_named

    assert references_named("What did refs 12 and 14 find?") == [12, 14]
    assert references_named("What is said in [48]?") == [48]
    assert references_named("Which reference standard was used?") == []
    assert references_named("Is the reference range 20 mg or more?") == []
    assert references_named("How many references does it cite?") == []
