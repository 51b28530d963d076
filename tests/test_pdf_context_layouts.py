"""Layouts a TeX typesetter's house style may give (seen with ConTeXt): subsection titles in a
small sans-serif face of their own over serif text, their numbers set apart; a tightly set
table whose first column's widest cell comes within a word space of the second column; and a
first page's counter ("Page 1 of 8") set beside the footer's text."""

from qa.ingest import load
from pdfgen import LEFT, RIGHT, PageSpec, make_pdf, width

SIZE = 10
LEAD = 12.5
BODY = ["Zinc is bound by metallothioneins in the",
        "cytoplasm of most animal cells, and the",
        "amount of these small proteins rises when",
        "the cell takes up more zinc than it needs."]


def _sub(p: PageSpec, y: float, number: str, title: str) -> None:
    # Number and title in regular Helvetica at 7.5 pt, an em apart, over Times body text.
    p.text(LEFT, y, number, 7.5)
    p.text(LEFT + width(number, 7.5) + 8, y, title, 7.5)


def test_subsection_titles_in_a_small_face_of_their_own_are_headings(tmp_path):
    p = PageSpec()
    p.text(LEFT, 30, "Zinc in soil bacteria", 16, bold=True)
    y = p.lines(LEFT, 50, BODY, size=SIZE, leading=LEAD, bold="serif")
    p.text(LEFT, y + 8, "2 Methods", 11, bold=True)
    y += 26
    for number, title in (("2.1", "Isolates and growth media"), ("2.2", "Metal tolerance assays"), ("2.3", "Statistics")):
        _sub(p, y, number, title)
        y = p.lines(LEFT, y + 13, BODY, size=SIZE, leading=LEAD, bold="serif") + 6
    p.lines(RIGHT, 60, BODY * 3, size=SIZE, leading=LEAD, bold="serif")
    path = tmp_path / "faces.pdf"
    path.write_bytes(make_pdf([p]))
    secs = [b.section for b in load(path).blocks if b.kind == "heading"]
    assert ("2 Methods", "2.2 Metal tolerance assays") in secs and ("2 Methods", "2.3 Statistics") in secs


def test_numbered_lines_in_a_face_of_their_own_without_a_point_are_no_headings(tmp_path):
    # Affiliations numbered in a small face under the authors: "1 Department of ...".
    p = PageSpec()
    p.text(LEFT, 40, "Zinc in soil bacteria", 16, bold=True)
    y = 70
    for k, place in enumerate(["Northvale University", "Harrowgate Institute", "Porto Azul Centre"], start=1):
        p.text(LEFT, y, f"{k}", 7.5)
        p.text(LEFT + 8, y, place, 7.5)
        y += 14
    p.lines(LEFT, y + 20, BODY * 2, size=SIZE, leading=LEAD, bold="serif")
    path = tmp_path / "affiliations.pdf"
    path.write_bytes(make_pdf([p]))
    heads = [b.text for b in load(path).blocks if b.kind == "heading"]
    assert not any(h[:1].isdigit() for h in heads)


ROWS = [("Tolerance", "Growth on plates with copper added at", "[3]"),
        ("", "increasing levels, read after two days", ""),
        ("Efflux", "Loss of copper from loaded cells in", "[4]"),
        ("", "buffer, read by mass spectrometry", ""),
        ("Storage", "Copper bound by cell proteins after", "[5]"),
        ("", "gentle lysis", ""),
        ("Pump activity", "ATP used per copper ion exported", "[6]")]


def _assay_table(p: PageSpec, second: float, ref_x: float = 300, right: float = 330, label: str | None = None) -> float:
    """Table 1 of the assays (ROWS), its second column starting at `second`, under an optional
    group label; returns where it ends."""
    p.text(LEFT, 60, "Table 1. Assays used in the study", size=8.5, bold=True)
    p.rule(LEFT, right, 72)
    for x, h in ((LEFT, "Assay"), (second, "Definition"), (ref_x, "Ref.")):
        p.text(x, 75, h, 8)
    p.rule(LEFT, right, 86)
    y = 90
    if label:
        p.text(LEFT, y, label, 8)
        y += 10
    for a, b, c in ROWS:
        for x, v in ((LEFT, a), (second, b), (ref_x, c)):
            if v:
                p.text(x, y, v, 8)
        y += 10
    p.rule(LEFT, right, y + 1)
    return y


def test_a_tightly_set_tables_columns_are_kept_where_most_rows_start_them(tmp_path):
    # The second column starts at one place on every row; the widest first cell ("Pump
    # activity") ends a word space before it. The first column stays its own.
    p = PageSpec()
    y = _assay_table(p, LEFT + width("Pump activity", 8) + 2.2, ref_x=250, right=270)
    p.lines(LEFT, y + 14, BODY, size=SIZE, leading=LEAD, bold="serif")
    p.lines(RIGHT, 60, BODY * 3, size=SIZE, leading=LEAD, bold="serif")
    path = tmp_path / "tight.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = load(path).tables
    assert t.columns == ("Assay", "Definition", "Ref.")
    assert [r.table.cells[0][1] for r in t.rows] == ["Tolerance", "Efflux", "Storage", "Pump activity"]


def test_a_first_page_counter_beside_the_footer_text_is_dropped(tmp_path):
    pages = []
    for n in (1, 2):
        p = PageSpec()
        p.lines(LEFT, 60, BODY * 4, size=SIZE, leading=LEAD, bold="serif")
        pages.append(p)
    pages[0].text(LEFT, 760, "Synthetic article for testing; do not cite. Licence: CC0 1.0.", 7)
    pages[0].text(500, 760, "Page 1 of 2", 7)
    pages[1].text(LEFT, 30, "Journal of Synthetic Tests 4:12", 7)
    pages[1].text(500, 30, "Page 2 of 2", 7)
    path = tmp_path / "counter.pdf"
    path.write_bytes(make_pdf(pages))
    assert "Page 1 of 2" not in load(path).text


def test_a_group_label_running_across_where_a_column_starts_stays_a_label(tmp_path):
    # The label's next word starts, a word space on, just where the second column does: no
    # place for a column to start inside the label.
    label = "Copper handling and its assays"
    p = PageSpec()
    y = _assay_table(p, LEFT + width("Copper handling and", 8) + 2.2, label=label)
    p.lines(LEFT, y + 14, BODY, size=SIZE, leading=LEAD, bold="serif")
    path = tmp_path / "label_across.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = load(path).tables
    assert t.columns == ("Assay", "Definition", "Ref.")
    assert [r.table.cells[0][1] for r in t.rows] == ["Tolerance", "Efflux", "Storage", "Pump activity"]
    assert {r.table.group for r in t.rows} == {label}


def test_a_bulleted_column_keeps_its_marks_and_items_together(tmp_path):
    # "-" then the item a tab's width on, on every line: a list in a cell, not two columns.
    p = PageSpec()
    p.text(LEFT, 60, "Table 1. Trials included", size=8.5, bold=True)
    p.rule(LEFT, 560, 72)
    for x, h in ((LEFT, "Trial"), (150, "Inclusion criteria"), (480, "N")):
        p.text(x, 75, h, 8, bold=True)
    p.rule(LEFT, 560, 86)
    trials = [("ZINC-1", ["Children aged 4 to 12 years", "Cold for less than 2 days"], "300"),
              ("ZINC-2", ["Adults", "No zinc in the last month", "Able to swallow tablets"], "120"),
              ("ECHO", ["Children under 6", "Fever"], "88")]
    y = 90
    for trial, items, n in trials:
        p.text(LEFT, y, trial, 8)
        p.text(480, y, n, 8)
        for it in items:
            p.text(150, y, "-", 8)
            p.text(150 + width("-", 8) + 4.2, y, it, 8)
            y += 10
    p.rule(LEFT, 560, y + 1)
    p.lines(LEFT, y + 20, BODY * 2, size=SIZE, leading=LEAD, bold="serif")
    path = tmp_path / "bullets.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = load(path).tables
    assert t.columns == ("Trial", "Inclusion criteria", "N")
