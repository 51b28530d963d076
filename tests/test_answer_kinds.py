"""Questions that ask for a measurement ("what share", "how many hours", "what dose") on a
small survey article written for these tests: the answer must state that kind of measurement
(else "not covered"), a table column whose header says "(%)" answers "what share", and words
naming what the whole article is about do not count as missing from its passages."""

from __future__ import annotations

import pytest

from qa.answer_type import AGE, AMOUNT, COUNT, PERCENT, SIZE, SPEED, TEMPERATURE, TIME, asked_kind, gives

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>Patient experience in the outpatient clinic of Riverside District Hospital</article-title></title-group>
<abstract><p>We asked outpatients how they experienced their consultation.</p></abstract>
</article-meta></front>
<body>
<sec><title>Methods</title>
<p>Exit interviews were held with 120 outpatients leaving the consulting rooms [<xref ref-type="bibr" rid="B1">1</xref>].
Nurses triaged every patient on arrival with a colour-coded scale.</p>
<p>Mensah et al. introduced the Kumasi triage card in three district clinics [<xref ref-type="bibr" rid="B2">2</xref>].
The Kumasi card shortened the wait of urgent patients by sorting arrivals into four colour bands.
Staff turnover remained high in all clinics.</p>
</sec>
<sec><title>Results</title>
<p>Waiting was the most common complaint. Patients described the waiting area as crowded and hot, and several left before they were seen [<xref ref-type="bibr" rid="B2">2</xref>].</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Patient experience during the consultation</p></caption>
<table><thead><tr><th>Item</th><th>Yes (%)</th><th>No (%)</th><th>Respondents</th></tr></thead>
<tbody>
<tr><td>Privacy given</td><td>95</td><td>5</td><td>118</td></tr>
<tr><td>Opportunity to ask questions</td><td>61.5</td><td>38.5</td><td>117</td></tr>
<tr><td>Examination performed</td><td>88.0</td><td>12.0</td><td>119</td></tr>
<tr><td>Treatment explained</td><td>72.4</td><td>27.6</td><td>116</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T2"><label>Table 2</label><caption><p>Triage tools in district clinics</p></caption>
<table><thead><tr><th>Tool</th><th>Colour bands</th><th>Staff trained</th><th>Ref.</th></tr></thead>
<tbody>
<tr><td>Kumasi card</td><td>4</td><td>Nurses and porters</td><td>[<xref ref-type="bibr" rid="B2">2</xref>]</td></tr>
<tr><td>Volta chart</td><td>3</td><td>Nurses</td><td>[<xref ref-type="bibr" rid="B1">1</xref>]</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
<back><ref-list><title>References</title>
<ref id="B1"><label>1.</label><mixed-citation>Doe J. Exit interviews. Health Serv J. 2010;4:5-6.</mixed-citation></ref>
<ref id="B2"><label>2.</label><mixed-citation>Roe R. Waiting rooms. Clin Care. 2011;7:1-9.</mixed-citation></ref>
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def clinic(tmp_path_factory, embedder):
    from conftest import engine_for_text

    eng = engine_for_text(tmp_path_factory, embedder, "clinic", ARTICLE,
                          "Patient experience in the outpatient clinic of Riverside District Hospital", suffix=".nxml")
    assert sum(c.kind == "table_row" for c in eng.index.chunks) == 6
    return eng


def test_the_kind_of_measurement_a_question_asks_for():
    assert asked_kind("What share of patients were given privacy?") is PERCENT
    assert asked_kind("How many hours does ultracentrifugation take?") is TIME
    assert asked_kind("What was the recommended dose of the drops?") is AMOUNT
    assert asked_kind("How big are the vesicles?") is SIZE
    assert asked_kind("How much compute did the analysis take?") is TIME
    assert asked_kind("At what g-force were they pelleted?") is SPEED
    assert asked_kind("How many patients were interviewed?") is COUNT
    # How large trials were is how many took part; a tumour in a trial is measured.
    assert asked_kind("How large were the statin trials?") is COUNT and asked_kind("How big was the cohort?") is COUNT
    assert asked_kind("How big is the tumour in the trial?") is SIZE
    assert asked_kind("Which cargo reduces VEGF?") is None and asked_kind("Why do patients wait?") is None
    assert asked_kind("What was the mean age of the cohort?") is AGE and asked_kind("How old were the mice?") is AGE
    assert asked_kind("What was the patients' age?") is AGE
    # An age group is a group, asked by its name; in "what role does donor age play" the
    # noun asked is the role (a verb stands between), as in "what effect does temperature have".
    assert asked_kind("Which age group fell most often?") is None and asked_kind("Which age cohort fell most?") is None
    assert asked_kind("What role does donor age play in exosome yield?") is None
    assert asked_kind("What effect does temperature have on the yield?") is None


def test_an_age_is_years_a_number_beside_the_word_or_a_stage_of_life():
    assert gives(AGE, "The mean age was 72.4 ± 6.1 years [3].") and gives(AGE, "Age, mean (SD) — 64 (9)")
    assert gives(AGE, "participants aged between 18 and 40") and gives(AGE, "in newborn rats with lung injury")
    assert gives(AGE, "Male C57BL/6 mice, 8-week-old, were used") and gives(AGE, "rats at 12 months of age")
    # A trial's size, its year, its name's digits or a span of time state no age.
    assert not gives(AGE, "The STABLE-COL trial enrolled 212 patients in 2019 [4].")
    assert not gives(AGE, "Over 2 years, exit interviews were held with 120 outpatients")
    assert not gives(AGE, "a correlation between age and BMI (r = 0.3)") and not gives(AGE, "infantile hemangioma")


def test_the_age_asked_is_not_answered_by_the_study_that_never_gives_it(clinic):
    # The article tells of the exit interviews (and their 120 outpatients), never their ages.
    a = clinic.answerer.ask("What was the mean age of the outpatients in the exit interviews?")
    assert a.status == "not_found"
    assert clinic.answerer.ask("How many outpatients took part in the exit interviews?").status == "answered"


def test_a_measurement_is_a_number_of_the_finding_not_a_name_or_a_reference():
    assert gives(COUNT, "interviews with 120 outpatients [1]")
    assert not gives(COUNT, "miR-21 and IL-6 lowered CD73 [12, 14–16]")
    assert not gives(COUNT, "as shown before (Smith et al., 2015)")
    assert not gives(COUNT, "in the 2019 outbreak")  # a year is not a count
    assert gives(PERCENT, "Yes (%): 61.5") and gives(PERCENT, "rose by 40 %") and not gives(PERCENT, "rose sharply")
    assert gives(SPEED, "Ultracentrifugation (150,000×g)") and gives(TIME, "within 2 h")
    assert gives(TIME, "within five days") and gives(TEMPERATURE, "above twelve degrees") and gives(TEMPERATURE, "at 4 °C")
    assert gives(AMOUNT, "a dose of 15 mL") and not gives(AMOUNT, "in 24 patients")


def test_a_unit_may_head_the_number_as_a_table_cell_is_read():
    # The unit in the column's header or in the row's label, the number after it.
    assert gives(TIME, "Time to surgery (days): 3 (2–5)") and gives(TIME, "Follow-up, months: 12")
    assert gives(TIME, "Hospital stay, days — Placebo (n = 209): 7 (4–10)")
    assert gives(TIME, "Outcome: Hospital stay, days; Drug (n = 212): 6 (4–9)")
    assert gives(TIME, "Follow-up (months), median (IQR): 24") and gives(TIME, "Days: 3")
    assert gives(TIME, "Duration of surgery (h): 2.5") and gives(AMOUNT, "Dose (mg/day): 500")
    assert gives(SIZE, "Mean diameter (nm) ± SD: 120")
    # A share is no amount, a plural marker or a letter naming a thing no unit, a unit word
    # at the end of one cell no unit of the next cell's number, and an age no duration.
    assert not gives(AMOUNT, "Taking a supplement — Intervention (n = 212) %: 64.6")
    assert not gives(TIME, "Item(s): 3") and not gives(TIME, "Outcome: Recurrence; Drug (n = 212): 14")
    assert not gives(TIME, "a period of weeks; Main outcome: 3 patients")
    assert not gives(TIME, "Vitamin D: 30") and not gives(AMOUNT, "Sex, M; Drug (n = 212): 120")
    assert not gives(AMOUNT, "Grade (G): 3") and not gives(TIME, "Heart rate, beats per min: 72")
    assert not gives(TIME, "Age (years): 78") and not gives(TIME, "Characteristic: Age, years; Drug (n = 212): 64 (9)")


def test_a_size_may_be_an_area_not_a_volume():
    assert gives(SIZE, "a 4 cm² ulcer") and gives(SIZE, "30–100 nm in diameter")
    # Reagents are measured out in mL: an amount, not how big something is.
    assert not gives(SIZE, "resuspended in 100 µL PBS") and not gives(SIZE, "dipped into 1 ml of GO")
    assert not gives(SIZE, "in 24 patients") and not gives(SIZE, "Cholangiocarcinoma (CC): 12")


def test_what_share_reads_the_percentage_columns_of_the_row(clinic):
    a = clinic.answerer.ask("In the Riverside District Hospital exit interviews, what share of outpatients "
                            "were given privacy during the consultation?")
    assert a.status == "answered"
    assert a.text.startswith("Table 1, Privacy given")
    assert "Yes (%): 95" in a.text
    assert "Opportunity" not in a.text


def test_the_topic_without_the_asked_measurement_is_not_an_answer(clinic):
    # The article talks about waiting at length but never says how long anyone waited.
    for q in ["How many hours did outpatients wait before their consultation?",
              "What percentage of outpatients left before they were seen?"]:
        a = clinic.answerer.ask(q)
        assert a.status == "not_found", (q, a.text)
        assert a.hits and not a.citations  # the closest passages still come back
    count = clinic.answerer.ask("How many outpatients were interviewed when leaving the consulting rooms?")
    assert count.status == "answered" and "120 outpatients" in count.text


def test_a_run_goes_on_to_the_sentence_that_names_its_subject_again(clinic):
    a = clinic.answerer.ask("How did the Kumasi triage card help urgent patients in district clinics?")
    assert a.status == "answered"
    assert "Mensah et al. introduced" in a.text and "shortened the wait of urgent patients" in a.text
    assert "Staff turnover" not in a.text


def test_a_passage_answer_brings_the_table_row_of_the_same_study(clinic):
    a = clinic.answerer.ask("How did the Kumasi triage card help urgent patients in district clinics?")
    assert "shortened the wait of urgent patients" in a.text
    # the row citing the same reference [2] and naming the card, with its cells
    assert "Table 2, Kumasi card — Colour bands: 4; Staff trained: Nurses and porters [2]" in a.text
    assert "Volta" not in a.text


def test_a_superlative_is_answered_from_the_numbers_of_the_column_it_names(clinic):
    fewest = clinic.answerer.ask("Which consultation item was answered by the fewest respondents?")
    assert fewest.status == "answered" and fewest.text.startswith("Table 1, Treatment explained")
    assert "Respondents: 116" in fewest.text and fewest.did_you_mean is None  # "fewest" is not respelled
    best = clinic.answerer.ask("Which consultation item had the highest Yes percentage?")
    assert best.text.startswith("Table 1, Privacy given") and "Yes (%): 95" in best.text


def test_a_table_the_document_does_not_have_is_not_covered(clinic):
    assert clinic.answerer.ask("Which consultation items does Table 1 list for privacy?").status == "answered"
    a = clinic.answerer.ask("Which consultation items does Table 5 list for privacy?")
    assert a.status == "not_found" and a.hits
