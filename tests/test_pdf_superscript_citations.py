"""Reference numbers set raised after a word, as many clinical journals print them ("... in
older adults.³", "before²,⁵⁻⁷"), are that sentence's citations: the text reads them as the
bracketed numbers other journals print, so the chunk carries its references. A raised number
after a name ("Oosterhuis¹") marks an affiliation, and one after a unit or a number
("kg/m²", "10⁶") is a power: both stay out of it. On a page the test lays
out itself."""

from qa.ingest import load
from pdfgen import LEFT as L, PageSpec, make_pdf, width


def _raised(p: PageSpec, x: float, y: float, host: str, mark: str, size: float = 10) -> None:
    """host at (x, y) and mark set smaller and higher straight after it."""
    p.text(x, y, host, size)
    p.text(x + width(host, size), y - 0.35 * size, mark, 0.7 * size)


def test_raised_reference_numbers_are_citations_and_affiliation_marks_are_not(tmp_path):
    p = PageSpec()
    _raised(p, L, 60, "Anna Oosterhuis", "1")
    p.text(L, 90, "Background", 11, True)
    _raised(p, L, 108, "Walking training helps older adults.", "3")
    _raised(p, L, 120, "Supervised sessions were tried before", "5-7")
    p.text(L, 132, "in clinics with mixed results. Coaching is new.")
    # After a stop or a comma it is a citation, whatever the word before ("Kingdom,⁴", "24.⁸").
    _raised(p, L, 168, "Most trials ran in the United Kingdom,", "4")
    _raised(p, L, 180, "and the longest lasted 24.", "8")
    # An abbreviation keeps its stop: "et al.³" reads "et al. [3]", no new sentence.
    _raised(p, L, 192, "as Smith et al.", "9")
    p.text(L + 80, 192, "showed in mice.")
    # A power after a unit or a number is no citation.
    _raised(p, L, 144, "Mean body mass index was 27 kg/m", "2")
    _raised(p, L, 156, "and each dose held 10", "6")
    path = tmp_path / "sup.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    text = " ".join(b.text for b in doc.blocks)
    assert "older adults [3]." in text
    assert "tried before [5–7]" in text
    assert "Oosterhuis [1]" not in text
    assert "kg/m [2]" not in text and "10 [6]" not in text
    assert "United Kingdom [4]," in text and "lasted 24 [8]." in text
    assert "Smith et al. [9]" in text
