"""A table drawn as a word processor draws it (LibreOffice, Word): a full grid of cell borders,
a heading spanning two narrow columns ("n" and "%", set closer together than the gap between
other columns), a value merged across both (no border between them on its row), group labels
with their rows indented under them, and rows set back at the label's indentation after them."""

import pytest

from qa.ingest import load
from pdfgen import COLUMN_TEXT as TEXT, PageSpec, make_pdf

L, X1, XN, XP, R = 60, 200, 248, 290, 330  # borders: left, after "Characteristic", between n and %, right


def _header(p: PageSpec, xs, names, left: float, right: float, y: float, height: float = 13) -> float:
    """A one-line header ruled above and below; returns where the rows start."""
    p.rule(left, right, y)
    for x, h in zip(xs, names):
        p.text(x, y + 3, h, size=8, bold=True)
    p.rule(left, right, y + height)
    return y + height


def _grid_table() -> PageSpec:
    p = PageSpec()
    p.text(L, 50, "Table 1 Baseline characteristics of the participants", size=9, bold=True)
    top = 66
    p.rule(L, R, top)
    p.text(X1 + 4, top + 3, "Intervention (n = 60)", size=8, bold=True)
    p.rule(X1, R, top + 13)
    p.text(L + 3, top + 16, "Characteristic", size=8, bold=True)
    p.text(X1 + 4, top + 16, "n", size=8, bold=True)
    p.text(XN + 4, top + 16, "%", size=8, bold=True)
    y = top + 27
    p.rule(L, R, y)
    rows = [("Age, years, mean ± SD", "61.8 ± 9.6", None, False), ("Age group, years", "", "", False),
            ("40-54", "18", "30.0", True), ("55-79", "42", "70.0", True), ("Female sex", "29", "48.3", False),
            ("Current smoker", "11", "18.3", False)]
    p.vrules += [(L, top, y + 13 * len(rows)), (R, top, y + 13 * len(rows)), (X1, top, y + 13 * len(rows))]
    for label, n, pct, indent in rows:
        p.text(L + (12 if indent else 3), y + 3, label, size=8)
        if pct is None:  # one value merged over n and %: no border between them on this row
            p.text(X1 + 4, y + 3, n, size=8)
        elif n:
            p.text(X1 + 4, y + 3, n, size=8)
            p.text(XN + 4, y + 3, pct, size=8)
            p.vrules.append((XN, y, y + 13))
        else:
            p.vrules.append((XN, y, y + 13))
        y += 13
        p.rule(L, R, y)
    p.vrules.append((XN, top + 13, top + 27))
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    return p


@pytest.mark.parametrize("filled", [False, True])
def test_a_word_processor_grid_with_narrow_spanned_columns_and_merged_cells(tmp_path, filled):
    # (Borders stroked as lines, or filled as thin rectangles as word processors draw them.)
    page = _grid_table()
    page.filled = filled
    path = tmp_path / "grid.pdf"
    path.write_bytes(make_pdf([page]))
    t = next(t for t in load(path).tables if t.number == 1)
    assert t.columns == ("Characteristic", "Intervention (n = 60) n", "Intervention (n = 60) %")
    got = [(r.table.group, tuple(v for _, v in r.table.cells)) for r in t.rows]
    assert got == [
        (None, ("Age, years, mean ± SD", "61.8 ± 9.6", "")),
        ("Age group, years", ("40-54", "18", "30.0")),
        ("Age group, years", ("55-79", "42", "70.0")),
        (None, ("Female sex", "29", "48.3")),
        (None, ("Current smoker", "11", "18.3")),
    ]


def test_rows_of_a_grid_set_tight_under_their_rules_with_a_cell_merged_down_two_rows(tmp_path):
    # Each row's first line sits right under the rule that opens it (its font box reaches
    # above the rule); "Community pharmacy" is one cell over two rows, so the rule between
    # them stops short of its column.
    p = PageSpec()
    p.text(L, 50, "Table 2 Earlier trials of pharmacist care", size=9, bold=True)
    xs = (L + 3, 150, 250)
    y = top = _header(p, xs, ("Trial", "Setting", "Participants"), L, R, 66)
    rows = [(("Hallberg 2014", "(Sweden)"), ("Community", "pharmacy"), ("288 adults with", "hypertension")),
            (("Moreno 2016", "(Spain)"), None, ("412 adults aged", "50 or older")),
            (("Oduya 2018", "(Kenya)"), ("Hospital", "clinic"), ("356 adults starting", "treatment"))]
    for k, (trial, setting, people) in enumerate(rows):
        for x, cell in zip(xs, (trial, setting, people)):
            if cell:
                p.lines(x, y - 3.3, list(cell), size=8, leading=9.5)
        y += 22
        if k == 0:
            p.rule(L, 147, y)
            p.rule(247, R, y)
        else:
            p.rule(L, R, y)
    p.vrules += [(L, top - 13, y), (147, top - 13, y), (247, top - 13, y), (R, top - 13, y)]
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    path = tmp_path / "grid2.pdf"
    path.write_bytes(make_pdf([p]))
    t = next(t for t in load(path).tables if t.number == 2)
    got = [tuple(v for _, v in r.table.cells) for r in t.rows]
    assert got == [("Hallberg 2014 (Sweden)", "Community pharmacy", "288 adults with hypertension"),
                   ("Moreno 2016 (Spain)", "Community pharmacy", "412 adults aged 50 or older"),
                   ("Oduya 2018 (Kenya)", "Hospital clinic", "356 adults starting treatment")]


def _trials_page(caption: bool, trials: list[tuple[str, str, str]], text_after: bool) -> PageSpec:
    p = PageSpec()
    y = 60
    if caption:
        p.lines(L, y, TEXT[:4], size=9.6, leading=12.2)
        y += 60
        p.text(L, y, "Table 4 Earlier trials of pharmacist care", size=9, bold=True)
        y += 16
    xs = (L + 3, 170, 300)
    top = y
    y = _header(p, xs, ("Trial (country)", "Setting", "Follow-up"), L, R + 150, y)
    for row in trials:
        for x, cell in zip(xs, row):
            p.text(x, y + 3, cell, size=8)
        y += 13
        p.rule(L, R + 150, y)
    p.vrules += [(x, top, y) for x in (L, 167, 297, R + 150)]
    if text_after:
        p.lines(L, y + 24, TEXT[4:10], size=9.6, leading=12.2)
    return p


def test_a_table_going_on_under_its_header_repeated_on_the_next_page_is_one_table(tmp_path):
    # A word processor repeats the header row where a table breaks across pages and prints no
    # "Table 4 (continued)" caption.
    first = [("Hallberg 2014 (Sweden)", "Community pharmacy", "6 months"), ("Oduya 2018 (Kenya)", "Hospital clinic", "6 months")]
    rest = [("Park 2019 (Korea)", "Community pharmacy", "12 months"), ("Aydin 2022 (Turkey)", "Hospital clinic", "9 months")]
    path = tmp_path / "cont.pdf"
    path.write_bytes(make_pdf([_trials_page(True, first, False), _trials_page(False, rest, True)]))
    doc = load(path)
    (t,) = [t for t in doc.tables if t.number == 4]
    assert t.columns == ("Trial (country)", "Setting", "Follow-up")
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == first + rest
    assert len(doc.tables) == 1 and "membranes and proteins" in doc.text


def test_borders_between_columns_with_rules_only_between_groups_keep_each_row(tmp_path):
    # Vertical borders between all columns, horizontal rules only around the header and
    # between groups: each line is still a row (a group's rows sit at the row pitch, not the
    # tighter pitch of a wrapped cell).
    p = PageSpec()
    p.text(L, 50, "Table 1 Characteristics by group", size=9, bold=True)
    xs = (L + 3, 200, 260)
    top = 66
    y = _header(p, xs, ("Characteristic", "Group A", "Group B"), L, R, top, height=14)
    groups = [[("Age, years", "61", "62"), ("Female sex", "29", "30"), ("Smoker", "11", "12")],
              [("Diabetes", "9", "8"), ("Heart failure", "4", "5")], [("Lives alone", "21", "20"), ("Employed", "30", "33")]]
    for rows in groups:
        for row in rows:
            for x, cell in zip(xs, row):
                p.text(x, y + 3, cell, size=8)
            y += 14
        p.rule(L, R, y)
    p.vrules += [(x, top, y) for x in (L, 195, 255, R)]
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    path = tmp_path / "groups.pdf"
    path.write_bytes(make_pdf([p]))
    t = next(t for t in load(path).tables if t.number == 1)
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == [row for rows in groups for row in rows]


def test_lines_that_are_no_cell_borders_leave_the_columns_alone(tmp_path):
    # A rule between the page's two text columns runs through a borderless page-wide table
    # (through the words of its widest column), and a figure frame far below a narrow n / %
    # table stands at the x of their gap: neither is a border.
    p = PageSpec()
    p.text(50, 50, "Table 2 Main findings of the included trials", size=9, bold=True)
    xs = (53, 170, 240)
    _header(p, xs, ("Trial", "Patients", "Main finding"), 50, 560, 64, height=14)
    rows = [("Okafor 2019", "120", "Systolic pressure fell by eight points within three months"),
            ("Reyes 2020", "96", "No change in adherence, but fewer missed appointments overall"),
            ("Hall 2021", "210", "Control rates doubled when readings were shared each week")]
    y = 81
    for row in rows:
        for x, cell in zip(xs, row):
            p.text(x, y, cell, size=8)
        y += 12
    p.rule(50, 560, y + 2)
    p.vrules.append((306, 40, y + 2))
    p.lines(50, y + 30, TEXT[:6], size=9.6, leading=12.2)
    q = _grid_table()
    q.vrules = [v for v in q.vrules if abs(v[0] - XN) > 1] + [(XN, 500, 700)]  # n / % not bordered; a frame far below
    path = tmp_path / "frames.pdf"
    path.write_bytes(make_pdf([p, q]))
    doc = load(path)
    t2 = next(t for t in doc.tables if t.number == 2)
    assert t2.columns == ("Trial", "Patients", "Main finding")
    assert [tuple(v for _, v in r.table.cells) for r in t2.rows] == rows
    t1 = next(t for t in doc.tables if t.number == 1)
    assert len(t1.columns) == 2  # without borders n and % sit too close to be read apart


def _column_table(caption: bool, rows: list[tuple[str, str, str]]) -> PageSpec:
    # A table in the left column of a two-column page, running text beside it on the right
    # (at the heights of its header lines too); its header is two lines, a spanning heading
    # over "n" and "%" above the column names.
    a, x1, xn, b = 50, 150, 195, 240
    p = PageSpec()
    p.lines(320, 60, TEXT, size=9.6, leading=12.2)
    y = 60
    if caption:
        y = p.lines(a, y, TEXT[:5], size=9.6, leading=12.2) + 10
        p.text(a, y, "Table 3 Outcomes by group", size=9, bold=True)
        y += 15
    top = y
    p.rule(a, b, y)
    p.text(x1 + 4, y + 3, "Intervention (n = 60)", size=8, bold=True)
    p.rule(x1, b, y + 13)
    p.text(a + 3, y + 16, "Outcome", size=8, bold=True)
    p.text(x1 + 4, y + 16, "n", size=8, bold=True)
    p.text(xn + 4, y + 16, "%", size=8, bold=True)
    y += 27
    p.rule(a, b, y)
    for row in rows:
        for x, cell in zip((a + 3, x1 + 4, xn + 4), row):
            p.text(x, y + 3, cell, size=8)
        y += 13
        p.rule(a, b, y)
    p.vrules += [(x, top, y) for x in (a, x1, b)] + [(xn, top + 13, y)]
    if not caption:
        p.lines(a, y + 20, TEXT[5:9], size=9.6, leading=12.2)
    return p


def test_a_two_line_header_repeated_in_a_text_column_continues_the_table(tmp_path):
    first = [("Readmission", "9", "15.0"), ("Fall", "4", "6.7")]
    rest = [("Stroke", "1", "1.7"), ("Death", "2", "3.3")]
    path = tmp_path / "colcont.pdf"
    path.write_bytes(make_pdf([_column_table(True, first), _column_table(False, rest)]))
    doc = load(path)
    (t,) = [t for t in doc.tables if t.number == 3]
    assert t.columns == ("Outcome", "Intervention (n = 60) n", "Intervention (n = 60) %")
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == first + rest
    assert "Intervention (n = 60)" not in doc.text.replace(t.title, "")
