"""A paragraph cut by a table set in its column goes on after the table: its last line before
the table ends short, but in an abbreviation's period ("... Smith et al."), which ends no
sentence; the text after the table ("(2018) showed ...") is the same paragraph, so the
citation is whole and the sentence is one. A short line ending a real sentence still ends its
paragraph. On a page the test lays out itself."""

from pdfgen import COLUMN_TEXT as TEXT, LEFT as L, PageSpec, make_pdf
from qa.ingest import load


def _doc(tmp_path, last_line):
    p = PageSpec()
    y = p.lines(L, 60, TEXT[:5] + [last_line], size=9.5, leading=11.5)
    p.text(L, y + 8, "Table 1", 7, bold=True)
    p.text(L + 30, y + 8, "Copper exporters of soil bacteria", 7)
    p.rule(L, L + 240, y + 16)
    y += 19
    for x, h in zip((L, L + 90, L + 170), ("System", "Species", "Copper (mM)")):
        p.text(x, y, h, size=7, bold=True)
    p.rule(L, L + 240, y + 8.5)
    y += 10
    for row in (("CusCFBA", "Escherichia coli", "2.5"), ("CopA", "Bacillus subtilis", "1.0"), ("CueO", "Salmonella", "1.5")):
        for x, v in zip((L, L + 90, L + 170), row):
            p.text(x, y, v, 7)
        y += 9
    p.rule(L, L + 240, y)
    p.lines(L, y + 16, ["(2018) showed that the pump works only when the", "periplasm holds more copper than the cytoplasm.",
                        "Other systems bind copper in the cytoplasm and", "hand it on to the pumps when needed [3]."],
            size=9.5, leading=11.5)
    path = tmp_path / "cut.pdf"
    path.write_bytes(make_pdf([p]))
    return load(path)


def test_a_paragraph_cut_after_et_al_by_a_table_goes_on_after_it(tmp_path):
    doc = _doc(tmp_path, "In soil, Smith et al.")
    assert "In soil, Smith et al. (2018) showed that the pump works" in doc.text


def test_a_short_line_ending_a_sentence_still_ends_its_paragraph(tmp_path):
    doc = _doc(tmp_path, "Soil bacteria differ.")
    assert "Soil bacteria differ. (2018) showed" not in doc.text
