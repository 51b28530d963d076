"""Tables as a typesetter that lays out cells in boxes sets them (Typst, LaTeX tabularray,
word processors), on tables the test lays out itself: cells set at the bottom of their row,
so a row is told by the space between rows, not by where its first cell has text; a header
of several lines (a spanning header wrapped over two lines, another centred over numbers
set right) named over its columns; rows indented under group labels, and a row back at the
labels' indentation that ends the group; a P value printed once per group; header cells
repeated on two pages in the top margin, and a last row in the bottom margin, which are no
running lines; footnote marks drawn as the font's superscript glyphs; a reference list's
hanging numbers beside larger running text."""

import pytest

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, PageSpec, make_pdf, width
from qa.ingest import load
from qa.ingest.pdf_words import Word, _split_marks, segments
from qa.ingest.reflist import parse_entry
from qa.ingest.running import LICENCE_RE


def _table(doc, n):
    t = next(t for t in doc.tables if t.number == n)
    return t, [(r.table.group, tuple(v for _, v in r.table.cells)) for r in t.rows]


def _right(p: PageSpec, right: float, y: float, s: str, size: float = 7) -> None:
    p.text(right - width(s, size), y, s, size)


def _caption(p: PageSpec, y: float, label: str, title: str, size: float = 7) -> None:
    # The label in bold, the title in the table's own regular type, on one line.
    p.text(L, y, label, size, bold=True)
    p.text(L + width(label, size) * 1.1 + 3, y, title, size)


# Each row: (zone, reading lines, action lines); every cell of a row ends on its last line.
PROTOCOL = [
    ("Green", ["Reading of 94% and no new", "symptoms"], ["Continue readings twice a", "day; no contact needed"]),
    ("Amber", ["Reading of 92 to 93%, or a fall", "of three points from the", "value at discharge"],
     ["Repeat after a rest; if still", "low, a nurse calls back", "within four hours"]),
    ("Red", ["Reading of 91% or less, or", "heart rate over 120"],
     ["Review by the team on the", "same day; call for help if", "breathless at rest"]),
    ("No upload", ["No reading received for", "36 hours"], ["A text reminder, then a", "nurse call the next day"]),
]


@pytest.mark.parametrize("setting", ["bottom", "bottom-even", "top-close"])
def test_cells_set_at_the_bottom_of_their_rows_are_read_by_the_space_between_rows(tmp_path, setting):
    # Lines inside a cell 8.4 pt apart, rows 9.4 pt apart (the cells' inset): the zone's name
    # sits on its row's last line, level with the last line of the other cells. Or cells
    # set at the top of their rows, the rows closer (7.6 pt) than a cell's lines: the wider
    # steps are then inside cells, and do not part rows. At the bottom of their rows at
    # one even pitch, only the cells tell: a row spans its tallest cell.
    pitch, gap = {"bottom": (8.4, 9.4), "bottom-even": (8.4, 8.4), "top-close": (8.4, 7.6)}[setting]
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    cols = (L + 3, L + 60, L + 200)
    _caption(p, y + 8, "Table 2.", "Escalation protocol used by the nurses")
    p.rule(L, L + 330, y + 17)
    y += 19
    for x, h in zip(cols, ("Zone", "Reading", "Action")):
        p.text(x, y, h, size=7, bold=True)
    p.rule(L, L + 330, y + 8.5)
    y += 9.4
    for zone, reading, action in PROTOCOL:
        n = max(len(reading), len(action))
        last = y + pitch * (n - 1)
        if setting.startswith("bottom"):
            p.text(cols[0], last, zone, 7)
            p.lines(cols[1], last - pitch * (len(reading) - 1), reading, size=7, leading=pitch)
            p.lines(cols[2], last - pitch * (len(action) - 1), action, size=7, leading=pitch)
        else:
            p.text(cols[0], y, zone, 7)
            p.lines(cols[1], y, reading, size=7, leading=pitch)
            p.lines(cols[2], y, action, size=7, leading=pitch)
        y = last + gap
    p.rule(L, L + 330, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "bottom.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 2)
    assert t.columns == ("Zone", "Reading", "Action")
    assert got == [(None, (zone, " ".join(reading), " ".join(action))) for zone, reading, action in PROTOCOL]


def test_a_header_block_of_three_lines_names_each_column_and_indented_rows_end_with_their_group(tmp_path):
    # "Oximetry monitoring (n = 212)" wrapped over two lines and centred over its "n" and
    # "%" columns, "Usual care (n = 209)" on one line centred over the other two (their
    # numbers set right, far from its middle), one rule under both spanning headers and a
    # full one under "Characteristic n % n %". Rows are indented under their group labels;
    # "Lives alone", back at the labels' indentation, is in no group.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    right = (L + 175, L + 210, L + 265, L + 300)  # right edges of the four number columns
    box = (L + 135, L + 215, L + 225, L + 305)  # the two spanning headers' boxes
    _caption(p, y + 8, "Table 1.", "Baseline characteristics of the participants")
    p.rule(L, L + 310, y + 16)
    y += 18
    for (a, b), lines in (((box[0], box[1]), ["Oximetry monitoring", "(n = 212)"]),
                          ((box[2], box[3]), ["Usual care (n = 209)"])):
        for k, s in enumerate(lines):
            p.text((a + b - width(s, 7)) / 2, y + 8.8 * k, s, 7)
    p.rule(box[0], box[3], y + 16.8)
    y += 17.6
    p.text(L + 3, y, "Characteristic", 7)
    for r, h in zip(right, ("n", "%", "n", "%")):
        _right(p, r, y, h)
    p.rule(L, L + 310, y + 8.6)
    y += 8.8
    body = [("Age group, years", None), ("18-39", ("21", "9.9", "19", "9.1")), ("40-64", ("78", "36.8", "80", "38.3")),
            ("Sex", None), ("Female", ("102", "48.1", "98", "46.9")), ("Male", ("110", "51.9", "111", "53.1")),
            ("Smoking", None), ("Current", ("39", "18.4", "42", "20.1")), ("Former", ("88", "41.5", "84", "40.2")),
            ("Never", ("85", "40.1", "83", "39.7")),
            ("Lives alone", ("46", "21.7", "43", "20.6")), ("Oxygen given", ("118", "55.7", "114", "54.5"))]
    for name, values in body:
        flush = values is None or name in ("Lives alone", "Oxygen given")
        p.text(L + 3 if flush else L + 10, y, name, 7)
        for r, v in zip(right, values or ()):
            _right(p, r, y, v)
        y += 8.8
    p.rule(L, L + 310, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "baseline.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 1)
    assert t.title == "Baseline characteristics of the participants"
    assert t.columns == ("Characteristic", "Oximetry monitoring (n = 212) n", "Oximetry monitoring (n = 212) %",
                         "Usual care (n = 209) n", "Usual care (n = 209) %")
    assert got == [
        ("Age group, years", ("18-39", "21", "9.9", "19", "9.1")), ("Age group, years", ("40-64", "78", "36.8", "80", "38.3")),
        ("Sex", ("Female", "102", "48.1", "98", "46.9")), ("Sex", ("Male", "110", "51.9", "111", "53.1")),
        ("Smoking", ("Current", "39", "18.4", "42", "20.1")), ("Smoking", ("Former", "88", "41.5", "84", "40.2")),
        ("Smoking", ("Never", "85", "40.1", "83", "39.7")),
        (None, ("Lives alone", "46", "21.7", "43", "20.6")), (None, ("Oxygen given", "118", "55.7", "114", "54.5")),
    ]


SUBGROUPS = [
    ("Age group", [("<65 years", "12/99", "20/99", "0.57 (0.28-1.16)", "0.62"),
                   ("65-79 years", "11/82", "17/79", "0.62 (0.29-1.32)", ""),
                   ("80 years or more", "6/31", "7/31", "0.91 (0.31-2.70)", "")]),
    ("Sex", [("Female", "13/102", "21/98", "0.59 (0.30-1.17)", "0.84"),
             ("Male", "16/110", "23/111", "0.66 (0.35-1.25)", "")]),
    ("CURB-65 score", [("0-1", "14/125", "22/123", "0.61 (0.31-1.19)", "0.93"),
                       ("2 or more", "15/87", "22/86", "0.64 (0.33-1.23)", "")]),
]
SUB_COLS = ("Subgroup", "Monitoring, events/n", "Usual care, events/n", "Hazard ratio (95% CI)", "P for interaction")


def _subgroup_table(p: PageSpec, y: float, number: int, groups, x: tuple = (L, L + 150, L + 240, L + 330, L + 450)) -> float:
    _caption(p, y, f"Table {number}.", "Readmission in prespecified subgroups")
    p.rule(L, L + 520, y + 8.5)
    y += 10
    for cx, h in zip(x, SUB_COLS):
        p.text(cx + 3, y, h, 7, bold=True)
    p.rule(L, L + 520, y + 9)
    y += 10
    for label, rows in groups:
        p.text(L + 3, y, label, 7)
        y += 9.9
        for row in rows:
            p.text(L + 10, y, row[0], 7)
            for cx, v in zip(x[1:], row[1:]):
                if v:
                    p.text(cx + 3, y, v, 7)
            y += 9.9
    p.rule(L, L + 520, y)
    return y


def test_rows_under_a_p_value_printed_once_per_group_are_rows_carrying_it(tmp_path):
    # Rows opening with a number ("65-79 years") and no P value are rows, not the wrapped
    # lines of the row above: they fill every other column.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:3], size=9.5, leading=11.5)
    y = _subgroup_table(p, y + 8, 4, SUBGROUPS)
    p.lines(L, y + 14, TEXT[3:], size=9.5, leading=11.5)
    path = tmp_path / "subgroups.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _table(load(path), 4)
    assert t.columns == SUB_COLS
    # (A P for interaction is the whole subgroup's, wherever it is printed: each row carries it.)
    assert got == [(label, row[:4] + (rows[0][4],)) for label, rows in SUBGROUPS for row in rows]


def test_header_cells_repeated_in_the_top_margin_and_a_last_row_in_the_bottom_margin_are_kept(tmp_path):
    # Two pages, each with a running header and page number, a table right under the
    # running header (its header cells in the top margin, the same on both pages), and on
    # the second page a table whose last row ("15/87", like a page counter) lies in the
    # bottom margin, a line under the row above.
    pages = []
    for k in (1, 2):
        p = PageSpec()
        p.text(L, 22, "J Test Med 2025;18:e231", 7.5)
        p.text(500, 22, "Home oximetry after pneumonia", 7.5)
        p.text(300, 760, str(k), 7.5)
        groups = SUBGROUPS[:1] if k == 1 else SUBGROUPS[1:2]
        y = _subgroup_table(p, 40, k, groups)
        y = p.lines(L, y + 14, TEXT[k:k + 9], size=9.5, leading=11.5)
        if k == 2:
            # The last row at y=716+: inside the bottom 9% of the page.
            _subgroup_table(p, 656, 3, SUBGROUPS[2:])
        pages.append(p)
    path = tmp_path / "margins.pdf"
    path.write_bytes(make_pdf(pages))
    doc = load(path)
    for n, groups in ((1, SUBGROUPS[:1]), (2, SUBGROUPS[1:2]), (3, SUBGROUPS[2:])):
        t, got = _table(doc, n)
        assert t.columns == SUB_COLS
        assert got == [(label, row) for label, rows in groups for row in rows]
    assert not any("J Test Med" in b.text for b in doc.blocks)


def _chars(text: str, x: float, widths: dict[str, float], narrow: str = "") -> list[dict]:
    out = []
    for i, c in enumerate(text):
        w = widths[c] * (0.67 if i >= len(text) - len(narrow) else 1.0)
        out.append({"text": c, "x0": x, "x1": x + w, "size": 7.8, "fontname": "ABC+Serif-Regular"})
        x += w
    return out


def test_a_footnote_mark_drawn_as_the_fonts_superscript_glyph_is_split_from_its_word():
    # "days" + a superscript "a" set at the text's size and height, only narrower than the
    # letter "a" is elsewhere in that font: the mark is read apart (and left out of a cell).
    widths = {c: 3.5 for c in "adys"}
    usual: dict = {}
    for c in _chars("aaadays", 0, widths):
        usual.setdefault((c["fontname"], c["text"], 7.8), __import__("collections").Counter())[round(c["x1"] - c["x0"], 2)] += 1
    chars = _chars("daysa", 10, widths, narrow="a")
    word = {"text": "daysa", "x0": 10, "x1": chars[-1]["x1"], "top": 0, "bottom": 8, "chars": chars}
    parts = _split_marks(word, usual)
    assert [(w["text"], w.get("mark")) for w in parts] == [("days", False), ("a", True)]
    # The same letter at its usual width is part of the word.
    plain = _chars("data", 10, {**widths, "t": 2.5})
    assert _split_marks({**word, "text": "data", "chars": plain}, usual) == [{**word, "text": "data", "chars": plain}]


def test_a_hanging_number_is_not_pulled_into_the_line_above_by_larger_type_beside_it():
    # A reference list in 7.8 pt beside running text in 9.4 pt whose line spans both of
    # the list's lines: "13." (with nothing above it) stays on its entry's line.
    def w(text, x0, top, size):
        return Word(text, x0, x0 + len(text) * 0.5 * size, top, top + size, size, False)

    words = [w("2019;11(4):355-63.", 320.1, 504.26, 7.8), w("of", 48.2, 508.0, 9.4), w("Reporting", 60.0, 508.0, 9.4),
             w("13.", 306.9, 512.9, 7.8), w("Korhonen", 320.1, 512.9, 7.8)]
    texts = sorted(s.text for s in segments(words))
    assert "13. Korhonen" in texts and "2019;11(4):355-63." in texts


def test_a_group_author_and_a_licence_with_the_copyright_sign():
    r = parse_entry("9. National Respiratory Network. Guidance on home pulse oximetry monitoring. "
                    "Natl Respir Guid Ser. 2020;3(1):1-24. doi:10.5555/synthref.2020.109", 9)
    assert (r.authors, r.title, r.year) == (("National Respiratory Network",), "Guidance on home pulse oximetry monitoring", "2020")
    assert LICENCE_RE.search("SYNTHETIC ARTICLE: do not cite. © 2025 The Authors. Licensed CC0 1.0.")
    assert not LICENCE_RE.search("The authors thank the nurses for their help.")


def test_a_raised_citation_waits_for_its_own_line_not_the_other_columns():
    # "... a higher rate of PPCs⁹,¹⁰. After ..." in the right column, its line half a line lower
    # than the left column's: the superscript starts above its own line and overlaps the left
    # column's line more than half its height, yet it is set right after "PPCs".
    def w(text, x0, top, size, x1=None):
        return Word(text, x0, x1 if x1 is not None else x0 + len(text) * 0.5 * size, top, top + size, size, False)

    words = [w("nia,", 54.0, 646.6, 10), w("atelectasis", 76.0, 646.6, 10, 130.0),
             w("a", 317.0, 653.9, 10), w("higher", 325.0, 653.9, 10), w("rate", 357.0, 653.9, 10),
             w("of", 378.0, 653.9, 10), w("PPCs", 389.0, 653.9, 10, 411.0), w("9,10", 414.0, 652.3, 7),
             w(".", 428.0, 653.9, 10, 430.5), w("After", 434.0, 653.9, 10)]
    segs = segments(words)
    host = next(s for s in segs if any(x.text == "PPCs" for x in s.words))
    mark = next(x for x in host.words if x.text == "9,10")
    assert mark.sup
    assert not any(x.text == "9,10" for s in segs if s is not host for x in s.words)


def test_a_large_heading_beside_a_small_type_table_leaves_its_rows_whole(tmp_path):
    # A 14 pt heading in the left column level with a 7 pt table in the right column (found by
    # the cold review): the table's words smaller than the heading beside them stay on their own
    # rows, whatever the heading's height against the rows.
    from pdfgen import RIGHT as R

    rows = [("Outcome", "Drug", "Placebo")] + [(f"Outcome number {k}", f"{k}/120", f"{k + 3}/118") for k in range(1, 13)]
    for k, hy in enumerate((160.0, 163.5, 166.0, 171.5, 175.0)):
        p = PageSpec()
        p.lines(L, 60, TEXT[:10], size=9.5, leading=11.5)
        p.text(L, hy, "Discussion", size=14, bold=True)
        p.lines(L, hy + 20, TEXT[:10], size=9.5, leading=11.5)
        y = p.lines(R, 60, TEXT[:6], size=9.5, leading=11.5)
        p.text(R, y + 6, "Table 1 Outcomes at one year", size=7, bold=True)
        y += 20
        p.rule(R, R + 240, y - 4)
        for i, r in enumerate(rows):
            for x, c in zip((R, R + 120, R + 180), r):
                p.text(x, y + i * 8.0, c, size=7, bold=i == 0)
        end = y + len(rows) * 8.0
        p.rule(R, R + 240, end)
        p.lines(R, end + 20, TEXT[5:12], size=9.5, leading=11.5)
        path = tmp_path / f"beside{k}.pdf"
        path.write_bytes(make_pdf([p]))
        t, got = _table(load(path), 1)
        assert t.columns == rows[0]
        assert [cells for _, cells in got] == rows[1:], hy
