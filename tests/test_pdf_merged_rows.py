"""Tables as a browser prints an HTML table: cells merged down over several rows (a subgroup's
label and its P value beside each of its categories), headers left-aligned and wider than the
right-aligned numbers under them, spanning headers over a grid whose borders are drawn cell by
cell (and twice where cells meet), and the header repeated where the table breaks across pages."""

from qa.ingest import load
from qa.ingest.pdf_tables import merge_rules
from pdfgen import COLUMN_TEXT as TEXT, PageSpec, make_pdf, width

L, R = 50, 560
SIZE = 8
# Subgroup, category, two counts (right-aligned at these x), hazard ratio, P (right-aligned)
X_SUB, X_CAT, X_A, X_B, X_HR, X_P = L + 4, 140, 285, 378, 395, 552
HEAD = [(X_SUB, "Subgroup"), (X_CAT, "Category"), (215, "Treated, events/N"), (300, "Untreated, events/N"),
        (X_HR, "Adjusted HR (95% CI)"), (490, "p for interaction")]
COLUMNS = ("Subgroup", "Category", "Treated, events/N", "Untreated, events/N", "Adjusted HR (95% CI)", "p for interaction")
GROUPS = [("Age group (years)", "0.91", [("18-39", "6/61", "9/49", "0.55 (0.19-1.57)"), ("40-64", "35/279", "54/247", "0.60 (0.39-0.92)"),
                                         ("65 or older", "17/72", "28/93", "0.66 (0.36-1.21)")]),
          # (The first label's words set a word space apart, 2 pt, alone beyond the others.)
          ("Sex", "0.84", [("Female", "20/158", "31/141", "0.58 (0.33-1.02)"), ("Male", "38/254", "60/248", "0.62 (0.41-0.94)")]),
          ("HIV", "0.48", [("Living with HIV", "22/87", "35/102", "0.71 (0.41-1.22)"),
                                  ("HIV negative", "36/325", "56/287", "0.56 (0.37-0.86)")]),
          ("Smoking", "0.56", [("Current smoker", "19/97", "27/104", "0.70 (0.39-1.26)"), ("Non-smoker", "39/315", "64/285", "0.57 (0.38-0.85)")]),
          ("Insulin", "0.95", [("Yes", "12/64", "38/131", "0.62 (0.32-1.20)"), ("No", "46/348", "53/258", "0.60 (0.40-0.90)")])]


def _right(p: PageSpec, x1: float, y: float, s: str, bold: bool = False) -> None:
    p.text(x1 - width(s, SIZE), y, s, SIZE, bold)


def _ruled_table(title: str, xs, heads, step: float = 12) -> tuple[PageSpec, float]:
    """A page opening with a table's caption and its one-line header ruled above and below;
    returns the page and where the rows start."""
    p = PageSpec()
    p.text(L, 60, title, size=9, bold=True)
    y = 76
    p.rule(L, R, y - 3)
    for x, h in zip(xs, heads):
        p.text(x, y, h, SIZE, True)
    y += step
    p.rule(L, R, y - 3)
    return p, y


def _cells_drawn_apart(p: PageSpec, y: float, xs: list[float]) -> None:
    """A horizontal border as an HTML renderer draws it: one piece per cell, each cell's piece
    drawn again by the cell beside it (collapsed borders)."""
    for a, b in zip(xs, xs[1:]):
        p.rule(a, b, y)
        p.rule(a, b, y)


BORDERS = [L, 135, 210, 295, 390, 485, R]


def _subgroup_page(groups, caption: bool) -> PageSpec:
    p = PageSpec()
    y = 60
    if caption:
        p.text(L, y, "Table 4. Adjusted hazard ratios in prespecified subgroups", size=9, bold=True)
        y += 14
    _cells_drawn_apart(p, y, BORDERS)
    for x, h in HEAD:
        p.text(x, y + 4, h, SIZE, bold=True)
    y += 14
    _cells_drawn_apart(p, y, BORDERS)
    for label, pv, rows in groups:
        for k, (cat, a, b, hr) in enumerate(rows):
            if k == 0:  # merged down over the group's rows: printed once, on its first line
                p.text(X_SUB, y + 4, label, SIZE, bold=True)
                _right(p, X_P, y + 4, pv)
            p.text(X_CAT, y + 4, cat, SIZE)
            _right(p, X_A, y + 4, a)
            _right(p, X_B, y + 4, b)
            p.text(X_HR, y + 4, hr, SIZE)
            y += 13.5
        _cells_drawn_apart(p, y, BORDERS)  # a rule under each group, none between its rows
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    return p


def _expected(groups):
    return [(label, cat, a, b, hr, pv) for label, pv, rows in groups for cat, a, b, hr in rows]


def test_cells_merged_down_a_group_leave_each_of_its_rows_a_row(tmp_path):
    path = tmp_path / "subgroups.pdf"
    path.write_bytes(make_pdf([_subgroup_page(GROUPS, True)]))
    (t,) = [t for t in load(path).tables if t.number == 4]
    assert t.columns == COLUMNS
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == _expected(GROUPS)


def test_the_header_repeated_on_the_next_page_is_no_row_however_its_columns_are_cut(tmp_path):
    # The continued page has more rows than the first: its header words, left-aligned over
    # right-aligned numbers, no longer decide where its columns are, and are cut otherwise.
    first, rest = GROUPS[:1], GROUPS[1:] + [(g + " again", pv, rows) for g, pv, rows in GROUPS[1:]]
    path = tmp_path / "continued.pdf"
    path.write_bytes(make_pdf([_subgroup_page(first, True), _subgroup_page(rest, False)]))
    (t,) = [t for t in load(path).tables if t.number == 4]
    assert t.columns == COLUMNS
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == _expected(first + rest)


def test_an_unruled_table_with_a_cell_merged_down_and_cells_that_wrap(tmp_path):
    # No rules between rows (zebra shading only): "Culture conversion" beside two time points
    # is one cell over two rows; "Composite unfavourable outcome" is one cell wrapped over two
    # lines beside another wrapped cell. The two-line headers are wider than the numbers.
    p = PageSpec()
    p.text(L, 60, "Table 3. Treatment outcomes by exposure", size=9, bold=True)
    xs = (L + 4, 160, 250, 320, 410)
    heads = [("Outcome", ""), ("Time point", ""), ("Treated, n/N", "(%)"), ("Untreated,", "n/N (%)"), ("p", "value")]
    for x, (h1, h2) in zip(xs, heads):
        p.text(x, 76, h1, SIZE, bold=True)
        if h2:
            p.text(x, 85, h2, SIZE, bold=True)
    rows = [(("Composite unfavourable", "outcome"), ("12 months after", "treatment"), "58/412 (14.1)", "91/389 (23.4)", "0.003"),
            (("Death",), ("During treatment",), "17/412 (4.1)", "31/389 (8.0)", "0.031"),
            (("Culture conversion",), ("Month 2",), "318/412 (77.2)", "262/389 (67.4)", "0.006"),
            (None, ("Month 6",), "389/412 (94.4)", "352/389 (90.5)", "0.058"),
            (("Loss to follow-up",), ("During treatment",), "21/412 (5.1)", "26/389 (6.7)", "0.44")]
    y = 101
    for first, time, a, b, pv in rows:
        if first:
            p.lines(xs[0], y, list(first), SIZE, leading=9)
        p.lines(xs[1], y, list(time), SIZE, leading=9)
        _right(p, 300, y, a)
        _right(p, 385, y, b)
        _right(p, 432, y, pv)
        y += 9 * max(len(first or ()), len(time)) + 6
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    path = tmp_path / "zebra.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = [t for t in load(path).tables if t.number == 3]
    assert t.columns == ("Outcome", "Time point", "Treated, n/N (%)", "Untreated, n/N (%)", "p value")
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == [
        ("Composite unfavourable outcome", "12 months after treatment", "58/412 (14.1)", "91/389 (23.4)", "0.003"),
        ("Death", "During treatment", "17/412 (4.1)", "31/389 (8.0)", "0.031"),
        ("Culture conversion", "Month 2", "318/412 (77.2)", "262/389 (67.4)", "0.006"),
        ("Culture conversion", "Month 6", "389/412 (94.4)", "352/389 (90.5)", "0.058"),
        ("Loss to follow-up", "During treatment", "21/412 (5.1)", "26/389 (6.7)", "0.44")]


def test_spanning_headers_over_a_grid_each_name_their_own_columns(tmp_path):
    # "Treated (n = 412)" and "Untreated (n = 389)" each centred over their "n" and "%", with
    # the rule under them drawn cell by cell so that it runs on, unbroken, under both.
    p = PageSpec()
    p.text(L, 60, "Table 1. Baseline characteristics", size=9, bold=True)
    b = [L, 200, 270, 340, 410, 480]
    _cells_drawn_apart(p, 72, b)
    p.text(L + 4, 76, "Characteristic", SIZE, bold=True)
    for (x0, x1), h in zip([(200, 340), (340, 480)], ["Treated (n = 412)", "Untreated (n = 389)"]):
        p.text((x0 + x1) / 2 - width(h, SIZE) / 2, 76, h, SIZE, bold=True)
    _cells_drawn_apart(p, 86, b[1:])
    for x1, h in zip(b[2:], ["n", "%", "n", "%"]):
        _right(p, x1 - 4, 90, h, bold=True)
    _cells_drawn_apart(p, 100, b)
    rows = [("Age 18-39", "61", "14.8", "49", "12.6"), ("Age 40-64", "279", "67.7", "247", "63.5"),
            ("Age 65 or older", "72", "17.5", "93", "23.9"), ("Female sex", "158", "38.3", "141", "36.2"),
            ("Living with HIV", "87", "21.1", "102", "26.2"), ("Current smoker", "97", "23.5", "104", "26.7"),
            ("Insulin use", "64", "15.5", "131", "33.7"), ("Statin use", "118", "28.6", "79", "20.3"),
            ("Cavitation", "164", "39.8", "171", "44.0"), ("Smear positive", "301", "73.1", "276", "71.0"),
            ("Prior TB", "41", "10.0", "37", "9.5"), ("Rural residence", "133", "32.3", "140", "36.0")]
    y = 100
    for row in rows:
        p.text(L + 4, y + 4, row[0], SIZE)
        for x1, v in zip(b[2:], row[1:]):
            _right(p, x1 - 4, y + 4, v)
        y += 14
        _cells_drawn_apart(p, y, b)
    p.vrules += [(x, 72, y) for x in b]
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    path = tmp_path / "spanning.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = [t for t in load(path).tables if t.number == 1]
    assert t.columns == ("Characteristic", "Treated (n = 412) n", "Treated (n = 412) %",
                         "Untreated (n = 389) n", "Untreated (n = 389) %")
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == rows


def test_border_pieces_drawn_twice_or_overlapping_make_one_rule():
    pieces = [(45.0, 147.0, 71.6), (147.0, 207.0, 71.6), (45.0, 147.0, 71.6), (147.0, 207.0, 71.7), (200.0, 300.0, 71.6),
              (400.0, 500.0, 71.6), (45.0, 147.0, 99.4)]
    assert [tuple(round(v, 1) for v in r) for r in merge_rules(pieces)] == [
        (45.0, 300.0, 71.6), (400.0, 500.0, 71.6), (45.0, 147.0, 99.4)]


def test_a_word_space_in_a_cell_is_no_gap_between_columns():
    # Positions as a browser set them at 7.3 pt: the space between "group" and "(years)" is
    # 2.2 pt, and no other line's words stand in it.
    from qa.ingest.pdf_tables import _columns
    from qa.ingest.pdf_words import Word, line_up, segments

    def words(top, *items):
        return [Word(t, x0, x1, top, top + 7.3, 7.3, False) for t, x0, x1 in items]

    ws = (words(709.2, ("Age", 49.0, 63.2), ("group", 65.5, 87.3), ("(years)", 89.5, 115.8), ("6/61", 273.7, 288.5))
          + words(722.7, ("35/279", 265.4, 288.5)) + words(750.4, ("Sex", 49.0, 62.4), ("20/158", 265.4, 288.5))
          + words(763.9, ("38/254", 265.4, 288.5)))
    lines = line_up(segments(ws), 5)
    assert [(round(a), round(b)) for a, b in _columns(lines, 49.0, 288.5)] == [(49, 116), (265, 289)]


def test_a_label_running_past_its_column_keeps_its_last_word():
    # "III–IV" ends the label a word space after "class", beyond where the column's other
    # cells end and nearer to the next column's numbers than to its own column.
    from qa.ingest.pdf_tables import _grid
    from qa.ingest.pdf_words import Word, line_up, segments

    ws = [Word(t, x0, x1, 300.0, 307.3, 7.3, False) for t, x0, x1 in [
        ("Heart", 315.6, 333.3), ("failure,", 335.3, 358.0), ("NYHA", 360.0, 383.0), ("class", 385.0, 400.5),
        ("III–IV", 402.5, 422.9), ("67", 431.8, 439.8), ("31.6", 460.7, 474.6)]]
    grid, _ = _grid(line_up(segments(ws), 1), [(307.0, 398.0), (427.0, 440.0), (460.0, 475.0)], 307.0)
    assert grid[0] == [["Heart failure, NYHA class III–IV"], ["67"], ["31.6"]]


def test_cells_holding_lists_side_by_side_stay_one_row(tmp_path):
    # A qualitative table: each group's cells are lists, one item a line, as many items in each
    # column; the group's label is set once, on the first line. The lines are not rows.
    p = PageSpec()
    p.text(L, 60, "Table 2. Views of each respondent group", size=9, bold=True)
    xs = (L + 4, 180, 330, 460)
    _cells_drawn_apart(p, 72, [L, 175, 325, 455, R])
    for x, h in zip(xs, ("Respondent group", "Strengths", "Weaknesses", "Areas to improve")):
        p.text(x, 76, h, SIZE, bold=True)
    _cells_drawn_apart(p, 86, [L, 175, 325, 455, R])
    groups = [("1. Managers (n = 5)", [("- Treatment protocols", "- Staff shortage", "- Procure supplies"),
                                       ("- Quality assurance", "- Scarce resources", "- Use resources well"),
                                       ("- Better patient care", "- Patient load", "- Team work")]),
              ("2. Patients (n = 4)", [("- Kind staff", "- Poor amenities", "- Involve patients"),
                                       ("- Clean wards", "- Long waits", "- Improve amenities")])]
    y = 86
    for label, items in groups:
        p.text(xs[0], y + 4, label, SIZE)
        for row in items:
            for x, item in zip(xs[1:], row):
                p.text(x, y + 4, item, SIZE)
            y += 11
        y += 4
        _cells_drawn_apart(p, y, [L, 175, 325, 455, R])
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    path = tmp_path / "lists.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = [t for t in load(path).tables if t.number == 2]
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == [
        (label, *(" ".join(row[c] for row in items) for c in range(3))) for label, items in groups]


def test_cells_whose_lines_fill_different_columns_stay_one_row(tmp_path):
    # Items without list marks, each column holding as many as it has: the lines fill
    # different columns, so they are one row's wrapped cells, not rows under a merged label.
    p = PageSpec()
    p.text(L, 60, "Table 2. Views of each respondent group", size=9, bold=True)
    xs = (L + 4, 150, 260, 370, 470)
    borders = [L, 145, 255, 365, 465, R]
    _cells_drawn_apart(p, 72, borders)
    for x, h in zip(xs, ("Respondent group", "Strengths", "Weaknesses", "Areas to improve", "Next steps")):
        p.text(x, 76, h, SIZE, bold=True)
    _cells_drawn_apart(p, 86, borders)
    cells = [["Treatment protocols", "Quality assurance", "Patient care"], ["Staff shortage", "Scarce resources"],
             ["Procure supplies", "Use resources well", "Team work"], ["Audit", "Training", "Review"]]
    p.text(xs[0], 90, "Managers (n = 5)", SIZE)
    for x, items in zip(xs[1:], cells):
        p.lines(x, 90, items, SIZE, leading=11)
    _cells_drawn_apart(p, 90 + 33 + 4, borders)
    p.text(xs[0], 131, "Patients (n = 4)", SIZE)
    for x, item in zip(xs[1:], ("Kind staff", "Long waits", "Involve patients", "Survey")):
        p.text(x, 131, item, SIZE)
    _cells_drawn_apart(p, 146, borders)
    p.lines(L, 176, TEXT[:6], size=9.6, leading=12.2)
    path = tmp_path / "items.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = [t for t in load(path).tables if t.number == 2]
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == [
        ("Managers (n = 5)", *(" ".join(items) for items in cells)),
        ("Patients (n = 4)", "Kind staff", "Long waits", "Involve patients", "Survey")]


def _estimates_page(models: int, p_value: bool, leading: float, row_gap: float, ruled: bool,
                    wrapped_label: bool = False) -> tuple[PageSpec, list[tuple[str, ...]]]:
    """Estimates over their intervals, one line each, in every model's column ("0.72" over
    "(0.55-0.94)"), optionally a P value printed once per row, rules under every row or only
    around the table; returns the page and the rows it should read as."""
    p = PageSpec()
    p.text(L, 60, "Table 2. Hazard ratios for death by model", size=9, bold=True)
    xs = [250 + 90 * k for k in range(models)] + ([250 + 90 * models] if p_value else [])
    heads = ["Exposure"] + [f"Model {k + 1}" for k in range(models)] + (["P"] if p_value else [])
    right_edge = xs[-1] + 10
    y = 76
    p.rule(L, right_edge, y - 3)
    p.text(L + 2, y, heads[0], SIZE, bold=True)
    for x, h in zip(xs, heads[1:]):
        _right(p, x, y, h, bold=True)
    y += 12
    p.rule(L, right_edge, y - 3)
    data = [(("Statin use",), "0.72", "(0.55-0.94)", "0.01"), (("Metformin use",), "0.91", "(0.70-1.18)", "0.48"),
            (("Aspirin use",), "1.05", "(0.83-1.33)", "0.70"), (("Insulin use",), "1.32", "(1.01-1.73)", "0.04")]
    if wrapped_label:  # a label over two lines: the table's closer pitch of a cell's lines
        data.append((("Angiotensin", "receptor blocker"), "0.88", "(0.69-1.12)", "0.30"))
    expected = []
    for label, est, ci, pv in data:
        p.lines(L + 2, y, list(label), SIZE, leading=leading)
        for x in xs[:models]:
            _right(p, x, y, est)
            _right(p, x, y + leading, ci)
        if p_value:
            _right(p, xs[-1], y, pv)
        y += 2 * leading + row_gap
        if ruled:
            p.rule(L, right_edge, y - 3)
        expected.append((" ".join(label), *[f"{est} {ci}"] * models, *([pv] if p_value else [])))
    if not ruled:
        p.rule(L, right_edge, y - 3)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    return p, expected


def _read(tmp_path, page: PageSpec, number: int):
    path = tmp_path / "t.pdf"
    path.write_bytes(make_pdf([page]))
    (t,) = [t for t in load(path).tables if t.number == number]
    return [tuple(v for _, v in r.table.cells) for r in t.rows]


def test_an_estimate_over_its_interval_stays_one_row(tmp_path):
    # Every column but the first has a second line; nothing is merged down (no column only the
    # first line fills): one row's wrapped cells, whether the rows are evenly set or ruled.
    for ruled, gap in ((False, 0.0), (True, 4.0)):
        page, expected = _estimates_page(3, False, 9.5, gap, ruled)
        assert _read(tmp_path, page, 2) == expected, ruled


def test_wrapped_lines_at_the_tables_closer_pitch_stay_one_row(tmp_path):
    # A P value printed once per row looks like a cell merged down; the intervals' lines are
    # set at the close pitch the wrapped label shows a cell's lines are set at.
    page, expected = _estimates_page(3, True, 9.0, 7.0, False, wrapped_label=True)
    assert _read(tmp_path, page, 2) == expected


def test_lines_set_closer_inside_a_ruled_row_than_across_its_rules_stay_one_row(tmp_path):
    # Ruled under every row, a P value once per row, the intervals' lines close under their
    # estimates and the rows well apart: one row each.
    page, expected = _estimates_page(3, True, 9.0, 7.0, True)
    assert _read(tmp_path, page, 2) == expected


def test_a_second_line_filling_few_columns_stays_in_its_row(tmp_path):
    # Two model columns and a P value: the intervals' line fills two columns only.
    page, expected = _estimates_page(2, True, 9.5, 0.0, False)
    assert _read(tmp_path, page, 2) == expected


def test_capitalised_lines_wrapping_in_several_columns_stay_one_row(tmp_path):
    # "Hong Kong" / "SAR China", "Not" / "Reported": every continuation opens with a capital.
    xs = [L + 2, 130, 230, 330, 450]
    p, y = _ruled_table("Table 1. Characteristics of the included studies", xs,
                        ["Study", "Country", "MSC source", "Model", "Outcome"])
    rows = [[["Smith 2019"], ["United States"], ["Bone marrow"], ["Rat"], ["Bone repair"]],
            [["Chen 2020"], ["Hong Kong", "SAR China"], ["Umbilical Cord", "Wharton's Jelly"], ["Mouse", "C57BL/6"], ["Not", "Reported"]],
            [["Lee 2021"], ["Korea"], ["Adipose tissue"], ["Rat"], ["Wound healing"]]]
    for row in rows:
        for x, cell in zip(xs, row):
            p.lines(x, y, cell, SIZE, leading=9.5)
        y += max(len(c) for c in row) * 9.5 + 4
        p.rule(L, R, y - 3)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    assert _read(tmp_path, p, 1) == [tuple(" ".join(c) for c in row) for row in rows]


def _groups_page(pitch: float, group_gap: float, wrapped_category: bool) -> tuple[PageSpec, list[tuple[str, ...]]]:
    """The subgroup table without rules between groups: label and P value on each group's
    first line, groups set apart by extra space, and optionally a category over two lines."""
    p, y = _ruled_table("Table 4. Adjusted hazard ratios in prespecified subgroups", [x for x, _ in HEAD], [h for _, h in HEAD])
    expected = []
    for label, pv, rows in GROUPS[:3]:
        for k, (cat, a, b, hr) in enumerate(rows):
            if k == 0:
                p.text(X_SUB, y, label, SIZE, bold=True)
                _right(p, X_P, y, pv)
            lines = ["Living with", "HIV"] if wrapped_category and cat == "Living with HIV" else [cat]
            p.lines(X_CAT, y, lines, SIZE, leading=pitch)
            _right(p, X_A, y, a)
            _right(p, X_B, y, b)
            p.text(X_HR, y, hr, SIZE)
            y += pitch * len(lines)
            expected.append((label, cat, a, b, hr, pv))
        y += group_gap
    p.rule(L, R, y - 3)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    return p, expected


def test_rows_of_groups_set_apart_by_extra_space_are_rows(tmp_path):
    # The rows inside a group sit closer than the groups: that closer pitch is the rows', not
    # a wrapped cell's (no line at it goes on with the line above).
    page, expected = _groups_page(11.0, 5.0, False)
    assert _read(tmp_path, page, 4) == expected


def test_a_category_over_two_lines_stays_one_cell_of_its_row(tmp_path):
    page, expected = _groups_page(11.0, 0.0, True)
    assert _read(tmp_path, page, 4) == expected


def test_an_interval_under_its_estimate_with_a_p_value_beside_stays_one_row(tmp_path):
    # Evenly set, a P value once per row: a line opening with a bracket goes on with the one above.
    page, expected = _estimates_page(3, True, 9.5, 0.0, False)
    assert _read(tmp_path, page, 2) == expected


def test_rows_ruled_short_of_a_first_column_of_lower_case_names_stay_rows(tmp_path):
    # Rules stop short of the first column (as under a merged cell), whose cells open in lower
    # case ("let-7b"): each is its own row's, set at the row pitch, not one name run on.
    xs = [L + 3, 133, 293, 433]
    p, y = _ruled_table("Table 2. MicroRNAs carried by MSC exosomes", xs, ["microRNA", "Target", "Effect", "Reference"], 14)
    rows = [("Exosomal miR-21", "PTEN", "Proliferation", "[12]"), ("miR-146a", "TRAF6", "Inflammation", "[13]"),
            ("let-7b", "TLR4", "Polarisation", "[14]"), ("miR-125b", "p53", "Apoptosis", "[15]")]
    for k, r in enumerate(rows):
        for x, v in zip(xs, r):
            p.text(x, y + 4, v, SIZE)
        y += 15
        if k < len(rows) - 1:
            p.rule(130, R, y)
    p.rule(L, R, y)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    assert _read(tmp_path, p, 2) == rows


def test_a_column_of_reference_markers_opens_rows_under_a_merged_cell(tmp_path):
    # Groups of studies: the disease and a pooled value printed once per group; each study's
    # "[33]" opens with a bracket, as the whole column does.
    xs = [L + 3, 150, 260, 330, 440, 500]
    p, y = _ruled_table("Table 3. Preclinical studies by disease", xs,
                        ["Disease", "Exosome source", "Model", "Main effect", "Ref.", "Pooled"], 14)
    groups = [("Myocardial infarction", "0.63", [("Bone marrow MSC", "Rat", "Smaller infarct", "[33]"),
                                                 ("Umbilical cord MSC", "Mouse", "Less fibrosis", "[34]"),
                                                 ("Adipose MSC", "Rat", "Angiogenesis", "[35]")]),
              ("Stroke", "0.62", [("Bone marrow MSC", "Rat", "Neurogenesis", "[38]"),
                                  ("Adipose MSC", "Mouse", "Smaller lesion", "[39, 40]")])]
    expected = []
    for disease, pooled, studies in groups:
        for k, study in enumerate(studies):
            if k == 0:
                p.text(xs[0], y, disease, SIZE)
                p.text(xs[5], y, pooled, SIZE)
            for x, v in zip(xs[1:5], study):
                p.text(x, y, v, SIZE)
            y += 12
            expected.append((disease, *study, pooled))
        p.rule(L, R, y - 3)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    assert _read(tmp_path, p, 3) == expected


def test_a_rows_last_line_wrapping_alone_makes_no_rows(tmp_path):
    # "Kenya" / "Uganda" / "Tanzania": the cells of one study wrap, the last line filling one
    # column only; the effect printed once is that study's, not a cell merged over rows.
    xs = [L + 3, 150, 260, 370, 470]
    p, y = _ruled_table("Table 1. Characteristics of the included trials", xs,
                        ["Study", "Country", "Population", "Supplement", "Effect size"])
    studies = [("Smith 2019", ["Kenya", "Uganda", "Tanzania"], ["Adults", "Children"], ["Iron", "Folate"], "0.45"),
               ("Jones 2020", ["Ghana"], ["Women"], ["Iron"], "0.61"),
               ("Brown 2021", ["India", "Nepal", "Bangladesh"], ["Infants", "Mothers"], ["Zinc", "Iron"], "0.38")]
    for study, *cols, effect in studies:
        p.text(xs[0], y, study, SIZE)
        p.text(xs[4], y, effect, SIZE)
        for x, col in zip(xs[1:4], cols):
            p.lines(x, y, col, SIZE, leading=10)
        y += 10 * max(len(c) for c in cols)
    p.rule(L, R, y - 3)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    assert _read(tmp_path, p, 1) == [(s, *(" ".join(c) for c in cols), e) for s, *cols, e in studies]


def test_rows_merged_under_a_ruled_groups_wrapped_label(tmp_path):
    # Rules between treatments only; each treatment's name, wrapped, is merged down its
    # studies, and the studies' cells wrap too: a cell's lines are set closer (9.5) than the
    # studies under one treatment (12), each study a row with its own reference.
    xs = [L + 3, 140, 230, 330, 470]
    p, y = _ruled_table("Table 4. Previous studies of adjunctive treatments", xs,
                        ["Treatment", "Study", "Design (n)", "Recurrence", "Ref."])
    groups = [(["Tranexamic", "acid"], [(["Kovacs", "2016"], ["Retrospective", "cohort (218)"], "3.5% vs 11.2%", "[9]"),
                                        (["Ishikawa", "2018"], ["Retrospective", "cohort (371)"], "4.1% vs 9.8%", "[10]"),
                                        (["Lindqvist", "2020"], ["Pilot RCT (70)"], "5.7% vs 14.3%", "[11]")]),
              (["Dexametha-", "sone"], [(["Hutchinson", "2020"], ["RCT (748)"], "1.7% vs 7.1%", "[25]"),
                                        (["Olsen 2021"], ["RCT (220)"], "3.6% vs 8.2%", "[26]")])]
    expected = []
    for name, studies in groups:
        p.lines(xs[0], y, name, SIZE, leading=9.5)
        for k, (study, design, rec, ref) in enumerate(studies):
            p.lines(xs[1], y, study, SIZE, leading=9.5)
            p.lines(xs[2], y, design, SIZE, leading=9.5)
            p.text(xs[3], y, rec, SIZE)
            p.text(xs[4], y, ref, SIZE)
            y += 9.5 * max(len(study), len(design), len(name) if k == 0 else 1) + 2.5
            expected.append(("Tranexamic acid" if name[0] == "Tranexamic" else "Dexamethasone",
                             " ".join(study), " ".join(design), rec, ref))
        p.rule(L, R, y - 3)
        y += 2
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    assert _read(tmp_path, p, 4) == expected


def test_a_label_leaving_a_bracket_open_goes_on_in_the_next_line(tmp_path):
    # "Favourable outcome (mRS" / "0–3) at 6 months": a line opening with a number goes on
    # with the cell above when that cell left its bracket open.
    xs = [L + 3, 260, 360, 460]
    p, y = _ruled_table("Table 3. Outcomes", xs, ["Outcome", "Drug", "Placebo", "P value"])
    # (One wrapped label is set a little wider, as where a footnote mark raises its line: the
    # table's pitches alone do not tell its wrapped lines from its rows.)
    rows = [(["Recurrence requiring repeat", "surgery within 6 months"], "14 (6.6)", "29 (13.9)", "0.012", 10.6),
            (["Favourable functional outcome (mRS", "0-3) at 6 months"], "172 (81.1)", "160 (76.6)", "0.25", 9.2),
            (["Length of hospital stay, days"], "6 (4-9)", "6 (4-10)", "0.66", 9.2),
            (["Death within 6 months"], "11 (5.2)", "13 (6.2)", "0.65", 9.2),
            (["Seizure"], "8 (3.8)", "9 (4.3)", "0.79", 9.2)]
    for label, a, b, pv, leading in rows:
        p.lines(xs[0], y, label, SIZE, leading=leading)
        for x, v in zip(xs[1:], (a, b, pv)):
            p.text(x, y, v, SIZE)
        y += leading * (len(label) - 1) + 12.5
    p.rule(L, R, y - 3)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    assert _read(tmp_path, p, 3) == [(" ".join(label), a, b, pv) for label, a, b, pv, _ in rows]
