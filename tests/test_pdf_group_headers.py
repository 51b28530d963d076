"""Group headers over runs of equally many columns, set off the middle of their columns' text
(a maker centres them over cells wider than the numbers, as jsPDF's autotable does): each
names the columns of its own run, rather than lending one word to each. On a table the test
lays out itself; a header over one run only and a label over the first column are left as
they were."""

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, PageSpec, make_pdf
from qa.ingest import load

ROWS = [("Age, years", "", "44.8 (12.6)", "", "45.9 (13.1)"),
        ("Current smoker", "21 (19.4)", "", "24 (22.6)", ""),
        ("Wet work", "46 (42.6)", "", "43 (40.6)", "")]


def _page(title):
    """A page of running text with Table 1's caption and top rule; returns it and the y below."""
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    p.text(L, y + 8, "Table 1", 7, bold=True)
    p.text(L + 30, y + 8, title, 7)
    p.rule(L, L + 320, y + 16)
    return p, y + 19


def _doc(tmp_path, heads, label=None):
    p, y = _page("Baseline characteristics by allocated group")
    cols = (L + 80, L + 130, L + 190, L + 240)  # the four number columns' left edges
    for x, s in heads:
        p.text(x, y, s, size=7)
    if label:
        p.text(L, y, label, size=7)
    y += 9
    for x, s in zip(cols, ("n (%)", "mean (SD)", "n (%)", "mean (SD)")):
        p.text(x, y, s, size=7)
    p.rule(L, L + 320, y + 8.5)
    y += 10
    for row in ROWS:
        p.text(L, y, row[0], 7)
        for x, v in zip(cols, row[1:]):
            if v:
                p.text(x, y, v, 7)
        y += 9
    p.rule(L, L + 320, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "groups.pdf"
    path.write_bytes(make_pdf([p]))
    return next(t for t in load(path).tables if t.number == 1)


def test_two_group_headers_right_of_their_columns_middle_each_name_their_own_pair(tmp_path):
    # "Tacrolimus (n = 108)" starts in the gap after the first "n (%)" column and ends inside
    # its "mean (SD)"; "Emollient alone (n = 106)" likewise over the next pair.
    t = _doc(tmp_path, [(L + 112, "Tacrolimus (n = 108)"), (L + 222, "Emollient alone (n = 106)")])
    assert t.columns[1:] == ("Tacrolimus (n = 108) n (%)", "Tacrolimus (n = 108) mean (SD)",
                             "Emollient alone (n = 106) n (%)", "Emollient alone (n = 106) mean (SD)")
    assert [tuple(v for _, v in r.table.cells)[1:] for r in t.rows] == [row[1:] for row in ROWS]


def test_a_label_over_the_first_column_beside_the_group_headers_keeps_its_place(tmp_path):
    t = _doc(tmp_path, [(L + 112, "Tacrolimus (n = 108)"), (L + 222, "Emollient alone (n = 106)")],
             label="Characteristic")
    assert t.columns[0] == "Characteristic"
    assert t.columns[1] == "Tacrolimus (n = 108) n (%)" and t.columns[4] == "Emollient alone (n = 106) mean (SD)"


def test_headers_wrapped_inside_their_own_columns_are_no_group_headers(tmp_path):
    # "Sample" over "size" and "Effect" over "size": two upper words over four named columns,
    # each set inside its own column's extent (found by the cold review).
    p, y = _page("Included studies")
    cols = (L, L + 80, L + 140, L + 200, L + 260)
    for c, s in ((0, "Study"), (1, "Sample"), (3, "Effect")):
        p.text(cols[c], y, s, size=7)
    y += 9
    for c, s in ((1, "size"), (2, "Age"), (3, "size"), (4, "P")):
        p.text(cols[c], y, s, size=7)
    p.rule(L, L + 320, y + 8.5)
    y += 10
    for row in (("Holm 2018", "158", "81.2", "0.42", "0.01"), ("Berg 2020", "640", "84.0", "0.17", "0.20")):
        for x, v in zip(cols, row):
            p.text(x, y, v, 7)
        y += 9
    p.rule(L, L + 320, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(make_pdf([p]))
    t = next(t for t in load(path).tables if t.number == 1)
    assert t.columns == ("Study", "Sample size", "Age", "Effect size", "P")
