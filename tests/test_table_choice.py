"""Which table and which columns a question asks for, on a small diagnostic-accuracy article
written for these tests: two tables list the same marker (a baseline table and an accuracy
table), a drug table is asked two things of one row, and "how often" asks for a frequency
(a share, a count or an interval), not a duration."""

from __future__ import annotations

import pytest

from qa.answer_type import MEASURE, asked_kind

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>A bedside troponin strip for chest pain in rural clinics</article-title></title-group>
<abstract><p>We compared a bedside troponin strip with the hospital assay.</p></abstract>
</article-meta></front>
<body>
<sec><title>Methods</title>
<p>Adults with chest pain were tested with the strip and the hospital assay on the same blood draw [<xref ref-type="bibr" rid="B1">1</xref>].
The strip was read after fifteen minutes by the clinic nurse, and C-reactive protein (CRP) was measured in the same sample.</p>
<p>The first strip was unreadable in 3.1% of patients, mostly because the blood drop was too small, and a second strip was then used [<xref ref-type="bibr" rid="B2">2</xref>].</p>
</sec>
<sec><title>Results</title>
<p>Outside the trial, clarithromycin doubled the anticoagulant level in a case series of older patients [<xref ref-type="bibr" rid="B2">2</xref>].</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Baseline characteristics</p></caption>
<table><thead><tr><th>Characteristic</th><th>Infarction</th><th>No infarction</th><th>p-value</th></tr></thead>
<tbody>
<tr><td>Age, years</td><td>64</td><td>55</td><td>0.002</td></tr>
<tr><td>Smoker, n (%)</td><td>40 (44)</td><td>120 (31)</td><td>0.04</td></tr>
<tr><td>C-reactive protein above 5 mg/L at presentation, n (%)</td><td>51 (56)</td><td>97 (25)</td><td>&lt;0.001</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T2"><label>Table 2</label><caption><p>Diagnostic accuracy for myocardial infarction</p></caption>
<table><thead><tr><th>Test</th><th>Sensitivity (%)</th><th>Specificity (%)</th></tr></thead>
<tbody>
<tr><td>Troponin strip</td><td>91.4 (85.0–95.6)</td><td>86.0 (81.2–89.9)</td></tr>
<tr><td>Hospital troponin assay</td><td>97.8 (93.1–99.6)</td><td>90.3 (86.2–93.5)</td></tr>
<tr><td>CRP &gt; 5 mg/L</td><td>56.0 (45.2–66.4)</td><td>74.9 (70.1–79.3)</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T3"><label>Table 3</label><caption><p>Drugs that interact with the anticoagulant given after a positive strip</p></caption>
<table><thead><tr><th>Drug</th><th>Class</th><th>Change in anticoagulant level</th><th>Suggested adjustment</th></tr></thead>
<tbody>
<tr><td>Amiodarone</td><td>Antiarrhythmic</td><td>1.8-fold increase</td><td>Halve the dose</td></tr>
<tr><td>Rifampicin</td><td>Antibiotic</td><td>60% decrease</td><td>Avoid</td></tr>
<tr><td>Fluconazole</td><td>Antifungal</td><td>2.4-fold increase</td><td>Monitor levels weekly</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T4"><label>Table 4</label><caption><p>Interference with the strip</p></caption>
<table><thead><tr><th>Interferent</th><th>Main sources</th><th>Effect on the strip</th></tr></thead>
<tbody>
<tr><td>Biotin</td><td>High-dose hair and nail supplements</td><td>Falsely low reading</td></tr>
<tr><td>Heterophile antibodies</td><td>Patients treated with mouse antibodies</td><td>Falsely high reading</td></tr>
<tr><td>Haemolysis</td><td>Patients with difficult blood draws</td><td>Unreadable strip</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T5"><label>Table 5</label><caption><p>Earlier studies of bedside troponin tests</p></caption>
<table><thead><tr><th>Study</th><th>Country</th><th>Half-life of the signal</th><th>Sensitivity (%)</th></tr></thead>
<tbody>
<tr><td>Okoro et al. (2021)</td><td>Nigeria</td><td>40 min</td><td>88.0</td></tr>
<tr><td>Lund et al. (2019)</td><td>Sweden</td><td>25 min</td><td>93.5</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
<back><ref-list><title>References</title>
<ref id="B1"><label>1.</label><mixed-citation>Doe J. Bedside assays. Emerg Med J. 2010;4:5-6.</mixed-citation></ref>
<ref id="B2"><label>2.</label><mixed-citation>Roe R. Capillary blood. Clin Chem. 2011;7:1-9.</mixed-citation></ref>
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def strip(tmp_path_factory, embedder):
    from conftest import engine_for_text

    eng = engine_for_text(tmp_path_factory, embedder, "strip", ARTICLE,
                          "A bedside troponin strip for chest pain in rural clinics", suffix=".nxml")
    assert sum(c.kind == "table_row" for c in eng.index.chunks) == 14
    return eng


def test_the_table_whose_headers_name_what_is_asked_answers(strip):
    # Both tables have a row for CRP above 5 mg/L, and the baseline table's label shares more
    # of the question's words; only Table 2 has sensitivity and specificity.
    a = strip.answerer.ask("What sensitivity and specificity did C-reactive protein above 5 mg/L at presentation have?")
    assert a.status == "answered"
    assert a.text.startswith("Table 2, CRP > 5 mg/L")
    assert "Sensitivity (%): 56.0 (45.2–66.4)" in a.text and "Specificity (%): 74.9 (70.1–79.3)" in a.text


def test_a_column_named_outside_the_wh_phrase_is_shown_too(strip):
    a = strip.answerer.ask("By how much does amiodarone raise the anticoagulant level, and what adjustment is suggested?")
    assert a.status == "answered"
    assert a.text.startswith("Table 3, Amiodarone")
    assert "1.8-fold increase" in a.text and "Halve the dose" in a.text
    assert "Rifampicin" not in a.text


def test_how_often_asks_for_a_frequency_not_a_duration(strip):
    assert asked_kind("How often was the first strip unreadable?") is MEASURE
    a = strip.answerer.ask("How often was the first strip unreadable because the blood drop was too small?")
    assert a.status == "answered"  # a share answers it; no duration is stated
    assert "3.1%" in a.text


def test_the_row_the_question_names_is_kept_when_other_rows_cells_hold_the_asked_word(strip):
    # "patients" names the Main sources column through two rows' cells; the biotin row, the
    # one asked about, says "supplements" and must not be dropped for them.
    a = strip.answerer.ask("Which patients are the main sources of biotin interference?")
    assert a.status == "answered"
    assert "High-dose hair and nail supplements" in a.text


def test_a_list_question_gets_the_rows_and_the_running_text_of_other_studies(strip):
    a = strip.answerer.ask("Which drugs raise the anticoagulant level?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "Amiodarone" in head and "clarithromycin" in head.lower()


def test_numbers_with_an_interval_are_measurements_not_row_labels(strip):
    a = strip.answerer.ask("What specificity did the troponin strip have?")
    assert a.text.startswith("Table 2, Troponin strip — ")  # its sensitivity does not name the row
    assert "Specificity (%): 86.0 (81.2–89.9)" in a.text


def test_what_a_named_study_found_shows_its_findings_not_its_name(strip):
    a = strip.answerer.ask("What did Okoro et al. (2021) report?")
    assert a.status == "answered"
    assert a.text.startswith("Table 5, Okoro et al. (2021)")
    assert "Sensitivity (%): 88.0" in a.text and "Study:" not in a.text


def test_the_cell_giving_the_measurement_asked_is_shown_whatever_its_column_is_called(strip):
    a = strip.answerer.ask("How long was the half-life of the signal in the Lund study?")
    assert a.status == "answered"
    assert "25 min" in a.text


def test_how_many_and_what_percentage_name_the_kind_of_value_not_a_column(strip):
    # "n (%)" cells hold a count with its percentage; "how many" is no column's name, so the
    # count columns are shown, labelled, rather than a column the model guesses for "many";
    # and a row stating "n (%)" meets the word "percentage" it never uses.
    a = strip.answerer.ask("How many smokers had an infarction, and what percentage was that?")
    assert a.status == "answered"
    assert "Infarction: 40 (44)" in a.text[:700]


def test_a_thing_ruled_out_by_its_abbreviation_rules_out_its_long_form_too(strip):
    # "Apart from CRP": the row spells C-reactive protein out and is ruled out all the same.
    a = strip.answerer.ask("Apart from CRP, which baseline characteristics does Table 1 list?")
    assert a.status == "answered"
    assert "Age" in a.text and "Smoker" in a.text
    assert "C-reactive protein above" not in a.text


def test_a_table_called_by_what_its_title_says_is_the_table_asked(strip):
    tables = strip.answerer.tables
    doc = next(iter(strip.answerer.glossaries))
    assert tables.table_called("In the drug interaction table, which drug is an antibiotic?", doc) == 3
    assert tables.table_called("the table of earlier studies: which country?", doc) == 5
    # words no title holds call no table
    assert tables.table_called("the blood sample table", doc) is None
    assert tables.table_called("Which table lists the strip?", doc) is None


def test_one_short_row_asked_shows_its_other_cells_when_no_column_answers_the_wh_phrase(strip):
    # "what ... to do" names no column; "level" names one outside the wh-phrase: the short row whole.
    a = strip.answerer.ask("What does the table tell the nurse to do after a rifampicin level change?")
    assert a.text.startswith("Table 3, Rifampicin") and "Suggested adjustment: Avoid" in a.text
    # "what adjustment" names its column: that cell only.
    b = strip.answerer.ask("What adjustment is suggested for amiodarone?")
    assert "Suggested adjustment: Halve the dose" in b.text and "1.8-fold" not in b.text


def test_a_ruled_out_phrase_stops_at_punctuation():
    from qa.table_answer import _negated

    # ("apart" is question phrasing, never a constraint.)
    assert _negated("Which rows, apart from ALI, name lung disease?").excluded() == {"ali"}
    assert {"100", "000"} <= _negated("a g-force other than 100,000 x g").terms
