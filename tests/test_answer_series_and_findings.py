"""Answers from a small JATS article written for these tests (a fictional review of home sleep
and stool tests; not the review in corpus/, not any evaluation question):

- sentences set out alike ("For samples read on the day ... . For samples read after two days
  ...") are one series: the answer quoting one item goes on to the next;
- a study the answer brings as the paragraph carries on ("Okafor et al. compared ...") comes
  with its finding, the uncited sentence after it, or not at all."""

from __future__ import annotations

import pytest

TITLE = "Simple tests outside the laboratory: a narrative review"


def _ref(n, author, year, title):
    return (f'<ref id="B{n}"><mixed-citation>{author} A, Other B. {title}. Clin Lab. {year};{n}:1-9.'
            f'</mixed-citation></ref>')


ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We review tests that patients or nurses run away from the laboratory.</p></abstract>
</article-meta></front>
<body>
<sec><title>Stool calprotectin cassettes</title>
<p>A cassette read by the practice nurse gives a calprotectin result within twelve minutes
[<xref ref-type="bibr" rid="B1">1</xref>]. For samples read on the day of collection, agreement with
the laboratory assay was 94 percent. For samples read after two days in the post, it fell to
71 percent. Nurses needed one short training session.</p>
<p>The cassettes cost less than a laboratory test, and the result is known before the patient leaves
the surgery [<xref ref-type="bibr" rid="B3">3</xref>].</p>
</sec>
<sec><title>Wrist devices for sleep</title>
<p>Wrist devices infer sleep from the absence of arm movement, an assumption that fails in sedated or
weak patients in intensive care. Okafor et al. tested wrist devices for measuring sleep against
polysomnography in 30 ventilated patients in intensive care [<xref ref-type="bibr" rid="B2">2</xref>]. The devices overestimated total sleep
time by two hours per night, because patients lying awake and still were scored as asleep.</p>
<p>Nurses' bedside sleep ratings are cheaper still, but they agree poorly with polysomnography
[<xref ref-type="bibr" rid="B4">4</xref>].</p>
</sec>
</body>
<back>
<ref-list><title>References</title>
{_ref(1, "Haddad", 2021, "Calprotectin cassettes in primary care")}
{_ref(2, "Okafor", 2019, "Wrist devices against polysomnography in intensive care")}
{_ref(3, "Brennan", 2020, "Costs of point-of-care calprotectin")}
{_ref(4, "Silva", 2018, "Nurse ratings of sleep")}
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def tests_doc(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "outside", ARTICLE, TITLE, suffix=".nxml")


def test_the_next_item_of_a_series_joins_the_answer(tests_doc):
    a = tests_doc.answerer.ask("How did agreement with the laboratory assay depend on when samples were read?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "94 percent" in head
    assert "71 percent" in head


def test_a_study_answer_comes_with_its_finding(tests_doc):
    a = tests_doc.answerer.ask("Why are wrist devices unreliable for measuring sleep in intensive care?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "fails in sedated" in head
    assert "Okafor et al. tested" in head and "overestimated total sleep time" in head


def _carried(doc, room: int):
    """The paragraph's first sentence carried on, its next sentence (the study) scoring close
    to it and the study's finding not, in room characters."""
    from qa.passage_answer import Run
    from qa.evidence import content_terms

    p = doc.answerer.passages
    first = next(st for st in p.sentences if st.text.startswith("Wrist devices infer sleep"))
    study = p.sentences[p.next[first.id]]
    terms = content_terms("Why are wrist devices unreliable for measuring sleep in intensive care?")
    hit = doc.searcher.search("wrist devices sleep", k=1)[0]
    run = p._carry_on(Run((first,), hit, 1.0), {first.id: 1.0, study.id: 0.9}, 0.6, room, set(), terms)
    return [st.text for st in run.sentences]


def test_a_study_the_paragraph_carries_on_to_brings_its_finding_or_does_not_come(tests_doc):
    whole = _carried(tests_doc, 700)
    assert len(whole) == 3 and whole[1].startswith("Okafor et al.") and whole[2].startswith("The devices overestimated")
    # No room for the finding: the study's set-up alone is not quoted.
    assert _carried(tests_doc, len(whole[0]) + len(whole[1]) + 10) == whole[:1]


def test_parallel_openings_need_a_little_word_then_a_word_of_content():
    from qa.passage_answer import _parallel

    assert _parallel("For samples read today, agreement was 94%.", "For samples read later, it fell to 71%.")
    assert not _parallel("In the first trial, X rose.", "In the second trial, X fell.")
    assert not _parallel("In addition, sleep was short.", "In addition, costs were high.")
    assert not _parallel("Calprotectin cassettes are cheap.", "Calprotectin cassettes are fast.")
