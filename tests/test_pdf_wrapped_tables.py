"""Table rows whose cells wrap over several lines, read from word positions, on tables the
test lays out itself: a line that continues a row (its cells the next lines of the cells
above) joins that row, whether the rows are set apart by a little more than their lines or
not at all (then the Ref column it leaves empty says so); a line spelling out abbreviations
under the rows is the Note; and a header set over two columns names each of them."""

import pytest

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, PageSpec, make_pdf, width
from qa.ingest import load


def _table(doc, n):
    t = next(t for t in doc.tables if t.number == n)
    return t, [(r.table.group, tuple(v for _, v in r.table.cells)) for r in t.rows]


# (first cell lines, second cell lines, third cell lines, ref) under group labels; lines
# that continue a cell open with a bracket or a number, as a first cell's own first line can.
GROUPS = [
    ("Leg ulcers", [
        (["Chronic ulcers", "(n = 36)"], ["Manuka gel, weekly"], ["Faster closure at", "12 weeks"], "[4]"),
        (["Venous ulcers (n = 14)"], ["Honey foam, twice", "weekly"], ["No change in area"], "[5]"),
        (["Time to healing,", "days, median", "(IQR)"], ["Honey film,", "daily"], ["12 vs 16"], "[6]"),
    ]),
    ("Burns", [
        (["Partial burns", "(n = 50)"], ["Honey gauze, daily"], ["Healed 4 days earlier"], "[7]"),
        (["Pain score at day", "7, 0-10"], ["Honey gauze"], ["Lower by 1.2"], "[8]"),
    ]),
]
WANT = [
    ("Leg ulcers", ("Chronic ulcers (n = 36)", "Manuka gel, weekly", "Faster closure at 12 weeks", "[4]")),
    ("Leg ulcers", ("Venous ulcers (n = 14)", "Honey foam, twice weekly", "No change in area", "[5]")),
    ("Leg ulcers", ("Time to healing, days, median (IQR)", "Honey film, daily", "12 vs 16", "[6]")),
    ("Burns", ("Partial burns (n = 50)", "Honey gauze, daily", "Healed 4 days earlier", "[7]")),
    ("Burns", ("Pain score at day 7, 0-10", "Honey gauze", "Lower by 1.2", "[8]")),
]
COLS = (L, L + 95, L + 200, L + 320)


def _wrapped_table(path, leading: float, row_gap: float, note: str, note_size: float = 7,
                   group_gap: float = 0, groups=GROUPS) -> None:
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    p.text(L, y + 8, "Table 2 Trials of honey dressings", size=8.3, bold=True)
    y += 24
    for x, h in zip(COLS, ("Population", "Dressing and schedule", "Main result", "Ref.")):
        p.text(x, y, h, size=7, bold=True)
    y += leading + row_gap
    for label, rows in groups:
        y += group_gap
        p.text(L, y, label, size=7)
        y += leading + row_gap
        for row in rows:
            for x, cell in zip(COLS, row):
                p.lines(x, y, [cell] if isinstance(cell, str) else cell, size=7, leading=leading)
            y += leading * max(len(c) for c in row[:3]) + row_gap
    p.text(L, y + 3, note, size=note_size)
    p.lines(L, y + 26, TEXT[4:], size=9.5, leading=11.5)
    path.write_bytes(make_pdf([p]))


@pytest.mark.parametrize("group_gap", [0, 5])
def test_wrapped_cells_join_their_row_at_the_line_pitch(tmp_path, group_gap):
    # Lines of a cell 8.4 pt apart, rows and group labels 11.3 pt apart (as fpdf2 sets
    # them), or group labels further still: a line at the closest pitch continues the row
    # above, even when it opens with a bracket or a number; a line naming abbreviations
    # under the rows is the Note.
    # A first cell wrapped onto a line that opens with a capital: only the pitch tells.
    extra = (["Burns treated with", "NPWT (n = 12)"], ["Honey gel"], ["No difference"], "[9]")
    groups = GROUPS[:-1] + [(GROUPS[-1][0], GROUPS[-1][1] + [extra])]
    path = tmp_path / "pitch.pdf"
    _wrapped_table(path, leading=8.4, row_gap=2.9, note="MGO, methylglyoxal; vs, versus", group_gap=group_gap,
                   groups=groups)
    t, got = _table(load(path), 2)
    assert t.columns == ("Population", "Dressing and schedule", "Main result", "Ref.")
    assert got == WANT + [("Burns", ("Burns treated with NPWT (n = 12)", "Honey gel", "No difference", "[9]"))]
    assert t.note == "MGO, methylglyoxal; vs, versus"


def test_wrapped_cells_at_an_even_pitch_leave_the_ref_column_empty(tmp_path):
    # Every line 9 pt apart: only the cells tell a row's first line (which fills the Ref
    # column, as every row does) from a line continuing it (which leaves it empty).
    path = tmp_path / "even.pdf"
    _wrapped_table(path, leading=9, row_gap=0, note="Data are from the trial reports.")
    t, got = _table(load(path), 2)
    assert got == WANT
    assert t.note == "Data are from the trial reports."


def test_a_line_in_smaller_type_under_the_rows_is_the_note(tmp_path):
    # No label, no abbreviations: only its smaller type sets the line apart from the rows.
    path = tmp_path / "small-note.pdf"
    _wrapped_table(path, leading=8.4, row_gap=2.9, note="Trials found in two registers.", note_size=6.2)
    t, got = _table(load(path), 2)
    assert got == WANT
    assert t.note == "Trials found in two registers."


@pytest.mark.parametrize("placed", ["centred", "ruled"])
def test_a_header_over_two_columns_names_each_of_them(tmp_path, placed):
    # "Baseline" and "Week 6" each over an "n" and a "%" column: centred over the pair (its
    # words in the gap between them), or set at the pair's left edge above a rule that runs
    # over both. Each column is named whole: "Baseline n", "Baseline %".
    p = PageSpec()
    p.text(L, 60, "Table 1 Signs of infection at baseline and at week 6", size=8.3, bold=True)
    cols = (L, L + 190, L + 240, L + 300, L + 350, L + 410)
    p.rule(L, L + 450, 74)
    for a, b, h in ((1, 2, "Baseline"), (3, 4, "Week 6")):
        right = cols[b] + width("00.0", 7.5)
        x = (cols[a] + right - width(h, 7.5)) / 2 if placed == "centred" else cols[a]
        p.text(x, 78, h, size=7.5, bold=True)
        if placed == "ruled":
            p.rule(cols[a] - 2, right + 2, 87)
    for x, h in zip(cols, ("Sign", "n", "%", "n", "%", "P value")):
        p.text(x, 90, h, size=7.5, bold=True)
    p.rule(L, L + 450, 100)
    y = 104
    rows = [("Heavy exudate", "71", "56.3", "38", "30.2", "<0.001"), ("Malodour", "30", "23.8", "12", "9.5", "0.002")]
    rows += [(f"Sign {k}", f"{20 + k}", f"{k}1.5", f"{10 + k}", f"{k}0.2", f"0.0{k}") for k in range(1, 9)]
    for row in rows:
        for x, cell in zip(cols, row):
            p.text(x, y, cell, size=7.5)
        y += 11
    p.rule(L, L + 450, y + 1)
    p.lines(L, y + 20, TEXT[:6], size=9.5, leading=11.5)
    path = tmp_path / "two-level.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 1)
    assert t.columns == ("Sign", "Baseline n", "Baseline %", "Week 6 n", "Week 6 %", "P value")
    assert got[0][1] == ("Heavy exudate", "71", "56.3", "38", "30.2", "<0.001")
