"""A superlative word that begins a measure the document defines ("maximal inspiratory
pressure (MIP)") names that measure; the question asks for its row, not for the row with the
largest number. A real superlative ("the highest ... value") still finds its row. Pinned on a
small JATS trial written for this test (not the review, not any evaluation question)."""

from __future__ import annotations

import pytest

TITLE = "Inspiratory muscle training after cardiac surgery: a randomised trial"
FRONT = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We tested inspiratory muscle training before cardiac surgery.</p></abstract>
</article-meta></front>
"""

ARTICLE = f"""{FRONT}<body>
<sec><title>Methods</title>
<p>Participants were randomised to inspiratory muscle training (IMT) or usual care. The primary outcome was the change in maximal inspiratory pressure (MIP) from baseline to
six weeks, measured at the mouth [<xref ref-type="bibr" rid="B1">1</xref>]. Walking distance was
measured with the six-minute walk test (6MWT) [<xref ref-type="bibr" rid="B2">2</xref>].</p>
</sec>
<sec><title>Results</title>
<p>IMT raised inspiratory strength more than usual care did (Table 1).</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Outcomes at six weeks</p></caption>
<table><thead><tr><th>Outcome</th><th>IMT</th><th>Usual care</th><th>p value</th></tr></thead>
<tbody>
<tr><td>MIP change, cmH2O</td><td>+18.2 (9.1)</td><td>+6.4 (8.7)</td><td>&lt;0.001</td></tr>
<tr><td>6MWT distance, m</td><td>412 (88)</td><td>398 (91)</td><td>0.31</td></tr>
<tr><td>Hospital stay, days</td><td>7.1 (2.2)</td><td>8.0 (2.9)</td><td>0.04</td></tr>
<tr><td>Pneumonia, n</td><td>3</td><td>9</td><td>0.07</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
<back><ref-list><title>References</title>
<ref id="B1"><label>1.</label><mixed-citation>Doe J. Mouth pressures. Chest. 2019;1:1-9.</mixed-citation></ref>
<ref id="B2"><label>2.</label><mixed-citation>Roe R. Walk tests. Thorax. 2020;2:3-9.</mixed-citation></ref>
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def trial(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "imt", ARTICLE, TITLE, suffix=".nxml")


def test_a_measure_named_with_a_superlative_word_is_asked_for_its_row(trial):
    a = trial.answerer.ask("What was the change in maximal inspiratory pressure in the usual care group?")
    assert a.status == "answered"
    assert "+6.4 (8.7)" in a.text[:700] and "412" not in a.text[:700]


def test_a_real_superlative_still_finds_the_row_with_the_largest_number(trial):
    q = "Which outcome had the highest IMT score?"
    got = trial.answerer.tables.extreme(q, trial.searcher.search(q, k=8))
    assert got is not None and "6MWT distance" in got.text


GROUPED = f"""{FRONT}<body>
<sec><title>Results</title>
<p>Outcomes are shown in Table 1.</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Outcomes by group</p></caption>
<table><thead><tr><th>Outcome</th><th>Effect (95% CI)</th><th>p value</th></tr></thead>
<tbody>
<tr><td colspan="3">Primary outcomes</td></tr>
<tr><td>Inspiratory strength</td><td>11.8 (7.0 to 16.6)</td><td>&lt;0.001</td></tr>
<tr><td>Pneumonia</td><td>0.45 (0.20 to 0.99)</td><td>0.048</td></tr>
<tr><td colspan="3">Secondary outcomes</td></tr>
<tr><td>Hospital stay</td><td>-0.9 (-1.7 to -0.1)</td><td>0.04</td></tr>
<tr><td>Walking distance</td><td>14 (-10 to 38)</td><td>0.31</td></tr>
<tr><td>Quality of life</td><td>0.02 (-0.05 to 0.09)</td><td>0.52</td></tr>
<tr><td>Reintubation</td><td>0.80 (0.30 to 2.10)</td><td>0.65</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
</article>
"""


@pytest.fixture(scope="module")
def grouped(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "imtgroups", GROUPED, TITLE, suffix=".nxml")


def test_a_superlative_among_the_rows_of_a_group_the_question_names(grouped):
    # The smallest p value of the table is a primary outcome's; among the secondary outcomes
    # it is the hospital stay's.
    q = "Which secondary outcome had the smallest p value?"
    got = grouped.answerer.tables.extreme(q, grouped.searcher.search(q, k=8))
    assert got is not None and "Hospital stay" in got.text and "Inspiratory strength" not in got.text
