"""PDF -> Document from the page layout: words with positions (pdfplumber), not a text dump.

1. Lines that repeat across pages in the top or bottom margin (running headers, footers,
   page numbers; digits do not count, so "3/16" and "4/16" repeat) and licence lines are
   dropped.
2. Each page's column gutter is found from the body-size text; reading order is band by
   band (full-width elements cut the page into bands), left column before right column.
3. A "Table N" caption opens a table region (its column, or the page width when the
   caption spans the gutter or the page has one column) that runs until body-size text
   resumes; cells are read from word positions (qa/ingest/pdf_tables.py).
4. Headings come from fonts (bold or larger than the body, short, alone on their line),
   paragraphs from line ends and indents, captions wherever a "Fig./Figure N" line opens a
   block, and a trailing "References" section becomes the reference list.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from qa.ingest.assemble import Piece, RowPiece, TablePiece, assemble
from qa.ingest.layout import CAPTION_RE, SENTENCE_END_RE, Line, Vocabulary, join_lines
from qa.ingest.pdf_columns import GAP_SLACK, split_joined_columns, widest_run
from qa.ingest.pdf_tables import NOTE_START_RE, group_values, read_table
from qa.ingest.pdf_words import ITALIC_RE, Page, PLine, Seg, body_font, body_size, line_up, mark_emphasis, read
from qa.ingest.reflist import _UPPER, REFERENCES_HEADING_RE, parse_entries, resolve_author_year
from qa.ingest.running import LICENCE_RE
from qa.sentences import ends_in_abbreviation
from qa.types import Document


def _next_entry(ref_lines: list[PLine], text: str) -> bool:
    """text opens the entry numbered after the last the list has read ("10. Chawla LS" after
    entry 9): the list goes on after a float set among it (a note's "1. Adjusted for age" does not)."""
    m = _ENTRY_NUMBER.match(text)
    # (An entry's number may be set apart on a line of its own: "9." | "Smith J ...".)
    last = next((int(n.group(1)) for pl in reversed(ref_lines) if (n := _ENTRY_NUMBER.match(pl.text))), None)
    return m is not None and last is not None and int(m.group(1)) == last + 1


# The number opening an entry, alone on its line or not ("9." | "Smith J", "10. Chawla LS"; not
# "1.73 m2"): reflist's entry pattern needs the entry's words after it.
_ENTRY_NUMBER = re.compile(r"^\[?(\d{1,4})[.\])](?!\d)")


TABLE_CAPTION_RE = re.compile(r"^Table\s+(\d+)\b[.:]?\s*(.*)$")
CONTINUED_RE = re.compile(r"\(?\b(?:continued|cont['’]?d)\b\.?\)?", re.I)
MARGIN = 0.09  # share of the page height at top and bottom where running lines live


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def drop_repeating(pages: list[Page]) -> int:
    """Remove running headers/footers/page numbers; returns how many segments went."""
    seen: dict[str, set[int]] = defaultdict(set)
    for p in pages:
        for s in p.segs:
            if s.top < MARGIN * p.height or s.bottom > (1 - MARGIN) * p.height:
                seen[_key(s.text)].add(p.number)
    need = max(2, int(0.3 * len(pages)))
    repeating = {k for k, v in seen.items() if len(v) >= need}
    dropped = 0
    for p in pages:
        running = []
        for s in p.segs:
            in_margin = s.top < MARGIN * p.height or s.bottom > (1 - MARGIN) * p.height
            k = _key(s.text)
            # A caption is never a running line, though it may open two pages alike
            # ("Table 2 (continued)").
            running.append(in_margin and not TABLE_CAPTION_RE.match(s.text) and (
                k in repeating or re.fullmatch(r"(?:page )?#(?: (?:of|/) #)?|#/#", k) is not None
                or _page_counter(s.text, p.number, len(pages))))
        kept = [s for s, r in zip(p.segs, running) if not r]
        keep = []
        for s, r in zip(p.segs, running):
            # ("Page 1 of 8" says what it is, beside the footer's text or not; a bare "3/8"
            # beside a table's cells may be one.)
            if r and (not _inside_page(s, kept, p.height) or re.fullmatch(rf"page\s+{p.number}\s+of\s+{len(pages)}", s.text.strip(), re.I)):
                dropped += 1
                continue
            keep.append(s)
        p.segs = keep
    return dropped


def _inside_page(s: Seg, kept: list[Seg], height: float) -> bool:
    """A margin segment that looks running (repeated, or a bare "15/87") but sits inside the
    page's own content: in the top margin below other text, in the bottom margin above it (a
    table's header cells under its caption, printed alike on two pages), or set right under
    (over) text at a line's distance (a table's last row). Running lines are the outermost
    lines of a page, set apart from its text."""
    top = s.top < MARGIN * height
    for x in kept:
        # Beside text on its own line, in its own type (a table's last row reaching into
        # the margin: "Cardiovascular | 6 | 7"), a bare number is a cell, not a page number.
        if abs(x.top - s.top) < 0.5 and abs(x.bottom - s.bottom) < 0.5 and abs(x.size - s.size) < 0.2:
            return True
        if top and x.bottom <= s.top + 0.5 or not top and x.top >= s.bottom - 0.5:
            return True
        near = (s.top - x.bottom) if not top else (x.top - s.bottom)
        if min(x.x1, s.x1) - max(x.x0, s.x0) > 0 and -0.5 <= near < 0.5 * s.size:
            return True
    return False


def _page_counter(text: str, page: int, pages: int) -> bool:
    """A margin line that ends in this page's counter ("... · 1/8", "Page 1 of 8") is a
    running line even where it is not repeated (a first page's own masthead)."""
    return re.search(rf"(?:^|\s)(?:page\s+)?{page}\s*(?:/|of)\s*{pages}$", text.strip(), re.I) is not None


TEXT_LINE_CHARS = 15  # a segment longer than this is a line of text (not a page number or a label)


def gutter(p: Page, size: float) -> float | None:
    """x of the gap between two columns of text, or None for a one-column page.

    The gap is where the fewest text segments cross the middle of the page; full-width
    elements (a title, an abstract, a wide table, a footnote) may cross it, as long as most
    text sits wholly on one side or the other, and both sides hold a fair share. When the
    page's text as a whole shows no gap (a page-wide table over half of it, its cells
    crossing the middle), the gap is looked for in the running text alone."""
    g = _gap([s for s in p.segs if len(s.text) > TEXT_LINE_CHARS], p.width)
    if g is None:
        g = _gap([s for s in p.segs if len(s.text) > TEXT_LINE_CHARS and abs(s.size - size) <= 1.0], p.width)
    if g is None:
        # A page-wide table set a point smaller than the text, with a cell crossing the
        # middle, and page-wide notes under it: the running text in the body size alone.
        g = _gap([s for s in p.segs if len(s.text) > TEXT_LINE_CHARS and abs(s.size - size) <= 0.3], p.width)
    return g


def _usual_gutter(found: list[float | None]) -> float | None:
    """The gutter most of a document's two-column pages share (within 2 pt), when two or
    more do."""
    gs = sorted(g for g in found if g is not None)
    best = max((sum(1 for h in gs if abs(h - g) <= 2) for g in gs), default=0)
    if best < 2:
        return None
    return next(g for g in gs if sum(1 for h in gs if abs(h - g) <= 2) == best)


def _column_starts(pages: list[Page], found: list[float | None], usual: float) -> tuple[float, float] | None:
    """Where the document's two columns start (the commonest left edge of the lines on each
    side of its usual gutter)."""
    left: Counter[int] = Counter()
    right: Counter[int] = Counter()
    for p, g in zip(pages, found):
        if g is None or abs(g - usual) > 2:
            continue
        for s in p.segs:
            if len(s.text) > TEXT_LINE_CHARS:
                (left if s.x1 <= g + 2 else right if s.x0 >= g - 2 else Counter())[round(s.x0)] += 1
    if not left or not right:
        return None
    return float(left.most_common(1)[0][0]), float(right.most_common(1)[0][0])


def _clear_at(p: Page, g: float, starts: tuple[float, float]) -> bool:
    """The page's text leaves the document's usual gutter clear and is set in its columns: hardly
    a line crosses the gutter, and on each side a third of the lines or more fill the column from
    where the document's columns start (a page whose second column holds only a few lines has too
    little there to show a gap of its own; a figure page's short panel legends fill no column)."""
    body = [s for s in p.segs if len(s.text) > TEXT_LINE_CHARS]
    crossing = sum(1 for s in body if s.x0 < g - 2 and s.x1 > g + 2)
    left = [s for s in body if s.x1 <= g + 2]
    right = [s for s in body if s.x0 >= g - 2]

    measure = g - starts[0]  # a column's width

    def in_column(side: list[Seg], x: float) -> bool:
        # Lines filling the column from where it starts (a hanging indent allowed), not short
        # legends set somewhere in it.
        full = [s for s in side if x - 2 <= s.x0 <= x + 0.25 * measure and s.x1 - s.x0 >= 0.6 * measure]
        return len(side) >= 3 and len(full) >= len(side) / 3

    return len(body) >= 6 and crossing <= 0.1 * len(body) and in_column(left, starts[0]) and in_column(right, starts[1])


def _gap(body: list[Seg], width: float) -> float | None:
    if len(body) < 6:
        return None
    lo, hi = int(0.3 * width), int(0.7 * width)
    cov = [0] * (hi - lo)
    for s in body:
        for x in range(max(lo, int(s.x0)), min(hi, int(s.x1) + 1)):
            cov[x - lo] += 1
    least = min(cov)
    if least > 0.45 * len(body):
        return None
    # The gap runs where the fewest segments cross; failing that, where about the fewest do, a
    # line or two ending inside it (a short last line of a block set across both columns), when
    # the lines either side fill their columns (a figure's short legends either side of a
    # caption across the page are no columns).
    for near in (least, least + max(1, int(GAP_SLACK * len(body)))):
        best = widest_run(cov, near)
        if best is None or best[1] < 5:
            continue
        g = lo + best[0] + best[1] / 2
        left = [s for s in body if s.x1 <= g]
        right = [s for s in body if s.x0 >= g]
        if len(left) >= 0.2 * len(body) and len(right) >= 0.2 * len(body) and (
                near == least or _fills(left, g - min(s.x0 for s in left)) and _fills(right, max(s.x1 for s in right) - g)):
            return g
    return None


def _fills(side: list[Seg], measure: float) -> bool:
    """A third of the lines or more fill most of their column's measure."""
    return len(side) >= 3 and sum(1 for s in side if s.x1 - s.x0 >= 0.6 * measure) >= len(side) / 3


def _licence_blocks(lines: list[PLine]) -> None:
    """Mark a licence statement and the lines that continue it (its block) as dropped."""
    i = 0
    while i < len(lines):
        if not LICENCE_RE.search(lines[i].text):
            i += 1
            continue
        j = i
        while j < len(lines):
            lines[j].dropped = True
            nxt = lines[j + 1] if j + 1 < len(lines) else None
            # The block ends where the next line is elsewhere (another column or page, after
            # a gap, in another size).
            if (nxt is None or nxt.page != lines[j].page or nxt.top < lines[j].top
                    or nxt.top - lines[j].bottom > 0.8 * lines[j].size or abs(nxt.size - lines[j].size) > 0.3):
                break
            j += 1
        i = j + 1


@dataclass
class _TableRegion:
    """A table's segments cut out of a page's flow, to be read as a table."""
    number: int
    title: str  # the caption's words after "Table N"
    continued: bool
    segs: list[Seg]
    caption: Seg | None  # None: the table going on under its header repeated on the next page
    page: int = 0
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    vrules: list[tuple[float, float, float]] = field(default_factory=list)
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)

    @property
    def anchor(self) -> Seg:
        """Where the table sits in the reading order."""
        return self.caption or self.segs[0]


MIN_COLUMNS = 3  # a line of this many cells or more lines up a table's columns (two: a page's text columns)
FOOT_SHARE = 0.25  # a table ending in this share of its page's height runs to the page's foot


class _LastTable:
    """The last table read so far, for its continuation on the next page: a word processor
    repeats the header rows there and prints no "(continued)" caption."""

    def __init__(self) -> None:
        self.number: int | None = None
        self.page = -1
        self.header = ""  # its header line (the first line of several cells)
        self.above: set[str] = set()  # one-run lines set above that line (a spanning header's first line)
        self.starts: list[float] = []  # where the cells of its last row start
        self.cut = False  # it runs to the foot of its page (a page break may cut it)

    def remember(self, regions: list[_TableRegion], page: int, height: float = 800.0) -> None:
        if not regions:
            return
        last = max(regions, key=lambda t: t.caption.top if t.caption is not None else -1.0)
        lines = line_up(last.segs, page)
        k = next((i for i, ln in enumerate(lines) if len(ln.segs) > 1), None)
        if k is None:
            self.number = None
            return
        self.number, self.page, self.header = last.number, page, _norm(lines[k].text)
        self.above = {_norm(ln.text) for ln in lines[1 if last.caption else 0:k]}
        rows = [ln for ln in lines[k + 1:] if len(ln.segs) >= MIN_COLUMNS]
        self.starts = sorted(x.x0 for x in rows[-1].segs) if rows else []
        self.cut = bool(rows) and rows[-1].bottom > (1 - FOOT_SHARE) * height


class _Flow:
    """The document as segments in reading order, with table regions cut out."""

    def __init__(self, pages: list[Page]):
        self.pages = pages
        self.size = body_size(pages)
        # ("seg", (Seg, page, column right edge)) | ("table", _TableRegion)
        self.items: list[tuple[str, object]] = []
        self._last = _LastTable()

    def build(self) -> None:
        found = [gutter(p, self.size) for p in self.pages]
        usual = _usual_gutter(found)
        edges = _column_starts(self.pages, found, usual) if usual is not None else None
        for p, g in zip(self.pages, found):
            if g is None and edges is not None and _clear_at(p, usual, edges):
                g = usual  # a page whose second column is short (the last page's references)
            tables = self._table_regions(p, p.segs, g)
            taken = {id(s) for t in tables for s in t.segs}
            rest = [s for s in p.segs if id(s) not in taken]
            spanning = [s for s in rest if g is not None and s.x0 < g - 2 and s.x1 > g + 2]
            cuts = sorted({s.top for s in spanning} | self._restarts(rest, g))
            body = [s for s in rest if abs(s.size - self.size) <= 1.0]
            right_edge = max((s.x1 for s in body), default=p.width)
            left_edge = max((s.x1 for s in body if g is not None and s.x1 <= g), default=g or p.width)

            def key(s: Seg):
                band = sum(1 for c in cuts if c <= s.top + 0.5)
                if g is None:
                    return (band, 0, s.top, s.x0)
                col = -1 if (s.x0 < g - 2 and s.x1 > g + 2) else (0 if s.x1 <= g + 2 else 1)
                return (band, col, s.top, s.x0)

            events = []
            span_tops = [(x.top, x.size) for x in spanning]
            for s in rest:
                # The last line of a page-wide block (an abstract) may end left of the
                # gutter: its measure is the page's, not the left column's.
                last_of_wide = any(0 < s.top - t < 1.6 * sz and abs(sz - s.size) < 0.3 for t, sz in span_tops)
                col_right = left_edge if g is not None and s.x1 <= g + 2 and not last_of_wide else right_edge
                events.append((key(s), "seg", (s, p.number, col_right)))
            for t in tables:
                t.page, t.rules, t.vrules, t.fills = p.number, p.rules, p.vrules, p.fills
                events.append((key(t.anchor), "table", t))
            events.sort(key=lambda e: e[0])
            # Segments of one line of one column, left to right, are one line of text.
            for _, kind, obj in events:
                self.items.append((kind, obj))

    def _restarts(self, segs: list[Seg], g: float | None) -> set[float]:
        """Heights where both columns start afresh below text that fills them both: a
        section heading opens each column at one height while the left column's text just
        above it stops mid-sentence (it goes on at the top of the right column). The page is
        then two blocks of two columns, read one block after the other."""
        if g is None:
            return set()
        heads = [s for s in segs if s.size >= self.size + 1.5 and len(s.text) < 80]
        out = set()
        for a in heads:
            if a.x1 > g + 2:
                continue
            b = next((x for x in heads if x.x0 >= g - 2 and abs(x.top - a.top) < 1.0), None)
            if b is None:
                continue
            above = [x for x in segs if x.x1 <= g + 2 and x.bottom <= a.top + 0.5 and a.top - x.bottom < 2.5 * self.size
                     and abs(x.size - self.size) <= 0.3]
            if above and not SENTENCE_END_RE.search(max(above, key=lambda x: x.top).text):
                out.add(min(a.top, b.top))
        return out

    def _table_regions(self, p: Page, segs: list[Seg], g: float | None):
        out = []
        for ln in line_up(segs, p.number):
            for s in ln.segs:
                m = TABLE_CAPTION_RE.match(s.text)
                if not m or s is not _first_in_column(ln, s, g) or s.size > self.size + 1.5:
                    continue
                # A caption's label is set apart (bold, or smaller type than the text) and its
                # title starts with a capital: "Table 2 shows ..." in running text is not one.
                if not (s.words[0].bold or s.size < self.size - 0.3) or (m.group(2)[:1].islower()):
                    continue
                if any(s is t.caption or any(s is x for x in t.segs) for t in out):
                    continue
                if g is not None and s.x1 <= g + 2 and not _wide_below(segs, s, g):
                    # (A left column's table may reach into the gutter, short of the right column.)
                    x_lo, x_hi = 0.0, _right_column_start(segs, g, self.size) - 2
                elif g is not None and s.x0 >= g - 2:
                    x_lo, x_hi = g, p.width
                else:
                    x_lo, x_hi = 0.0, p.width
                region = self._collect(p, segs, s, x_lo, x_hi, out, g)
                rest = m.group(2)
                out.append(_TableRegion(int(m.group(1)), rest, bool(CONTINUED_RE.search(rest[:40] + " " + _line_text(ln, s))),
                                        region, s))
        repeat = self._header_repeated(p, segs, g, out)
        if repeat is not None:
            out.insert(0, repeat)
        self._last.remember(out, p.number, p.height)
        return out

    def _header_repeated(self, p: Page, segs: list[Seg], g: float | None, found) -> _TableRegion | None:
        """The last table's header line again as the first table-like line of the next page,
        above any caption: the table goes on (its rows follow under the repeated header)."""
        last = self._last
        if last.number is None or last.page != p.number - 1:
            return None
        first_cap = min((t.caption.top for t in found if t.caption is not None), default=float("inf"))
        # A page-wide table, or one in either text column (lined up apart, or a header in the
        # left column would run on into the right column's text at its height).
        sides = [(0.0, p.width)] + ([(0.0, g), (g, p.width)] if g is not None else [])
        for x_lo, x_hi in sides:
            inside = [s for s in segs if s.x0 >= x_lo - 2 and s.x1 <= x_hi + 2 and s.top < first_cap]
            lines = line_up(inside, p.number)
            k = next((i for i, ln in enumerate(lines) if len(ln.segs) > 1), None)
            if k is None or _norm(lines[k].text) != last.header:
                continue
            start = k
            while start > 0 and _norm(lines[start - 1].text) in last.above:
                start -= 1
            region = self._collect(p, segs, lines[start].segs[0], x_lo, x_hi, found, g)
            return _TableRegion(last.number, "", True, region, None)
        return self._rows_go_on(p, segs, g, first_cap, found)

    def _rows_go_on(self, p: Page, segs: list[Seg], g: float | None, first_cap: float, found) -> _TableRegion | None:
        """A table cut by the page break, going on at the top of the next page with neither its
        header nor a "(continued)" caption: the page opens with rows whose cells start where the
        last table's last row's cells do (three columns or more, two lines or more)."""
        last = self._last
        if not last.cut or len(last.starts) < MIN_COLUMNS:
            return None
        lines = line_up([s for s in segs if s.top < first_cap], p.number)
        if len(lines) < 2:
            return None

        def lined_up(ln: PLine) -> bool:
            hits = sum(1 for x in ln.segs if any(abs(x.x0 - a) <= 2 for a in last.starts))
            return len(ln.segs) >= MIN_COLUMNS and hits >= MIN_COLUMNS and hits >= 0.6 * len(ln.segs)

        if not (lined_up(lines[0]) and lined_up(lines[1])):
            return None
        x_lo = min(x.x0 for ln in lines[:2] for x in ln.segs)
        x_hi = max(x.x1 for ln in lines[:2] for x in ln.segs)
        region = self._collect(p, segs, lines[0].segs[0], x_lo, x_hi, found, g)
        return _TableRegion(last.number, "", True, region, None)

    def _collect(self, p: Page, segs: list[Seg], cap: Seg, x_lo: float, x_hi: float, earlier,
                 g: float | None = None) -> list[Seg]:
        taken = {id(x) for t in earlier for x in t.segs}
        inside = [s for s in segs if s.top >= cap.top - 1 and s.x0 >= x_lo - 1 and s.x1 <= x_hi + 1 and id(s) not in taken]
        lines = line_up(inside, p.number)
        if not lines:
            return [cap]
        width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
        region: list[Seg] = []
        started = False
        # The table's own type size (read from the lines under its caption): larger type
        # below it, once rows have started, is the running text again.
        # (Its rows' lines: a caption wrapped over several lines is set in other type.)
        rows_below = [x for x in lines[1:6] if len(x.segs) > 1] or lines[1:4]
        under = [x.size for x in rows_below]
        t_size = sorted(under)[len(under) // 2] if under else self.size
        t_font = Counter(w.font for x in rows_below for sg in x.segs for w in sg.words).most_common(1)
        t_font = t_font[0][0] if t_font else ""
        across = g is not None and x_lo < g - 2 and x_hi > g + 2
        noted = False  # the table's Note has begun
        for k, ln in enumerate(lines):
            if k > 0 and (CAPTION_RE.match(ln.segs[0].text) or TABLE_CAPTION_RE.match(ln.segs[0].text)):
                break
            body_like = abs(ln.size - self.size) <= 0.3 and len(ln.segs) == 1 and ln.x1 - ln.x0 > 0.6 * width
            # (... and larger than the rows' type or in another face: a table set larger than the
            # body text, its face not the body's and so read as emphasis, has one-cell lines that
            # are no heading.)
            heading_like = k > 0 and started and len(ln.segs) == 1 and _heading_font(ln, self.size) \
                and ln.size >= self.size + 0.5 and (ln.size >= t_size + 0.5 or _face(ln) != t_font)
            # Sizes per segment: below a page-wide table the two columns resume side by side,
            # and one line of the region then holds both; its majority size may be either's.
            larger = k > 1 and started and t_size < self.size - 0.5 and any(
                s.size > t_size + 0.8 for s in ln.segs if len(s.text) > 3)
            if k > 0 and (body_like and started or heading_like or larger):
                break
            if k > 0 and region and ln.top - max(s.bottom for s in region) > 3 * ln.size:
                break
            if across and started and self._columns_resume(ln, g, x_lo, x_hi, noted):
                break
            noted = noted or started and (bool(NOTE_START_RE.match(ln.text))
                                          or len(ln.segs) == 1 and ln.x1 - ln.x0 > 0.6 * width)
            started = started or len(ln.segs) > 1
            region.extend(ln.segs)
        return region

    @staticmethod
    def _columns_resume(ln: PLine, g: float, x_lo: float, x_hi: float, noted: bool) -> bool:
        """A line of a page-wide table's region that is the two text columns again: its
        segments split cleanly at the gutter, one side each; after the table's Note any such
        line ends the table (its rows do not resume after their Note), before it only two
        lines as wide as their columns (no table cell runs from the page edge to the gutter)."""
        left = [s for s in ln.segs if s.x1 <= g + 2]
        right = [s for s in ln.segs if s.x0 >= g - 2]
        if not left or not right or len(left) + len(right) != len(ln.segs):
            return False
        if noted:
            return True
        return (len(left) == len(right) == 1 and left[0].x1 - left[0].x0 > 0.75 * (g - x_lo)
                and right[0].x1 - right[0].x0 > 0.75 * (x_hi - g))


def _heading_levels(pieces: list[Piece], size: float) -> None:
    """Heading depth from type. The top level is the largest style used by three or more
    headings (the article's sections); larger, rarer styles (a title, a banner) are top-level
    too; smaller styles nest below it by size (bold before regular at one size)."""
    def style(p: Piece) -> tuple[float, bool]:
        return (round(p.extra.get("size", 0.0), 1), bool(p.extra.get("bold")))

    heads = [p for p in pieces if p.kind == "heading"]
    counts = Counter(style(p) for p in heads)
    common = sorted((st for st, n in counts.items() if n >= 3), reverse=True)
    if not common:
        for p in heads:
            p.level = 1
        return
    top = common[0]
    # A style used once below the top (an "ABSTRACT" label in the front matter) is no level
    # of the article's outline: counted as one, it would push every subsection a level down,
    # under the subsection before it.
    below = sorted((st for st in counts if st < top and counts[st] >= 2), reverse=True)
    for p in heads:
        st = style(p)
        p.level = 1 if st >= top else (min(2 + below.index(st), 3) if st in below else 2)
    # A section number says the depth outright ("4.3 Strengths and limitations" is a subsection of
    # 4, a sibling of 4.1, whatever type a typesetter gave the first subsection).
    numbered = [(p, m) for p in heads if (m := _HEADING_NUMBER_RE.match(p.text.strip()))]
    if len(numbered) >= 3:
        for p, m in numbered:
            p.level = min(m.group(1).count(".") + 1, 3)


def _header_words(columns: list[str]) -> str:
    return _norm(" ".join(c for c in columns if not c.startswith("[column")))


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _line_text(ln: PLine, s: Seg) -> str:
    return " ".join(x.text for x in ln.segs if x.x0 >= s.x0)[:120]


def _right_column_start(segs: list[Seg], g: float, size: float) -> float:
    """Where the right column starts: its lines' commonest left edge right of the gutter, or a
    label in the body's type hanging left of it (a reference's number, a bullet)."""
    starts = Counter(round(s.x0) for s in segs if s.x0 >= g and len(s.text) > TEXT_LINE_CHARS and abs(s.size - size) <= 1.0)
    if not starts:
        return g
    x = max(g, float(starts.most_common(1)[0][0]))
    return min([x] + [s.x0 for s in segs if g <= s.x0 < x and abs(s.size - size) <= 0.3])


def _wide_below(segs: list[Seg], cap: Seg, g: float) -> bool:
    """A caption in the left column whose table spans the page: segments just below it
    cross the gutter, or sit right of it in the table's own (left-side) font size."""
    below = [s for s in segs if 0 < s.top - cap.bottom < 6 * cap.size]
    crossing = sum(1 for s in below if s.x0 < g - 2 and s.x1 > g + 2)
    left = sorted(s.size for s in below if s.x1 <= g + 2)
    if crossing >= 2:
        return True
    if not left:
        return False
    size = left[len(left) // 2]
    right = [s for s in below if s.x0 >= g - 2]
    return bool(right) and sum(1 for s in right if abs(s.size - size) < 0.3) >= 0.5 * len(right)


def _first_in_column(ln: PLine, s: Seg, g: float | None) -> Seg:
    if g is None or s.x0 < g:
        return ln.segs[0]
    return next((x for x in ln.segs if x.x0 >= g - 2), s)


def _references_heading(pieces: list[Piece], pl: PLine) -> None:
    # The list's entries are read as references, not text; its heading is a section heading
    # of the article all the same.
    pieces.append(Piece("heading", pl.text.strip(), page=pl.page, extra={"size": pl.size, "bold": pl.bold}))


_NAME_WORD = rf"[{_UPPER}](?:[^\W\d_]|[.'’-])*"
_PERSON_RE = re.compile(rf"{_NAME_WORD}(?:\s+(?:[a-z]{{1,3}}\s+)?{_NAME_WORD}){{1,4}}([\d*†‡§]+)?")


def _author_list(text: str) -> bool:
    """A byline ("Eleanor J Marwick1, Tendai Chikowore2 and ...") set large under a title:
    names with affiliation marks, not a heading."""
    parts = [p.strip() for p in re.split(r",|\band\b|&", text) if p.strip() and not re.fullmatch(r"[\d*†‡§]+", p.strip())]
    if len(parts) < 2:
        return False
    marked = 0
    for p in parts:
        m = _PERSON_RE.fullmatch(p)
        if m is None:
            return False
        marked += m.group(1) is not None
    return marked >= 2


_BOLD_FONT_RE = re.compile(r"bold|black|heavy", re.I)
_NUMBERED_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]")
_SUBSECTION_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]")


_SECTION_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")
_HEADING_NUMBER_RE = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+[A-Z]")


def _number_then_title(pl: PLine, s: Seg, page: int, size: float, body: str) -> bool:
    """The line so far is a section number alone, and the segment is on the same line, a few
    spaces on, opening with a capital: the number's title. The number is set in bold, or with
    its title in a face other than the body's (a list item's plain number hangs before its text)."""
    fonts = {w.font for w in pl.segs[0].words} | {w.font for w in s.words}
    return (len(pl.segs) == 1 and pl.page == page and _SECTION_NUMBER_RE.fullmatch(pl.text.strip()) is not None
            and (all(w.bold for w in pl.segs[0].words) or len(fonts) == 1 and body not in fonts)
            and abs(s.top - pl.top) < 0.3 * size and 0 < s.x0 - pl.x1 < 3 * size and s.text[:1].isupper())


def _all_bold(pl: PLine) -> bool:
    """Every word of the line set in a bold face, or in emphasis after a section number: a
    heading as wide as its column ("3.1 Functional capacity and postoperative risk"), where a
    run-in lead ("Sample size. Forty ...") goes on in regular type on its own line. Emphasis
    read from a font other than the body's alone is no cue here: lists and keywords are often
    set in another face."""
    words = [w for s in pl.segs for w in s.words if not w.sup]
    numbered = _NUMBERED_RE.match(pl.text) is not None
    # (A bold number and a title in italics: "2.1 Study design" as many house styles set it.)
    return bool(words) and ((all(w.bold for w in words) and (all(_BOLD_FONT_RE.search(w.font) for w in words) or numbered))
                            or (numbered and words[0].bold and all(w.bold or ITALIC_RE.search(w.font) for w in words[1:])))


def _run_in(pl: PLine) -> bool:
    """A lead in a bold face ending in a colon or full stop, the line going on in the regular
    face ("Keywords: Prehabilitation, ..."): a labelled paragraph, even where the whole line
    counts as emphasis (set in a face other than the body's)."""
    words = [w for s in pl.segs for w in s.words if not w.sup]
    k = 0
    while k < len(words) and _BOLD_FONT_RE.search(words[k].font):
        k += 1
    return 0 < k < len(words) and words[k - 1].text.endswith((":", ".")) and not any(
        _BOLD_FONT_RE.search(w.font) for w in words[k:])


def _figure_text(pieces: list[Piece]) -> None:
    """A short unnumbered line right above a figure's caption, with nothing between them,
    is text drawn in the figure (a label, a placeholder), not a section heading: a section
    goes on with its text, and a figure placed under a heading would come between them."""
    # ... unless it is set as large as the document's usual section heading ("Results" right
    # above a figure placed at its section's start).
    styles = Counter(round(p.extra.get("size", 0.0), 1) for p in pieces if p.kind == "heading")
    usual = styles.most_common(1)[0][0] if styles else 0.0
    for p, nxt in zip(pieces, pieces[1:]):
        if (p.kind == "heading" and nxt.kind == "caption" and nxt.page == p.page
                and CAPTION_RE.match(nxt.text or "") and not _NUMBERED_RE.match(p.text or "")
                and p.extra.get("size", 0.0) < usual - 0.2):
            p.kind = "paragraph"


def _front_matter(pieces: list[Piece]) -> None:
    """The title and what is printed above it on the first page (the journal's banner, an
    article-type label) are no section headings: the title is the first page's largest
    heading, in a style no other page uses and larger than the sections' own. They stay in
    the text as paragraphs."""
    heads = [p for p in pieces if p.kind == "heading"]
    first = [p for p in heads if p.page == 1]
    if not first:
        return
    title = max(first, key=lambda p: p.extra.get("size", 0.0))
    t_size = title.extra.get("size", 0.0)
    sizes = Counter(round(p.extra.get("size", 0.0), 1) for p in heads if p is not title)
    common = max((sz for sz, n in sizes.items() if n >= 3), default=None)
    if common is None or t_size < 1.3 * common or any(
            p.page != 1 and p.extra.get("size", 0.0) >= t_size - 0.5 for p in heads):
        return
    for p in pieces:
        if p.kind == "heading" and p.page == 1:
            p.kind = "paragraph"
        if p is title:
            break


def _numbered_heading(pl: PLine, size: float, nxt: PLine | None) -> bool:
    """A section number and its title in emphasis at the body size or larger ("2.1 Study design",
    the number bold and the title in italics), which no font cue of the line as a whole shows:
    alone on its line and not over a caption (a figure's numbered panel labels are neither)."""
    return _NUMBERED_RE.match(pl.text) is not None and pl.size >= size - 1.0 and _all_bold(pl) and not _over_caption(pl, nxt)


def _over_caption(pl: PLine, nxt: PLine | None) -> bool:
    """Not alone on its line, or right over a caption: a figure's labels, not a heading."""
    return nxt is not None and nxt.page == pl.page and (abs(nxt.top - pl.top) < 1.0 or CAPTION_RE.match(nxt.text) is not None)


def _face(pl: PLine) -> tuple[str, float] | None:
    """The one font and size a line is set in, or None for a line in several fonts."""
    fonts = {w.font for s in pl.segs for w in s.words if not w.sup}
    return (fonts.pop(), round(pl.size, 1)) if len(fonts) == 1 else None


def _face(pl: PLine) -> str:
    """The font most of a line's words are set in."""
    c = Counter(w.font for sg in pl.segs for w in sg.words)
    return c.most_common(1)[0][0] if c else ""


def _heading_font(pl: PLine, size: float) -> bool:
    return (pl.bold and pl.size >= size - 1.0) or pl.size >= size + 1.2


def _to_lines(texts: list[tuple[str, int]]) -> list[Line]:
    return [Line(t, p, i, False, i == 0 or texts[i - 1][1] != p) for i, (t, p) in enumerate(texts)]


def plain_pages(path: Path) -> list[str]:
    """Each page's text as pdfplumber lays it out, for the plain-text reader."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text(x_tolerance_ratio=0.15) or "" for p in pdf.pages]


def load(path: Path, doc_id: str, title: str, meta: dict | None = None) -> Document:
    pages = read(path)
    if not any(p.segs for p in pages):
        raise ValueError(f"{path.name}: no text layer (a scanned PDF needs OCR first)")
    drop_repeating(pages)
    flow = _Flow(pages)
    split_joined_columns(pages, flow.size, gutter)
    mark_emphasis(pages, flow.size)
    flow.build()
    size = flow.size
    body = body_font(pages, size)
    # One PLine per segment, in reading order; tables stay as events between them.
    seq: list[tuple[str, object]] = []
    plines: list[PLine] = []
    col_right: dict[int, float] = {}
    for kind, obj in flow.items:
        if kind == "seg":
            s, page, right = obj
            last = plines[-1] if plines and seq and seq[-1][0] == "line" else None
            if last is not None and _number_then_title(last, s, page, flow.size, body):
                # "4   Discussion": a section number set apart from its title by a wide space
                # is one line with it.
                last.segs.append(s)
                continue
            pl = PLine([s], page)
            pg = next(pg for pg in pages if pg.number == page)
            pl.page_width, pl.page_height = pg.width, pg.height
            col_right[id(pl)] = right
            plines.append(pl)
            seq.append(("line", pl))
        else:
            seq.append((kind, obj))
    _licence_blocks(plines)
    live = [pl for pl in plines if not pl.dropped]
    next_of = {id(a): b for a, b in zip(live, live[1:])}
    # Subsection titles set in a face of their own, whatever its size or weight ("2.1 Participants"
    # in a small sans-serif over serif text): a house style for headings once used three times.
    # (A subsection's number has a point: "1 Department of ..." opens an affiliation.)
    numbered_faces = Counter(f for pl in live if _SUBSECTION_RE.match(pl.text) and (f := _face(pl)) and f[0] != body)

    def numbered_face(pl: PLine) -> bool:
        f = _face(pl)
        return f is not None and f[0] != body and numbered_faces[f] >= 3 and _SUBSECTION_RE.match(pl.text) is not None
    vocab = Vocabulary(_to_lines([(pl.text, pl.page) for pl in plines if not pl.dropped]))

    warnings: list[str] = []
    pieces: list[Piece] = []
    tables: dict[int, TablePiece] = {}
    para: list[PLine] = []
    kind_now = "paragraph"
    in_refs = False
    ref_lines: list[PLine] = []
    # A table or its note set among the references (a float placed where the list runs) pauses
    # the list; the list's next numbered entry, in the list's size, resumes it.
    refs_paused = False
    prev: PLine | None = None
    foot: list[PLine] = []
    cut_by_table = False  # a table was set since the last line of text

    def flush():
        nonlocal para, kind_now
        if para:
            txt = join_lines([pl.text for pl in para], vocab)
            if txt:
                pieces.append(Piece(kind_now, txt, page=para[0].page, extra={"size": para[0].size, "bold": para[0].bold}))
        para, kind_now = [], "paragraph"

    def ends_short(pl: PLine) -> bool:
        # (A line cut short by a table or a page after "Petersen et al." ends no paragraph.)
        return (SENTENCE_END_RE.search(pl.text) is not None and not ends_in_abbreviation(pl.text)
                and pl.x1 < col_right.get(id(pl), 1e9) - 1.5 * size)

    for kind, obj in seq:
        if kind == "table":
            reg: _TableRegion = obj  # type: ignore[assignment]
            number, cont, region, cap, page = reg.number, reg.continued, reg.segs, reg.caption, reg.page
            t = read_table(number, reg.title, region, cap, page=page, rules=reg.rules, join_hyphen=vocab.join_hyphen,
                           vrules=reg.vrules, fills=reg.fills)
            first_part = tables.get(number) if cont else None
            if first_part is not None and first_part.spans and (t is None or len(t.columns) < len(first_part.columns)):
                # Its own lines split it into fewer columns than the first part, or into none (a
                # long label closing the gap before the numbers): read in the first part's
                # columns, and kept when that gives the first part's header, column by column.
                again = read_table(number, reg.title, region, cap, page=page, rules=reg.rules,
                                   join_hyphen=vocab.join_hyphen, vrules=reg.vrules, fills=reg.fills,
                                   spans=first_part.spans)
                if again is not None and [_norm(c) for c in again.columns] == [_norm(c) for c in first_part.columns]:
                    t = again
            if t is None and cap is None:
                # Not a table after all: the lines go back to the text, as a paragraph of their own.
                flush()
                pieces.append(Piece("paragraph", join_lines([ln.text for ln in line_up(region, page)], vocab), page=page))
                continue
            if in_refs:
                in_refs, refs_paused = False, True
            if t is None:
                txt = join_lines([ln.text for ln in line_up(region, page)], vocab)
                warnings.append(f"{path.name}: 'Table {number}' (page {page}): columns not found; kept as text")
                flush()
                pieces.append(Piece("paragraph", txt, page=page))
                continue
            if cont and number in tables:
                old = tables[number]
                rows = t.rows
                # (The same words, split otherwise: a header left-aligned over right-aligned
                # numbers is cut where the continuation's many rows leave the gaps.)
                same_header = [_norm(c) for c in t.columns] == [_norm(c) for c in old.columns] or \
                    len(t.columns) == len(old.columns) and _header_words(t.columns) == _header_words(old.columns)
                last_group = old.rows[-1].group if old.rows else None
                if not same_header and len(t.columns) <= len(old.columns):
                    # No repeated header on the continued page: its first row was data.
                    head = ["" if c.startswith("[column") else c for c in t.columns]
                    rows = [RowPiece(head, None)] + rows
                if len(t.columns) > len(old.columns):
                    # Read with more columns than its first part: no text is dropped (the extra
                    # cells join the last column), and the reader is told.
                    warnings.append(f"{path.name}: 'Table {number}' (page {page}): its continuation has "
                                    f"{len(t.columns)} columns, the table {len(old.columns)}; extra cells joined")
                n = len(old.columns)
                for r in rows:
                    if len(r.cells) > n:
                        r.cells = r.cells[:n - 1] + [" ".join(c for c in r.cells[n - 1:] if c)]
                    r.cells = r.cells + [""] * (n - len(r.cells))
                    r.group = r.group or last_group
                old.rows.extend(rows)
                if t.note:
                    old.note = (old.note + " " + t.note).strip()
                continue
            if number in tables:
                number = max(tables) + 1
                t.number = number
            tables[number] = t
            # A row split by a page break is not mid-paragraph: text resumes after the table.
            pieces.append(Piece("table", table=t, page=page))
            cut_by_table = True
            continue
        pl = obj  # type: ignore[assignment]
        if pl.dropped:
            continue
        text = pl.text
        if (not in_refs and pl.top > (1 - 2 * MARGIN) * pl.page_height and pl.size < size - 1.0 and not pl.bold
                and kind_now != "heading"):
            # A footnote (set small at the foot of the page) stands apart: the paragraph it
            # interrupts goes on after it.
            if foot and foot[-1].page == pl.page and pl.top - foot[-1].bottom < pl.size:
                foot.append(pl)
            else:
                if foot:
                    pieces.append(Piece("paragraph", join_lines([x.text for x in foot], vocab), page=foot[0].page))
                foot = [pl]
            continue
        if foot:
            pieces.append(Piece("paragraph", join_lines([x.text for x in foot], vocab), page=foot[0].page))
            foot = []
        if refs_paused and not in_refs and ref_lines and abs(pl.size - ref_lines[0].size) <= 1.0 \
                and _next_entry(ref_lines, text) and not _heading_font(pl, size):
            flush()
            in_refs, refs_paused = True, False
        if in_refs:
            if ref_lines and abs(pl.size - ref_lines[0].size) > 1.0 and not _heading_font(pl, size):
                in_refs = False  # the list is over (what follows is set in another size)
            else:
                ref_lines.append(pl)
                continue
        if REFERENCES_HEADING_RE.match(text.strip()):
            flush()
            _references_heading(pieces, pl)
            in_refs = True
            prev = pl
            continue
        big = pl.size >= size + 3
        n_words = len(text.split())
        prev_ok = (
            prev is None or prev.page != pl.page or kind_now == "heading" or ends_short(prev)
            or SENTENCE_END_RE.search(prev.text) is not None or abs(prev.size - pl.size) > 1
            or pl.top - prev.bottom > 0.7 * size or pl.top < prev.top
        )
        nxt = next_of.get(id(pl))
        # Without a font cue: a short capitalised line between a sentence end and a new sentence.
        text_cue = (
            n_words <= 6 and text[:1].isupper() and (prev is None or SENTENCE_END_RE.search(prev.text) is not None)
            and nxt is not None and nxt.text[:1].isupper() and abs(nxt.size - pl.size) < 0.3
            and pl.x1 - pl.x0 < 0.5 * (col_right.get(id(pl), pl.x1) - pl.x0) and "," not in text
            # alone on its line: not the first word of a justified line set with wide spaces
            and not (nxt.page == pl.page and abs(nxt.top - pl.top) < 1.0 and nxt.x0 > pl.x1)
        )
        is_heading = (
            (_heading_font(pl, size) or text_cue or _numbered_heading(pl, size, nxt) or numbered_face(pl) and not _over_caption(pl, nxt))
            and prev_ok and (n_words <= 12 or big and n_words <= 30)
            # A long line is a heading only when narrow, or set in a heading style of its own
            # (bold in a size other than the body's); a bold body-size line may be a run-in lead.
            and (big or n_words <= 4 or pl.x1 - pl.x0 < 0.75 * (col_right.get(id(pl), pl.x1) - pl.x0)
                 or pl.bold and abs(pl.size - size) >= 0.4 or _all_bold(pl))
            and not text.endswith((".", ",", ";", "-")) and not CAPTION_RE.match(text)
            and not re.fullmatch(r"[\d\W]+", text) and not _author_list(text) and not _run_in(pl)
            # the last name of a byline wrapped onto a line of its own
            and not (prev is not None and kind_now != "heading" and prev.page == pl.page
                     and 0 <= pl.top - prev.bottom < 0.7 * pl.size and abs(prev.size - pl.size) < 0.3
                     and _author_list(prev.text))
        )
        if is_heading:
            refs_paused = False
            if kind_now == "heading" and prev is not None and pl.page == prev.page and 0 <= pl.top - prev.bottom < 0.8 * pl.size \
                    and abs(pl.size - prev.size) < 0.3:
                para.append(pl)
                prev = pl
                continue
            flush()
            if REFERENCES_HEADING_RE.match(text.strip()):
                _references_heading(pieces, pl)
                in_refs = True
                prev = pl
                continue
            para, kind_now = [pl], "heading"
            prev = pl
            continue
        if kind_now == "heading":
            flush()
        # (Below a table set into a sentence, "Smith et al." | table | "(2018) showed ...", the
        # gap is the table's.)
        mid_sentence = cut_by_table and (SENTENCE_END_RE.search(prev.text) is None or ends_in_abbreviation(prev.text)) \
            if prev is not None else False
        new_block = (
            not para or prev is None
            or ends_short(prev)
            or (pl.page == prev.page and pl.top > prev.top and pl.top - prev.bottom > 0.7 * pl.size
                and abs(pl.x0 - prev.x0) < 60 and not mid_sentence)
            or (pl.page == prev.page and pl.top > prev.top and 0.6 * size < pl.x0 - prev.x0 < 4 * size)
            or abs(pl.size - prev.size) > 1.0
            # A caption set off below a figure's own words (an axis label, a box's text) that sit
            # elsewhere across the column; in running text "Fig. 1" opens no line after a gap.
            or (CAPTION_RE.match(text) is not None and pl.page == prev.page and pl.top - prev.bottom > 0.7 * pl.size)
        )
        if new_block:
            flush()
            if CAPTION_RE.match(text):
                kind_now = "caption"
        para.append(pl)
        prev = pl
        cut_by_table = False
    flush()
    if foot:
        pieces.append(Piece("paragraph", join_lines([x.text for x in foot], vocab), page=foot[0].page))
    # A number set apart from its entry ("1." | "Smith J: ...") is one line with it.
    groups: list[list[PLine]] = []
    for pl in ref_lines:
        g0 = groups[-1][0] if groups else None
        if g0 is not None and g0.page == pl.page and abs(g0.top - pl.top) < 2 and abs(g0.x0 - pl.x0) < 0.3 * pl.page_width:
            groups[-1].append(pl)
        else:
            groups.append([pl])
    rows = [sorted(g, key=lambda x: x.x0) for g in groups]
    refs = parse_entries([(" ".join(x.text for x in g), g[0].x0, g[0].page) for g in rows])
    pieces = resolve_author_year(pieces, refs)
    _figure_text(pieces)
    _front_matter(pieces)
    _heading_levels(pieces, size)
    for t in tables.values():
        group_values(t.rows, t.columns)  # (a table whole, its continuations joined)
    return assemble(pieces, doc_id, title, path=path.name, meta=meta, references=tuple(refs), warnings=tuple(warnings))
