""""How many patients ...": a sentence counting the things named ("1,046 patients screened") is
preferred to one counting people in other words ("fewer than 40 participants") or other things
("six hospitals"), though the others name the trial asked about. A small JATS article written
for the test (a fictional breathing-training trial), not the review in corpus/."""

from __future__ import annotations

import pytest

TITLE = "Home breathing training after stroke: the AIRFLOW trial"

ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We tested home breathing training early after stroke.</p></abstract>
</article-meta></front>
<body>
<sec><title>Background</title>
<p>Breathing muscles weaken after a stroke, and chest infections follow. Earlier trials screened
patients for breathing training in a single laboratory and enrolled fewer than 40 participants each,
months after the stroke. We therefore conducted the AIRFLOW trial.</p>
</sec>
<sec><title>Methods</title>
<p>AIRFLOW was a multicentre randomised trial with a sham comparator. It was conducted in six hospital
stroke units between 2019 and 2022, and training began within two weeks of the stroke.</p>
<p>Eligible patients were adults with a first ischaemic stroke and weak breathing muscles.</p>
</sec>
<sec><title>Training</title>
<p>Training used a handheld device with a valve that opens only at a set pressure, which was raised
each week by the physiotherapist after a short test of breathing strength at home. Sessions lasted
ten minutes twice a day, and participants kept a diary of every session they completed.</p>
</sec>
<sec><title>Sham training</title>
<p>Sham training used the same device with the valve removed, so that it gave no resistance at all.
Participants in the sham group kept the same diary and received the same number of home visits, so
that attention from staff was the same in both groups throughout the eight weeks of training.</p>
</sec>
<sec><title>Outcomes</title>
<p>Outcomes were assessed by physiotherapists who did not know the group of each patient. The primary
outcome was breathing strength at eight weeks; chest infections, walking and quality of life were
secondary outcomes, each measured at the end of training and again three months later.</p>
</sec>
<sec><title>Results</title>
<p>Mean age was 69 years, and women made up two fifths of the trial's population.</p>
<p>Breathing strength rose more with training than with sham training, and chest infections were
fewer.</p>
<p>Recruitment was slower than planned in two units. Of 1,046 patients screened, 824 were excluded,
mostly because their breathing muscles were strong enough, and 222 were randomised.</p>
</sec>
</body>
</article>
"""


@pytest.fixture(scope="module")
def airflow(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "airflow", ARTICLE, TITLE, suffix=".nxml")


QUESTION = "How many patients were screened for the AIRFLOW trial?"


def test_a_count_of_the_things_named_is_preferred(airflow):
    from qa.answer_type import COUNT
    from qa.evidence import content_terms
    from qa.passage_answer import counted_patterns

    passages = airflow.answerer.passages
    hits = airflow.searcher.search(QUESTION, k=8)
    qv, terms = airflow.searcher.embed_query(QUESTION), content_terms(QUESTION)

    def scores(counted):
        scored = passages.score_sentences(qv, terms, hits, kind=COUNT, counted=counted)
        named = next(sc for sc, st, _ in scored if "1,046 patients" in st.text)
        kin = next(sc for sc, st, _ in scored if "fewer than 40 participants" in st.text)
        return named, kin

    # Any count preferred alike, then the count of patients preferred over people in other words:
    # the sentence counting patients keeps the whole preference, "40 participants" keeps less.
    named_any, kin_any = scores(None)
    named, kin = scores(counted_patterns(QUESTION))
    assert named == pytest.approx(named_any)
    assert kin_any - kin == pytest.approx(0.10)
    assert counted_patterns("What did the AIRFLOW trial find?") is None

def test_the_count_asked_is_in_the_answer(airflow):
    a = airflow.answerer.ask(QUESTION)
    assert a.status == "answered" and "1,046" in a.text[:700]


def test_a_count_further_down_is_found_when_the_first_passages_hold_none(airflow):
    # The passage with the count ranked seventh: the first five hold no count of patients, so
    # the answer looks further down for one.
    hits = airflow.searcher.search(QUESTION, k=12)
    counted = [h for h in hits if "1,046" in h.chunk.text]
    rest = [h for h in hits if "1,046" not in h.chunk.text and h.chunk.kind != "table_row"]
    assert counted and len(rest) >= 5
    order = rest[:5] + counted + rest[5:]
    runs = airflow.answerer.passages.answer(airflow.searcher.embed_query(QUESTION), set(), order, question=QUESTION)
    assert any("1,046 patients" in r.text for r in runs)
