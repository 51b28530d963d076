"""A table row whose label names the unit ("Days with rescue inhaler, median (IQR)") states
measurements of that kind in its bare figures ("4 (1-9)" under a group's column): a question
asking "on how many days" is answered by them, not declined for want of "4 days". A small JATS
article written for the test, not the review in corpus/."""

from __future__ import annotations

import pytest

from qa.answer_type import PERCENT, TIME, row_gives, unit_named

TITLE = "A once-daily inhaler for mild asthma in schoolchildren: a randomised trial"

ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We compared a once-daily inhaler with placebo in schoolchildren with mild asthma.</p></abstract>
</article-meta></front>
<body>
<sec><title>Results</title>
<p>Children given the once-daily inhaler needed their rescue inhaler less often than children given
placebo, and fewer of them missed school (Table 2). Adverse events were mild and similar in both groups.</p>
<table-wrap id="T2"><label>Table 2</label><caption><title>Secondary outcomes over the school year</title></caption>
<table><thead><tr><th>Outcome</th><th>Once-daily inhaler (n = 50)</th><th>Placebo (n = 50)</th><th>Effect measure</th><th>P value</th></tr></thead>
<tbody>
<tr><td>Days with rescue inhaler use, median (IQR)</td><td>4 (1-9)</td><td>9 (3-15)</td><td>Median difference</td><td>0.01</td></tr>
<tr><td>Rescue puffs, n, median (IQR)</td><td>6 (2-14)</td><td>15 (5-30)</td><td>Median difference</td><td>0.003</td></tr>
<tr><td>Missed school, yes (%)</td><td>8 (16)</td><td>17 (34)</td><td>Risk difference</td><td>0.04</td></tr>
</tbody></table></table-wrap>
<p>Parents rated the once-daily inhaler as easy to use.</p>
</sec>
</body>
</article>
"""


def test_a_label_naming_the_unit_makes_the_rows_figures_measurements():
    assert unit_named(TIME, "Days with rescue inhaler use, median (IQR)")
    assert unit_named(TIME, "Time to first flare, weeks")
    assert not unit_named(TIME, "Rescue puffs, n, median (IQR)")
    assert row_gives(TIME, (("Outcome", "Days with rescue inhaler use"), ("Drug", "4 (1-9)")))
    assert not row_gives(TIME, (("Outcome", "Days with rescue inhaler use"), ("Drug", "n.a.")))
    assert not row_gives(TIME, (("Outcome", "Rescue puffs, n"), ("Drug", "6 (2-14)")))
    assert row_gives(PERCENT, (("Outcome", "Missed school, yes (%)"), ("Drug", "8 (16)")))


@pytest.fixture(scope="module")
def inhaler(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "inhaler", ARTICLE, TITLE, suffix=".nxml")


def test_how_many_days_is_answered_by_the_rows_figures(inhaler):
    a = inhaler.answerer.ask("On how many days was the rescue inhaler used in each group (median)?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "4 (1-9)" in head and "9 (3-15)" in head


def test_a_unit_is_read_only_in_a_units_place():
    # Not a word after a figure, after "per", a lone letter or an abbreviation in capitals
    # (found by the cold review: each was read as a unit).
    assert not unit_named(PERCENT, "Odds ratio (95% CI)")
    assert not unit_named(TIME, "Time to event, HR (95% CI)")
    assert not unit_named(TIME, "Deaths at 1 year, n (%)")
    assert not unit_named(TIME, "Heart rate, beats per min")
    assert not unit_named(TIME, "Crohn's disease")
    assert not unit_named(TIME, "Vitamin D deficiency")
    assert unit_named(PERCENT, "Deaths at 1 year, n (%)")
