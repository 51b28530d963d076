"""Plain-text (pdftotext-style) extractions: what the layout of the document itself says about
running lines, paragraph starts and single-spaced tables. Small synthetic documents, each
written for the mechanism it pins down."""

from pathlib import Path

from qa.ingest import load
from qa.ingest.running import drop_running_lines
from qa.ingest.text import read_pages


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


INDENTED = """Night Songs of Tree Frogs

Introduction
    Male tree frogs call from the reeds after dusk, and each species keeps to its own pitch
and rhythm so that females can find a mate of their kind in a crowded pond [1].
    Calls are loudest on warm humid nights, when the air carries sound furthest, and the
males fall silent as soon as the temperature drops below about ten degrees [2, 3].
    Females prefer long calls given at a steady rate, which cost the male more energy.
Methods
    We recorded calls at six ponds with fixed microphones from May to July each year [4].
"""


def test_indented_first_lines_open_paragraphs_even_after_a_full_line(tmp_path):
    # Every paragraph but the last ends with a full-width line: only the indent marks the start.
    doc = load(_write(tmp_path, "frogs.txt", INDENTED))
    intro = [b for b in doc.blocks if b.kind == "paragraph" and b.section == ("Introduction",)]
    assert [b.refs for b in intro] == [(1,), (2, 3), ()]
    assert {b.page for b in doc.blocks} == {1}
    assert [b.text for b in doc.blocks if b.kind == "heading"][-2:] == ["Introduction", "Methods"]


def test_indented_paragraphs_and_form_feed_pages_together(tmp_path):
    text = INDENTED.replace("[2, 3].\n", "[2, 3].\n\fNight Songs of Tree Frogs   2\n\n")
    doc = load(_write(tmp_path, "frogs.txt", text + "\fNight Songs of Tree Frogs   3\n\n    The end.\n"))
    intro = [b for b in doc.blocks if b.kind == "paragraph" and b.section == ("Introduction",)]
    assert [(b.refs, b.page) for b in intro] == [((1,), 1), ((2, 3), 1), ((), 2)]
    assert "Frogs 2" not in doc.text and "Frogs   2" not in doc.text


def test_an_indent_that_falls_mid_sentence_is_a_page_start(tmp_path):
    # The bundled review's extraction indents each page's first line; a page break falls
    # anywhere in a sentence, so these indents are pages, and the sentence runs on.
    filler = "\n".join(f"Line {chr(97 + k % 26)}{chr(97 + k // 26)} of the running text goes on at full width here and"
                       for k in range(40))
    text = ("Sand Dune Beetles\n\nIntroduction\nBeetles of the dunes drink fog that condenses on their backs,\n"
            + filler + "\n in the early morning they climb the crest of the dune to face the wind [1].\n"
            + filler + "\n and the water runs down grooves in the wing cases to the mouth [2].\n")
    path = _write(tmp_path, "beetles.txt", text)
    assert len(read_pages(path)) == 3
    para = next(b for b in load(path).blocks if "face the wind" in b.text)
    assert "full width here and in the early morning" in para.text and "grooves" in para.text


SPACED = """Salt Marsh Snails

Background
Snails climb grass stems ahead of the rising tide and come down when it falls, so that
they are never caught by the water or by the crabs and fish that hunt the flooded marsh.
The height they climb follows the height of the coming tide [1].

Table 2 Snail counts on four marshes
Marsh Country Snails per m2 Climbing height (cm) Tide range
Northern flats
Solway Scotland 85 ± 9 28 Macrotidal [2]
Tay Estuary Scotland 120 ± 14 35 Macrotidal [3]
Southern flats
Arcachon France 64 ± 11 22 Mesotidal [4]
Bay of Fundy Canada 40 ± 6 51 Macrotidal [5]
Kaipara Zealand 72 ± 8 30 Microtidal [6]
Note: mean ± SD over three summers

Discussion
Higher tides drive the snails higher up the stems, and marshes with the widest tide range
hold the fewest snails.
"""


def test_single_spaced_table_rows_cells_groups_and_refs(tmp_path):
    doc = load(_write(tmp_path, "snails.txt", SPACED))
    assert not doc.warnings
    (table,) = doc.tables
    assert table.columns == ("Marsh", "Country", "Snails per m2", "Climbing height (cm)", "Tide range")
    rows = {r.table.cells[0][1]: r for r in table.rows}
    assert list(rows) == ["Solway", "Tay Estuary", "Arcachon", "Bay of Fundy", "Kaipara"]
    # A number with its spread stays one cell; lower-case words continue a cell.
    assert rows["Tay Estuary"].table.cell_dict()["Snails per m2"] == "120 ± 14"
    assert rows["Bay of Fundy"].table.cell_dict()["Country"] == "Canada"
    assert rows["Solway"].table.group == "Northern flats" and rows["Arcachon"].table.group == "Southern flats"
    assert rows["Tay Estuary"].refs == (3,)
    assert table.note.startswith("Note: mean")


def test_a_row_with_more_capitals_than_columns_is_settled_by_its_columns(tmp_path):
    # "Tay Estuary Scotland" could be cut after "Tay" or after "Estuary"; another row holds
    # "Scotland" in the country column.
    doc = load(_write(tmp_path, "snails.txt", SPACED))
    row = next(r for r in doc.tables[0].rows if "Tay" in r.text)
    assert row.table.cell_dict()["Marsh"] == "Tay Estuary" and row.table.cell_dict()["Country"] == "Scotland"


def test_an_ambiguous_single_spaced_table_stays_text_with_a_warning(tmp_path):
    # Two capitalised words where the header has one column per word: nothing in the
    # document says which of two readings is right, so nothing is guessed.
    text = SPACED.replace("Kaipara Zealand", "Kaipara New Zealand")
    doc = load(_write(tmp_path, "snails.txt", text))
    assert not doc.tables
    assert doc.warnings and "Table 2" in doc.warnings[0] and "kept as text" in doc.warnings[0]
    assert "Kaipara New Zealand 72 ± 8" in doc.text and "Solway Scotland 85" in doc.text


def test_a_single_spaced_table_continued_over_a_page(tmp_path):
    text = SPACED.replace("Southern flats\n", "\fTable 2 Snail counts on four marshes (continued)\nSouthern flats\n")
    doc = load(_write(tmp_path, "snails.txt", text))
    (table,) = doc.tables
    assert len(table.rows) == 5 and {r.page for r in table.rows} == {1, 2}
    assert table.rows[-1].table.group == "Southern flats"


def test_a_single_spaced_table_without_a_note_ends_where_its_rows_stop(tmp_path):
    # No Note closes the table: it runs as far as its rows split into the header's columns
    # (over a blank line between its groups), and the text after it is running text again.
    text = SPACED.replace("Note: mean ± SD over three summers\n", "").replace("Southern flats\n", "\nSouthern flats\n")
    doc = load(_write(tmp_path, "snails.txt", text))
    assert not doc.warnings
    (table,) = doc.tables
    assert len(table.rows) == 5 and table.rows[-1].table.group == "Southern flats"
    disc = next(b for b in doc.blocks if b.kind == "heading" and b.text == "Discussion")
    para = next(b for b in doc.blocks if "Higher tides" in b.text)
    assert para.kind == "paragraph" and para.section == ("Discussion",) and disc.span.start < para.span.start


def test_two_line_running_heads_and_journal_page_numbers(tmp_path):
    # A running head of two lines (the second only reaches a page edge once the first is
    # gone) and the journal's own page numbers (position + 200, "Page 201" style and bare).
    pages = []
    for n, body in enumerate(BODY, start=1):
        head = "" if n == 1 else "Ward et al. Wetland Studies (2020) 14:201-206\nhttp://www.wetland-studies.org/14/201\n\n"
        foot = f"\n\nPage {200 + n}" if n % 2 else f"\n\n{200 + n}"
        pages.append(("Beaver Dams and Valley Water\n\n" if n == 1 else head) + body + foot)
    doc = load(_write(tmp_path, "beavers.txt", "\f".join(pages)))
    assert "wetland-studies.org" not in doc.text and "Ward et al" not in doc.text
    assert "Page 20" not in doc.text and not [b for b in doc.blocks if b.text.strip().isdigit()]
    assert any("otherwise be carried downstream during floods [1]." in b.text for b in doc.blocks)


def test_a_number_at_a_page_edge_that_is_no_page_number_stays():
    # Edge numbers that do not follow the pages (a count ending a list on one page, a year on
    # another) are content.
    pages = ["Counts by year\n1998", "Second page text.\n42", "Third page text.\nand more\n7"]
    assert drop_running_lines(pages) == pages


def test_a_licence_footer_on_the_first_page_is_dropped(tmp_path):
    pages = ["Beaver Dams and Valley Water\n\n" + BODY[0] + "\n\n© 2020 Ward et al. This is an open access article "
             "distributed under\nthe terms of the Creative Commons Attribution License.\n", BODY[1], BODY[2]]
    doc = load(_write(tmp_path, "beavers.txt", "\f".join(pages)))
    assert "Creative Commons" not in doc.text and "©" not in doc.text
    assert any("otherwise be carried downstream during floods [1]." in b.text for b in doc.blocks)


def test_a_file_with_one_paragraph_per_line_keeps_its_title_and_headings_apart(tmp_path):
    # Half the lines are short (title, headings): running text is the longer lines, so the
    # title and the first heading are not glued onto the first sentence.
    text = ("Cold plasma for hard-to-heal venous leg ulcers\n\nAbstract\n\n"
            "Cold plasma was added to compression in 126 patients with venous leg ulcers [1]. Ulcers closed more often.\n\n"
            "Background\n\n"
            "Venous leg ulcers affect one in a hundred adults and often fail to heal under compression alone [2].\n\n"
            "Mechanisms\n\n"
            "Plasma releases nitric oxide, which kills bacteria and stimulates angiogenesis in the wound bed [3].\n")
    doc = load(_write(tmp_path, "cap.txt", text))
    paras = [b for b in doc.blocks if b.kind == "paragraph"]
    assert paras[0].text.startswith("Cold plasma was added")
    assert paras[0].section[-1] == "Abstract"
    assert [b.text for b in doc.blocks if b.kind == "heading"][-3:] == ["Abstract", "Background", "Mechanisms"]


def test_wrapped_text_keeps_the_median_width():
    # Ragged wrapped lines (one paragraph, no long lines) are measured against their median:
    # a wider yardstick would take sentence-ending lines for paragraph ends.
    import random
    import textwrap
    from statistics import median

    from qa.ingest import paragraphs
    from qa.ingest.layout import Line

    words = ("the cells were cultured in medium and exosomes were isolated by ultracentrifugation from "
             "conditioned supernatant then characterised by electron microscopy").split()
    rng = random.Random(2)
    split = 0
    for _ in range(30):
        text = " ".join(" ".join(rng.choice(words) for _ in range(rng.randint(6, 18))).capitalize() + "."
                        for _ in range(8))
        lines = [Line(t, 1, i, False, False, 0) for i, t in enumerate(textwrap.wrap(text, 45))]
        for i in range(len(lines)):
            assert paragraphs._local_width(lines, i) == median(
                len(ln.text) for ln in lines[max(0, i - 12):i + 13])
        split += len([u for u in paragraphs.segment(lines) if u.kind == "paragraph"]) - 1
    assert split <= 7
