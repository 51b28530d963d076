"""A table placed among the references (a float on the page after the list begins, with its
note in a smaller size) pauses the list; the list resumes with its next numbered entry, and
every entry is read. A test article laid out here, not the review."""

import pytest

from qa.ingest import load
from pdfgen import LEFT as L, RIGHT as R, PageSpec, make_pdf

BODY = [
    "Heat stress at work raises the risk of",
    "kidney injury in field labourers, most",
    "of all when drinking water is scarce [1].",
]
ENTRIES = [
    ["1. Rensing C, Grass G. Heat and the kidney in field", "workers. Occup Med J. 2003;27:197-213."],
    ["2. Doe J, Roe R. Water breaks at work. Soil Health Rev.", "2010;42:5-16. https://doi.org/10.5555/shr.2010.42.5"],
    ["3. Park S, Lee K. Shade and rest in agriculture. J Rural", "Health. 2015;8:11-19."],
    ["4. Moreau L, Hale R. Kidney function after harvest. Renal", "Epidemiol. 2018;3:40-52."],
    ["5. Okoro UC, Bhatt N. Wet bulb globe temperature in", "practice. Environ Res Lett. 2020;14:454-62."],
    ["6. Silva M, Chen Y. Hydration and creatinine. Nephrol", "Dial Pract. 2021;6:101-9. https://doi.org/10.5555/ndp.2021.6.101"],
]
ROWS = [("Alvarado 2016", "Nicaragua", "Cutters vs others", "eGFR fell by 4.1"),
        ("Nordin 2019", "Australia", "Summer WBGT", "HR 1.31 per 2 C"),
        ("Vo 2021", "Viet Nam", "Wearable sensors", "No clear association")]


def _entries(page, y, entries, apart: bool) -> float:
    for entry in entries:
        if apart:  # the number set apart from its entry, as some makers print it
            number, first = entry[0].split(" ", 1)
            page.text(L, y, number, size=7.5)
            y = page.lines(L + 40, y, [first] + entry[1:], size=7.5, leading=9.2)
        else:
            y = page.lines(L, y, entry[:1], size=7.5, leading=9.2)
            y = page.lines(L + 13, y, entry[1:], size=7.5, leading=9.2)
    return y


def article(note: list[str] | None = None, apart: bool = False) -> bytes:
    p1, p2, p3 = PageSpec(), PageSpec(), PageSpec()
    y = p1.lines(L, 60, ["Introduction"], size=11, bold=True)
    y = p1.lines(L, y + 4, BODY * 3, size=9.5, leading=11.5)
    y = p1.lines(L, y + 10, ["References"], size=11, bold=True)
    _entries(p1, y, ENTRIES[:3], apart)
    # Page 2: the table the text placed here, with its note in a smaller size.
    cols = (L, L + 130, L + 260, L + 400)
    p2.text(L, 60, "Table 3 Earlier cohorts of heat exposure and kidney function", size=8, bold=True)
    p2.rule(L, 560, 72)
    for x, h in zip(cols, ("Study", "Setting", "Exposure", "Main finding")):
        p2.text(x, 76, h, size=7, bold=True)
    p2.rule(L, 560, 87)
    y = 91
    for row in ROWS:
        for x, cell in zip(cols, row):
            p2.text(x, y, cell, size=7)
        y += 12
    p2.rule(L, 560, y)
    p2.text(L, y + 6, "WBGT, wet bulb globe temperature; HR, hazard ratio; eGFR, estimated glomerular filtration rate.",
            size=6.2)
    if note:  # numbered notes in the list's own size
        p2.lines(L, y + 40, note, size=7.5, leading=9.2)
    # Page 3: the list goes on.
    _entries(p3, 60, ENTRIES[3:], apart)
    return make_pdf([p1, p2, p3])


@pytest.mark.parametrize("apart", [False, True])
def test_a_table_among_the_references_pauses_the_list(tmp_path, apart):
    path = tmp_path / "refs-float.pdf"
    path.write_bytes(article(apart=apart))
    d = load(path)
    assert [r.n for r in d.references] == [1, 2, 3, 4, 5, 6]
    assert d.references[3].title == "Kidney function after harvest"
    assert d.references[5].doi == "10.5555/ndp.2021.6.101"
    t = next(t for t in d.tables if t.number == 3)
    assert len(t.rows) == 3
    # The entries after the table are references, not passages of the text.
    assert "Hydration and creatinine" not in d.text
    # ... and the table's note stays with the document's text.
    assert "wet bulb globe temperature" in d.text


def _two_entries(page) -> float:
    """A page of body text and a reference list of two entries; returns where it ends."""
    y = page.lines(L, 60, ["Introduction"], size=11, bold=True)
    y = page.lines(L, y + 4, BODY * 4, size=9.5, leading=11.5)
    y = page.lines(L, y + 10, ["References"], size=11, bold=True)
    return _entries(page, y, ENTRIES[:2], apart=False)


def test_a_numbered_list_after_a_new_heading_is_no_reference(tmp_path):
    # After the references, text in the body's size ends the list and a heading opens another
    # part: its numbered lines in the list's size are that part's text.
    p1, p2 = PageSpec(), PageSpec()
    y = _two_entries(p1)
    y = p1.lines(L, y + 12, ["Figure legends follow in the order", "cited in the text of the article."], size=9.5, leading=11.5)
    y = p2.lines(L, 60, ["Appendix"], size=11, bold=True)
    y = p2.lines(L, y + 4, ["1. Weigh each worker before the shift.", "2. Record the water drunk."], size=7.5)
    path = tmp_path / "refs-then-appendix.pdf"
    path.write_bytes(make_pdf([p1, p2]))
    d = load(path)
    assert [r.n for r in d.references] == [1, 2]
    assert "Weigh each worker" in d.text


def test_numbered_notes_of_a_table_among_the_references_are_no_entries(tmp_path):
    # The list resumes at the entry after its last one (4), not at any number.
    path = tmp_path / "refs-float-notes.pdf"
    path.write_bytes(article(["1. Adjusted for age and sex.", "2. Per 2 C of summer heat."]))
    d = load(path)
    assert [r.n for r in d.references] == [1, 2, 3, 4, 5, 6]
    assert "Adjusted for age and sex" in d.text


def test_a_list_ended_by_text_in_the_body_size_does_not_resume(tmp_path):
    # After the list, a paragraph in the body's size and no heading; numbered lines later on in
    # the list's size are text, not more references.
    p1, p2 = PageSpec(), PageSpec()
    y = _two_entries(p1)
    y = p1.lines(L, y + 12, ["Publisher's note: the publisher remains neutral", "about claims in maps and affiliations."],
                 size=9.5, leading=11.5)
    p2.lines(L, 60, ["3. Weigh each worker before the shift.", "4. Record the water drunk."], size=7.5)
    path = tmp_path / "refs-then-note.pdf"
    path.write_bytes(make_pdf([p1, p2]))
    d = load(path)
    assert [r.n for r in d.references] == [1, 2]
    assert "Weigh each worker" in d.text
