"""A first page laid out by the test: a journal banner and an article-type label above a
large title, a page-wide abstract in another face ending in a "Keywords:" line, then two
columns with numbered section headings, one subsection heading as wide as its column, and a
justified line whose first word stands apart. The title's and the abstract's word spaces
happen to fall where the columns' gutter is."""

from qa.ingest import load
from pdfgen import PageSpec, make_pdf, width

L, R, COL = 50, 322, 240  # left and right column x, column width
LEFT = [
    "Copper is an essential trace element for all",
    "bacteria, but at high doses it damages the",
    "membranes and proteins of the cell. Soil",
    "bacteria resist it with efflux pumps, with",
    "chaperones and with storage proteins [1].",
]
RIGHT = [
    "The cus system exports copper ions from the",
    "periplasm of Gram-negative bacteria and so",
    "protects them when copper levels in soil rise",
    "after fertiliser is spread on the fields [2].",
]
MORE = [
    "Other systems bind copper in the cytoplasm",
    "and hand it on to the pumps when needed [3].",
    "How these systems share the work is not yet",
    "known, and the answer may differ by species.",
]


def _split_line(p: PageSpec, y: float, left: str, right: str, size: float) -> None:
    """One page-wide line whose word space falls in the gutter (x 300..306)."""
    p.text(300 - width(left, size), y, left, size)
    p.text(306, y, right, size)


def _doc(tmp_path):
    p = PageSpec()
    p.text(420, 36, "Journal of Worked Examples", size=9, bold=True)
    p.text(L, 54, "REVIEW", size=10, bold=True)
    p.text(L, 72, "Copper resistance in soil bacteria: a review of", size=18, bold=True)
    p.text(L, 94, "pumps, chaperones and storage proteins", size=18, bold=True)
    p.text(L, 124, "Abstract", size=10, bold=True)
    _split_line(p, 138, "Background: Copper is toxic to soil bacteria at", "high doses, and they resist it", 9)
    _split_line(p, 149, "with pumps and proteins that bind it. We review", "what is known of these systems", 9)
    p.text(L, 160, "and of how they share the work in the cell.", size=9)
    p.text(L, 174, "Keywords:", size=9, bold=True)
    p.text(L + 50, 174, "Copper, Efflux, Soil bacteria, Chaperones", size=9, bold="serif")
    y = 200
    p.text(L, y, "1 Background", size=11, bold=True)
    y = p.lines(L, y + 18, LEFT, size=9.6, leading=12)
    p.text(L, y + 6, "2.1 Copper pumps in the membranes of bacteria", size=9.6, bold=True)
    y = p.lines(L, y + 22, MORE, size=9.6, leading=12)
    p.text(L, y + 6, "2 Methods", size=11, bold=True)
    p.lines(L, y + 24, LEFT, size=9.6, leading=12)
    y = p.lines(R, 218, RIGHT, size=9.6, leading=12)
    # A justified line with wide word spaces: "Vitamin" stands apart as a segment of its own.
    p.text(R, y, "Vitamin", size=9.6)
    p.text(R + 60, y, "D", size=9.6)
    p.text(R + 80, y, "is made in the skin of the", size=9.6)
    y = p.lines(R, y + 12, ["host and bacteria do not need it [4]."] + MORE, size=9.6, leading=12)
    p.text(R, y + 6, "3 Results", size=11, bold=True)
    p.lines(R, y + 24, RIGHT, size=9.6, leading=12)
    q = PageSpec()
    q.text(L, 60, "4 Discussion", size=11, bold=True)
    q.lines(L, 78, LEFT + MORE, size=9.6, leading=12)
    q.lines(R, 60, RIGHT + MORE, size=9.6, leading=12)
    path = tmp_path / "front.pdf"
    path.write_bytes(make_pdf([p, q]))
    return load(path)


def test_front_matter_is_no_heading_and_sections_are(tmp_path):
    doc = _doc(tmp_path)
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert [h for h in heads if h != "Abstract"] == [
        "1 Background", "2.1 Copper pumps in the membranes of bacteria", "2 Methods", "3 Results", "4 Discussion"]
    paras = [b.text for b in doc.blocks if b.kind == "paragraph"]
    # The title stays in the text, whole, as do the banner and the keywords.
    assert "Copper resistance in soil bacteria: a review of pumps, chaperones and storage proteins" in paras
    assert "Journal of Worked Examples" in paras
    assert any(t.startswith("Keywords: Copper, Efflux") for t in paras)


def test_first_page_columns_are_read_one_after_the_other(tmp_path):
    doc = _doc(tmp_path)
    text = " ".join(b.text for b in doc.blocks)
    assert " ".join(LEFT) in text
    assert " ".join(RIGHT) in text
    assert text.index(" ".join(LEFT)) < text.index("2.1 Copper pumps") < text.index(" ".join(RIGHT))
    # The abstract's lines stay whole: their word space in the gutter is no column break.
    assert "at high doses, and they resist it with pumps and proteins that bind it. We review what is known" in text


def test_the_title_line_is_never_quoted_as_an_answer(tmp_path, embedder):
    # The title stays in the text (above), but it names the topic of every question: it is no
    # answer to any of them.
    from qa.config import Settings
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _doc(tmp_path)
    (tmp_path / "front.pdf").rename(corpus / "front.pdf")
    title = "Copper resistance in soil bacteria: a review of pumps, chaperones and storage proteins"
    (corpus / "front.toml").write_text(f'id = "front"\ntitle = "{title}"\n')
    eng = Engine(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder).load()
    a = eng.answerer.ask("Tell me about copper resistance in soil bacteria: pumps, chaperones and storage proteins")
    assert a.status == "answered"
    assert title not in a.text
