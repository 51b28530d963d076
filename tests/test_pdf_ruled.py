"""Ruled tables laid out by the test: a grid ruled between every row whose first column has
cells merged over several rows (the rule under a merged cell starts at the second column, the
merged text sits half-way down its rows), set in one column beside larger running text at
another line pitch; and a header right-aligned over its numbers next to a left-aligned one."""

from qa.ingest import load
from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, RIGHT as R, PageSpec, make_pdf


# Domain -> rows; each row is its lines, each line the texts of columns 2..4.
GRID = [
    ("Exercise", [
        [("Aerobic", "Walking or cycling,", "Borg 12-14;"), ("training", "30 min, 3 times", "then intervals"),
         ("", "per week", "")],
        [("Resistance", "8 exercises, 2 sets", "Add resistance"), ("training", "of 10 repetitions", "at 15")],
        [("Breathing", "30 breaths twice", "Start at 30% of"), ("exercises", "daily", "maximum")],
    ]),
    ("Nutrition", [
        [("Screening", "A score at the first", "Refer if the score"), ("", "visit", "is 9 or more")],
        [("Protein", "Whey protein 20-30 g", "Total intake"), ("supplement", "after exercise", "1.5 g/kg/day")],
    ]),
    ("Behaviour", [
        [("Alcohol", "Brief intervention", "Abstinence for 4"), ("", "", "weeks")],
    ]),
]


def _rows(doc, n):
    t = next(t for t in doc.tables if t.number == n)
    return t, [tuple(v for _, v in r.table.cells) for r in t.rows]


def test_a_grid_with_merged_first_cells_beside_running_text(tmp_path):
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:3], size=9.6, leading=12.2)
    p.text(L, y + 6, "Table 1 Elements of a training programme", size=8, bold=True)
    y += 22
    cols = (L + 3, L + 60, L + 120, L + 200)
    right = L + 275
    p.rule(L, right, y)
    for x, h in zip(cols, ("Domain", "Element", "Prescription", "Target")):
        p.text(x, y + 3, h, size=7.2, bold=True)
    y += 14
    p.rule(L, right, y)
    firsts = []
    for domain, rows in GRID:
        start = y
        for k, row in enumerate(rows):
            y += 3
            firsts.append(y)
            for line in row:
                for x, cell in zip(cols[1:], line):
                    if cell:
                        p.text(x, y, cell, size=7.2)
                y += 8.6
            y += 3
            # Under a row inside a merged cell the rule leaves the merged column out.
            p.rule(L if k == len(rows) - 1 else cols[1] - 3, right, y)
        p.text(cols[0], (start + y) / 2 - 3.6, domain, size=7.2, bold=True)
    # Running text in the right column, its larger type a little below each row's first
    # line: it overlaps that line and the next, and must not make them one line.
    for k, ty in enumerate(firsts):
        p.text(R, ty + 2.6, TEXT[k % len(TEXT)], size=9.6)
    p.lines(L, y + 20, TEXT[3:8], size=9.6, leading=12.2)
    path = tmp_path / "grid.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _rows(load(path), 1)
    assert t.columns == ("Domain", "Element", "Prescription", "Target")
    assert got == [
        ("Exercise", "Aerobic training", "Walking or cycling, 30 min, 3 times per week", "Borg 12-14; then intervals"),
        ("Exercise", "Resistance training", "8 exercises, 2 sets of 10 repetitions", "Add resistance at 15"),
        ("Exercise", "Breathing exercises", "30 breaths twice daily", "Start at 30% of maximum"),
        ("Nutrition", "Screening", "A score at the first visit", "Refer if the score is 9 or more"),
        ("Nutrition", "Protein supplement", "Whey protein 20-30 g after exercise", "Total intake 1.5 g/kg/day"),
        ("Behaviour", "Alcohol", "Brief intervention", "Abstinence for 4 weeks"),
    ]


def test_rules_between_groups_do_not_make_rows(tmp_path):
    # Rules under the header and between groups only: a band between two rules holds several
    # rows, read from the first column as before; a right-aligned header ("Adherence", its
    # "(%)" on the next line) set close to a left-aligned one is two columns' names.
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:3], size=9.6, leading=12.2)
    p.text(L, y + 6, "Table 2 Trials of the programme", size=8, bold=True)
    y += 22
    right = 560
    p.rule(L, right, y)
    p.text(L + 3, y + 3, "Trial", size=7.2, bold=True)
    p.text(L + 80, y + 3, "Operation", size=7.2, bold=True)
    p.text(L + 220, y + 3, "Adherence", size=7.2, bold=True)
    p.text(L + 220 + 37.2 - 11.2, y + 11.6, "(%)", size=7.2, bold=True)
    p.text(L + 263.2, y + 3, "Main finding", size=7.2, bold=True)
    y += 22
    p.rule(L, right, y)
    groups = [
        [("Halvorsen 2018", "Colorectal resection", "78", "Walk distance up by 38 m"),
         ("Mbatha 2020", "Colorectal resection", "86", "More back to baseline"),
         ("Lorentz 2023", "Colorectal resection", "74", "Fewer severe complications")],
        [("Tanaka 2019", "Oesophagectomy", "92", "Pneumonia 12% vs 27%"),
         ("Ribeiro 2021", "Gastrectomy", "81", "Handgrip up by 2.3 kg")],
        # Enough rows that a header word alone over the gap left of the numbers leaves it a gap.
        [(f"Trial {k}", "Liver resection", str(60 + k), f"Finding {k}") for k in range(1, 11)],
    ]
    for rows in groups:
        y += 4
        for trial, op, adh, main in rows:
            p.text(L + 3, y, trial, size=7.2)
            p.text(L + 80, y, op, size=7.2)
            p.text(L + 257.2 - 8.0, y, adh, size=7.2)
            p.text(L + 263.2, y, main, size=7.2)
            y += 13
        p.rule(L, right, y)
    p.lines(L, y + 20, TEXT[3:8], size=9.6, leading=12.2)
    path = tmp_path / "groups.pdf"
    path.write_bytes(make_pdf([p]))
    t, got = _rows(load(path), 2)
    assert t.columns == ("Trial", "Operation", "Adherence (%)", "Main finding")
    assert [r[0] for r in got] == ["Halvorsen 2018", "Mbatha 2020", "Lorentz 2023", "Tanaka 2019", "Ribeiro 2021"] + [
        f"Trial {k}" for k in range(1, 11)]
    assert got[3] == ("Tanaka 2019", "Oesophagectomy", "92", "Pneumonia 12% vs 27%")
