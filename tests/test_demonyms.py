"""An adjective of nationality names its country: "the Danish trial" is the one run in
Denmark. One written form for both (as British and American spellings have), so the word is
neither missing from a document that writes only "Denmark" nor a stranger to its rows. Pinned
on a small text written for this test (not the review, not any evaluation question)."""

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
