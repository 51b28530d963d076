"""A table continued on the next page under its repeated header, where the continuation's own
lines leave no gap between the label column and the first number column (long labels there end
just short of the numbers): it is read in the first part's columns, not as one column fewer
with its header taken for a row. On a table the test lays out itself."""

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, PageSpec, make_pdf, width
from qa.ingest import load

SIZE = 8
LONG = [f"{c} multiple imputation of all randomised participants" for c in "ABCDEFGH"]
# The numbers start 2.5 pt after the longest of those labels: less than half an em.
VALUE_X = max(L + width(t, SIZE) for t in LONG) + 2.5
CI_X, P_X = VALUE_X + 80, VALUE_X + 180


def _page(caption: str, rows: list[tuple[str, str, str, str]], text_after: bool) -> PageSpec:
    p = PageSpec()
    y = 60
    if not text_after:
        y = p.lines(L, y, TEXT[:5], size=9.6, leading=12) + 8
    p.text(L, y, caption, size=9, bold=True)
    y += 16
    p.rule(L, P_X + 40, y - 9)
    for x, h in ((L, "Outcome"), (VALUE_X, "Drug n/N (%)"), (CI_X, "Hazard ratio (95% CI)"), (P_X, "P value")):
        p.text(x, y, h, SIZE)
    p.rule(L, P_X + 40, y + 4)
    y += 14
    for label, n, ci, pv in rows:
        for x, v in ((L, label), (VALUE_X, n), (CI_X, ci), (P_X, pv)):
            p.text(x, y, v, SIZE)
        y += 10.5
    p.rule(L, P_X + 40, y - 6)
    if text_after:
        p.lines(L, y + 16, TEXT[:6], size=9.6, leading=12)
    return p


def test_a_continuation_is_read_in_its_first_parts_columns(tmp_path):
    first = [(f"Outcome {k}", f"{k}/236 ({k}.1)", f"0.{k}0 (0.3{k}-0.9{k})", f"0.0{k}") for k in range(1, 8)]
    more = [(label, f"{k}/188 ({k}.4)", f"0.{k}5 (0.2{k}-0.8{k})", f"0.1{k}") for k, label in enumerate(LONG, start=1)]
    path = tmp_path / "continued.pdf"
    path.write_bytes(make_pdf([_page("Table 2 Outcomes at 30 days", first, text_after=False),
                               _page("Table 2 (continued) Outcomes at 30 days", more, text_after=True)]))
    t = next(t for t in load(path).tables if t.number == 2)
    assert t.columns == ("Outcome", "Drug n/N (%)", "Hazard ratio (95% CI)", "P value")
    cells = [tuple(v for _, v in r.table.cells) for r in t.rows]
    assert cells == first + more
