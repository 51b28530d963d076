"""Parsing of the real review: paragraphs, hyphens, captions, sections, references, tables."""

import re

import pytest

from qa.ingest import build, load
from qa.ingest.glossary import assemble, fill, from_lists, from_note, from_text


def block_with(doc, kind, needle):
    found = [b for b in doc.blocks if b.kind == kind and needle in b.text]
    assert found, f"no {kind} block contains {needle!r}"
    return found[0]


def test_paragraph_rejoined_across_figure_caption_and_page_break(review):
    b = block_with(review, "paragraph", "commonly trapped in the liver, spleen, and lung")
    assert "The corresponding mechanisms of MSC-based therapy" not in b.text
    assert b.section == ("Introduction",)


def test_paragraph_rejoined_across_column_break(review):
    block_with(review, "paragraph", "Now, considerable efforts have been made to use the MSC’s natural")
    block_with(review, "paragraph", "apoptotic bodies, and exosomes. The MVs are")


def test_paragraph_rejoined_across_table_fragment(review):
    # "...in the ischemic/reperfuse" [Table 1 page] "mouse model of the myocardium [92]"
    b = block_with(review, "paragraph", "ischemic/reperfuse mouse model of the myocardium [92]")
    assert 92 in b.refs


@pytest.mark.parametrize("word", ["development", "eliciting", "frequently", "immunosuppressive", "membrane", "improvement"])
def test_wrap_hyphens_removed(review, word):
    assert re.search(rf"\b{word}\b", review.text)


@pytest.mark.parametrize("word", ["miR-222", "BM-MSCs", "anti-inflammatory", "miR-486-5p", "H2O2-induced", "Wnt/β-catenin"])
def test_real_hyphens_kept(review, word):
    assert word in review.text


def test_no_wrap_fragments_left(review):
    for frag in ("de- velopment", "devel-opment", "fre- quently", "fre-quently", "mem-brane", "inflam-mation"):
        assert frag not in review.text


def test_captions_are_their_own_blocks(review):
    caps = [b for b in review.blocks if b.kind == "caption"]
    assert [c.text.split()[1] for c in caps] == ["1", "2", "3", "4"]
    assert caps[0].text.startswith("Fig. 1 The corresponding mechanisms of MSC-based therapy.")
    assert caps[3].text.endswith("VEGF; vascular endothelial growth factor")


@pytest.mark.parametrize(
    "heading",
    [
        "Introduction", "Exosome biogenesis", "Exosome isolation methods",
        "Application of MSC-derived exosomes in regenerative medicine", "Kidney disease",
        "Tumor-inhibiting effects of MSC exosomes", "Conclusions and prospects",
    ],
)
def test_headings_detected(review, heading):
    assert heading in [b.text for b in review.blocks if b.kind == "heading"]


def test_every_block_has_section_page_and_exact_span(review):
    for b in review.blocks:
        assert review.text[b.span.start : b.span.end] == b.text
        assert b.page is not None and b.page >= 1
        if b.kind != "heading":
            assert b.section, b.text[:60]
    b = block_with(review, "paragraph", "miR-22 suppresses the programmed cell death 4")
    assert b.section == ("Kidney disease",)


def test_reference_numbers_with_ranges(review):
    b = block_with(review, "paragraph", "synergistically critical for exosome biogenesis")
    assert {33, 48, 49, 50, 51}.issubset(b.refs)
    b = block_with(review, "paragraph", "forming distinct colonies")
    assert {1, 2, 3, 4, 5, 6}.issubset(b.refs)


def rows(doc, number):
    t = [t for t in doc.tables if t.number == number]
    assert t, f"table {number} missing"
    return t[0]


def test_table_1_has_31_rows_with_refs(review):
    t = rows(review, 1)
    assert t.title == "Therapeutic potential of MSC exosomes in the context of regenerative medicine"
    assert list(t.columns) == ["Condition", "MSC source", "Isolation method", "Mechanism", "Main outcome", "Ref"]
    assert len(t.rows) == 31
    refs = [r.refs for r in t.rows]
    assert refs[0] == (88,) and refs[1] == (89, 90) and refs[-1] == (117,)
    expected = [(88,), (89, 90)] + [(n,) for n in range(91, 106)] + [(88,), (89,)] + [(n,) for n in range(106, 118)]
    assert refs == expected
    assert t.note.startswith("Note: ALI acute lung injury")


def test_table_2_has_22_rows_with_groups(review):
    t = rows(review, 2)
    assert list(t.columns) == ["Donor cells", "Cell line/condition", "Exosome content", "Function", "Pathway", "Ref"]
    assert len(t.rows) == 22
    groups = [r.table.group for r in t.rows]
    assert groups[:9] == ["Promoting effect"] * 9
    assert groups[9:] == ["Inhibitory effect"] * 13
    assert [r.refs[0] for r in t.rows] == [159, 160, 111, 161, 162, 140, 163, 164, 165, 166, 164, 167, 168, 169,
                                           170, 171, 172, 173, 174, 175, 176, 177]


def cells(doc, number, ref, first=None):
    for r in rows(doc, number).rows:
        c = r.table.cell_dict()
        if ref in r.refs and (first is None or list(c.values())[0] == first):
            return c
    raise AssertionError(f"no row [{ref}] in table {number}")


def test_page_split_row_is_joined(review):
    c = cells(review, 1, 89, first="AKI")
    assert c == {
        "Condition": "AKI",
        "MSC source": "UC-MSCs",
        "Isolation method": "Ultracentrifugation (100,000×g)",
        "Mechanism": "Transferring hepatocyte growth factor (HGF) mRNA",
        "Main outcome": "Improved dedifferentiation and proliferation of damaged cells (animal study)",
        "Ref": "[89]",
    }


@pytest.mark.parametrize(
    "number, ref, first, expected",
    [
        (1, 88, "MI", {"MSC source": "Cardiac MSC", "Isolation method": "Precipitation at 4 °C with 5× polyethylene glycol 4000",
                       "Mechanism": "Transferring miRs"}),
        (1, 89, "MI", {"MSC source": "BM-MSC", "Isolation method": "ExoQuick Exosome Precipitation Solution",
                       "Mechanism": "Delivering miR-221 and miR-19a"}),
        (1, 111, None, {"Condition": "Kidney fibrosis", "MSC source": "BM-MSC",
                        "Isolation method": "ExoQuick Exosome Precipitation Solution"}),
        (1, 105, None, {"Condition": "SNI", "MSC source": "Gingiva MSC",
                        "Isolation method": "ExoQuick Exosome Precipitation Solution (SBI Systems Biosciences)"}),
        (1, 91, None, {"Condition": "MI", "MSC source": "BM-MSC", "Isolation method": "Ultracentrifugation (110,000×g)",
                       "Mechanism": "Delivering miR-210 that decreases the expression of ephrin-A3"}),
        (1, 96, None, {"Condition": "Hepatic oxidant injury", "MSC source": "UC-MSC", "Mechanism": "Delivering glutathione peroxidase 1 (GPX1)"}),
        (1, 106, None, {"Condition": "Kidney IRI", "MSC source": "n.a", "Isolation method": "n.a"}),
        (1, 117, None, {"Condition": "PAH", "MSC source": "BM-MSC", "Main outcome": "Improved pulmonary artery hypertension (animal study)"}),
        (2, 169, None, {"Donor cells": "MSCs", "Cell line/condition": "Breast cancer", "Exosome content": "miR-16",
                        "Function": "Suppressed angiogenesis (animal study)",
                        "Pathway": "Downregulated VEGF expression in tumor cells in vitro and in vivo"}),
        (2, 173, None, {"Exosome content": "miR-100", "Pathway": "Modulated the mTOR/HIF-1α/VEGF signaling axis"}),
        (2, 160, None, {"Cell line/condition": "BRCA cells", "Exosome content": "miR-222/223"}),
        (2, 164, "UC-MSCs BM-MSCs", {"Cell line/condition": "Glioblastoma U87MG cells", "Pathway": "n.a"}),
        (2, 177, None, {"Donor cells": "AT-MSCs", "Exosome content": "miRNAs"}),
    ],
)
def test_exact_cells(review, number, ref, first, expected):
    c = cells(review, number, ref, first)
    for k, v in expected.items():
        assert c[k] == v, (k, c)


def test_glossary_from_notes_and_text(review):
    g = review.glossary
    assert g["BM"] == "bone marrow" and g["AT"] == "adipose tissue" and g["AKI"] == "acute kidney injury"
    assert g["GPX1"] == "glutathione peroxidase 1"
    assert g["VEGF"] == "vascular endothelial growth factor"
    assert from_text("the proliferating cell nuclear antigen (PCNA) rose") == {"PCNA": "proliferating cell nuclear antigen"}
    assert from_note("Note: MI myocardial infarction, n.a not available") == {"MI": "myocardial infarction", "n.a": "not available"}
    # A note written as sentences gives no abbreviations: "The following ...", "Chimp (P)"
    assert from_note("The following information is provided for each model, Chimp (P), *False positives. "
                     "The 18 families are shown, LRTs likelihood ratio tests") == {"LRTs": "likelihood ratio tests"}


def test_abbreviation_lists_in_the_usual_styles():
    legend = ("Cancer cells recruit stromal cells. CAF; cancer-associated fibroblast, EMT; epithelial-to-mesenchymal "
              "transition, FGF; fibroblast growth factor")
    assert from_lists(legend) == {"CAF": "cancer-associated fibroblast", "EMT": "epithelial-to-mesenchymal transition",
                                  "FGF": "fibroblast growth factor"}
    section = "Abbreviations: AF, atrial fibrillation; BMI, body mass index; CI, confidence interval; HR, hazard ratio."
    assert from_lists(section)["BMI"] == "body mass index" and from_lists(section)["HR"] == "hazard ratio"
    assert from_lists("AF: atrial fibrillation; BMI: body mass index; CI: confidence interval")["CI"] == "confidence interval"
    # two entries, or clauses of a sentence, are no list
    assert from_lists("AF, atrial fibrillation; BMI, body mass index") == {}
    assert from_lists("We measured IL-6, a cytokine; TNF, another one; and IgG, an antibody; all rose.") == {}
    # findings listed like definitions are not: the long form must spell the short form
    assert from_lists("Cytokine levels: IL6, increased in all patients; TNF, twofold higher; CRP, constant over time.") == {}
    legend2 = "Abbreviations: NIV = non-invasive ventilation, ICU = intensive care unit, LOS = length of stay"
    assert from_lists(legend2) == {"NIV": "non-invasive ventilation", "ICU": "intensive care unit", "LOS": "length of stay"}


def test_a_tables_note_defines_even_one_or_two_abbreviations():
    # In running text two entries could be a sentence's clauses; under a table they define.
    note = "COPD, chronic obstructive pulmonary disease; SpO2, peripheral oxygen saturation on room air."
    g = assemble([note, "FES-I, Falls Efficacy Scale–International. Percentages may not sum to 100."], "")
    assert g["SpO2"] == "peripheral oxygen saturation on room air"  # its letters open words in another order
    assert g["COPD"] == "chronic obstructive pulmonary disease" and g["FES-I"] == "Falls Efficacy Scale–International"
    assert assemble(["Values are n (%) unless stated otherwise.", "a Adjusted for age, sex and centre."], "") == {}
    assert from_lists(note) == {}
    # Findings set like definitions are none, in any order of letters; a short or dotted word's
    # period ends no long form.
    assert assemble(["TNF, not tested in females; SD, data shown for the first visit only."], "") == {}
    assert assemble(["SJW, St. John's wort; NIV, non-invasive ventilation, e.g. CPAP."], "")["SJW"] == "St. John's wort"


def test_a_listed_abbreviation_fills_in_but_never_redefines():
    g = {"MSCs": "mesenchymal stem/stromal cells", "LF": "liver failure"}
    fill(g, {"MSC": "mesenchymal stem/stromal cell", "LF": "ligand filtering", "CAF": "cancer-associated fibroblast"})
    assert g == {"MSCs": "mesenchymal stem/stromal cells", "LF": "liver failure", "CAF": "cancer-associated fibroblast"}


def test_form_feed_pages_and_bad_input(tmp_path):
    doc = build(["Results\nThe first page ends a sen-", "tence here [4].\nMethods\nA second paragraph starts [5]."],
                doc_id="x", title="x")
    assert "The first page ends a sentence here [4]." in doc.text
    assert [b.page for b in doc.blocks] == [1, 1, 2, 2]
    assert doc.blocks[-1].section == ("Methods",)
    with pytest.raises(ValueError):
        build(["", "  "], doc_id="empty", title="empty")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ValueError, match="not UTF-8"):
        load(bad)
    with pytest.raises(ValueError, match="unsupported"):
        load(tmp_path / "x.docx")


def test_table_without_readable_header_stays_as_text_with_a_warning():
    # Rows that do not split into the header's columns (two capitalised words where one cell
    # is expected, in every row): nothing says where the cells end, so the text stays.
    page = "\n".join([
        "Introduction",
        "Cells were grown in two media and compared over a week of culture.",
        "",
        "Table 1 Growth media compared",
        "Medium Cells per well Doubling time",
        "DMEM High Glucose 12,000 31 h",
        "RPMI Low Serum 9,500 36 h",
        "",
        "Discussion",
        "Both media supported growth of the cells in this study.",
    ])
    doc = build([page], doc_id="mini", title="Mini")
    assert "RPMI Low Serum 9,500 36 h" in doc.text and "DMEM High Glucose 12,000 31 h" in doc.text
    assert doc.tables == ()
    assert len(doc.warnings) == 1 and "Table 1" in doc.warnings[0] and "kept as text" in doc.warnings[0]
    # The same table with one word per cell where the header has one column per capital reads.
    doc = build([page.replace(" High Glucose", "").replace(" Low Serum", "")], doc_id="mini", title="Mini")
    assert [r.table.cells for r in doc.tables[0].rows][1] == (
        ("Medium", "RPMI"), ("Cells per well", "9,500"), ("Doubling time", "36 h"))
    assert any(b.kind == "heading" and b.text == "Discussion" for b in doc.blocks)


def test_a_line_end_hyphen_in_a_capitalised_word_is_joined_unless_it_makes_a_compound():
    from types import SimpleNamespace

    from qa.ingest.layout import Vocabulary

    v = Vocabulary([SimpleNamespace(text=t) for t in ("Wnt signalling rose in all trials, in no way negative.",
                                                      "Moreno-Ruiz et al.")])
    assert v.join_hyphen("(Swe-", "den)") == "(Sweden)"  # a country broken at the line end
    assert v.join_hyphen("Nor-", "way") == "Norway" and v.join_hyphen("Ther-", "apy") == "Therapy"
    # A compound: its second half a word the document uses, or built like one.
    assert v.join_hyphen("Gram-", "negative") == "Gram-negative"
    assert v.join_hyphen("Wnt-", "dependent") == "Wnt-dependent"
    assert v.join_hyphen("Bonferroni-", "corrected") == "Bonferroni-corrected"
    assert v.join_hyphen("miR-", "222") == "miR-222" and v.join_hyphen("BM-", "MSCs") == "BM-MSCs"
    assert v.join_hyphen("Moreno-", "Ruiz") == "Moreno-Ruiz"
