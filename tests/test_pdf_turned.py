"""A landscape table set sideways on a portrait page (LaTeX's sidewaystable, Word's rotated
text box): its lines run up the sheet. It is read turned upright, as a landscape page, so
the table and its rows are found; it does not vanish with the running lines set at an angle."""

import pytest

from qa.ingest import load
from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, RIGHT as R, PageSpec, make_pdf

COLS = ("Agent", "Class", "Target toxin", "Route", "Stage")
ROWS = [
    ("Natural products", [("Rosmarinic acid", "Phenolic acid", "Phospholipase A2", "Oral", "Preclinical"),
                          ("Quercetin", "Flavonoid", "Metalloproteinase", "Oral", "Preclinical")]),
    ("Synthetic agents", [("Varespladib", "Indole", "Phospholipase A2", "Oral", "Phase 2"),
                          ("Marimastat", "Hydroxamate", "Metalloproteinase", "Oral", "Phase 1"),
                          ("Dimercaprol", "Chelator", "Metalloproteinase", "Intramuscular", "Preclinical")]),
]


def _text_page(first: int) -> PageSpec:
    p = PageSpec()
    p.lines(L, 60, TEXT, size=9.6, leading=12.2)
    p.lines(R, 60, TEXT[::-1], size=9.6, leading=12.2)
    p.text(L, 760, f"J Test Toxinol 9:{first}", size=7)
    return p


def _turned_table(way: str) -> PageSpec:
    p = PageSpec(turned=way)  # laid out on a 792 x 612 landscape frame
    p.text(60, 60, "Table 3 Candidate agents against snake venom toxins", size=9, bold=True)
    xs = (60, 190, 300, 430, 540)
    y = 84
    p.rule(55, 700, y - 4)
    for x, h in zip(xs, COLS):
        p.text(x, y, h, size=8, bold=True)
    y += 14
    p.rule(55, 700, y - 4)
    for group, rows in ROWS:
        p.text(60, y, group, size=8, bold=True)
        y += 13
        for row in rows:
            for x, cell in zip(xs, row):
                p.text(x, y, cell, size=8)
            y += 13
    p.rule(55, 700, y - 2)
    p.text(60, y + 8, "Stage: the furthest stage of development reported.", size=7)
    return p


@pytest.mark.parametrize("way", ["up", "down"])
def test_a_table_set_sideways_on_a_portrait_page_is_read_upright(tmp_path, way):
    path = tmp_path / "turned.pdf"
    path.write_bytes(make_pdf([_text_page(1), _turned_table(way), _text_page(3)]))
    doc = load(path)
    t = next((t for t in doc.tables if t.number == 3), None)
    assert t is not None, "the sideways table vanished"
    assert t.columns == COLS
    got = [(r.table.group, tuple(v for _, v in r.table.cells)) for r in t.rows]
    assert got == [(g, row) for g, rows in ROWS for row in rows]
    assert all(r.page == 2 for r in t.rows)
    # The running text on the pages around it is read as before.
    assert "Copper is an essential trace element" in doc.text


def test_a_page_with_a_few_labels_running_up_it_is_read_as_printed(tmp_path):
    # A figure's axis titles set sideways beside two columns of running text: the page is not
    # turned (its text would then run down the sheet and be lost); the labels alone are dropped.
    p = _text_page(1)
    for k, label in enumerate(("Copper uptake (nmol per mg)", "Relative expression", "Survival (%)")):
        p.labels.append((40 + 250 * k, 700, 8, label))
    path = tmp_path / "labels.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    assert "Copper is an essential trace element" in doc.text and "periplasm of Gram-negative" in doc.text
    assert "Relative expression" not in doc.text


def test_a_pdf_pypdf_cannot_take_apart_keeps_its_pages_as_printed(tmp_path, monkeypatch):
    import pypdf

    def broken(*a, **k):
        raise pypdf.errors.PdfReadError("damaged cross-reference table")

    monkeypatch.setattr(pypdf, "PdfReader", broken)
    path = tmp_path / "turned.pdf"
    path.write_bytes(make_pdf([_text_page(1), _turned_table("up"), _text_page(3)]))
    doc = load(path)  # no error: the sideways page is read as before (its table lost)
    assert "Copper is an essential trace element" in doc.text
    assert not any(t.number == 3 for t in doc.tables)
