"""A question asking the same thing of two rows ("what percentage were women and what percentage
were current smokers?") gets a row for each question asked, not only the row meeting most of
its words. A small JATS article written for the test, not the review in corpus/."""

from __future__ import annotations

import pytest

TITLE = "Walking groups after heart surgery: a randomised trial"

ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We randomised adults after heart surgery to walking groups or usual care.</p></abstract>
</article-meta></front>
<body>
<sec><title>Results</title>
<p>Participants in the two groups were alike at baseline (Table 1). Most were men, and most had
had bypass surgery.</p>
<table-wrap id="T1"><label>Table 1</label><caption><title>Baseline characteristics</title></caption>
<table><thead><tr><th>Characteristic</th><th>Walking group %</th><th>Usual care %</th></tr></thead>
<tbody>
<tr><td>Age over 70 years</td><td>31.0</td><td>29.4</td></tr>
<tr><td>Female sex</td><td>27.5</td><td>25.1</td></tr>
<tr><td>Current daily cigarette smoker</td><td>14.2</td><td>16.8</td></tr>
<tr><td>Diabetes</td><td>22.7</td><td>24.3</td></tr>
<tr><td>Bypass surgery</td><td>71.0</td><td>68.2</td></tr>
</tbody></table></table-wrap>
<p>Attendance at the walking groups fell over the winter months.</p>
</sec>
</body>
</article>
"""


@pytest.fixture(scope="module")
def walking(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "walking", ARTICLE, TITLE, suffix=".nxml")


def test_each_question_asked_of_a_table_gets_its_row(walking):
    a = walking.answerer.ask("In the walking group, what percentage of participants were women "
                             "and what percentage were current daily cigarette smokers?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "27.5" in head and "14.2" in head


def test_clauses_asking_different_things_pick_no_rows_of_their_own():
    from qa.table_answer import _conjuncts

    assert _conjuncts("what percentage were women and what percentage were current smokers?")
    # Asked otherwise, but of the same things (half the words of the shorter clause shared).
    assert _conjuncts("which device-related adverse events were most common with the drug, and how often "
                      "did serious adverse events occur with the drug?")
    # Different things asked, or a word shared by chance ("surgery"): columns of one row.
    assert _conjuncts("which pathway does the cargo block, and how were the vesicles isolated?") == ()
    assert _conjuncts("what is the risk ratio for atrial fibrillation after surgery, and how many days "
                      "before surgery was the drug started?") == ()
