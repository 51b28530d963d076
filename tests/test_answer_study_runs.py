"""The running text of a table row's study, told over two sentences: the first names the study
and cites it ("Holm et al. (2018) withdrew ..."), the next gives the finding and cites nothing
("The rate of falls dropped from 2.1 to 1.2 ..."). The finding is that study's (the nearest
cited sentence before it in its paragraph), so it joins the row, next to its set-up; it
cites nothing of its own. Pinned on a small JATS review written for this test (not the review
in corpus/, not any evaluation question)."""

from __future__ import annotations

import pytest

from conftest import jats_ref

TITLE = "Deprescribing sedatives in care homes: a short review"


def _ref(n, author, year, title):
    return jats_ref(n, author, year, title, journal="J Care Homes")


ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We review trials of withdrawing sedatives from care-home residents.</p></abstract>
</article-meta></front>
<body>
<sec><title>Trials</title>
<p>Three trials withdrew sedatives (Table 1). In Denmark, <xref ref-type="bibr" rid="B1">Holm et al. (2018)</xref>
withdrew benzodiazepines from residents taking three or more sedatives over twelve weeks with a nurse-led taper.
The rate of falls dropped from 2.1 to 1.2 per resident-year, and sleep scores did not change.
In Norway, <xref ref-type="bibr" rid="B2">Berg et al. (2020)</xref> stopped antipsychotics in residents with dementia, and agitation did not rise.</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Trials of sedative withdrawal</p></caption>
<table><thead><tr><th>Study</th><th>Country</th><th>Residents</th><th>Medicine stopped</th><th>Main finding</th></tr></thead>
<tbody>
<tr><td><xref ref-type="bibr" rid="B1">Holm et al., 2018</xref></td><td>Denmark</td><td>158</td><td>Benzodiazepines</td><td>Fewer falls</td></tr>
<tr><td><xref ref-type="bibr" rid="B2">Berg et al., 2020</xref></td><td>Norway</td><td>640</td><td>Antipsychotics</td><td>No rise in agitation</td></tr>
<tr><td><xref ref-type="bibr" rid="B3">Sato et al., 2021</xref></td><td>Japan</td><td>296</td><td>Z-drugs</td><td>Better daytime alertness</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
<back><ref-list><title>References</title>
{_ref(1, "Holm", 2018, "Benzodiazepine withdrawal in care homes")}
{_ref(2, "Berg", 2020, "Stopping antipsychotics in dementia")}
{_ref(3, "Sato", 2021, "Z-drug withdrawal")}
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def sedatives(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "sedatives", ARTICLE, TITLE, suffix=".nxml")


def test_the_finding_after_the_sentence_naming_the_study_joins_its_row(sedatives):
    a = sedatives.answerer.ask("In the Holm benzodiazepine trial in Table 1, what happened to the rate of falls?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "Holm et al., 2018" in head and "dropped from 2.1 to 1.2" in head
    # The finding cites nothing itself: no citation borrows another study's entry for it.
    assert all(set(c.refs) <= {1} for c in a.citations)
