"""Layouts an XSL-FO typesetter (Apache FOP) prints: a header row on a shaded band with no rule
under it, a cell merged down a group whose wrapped text runs into the group's next row, a header
wider than the centred numbers under it on a continued page, and a last page whose second column
holds only a few lines."""

import textwrap

from qa.ingest import load
from pdfgen import COLUMN_TEXT as TEXT, LEFT, RIGHT, PageSpec, make_pdf, width

L, R = 50, 560
SIZE = 8
BORDERS = [L, 130, 290, 360, 430, R]


def _right(p: PageSpec, x1: float, y: float, s: str, bold: bool = False) -> None:
    p.text(x1 - width(s, SIZE), y, s, SIZE, bold)


GROUPS = [("Haematological", [("Haemoglobin at 34 weeks, g/L", "112.4", "113.1", "0.49"),
                              ("Anaemia resolved, n/N (%)", "132/193", "132/188", "0.69"),
                              ("Ferritin at 34 weeks, ug/L", "21.4", "23.5", "0.16")]),
          ("Tolerability and ad-/herence", [("Any GI side effect, n/N (%)", "46/212", "81/208", "<0.001"),
                                            ("Adherence 80% or more, n/N (%)", "172/212", "135/208", "<0.001"),
                                            ("Rescue intravenous iron, n/N (%)", "9/212", "7/208", "0.64")]),
          ("Delivery", [("Preterm birth, n/N (%)", "15/199", "14/195", "0.89"),
                        ("Birthweight, g, mean", "3212", "3189", "0.63")])]


def _outcomes_page() -> PageSpec:
    # The header row sits on a shaded band (drawn cell by cell) and no rule closes it; rules
    # run between the rows of a group only right of the domain column (its cell is merged down
    # the group), and right across between groups.
    p = PageSpec()
    p.text(L, 60, "Table 3. Primary and secondary outcomes", size=9, bold=True)
    top = 74
    p.shades += [(a, b, top, top + 16) for a, b in zip(BORDERS, BORDERS[1:])]
    for x, h in zip([L + 3, 133, 293, 363, 433], ["Domain", "Outcome", "Alternate-day", "Daily", "p value"]):
        p.text(x, top + 4, h, SIZE, bold=True)
    y = top + 16
    for label, rows in GROUPS:
        label_lines = label.split("/")
        for k, (outcome, a, b, pv) in enumerate(rows):
            if k < len(label_lines):
                p.text(L + 3, y + 4 + (0 if k == 0 else -3), label_lines[k], SIZE, bold=True)
            p.text(133, y + 4, outcome, SIZE)
            p.text(293, y + 4, a, SIZE)
            p.text(363, y + 4, b, SIZE)
            p.text(433, y + 4, pv, SIZE)
            y += 15
            if k < len(rows) - 1:
                p.rule(130, R, y)
        p.rule(L, R, y)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    return p


def test_a_shaded_header_row_and_a_merged_cell_running_into_the_next_row(tmp_path):
    path = tmp_path / "outcomes.pdf"
    path.write_bytes(make_pdf([_outcomes_page()]))
    (t,) = [t for t in load(path).tables if t.number == 3]
    assert t.columns == ("Domain", "Outcome", "Alternate-day", "Daily", "p value")
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == [
        (label.replace("-/", ""), *row) for label, rows in GROUPS for row in rows]


def _events_page(caption: str, events: list[tuple[str, str, str]]) -> PageSpec:
    p = PageSpec()
    p.text(L, 60, caption, size=9, bold=True)
    y = 76
    p.rule(L, R, y - 3)
    p.text(L + 3, y, "Event", SIZE, bold=True)
    # Left-aligned headers over two lines, wider than the centred numbers under them.
    for x, (h1, h2) in zip((250, 351), [("Alternate-day (n = 212),", "n (%)"), ("Daily (n = 208), n (%)", "")]):
        p.text(x, y, h1, SIZE, bold=True)
        if h2:
            p.text(x, y + 10, h2, SIZE, bold=True)
    p.text(452, y, "Risk ratio (95% CI)", SIZE, bold=True)
    y += 24
    p.rule(L, R, y - 3)
    for event, a, b in events:
        p.text(L + 3, y, event, SIZE)
        p.text(298 - width(a, SIZE) / 2, y, a, SIZE)
        p.text(398 - width(b, SIZE) / 2, y, b, SIZE)
        p.text(470, y, "0.82 (0.25-2.64)", SIZE)
        y += 13
    p.rule(L, R, y - 3)
    p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
    return p


def test_a_header_wider_than_its_centred_numbers_names_one_column_on_a_page_of_many_rows(tmp_path):
    # With many rows the header's two lines alone no longer make a column of their own
    # words; its first words, left of the numbers, still belong to the numbers' column.
    first = [(f"Event {k}", f"{k} (2.{k})", f"{k + 1} (3.{k})") for k in range(1, 6)]
    more = [(f"Event {k}", f"{k} (2.{k})", f"{k + 1} (3.{k})") for k in range(6, 26)]
    path = tmp_path / "events.pdf"
    path.write_bytes(make_pdf([_events_page("Table 4. Adverse events reported during the trial", first),
                               _events_page("Table 4 (continued)", more)]))
    doc = load(path)
    (t,) = [t for t in doc.tables if t.number == 4]
    assert t.columns == ("Event", "Alternate-day (n = 212), n (%)", "Daily (n = 208), n (%)", "Risk ratio (95% CI)")
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == [e + ("0.82 (0.25-2.64)",) for e in first + more]
    assert not doc.warnings


def test_a_last_page_whose_second_column_is_short_is_read_column_by_column(tmp_path):
    # Two-column pages before it set the gutter; on the last page the right column holds the
    # list's last entries only, too few lines to show a gap of their own.
    refs = [f"{n}. Author{n} A, Writer B, Third C. A cohort study of oral iron number {n}. J Test. 2020;{n}:1-9." for n in range(1, 31)]
    pages = []
    for k in range(2):
        p = PageSpec()
        p.lines(LEFT, 60, TEXT * 4, size=9.6, leading=12.2)
        p.lines(RIGHT, 60, TEXT * 4, size=9.6, leading=12.2)
        pages.append(p)
    last = PageSpec()
    last.text(LEFT, 50, "References", size=11, bold=True)
    y = 66
    for r in refs[:26]:
        y = last.lines(LEFT, y, textwrap.wrap(r, 60), size=7, leading=8.5)
    y = 66
    for r in refs[26:]:
        y = last.lines(RIGHT, y, textwrap.wrap(r, 60), size=7, leading=8.5)
    path = tmp_path / "refs.pdf"
    path.write_bytes(make_pdf(pages + [last]))
    doc = load(path)
    assert [r.n for r in doc.references] == list(range(1, 31))
    assert all(f"iron number {r.n}." in r.text for r in doc.references)


def test_a_figure_page_with_short_legends_in_two_places_keeps_its_own_reading():
    # Between two-column pages, a figure page: panel legends at either side of the usual
    # gutter, short lines that fill no column. They are not read as the columns' text, and the
    # section they sit in goes on.
    import tempfile
    from pathlib import Path

    def two_columns() -> PageSpec:
        p = PageSpec()
        p.lines(LEFT, 60, TEXT * 4, size=9.6, leading=12.2)
        p.lines(RIGHT, 60, TEXT * 4, size=9.6, leading=12.2)
        return p

    figure = PageSpec()
    figure.lines(60, 100, [f"Panel A legend entry number {k}" for k in range(6)], size=7, leading=10)
    figure.lines(330, 100, [f"Panel B legend entry number {k}" for k in range(6)], size=7, leading=10)
    figure.lines(50, 200, ["Fig. 2 Serum ferritin and haemoglobin over the trial. a Ferritin by arm at each visit; "
                           "b haemoglobin by"], size=8)
    pages = [two_columns(), two_columns(), figure, two_columns()]
    pages[0].text(LEFT, 40, "Results", 11, True)
    path = Path(tempfile.mkdtemp()) / "figure.pdf"
    path.write_bytes(make_pdf(pages))
    doc = load(path)
    assert all(b.section == ("Results",) for b in doc.blocks if b.kind == "paragraph" and b.page >= 3)


def test_a_band_a_rule_runs_through_is_no_header_and_two_shaded_rows_are(tmp_path):
    # A shaded key-points box over a ruled header and its first rows; a header of two rows,
    # each shaded cell by cell, closed by a rule.
    rows = [(f"Author{k} 20{10 + k}", f"{k + 3}", f"{100 + k}", f"{k + 7}", f"{120 + k}") for k in range(1, 9)]
    for case in ("box", "two rows"):
        p = PageSpec()
        p.text(L, 60, "Table 2. Outcomes by arm in the trial population", size=9, bold=True)
        y = 76
        p.rule(L, R, y - 3)
        if case == "box":
            p.shades.append((L - 5, R + 5, y - 5, y + 30))
        else:
            cells = [L, 145, 255, 365, 465, R]
            p.shades += [(a, b, y - 3, y + 9) for a, b in zip(cells, cells[1:])]
            p.shades += [(a, b, y + 9, y + 21) for a, b in zip(cells, cells[1:])]
            p.text(150, y, "Treatment arm", SIZE, True)
            p.text(370, y, "Control arm", SIZE, True)
            y += 12
        y = _arm_rows(p, y, rows, header=True)
        p.lines(L, y + 30, TEXT[:6], size=9.6, leading=12.2)
        path = tmp_path / "band.pdf"
        path.write_bytes(make_pdf([p]))
        (t,) = [t for t in load(path).tables if t.number == 2]
        assert t.columns[0] == "Study" and t.columns[2] == "Total", case
        assert [tuple(v for _, v in r.table.cells) for r in t.rows] == rows, case


ARM_XS = [L + 3, 150, 260, 370, 470]


def _arm_rows(p: PageSpec, y: float, rows: list[tuple[str, ...]], header: bool) -> float:
    """A trial-by-arm table's header (Study, Events, Total, Events, Total) when asked, then its
    rows, ruled under the header and after the last row; returns where the table ends."""
    if header:
        for x, h in zip(ARM_XS, ["Study", "Events", "Total", "Events", "Total"]):
            p.text(x, y, h, SIZE, True)
        y += 12
    p.rule(L, R, y - 3)
    for r in rows:
        for x, v in zip(ARM_XS, r):
            p.text(x, y, v, SIZE)
        y += 12
    p.rule(L, R, y - 3)
    return y


def _trial_rows(first: bool, rows: list[tuple[str, ...]], header: bool) -> PageSpec:
    p = PageSpec()
    y = 76
    if first:
        p.text(L, 60, "Table 2. Outcomes by arm in every included trial", size=9, bold=True)
    if header:
        p.rule(L, R, y - 3)
    y = _arm_rows(p, y, rows, header)
    if not first:
        p.lines(LEFT, y + 30, TEXT[:6], size=9.6, leading=12.2)
    return p


def test_rows_going_on_at_the_next_pages_top_without_header_or_caption_stay_the_tables():
    # The table runs to the foot of its page; the next page opens with its rows, cells where
    # its columns are, and no header or "(continued)".
    import tempfile
    from pathlib import Path

    rows = [(f"Author{k} 20{10 + k}", f"{k + 3}", f"{100 + k}", f"{k + 7}", f"{120 + k}") for k in range(1, 75)]
    path = Path(tempfile.mkdtemp()) / "cut.pdf"
    path.write_bytes(make_pdf([_trial_rows(True, rows[:55], True), _trial_rows(False, rows[55:], False)]))
    doc = load(path)
    (t,) = [t for t in doc.tables if t.number == 2]
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == rows
    assert "membranes and proteins" in doc.text


def test_a_page_of_text_after_a_table_at_a_pages_foot_is_text():
    # Two text columns at the next page's top line up with no three columns of the table.
    import tempfile
    from pathlib import Path

    rows = [(f"Author{k} 20{10 + k}", f"{k + 3}", f"{100 + k}", f"{k + 7}", f"{120 + k}") for k in range(1, 56)]
    text = PageSpec()
    text.lines(LEFT, 60, TEXT * 3, size=9.6, leading=12.2)
    text.lines(RIGHT, 60, TEXT * 3, size=9.6, leading=12.2)
    path = Path(tempfile.mkdtemp()) / "after.pdf"
    path.write_bytes(make_pdf([_trial_rows(True, rows, True), text]))
    doc = load(path)
    (t,) = [t for t in doc.tables if t.number == 2]
    assert len(t.rows) == 55 and "Copper is an essential trace element" in doc.text


def test_a_table_ending_mid_page_is_not_continued_by_the_next_pages_rows():
    # Text follows the table on its page: it is whole, and lined-up lines at the top of the
    # next page are not its rows.
    import tempfile
    from pathlib import Path

    rows = [(f"Author{k} 20{10 + k}", f"{k + 3}", f"{100 + k}", f"{k + 7}", f"{120 + k}") for k in range(1, 21)]
    first = _trial_rows(True, rows[:10], True)
    first.lines(LEFT, 76 + 12 + 10 * 12 + 30, TEXT[:6], size=9.6, leading=12.2)
    path = Path(tempfile.mkdtemp()) / "whole.pdf"
    path.write_bytes(make_pdf([first, _trial_rows(False, rows[10:], False)]))
    (t,) = [t for t in load(path).tables if t.number == 2]
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == rows[:10]
