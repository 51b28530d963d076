"""A text-heavy table set at one even line pitch with no rules between rows (LaTeX's p{}
columns): a tool's name wrapped over two or three lines in the first column is one row, told
by the cells beside it going on from the lines above (a line ending in a comma, a line
opening in lower case under a long one), not a new row at each line of the name. Rows whose
cells are short values ("-", "yes") are still rows of their own. On tables the test lays out
itself."""

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, PageSpec, make_pdf
from qa.ingest import load

# Each row: lines of (tool, type, what it assesses, comments); None = nothing on that line.
TOOLS = [
    [("Beers Criteria", "Explicit criteria", "Medicines to avoid,", "Used in two US trials"),
     (None, None, "with a strength of advice", "and one in Canada")],
    [("Medication", "Implicit rating", "Ten questions per drug,", "Outcome in three trials;"),
     ("Appropriateness Index", None, "summed as a weighted", "rating took ten minutes"),
     ("(MAI)", None, "score per resident", "and agreement varied")],
    [("Anticholinergic", "Pharmacological", "Each drug scored 1 to 3", "Quick at the bedside;"),
     ("Burden (ACB) scale", "index", "by anticholinergic activity", "ignores dose and duration")],
    [("Drug Burden Index", "Pharmacological index", "Exposure to sedatives", "Needs dose data")],
]


def _table(tmp_path, rows, cols=(L, L + 75, L + 145, L + 245), size=7, pitch=8.4):
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:4], size=9.5, leading=11.5)
    p.text(L, y + 8, "Table 3", size, bold=True)
    p.text(L + 30, y + 8, "Tools used to judge medicines in the trials", size)
    p.rule(L, L + 340, y + 16)
    y += 19
    for x, h in zip(cols, ("Tool", "Type", "What it assesses", "Comments")):
        p.text(x, y, h, size=size, bold=True)
    p.rule(L, L + 340, y + 8.5)
    y += 10
    for row in rows:
        for line in row:
            for x, cell in zip(cols, line):
                if cell:
                    p.text(x, y, cell, size)
            y += pitch
    p.rule(L, L + 340, y)
    p.lines(L, y + 14, TEXT[4:], size=9.5, leading=11.5)
    path = tmp_path / "tools.pdf"
    path.write_bytes(make_pdf([p]))
    t = next(t for t in load(path).tables if t.number == 3)
    return [tuple(v for _, v in r.table.cells) for r in t.rows]


def test_a_first_cell_wrapped_at_the_row_pitch_is_one_row_when_the_cells_beside_it_go_on(tmp_path):
    got = _table(tmp_path, TOOLS)
    assert [r[0] for r in got] == ["Beers Criteria", "Medication Appropriateness Index (MAI)",
                                   "Anticholinergic Burden (ACB) scale", "Drug Burden Index"]
    assert got[1][2] == "Ten questions per drug, summed as a weighted score per resident"
    assert got[2][1] == "Pharmacological index"


def test_rows_of_short_values_stay_rows(tmp_path):
    # "-" is no line that runs on, "yes" no line long enough to have wrapped.
    rows = [[("Knee pain", "5", "-", "yes")], [("Lower-back pain", "3", "-", "yes")],
            [("Shoulder pain", "1", "-", "no")]]
    got = _table(tmp_path, rows)
    assert [r[0] for r in got] == ["Knee pain", "Lower-back pain", "Shoulder pain"]


def test_one_line_rows_with_lower_case_cells_stay_rows(tmp_path):
    # No row here wraps: "tumour suppressor gene" over "small GTPase oncogene" is two rows,
    # and so is a definitions table, and a comment ending in a comma.
    genes = [[("TP53", "tumour suppressor gene", "mutated in half of tumours", "")],
             [("KRAS", "small GTPase oncogene", "mutated in pancreatic cancer", "")],
             [("MYC", "transcription factor", "amplified in lymphoma", "")]]
    assert [r[0] for r in _table(tmp_path, genes)] == ["TP53", "KRAS", "MYC"]
    terms = [[("BMI", "body mass index", "", "")], [("CI", "confidence interval", "", "")],
             [("MSC", "mesenchymal stromal cell", "", "")]]
    assert [r[0] for r in _table(tmp_path, terms)] == ["BMI", "CI", "MSC"]
    drugs = [[("Zopiclone", "3.75 mg", "Taper over 4 weeks,", "")], [("Zolpidem", "5 mg", "Stop at once, no taper", "")]]
    assert [r[0] for r in _table(tmp_path, drugs)] == ["Zopiclone", "Zolpidem"]


def test_beside_wrapped_rows_a_one_line_row_with_one_lower_case_cell_stays_a_row(tmp_path):
    # The table wraps (the Beers row's second line has no first cell), but "CI" over
    # "confidence interval" has one cell going on in lower case only: no evidence.
    rows = TOOLS[:1] + [[("Index", "Pharmacological index", "body mass index of residents", "Needs weights")],
                        [("CI", "Interval", "confidence interval of the mean", "Often missing")]]
    assert [r[0] for r in _table(tmp_path, rows)] == ["Beers Criteria", "Index", "CI"]
