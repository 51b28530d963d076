"""JATS XML reader on a small article written for the test (and the real one when present)."""

from pathlib import Path

import pytest

from qa.ingest import load

DATA = Path(__file__).parent / "data" / "mini-jats.nxml"
EXTRA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-extra"


@pytest.fixture(scope="module")
def doc():
    return load(DATA)


def test_title_sections_and_headings(doc):
    assert doc.title == "Copper tolerance in soil bacteria: a short review"
    heads = [b.section for b in doc.blocks if b.kind == "heading"]
    assert heads == [("Abstract",), ("Introduction",), ("Introduction", "Efflux systems"), ("Abbreviations",),
                     ("References",)]
    p = next(b for b in doc.blocks if "cus system exports" in b.text)
    assert p.section == ("Introduction", "Efflux systems")


def test_back_matter_sections_keep_their_headings(tmp_path):
    # Acknowledgements and notes (funding, competing interests) are headed sections of the
    # printed article; the glossary is one under its title; the reference list's heading stays.
    xml = DATA.read_text(encoding="utf-8").replace("<back>", (
        "<back><ack><title>Acknowledgements</title><p>We thank the soil survey team.</p></ack>"
        "<notes notes-type=\"funding-information\"><title>Funding</title><p>Funded by a county grant.</p></notes>"
        "<fn-group><fn><p>Publisher's note text.</p></fn></fn-group>"))
    path = tmp_path / "a.nxml"
    path.write_text(xml, encoding="utf-8")
    d = load(path)
    heads = [b.text for b in d.blocks if b.kind == "heading"]
    assert heads[-4:] == ["Acknowledgements", "Funding", "Abbreviations", "References"]
    funding = next(b for b in d.blocks if "county grant" in b.text)
    assert funding.section == ("Funding",) and funding.kind == "paragraph"
    assert any(b.text == "ROS: reactive oxygen species" and b.section == ("Abbreviations",) for b in d.blocks)
    assert "Publisher's note" not in d.text
    assert d.glossary["ROS"] == "reactive oxygen species"


def test_citations_become_reference_numbers_and_latex_is_skipped(doc):
    p = next(b for b in doc.blocks if b.text.startswith("Copper is toxic"))
    assert p.refs == (1, 2, 3)  # "[1–3]" covers 2, and the author-year xref points to 2
    assert "documentclass" not in doc.text and "x is a variable" in p.text


def test_table_from_markup_with_spans_groups_and_note(doc):
    (t,) = doc.tables
    assert t.number == 1 and t.title == "Copper efflux systems"
    assert t.columns == ("System", "Location: Gene", "Location: Compartment", "Ref.")
    rows = [r.table.cell_dict() for r in t.rows]
    assert rows[0] == {"System": "Cus", "Location: Gene": "cusA", "Location: Compartment": "inner membrane", "Ref.": "[1]"}
    assert rows[1]["System"] == "Cus" and rows[1]["Location: Gene"] == "cusC"  # rowspan fills down
    assert [r.table.group for r in t.rows] == ["Gram-negative", "Gram-negative", "Gram-positive"]
    assert [r.refs for r in t.rows] == [(1,), (3,), (2,)]
    assert t.note == "Cus copper sensing, Cop copper pump."


def test_caption_glossary_and_reference_list(doc):
    cap = next(b for b in doc.blocks if b.kind == "caption")
    assert cap.text.startswith("Fig. 1 The cus efflux pump") and cap.refs == (3,)
    assert doc.glossary["ROS"] == "reactive oxygen species"
    r1, r2, r3 = doc.references
    assert (r1.n, r1.doi, r1.pmid, r1.year, r1.volume, r1.pages) == (1, "10.1016/S0168-6445(03)00049-4", "12829268", "2003", "27", "197–213")
    assert r1.authors == ("Rensing C", "Grass G") and r1.journal == "FEMS Microbiol Rev"
    assert r2.label == "Smith et al., 2015"
    assert r3.doi == "10.1000/xyz123" and r3.text.startswith("Doe J. Pumps.")


def test_not_xml_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.nxml"
    bad.write_text("<article><body><p>unclosed</body></article>")
    with pytest.raises(ValueError, match="bad.nxml"):
        load(bad)


@pytest.mark.skipif(not (EXTRA / "al-dhahebi-2020.nxml").exists(), reason="../shared/corpus-extra not present")
def test_real_pmc_article_keeps_its_tables_and_reference_list():
    d = load(EXTRA / "al-dhahebi-2020.nxml")
    assert len(d.tables) == 4 and len(d.references) == 206
    assert all(len(t.rows) > 0 for t in d.tables)


def test_superscript_numeric_citations_become_markers(tmp_path):
    xml = DATA.read_text(encoding="utf-8").replace(
        "<p>The cus system exports copper from the periplasm.</p>",
        '<p>The cus system exports copper<sup><xref ref-type="bibr" rid="B1">1</xref>,<xref ref-type="bibr" rid="B3">3</xref></sup>.</p>')
    f = tmp_path / "sup.nxml"
    f.write_text(xml, encoding="utf-8")
    p = next(b for b in load(f).blocks if "cus system exports" in b.text)
    assert p.text == "The cus system exports copper[1],[3]." and p.refs == (1, 3)
