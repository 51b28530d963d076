"""'Where does X come up?': every place the document names X, a line each, with its references.
Pinned on a small cytokine article written for these tests (not the review, not any evaluation
question)."""

from __future__ import annotations

import re

import pytest

from qa.answer_type import mentioned_thing

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>Interleukin signalling in barrier tissues</article-title></title-group>
<abstract><p>We review interleukin signalling in skin, gut and joints.</p></abstract>
</article-meta></front>
<body>
<sec><title>Skin</title>
<p>Keratinocytes answer tissue damage by releasing alarmins that recruit neutrophils to the wound edge [<xref ref-type="bibr" rid="B1">1</xref>].
In psoriatic plaques from forty patients followed over two winters in three dermatology clinics, dermal gamma-delta T cells produced large amounts of interleukin-17 (IL-17), which drove keratinocyte proliferation and the thickening of the epidermis, while the same lesions also showed dense infiltrates of neutrophils, mast cells and dendritic cells around dilated capillaries in the papillary dermis, changes that two pathologists graded blind on a five-point scale [<xref ref-type="bibr" rid="B2">2</xref>].</p>
</sec>
<sec><title>Gut</title>
<p>Goblet cells renew the mucus layer every few hours [<xref ref-type="bibr" rid="B3">3</xref>].
Zonula occludens (ZO) proteins seal the gaps between epithelial cells. Loss of ZO proteins lets bacteria cross the barrier [<xref ref-type="bibr" rid="B3">3</xref>].
Blocking IL-17 worsened colitis in mice because the cytokine also keeps tight junctions closed [<xref ref-type="bibr" rid="B4">4</xref>].
Ferreira et al. showed that segmented filamentous bacteria induce Th17 cells in the small intestine [<xref ref-type="bibr" rid="B5">5</xref>].</p>
</sec>
<sec><title>Joints</title>
<p>Synovial fibroblasts exposed to IL-17 released matrix metalloproteinases that erode cartilage [<xref ref-type="bibr" rid="B6">6</xref>].</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Cytokine studies in joint disease</p></caption>
<table><thead><tr><th>Disease</th><th>Model</th><th>Cytokine</th><th>Finding</th><th>Ref</th></tr></thead>
<tbody>
<tr><td>Rheumatoid arthritis</td><td>Mouse</td><td>IL-17</td><td>Bone erosion reduced by antibody blockade</td><td>[7]</td></tr>
<tr><td>Psoriatic arthritis</td><td>Human synovium</td><td>IL-23</td><td>Entheseal inflammation</td><td>[8]</td></tr>
<tr><td>Osteoarthritis</td><td>Rat</td><td>IL-6</td><td>Pain behaviour increased</td><td>[6]</td></tr>
</tbody></table></table-wrap>
<p>In rats with osteoarthritis, IL-6 increased pain behaviour [<xref ref-type="bibr" rid="B6">6</xref>].
Tumour necrosis factor (TNF) and interferon gamma (IFNG) rise in flares [<xref ref-type="bibr" rid="B8">8</xref>].</p>
</sec>
</body>
<back><ref-list><title>References</title>
<ref id="B1"><label>1.</label><mixed-citation>Ames A. Alarmins. Skin. 2019;1:1-9.</mixed-citation></ref>
<ref id="B2"><label>2.</label><mixed-citation>Bose B. Psoriasis. Derm. 2020;2:1-9.</mixed-citation></ref>
<ref id="B3"><label>3.</label><mixed-citation>Chu C. Mucus. Gut. 2021;3:1-9.</mixed-citation></ref>
<ref id="B4"><label>4.</label><mixed-citation>Dunn D. Colitis. Gut. 2021;4:1-9.</mixed-citation></ref>
<ref id="B5"><label>5.</label><mixed-citation>Ferreira F. Th17. Immunity. 2022;5:1-9.</mixed-citation></ref>
<ref id="B6"><label>6.</label><mixed-citation>Gray G. Synovium. Joint. 2022;6:1-9.</mixed-citation></ref>
<ref id="B7"><label>7.</label><mixed-citation>Hahn H. Erosion. Bone. 2023;7:1-9.</mixed-citation></ref>
<ref id="B8"><label>8.</label><mixed-citation>Ito I. Enthesis. Joint. 2023;8:1-9.</mixed-citation></ref>
</ref-list></back>
</article>
"""


@pytest.fixture(scope="module")
def cyto(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "cyto", ARTICLE,
                           "Interleukin signalling in barrier tissues", suffix=".nxml")


@pytest.mark.parametrize("question, thing", [
    ("Where does IL-17 come up?", "IL-17"),
    ("Where in the article does IL-17 come up? List the settings.", "IL-17"),
    ("In which contexts does IL-6 appear?", "IL-6"),
    ("Which metalloproteinases are mentioned, and where?", "metalloproteinases"),
    ("Where does the review talk about goblet cells?", "goblet cells"),
    ("Tell me about Th17 cells: in which contexts are they mentioned?", "Th17 cells"),
    ("all mentions of keratinocytes", "keratinocytes"),
    ("Which parts of the review discuss tight junctions?", "tight junctions"),
    ("What roles does IL-6 play in joint disease?", "IL-6"),
    ("In which different contexts are metalloproteinases mentioned?", "metalloproteinases"),
    ("Where in the review do goblet cells turn up?", "goblet cells"),
    ("In which two settings does IL-6 appear, and what does it do in each?", "IL-6"),
    ("Which three places discuss goblet cells?", "goblet cells"),
])
def test_the_thing_whose_mentions_are_asked_for(question, thing):
    assert mentioned_thing(question) == thing


@pytest.mark.parametrize("question", [
    "Where do neutrophils go after tissue damage?",
    "Which cytokine drove keratinocyte proliferation?",
    "What is mentioned about IL-17?",
    "Where in the cell is the receptor?",
    "What role does IL-6 play in pain?",  # one role asked: the ordinary answer
    "Where do the side effects show up in the patients?",  # where in the body, not in the text
])
def test_other_questions_ask_for_no_mentions(question):
    assert mentioned_thing(question) is None


def test_every_place_that_names_the_thing_is_listed_with_its_references(cyto):
    a = cyto.answerer.ask("Where does IL-17 come up?")
    assert a.status == "answered"
    assert a.text.startswith("4 places:")
    # skin, gut, joints in running text, and the arthritis row of the table, in the text's order
    assert [m.start() for m in re.finditer(r"\(\d\)", a.text)] == sorted(m.start() for m in re.finditer(r"\(\d\)", a.text))
    for word in ("epidermis", "colitis", "cartilage", "Rheumatoid arthritis"):
        assert word in a.text
    assert {r for c in a.citations for r in c.refs} == {2, 4, 6, 7}
    assert "Goblet" not in a.text and "Th17" not in a.text  # IL-17 is not Th17
    assert "Bone erosion reduced" in a.text  # a short row is shown whole, not only the cell naming IL-17


def test_a_long_sentence_keeps_its_opening_and_the_words_around_the_name(cyto):
    a = cyto.answerer.ask("Where in the article does IL-17 come up? List the settings.")
    skin = next(c for c in a.citations if 2 in c.refs)
    doc_text = cyto.searcher.index.documents["cyto"]["text"]
    assert doc_text[skin.span.start:skin.span.end] == skin.quote
    assert a.text.startswith("4 places") and skin.quote in a.text and "…" in a.text  # cut to its share
    assert "In psoriatic plaques" in a.text and "interleukin-17 (IL-17)" in a.text


def test_a_study_told_in_text_and_as_a_row_is_one_place_under_the_rows_label(cyto):
    a = cyto.answerer.ask("In which contexts does IL-6 appear?")
    assert a.status == "answered"
    assert a.text.lower().count("pain behaviour") == 1
    assert "Table 1, Osteoarthritis" in a.text


def test_a_sentence_reporting_a_study_the_table_sets_out_is_labelled_by_its_row(cyto):
    # The synovial fibroblast study [6] is the table's osteoarthritis row, though the row names
    # IL-6, not IL-17: the row's label says the place's setting.
    a = cyto.answerer.ask("Where does IL-17 come up?")
    assert "Table 1, Osteoarthritis, Rat: “Synovial fibroblasts exposed to IL-17" in a.text


def test_a_thing_named_once_is_answered_and_one_never_named_is_not_covered(cyto):
    # "talk" is no word of the article: the place that names the thing answers all the same.
    once = cyto.answerer.ask("Where does the review talk about goblet cells?")
    assert once.status == "answered" and "mucus" in once.text and "places" not in once.text
    never = cyto.answerer.ask("Where does IL-4 come up?")
    assert never.status == "not_found"


def test_the_distinctive_words_of_a_thing_must_be_named_together(cyto):
    # "dermal" and "fibroblasts" each occur once, in different sentences: no place names
    # dermal fibroblasts, so no list of places (the ordinary answer judges the question).
    a = cyto.answerer.ask("Where are dermal fibroblasts mentioned?")
    assert "place" not in a.text[:12]
    # "interleukin-17" is named IL-17 in the table and the gut paragraph.
    b = cyto.answerer.ask("In which contexts does IL-17 appear?")
    assert "colitis" in b.text and "Rheumatoid arthritis" in b.text


def test_a_sentence_writing_an_abbreviation_holds_the_words_of_its_long_form(cyto):
    from qa.index.lexical import analyze

    a = cyto.answerer
    loss = next(st for st in a.passages.sentences if "Loss of ZO" in st.text)
    assert set(analyze("zonula occludens")) <= a.passages.sent_terms[loss.id]


def test_each_of_two_things_gets_its_places(cyto):
    a = cyto.answerer.ask("Where do IL-6 and Th17 cells come up?")
    assert a.status == "answered" and "segmented filamentous" in a.text and "pain behaviour" in a.text.lower()


@pytest.mark.parametrize("question", [
    "Where does apoptosis occur?",
    "Where do exosomes appear to accumulate after injection?",
    "Where are MSCs described as immunosuppressive?",
    "Which two genes are mentioned?",
])
def test_questions_that_only_sound_like_asking_for_mentions(question):
    assert mentioned_thing(question) is None


def test_a_list_of_abbreviations_is_no_place_and_an_abbreviation_is_found_written_out(cyto):
    a = cyto.answerer.ask("Where is zonula occludens mentioned?")
    assert a.status == "answered" and "Loss of ZO" in a.text


def test_a_sentence_defining_abbreviations_in_parentheses_is_prose_not_a_list(cyto):
    # Mostly glossary words, but written as a sentence: it is a place and an answer.
    a = cyto.answerer.ask("Where is TNF mentioned?")
    assert a.status == "answered" and "rise in flares" in a.text


def test_a_part_never_named_is_said_not_dropped(cyto):
    a = cyto.answerer.ask("Where do IL-6 and IL-4 come up?")
    assert a.status == "answered" and "(not named: IL-4)" in a.text and "pain behaviour" in a.text.lower()


def test_a_long_form_is_found_with_any_dash_the_document_prints():
    from qa.survey import _written

    p = _written("TGF-β", "transforming growth factor-β")
    assert p.search("the transforming growth factor\u2010β level") and p.search("TGF-β rose")
    assert not p.search("xTGF-β") and not p.search("growth factor-β")


def test_another_form_of_the_same_word_names_the_thing(cyto):
    # "synovium" is named by "Synovial fibroblasts" too (one word family), but IL-1 is not IL-17.
    a = cyto.answerer.ask("Where does the synovium come up?")
    assert a.status == "answered" and a.text.startswith("2 places")
    assert "Synovial fibroblasts" in a.text and "Human synovium" in a.text
    assert cyto.answerer.ask("Where does IL-1 come up?").status == "not_found"


def test_an_abbreviation_that_is_an_english_word_is_matched_as_printed():
    from qa.survey import _written

    at = _written("AT", "adipose tissue")
    assert at.search("cells from AT and bone marrow") and at.search("from Adipose Tissue")
    assert not at.search("MSCs reach the site at low numbers")


@pytest.mark.parametrize("question, name", [
    ("In which studies did IL-17 make things worse?", "IL-17"),
    ("mTOR in the gut: list every context", "mTOR"),
    ("Across the review, which diseases involve IL-6?", "IL-6"),
])
def test_a_name_asked_across_the_document(question, name):
    from qa.answer_type import asks_across, names_in

    assert asks_across(question) and names_in(question) == [name]


@pytest.mark.parametrize("question", ["Which keratinocytes release alarmins?", "What did the psoriasis study find?",
                                      "Does mTOR inhibition work in every patient?", "Is ATP needed for every exosome release?",
                                      "Does mTOR signalling differ across cell types?"])
def test_a_question_not_asked_across_the_document(question):
    from qa.answer_type import asks_across

    assert not asks_across(question)


def test_a_name_asked_for_in_which_studies_gets_its_places(cyto):
    # IL-17 is named in four places (skin, gut, joints, a row told in the text): "in which
    # studies" asks for them, not for the one passage that says most of the question's words.
    a = cyto.answerer.ask("In which studies did IL-17 make things worse?")
    assert a.status == "answered"
    assert re.match(r"\d places", a.text)
    assert "psoriatic plaques" in a.text and "colitis" in a.text and "Synovial fibroblasts" in a.text


def test_a_name_asked_across_a_table_pointed_at_is_a_table_question(cyto):
    a = cyto.answerer.ask("In Table 1, which studies involve IL-17?")
    assert not re.match(r"\d places", a.text)


def test_two_specific_names_asked_across_are_not_one_name_s_places(cyto):
    # IL-23 is named once, IL-17 in several places: listing IL-17's places would drop IL-23.
    a = cyto.answerer.ask("In which studies were IL-17 and IL-23 raised?")
    assert not re.match(r"\d places", a.text)
