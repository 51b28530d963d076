"""Plain-text (pdftotext-style) extractions: what the layout of the document itself says about
running lines, paragraph starts and single-spaced tables. Small synthetic documents, each
written for the mechanism it pins down."""

from pathlib import Path

from qa.ingest import load
from qa.ingest.running import drop_running_lines


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


BODY = [
    "Beavers build dams across small streams and so raise the water table of the whole valley.\n"
    "The ponds behind the dams hold sediment and nutrients that would otherwise be carried",
    "downstream during floods [1]. Fish use the ponds as refuges when the stream runs low.\n\n"
    "Methods\nWe mapped forty dams over three summers and measured the depth of each pond with",
    "a weighted line from a canoe [2]. Dams older than ten years were cored to date their layers.\n\n"
    "Results\nOlder dams held deeper ponds, and ponds below a chain of dams stayed cooler [3].",
    "Abandoned dams slowly breached, but their ponds left meadows rich in sedges and rushes. The",
    "meadows in turn fed the moose and deer that browse the willows along the old shore lines.",
]


def test_running_headers_and_page_numbers_are_dropped_from_every_page(tmp_path):
    # A verso/recto pair of running heads (journal line on even pages, short title on odd),
    # a page number on a line of its own at each foot, and the title on the first page.
    pages = []
    for n, body in enumerate(BODY, start=1):
        head = "Journal of Wetland Studies (2020) 14:201" if n % 2 == 0 else "Ward et al.   Beaver dams"
        pages.append(("Beaver Dams and Valley Water\n\n" if n == 1 else head + "\n\n") + body + f"\n\n{n}\n")
    doc = load(_write(tmp_path, "beavers.txt", "\f".join(pages)))
    text = doc.text
    assert "Journal of Wetland" not in text and "Ward et al" not in text
    assert not [b for b in doc.blocks if b.text.strip().isdigit()]
    # The title on the first page is not a running head; the sentences cut by page breaks join.
    assert doc.blocks[0].text == "Beaver Dams and Valley Water"
    assert any("otherwise be carried downstream during floods [1]." in b.text for b in doc.blocks)
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "Methods" in heads and "Results" in heads


def test_a_line_that_starts_one_page_only_is_kept():
    pages = ["Title of the paper\n\nFirst page text ends here.", "Second page opens with this line.\nMore text.",
             "Third page text.\nLast line of the third page."]
    assert drop_running_lines(pages) == pages


def test_continued_table_titles_are_not_running_lines():
    pages = [f"Table 1 Sites sampled (continued)\nSite Depth Ref\nPond {n} {n}0 cm [{n}]\nmore text {n}\n"
             + ("River", "Creek", "Lake", "Marsh")[n - 1] + f" {n}0 [{n + 4}]\n" for n in range(1, 5)]
    assert drop_running_lines(pages) == pages
