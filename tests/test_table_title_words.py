"""Words that name a table by its title ("the table of tools" for "Tools used to judge
medicines") point at the table, not at its "Tool" column; and the subject of "what does the
Drug Burden Index measure" names the row ("Index" is a word the Tool column's cells say in
many rows), while the verb asks. The row's cells that answer are shown. Pinned on a small
JATS review written for this test (not the review in corpus/, not any evaluation question)."""

from __future__ import annotations

import pytest

TITLE = "Medication review in care homes"


def _row(*cells):
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We review how medicines are judged in care homes.</p></abstract>
</article-meta></front>
<body>
<sec><title>Background</title>
<p>Residents of care homes take many medicines, and many of those no longer serve their goals of care.</p>
<p>Stopping a medicine needs a plan for tapering, for watching for withdrawal and for restarting when needed.</p>
<p>Nurses see the residents every day and notice falls, drowsiness and confusion before anyone else does.</p>
<p>Pharmacists visit the homes less often but can read the whole list of medicines against the records.</p>
<p>Family members are often asked to agree to a change when the resident cannot decide alone.</p>
<p>Trials of stopping medicines have measured falls, admissions to hospital, deaths and quality of life.</p>
</sec>
<sec><title>Instruments</title>
<p>Several instruments were used by the trials to judge the medicines residents take (Table 1).</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Tools used to judge medicines</p></caption>
<table><thead><tr><th>Tool</th><th>Type</th><th>What it assesses</th><th>Comments</th></tr></thead>
<tbody>
{_row("Drug Burden Index", "Pharmacological index", "Cumulative exposure to sedative medicines", "Needs dose data that records often lack")}
{_row("Medication Appropriateness Index", "Implicit rating", "Ten questions rated for each medicine", "Rating takes ten minutes per resident")}
{_row("Medication Regimen Complexity Index", "Complexity score", "Complexity of the whole regimen", "Reflects nursing workload")}
{_row("Beers Criteria", "Explicit criteria", "Medicines to avoid in older adults", "Used in North American trials")}
</tbody></table></table-wrap>
</sec>
</body>
</article>
"""


@pytest.fixture(scope="module")
def tools(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "tools", ARTICLE, TITLE, suffix=".nxml")


def test_the_table_named_by_its_title_and_a_row_named_by_its_subject(tools):
    a = tools.answerer.ask("According to the table of tools, what does the Drug Burden Index measure?")
    assert a.status == "answered"
    assert "Cumulative exposure to sedative medicines" in a.text[:700]


def test_a_row_asked_two_things_without_column_names_shows_its_cells_not_its_name(tools):
    a = tools.answerer.ask("According to the table of tools, what does the Drug Burden Index measure, "
                           "and what practical problem did it pose?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "Cumulative exposure to sedative medicines" in head and "Needs dose data" in head
