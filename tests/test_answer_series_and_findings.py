"""How a passage answer's run of sentences grows, on a small JATS article written for these tests
(a fictional review of falls prevention in older people; not the review in corpus/, not any
evaluation question):

- results set out alike under qualifiers ("In women aged ..., the rate ratio was 0.71. In men
  aged ..., it was 0.93.") are one series: the answer quoting one item goes on to the next; a
  sentence citing another study, or one opening on the same subject, is no next item;
- a study the paragraph carries on to comes with its finding, or not at all when the finding
  does not fit; a study sentence saying only what was done brings the next sentence when that
  one states a result, not when it only mentions a thing asked."""

from __future__ import annotations

import pytest

from qa.evidence import content_terms
from qa.passage_answer import Run, _parallel

from conftest import jats_ref

TITLE = "Preventing falls in older people: a narrative review"

LONG = ("Hip protectors worn at night are padded garments meant to spread the force of a sideways fall away from the "
        "hip bone, and they come as briefs, belts and soft foam shells sewn into cotton underwear, in sizes that fit most "
        "residents of care homes, but many residents stop wearing them within weeks because they are hot, "
        "bulky and awkward to put on and take off, especially at night, when residents get up to use the "
        "toilet and are most likely to fall, and staff on night shifts have little time to help them dress")


def _ref(n, author, year, title):
    return jats_ref(n, author, year, title)


ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We review exercise, hip protectors and vitamin D for preventing falls.</p></abstract>
</article-meta></front>
<body>
<sec><title>Exercise classes</title>
<p>Group exercise classes reduced the rate of falls in a pooled analysis of community trials
[<xref ref-type="bibr" rid="B1">1</xref>]. In women aged 75 years or older, the rate ratio was 0.71.
In men aged 75 years or older, it was 0.93. In adults aged 65 to 74 years, Haddad et al. found 20
fewer falls per 100 people [<xref ref-type="bibr" rid="B3">3</xref>].</p>
<p>The classes were led by physiotherapists in 12 centres. The classes cost 40 euros per person a year.</p>
</sec>
<sec><title>Hip protectors</title>
<p>Hip protectors are padded garments meant to spread the force of a sideways fall away from the hip.
Okoye et al. tested hip protectors in 40 care homes [<xref ref-type="bibr" rid="B2">2</xref>].
Hip fractures fell by 33% in the homes where residents wore them most days.</p>
<p>{LONG}. Mensah et al. tested hip protectors in 25 nursing homes [<xref ref-type="bibr" rid="B5">5</xref>].
Hip fractures fell by a quarter in the nursing homes where residents wore them at night.</p>
<p>Lindqvist et al. gave hip protectors to 300 residents [<xref ref-type="bibr" rid="B4">4</xref>].
Residents found the protectors hot, and staff found them hard to fit.</p>
</sec>
</body>
<back>
<ref-list><title>References</title>
{_ref(1, "Brennan", 2021, "Group exercise and falls")}
{_ref(2, "Okoye", 2019, "Hip protectors in care homes")}
{_ref(3, "Haddad", 2020, "Exercise in younger old adults")}
{_ref(4, "Lindqvist", 2018, "Wearing hip protectors")}
{_ref(5, "Mensah", 2022, "Hip protectors at night")}
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def falls(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "falls", ARTICLE, TITLE, suffix=".nxml")


def _sentence(doc, start: str):
    return next(st for st in doc.answerer.passages.sentences if st.text.startswith(start))


def test_the_next_item_of_a_series_joins_the_run_and_another_study_does_not(falls):
    p = falls.answerer.passages
    women = _sentence(falls, "In women aged 75")
    hit = falls.searcher.search("falls in women", k=1)[0]
    run = [st.text for st in p.run_around(women, hit, 1.0, {}, None, content_terms("rate ratio of falls in women")).sentences]
    assert run[-1].startswith("In men aged 75 years or older, it was 0.93")
    assert not any(t.startswith("In adults aged 65") for t in run)  # another study, cited


def test_series_need_a_qualifier_naming_a_thing_and_a_result_in_both():
    assert _parallel("In women, the hazard ratio was 0.71.", "In men, it was 0.95.")
    assert _parallel("Among smokers, 31% relapsed.", "Among non-smokers, 12% relapsed.")
    assert not _parallel("The classes were led by 4 physiotherapists.", "The classes cost 40 euros.")
    assert not _parallel("In 2019, the agency issued 3 guidelines.", "In 2019, a review pooled 12 trials.")
    assert not _parallel("In fact, 20 people left.", "In fact, 10 came back.")
    assert not _parallel("In women, falls were common.", "In men, falls were rarer.")  # no result stated


def _carried(doc, first_start: str, room: int):
    """The paragraph's first sentence carried on, its next sentence (the study) scoring close to
    it and the study's finding not, in room characters."""
    p = doc.answerer.passages
    first = _sentence(doc, first_start)
    study = p.sentences[p.next[first.id]]
    terms = content_terms("Do hip protectors prevent hip fractures in care homes?")
    hit = doc.searcher.search("hip protectors", k=1)[0]
    run = p._carry_on(Run((first,), hit, 1.0), {first.id: 1.0, study.id: 0.9}, 0.6, room, set(), terms)
    return [st.text for st in run.sentences]


def test_a_study_the_paragraph_carries_on_to_brings_its_finding_or_does_not_come(falls):
    whole = _carried(falls, "Hip protectors are padded", 2000)
    assert len(whole) == 3 and whole[1].startswith("Okoye et al.") and whole[2].startswith("Hip fractures fell")
    # No room for the finding: the study's set-up alone is not quoted.
    assert _carried(falls, "Hip protectors are padded", len(whole[0]) + len(whole[1]) + 10) == whole[:1]
    # Nor when the finding would take the run past its own limit (650 characters), room or not.
    long = _carried(falls, "Hip protectors worn at night", 2000)
    assert len(long) == 1 and len(long[0]) + len(_sentence(falls, "Mensah et al.").text) < 650 < \
        len(long[0]) + len(_sentence(falls, "Mensah et al.").text) + len(_sentence(falls, "Hip fractures fell by a quarter").text)


def test_a_set_up_brings_a_result_not_a_sentence_that_only_mentions_the_topic(falls):
    p = falls.answerer.passages
    # (The finding says no word of the question the study's sentence does not: it comes as the
    # result stated after a set-up, not for its words.)
    terms = content_terms("Do hip protectors work in care homes?")
    okoye, lindqvist = _sentence(falls, "Okoye et al."), _sentence(falls, "Lindqvist et al.")
    run, _, cut = p._with_finding([okoye], okoye, terms)
    assert [st.text[:20] for st in run] == ["Okoye et al. tested ", "Hip fractures fell b"] and not cut
    run, _, cut = p._with_finding([lindqvist], lindqvist, terms)
    assert [st.text[:20] for st in run] == ["Lindqvist et al. gav"] and not cut
