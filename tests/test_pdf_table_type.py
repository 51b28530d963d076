"""A table set in a face other than the body text's and larger than it (a landscape comparison
table in a narrow sans face): its words read as emphasis, as words in another face are when a
PDF names its fonts by a hash, yet a line holding only the last cell's wrapped end is still a
row's line, not a heading ending the table. On a table the test lays out itself."""

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, PageSpec, make_pdf
from qa.ingest import load

COLS = (L, L + 110, L + 230, L + 360)  # Study, Setting, Design, Main finding
ROWS = [
    (("Haraldsen 2012",), ("Norway; three", "hospitals"), ("Survey of 1,420", "nurses"),
     ("Three or more night shifts a month", "linked to the syndrome only in", "nurses aged 40 or older")),
    (("Ojeda 2014",), ("Spain; two", "hospitals"), ("Cohort of 2,080", "nurses"),
     ("Higher incidence in permanent", "night workers; no excess with", "rotating schedules")),
    (("Choi 2016",), ("Korea; national", "survey"), ("Analysis of 3,911", "women"),
     ("No association after", "adjustment for age")),
]


def test_a_table_in_another_larger_face_keeps_its_one_cell_lines(tmp_path):
    p = PageSpec()
    y = p.lines(L, 60, TEXT + TEXT[:6], size=9.5, leading=11.5)  # the body text: Helvetica 9.5
    p.text(L, y + 10, "Table 3", 9.5, bold=True)
    p.text(L + 38, y + 10, "Comparison with earlier studies", 9.5)
    y += 20
    p.rule(L, L + 520, y)
    y += 12
    for x, s in zip(COLS, ("Study", "Setting", "Design", "Main finding")):
        p.text(x, y, s, 10.5, bold="serif")
    p.rule(L, L + 520, y + 4)
    y += 16
    for row in ROWS:
        height = max(len(cell) for cell in row)
        for x, cell in zip(COLS, row):
            for k, line in enumerate(cell):
                p.text(x, y + 12.5 * k, line, 10.5, bold="serif")
        y += 12.5 * height + 5
    p.rule(L, L + 520, y)
    p.lines(L, y + 16, TEXT[:8], size=9.5, leading=11.5)
    path = tmp_path / "face.pdf"
    path.write_bytes(make_pdf([p]))
    t = next(t for t in load(path).tables if t.number == 3)
    assert t.columns == ("Study", "Setting", "Design", "Main finding")
    cells = [dict(r.table.cells) for r in t.rows]
    assert [c["Study"] for c in cells] == ["Haraldsen 2012", "Ojeda 2014", "Choi 2016"]
    assert cells[0]["Main finding"] == "Three or more night shifts a month linked to the syndrome only in nurses aged 40 or older"
    assert cells[1]["Main finding"].endswith("rotating schedules")


def _table_then(tmp_path, after_size: float, caption_lines: int = 1, row_size: float = 10.5):
    """A table in Times at row_size under a caption, then a bold line at after_size, then text."""
    p = PageSpec()
    y = p.lines(L, 60, TEXT + TEXT[:6], size=9.5, leading=11.5)
    for k in range(caption_lines):
        words = "Table 3 Comparison with earlier studies" if k == 0 else "of night work in hospital staff"
        p.text(L, y + 10 + 12 * k, words, 10.5, bold=k == 0)
    y += 10 + 12 * caption_lines
    p.rule(L, L + 520, y)
    y += 12
    for x, s in zip(COLS, ("Study", "Setting", "Design", "Main finding")):
        p.text(x, y, s, row_size, bold="serif")
    p.rule(L, L + 520, y + 4)
    y += 16
    for row in ROWS[:2]:
        for x, cell in zip(COLS, row):
            for k, line in enumerate(cell):
                p.text(x, y + 12.5 * k, line, row_size, bold="serif")
        y += 12.5 * max(len(cell) for cell in row) + 5
    p.text(L, y + 4, "Discussion of shift patterns", after_size, bold=True)
    p.lines(L, y + 20, TEXT[:8], size=9.5, leading=11.5)
    path = tmp_path / "after.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    return next(t for t in doc.tables if t.number == 3), doc


def test_a_heading_in_another_face_after_such_a_table_is_still_a_heading(tmp_path):
    t, doc = _table_then(tmp_path, 10.5)
    assert len(t.rows) == 2
    assert not any("Discussion of shift patterns" in v for r in t.rows for _, v in r.table.cells)
    assert any(b.kind == "heading" and "Discussion of shift patterns" in b.text for b in doc.blocks)


def test_a_caption_over_two_lines_is_not_the_tables_type(tmp_path):
    # Rows at 8 pt under a caption at 10.5 pt: a 10.5 pt bold line after the rows ends the table.
    t, doc = _table_then(tmp_path, 10.5, caption_lines=2, row_size=8)
    assert not any("Discussion of shift patterns" in v for r in t.rows for _, v in r.table.cells)
