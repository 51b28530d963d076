"""Table rows read from word positions, on tables the test lays out itself: a table in one
column beside larger running text in the other, with a subscript in a cell; and a table whose
rows are spaced apart, grouped under labels that run across the first column's gap, with
first cells wrapped onto a line that starts with a capital."""

from qa.ingest import load
from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, RIGHT as R, PageSpec, make_pdf, width


def _rows(doc, n):
    t = next(t for t in doc.tables if t.number == n)
    return t, [(r.table.group, tuple(v for _, v in r.table.cells)) for r in t.rows]


def test_a_table_beside_larger_text_keeps_its_cells_and_subscripts(tmp_path):
    # The right column's running text (9.5 pt) sits at the heights of the table's lines (7 pt):
    # against that larger type every table word looks like a raised footnote mark, and the
    # cells came out empty. "t" + a smaller, lowered "max" is one token, tmax.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    p.text(L, y + 6, "Table 1 Pharmacokinetics of the drug", size=8, bold=True)
    cols = (L, L + 80, L + 140)
    y += 20
    lines = []
    rows = [
        (("Parameter", "Value", "Comment"),),
        (("Oral bioavailability", "45%", "Limited by efflux"),),
        (("Time to peak", "1.1 h", "A second peak"), ("concentration (t", "", "at 5-6 h")),
        (("Half-life", "27 h", "Longer in renal"), ("", "", "impairment")),
        (("Protein binding", "39%", "Mostly albumin"),),
    ]
    for row in rows:
        for k, line in enumerate(row):
            for x, cell in zip(cols, line):
                if cell:
                    p.text(x, y, cell, size=7, bold=row[0][0] == "Parameter")
            if line[0] == "concentration (t":
                x = L + width("concentration (t", 7)
                p.text(x, y + 4.8, "max", size=5.8)
                p.text(x + width("max", 5.8), y, ")", size=7)
            if line[0] != "concentration (t":  # a subscript on a line of its own height
                lines.append(y)
            y += 8.5
        y += 4.5
    # Running text in the right column, a little lower than each table line.
    for k, ty in enumerate(lines):
        p.text(R, ty + 1.5, TEXT[k % len(TEXT)], size=9.5)
    p.lines(R, y + 20, TEXT[5:9], size=9.5, leading=11.5)
    p.lines(L, y + 20, TEXT[9:], size=9.5, leading=11.5)
    path = tmp_path / "beside.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _rows(load(path), 1)
    assert t.columns == ("Parameter", "Value", "Comment")
    assert [cells for _, cells in got] == [
        ("Oral bioavailability", "45%", "Limited by efflux"),
        ("Time to peak concentration (tmax)", "1.1 h", "A second peak at 5-6 h"),
        ("Half-life", "27 h", "Longer in renal impairment"),
        ("Protein binding", "39%", "Mostly albumin"),
    ]


def test_spanning_group_labels_and_spaced_rows_with_wrapped_first_cells(tmp_path):
    # Bold group labels run from the first column across the gap after it (so that gap is
    # covered in every group); rows are set apart by more than their lines, and a first cell
    # wraps onto a line that starts with a capital ("L/day)"): still the same row.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:5], size=9.5, leading=11.5)
    p.lines(R, 60, TEXT[5:10], size=9.5, leading=11.5)
    y += 10
    p.text(L, y, "Table 2 Drugs that interact with the study drug", size=8, bold=True)
    p.rule(L, 560, y + 12)
    cols = (L, L + 70, L + 190, L + 330, L + 460)
    y += 16
    for x, h in zip(cols, ("Drug", "Class", "Mechanism", "Change in exposure", "Ref")):
        p.text(x, y, h, size=7, bold=True)
    p.rule(L, 560, y + 11)
    y += 16
    table = [
        ("Strong inhibitors of clearance", [
            [("Clarithromycin", "Macrolide antibiotic", "CYP3A4 inhibition", "3.8-fold increase", "[33]")],
            [("Grapefruit juice (> 1", "Food", "Intestinal CYP3A4", "1.6-fold increase", "[34]"),
             ("L/day)", "", "inhibition", "", "")],
        ]),
        ("Inducers of clearance and others", [
            [("Rifampicin", "Antibiotic", "CYP3A4 induction", "65% decrease", "[37]")],
            [("Carbamazepine", "Anticonvulsant", "CYP3A4 induction", "48% decrease", "[37]")],
        ]),
    ]
    for label, rows in table:
        p.text(L, y, label, size=7, bold=True)
        y += 13
        for row in rows:
            for line in row:
                for x, cell in zip(cols, line):
                    if cell:
                        p.text(x, y, cell, size=7)
                y += 8.5
            y += 5
    p.rule(L, 560, y)
    y = p.lines(L, y + 16, TEXT[5:], size=9.5, leading=11.5)
    p.lines(R, y - 11.5 * 8, TEXT[:8], size=9.5, leading=11.5)
    path = tmp_path / "groups.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _rows(load(path), 2)
    assert t.columns == ("Drug", "Class", "Mechanism", "Change in exposure", "Ref")
    assert got == [
        ("Strong inhibitors of clearance", ("Clarithromycin", "Macrolide antibiotic", "CYP3A4 inhibition",
                                            "3.8-fold increase", "[33]")),
        ("Strong inhibitors of clearance", ("Grapefruit juice (> 1 L/day)", "Food", "Intestinal CYP3A4 inhibition",
                                            "1.6-fold increase", "[34]")),
        ("Inducers of clearance and others", ("Rifampicin", "Antibiotic", "CYP3A4 induction", "65% decrease", "[37]")),
        ("Inducers of clearance and others", ("Carbamazepine", "Anticonvulsant", "CYP3A4 induction", "48% decrease",
                                              "[37]")),
    ]


def test_footnote_marks_wrapped_last_row_and_a_superscript_in_a_unit(tmp_path):
    # Rows spaced 14 pt apart, a first cell wrapped over two lines 9 pt apart; footnote marks
    # set at 80% of the table's type and raised ("µg/g" + "a"), one of them after the wrapped
    # cell's last line, beside a caption in the right column whose taller lines overlap both
    # wrapped lines; "kg/m²" written with the superscript character.
    p = PageSpec()
    p.text(L, 60, "Table 2 Accuracy of the strip test", size=8.3, bold=True)
    cols = (L, L + 110, L + 170)
    y = 78
    for x, h in zip(cols, ("Test and cut-off", "Sens. (%)", "Spec. (%)")):
        p.text(x, y, h, size=7.5, bold=True)
    y += 14
    rows = [
        (["Strip > 50 \u00b5g/g"], "98.4", "58.9", None),
        (["Strip > 100 \u00b5g/g"], "93.8", "79.3", "a"),
        (["Body mass, kg/m\u00b2"], "24.1", "26.8", None),
        (["Strip or CRP positive", "(cut-offs 100 \u00b5g/g and", "5 mg/L)"], "95.3", "72.4", "c"),
    ]
    for first, sens, spec, mark in rows:
        p.text(cols[1], y, sens, size=7.5)
        p.text(cols[2], y, spec, size=7.5)
        for k, part in enumerate(first):
            p.text(L, y + 9 * k, part, size=7.5)
        if mark:
            p.text(L + width(first[-1], 7.5), y + 9 * (len(first) - 1) - 2.6, mark, size=6)
        y += 9 * (len(first) - 1) + 14
    # Running text and a caption in the right column, the caption's lines (8.3 pt) set
    # between the wrapped lines' heights.
    p.lines(R, 60, TEXT[:5], size=9.5, leading=11.5)
    p.lines(R, y - 14 - 9 - 2.5, ["Figure 2 Curves of the strip test and of", "the laboratory assay at three cut-offs."],
            size=8.3, leading=10.4)
    p.text(L, y + 2, "a Manufacturer's cut-off. c Either test positive.", size=7)
    p.lines(L, y + 30, TEXT[5:9], size=9.5, leading=11.5)
    path = tmp_path / "marks.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _rows(load(path), 2)
    assert [cells for _, cells in got] == [
        ("Strip > 50 \u03bcg/g", "98.4", "58.9"),
        ("Strip > 100 \u03bcg/g", "93.8", "79.3"),
        ("Body mass, kg/m\u00b2", "24.1", "26.8"),
        ("Strip or CRP positive (cut-offs 100 \u03bcg/g and 5 mg/L)", "95.3", "72.4"),
    ]


def test_a_header_set_over_two_columns_names_both(tmp_path):
    # A two-row header: "Final diagnosis" centred over the "Cases" and "Controls" columns
    # (its words fall in the gap between them), the other headers on the lower row.
    p = PageSpec()
    p.text(L, 60, "Table 1 Characteristics of the participants", size=8.3, bold=True)
    cols = (L, L + 190, L + 280, L + 370)
    p.rule(L, L + 430, 74)
    mid = (cols[1] + cols[2] + width("Controls (n = 20)", 7.5)) / 2
    p.text(mid - width("Final diagnosis", 7.5) / 2, 78, "Final diagnosis", size=7.5, bold=True)
    for x, h in zip(cols, ("Characteristic", "Cases (n = 10)", "Controls (n = 20)", "Total (n = 30)")):
        p.text(x, 87, h, size=7.5, bold=True)
    p.rule(L, L + 430, 98)
    y = 102
    rows = [("Age, years", "41.2 (35.1-47.9)", "44.0 (38.2-49.5)", "43.1 (37.0-48.8)"),
            ("Women, n (%)", "6 (60)", "11 (55)", "17 (57)")]
    rows += [(f"Marker {k}, median (IQR)", f"{k}.5 (1.1-19.4)", f"{k}.2 (0.9-14.4)", f"{k}.3 (1.0-17.2)")
             for k in range(1, 11)]
    for row in rows:
        for x, cell in zip(cols, row):
            p.text(x, y, cell, size=7.5)
        y += 11
    p.rule(L, L + 430, y + 1)
    p.lines(L, y + 20, TEXT[:6], size=9.5, leading=11.5)
    path = tmp_path / "spanned.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _rows(load(path), 1)
    assert t.columns == ("Characteristic", "Final diagnosis Cases (n = 10)", "Final diagnosis Controls (n = 20)",
                         "Total (n = 30)")
    assert [cells for _, cells in got][:2] == [("Age, years", "41.2 (35.1-47.9)", "44.0 (38.2-49.5)", "43.1 (37.0-48.8)"),
                                               ("Women, n (%)", "6 (60)", "11 (55)", "17 (57)")]
