"""A table's column header carrying a footnote mark ("p*") is described by the footnote in the
table's note ("* McNemar's test comparing ..."): a question naming what the footnote says finds
the column's rows. A small JATS article written for the test, not the review in corpus/."""

from __future__ import annotations

import pytest

from qa.ingest.footnotes import column_footnotes

TITLE = "A bedside urine test for dehydration in farm workers"

ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We compared a bedside urine test with laboratory osmolality in farm workers.</p></abstract>
</article-meta></front>
<body>
<sec><title>Results</title>
<p>Agreement between the bedside test and the laboratory was good overall, and it fell when samples
were kept for longer before testing. Workers preferred the bedside test to a clinic visit.</p>
<p>Heat exposure was highest at midday, and water breaks were most often skipped in the afternoon.</p>
<table-wrap id="T1"><label>Table 1</label><caption><title>Accuracy of the bedside test by sample age</title></caption>
<table><thead><tr><th>Sample age</th><th>Sensitivity</th><th>Specificity</th><th>p*</th></tr></thead>
<tbody>
<tr><td>Within 6 hours</td><td>0.91</td><td>0.88</td><td>0.41</td></tr>
<tr><td>6 to 24 hours</td><td>0.86</td><td>0.84</td><td>0.22</td></tr>
<tr><td>More than 24 hours</td><td>0.71</td><td>0.80</td><td>0.013</td></tr>
</tbody></table>
<table-wrap-foot><fn><p>* McNemar's test comparing the proportions positive by the bedside test and by the
laboratory.</p></fn></table-wrap-foot></table-wrap>
</sec>
</body>
</article>
"""


def test_a_header_mark_is_explained_by_the_notes_footnote():
    note = "CI confidence interval. * McNemar's test comparing the two readings. † Adjusted for age; ‡ not used"
    assert column_footnotes(("Group", "p*", "HR†", "Sensitivity"), note) == (
        ("p*", "McNemar's test comparing the two readings"), ("HR†", "Adjusted for age"))
    # No mark, or a mark the note does not explain: nothing.
    assert column_footnotes(("Group", "p§"), note) == ()
    assert column_footnotes(("p*",), "") == ()


@pytest.fixture(scope="module")
def urine(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "urine", ARTICLE, TITLE, suffix=".nxml")


def test_a_question_naming_the_footnote_finds_the_columns_rows(urine):
    hits = urine.searcher.search("What did McNemar's test give for samples kept more than 24 hours?", k=3)
    assert all(h.chunk.kind == "table_row" for h in hits)
    assert any("0.013" in h.chunk.text for h in hits)
