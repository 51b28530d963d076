"""Layout-aware PDF reading on a two-column article the test lays out itself: running header
and page numbers, a licence line, a caption mid-column, an unruled table in one column, a
ruled full-width table with a group label continued on the next page, and a reference list."""

from pathlib import Path

import pytest

from qa.ingest import load
from pdfgen import LEFT as L, RIGHT as R, PageSpec, make_pdf

BODY = [
    "Copper is an essential trace element for",
    "all bacteria, but at high doses it damages",
    "membranes and proteins. Soil bacteria",
    "resist it with efflux pumps, chaperones",
    "and storage proteins [1].",
]


def article() -> bytes:
    pages = []
    for n in (1, 2):
        p = PageSpec()
        p.text(L, 30, "Journal of Synthetic Tests 2026, 4:12", size=8)
        p.text(500, 30, f"Page {n} of 2", size=8)
        pages.append(p)
    p1, p2 = pages
    y = p1.lines(L, 70, ["Introduction"], size=11, bold=True)
    y = p1.lines(L, y + 4, BODY)
    y = p1.lines(L, y + 10, ["Figure 1 Colonies grown on copper plates."], size=8)
    y = p1.lines(L, y + 10, [
        "The cus system exports copper ions from",
        "the periplasm of Gram-negative bacteria",
        "and protects them when copper levels in",
    ])
    # The sentence runs on at the top of the right column.
    y = p1.lines(R, 70, [
        "the soil rise after fertiliser is spread",
        "on the fields [2].",
    ])
    y = p1.lines(R, y + 10, ["Table 1 Growth of the isolates in two media"], size=8, bold=True)
    for row in (("Medium", "Cells per well", "Doubling"), ("DMEM", "12,000", "31 h"), ("RPMI", "9,500", "36 h"),
                ("LB broth", "40,100", "22 h")):
        for x, cell in zip((R, R + 80, R + 170), row):
            p1.text(x, y + 4, cell, size=8, bold=row[0] == "Medium")
        y += 11
    y = p1.lines(R, y + 12, [
        "Growth was fastest in the rich broth and",
        "slowest in the defined medium, as one",
        "would expect from their composition.",
    ])
    p1.text(L, 715, "* Correspondence: lab@example.org", size=7)
    p1.text(L, 740, "© 2026 The Authors. This article is distributed under the Creative Commons", size=7)
    p1.text(L, 749, "Attribution License, which permits use in any medium.", size=7)

    # Page 2: a ruled full-width table, its rows grouped, then text and the references.
    p2.text(L, 60, "Table 2 Copper tolerance of the isolates by soil type", size=8, bold=True)
    p2.rule(L, 560, 74)
    cols = (L, L + 120, L + 260, L + 400)
    for x, h in zip(cols, ("Isolate", "Soil", "Tolerance (mM)", "Pump")):
        p2.text(x, 78, h, size=8)
    p2.rule(L, 560, 90)
    y = 94
    rows = [("Acidic soils", None, None, None), ("P. putida A1", "peat", "2.5", "cusA"),
            ("B. subtilis A2", "peat", "1.0", "copA"), ("Alkaline soils", None, None, None),
            ("P. putida B1", "chalk", "4.0", "cusA")]
    for row in rows:
        for x, cell in zip(cols, row):
            if cell:
                p2.text(x, y, cell, size=8, bold=row[1] is None)
        y += 11
    p2.rule(L, 560, y + 2)
    y = p2.lines(L, y + 20, ["Discussion"], size=11, bold=True)
    y = p2.lines(L, y + 4, [
        "Isolates from chalk tolerated the most",
        "copper, which fits the lower availability",
        "of copper at high pH [2].",
    ])
    p2.lines(R, y - 36 - 16, ["References"], size=11, bold=True)
    p2.lines(R, y - 36, [
        "1. Rensing C, Grass G: Escherichia coli",
        "mechanisms of copper homeostasis. FEMS",
        "Microbiol Rev 2003, 27:197-213.",
        "2. Doe J, Roe R: Copper in soils. Soil Biol",
        "Biochem 2010, 42(3):5-16. doi:10.1000/xyz123",
    ], size=8, leading=10)
    return make_pdf(pages)


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "synthetic-article.pdf"
    path.write_bytes(article())
    return load(path)


def test_running_lines_page_numbers_and_licence_are_dropped(doc):
    for leak in ("Journal of Synthetic Tests", "Page 1 of 2", "Creative Commons", "© 2026"):
        assert leak not in doc.text


def test_reading_order_joins_a_sentence_across_columns_around_a_caption_and_a_footnote(doc):
    para = next(b for b in doc.blocks if b.kind == "paragraph" and "cus system" in b.text)
    assert "when copper levels in the soil rise after fertiliser is spread on the fields [2]." in para.text
    assert para.refs == (2,) and para.section == ("Introduction",)
    assert any(b.kind == "paragraph" and b.text == "* Correspondence: lab@example.org" for b in doc.blocks)
    cap = next(b for b in doc.blocks if b.kind == "caption")
    assert cap.text == "Figure 1 Colonies grown on copper plates."


def test_unruled_table_in_one_column(doc):
    t = next(t for t in doc.tables if t.number == 1)
    assert t.title == "Growth of the isolates in two media"
    assert t.columns == ("Medium", "Cells per well", "Doubling")
    assert [r.table.cell_dict() for r in t.rows] == [
        {"Medium": "DMEM", "Cells per well": "12,000", "Doubling": "31 h"},
        {"Medium": "RPMI", "Cells per well": "9,500", "Doubling": "36 h"},
        {"Medium": "LB broth", "Cells per well": "40,100", "Doubling": "22 h"},
    ]
    # The text after the table is a paragraph of its own, not table rows.
    assert any(b.kind == "paragraph" and b.text.startswith("Growth was fastest") for b in doc.blocks)


def test_ruled_full_width_table_with_group_labels(doc):
    t = next(t for t in doc.tables if t.number == 2)
    assert t.columns == ("Isolate", "Soil", "Tolerance (mM)", "Pump")
    rows = [(r.table.group, list(r.table.cell_dict().values())) for r in t.rows]
    assert rows == [
        ("Acidic soils", ["P. putida A1", "peat", "2.5", "cusA"]),
        ("Acidic soils", ["B. subtilis A2", "peat", "1.0", "copA"]),
        ("Alkaline soils", ["P. putida B1", "chalk", "4.0", "cusA"]),
    ]


def test_headings_and_reference_list(doc):
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert heads == ["Introduction", "Discussion", "References"]  # the list's heading is a heading too
    r1, r2 = doc.references
    assert (r1.n, r1.authors, r1.year, r1.volume, r1.pages) == (1, ("Rensing C", "Grass G"), "2003", "27", "197-213")
    assert r1.title == "Escherichia coli mechanisms of copper homeostasis"
    assert (r2.n, r2.doi, r2.volume) == (2, "10.1000/xyz123", "42")
    assert "Rensing" not in doc.text  # the list is the references, not running text


EXTRA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-extra"


@pytest.mark.skipif(not (EXTRA / "agyeman-duah-2014.pdf").exists(), reason="../shared/corpus-extra not present")
def test_real_two_column_article_keeps_both_tables():
    d = load(EXTRA / "agyeman-duah-2014.pdf")
    assert [t.number for t in d.tables] == [1, 2]
    assert len(d.references) == 31


def test_layout_failure_falls_back_to_plain_text_with_a_warning(tmp_path, monkeypatch):
    from qa.ingest import pdf_layout

    path = tmp_path / "fallback.pdf"
    path.write_bytes(article())

    def broken(*a, **k):
        raise IndexError("unforeseen layout")

    monkeypatch.setattr(pdf_layout, "drop_repeating", broken)
    d = load(path)
    assert "rich broth" in d.text and any("layout reading failed" in w for w in d.warnings)


def test_a_heading_as_wide_as_its_column_in_a_heading_style(tmp_path):
    # A bold line in a size of its own is a heading however much of the column it fills; the
    # same words in body type and size would be running text.
    p = PageSpec()
    y = p.lines(L, 70, ["Introduction"], size=11, bold=True)
    y = p.lines(L, y + 4, BODY)
    y = p.lines(L, y + 8, ["Study approach, sampling and analysis"], size=9, bold=True)
    y = p.lines(L, y + 4, ["A mixed design was used: interviews,", "records and observation [2]."])
    y = p.lines(L, y + 8, ["Document review and observations"], size=11, bold=True)
    p.lines(L, y + 4, ["Registers were read for a month.", "Each visit was logged [3]."])
    path = tmp_path / "wide.pdf"
    path.write_bytes(make_pdf([p]))
    heads = [b.text for b in load(path).blocks if b.kind == "heading"]
    assert heads == ["Introduction", "Study approach, sampling and analysis", "Document review and observations"]


def test_two_columns_resume_under_a_page_wide_continued_table(tmp_path):
    # Page 2 opens with the rest of a page-wide table and its Note; under it the left column
    # holds back matter (a heading, a glossary) and the reference list, the right column the
    # list's last entries, at the same heights as the left column's lines. Those lines are
    # the columns again, not rows of the table: entry 4 must start an entry of its own.
    cols = (L, L + 110, L + 230, L + 360, L + 480)
    head = ("Isolate", "Soil", "Medium", "Tolerance (mM)", "Ref")
    data = [("P. putida A%d" % i, "peat", "LB broth", "%d.5" % i, "[%d]" % (i % 3 + 1)) for i in range(1, 9)]

    def table(p, y, caption, rows):
        p.text(L, y, caption, size=8, bold=True)
        p.rule(L, 560, y + 12)
        for x, h in zip(cols, head):
            p.text(x, y + 16, h, size=7, bold=True)
        p.rule(L, 560, y + 27)
        y += 32
        for row in rows:
            for x, cell in zip(cols, row):
                p.text(x, y, cell, size=7)
            y += 13.5
        p.rule(L, 560, y)
        return y

    p1, p2 = PageSpec(), PageSpec()
    y = p1.lines(L, 60, ["Introduction"], size=11, bold=True)
    y = p1.lines(L, y + 4, BODY * 4, size=9.5, leading=11.5)
    p1.lines(R, 60, BODY * 4, size=9.5, leading=11.5)
    table(p1, 560, "Table 1 Copper tolerance of the isolates", data[:4])
    y = table(p2, 60, "Table 1 (continued)", data[4:])
    p2.text(L, y + 6, "LB, lysogeny broth; mM, millimolar. All isolates were grown at 30 C in the dark for two days "
            "before the tolerance test, in", size=6.8)
    p2.text(L, y + 14, "three replicates.", size=6.8)
    y += 34
    left = p2.lines(L, y, ["Abbreviations"], size=8.5, bold=True)
    left = p2.lines(L, left, [
        "LB: lysogeny broth; MIC: minimal inhibitory con-",
        "centration; PCR: polymerase chain reaction.",
    ], size=8.5, leading=10.5)
    left = p2.lines(L, left + 8, ["Funding"], size=8.5, bold=True)
    left = p2.lines(L, left, ["None."], size=8.5)
    left = p2.lines(L, left + 10, ["References"], size=11, bold=True)
    refs = [
        ["1. Rensing C, Grass G. Escherichia coli mechanisms of", "copper homeostasis. FEMS Microbiol Rev.",
         "2003;27:197-213. https://doi.org/10.5555/fmr.2003.27.197"],
        ["2. Doe J, Roe R. Copper in soils. Soil Biol Biochem.", "2010;42:5-16. https://doi.org/10.5555/sbb.2010.42.5"],
        ["3. Park S, Lee K. Efflux pumps of soil bacteria. J Soil", "Microbiol. 2015;8:11-19.",
         "https://doi.org/10.5555/jsm.2015.8.11"],
        ["4. Moreau L, Hale R. Copper chaperones: a review. Metal", "Biol Rev. 2018;3:40-52.",
         "https://doi.org/10.5555/mbr.2018.3.40"],
        ["5. Okoro UC, Bhatt N. Storage proteins for copper. Biochem", "Lett. 2020;14:454-62.",
         "https://doi.org/10.5555/bl.2020.14.454"],
    ]
    for entry in refs[:2] + [refs[2][:-1]]:
        left = p2.lines(L, left, entry[:1], size=7.5, leading=9.2)
        left = p2.lines(L + 13, left, entry[1:], size=7.5, leading=9.2)
    # Entry 3's last line and entry 4 start the right column beside "Abbreviations".
    right = y
    for entry in ([refs[2][-1]],) + tuple(refs[3:]):
        if entry[0][:1].isdigit():
            right = p2.lines(R - 13, right, entry[:1], size=7.5, leading=9.2)
            entry = entry[1:]
        right = p2.lines(R, right, entry, size=7.5, leading=9.2)
    p2.lines(R, right + 20, BODY * 3, size=9.5, leading=11.5)
    path = tmp_path / "refs-under-table.pdf"
    path.write_bytes(make_pdf([p1, p2]))
    d = load(path)
    t = next(t for t in d.tables if t.number == 1)
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == data
    assert [r.n for r in d.references] == [1, 2, 3, 4, 5]
    assert d.references[2].doi == "10.5555/jsm.2015.8.11" and d.references[3].title == "Copper chaperones: a review"
    assert "Abbreviations" in [b.text for b in d.blocks if b.kind == "heading"]
    assert "MIC: minimal inhibitory concentration" in d.text


def test_columns_found_under_a_page_wide_table_whose_cells_cross_the_middle(tmp_path):
    # Long cells of a page-wide table sit across the page's middle; the gutter between the
    # two columns of text under it must still be found from the running text, or the two
    # columns are read line by line across the page.
    p = PageSpec()
    p.text(L, 50, "Table 1 Trials of the drug in soil bacteria", size=8, bold=True)
    p.rule(L, 560, 62)
    cols = (L, L + 70, L + 190, L + 350)
    y = 66
    for x, h in zip(cols, ("Trial", "Population studied", "Regimen and duration", "Outcome")):
        p.text(x, y, h, size=7, bold=True)
    p.rule(L, 560, y + 11)
    y += 16
    for i in range(1, 13):
        row = (f"TRIAL-{i}", f"Isolates from soil {i}", f"{i} mM copper twice daily for {i} weeks", f"Growth {i}% lower")
        for x, cell in zip(cols, row):
            p.text(x, y, cell, size=7)
        y += 11
    p.rule(L, 560, y)
    left = ["Copper is an essential trace element for all", "bacteria, but at high doses it damages the",
            "membranes and proteins of the cell, and soil", "bacteria resist it with efflux pumps [1]."]
    right = ["The cus system exports copper ions from the", "periplasm of Gram-negative bacteria, which",
             "protects them when copper levels in the soil", "rise after fertiliser is spread [2]."]
    p.lines(L, y + 20, left * 3, size=9.5, leading=11.5)
    p.lines(R, y + 20, right * 3, size=9.5, leading=11.5)
    path = tmp_path / "wide-table.pdf"
    path.write_bytes(make_pdf([p]))
    d = load(path)
    assert len(next(t for t in d.tables if t.number == 1).rows) == 12
    assert "for all bacteria, but at high doses it damages the membranes" in d.text
    assert "from the periplasm of Gram-negative bacteria, which protects" in d.text


def test_a_first_page_masthead_with_its_page_counter_is_dropped(tmp_path):
    # The first page's header differs from the running header of the others, so it repeats
    # nowhere; its page counter ("1/2") still marks it as a running line.
    pages = [PageSpec(), PageSpec()]
    pages[0].text(330, 30, "J Synth Tests 4:e12 - DOI 10.5555/jst.4.12 - 1/2", size=7)
    pages[1].text(L, 30, "Doe et al. (2026), J Synth Tests", size=7)
    pages[1].text(540, 30, "2/2", size=7)
    for p in pages:
        y = p.lines(L, 70, ["Introduction"], size=11, bold=True)
        p.lines(L, y + 4, BODY)
    path = tmp_path / "masthead.pdf"
    path.write_bytes(make_pdf(pages))
    text = " ".join(b.text for b in load(path).blocks)
    assert "1/2" not in text and "DOI 10.5555" not in text and "Copper is an essential" in text


def test_a_byline_set_large_under_the_title_is_not_a_heading(tmp_path):
    # Authors with affiliation marks, set larger than the body like a heading: front matter.
    p = PageSpec()
    p.text(L, 60, "Copper tolerance of soil bacteria", size=16, bold=True)
    p.text(L, 84, "Ana Ruiz1, Søren Holm1,2 and Li Wei3*", size=12)
    p.text(L, 100, "1 Department of Soil Science, University of Northfield", size=8)
    y = p.lines(L, 130, ["Introduction"], size=11, bold=True)
    p.lines(L, y + 4, [BODY[k] + " " + BODY[k + 1] for k in (0, 2)] + [BODY[4]])  # a page-wide column
    path = tmp_path / "byline.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert heads == ["Copper tolerance of soil bacteria", "Introduction"]
    assert any(b.kind == "paragraph" and b.text.startswith("Ana Ruiz1, Søren Holm1,2") for b in doc.blocks)


def test_a_one_off_label_style_does_not_push_subsections_down(tmp_path):
    # "ABSTRACT" is set in a style of its own between the section style and the subsection
    # style; subsections must still be siblings under their section, not each under the last.
    p = PageSpec()
    y = p.lines(L, 60, ["ABSTRACT"], size=11, bold=True)
    y = p.lines(L, y + 4, BODY[:2])
    for name, subs in (("Introduction", []), ("Methods", ["Design", "Participants"]), ("Results", [])):
        y = p.lines(L, y + 10, [name], size=12, bold=True)
        y = p.lines(L, y + 4, BODY[2:5])
        for sub in subs:
            y = p.lines(L, y + 8, [sub], size=10.5, bold=True)
            y = p.lines(L, y + 4, BODY[:3])
    path = tmp_path / "levels.pdf"
    path.write_bytes(make_pdf([p]))
    secs = [b.section for b in load(path).blocks if b.kind == "heading"]
    assert ("Methods", "Design") in secs and ("Methods", "Participants") in secs and ("Results",) in secs


def test_section_numbers_give_the_depth_when_the_type_differs(tmp_path):
    # The first subsection of each section is set a little larger than its siblings (as a
    # typesetter may set a heading that follows another): by type alone 2.2 would nest under
    # 2.1; its number makes it 2.1's sibling.
    p = PageSpec()
    y = 60
    for name, subs in (("1 Introduction", []), ("2 Methods", ["2.1 Design", "2.2 Participants", "2.3 Outcomes"]),
                       ("3 Results", ["3.1 Recruitment", "3.2 Primary outcome"]), ("4 Discussion", [])):
        y = p.lines(L, y + 10, [name], size=12, bold=True)
        y = p.lines(L, y + 4, BODY[2:4])
        for i, sub in enumerate(subs):
            y = p.lines(L, y + 8, [sub], size=11 if i == 0 else 10.5, bold=True)
            y = p.lines(L, y + 4, BODY[:2])
    path = tmp_path / "numbered.pdf"
    path.write_bytes(make_pdf([p]))
    secs = [b.section for b in load(path).blocks if b.kind == "heading"]
    assert ("2 Methods", "2.2 Participants") in secs and ("2 Methods", "2.3 Outcomes") in secs
    assert ("3 Results", "3.2 Primary outcome") in secs and ("4 Discussion",) in secs


def test_a_caption_under_a_figures_own_words_is_a_caption(tmp_path):
    # The figure's box holds words of its own (a label, set in from the column); the caption
    # below it, in a smaller size, is a caption of its own, not the end of the label's paragraph.
    p = PageSpec()
    y = p.lines(L, 60, ["Results"], size=11, bold=True)
    y = p.lines(L, y + 4, BODY)
    y = p.lines(L + 80, y + 30, ["[figure: colony counts by plate]"], size=9)
    y = p.lines(L, y + 14, ["Fig. 1 Colonies grown on copper plates, counted", "after two days at 30 °C."], size=8.5)
    p.lines(L, y + 10, BODY[:2])
    path = tmp_path / "figure.pdf"
    path.write_bytes(make_pdf([p]))
    caps = [b.text for b in load(path).blocks if b.kind == "caption"]
    assert caps and caps[0].startswith("Fig. 1 Colonies grown on copper plates")
