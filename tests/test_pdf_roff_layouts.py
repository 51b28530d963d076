"""Layouts a troff typesetter (groff with the ms macros and tbl) prints: a title block whose
last line ends inside the column gutter, section numbers set a wide space before their titles
(in bold, with the subsection titles in italics, at the body size), a table in the left column
whose reference cells reach into the gutter, and a P value printed once per subgroup, in the
middle of the subgroup's rows."""

from qa.ingest import load
from pdfgen import COLUMN_TEXT as TEXT, LEFT, RIGHT, PageSpec, make_pdf, width

SIZE = 9.6
LEAD = 12.2
OTHER = [  # the right column's running text (13 lines)
    "Zinc is bound by metallothioneins in the",
    "cytoplasm of most animal cells, and the",
    "amount of these small proteins rises when",
    "the cell takes up more zinc than it needs.",
    "Bacteria have no metallothioneins of the",
    "same kind and rely on efflux pumps of the",
    "cation diffusion facilitator family, which",
    "move zinc out of the cytoplasm in exchange",
    "for protons. Mutants lacking the pumps die",
    "in media with zinc at micromolar levels,",
    "and their growth is restored when the pump",
    "genes are put back on a plasmid. These",
    "findings were confirmed in two species [2].",
]


def _title_page() -> PageSpec:
    p = PageSpec()
    p.text(LEFT, 40, "Metal resistance in soil bacteria: a study of efflux", size=14, bold=True)
    abstract = ["Background: soil bacteria resist toxic metals in several ways, and how they share the",
                "work between efflux pumps and storage proteins is not known. We compared copper and",
                "zinc resistance in forty isolates from farm soil and grassland soil of one region."]
    y = p.lines(LEFT, 80, abstract, size=SIZE, leading=LEAD)
    # A short last line of the block, set to end inside the gutter between the columns below.
    last = "Keywords: copper, zinc, efflux, metallothionein, soil isolates"
    p.text(RIGHT - 2 - width(last, SIZE), y, last, SIZE)
    p.lines(LEFT, y + 30, TEXT, size=SIZE, leading=LEAD)
    p.lines(RIGHT, y + 30, OTHER, size=SIZE, leading=LEAD)
    return p


def test_a_line_ending_inside_the_gutter_leaves_the_columns_apart(tmp_path):
    path = tmp_path / "title.pdf"
    path.write_bytes(make_pdf([_title_page()]))
    text = " ".join(load(path).text.split())
    # Each column read down, not line by line across the page.
    assert "Copper is an essential trace element for all bacteria, but at high doses it damages the" in text
    assert "Zinc is bound by metallothioneins in the cytoplasm of most animal cells" in text


def _numbered(p: PageSpec, x: float, y: float, number: str, title: str, face) -> None:
    # The number in bold, the title two ens on (wider than a word space): two segments of one line.
    p.text(x, y, number, SIZE, bold=True)
    p.text(x + width(number, SIZE) + SIZE, y, title, SIZE, bold=face)


def _sections_page() -> PageSpec:
    p = PageSpec()
    _numbered(p, LEFT, 60, "2", "Methods", True)
    _numbered(p, LEFT, 60 + 1.6 * LEAD, "2.1", "Isolates and growth media", "italic")
    y = p.lines(LEFT, 60 + 2.6 * LEAD, TEXT[:6], size=SIZE, leading=LEAD)
    _numbered(p, LEFT, y + 0.6 * LEAD, "2.2", "Metal tolerance assays", "italic")
    p.lines(LEFT, y + 1.6 * LEAD, TEXT[6:], size=SIZE, leading=LEAD)
    p.lines(RIGHT, 60, OTHER, size=SIZE, leading=LEAD)
    return p


def test_section_numbers_set_apart_from_their_titles_open_headings(tmp_path):
    path = tmp_path / "sections.pdf"
    path.write_bytes(make_pdf([_sections_page()]))
    heads = [b.text for b in load(path).blocks if b.kind == "heading"]
    assert heads == ["2 Methods", "2.1 Isolates and growth media", "2.2 Metal tolerance assays"]


def test_a_list_items_plain_number_before_its_hanging_text_keeps_the_item_whole(tmp_path):
    # "1." in the regular face, the item's lines set in from it: no section number.
    items = [["Patients were enrolled at three sites and", "followed for two years after surgery;"],
             ["Controls were matched by age and sex and", "seen at the same visits as patients."]]
    p = PageSpec()
    y = p.lines(LEFT, 60, TEXT[:4], size=SIZE, leading=LEAD)
    for k, lines in enumerate(items):
        p.text(LEFT, y, f"{k + 1}.", SIZE)
        y = p.lines(LEFT + 20, y, lines, size=SIZE, leading=LEAD)
    p.lines(LEFT, y + 6, TEXT[4:], size=SIZE, leading=LEAD)
    p.lines(RIGHT, 60, OTHER, size=SIZE, leading=LEAD)
    path = tmp_path / "items.pdf"
    path.write_bytes(make_pdf([p]))
    blocks = [" ".join(b.text.split()) for b in load(path).blocks]
    assert any("Patients were enrolled at three sites and followed for two years after surgery" in b for b in blocks)


def test_numbered_labels_of_a_figure_are_no_headings(tmp_path):
    # A figure drawn in the column: panel labels set like a subsection heading (a bold number,
    # an italic name a wide space on), side by side, over the figure's caption.
    p = PageSpec()
    y = p.lines(LEFT, 60, TEXT[:6], size=SIZE, leading=LEAD)
    for k, label in enumerate(["Wild type", "Mutant"]):
        _numbered(p, LEFT + 30 + 110 * k, y + 20, str(k + 1), label, "italic")
    p.text(LEFT, y + 90, "Fig. 1 Growth of the two strains with copper", 8)
    p.lines(LEFT, y + 110, TEXT[6:], size=SIZE, leading=LEAD)
    p.lines(RIGHT, 60, OTHER, size=SIZE, leading=LEAD)
    path = tmp_path / "panels.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    assert not [b.text for b in doc.blocks if b.kind == "heading"]
    # (A single label over the caption neither.)
    p = PageSpec()
    y = p.lines(LEFT, 60, TEXT[:6], size=SIZE, leading=LEAD)
    _numbered(p, LEFT + 30, y + 20, "1", "Wild type", "italic")
    p.text(LEFT, y + 34, "Fig. 1 Growth of the wild type with copper", 8)
    p.lines(LEFT, y + 60, TEXT[6:], size=SIZE, leading=LEAD)
    p.lines(RIGHT, 60, OTHER, size=SIZE, leading=LEAD)
    path.write_bytes(make_pdf([p]))
    assert not [b.text for b in load(path).blocks if b.kind == "heading"]


ROWS = [(["Minimum inhibitory", "concentration"], ["Broth dilution in 96-well", "plates"], "[3]"),
        (["Efflux activity"], ["Loss of a fluorescent dye"], "[4, 5]"),
        (["Storage proteins"], ["Western blot of cell lysates"], "[6]"),
        (["Membrane damage"], ["Uptake of a nucleic-acid", "stain"], "[7, 8]")]


def _left_table_page() -> PageSpec:
    # A table in the left column: its last column's references end in the gutter, a few points
    # short of where the right column's lines start.
    p = PageSpec()
    x1 = RIGHT - 4  # where "[4, 5]" ends
    ref_x = x1 - width("[4, 5]", 8)
    p.text(LEFT, 60, "Table 1. Assays of metal resistance", size=8.5, bold=True)
    p.rule(LEFT, ref_x + 20, 72)
    for x, h in zip([LEFT, 150, ref_x], ["Measure", "Method", "Ref."]):
        p.text(x, 75, h, 8, bold=True)
    p.rule(LEFT, ref_x + 20, 87)
    y = 90
    for measure, method, ref in ROWS:
        p.text(ref_x, y, ref, 8)
        for k in range(max(len(measure), len(method))):
            if k < len(measure):
                p.text(LEFT, y, measure[k], 8)
            if k < len(method):
                p.text(150, y, method[k], 8)
            y += 10
        y += 3
    p.rule(LEFT, ref_x + 20, y + 1)
    p.lines(LEFT, y + 14, TEXT, size=SIZE, leading=LEAD)
    p.lines(RIGHT, 60, OTHER + TEXT[:8], size=SIZE, leading=LEAD)
    return p


def test_a_left_column_table_reaching_into_the_gutter_keeps_its_cells(tmp_path):
    path = tmp_path / "left_table.pdf"
    path.write_bytes(make_pdf([_left_table_page()]))
    doc = load(path)
    (t,) = doc.tables
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == [(" ".join(m), " ".join(w), ref) for m, w, ref in ROWS]
    assert "Zinc is bound by metallothioneins in the cytoplasm" in " ".join(doc.text.split())


SUBGROUPS = [("Soil", [("Farm", "21", "3.1 (1.2-5.0)"), ("Grassland", "19", "2.2 (0.4-4.0)")], "0.41"),
             ("Depth", [("0-10 cm", "14", "3.5 (1.1-5.9)"), ("10-20 cm", "13", "2.6 (0.3-4.9)"),
                        ("20-30 cm", "13", "1.9 (-0.6-4.4)")], "0.22"),
             ("Season", [("Spring", "22", "2.9 (1.0-4.8)"), ("Autumn", "18", "2.4 (0.3-4.5)")], "0.70")]
COLS = [50, 200, 260, 400]


def test_a_left_column_table_stops_at_the_right_columns_hanging_numbers(tmp_path):
    # The right column is a reference list: each number at the column's edge, its text (most
    # of the column's lines) set in from it. The numbers are the column's, not the table's.
    p = PageSpec()
    p.text(LEFT, 60, "Table 1. Assays of metal resistance", size=8.5, bold=True)
    p.rule(LEFT, 240, 72)
    for x, h in zip([LEFT, 150], ["Measure", "Method"]):
        p.text(x, 75, h, 8, bold=True)
    p.rule(LEFT, 240, 87)
    rows = [("Minimum inhibitory", "Broth dilution"), ("Efflux activity", "Dye loss"), ("Storage proteins", "Western blot"),
            ("Membrane damage", "Dye uptake"), ("Growth rate", "Optical density"), ("Survival", "Colony counts")]
    y = 90
    for a, b in rows:
        p.text(LEFT, y, a, 8)
        p.text(150, y, b, 8)
        y += 12.2
    p.rule(LEFT, 240, y + 1)
    p.lines(LEFT, y + 14, TEXT, size=SIZE, leading=LEAD)
    p.text(RIGHT, 75, "References", SIZE, bold=True)
    yy = 90
    for k in range(5):
        p.text(RIGHT, yy, f"{k + 11}.", SIZE)
        yy = p.lines(RIGHT + 24, yy, [f"Author{k} A, Writer B. Copper and zinc in soil", f"bacteria, part {k}. J Soil Microbiol. 2019;{k}:1-9."],
                     size=SIZE, leading=LEAD)
    path = tmp_path / "refs_beside.pdf"
    path.write_bytes(make_pdf([p]))
    doc = load(path)
    (t,) = doc.tables
    assert t.columns == ("Measure", "Method")
    assert [tuple(v for _, v in r.table.cells) for r in t.rows] == rows
    assert len(doc.references) == 5


def _grouped_table(caption: str, headers: list[str], groups, placed=None) -> PageSpec:
    """A table of labelled groups of rows, its cells at COLS; placed(k, n): the row of a group
    of n rows on which the last column's value is printed (None: on each row, where given)."""
    p = PageSpec()
    p.text(COLS[0], 60, caption, size=8.5, bold=True)
    p.rule(COLS[0], 560, 72)
    for x, h in zip(COLS, headers):
        p.text(x, 75, h, 8, bold=True)
    p.rule(COLS[0], 560, 87)
    y = 90
    for label, rows in groups:
        p.text(COLS[0], y, label, 8, bold=True)
        y += 10
        for k, row in enumerate(rows):
            p.text(COLS[0] + 8, y, row[0], 8)
            for j, (x, v) in enumerate(zip(COLS[1:], row[1:])):
                last = j == len(row) - 2
                if v and (placed is None or not last or placed(k, len(rows))):
                    p.text(x, y, v, 8)
            y += 10
    p.rule(COLS[0], 560, y + 1)
    p.lines(LEFT, y + 20, TEXT[:8], size=SIZE, leading=LEAD)
    return p


def _subgroups_page() -> PageSpec:
    # The P value is printed once, at the middle of its subgroup's rows (a cell merged down them).
    return _grouped_table("Table 2. Difference in copper tolerance by subgroup",
                          ["Subgroup", "n", "Difference (95% CI)", "P for interaction"],
                          [(label, [row + (pv,) for row in rows]) for label, rows, pv in SUBGROUPS],
                          placed=lambda k, n: k == (n - 1) // 2)


def test_a_value_printed_once_per_subgroup_is_each_rows(tmp_path):
    path = tmp_path / "subgroups.pdf"
    path.write_bytes(make_pdf([_subgroups_page()]))
    (t,) = load(path).tables
    got = [(r.table.group, *(v for _, v in r.table.cells)) for r in t.rows]
    assert got == [(label, *row, pv) for label, rows, pv in SUBGROUPS for row in rows]


def test_a_value_on_a_groups_first_or_last_row_is_that_rows_own(tmp_path):
    # A reference category's blank beside the other category's hazard ratio, and a note on
    # each group's last row: cells of those rows, not values merged down the group.
    groups = [("Sex", [("Female", "210", "", ""), ("Male", "190", "1.4 (1.1-1.9)", "Pilot site")]),
              ("Smoking", [("Never", "250", "", ""), ("Former", "90", "", ""), ("Current", "150", "2.1 (1.5-2.9)", "Self-report")]),
              ("Diabetes", [("No", "320", "", ""), ("Yes", "80", "1.8 (1.2-2.6)", "HbA1c over 6.5%")])]
    p = _grouped_table("Table 3. Hazard of infection by patient group", ["Group", "n", "HR (95% CI)", "Notes"], groups)
    path = tmp_path / "reference_rows.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = load(path).tables
    assert [(r.table.group, *(v for _, v in r.table.cells)) for r in t.rows] == \
        [(label, *row) for label, rows in groups for row in rows]


def test_a_per_subgroup_statistic_set_at_the_top_of_its_merged_cell_is_each_rows(tmp_path):
    # Typesetters that top-align a cell merged down rows print the P for interaction on the
    # group's first row; the header says it is the whole subgroup's.
    p = _grouped_table("Table 2. Difference in copper tolerance by subgroup",
                       ["Subgroup", "n", "Difference (95% CI)", "P for interaction"],
                       [(label, [row + (pv,) for row in rows]) for label, rows, pv in SUBGROUPS],
                       placed=lambda k, n: k == 0)
    path = tmp_path / "subgroups_top.pdf"
    path.write_bytes(make_pdf([p]))
    (t,) = load(path).tables
    got = [(r.table.group, *(v for _, v in r.table.cells)) for r in t.rows]
    assert got == [(label, *row, pv) for label, rows, pv in SUBGROUPS for row in rows]


def test_a_rows_own_statistic_is_not_filled_into_its_groups_other_rows(tmp_path):
    # "Heterogeneity I2 (%)" is blank where a stratum has one study, and an "Annual trend" is
    # each row's own: neither header names a test of the whole subgroup.
    hetero = [("Region", [("Europe", "5", "0.61 (0.4-0.9)", "42"), ("Asia", "1", "0.80 (0.5-1.3)", "")]),
              ("Dose", [("Low", "1", "0.90 (0.6-1.4)", ""), ("High", "4", "0.55 (0.3-0.9)", "37")])]
    trend = [("Men", [("Under 50", "12.1", "", "+2.1"), ("50 or over", "30.4", "", "")]),
             ("Women", [("Under 50", "9.8", "", ""), ("50 or over", "25.0", "", "-0.4")])]
    for name, groups, headers in (("hetero", hetero, ["Stratum", "Studies", "RR (95% CI)", "Heterogeneity I2 (%)"]),
                                  ("trend", trend, ["Group", "Rate", "Cases", "Annual trend (%)"])):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(make_pdf([_grouped_table("Table 2. Rates by stratum", headers, groups)]))
        (t,) = load(path).tables
        assert [r.table.cells[-1][1] for r in t.rows] == [row[-1] for _, rows in groups for row in rows]
