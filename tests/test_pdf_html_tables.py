"""Tables and front matter as an HTML renderer (WeasyPrint) sets them, on pages the test lays
out itself: borders drawn cell by cell (each rule in pieces), a stub header beside two header
rows with spanning headers wrapped over two lines, a caption whose first line is indented; a
mark set only a little smaller than its cell; a page-wide table whose header crosses the
middle of the page above a table in one column; a last row in the bottom margin under a
wrapped cell; a group label reaching under a header wrapped over two lines; a byline's last
name wrapped onto a line of its own; the text of a figure's placeholder; rules under every row
but the first column."""

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, RIGHT as R, PageSpec, make_pdf, width
from qa.ingest import load


def _table(doc, n):
    t = next(t for t in doc.tables if t.number == n)
    return t, [(r.table.group, tuple(v for _, v in r.table.cells)) for r in t.rows]


def _right(p: PageSpec, right: float, y: float, s: str, size: float = 7.5) -> None:
    p.text(right - width(s, size), y, s, size)


def _pieces(p: PageSpec, edges: list[float], y: float) -> None:
    """A rule drawn as each cell's own border: one piece per column, end to end."""
    for a, b in zip(edges, edges[1:]):
        p.rule(a, b, y)


BASELINE = [("Age group, years", None), ("65-74", ("78", "36.8", "75", "36.1")), ("75-84", ("101", "47.6", "98", "47.1")),
            ("85 or more", ("33", "15.6", "35", "16.8")),
            ("Sex", None), ("Women", ("171", "80.7", "165", "79.3")), ("Men", ("41", "19.3", "43", "20.7")),
            ("Falls in the last year", None), ("None", ("67", "31.6", "70", "33.7")), ("One", ("79", "37.3", "74", "35.6")),
            ("Two or more", ("66", "31.1", "64", "30.8")),
            ("Medicines taken", None), ("0-3", ("61", "28.8", "57", "27.4")), ("4-7", ("102", "48.1", "104", "50.0")),
            ("8 or more", ("49", "23.1", "47", "22.6")),
            ("Living alone", ("96", "45.3", "90", "43.3")), ("Previous fracture", ("58", "27.4", "61", "29.3")),
            ("Uses a walking aid", ("44", "20.8", "47", "22.6")), ("Takes vitamin D", ("137", "64.6", "129", "62.0"))]


UNGROUPED = ("Living alone", "Previous fracture", "Uses a walking aid", "Takes vitamin D")


def test_rules_drawn_cell_by_cell_close_a_header_of_wrapped_spanning_headers(tmp_path):
    # "Intervention (n =" / "212)" wrapped and centred over its "n" and "%" columns, a short
    # rule under each spanning header, "Characteristic" beside both header rows (the rule
    # under the header runs under the number columns only), every rule drawn in pieces, one
    # per cell. The caption's first line is indented; its second goes back to the table's
    # left edge.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    edges = [L, L + 105, L + 140, L + 175, L + 210, L + 245]
    right = [e - 3 for e in edges[2:]]
    p.text(L + 9, y + 8, "Table 1.", 8, bold=True)
    p.text(L + 9 + width("Table 1.", 8) * 1.1 + 3, y + 8, "Baseline characteristics of participants by", 8)
    p.text(L, y + 18, "allocated group", 8)
    y += 29
    _pieces(p, edges, y)
    y += 2
    for (a, b), lines in (((edges[1], edges[3]), ["Intervention (n =", "212)"]),
                          ((edges[3], edges[5]), ["Usual care (n =", "208)"])):
        for k, s in enumerate(lines):
            p.text((a + b - width(s, 7.5)) / 2, y + 9.5 * k, s, 7.5)
    _pieces(p, edges[1:], y + 18.5)
    y += 20
    p.text(L + 3, y, "Characteristic", 7.5)
    for r, h in zip(right, ("n", "%", "n", "%")):
        _right(p, r, y, h)
    _pieces(p, edges[1:], y + 9.5)
    y += 11.5
    for name, values in BASELINE:
        flush = values is None or name in UNGROUPED
        p.text(L + 3 if flush else L + 10, y, name, 7.5)
        for r, v in zip(right, values or ()):
            _right(p, r, y, v)
        y += 10
    _pieces(p, edges, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "html-baseline.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 1)
    assert t.title == "Baseline characteristics of participants by allocated group"
    assert t.columns == ("Characteristic", "Intervention (n = 212) n", "Intervention (n = 212) %",
                         "Usual care (n = 208) n", "Usual care (n = 208) %")
    group, want = None, []
    for name, values in BASELINE:
        if values is None:
            group = name
            continue
        if name in UNGROUPED:
            group = None
        want.append((group, (name, *values)))
    assert got == want


OUTCOMES = [("Falls per person-year", "b", ("0.84", "1.21", "IRR 0.72 (0.58-0.89)")),
            ("Participants with a fall, n (%)", "", ("88 (41.5)", "112 (53.8)", "RR 0.77 (0.63-0.94)")),
            ("Injurious falls per person-year", "b", ("0.15", "0.26", "IRR 0.61 (0.39-0.95)")),
            ("Hospital admission, n (%)", "", ("24 (11.3)", "29 (13.9)", "RR 0.81 (0.49-1.34)"))]


def test_a_mark_a_little_smaller_than_its_cell_does_not_make_the_row_above_a_group_label(tmp_path):
    # Text in Times, the table in Helvetica (another font than the text's, so read as
    # emphasis); the marks "b" set at 7.5 pt on 8.5 pt cells and raised: not small enough to
    # be read as superscripts, and no emphasis of their own. The rows without a mark are
    # rows, not labels over the rows with one.
    p = PageSpec()
    wide = [TEXT[k] + " " + TEXT[k + 1] for k in range(0, 12, 2)]  # a page-wide column
    y = p.lines(L, 60, wide[:3], size=9, leading=11, bold="serif")
    x = (L + 3, L + 190, L + 260, L + 330)
    p.text(L, y + 8, "Table 3. Outcomes at 12 months", 8.5)
    p.rule(L, L + 440, y + 19)
    y += 21
    for cx, h in zip(x, ("Outcome", "Intervention", "Usual care", "Effect (95% CI)")):
        p.text(cx, y, h, 8.5)
    p.rule(L, L + 440, y + 10)
    y += 12
    for name, mark, values in OUTCOMES:
        p.text(x[0], y + (2.5 if mark else 0), name, 8.5)
        if mark:
            p.text(x[0] + width(name, 8.5), y, mark, 7.5)
        for cx, v in zip(x[1:], values):
            p.text(cx, y, v, 8.5)
        y += 13 + (2.5 if mark else 0)
    p.rule(L, L + 440, y)
    p.lines(L, y + 14, wide[3:], size=9, leading=11, bold="serif")
    path = tmp_path / "marks.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 3)
    assert [g for g, _ in got] == [None] * 4
    assert [cells[1:] for _, cells in got] == [values for _, _, values in OUTCOMES]
    assert [cells[0].replace(" ", "") for _, cells in got] == [(n + m).replace(" ", "") for n, m, _ in OUTCOMES]


EVENTS = [("Knee pain", "5", "-"), ("Lower-back pain", "3", "-"), ("Shoulder pain", "1", "-"),
          ("Any serious event", "19", "23"), ("Cardiovascular", "6", "7")]


def test_a_table_in_one_column_under_a_page_wide_table_whose_header_crosses_the_middle(tmp_path):
    # A page-wide table set a point smaller than the text, one header cell ending just short
    # of the right column, its caption and notes running across the middle: the page still
    # has two columns, and the table in the right column below holds none of the left
    # column's text.
    p = PageSpec()
    x = (L + 3, 318, 420, 540)
    p.text(L, 50, "Table 3. Falls, injuries, physical function and quality of life over twelve months", 8.5)
    p.rule(L, 560, 62)
    p.text(x[0], 65, "Outcome", 8.5)
    for cx, h in zip(x[1:], ("Intervention (n = 212)", "Usual care (n = 208)", "Effect (95% CI)")):
        _right(p, cx, 65, h, 8.5)
    p.rule(L, 560, 76)
    rows = [("Falls per person-year", "0.84", "1.21", "IRR 0.72 (0.58-0.89)"),
            ("Injurious falls per person-year", "0.15", "0.26", "IRR 0.61 (0.39-0.95)"),
            ("Hospital admission, n (%)", "24 (11.3)", "29 (13.9)", "RR 0.81 (0.49-1.34)"),
            ("SPPB score change, mean (SD)", "1.4 (1.9)", "0.3 (1.8)", "MD 1.1 (0.7-1.5)")]
    y = 79
    for row in rows:
        p.text(x[0], y, row[0], 8.5)
        for cx, v in zip(x[1:], row[1:]):
            _right(p, cx, y, v, 8.5)
        y += 12
    p.rule(L, 560, y)
    p.text(L, y + 4, "a Adjusted for age, sex, centre and falls in the previous year; change scores also for", 7.5)
    p.text(L, y + 13, "the baseline value. b Negative binomial regression with the follow-up time as offset, as", 7.5)
    p.text(L, y + 22, "CI, confidence interval; IRR, incidence rate ratio; RR, risk ratio; MD, mean difference; SPPB, Short", 7.5)
    y += 44
    p.lines(L, y, TEXT, size=9.5, leading=11.5)
    yr = p.lines(R, y, TEXT[:3], size=9.5, leading=11.5)
    p.text(R, yr + 6, "Table 4. Adverse events by allocated group", 8.5)
    p.rule(R, R + 240, yr + 17)
    yr += 19
    for cx, h in ((R + 3, "Event"), (R + 170, "Intervention"), (R + 225, "Usual care")):
        (p.text(cx, yr, h, 8.5) if cx == R + 3 else _right(p, cx, yr, h, 8.5))
    p.rule(R, R + 240, yr + 10)
    yr += 12
    for row in EVENTS:
        p.text(R + 3, yr, row[0], 8.5)
        _right(p, R + 170, yr, row[1], 8.5)
        _right(p, R + 225, yr, row[2], 8.5)
        yr += 11.5
    p.rule(R, R + 240, yr)
    p.lines(R, yr + 14, TEXT[3:9], size=9.5, leading=11.5)
    path = tmp_path / "wide-then-column.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    t, got = _table(doc, 4)
    assert got == [(None, row) for row in EVENTS]
    t3, got3 = _table(doc, 3)
    assert got3 == [(None, row) for row in rows]
    text = " ".join(b.text for b in doc.blocks if b.kind == "paragraph")
    assert "Copper is an essential trace element for all bacteria" in text
    assert "known, and the answer may differ by species." in text


def test_a_last_row_in_the_bottom_margin_under_a_wrapped_cell_keeps_its_numbers(tmp_path):
    # "Cardiovascular | 6 | 7" lies in the bottom margin; the row above wraps its first cell,
    # so the numbers have none right above them. Bare numbers there are the row's cells,
    # not page numbers (the page's own number, further down, still goes).
    p = PageSpec()
    p.text(300, 765, "5", 7.5)
    y = p.lines(L, 600, TEXT[:6], size=9.5, leading=11.5)
    p.text(L, y + 6, "Table 4. Adverse events by allocated group", 7.5)
    p.rule(L, L + 240, y + 16)
    y += 18
    p.text(L + 3, y, "Event", 7.5)
    _right(p, L + 170, y, "Intervention", 7.5)
    _right(p, L + 225, y, "Usual care", 7.5)
    p.rule(L, L + 240, y + 9)
    y += 11
    for first, a, b in (("Knee pain", "5", "1"), ("Any serious adverse event,", "19 (9.0)", "23 (11.1)"),
                        ("n (%)", "", ""), ("Cardiovascular", "6", "7")):
        p.text(L + 3, y, first, 7.5)
        if a:
            _right(p, L + 170, y, a, 7.5)
            _right(p, L + 225, y, b, 7.5)
        y += 9.5
    assert y - 9.5 + 7.5 > 0.91 * 792  # the last row is in the bottom margin
    p.rule(L, L + 240, y)
    path = tmp_path / "foot.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    t, got = _table(doc, 4)
    assert got == [(None, ("Knee pain", "5", "1")), (None, ("Any serious adverse event, n (%)", "19 (9.0)", "23 (11.1)")),
                   (None, ("Cardiovascular", "6", "7"))]
    assert not any(b.text.strip() == "5" for b in doc.blocks)


def test_a_group_label_reaching_under_a_wrapped_header_does_not_stretch_the_first_column(tmp_path):
    # "Intervention (n =" / "212)" set right over its numbers, "Event" on the header's last
    # line; the label "Judged related to the programme" runs on past the first column's
    # cells, under the start of "Intervention (n =". That header names its own column only.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    r1, r2 = L + 165, L + 240
    p.text(L, y + 6, "Table 4. Adverse events by allocated group", 7.5)
    p.rule(L, L + 245, y + 17)
    y += 19
    _right(p, r1, y, "Intervention (n =")
    _right(p, r2, y, "Usual care (n =")
    y += 9.5
    p.text(L + 3, y, "Event", 7.5)
    _right(p, r1, y, "212)")
    _right(p, r2, y, "208)")
    p.rule(L, L + 245, y + 9.5)
    y += 12
    body = [("Respiratory infection", "4", "6"), ("Fracture needing admission", "2", "4"), ("Cancer diagnosis", "2", "1"),
            ("Death, n (%)", "4 (1.9)", "5 (2.4)"), ("Judged related to the programme", None, None),
            ("Serious adverse events", "0", "0")]
    for name, a, b in body:
        p.text(L + 3 if a is None else L + 10, y, name, 7.5)
        if a is not None:
            _right(p, r1, y, a)
            _right(p, r2, y, b)
        y += 10
    p.rule(L, L + 245, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "label-under-header.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 4)
    assert t.columns == ("Event", "Intervention (n = 212)", "Usual care (n = 208)")
    assert got[-1] == ("Judged related to the programme", ("Serious adverse events", "0", "0"))
    assert [cells for _, cells in got[:4]] == [row for row in body[:4]]


BODY = ["Falls are the most common cause of injury among older adults, and one in",
        "three people aged 65 or more falls at least once a year. Most fractures in",
        "later life follow a fall from standing height, so the risk of fracture",
        "depends on how often a person falls as much as on bone strength.",
        "Exercise that challenges balance is the best supported way to prevent",
        "falls, and it reduces the rate of falls by about a quarter in most trials."]


def test_a_bylines_last_name_and_a_figures_placeholder_text_are_not_headings(tmp_path):
    # The byline wraps its last author onto a line of its own ("Lindahl1,3"), set like a
    # heading; a figure's box holds a line of text ("[Figure 1 placeholder]") set apart,
    # with the figure's caption under the box.
    p = PageSpec()
    p.text(L, 60, "Balance training to prevent falls in older adults", size=16, bold=True)
    p.text(L, 84, "Helena Carrick1, Rafael Quintero1,2, Siobhan Adebayo3, Ngozi P.", size=10, bold=True)
    p.text(L, 96, "Lindahl1,3", size=10, bold=True)
    p.text(L, 112, "1 Department of Ageing Sciences, Northmoor University", size=8)
    y = p.lines(L, 140, ["1 Introduction"], size=11, bold=True)
    y = p.lines(L, y + 4, BODY[:4])
    p.text(L + 80, y + 30, "[Figure 1 placeholder]", size=10, bold=True)
    p.text(L, y + 80, "Figure 1. Flow of participants through the trial.", size=9)
    y = p.lines(L, y + 100, ["2 Methods"], size=11, bold=True)
    p.lines(L, y + 4, BODY[4:])
    path = tmp_path / "front.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "Lindahl1,3" not in heads and "[Figure 1 placeholder]" not in heads
    assert [h for h in heads if h[:1].isdigit()] == ["1 Introduction", "2 Methods"]


def test_rules_under_every_row_but_the_first_column_leave_a_one_line_header(tmp_path):
    # Each row ruled under its number columns only (the first column unruled, as a stub):
    # the rule under the header is as short as the ones under the rows, and the header
    # stays one line.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    edges = [L, L + 120, L + 180, L + 240]
    p.text(L, y + 6, "Table 2. Doses given in each week of the programme", 7.5)
    p.rule(L, L + 240, y + 17)
    y += 19
    for x, h in zip((L + 3, L + 123, L + 183), ("Component", "Weeks 1-4", "Weeks 5-8")):
        p.text(x, y, h, 7.5)
    _pieces(p, edges[1:], y + 9.5)
    y += 12
    rows = [("Warm-up", "10 min", "10 min"), ("Balance", "15 min", "20 min"), ("Strength", "15 min", "20 min"),
            ("Walking", "10 min", "5 min"), ("Stretching", "5 min", "5 min"), ("Education", "10 min", "10 min"),
            ("Home practice", "20 min", "30 min"), ("Cool-down", "5 min", "5 min")]
    for row in rows:
        for x, v in zip((L + 3, L + 123, L + 183), row):
            p.text(x, y, v, 7.5)
        _pieces(p, edges[1:], y + 9.5)
        y += 12
    p.rule(L, L + 240, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "row-rules.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 2)
    assert t.columns == ("Component", "Weeks 1-4", "Weeks 5-8")
    assert got == [(None, row) for row in rows]


def test_a_section_heading_right_above_a_figure_stays_a_heading(tmp_path):
    # "Results" opens its section with a figure (an HTML <h2> then <figure>): set like the other
    # section headings, it is a heading, not text drawn in the figure.
    p = PageSpec()
    p.text(L, 60, "Balance training to prevent falls in older adults", size=16, bold=True)
    y = p.lines(L, 100, ["Introduction"], size=11, bold=True)
    y = p.lines(L, y + 4, BODY[:3])
    y = p.lines(L, y + 10, ["Methods"], size=11, bold=True)
    y = p.lines(L, y + 4, BODY[3:6])
    y = p.lines(L, y + 10, ["Results"], size=11, bold=True)
    p.text(L, y + 60, "Figure 1. Falls per person-year in each group.", size=9)
    p.lines(L, y + 80, BODY[6:])
    path = tmp_path / "results.pdf"
    path.write_bytes(make_pdf([p]))
    heads = [b.text for b in load(path).blocks if b.kind == "heading"]
    assert "Results" in heads and "Methods" in heads


def test_rule_pieces_a_hair_apart_in_height_are_one_rule():
    from qa.ingest.pdf_tables import merge_rules

    # Three cells' borders at 99.49, 99.5 and 99.8 pt (rounding would split them), end to end.
    merged = merge_rules([(10, 50, 99.5), (50.5, 90, 99.49), (90, 130, 99.8), (10, 130, 140.0)])
    assert [(a, b) for a, b, _ in merged] == [(10, 130), (10, 130)]
    assert 99.4 < merged[0][2] < 99.9
    # Pieces with a gap between them stay apart.
    assert len(merge_rules([(10, 50, 99.5), (60, 90, 99.5)])) == 2
