"""A table drawn as a word processor draws it (LibreOffice, Word): a full grid of cell borders,
a heading spanning two narrow columns ("n" and "%", set closer together than the gap between
other columns), a value merged across both (no border between them on its row), group labels
with their rows indented under them, and rows set back at the label's indentation after them."""

from qa.ingest import load
from pdfgen import COLUMN_TEXT as TEXT, PageSpec, make_pdf

L, X1, XN, XP, R = 60, 200, 248, 290, 330  # borders: left, after "Characteristic", between n and %, right


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


def test_a_word_processor_grid_with_narrow_spanned_columns_and_merged_cells(tmp_path):
    path = tmp_path / "grid.pdf"
    path.write_bytes(make_pdf([_grid_table()]))
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
    y = 66
    p.rule(L, R, y)
    for x, h in zip(xs, ("Trial", "Setting", "Participants")):
        p.text(x, y + 3, h, size=8, bold=True)
    y += 13
    p.rule(L, R, y)
    top = y
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
    p.rule(L, R + 150, y)
    for x, h in zip(xs, ("Trial (country)", "Setting", "Follow-up")):
        p.text(x, y + 3, h, size=8, bold=True)
    y += 13
    p.rule(L, R + 150, y)
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
