"""Two columns set close together (a gutter narrower than a word space is wide in a loose
justified line): each left-column line and the right-column line beside it come out of the
word extraction as one run; the reader must still read the left column, then the right one,
and find the headings set in either."""

from qa.ingest import load
from pdfgen import PageSpec, make_pdf, width

COL = 230.0  # column width
L = 50.0
R = L + COL + 7  # a 7 pt gutter: less than the 0.9 em that splits a line into runs


def justify(p: PageSpec, x: float, y: float, line: str, w: float = COL, size: float = 10) -> None:
    """Set `line` word by word so that it fills `w` exactly (the last line of a paragraph is
    set ragged by the caller)."""
    words = line.split()
    room = w - sum(width(t, size) for t in words)
    gap = room / max(1, len(words) - 1)
    for t in words:
        p.text(x, y, t, size)
        x += width(t, size) + gap


LEFT_TEXT = (
    "Copper is an essential trace element for all bacteria, but at high doses it damages the "
    "membranes and proteins of the cell. Soil bacteria resist it with efflux pumps, with "
    "chaperones and with storage proteins that hold the metal until it can be sent out of the "
    "cell by a pump in the inner membrane."
)
RIGHT_TEXT = (
    "Isolates were grown in a defined medium at thirty degrees with shaking for two days and "
    "then plated on agar with rising copper doses from one to eight millimolar in each of the "
    "plates, which were read daily."
)
ABSTRACT_TEXT = (
    "Background. Soil bacteria tolerate copper by several routes, and the share of each route in "
    "the isolates of a field is not known. We grew sixty isolates from three soils and measured "
    "their tolerance and the pumps they carry, and we found that most of them rely on the pumps."
)


def fill(text: str, w: float = COL, size: float = 10) -> list[str]:
    """Greedy line breaks at width `w` (a space is 2.78 pt at 10 pt)."""
    lines, cur = [], ""
    for t in text.split():
        trial = f"{cur} {t}".strip()
        if cur and width(trial, size) > w:
            lines.append(cur)
            cur = t
        else:
            cur = trial
    return lines + [cur]


LEFT, RIGHT, ABSTRACT = fill(LEFT_TEXT), fill(RIGHT_TEXT), fill(ABSTRACT_TEXT, 2 * COL + 7)


def article() -> bytes:
    p = PageSpec()
    for i, line in enumerate(ABSTRACT[:-1]):  # a full-width block: its lines stay whole
        justify(p, L, 60 + 12 * i, line, w=2 * COL + 7)
    p.text(L, 60 + 12 * (len(ABSTRACT) - 1), ABSTRACT[-1], 10)
    p.text(L, 120, "Introduction", 11, bold=True)
    for i, line in enumerate(LEFT[:-1]):
        justify(p, L, 136 + 12 * i, line)
    p.text(L, 136 + 12 * (len(LEFT) - 1), LEFT[-1], 10)
    # The right column: a heading level with the left column's second line, then text.
    p.text(R, 148, "Methods", 11, bold=True)
    for i, line in enumerate(RIGHT[:-1]):
        justify(p, R, 160 + 12 * i, line)
    p.text(R, 160 + 12 * (len(RIGHT) - 1), RIGHT[-1], 10)
    return make_pdf([p])


def test_narrow_gutter_columns_are_read_apart(tmp_path):
    path = tmp_path / "narrow.pdf"
    path.write_bytes(article())
    doc = load(path)
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert heads == ["Introduction", "Methods"]
    paras = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert LEFT_TEXT in paras
    assert RIGHT_TEXT in paras
    # The abstract spans the gutter: its lines are not cut where a word space meets it.
    assert ABSTRACT_TEXT in paras
    methods = next(b for b in doc.blocks if b.kind == "paragraph" and b.text == RIGHT_TEXT)
    assert methods.section[-1] == "Methods"


def test_a_page_of_two_column_blocks_is_read_block_by_block(tmp_path):
    # The discussion fills both columns down to mid-page (its left column stops mid-sentence
    # and goes on at the top of the right one); below it a second block opens both columns
    # at one height: back matter on the left, the reference list on the right.
    W = 250
    p = PageSpec()
    p.lines(50, 60, ["Discussion"], size=12, bold=True)
    y = p.lines(50, 80, ["The pumps were found in most isolates", "from chalk, which fits the lower", "availability of copper at a high pH and"])
    p.lines(50 + W + 20, 80, ["the slower growth of these strains in", "the rich broth [2]. Further work is", "needed on the chaperones."])
    p.lines(50, y + 14, ["Declarations"], size=12, bold=True)
    p.lines(50 + W + 20, y + 14, ["References"], size=12, bold=True)
    p.lines(50, y + 34, ["Funding", ], size=10, bold=True)
    p.lines(50, y + 48, ["No funding was received."])
    p.lines(50 + W + 20, y + 34, ["1. Rensing C, Grass G. Copper homeostasis.", "FEMS Microbiol Rev. 2003;27:197-213.",
                                  "2. Doe J, Roe R. Copper in soils. Soil Biol", "Biochem. 2010;42:5-16."], size=8, leading=10)
    path = tmp_path / "blocks.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert ("paragraph", "The pumps were found in most isolates from chalk, which fits the lower availability of copper "
            "at a high pH and the slower growth of these strains in the rich broth [2]. Further work is needed on the "
            "chaperones.") in blocks
    heads = [t for k, t in blocks if k == "heading"]
    assert heads.index("Discussion") < heads.index("Declarations") < heads.index("Funding")
    funding = next(b for b in doc.blocks if b.text == "No funding was received.")
    assert funding.section[-1] == "Funding"
    assert [r.authors[0] for r in doc.references] == ["Rensing C", "Doe J"]


def test_a_page_wide_paragraph_ending_left_of_the_gutter_ends_there(tmp_path):
    # An abstract set across both columns: its first paragraph's last line is short and
    # ends left of the gutter. Measured against the page, not the left column, it is short,
    # so the next paragraph starts apart.
    first, second = fill(ABSTRACT_TEXT, 2 * COL + 7), fill(RIGHT_TEXT, 2 * COL + 7)
    p = PageSpec()
    y = 60
    for lines in (first, second):
        for line in lines[:-1]:
            justify(p, L, y, line, w=2 * COL + 7)
            y += 12
        # The last line fills about the left column's width: short for the page.
        justify(p, L, y, fill(lines[-1] + " " + lines[-1], COL - 15)[0].rstrip(",.") + ".", w=COL - 1)
        y += 12
    p.text(L, y + 12, "Introduction", 11, bold=True)
    for i, line in enumerate(LEFT[:-1]):
        justify(p, L, y + 28 + 12 * i, line)
    for i, line in enumerate(RIGHT[:-1]):
        justify(p, R + 20, y + 28 + 12 * i, line)
    path = tmp_path / "abstract.pdf"
    path.write_bytes(make_pdf([p]))
    paras = [b.text for b in load(path).blocks if b.kind == "paragraph"]
    assert paras[0].startswith("Background.") and paras[0].endswith(".")
    assert paras[1].startswith("Isolates were grown")
