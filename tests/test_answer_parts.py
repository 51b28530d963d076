"""An answer that must hold two parts the document keeps in two places: a study's finding in
running text and a cell of the same study's table row, named by its column. Pinned on a small
phage-therapy article written for these tests (not the review, not any evaluation question).
Also: a measurement noun that only modifies another word ("size-exclusion") asks for no
measurement."""

from __future__ import annotations

import pytest

from qa.answer_type import asked_kind, preferred_kind

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>Bacteriophage therapy for chronic wound infection</article-title></title-group>
<abstract><p>We review phage therapy for infected chronic wounds.</p></abstract>
</article-meta></front>
<body>
<sec><title>Preparation of phages</title>
<p>Phage lysates must be cleared of bacterial endotoxin before they reach a wound [<xref ref-type="bibr" rid="B1">1</xref>].
Size-exclusion columns separate the phages from endotoxin by particle size. Although the recovery of phages is high in this procedure, it is slow and cannot process large lysate volumes [<xref ref-type="bibr" rid="B2">2</xref>].</p>
</sec>
<sec><title>Clinical studies</title>
<p>Okafor et al. treated burn wounds infected with Pseudomonas aeruginosa in a porcine model and followed the bacterial load in the wound bed for three weeks after a single topical application of a three-phage cocktail. They found that the cocktail dispersed the biofilm by phage-encoded depolymerases that degrade the alginate matrix, and the bacterial load fell by four orders of magnitude within a week [<xref ref-type="bibr" rid="B3">3</xref>]. In parallel, Lindqvist et al. investigated phage-antibiotic synergy in diabetic foot ulcers colonised by Staphylococcus aureus.
Venous leg ulcers healed faster when phages were combined with compression bandaging [<xref ref-type="bibr" rid="B4">4</xref>].</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Preclinical and clinical studies of phage therapy in wounds</p></caption>
<table><thead><tr><th>Wound</th><th>Phage source</th><th>Purification method</th><th>Outcome</th><th>Ref</th></tr></thead>
<tbody>
<tr><td>Thermal injury</td><td>Sewage isolates</td><td>Caesium chloride gradient</td><td>Lower Pseudomonas load (animal study)</td><td>[3]</td></tr>
<tr><td>Diabetic foot ulcer</td><td>Commercial cocktail</td><td>Ultrafiltration</td><td>Synergy with vancomycin (in vitro study)</td><td>[5]</td></tr>
<tr><td>Venous leg ulcer</td><td>Hospital wastewater</td><td>Size-exclusion chromatography</td><td>Faster healing with compression (clinical study)</td><td>[4]</td></tr>
</tbody></table></table-wrap>
</sec>
<sec><title>Delivery and titration</title>
<p>Three delivery forms of phages are used in wound care, including sprays, hydrogels and impregnated dressings. Sprays reach irregular wound beds but dry within minutes [<xref ref-type="bibr" rid="B6">6</xref>]. The other form, the hydrogel, keeps the phages moist and active for a day [<xref ref-type="bibr" rid="B7">7</xref>]. Finally, impregnated dressings release phages slowly over three days and suit heavily exuding ulcers.</p>
<p>One of the oldest ways to titre phages is the double-agar overlay, which counts plaques on a lawn of host bacteria. This method is cheap, simple and sensitive, but it is slow and depends on a host strain that grows well. Also, plaques of very small phages are hard to see on the lawn. Quantitative PCR has since been combined with the overlay to shorten the read-out [<xref ref-type="bibr" rid="B8">8</xref>].</p>
<table-wrap id="T2"><label>Table 2</label><caption><p>Phage-derived enzymes tested against wound pathogens</p></caption>
<table><thead><tr><th>Pathogen</th><th>Enzyme</th><th>Effect</th><th>Ref</th></tr></thead>
<tbody>
<tr><td>Staphylococcus aureus in burn wound isolates</td><td>Endolysin LysK</td><td>Lysed planktonic cells and reduced the expression of adhesion genes</td><td>[6]</td></tr>
<tr><td>Staphylococcus aureus in diabetic foot isolates</td><td>Endolysin CHAPk</td><td>Killed persister cells (in vitro study)</td><td>[7]</td></tr>
<tr><td>Klebsiella pneumoniae in pressure ulcer isolates</td><td>Depolymerase Dep42</td><td>Stripped the capsule and restored serum killing</td><td>[8]</td></tr>
<tr><td>Acinetobacter baumannii in blast wound isolates</td><td>Endolysin LysAB2</td><td>Cleared biofilm in a mouse wound model</td><td>[5]</td></tr>
</tbody></table></table-wrap>
<table-wrap id="T3"><label>Table 3</label><caption><p>Ways to count phages</p></caption>
<table><thead><tr><th>Method</th><th>Principle</th><th>Advantages</th><th>Disadvantages</th></tr></thead>
<tbody>
<tr><td>Plaque assay</td><td>Plaques on a bacterial lawn</td><td>Counts only infective phages</td><td>Needs a host strain; one day to read</td></tr>
<tr><td>Quantitative PCR</td><td>Copies of a phage gene</td><td>Result within two hours</td><td>Counts dead phages and free DNA too</td></tr>
<tr><td>Epifluorescence microscopy</td><td>Stained particles on a filter</td><td>No host needed</td><td>Cannot tell phages from vesicles</td></tr>
</tbody></table></table-wrap>
</sec>
<sec><title>Strengths and limitations</title>
<p>Phage products are cheap to make once a library of phages exists [<xref ref-type="bibr" rid="B1">1</xref>].</p>
<p>This review has limitations. Most trials were small and unblinded. Phage cocktails differed between centres, so their results could not be pooled. Finally, no trial followed its patients for longer than six months [<xref ref-type="bibr" rid="B4">4</xref>].</p>
</sec>
</body>
<back><ref-list><title>References</title>
<ref id="B1"><label>1.</label><mixed-citation>Doe J. Endotoxin in phage lysates. Phage. 2019;1:1-9.</mixed-citation></ref>
<ref id="B2"><label>2.</label><mixed-citation>Roe R. Phage purification. Viruses. 2020;12:33-41.</mixed-citation></ref>
<ref id="B3"><label>3.</label><mixed-citation>Okafor N. Phages in burns. Burns. 2021;47:100-9.</mixed-citation></ref>
<ref id="B4"><label>4.</label><mixed-citation>Poe P. Phages in leg ulcers. Wound Repair Regen. 2022;30:5-12.</mixed-citation></ref>
<ref id="B5"><label>5.</label><mixed-citation>Lindqvist A. Phage synergy. J Antimicrob Chemother. 2022;77:8-15.</mixed-citation></ref>
<ref id="B6"><label>6.</label><mixed-citation>Kim S. Phage sprays. Wounds. 2020;32:1-7.</mixed-citation></ref>
<ref id="B7"><label>7.</label><mixed-citation>Hale T. Phage hydrogels. Biomaterials. 2021;270:12-20.</mixed-citation></ref>
<ref id="B8"><label>8.</label><mixed-citation>Ng W. Titrating phages. J Virol Methods. 2018;255:2-9.</mixed-citation></ref>
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def phage(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "phage", ARTICLE,
                           "Bacteriophage therapy for chronic wound infection", suffix=".nxml")


def test_the_finding_and_the_named_column_of_the_same_studys_row_both_fit(phage):
    # The running text carries on into another study; that filler makes way for the row of
    # the study asked about, shown by the column the question names.
    a = phage.answerer.ask("Okafor et al. burn wounds: how did the phages clear the biofilm, "
                           "and which purification method is listed?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "depolymerases" in head
    assert "Purification method: Caesium chloride gradient" in head
    assert {3} == {r for c in a.citations for r in c.refs}


def test_a_measurement_noun_inside_a_compound_or_after_a_preposition_asks_no_measurement():
    assert asked_kind("What are the drawbacks of size-exclusion chromatography?") is None
    assert asked_kind("Which dose-dependent effects were seen?") is None
    assert asked_kind("What are the effects of dose on healing?") is None
    assert asked_kind("What is the mean size of the phages?") is not None
    assert asked_kind("What dose was applied?") is not None
    # "sample size" is a head count; "how quickly" would like a time.
    assert asked_kind("What was the planned sample size?").name == "number"
    assert asked_kind("How quickly were the samples frozen?") is None
    assert preferred_kind("How quickly were the samples frozen?").name == "duration"


def test_drawbacks_of_a_method_named_by_a_size_compound_are_answered_without_a_number(phage):
    a = phage.answerer.ask("What are the drawbacks of size-exclusion columns for cleaning phage lysates?")
    assert a.status == "answered"
    assert "cannot process large lysate volumes" in a.text[:700]


def test_the_last_item_of_an_announced_list_joins_however_few_words_it_shares(phage):
    # "Finally, impregnated dressings ..." shares no word with the question but is the third
    # of the three forms the paragraph announced.
    a = phage.answerer.ask("How is each of the three delivery forms of phages used?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "Sprays reach" in head and "hydrogel" in head and "impregnated dressings release" in head


def test_a_sentence_naming_its_subject_by_this_method_is_judged_by_its_subject(phage):
    # "This method is cheap ... but slow" has no word of the question; its subject is in the
    # sentence before, and so is its meaning.
    a = phage.answerer.ask("Pros and cons of the double-agar overlay for titrating phages")
    assert a.status == "answered"
    head = a.text[:700]
    assert "double-agar overlay" in head and "cheap, simple and sensitive, but it is slow" in head


def test_words_asking_for_an_appraisal_are_phrasing_not_topic(phage):
    # The text never says "advantage" or "drawback": it says "cheap ... but slow". Those
    # words ask for an appraisal of the topic; off topic they still find nothing.
    a = phage.answerer.ask("What are the advantages and drawbacks of the double-agar overlay?")
    assert a.status == "answered"
    assert "cheap, simple and sensitive" in a.text[:700]
    assert phage.answerer.ask("What are the advantages and drawbacks of acupuncture?").status == "not_found"


def test_a_sentence_saying_a_list_follows_brings_its_items(phage):
    # "This review has limitations." says only that items follow; they share no word with a
    # question about "weaknesses", a word the paper never uses of itself.
    a = phage.answerer.ask("What are the main weaknesses of this review?")
    assert a.status == "answered"
    head = a.text[:700]
    assert "unblinded" in head and "could not be pooled" in head and "six months" in head
    assert phage.answerer.ask("What are the main weaknesses of acupuncture?").status == "not_found"


def test_each_of_coordinated_words_gets_its_row(phage):
    # "burn and pressure ulcer isolates": one row each, though other words of the question
    # ("genes", "involved") favour a third row.
    a = phage.answerer.ask("Which phage enzymes act on burn and pressure ulcer isolates? Name the genes involved.")
    assert a.status == "answered"
    head = a.text[:700]
    assert "LysK" in head and "Dep42" in head


def test_a_header_word_after_the_value_it_names_does_not_ask_for_that_column(phage):
    # "the thermal injury wound study": the Wound cell is what the question says of the row;
    # what it asks is the rest of the row.
    a = phage.answerer.ask("In the thermal injury wound study, what was found?")
    assert a.status == "answered"
    assert "Lower Pseudomonas load" in a.text[:700]


def test_a_stated_column_named_right_after_its_value_is_not_asked(phage):
    # At the level of the column choice: "the Klebsiella pneumoniae pathogen" names the
    # Pathogen column only to say which row; "which enzyme" is what is asked.
    tables = phage.answerer.tables
    key = next(k for k in tables.rows if k[1] == 2)
    row = next(tables.chunks[i] for i in tables.rows[key] if "Klebsiella" in tables.chunks[i].text)
    cells = set().union(*tables.cell_terms[tables._pos(row)].values())
    cols, _ = tables.asked_columns(key, "For the Klebsiella pneumoniae pathogen, which enzyme was tested?",
                                   frozenset({"Pathogen"}), cells)
    assert cols == ["Enzyme"]



def test_a_table_column_named_by_an_appraisal_word_is_the_column_asked(phage):
    # "disadvantages" is question phrasing for judging coverage, but a column may be called so.
    a = phage.answerer.ask("What are the disadvantages of quantitative PCR for counting phages?")
    assert a.status == "answered"
    assert "Disadvantages: Counts dead phages and free DNA too" in a.text[:700]
    assert "Advantages: Result within two hours" not in a.text


def test_the_papers_own_limitations_do_not_answer_a_question_about_a_methods_drawbacks(phage):
    # "drawbacks" searches for "limitations" too, but an answer about a method is not the
    # paragraph on the review's own limitations.
    a = phage.answerer.ask("What are the drawbacks of ultrafiltration for cleaning phage lysates?")
    assert "This review has limitations" not in a.text


def test_only_a_sentence_that_names_a_list_opens_one():
    from qa.passage_answer import _NEXT_ITEM, _OPENS_LIST

    assert _OPENS_LIST.match("The study has limitations.")
    assert _OPENS_LIST.match("This review has several important limitations.")
    assert not _OPENS_LIST.match("MSC exosomes have receptors.")
    assert not _OPENS_LIST.match("Exosomes include microRNAs.")
    assert _NEXT_ITEM.match("Finally, apoptotic bodies range from 50 to 5000 nm.")
    assert not _NEXT_ITEM.match("Secondary tumours grow in the liver.")
    assert not _NEXT_ITEM.match("The last decade saw many trials.")


def test_how_quickly_prefers_a_time_but_does_not_require_one(phage):
    a = phage.answerer.ask("How quickly did venous leg ulcers heal with phages and compression?")
    assert a.status == "answered"
    assert "healed faster" in a.text[:700]


def test_kinds_of_value_behind_latin_modifiers_coordination_and_dashes():
    assert asked_kind("What in vitro dose of exosomes was added?").name == "amount"
    assert asked_kind("What was the mean and median size?").name == "size"
    assert asked_kind("What dose–response was seen?") is None
    assert asked_kind("What was the size of the study population?").name == "number"


def test_numbers_before_a_column_name_do_not_make_it_a_value_said(phage):
    # "2 of 4 pathogen isolates": the figures may be the very cell asked about, so only words
    # before a column's name say its value.
    tables = phage.answerer.tables
    key = next(k for k in tables.rows if k[1] == 2)
    cols, _ = tables.asked_columns(key, "Which enzyme acted on 2 of 4 pathogen isolates?",
                                   frozenset({"Pathogen"}), {"2", "4", "klebsiella"})
    assert cols == ["Enzyme", "Pathogen"]


def test_a_column_the_question_calls_a_column_is_asked_even_after_its_value(phage):
    tables = phage.answerer.tables
    key = next(k for k in tables.rows if k[1] == 2)
    cols, _ = tables.asked_columns(key, "Which rows name an endolysin in the enzyme column?",
                                   frozenset({"Enzyme"}), {"endolysin", "lysk", "chapk"})
    assert "Enzyme" in cols


def test_the_weaknesses_of_the_paper_itself_are_its_limitations(phage):
    # "this review": the appraisal asked is of the paper, which calls its weaknesses limitations.
    a = phage.answerer.ask("What are the drawbacks of this review of wound trials?")
    assert "This review has limitations" in a.text and "small and unblinded" in a.text



@pytest.mark.parametrize("question, itself", [
    ("What are the main weaknesses of this cohort study?", True),
    ("this study's main limitations", True),
    ("What limitations does the present trial have?", True),
    ("Which weaknesses of titration does this review describe?", False),
    ("What are the drawbacks of phage therapy in this study?", False),
])
def test_an_appraisal_of_the_paper_itself_is_told_from_one_of_something_it_describes(question, itself):
    from qa.answer import _ITSELF

    assert bool(_ITSELF.search(question)) is itself


def test_a_methods_weaknesses_described_in_this_review_are_not_its_limitations(phage):
    # "weaknesses" searches for "limitations" too; the paragraph on the review's own limitations
    # is not an answer about titration.
    a = phage.answerer.ask("Which weaknesses of titration does this review describe?")
    assert "small and unblinded" not in a.text and "This review has limitations" not in a.text


ORGANS = """Vitamin D and macrophages in organ injury

Background
Vitamin D acts on immune cells in many organs [1].

Lung
In the lung, vitamin D switches alveolar macrophages from an inflammatory to a repairing state and lowers their release of interleukin-6 after injury [2]. Treated macrophages also clear dead neutrophils faster, which shortens the inflammation in injured lungs [3]. Vitamin D deficient mice have more inflammatory macrophages in their airways after an infection [4].

Kidney
Kidney injury after ischaemia is milder in animals given calcitriol, which reduces the number of infiltrating monocytes in the renal cortex [5]. Calcitriol also lowers tubular cell death [6].

Liver
In the liver, vitamin D reduces the activation of stellate cells and slows fibrosis [7].
"""


@pytest.fixture(scope="module")
def organs(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "vitd", ORGANS, "Vitamin D and macrophages in organ injury")


@pytest.mark.parametrize("question", [
    "What does vitamin D do to macrophages in the lung and kidney?",
    "How does vitamin D act in the lung and kidney?",
])
def test_each_of_two_coordinated_things_gets_its_part(organs, question):
    # The lung paragraph says most of the question's words; the kidney one is the other thing
    # asked, told in fewer of them: it is in the answer too, and the liver (not asked) is not.
    a = organs.answerer.ask(question)
    assert a.status == "answered"
    assert "alveolar macrophages" in a.text and "Kidney injury after ischaemia" in a.text
    assert "stellate" not in a.text
    assert len(a.text) <= 700


def test_phrases_each_under_the_preposition_said_again_each_get_their_part(organs):
    from qa.answer_type import coordinated_phrases

    q = "How does vitamin D calm inflammation in the airways of mice, in ischaemic kidney injury and in the liver?"
    assert coordinated_phrases(q) == [["the airways of mice", "ischaemic kidney injury", "the liver"]]
    assert coordinated_phrases("Is it given for adults, and for which reason?") == []  # a further question
    a = organs.answerer.ask(q)
    assert a.status == "answered"
    assert "stellate" in a.text and "infiltrating monocytes" in a.text and "macrophages" in a.text


def test_a_passage_answer_is_built_with_the_passage_search_ranks_first(phage, monkeypatch):
    # The wiring (qa/passage_answer.py with_first_passage has its own tests).
    seen = []
    passages = phage.answerer.passages
    original = passages.with_first_passage
    monkeypatch.setattr(passages, "with_first_passage", lambda *a, **k: seen.append(a) or original(*a, **k))
    assert phage.answerer.ask("How are phages separated from endotoxin?").status == "answered"
    assert seen
