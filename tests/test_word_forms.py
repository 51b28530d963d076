"""One term for words the stemmer cannot join. An adjective of nationality names its country:
"the Danish trial" is the one run in Denmark; "women" are a "Female sex" row's. One written
form for both (as British and American spellings have), so the word is neither missing from a
document that writes only "Denmark" nor a stranger to its rows. Pinned on small texts written
for this test (not the review, not any evaluation question)."""

from __future__ import annotations

import pytest

from qa.index.lexical import analyze

def _row(study, country, n, finding):
    return f"<tr><td>{study}</td><td>{country}</td><td>{n}</td><td>{finding}</td></tr>"


ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>Deprescribing in care homes</article-title></title-group>
<abstract><p>We review trials of stopping medicines in care homes.</p></abstract>
</article-meta></front>
<body>
<sec><title>Trials</title>
<p>The trials differed in how medicines were chosen for withdrawal. In Norway, a team of nurses reviewed
every resident's list each month. In Japan, pharmacists used a national list of inappropriate medicines.</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Included trials</p></caption>
<table><thead><tr><th>Study</th><th>Country</th><th>Residents</th><th>Finding</th></tr></thead>
<tbody>
{_row("Holm 2018", "Denmark", 158, "Fewer falls with fewer sedatives")}
{_row("Berg 2020", "Norway", 640, "Fewer drug-related problems")}
{_row("Sato 2021", "Japan", 296, "Fewer inappropriate medicines")}
</tbody></table></table-wrap>
</sec>
</body>
</article>
"""


def test_a_nationality_and_its_country_are_one_term():
    assert analyze("Danish") == analyze("Denmark")
    assert analyze("the Norwegian and Japanese trials") == analyze("the Norway and Japan trials")
    assert analyze("Dutch-run") == analyze("Netherlands-run")


@pytest.fixture(scope="module")
def homes(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "homes", ARTICLE, "Deprescribing in care homes",
                           suffix=".nxml")


def test_a_question_naming_the_nationality_finds_the_countrys_row(homes):
    q = "How many residents were in the Danish trial?"
    assert "Danish" not in homes.answerer.judge.missing_terms(q)
    a = homes.answerer.ask(q)
    assert a.status == "answered" and "158" in a.text[:700]
    a = homes.answerer.ask("What did the Norwegian nurses do each month?")
    assert a.status == "answered" and "reviewed every resident" in a.text[:700]


def test_irregular_forms_the_stemmer_cannot_join_are_one_term():
    # "women" for a "Female sex" row, "died" for "Death from any cause".
    assert analyze("women") == analyze("female") == analyze("females")
    assert analyze("died") == analyze("death") == analyze("dying")


BASELINE = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>Nurse-led review in care homes: a trial</article-title></title-group>
<abstract><p>A trial of nurse-led medication review.</p></abstract>
</article-meta></front>
<body>
<sec><title>Results</title>
<p>Baseline characteristics of the 169 residents were balanced between the groups (Table 1).</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Baseline characteristics</p></caption>
<table><thead><tr><th></th><th>Review n (%)</th><th>Review mean (SD)</th><th>Usual care n (%)</th><th>Usual care mean (SD)</th></tr></thead>
<tbody>
<tr><td>Age, years</td><td></td><td>84.2 (6.1)</td><td></td><td>83.9 (6.4)</td></tr>
<tr><td>Female sex</td><td>61 (71.8%)</td><td></td><td>58 (69.0%)</td><td></td></tr>
<tr><td>Dementia</td><td>40 (47.1%)</td><td></td><td>37 (44.0%)</td><td></td></tr>
</tbody></table></table-wrap>
</sec>
</body>
</article>
"""


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "baseline", BASELINE, "Nurse-led review in care homes: a trial",
                           suffix=".nxml")


def test_a_row_named_in_other_words_shows_the_cells_it_holds(baseline):
    # "women" finds the "Female sex" row; asked with "mean", whose columns are empty in that
    # row, the answer shows the cells the row has rather than none.
    a = baseline.answerer.ask("What was the mean age, and what percentage were women?")
    assert a.status == "answered"
    assert "61 (71.8%)" in a.text[:700]
