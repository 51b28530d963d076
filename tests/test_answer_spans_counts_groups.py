"""Answers from a small JATS article written for these tests (a fictional study of a bedside
stool test; not the review in corpus/, not any evaluation question):

- a study named and cited as a sentence's subject goes on in the uncited sentences after it,
  and its finding may be two sentences on;
- a short sentence that only says what its paragraph reports ("Agreement depended on sample
  age.") comes with the next one;
- "how many patients ..." is answered by a count of people, not by a dose or a share;
- words of general English the article never uses ("undisturbed", "reliably") do not make a
  question "not covered" as if they named a thing it lacks;
- a table's group headings pick its rows ("aged 18-49"), unless the question names two of them;
- a question pointing at a table is answered from it, even when a section heading names what
  it asks ("Limitations");
- the cell giving the kind of measurement asked (a size) is shown for the row that answers."""

from __future__ import annotations

import pytest

from conftest import jats_ref

TITLE = "A bedside stool test in general practice: a diagnostic study"


def _ref(n, author, year, title):
    return jats_ref(n, author, year, title, journal="J Prim Care")


ARTICLE = f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>{TITLE}</article-title></title-group>
<abstract><p>We studied a bedside stool test for bowel inflammation in general practice.</p></abstract>
</article-meta></front>
<body>
<sec><title>Earlier trials</title>
<p>Two earlier trials tested similar devices. <xref ref-type="bibr" rid="B1">Okonkwo et al. (2021)</xref> randomised
adults in nine practices to the bedside test or to laboratory testing. The bedside arm received results
on the same day. Referral for endoscopy fell from 41% to 29% in the bedside arm.
<xref ref-type="bibr" rid="B2">Lindqvist et al. (2020)</xref> gave 20 mg of omeprazole to volunteers
before sampling, and the test read 12% lower afterwards.</p>
<p><xref ref-type="bibr" rid="B3">Moreau et al. (2019)</xref> enrolled 847 adults with abdominal pain in rural clinics and
found the test positive in one in five of them.</p>
</sec>
<sec><title>Sample storage</title>
<p>Agreement depended on sample age. For samples read within a day of collection, kappa was 0.91.
For samples kept longer, kappa fell to 0.64 and more results were falsely negative.</p>
<p>The laboratory was often disturbed at night: couriers called a mean of 14 times per night,
and an uninterrupted hour occurred on only 7% of nights.</p>
<p>Practice nurses judged by eye whether a cassette line was present, and their judgements were unreliable
when the line was faint, compared with the reader device.</p>
</sec>
<sec><title>Follow-up</title>
<p><xref ref-type="bibr" rid="B3">Moreau et al. (2019)</xref> also phoned the clinics, and at 6 months patients reported less pain.</p>
<p>Overall kappa was 0.85. Couriers were paid by the trip.</p>
</sec>
<sec><title>Tracer study</title>
<p>Labelled marker beads given by vein mostly lodged in the lungs, and under 2% of them reached the bowel wall.</p>
</sec>
<sec><title>Limitations</title>
<p>The study was small, and practices volunteered to take part, so they may have been keener than most.</p>
</sec>
<table-wrap id="T1"><label>Table 1</label><caption><title>Ways of reading the bedside test</title></caption>
<table><thead><tr><th>Method</th><th>What is read</th><th>Limitations</th></tr></thead>
<tbody>
<tr><td>Visual reading</td><td>Presence of a coloured line</td><td>Misses faint lines in poor light</td></tr>
<tr><td>Reader device</td><td>Line intensity as a number</td><td>Needs charging and yearly calibration</td></tr>
<tr><td>Smartphone photograph</td><td>Line intensity from a photograph</td><td>Depends on the camera and on glare</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T2"><label>Table 2</label><caption><title>Accuracy of the bedside test by age group and cut-off</title></caption>
<table><thead><tr><th>Cut-off (µg/g)</th><th>Sensitivity</th><th>NPV</th></tr></thead>
<tbody>
<tr><td colspan="3">Age 18-49 years</td></tr>
<tr><td>50</td><td>0.94</td><td>0.98</td></tr>
<tr><td>100</td><td>0.88</td><td>0.96</td></tr>
<tr><td colspan="3">Age 50-70 years</td></tr>
<tr><td>50</td><td>0.86</td><td>0.93</td></tr>
<tr><td>100</td><td>0.80</td><td>0.91</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T3"><label>Table 3</label><caption><title>Definitions of the target conditions</title></caption>
<table><thead><tr><th>Condition</th><th>Definition</th><th>Source</th></tr></thead>
<tbody>
<tr><td>Large polyp</td><td>A polyp of 10 mm or more at endoscopy</td><td>Endoscopy reports</td></tr>
<tr><td>Bowel disease</td><td>Inflammatory disease, cancer or a large polyp within a year</td><td>Records and reports</td></tr>
<tr><td>Normal bowel</td><td>No finding at endoscopy or follow-up</td><td>Records</td></tr>
</tbody></table></table-wrap>
</body>
<back>
<glossary><title>Abbreviations</title><def-list>
<def-item><term>NPV</term><def><p>negative predictive value</p></def></def-item>
</def-list></glossary>
<ref-list><title>References</title>
{_ref(1, "Okonkwo", 2021, "Bedside stool testing in primary care")}
{_ref(2, "Lindqvist", 2020, "Omeprazole and stool markers")}
{_ref(3, "Moreau", 2019, "Stool testing in rural clinics")}
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def stool(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "stool", ARTICLE, TITLE, suffix=".nxml")


def test_a_study_goes_on_in_the_uncited_sentences_after_the_one_citing_it(stool):
    a = stool.answerer.ask("How did endoscopy referral change in the Okonkwo et al. (2021) trial?")
    assert a.status == "answered"
    # The finding is two sentences after the one naming and citing the study.
    assert "fell from 41% to 29%" in a.text[:700]
    # Asked with another study, each part's best sentence is the one naming its study.
    b = stool.answerer.ask("What did the Lindqvist et al. (2020) omeprazole study find, and what did the Okonkwo et al. "
                           "(2021) trial of the bedside test in nine practices find for endoscopy referral?")
    assert b.status == "answered"
    assert "12% lower" in b.text[:700] and "fell from 41% to 29%" in b.text[:700]


def test_a_short_sentence_saying_what_its_paragraph_reports_comes_with_the_next(stool):
    a = stool.answerer.ask("How did agreement depend on how old the stool sample was?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "Agreement depended on sample age." in head and "0.91" in head


def test_how_many_people_is_answered_by_a_count_of_people_not_a_dose_or_a_share(stool):
    counted = stool.answerer.ask("How many patients were included in the Moreau et al. (2019) study?")
    assert counted.status == "answered" and "847 adults" in counted.text[:700]
    # Lindqvist's sentence gives a dose (20 mg) and a share (12%), never how many took part.
    uncounted = stool.answerer.ask("How many volunteers took part in the Lindqvist et al. (2020) omeprazole study?")
    assert uncounted.status == "not_found"
    # "How many actually reach ..." counts no thing named: the share that does answers it.
    share = stool.answerer.ask("When marker beads are given by vein, how many actually reach the bowel wall?")
    assert share.status == "answered" and "under 2%" in share.text[:700]
    # "At 6 months patients ...": a time before the people, not a count of them.
    months = stool.answerer.ask("How many patients were phoned in the Moreau et al. (2019) follow-up?")
    assert months.status == "not_found" or "847" in months.text[:700]
    # Nor is "how many had a lower reading" answered by the 12% it was lower by.
    lower = stool.answerer.ask("How many of the volunteers had a lower test reading after omeprazole?")
    assert lower.status == "not_found"


def test_a_short_sentence_stating_its_own_finding_does_not_bring_the_next(stool):
    a = stool.answerer.ask("What was the overall kappa?")
    assert a.status == "answered" and "0.85" in a.text[:700]
    assert "Couriers were paid" not in a.text


def test_a_table_without_the_column_asked_leaves_the_question_to_its_section(stool):
    a = stool.answerer.ask("What are the limitations of the accuracy estimates in Table 2?")
    assert "The study was small" in a.text[:700] or a.status == "not_found"
    assert "0.94" not in a.text[:700]


def test_general_english_words_the_article_never_uses_do_not_decline_the_question(stool):
    a = stool.answerer.ask("How often was the laboratory disturbed at night, and how often did it get an undisturbed hour?")
    assert a.status == "answered" and "7%" in a.text[:700]
    b = stool.answerer.ask("Can practice nurses reliably read the cassette line by eye?")
    assert b.status == "answered" and "unreliable" in b.text[:700]


def test_inflected_common_words_are_told_from_terms_of_art():
    from qa.lexicon import inflected_common

    for word in ("undisturbed", "reliably", "untreated", "overworked", "sprouting", "stopped"):
        assert inflected_common(word), word
    # A rarely written base may be a term of art, and a name is no inflection.
    for word in ("engrafting", "pegylated", "sonicated", "periodontitis", "assembly"):
        assert not inflected_common(word), word


def test_a_group_heading_picks_the_row_it_heads(stool):
    a = stool.answerer.ask("In participants aged 18-49 years, what was the negative predictive value at the 50 µg/g cut-off?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "0.98" in head and "0.93" not in head


def test_a_question_naming_two_groups_is_picked_by_neither(stool):
    a = stool.answerer.ask("What was the sensitivity at 50 µg/g in the 18-49 years and the 50-70 years age groups?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "0.94" in head and "0.86" in head


def test_the_table_pointed_at_answers_though_a_section_heading_names_what_is_asked(stool):
    a = stool.answerer.ask("According to the table of ways of reading the test, what are the limitations of visual reading?")
    assert a.status == "answered"
    assert "Misses faint lines in poor light" in a.text[:700]


def test_the_cell_giving_the_size_asked_is_shown_for_the_row_that_answers(stool):
    a = stool.answerer.ask("What size of polyp counted as a large polyp in this study?")
    assert a.status == "answered"
    assert "10 mm or more" in a.text[:700]


def test_a_how_phrase_after_a_preposition_asks_no_measurement():
    from qa.answer_type import asked_kind

    assert asked_kind("How did agreement depend on how old the stool sample was?") is None
    assert asked_kind("Does the effect depend on how many doses were given?") is None
    # A preposition opening the question goes with its own "how".
    assert asked_kind("For how many days did the gel release exosomes?").name == "duration"
    assert asked_kind("How old were the patients?").name == "age"


def test_a_count_is_no_share_dose_or_time():
    from qa.answer_type import COUNTED, gives

    for text in ("8 mg of melatonin", "(24% versus 38%)", "for 72 hours", "52 to 59 dB(A)", "3.5 cm"):
        assert not gives(COUNTED, text), text
    for text in ("enrolled 847 adults", "n = 96", "in 26 ICU patients", "1,210 participants"):
        assert gives(COUNTED, text), text


def test_a_table_rows_index_text_spells_out_the_abbreviations_of_its_column_names():
    from qa.chunk import index_text
    from qa.types import Chunk, Span, TableInfo

    row = Chunk(id="d:t:1", doc_id="d", kind="table_row", text="200 4.08 (2.40-6.93)", span=Span(0, 10),
                section=("Table 3",), page=1, refs=(),
                table=TableInfo(number=3, title="Accuracy", group="Regular NSAID use", columns=("Cut-off", "LR+ (95% CI)"),
                               cells=(("Cut-off", "200"), ("LR+ (95% CI)", "4.08 (2.40-6.93)"))))
    text = index_text(row, {"LR+": "positive likelihood ratio", "NSAID": "non-steroidal anti-inflammatory drug"})
    assert "positive likelihood ratio" in text and "non-steroidal anti-inflammatory drug" in text
    # A column abbreviation made of the document title's words names what everything is about:
    # not spelled out in every row (the words compared as stems: "ratios" is "ratio").
    titled = index_text(row, {"LR+": "positive likelihood ratio"}, title="Positive likelihood ratios of a stool test")
    assert "positive likelihood ratio" not in titled


def test_a_scale_named_by_its_abbreviation_is_the_attribute_asked():
    from qa.answer_type import stated_attribute

    # A table's column says "Mean RCSQ"; "scores" only says what kind of value it is.
    assert stated_attribute("What were the mean RCSQ scores in the control arm?") == "RCSQ"
    assert stated_attribute("What was the mean cough frequency score change with honey?") == "cough frequency score"
