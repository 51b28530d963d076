"""A table region of a PDF page (positioned segments) -> columns, rows, cells, note.

Columns are the x-ranges that the table's cells cover, separated by gaps that (almost) no
cell crosses: this reads ruled and unruled tables alike, since it needs only the aligned
whitespace. A row opens where the first column gets a new cell (a line whose first column
is empty continues the row above: wrapped cells); a row with only a first cell, followed
by rows, is a group label. The header is the leading bold lines, or the lines above the
first horizontal rule under the caption when the table is ruled, or else the first row.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from qa.ingest import pdf_grid
from qa.ingest.assemble import RowPiece, TablePiece
from qa.ingest.pdf_words import PLine, Seg, glue, line_up

NOTE_START_RE = re.compile(
    r"^(?:Notes?|Abbreviations?|Source|Key)\b[.:]?|^[*†‡§]|^[a-z]\s+[A-Z]|^Data (?:are|were|is|shown)\b")
# A line of a table's Note that spells out its abbreviations as prose, without a label:
# "DBD, dielectric barrier discharge; vs, versus".
_ABBREV_LIST_RE = re.compile(r"^[^\s,;:]{1,15}(?: [^\s,;:]{1,15})?, [^;,]{2,60}; [^\s,;:]{1,15}(?: [^\s,;:]{1,15})?, \S")
_CONT_CELL_RE = re.compile(r"\(\s*continued\b[^)]*\)?", re.I)
WORD_SPACE = 0.35  # em: words of one cell set closer than this are one run of text
CONTINUED_RE = re.compile(r"\(?\b(?:continued|cont['’]?d)\b\.?\)?", re.I)


def _columns(lines: list[PLine], x_lo: float, x_hi: float) -> list[tuple[float, float]]:
    """x-ranges of the columns: runs covered by words, split at gaps few words cross."""
    lo, hi = int(x_lo) - 1, int(x_hi) + 2
    cov = [0] * (hi - lo)
    words = [w for ln in lines for s in ln.segs for w in s.words]
    for w in words:
        for x in range(max(lo, int(w.x0 + 0.5)), min(hi, int(w.x1 - 0.5) + 1)):
            cov[x - lo] += 1
    # The space between two words of one cell ("Time since onset (days)", 2 pt at 7 pt type) is no
    # gap between columns: rounded to whole points it can look as wide as a narrow one.
    for ln in lines:
        for s in ln.segs:
            for a, b in zip(s.words, s.words[1:]):
                if 0 < b.x0 - a.x1 < WORD_SPACE * a.size:
                    for x in range(max(lo, int(a.x1 - 0.5) + 1), min(hi, int(b.x0 + 0.5))):
                        cov[x - lo] += 1
    size = sorted(w.size for w in words)[len(words) // 2] if words else 8.0
    allowed = max(0, int(0.08 * len(lines)))
    min_gap = max(3, int(0.45 * size + 0.5))
    cols: list[tuple[float, float]] = []
    start, gap = None, 0
    for i, c in enumerate(cov + [0] * (min_gap + 1)):
        if c > allowed:
            if start is None:
                start = i
            gap = 0
        elif start is not None:
            gap += 1
            if gap >= min_gap:
                cols.append((lo + start, lo + i - gap + 1))
                start, gap = None, 0
    # A sliver narrower than a character is noise from a crossing cell, not a column.
    return _aligned_splits([c for c in cols if c[1] - c[0] >= 3], lines, x_lo, size, min_gap)


ALIGNED_SHARE = 0.5  # of a table's lines that start a word at one place, for it to start a column


def _aligned_splits(cols: list[tuple[float, float]], lines: list[PLine], x_lo: float,
                    size: float, min_gap: float) -> list[tuple[float, float]]:
    """A column starts where most of the table's lines start a word at the same place, two or
    more of them after other words across a column's gap: a tightly set table ("PPI
    discontinuation No PPI issued ...", a word space before the second column in its widest
    row) has no gap there to find. The words starting there differ in length (numbers of one
    width, centred or set right, start alike inside their own column) and those before the
    gap are words, not a list's marks."""
    if len(lines) < 4:
        return cols
    at: Counter[int] = Counter()
    ends: dict[int, list[float]] = {}
    before: dict[int, list[str]] = {}  # the words before x across a column's gap
    for ln in lines:
        words = sorted((w for s in ln.segs for w in s.words if not w.sup), key=lambda w: w.x0)
        seen = set()
        for i, w in enumerate(words):
            x = round(w.x0 * 2)  # half points
            if x in seen:
                continue
            seen.add(x)
            at[x] += 1
            ends.setdefault(x, []).append(w.x1)
            if i > 0 and w.x0 - words[i - 1].x1 >= min_gap:
                before.setdefault(x, []).append(words[i - 1].text)
    out = []
    for a, b in cols:
        cuts = sorted(x / 2 for x, n in at.items() if n >= max(3, ALIGNED_SHARE * len(lines))
                      and a + 3 < x / 2 < b - 3 and x / 2 > x_lo + 3 and max(ends[x]) - min(ends[x]) > 2 * size
                      and len({t for t in before.get(x, ()) if len(t) > 1}) >= 2)
        for x in cuts:
            left = max((w.x1 for ln in lines for s in ln.segs for w in s.words if a <= w.x0 and w.x1 < x), default=None)
            if left is None or any(_label_across(ln, x, min_gap) for ln in lines):
                continue
            out.append((a, left))
            a = x
        out.append((a, b))
    return out


def _label_across(ln: PLine, x: float, min_gap: float) -> bool:
    """The line runs across x in one run of words, with no column's gap anywhere: a group label
    over the columns ("Venous and mixed leg ulcers"), which keeps them apart only as a label
    (see _table_columns), not as a cell of each."""
    words = sorted((w for s in ln.segs for w in s.words), key=lambda w: w.x0)
    gaps = [w.x0 - p.x1 for p, w in zip(words, words[1:])]
    # (x is read to half a point: the gap reaches it within that.)
    return any(p.x1 <= x + 0.5 and w.x0 >= x - 0.5 for p, w in zip(words, words[1:])) and all(g < min_gap for g in gaps)


def _spanning(ln: PLine, cols: list[tuple[float, float]], x_lo: float) -> bool:
    """One run of text from the first column on across the gap after it (a group label),
    with a word set inside that gap (cells of a row sit inside their columns)."""
    return (len(ln.segs) == 1 and len(cols) >= 2 and ln.x0 < cols[0][1] and abs(ln.x0 - x_lo) < 2
            and ln.x1 > cols[1][0] + 1 and _straddles(ln, cols))


def _straddles(ln: PLine, cols: list[tuple[float, float]]) -> bool:
    gaps = [(a[1], b[0]) for a, b in zip(cols, cols[1:])]
    return any(w.x1 > g0 + 1 and w.x0 < g1 - 1 for s in ln.segs for w in s.words for g0, g1 in gaps)


def _spanned(s: Seg, cols: list[tuple[float, float]], below: set[int] = frozenset(),
             rules: list[tuple[float, float, float]] = (), width: float = 0.0, line: list[Seg] = ()) -> list[int]:
    """The columns a header segment is set over when it spans several: one of its words
    lies mostly outside any column (in the gap between two), and the segment reaches into
    each of them. Cells of neighbouring columns run together sit each inside its column.

    Above the header lines that name the columns `below`, a spanning header need not reach
    into its columns: a rule set right under it, shorter than the table, runs over them, or
    it is centred over a run of neighbouring columns ("Baseline" over its "n" and "%"), each
    named below. (A rule under several headers of the line, a grid's cell borders run
    together, is shared between them: each has the part nearer to it than to the others.)"""
    for x0, x1, y in rules if below else ():
        if s.bottom - 1 <= y <= s.bottom + 0.8 * s.size and x0 <= s.x0 + 1 and x1 >= s.x1 - 1 and x1 - x0 < 0.8 * width:
            for o in line:
                # (A footnote mark set after a header is no header of its own.)
                if o is not s and x0 <= o.x0 and o.x1 <= x1 and not all(w.sup for w in o.words):
                    x0, x1 = (max(x0, (o.x1 + s.x0) / 2), x1) if o.x1 <= s.x0 else (x0, min(x1, (s.x1 + o.x0) / 2))
            under = [i for i, (a, b) in enumerate(cols) if min(b, x1) - max(a, x0) > 0.5 * (b - a)]
            if len(under) > 1 and all(i in below for i in under):
                return under

    def inside(w) -> float:
        return max((min(b, w.x1) - max(a, w.x0) for a, b in cols), default=0.0)

    if not any(inside(w) < 0.5 * (w.x1 - w.x0) for w in s.words if not w.sup):
        return []
    reach = [i for i, (a, b) in enumerate(cols) if min(b, s.x1) - max(a, s.x0) > min(2.0, 0.15 * (b - a))]
    if len(reach) > 1 or not below:
        return reach
    mid, best = (s.x0 + s.x1) / 2, None
    # Centred over the one column it reaches: that column's own (wrapped) header.
    if len(reach) == 1 and abs(sum(cols[reach[0]]) / 2 - mid) < 0.5 * s.size:
        return reach
    for i in range(len(cols)):
        for j in range(i + 1, len(cols)):
            a, b = cols[i][0], cols[j][1]
            off = abs((a + b) / 2 - mid)
            run = list(range(i, j + 1))
            if (a - s.size <= s.x0 and s.x1 <= b + s.size and off <= max(s.size, 0.04 * (b - a))
                    and all(c in below for c in run) and (best is None or off < best[0])):
                best = (off, run)
    return best[1] if best else reach


def _under_spanning(s: Seg, over: list[tuple[Seg, list[int]]]) -> list[int]:
    """The next line of a spanning header wrapped over two ("Oximetry monitoring" over
    "(n = 212)", set under it within its width) spans the same columns."""
    for p, span in over:
        if (0 <= s.top - p.bottom < 0.8 * s.size and p.x0 - s.size <= s.x0 and s.x1 <= p.x1 + s.size
                and abs((s.x0 + s.x1) / 2 - (p.x0 + p.x1) / 2) < s.size):
            return span
    return []


def _over_columns(s: Seg, cols: list[tuple[float, float]], below: set[int]) -> list[int]:
    """A header above the column names set over the gap between columns and over at least
    half the width of each of a run of neighbouring columns spans them, however far its
    middle is from theirs (centred over cells whose numbers are right-aligned)."""
    def inside(w) -> float:
        return max((min(b, w.x1) - max(a, w.x0) for a, b in cols), default=0.0)

    if not any(inside(w) < 0.5 * (w.x1 - w.x0) for w in s.words if not w.sup):
        return []
    reach = [i for i, (a, b) in enumerate(cols) if min(b, s.x1) - max(a, s.x0) >= 0.5 * (b - a)]
    if len(reach) > 1 and all(c in below for c in reach) and reach == list(range(reach[0], reach[-1] + 1)):
        return reach
    return []


def _groups_over(pieces: list[Seg], cols: list[tuple[float, float]], below: set[int]) -> dict[int, list[int]]:
    # cols: the columns' extents under the header line (where their cells are set).
    """Headers over runs of equally many columns ("Treatment (n = 108)" and "Control (n = 106)"
    over "n (%)" and "mean (SD)" each): as many headers as runs of the columns named below,
    in order, each over its own run. A maker may centre them over cells wider than their
    text, so their middles need not meet the columns' (each reaches into its run, no other)."""
    named = sorted(below)
    if not named or named != list(range(named[0], named[-1] + 1)):
        return {}
    # (A label over the first column, "Characteristic", heads no run.)
    heads = sorted((s for s in pieces if not all(w.sup for w in s.words) and s.x1 > cols[named[0]][0]),
                   key=lambda s: s.x0)
    if len(heads) < 2 or len(named) % len(heads) or len(named) // len(heads) < 2:
        return {}
    # (A header set where a column's cells start is that column's own, wrapped: "Sample" over
    # "size".)
    if any(any(abs(s.x0 - a) <= 1.0 for a, _ in cols) for s in heads):
        return {}
    size = len(named) // len(heads)
    runs = [named[i * size:(i + 1) * size] for i in range(len(heads))]

    def reaches(s: Seg, run: list[int]) -> bool:
        return min(cols[run[-1]][1], s.x1) - max(cols[run[0]][0], s.x0) > 0

    if not all(reaches(s, run) and not any(reaches(s, other) for other in runs if other is not run)
               for s, run in zip(heads, runs)):
        return {}
    return {id(s): run for s, run in zip(heads, runs)}


def _extents(lines: list[PLine], cols: list[tuple[float, float]], x_lo: float | None = None) -> list[tuple[float, float]]:
    """Each column's x-range as the words of `lines` fill it (the column's own where none do).
    A group label run across the gap after the first column fills no column."""
    lo, hi = [a for a, _ in cols], [b for _, b in cols]
    seen = [False] * len(cols)
    for ln in lines:
        if x_lo is not None and _spanning(ln, cols, x_lo):
            continue
        for s in ln.segs:
            for w in s.words:
                c = _col_of(w.x0, w.x1, cols)
                lo[c], hi[c] = (min(lo[c], w.x0), max(hi[c], w.x1)) if seen[c] else (w.x0, w.x1)
                seen[c] = True
    return list(zip(lo, hi))


def _split_wide(s: Seg) -> list[Seg]:
    """A header run split where its words stand further apart than a word space: two
    neighbouring headers ("Adherence" right-aligned over its numbers, "Main finding" left-
    aligned) can come closer than the segment gap, and are two headers, not one over both."""
    parts = [[s.words[0]]]
    for w in s.words[1:]:
        prev = parts[-1][-1]
        if w.x0 - prev.x1 > 0.6 * max(w.size, prev.size):
            parts.append([w])
        else:
            parts[-1].append(w)
    return [s] if len(parts) == 1 else [Seg(p) for p in parts]


def _col_of(x0: float, x1: float, cols: list[tuple[float, float]]) -> int:
    best, best_ov = 0, -1e9
    for i, (a, b) in enumerate(cols):
        ov = min(b, x1) - max(a, x0)
        if ov > best_ov:
            best, best_ov = i, ov
    return best


def _name_bold(font: str) -> bool:
    return bool(re.search(r"bold|black|heavy", font, re.I))


def _join(parts: list[str], join_hyphen) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if not out:
            out = p
        elif out.endswith("-") and not out.endswith(" -") and p[:1].islower() and join_hyphen is not None:
            head = out.split(" ")[-1]
            tail, _, rest = p.partition(" ")
            out = out[: len(out) - len(head)] + join_hyphen(head, tail) + ((" " + rest) if rest else "")
        elif out.endswith("/"):
            out += p
        else:
            out += " " + p
    return re.sub(r"\s+", " ", out).strip()


def _table_columns(lines: list[PLine], x_lo: float, x_hi: float) -> list[tuple[float, float]]:
    cols = _columns(lines, x_lo, x_hi)
    # A line of one run of text from the table's left edge is a group label when it runs
    # across the gap after the first column: such labels, printed in several groups, must
    # not close that gap (which would merge the first two columns).
    multi = [ln for ln in lines if len(ln.segs) > 1]
    if len(multi) >= 3:
        narrow = _columns(multi, x_lo, x_hi)
        if len(narrow) > len(cols) and len(narrow) >= 2:
            spans = [ln for ln in lines if _spanning(ln, narrow, x_lo)]
            if spans and all(ln.bold or _straddles(ln, narrow) for ln in spans):
                cols = narrow
    return cols


def _grid(lines: list[PLine], cols: list[tuple[float, float]], x_lo: float) -> tuple[list[list[list[str]]], list[bool]]:
    """Each line's text per column, and whether its first cell is set in emphasis."""
    grid: list[list[list[str]]] = []
    bold0: list[bool] = []
    # Emphasis inside the table is relative to the table's own main font.
    fonts = Counter(w.font for ln in lines for s in ln.segs for w in s.words for _ in w.text)
    main_font = fonts.most_common(1)[0][0] if fonts else ""
    for ln in lines:
        cells: list[list[list]] = [[] for _ in cols]
        whole = _spanning(ln, cols, x_lo)
        for s in ln.segs:
            prev = None
            for w in s.words:
                if w.sup:
                    continue  # a footnote mark is not part of the cell's value
                c = 0 if whole else _col_of(w.x0, w.x1, cols)
                # A word in no column, a word space after the one before it, runs on that
                # word's cell past where the column's other cells end ("Stage III-IV disease").
                if prev is not None and not whole and w.x0 - prev[0].x1 < 0.6 * w.size and \
                        not any(min(b, w.x1) - max(a, w.x0) > 0 for a, b in cols):
                    c = prev[1]
                cells[c].append(w)
                prev = (w, c)
        grid.append([[_CONT_CELL_RE.sub("", glue(c)).strip()] if c else [] for c in cells])
        # A mark set a little smaller than its cell ("person-year" + "b") says nothing of
        # the cell's emphasis.
        big = max((w.size for w in cells[0]), default=0.0)
        plain = [w for w in cells[0] if w.size > big - 0.3 or len(w.text) > 2]
        bold0.append(bool(plain) and all(w.font != main_font or w.bold and not _name_bold(main_font) for w in plain))
    return grid, bold0


def merge_rules(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Rules drawn cell by cell (an HTML renderer draws each cell's border apart) -> one
    rule per run of pieces at one height that meet end to end or overlap."""
    # Heights within 0.6 pt of the one before are one height (not rounded: 99.49 and 99.5 are one).
    bands: list[list[tuple[float, float, float]]] = []
    for r in sorted(rules, key=lambda r: r[2]):
        if bands and r[2] - bands[-1][-1][2] < 0.6:
            bands[-1].append(r)
        else:
            bands.append([r])
    out: list[list[float]] = []
    for band in bands:
        run: list[float] | None = None
        for x0, x1, y in sorted(band, key=lambda r: r[0]):
            # (Pieces that meet, or overlap: a border drawn twice, by the cells on both sides.)
            if run is not None and x0 - run[1] <= 1.5:
                run[1] = max(run[1], x1)
            else:
                run = [x0, x1, y]
                out.append(run)
    return sorted(((a, b, y) for a, b, y in out), key=lambda r: r[2])


def read_table(
    number: int, rest: str, region: list[Seg], cap: Seg | None, page: int = 0,
    rules: list[tuple[float, float, float]] | None = None, join_hyphen=None,
    vrules: list[tuple[float, float, float]] | None = None, fills: list[tuple[float, float, float, float]] | None = None,
    spans: list[tuple[float, float]] | None = None,
) -> TablePiece | None:
    """The table in a region. spans: the columns' x ranges to read it in (the first part's, for
    its continuation), rather than the gaps its own lines leave."""
    lines = line_up(region, page)
    if not lines:
        return None
    rules = merge_rules(rules) if rules else rules
    # Title: the caption's own line after "Table N", plus lines that continue it. (No caption:
    # a table going on under its header repeated on the next page; its lines are all rows.)
    first = lines[0]
    after = [s for s in first.segs if cap is not None and s is not cap and s.x0 >= cap.x0]
    title_parts = [rest] + [s.text for s in after]
    k = 0 if cap is None else 1
    # A title's next line starts under its first line (the caption's label or the title's
    # first word) or is centred like it; a header set over columns starts elsewhere.
    title_x0 = [cap.x0] + [w.x0 for w in cap.words[1:3]] + [s.x0 for s in after[:1]] if cap is not None else []
    # A caption set as a paragraph with its first line indented wraps to the table's left
    # edge, left of the caption's label, in the caption's type rather than the cells'.
    left = min(x.x0 for x in lines)
    while cap is not None and k < len(lines):
        ln, prev = lines[k], lines[k - 1]
        if (len(ln.segs) == 1 and abs(ln.size - cap.size) < 0.3 and ln.bold == prev.bold and len(prev.segs) <= 2
                and (any(abs(ln.x0 - x) < 0.5 * ln.size for x in title_x0)
                     or abs(ln.x0 - left) < 0.5 and ln.x0 < cap.x0 - 0.5 * ln.size and k + 1 < len(lines)
                     and lines[k + 1].size < cap.size - 0.3
                     or abs((ln.x0 + ln.x1) / 2 - (prev.x0 + prev.x1) / 2) < ln.size)
                and not re.search(r"[.:]$", prev.text) and ln.top - prev.bottom < 0.6 * ln.size
                and (prev.x1 - prev.x0) > 0.6 * (max(x.x1 for x in lines) - min(x.x0 for x in lines))):
            title_parts.append(ln.text)
            k += 1
        else:
            break
    title = CONTINUED_RE.sub("", " ".join(p for p in title_parts if p)).strip(" .:")
    body = lines[k:]
    if not body:
        return None
    # The Note: from the first line that opens like a note, or the first run of wide
    # single-cell lines after the rows, to the end.
    width = max(x.x1 for x in body) - min(x.x0 for x in body)
    note_at = len(body)
    seen_multi = False
    multi_sizes = sorted(x.size for x in body if len(x.segs) > 1)
    row_size = multi_sizes[len(multi_sizes) // 2] if multi_sizes else 0.0
    for i, ln in enumerate(body):
        if seen_multi and (NOTE_START_RE.match(ln.text) or len(ln.segs) == 1 and _ABBREV_LIST_RE.match(ln.text)):
            note_at = i
            break
        # Lines of one run set in smaller type than the rows, to the end: the Note.
        if seen_multi and all(len(x.segs) == 1 and x.size < row_size - 0.3 for x in body[i:]):
            note_at = i
            break
        if seen_multi and len(ln.segs) == 1 and ln.x1 - ln.x0 > 0.6 * width and all(
                len(x.segs) == 1 for x in body[i:]):
            note_at = i
            break
        seen_multi = seen_multi or len(ln.segs) > 1
    rows_lines, note_lines = body[:note_at], body[note_at:]
    if not rows_lines:
        return None
    x_lo = min(x.x0 for x in rows_lines)
    x_hi = max(x.x1 for x in rows_lines)
    # (Only the rules that are this table's cell borders.)
    grid_rules = pdf_grid.borders(vrules or [], rows_lines, x_lo, x_hi)
    if spans:
        # (Each column reaches to where the next starts: a longer cell than the first part's
        # runs on in its own column.)
        cols = [(min(a, x_lo) if i == 0 else a, spans[i + 1][0] - 0.5 if i + 1 < len(spans) else max(b, x_hi))
                for i, (a, b) in enumerate(spans)]
    else:
        cols = pdf_grid.split_columns(_table_columns(rows_lines, x_lo, x_hi), grid_rules, rows_lines)
    if len(cols) < 2:
        return None
    grid, bold0 = _grid(rows_lines, cols, x_lo)

    # Header lines: inside the shaded band the table opens with (a header row's fill), else
    # above the first rule under the caption (ruled tables), else the leading bold lines, else
    # the first row.
    n_head = _shaded_header(rows_lines, fills or [], rules or [], x_lo, x_hi)
    if rules and not n_head:
        # The first rule with table lines above it (a rule right under the caption is the
        # table's top edge) closes the header.
        below = [r for r in rules if r[2] > first.bottom and r[1] - r[0] > 0.5 * (x_hi - x_lo)
                 and any(ln.bottom <= r[2] + 1 for ln in rows_lines)]
        # A rule shorter than the table, with a full one under it a few lines down, is set
        # under a spanning header: the full one closes the header.
        # So does one as short that runs under it over the same columns, with only spanning
        # headers over the first (the header's rule under the sub-headers, beside a stub
        # header that spans both header rows and is set at their foot).
        while len(below) > 1 and below[0][1] - below[0][0] < 0.9 * (x_hi - x_lo) and (
                below[1][1] - below[1][0] >= 0.9 * (x_hi - x_lo)
                or below[1][0] <= below[0][0] + 1 and below[1][1] >= below[0][1] - 1
                and all(ln.x0 >= below[0][0] - 1 for ln in rows_lines if ln.bottom <= below[0][2] + 1)
                and any(ln.bottom <= below[1][2] + 1 and ln.top >= below[0][2] - 1 for ln in rows_lines)) and sum(
                1 for ln in rows_lines if ln.bottom <= below[1][2] + 1) <= 6:
            below = below[1:]
        if below:
            y = below[0][2]
            n_head = sum(1 for ln in rows_lines if ln.bottom <= y + 1)
            if n_head >= len(rows_lines) - 1 or n_head > 6:
                n_head = 0
    if n_head == 0 and rows_lines[0].bold and not all(ln.bold for ln in rows_lines):
        while n_head < len(rows_lines) and rows_lines[n_head].bold:
            n_head += 1
    if n_head == 0:
        first_row = _rows(grid, rows_lines)
        n_head = len(first_row[0]) if first_row else 1
    # A header set over several columns sits over the gap between two of them, where a
    # wide gap makes a column of its own: one that nothing under the header fills.
    phantom = {c for c in range(len(cols)) if any(grid[li][c] for li in range(n_head - 1))
               and not any(grid[i][c] for i in range(n_head - 1, len(grid)))}
    if phantom and len(cols) - len(phantom) >= 2:
        cols = [x for c, x in enumerate(cols) if c not in phantom]
        grid, bold0 = _grid(rows_lines, cols, x_lo)
    joined = _header_only_joined(cols, grid, rows_lines, n_head)
    if len(joined) < len(cols) and len(joined) >= 2:
        cols = joined
        grid, bold0 = _grid(rows_lines, cols, x_lo)
    head = [list(cells) for cells in grid[:n_head]]
    over: list[tuple[Seg, list[int]]] = []  # the spanning headers of the line above
    for li in range(n_head):
        pieces = [p for s in rows_lines[li].segs for p in _split_wide(s)]
        below = {c for lj in range(li + 1, n_head) for c in range(len(cols)) if grid[lj][c]}
        # Over another header line, a header is measured against what lies under it: a
        # column's extent includes the header words above, and may reach over a gap.
        under = _extents(rows_lines[li + 1:], cols, x_lo) if below else cols
        spans = {id(s): (below and _under_spanning(s, over)) or _spanned(s, under, below, rules or [], x_hi - x_lo, pieces)
                 for s in pieces}
        if below:
            for s in pieces:
                if len(spans[id(s)]) < 2:
                    spans[id(s)] = _over_columns(s, cols, below) or spans[id(s)]
            if not any(len(v) > 1 for v in spans.values()):
                spans.update(_groups_over(pieces, under, below))
        over = [(s, spans[id(s)]) for s in pieces if len(spans[id(s)]) > 1]
        if not over:
            continue
        # A header set over several columns ("Final diagnosis" over "IBD" and "Non-IBD")
        # names each of them, rather than lending one word to each.
        named: list[list[str]] = [[] for _ in cols]
        words: list[list] = [[] for _ in cols]
        for s in pieces:
            if len(spans[id(s)]) > 1:
                for c in spans[id(s)]:
                    named[c].append(s.text)
                continue
            for w in s.words:
                if not w.sup:
                    words[_col_of(w.x0, w.x1, cols)].append(w)
        head[li] = [named[c] + ([glue(words[c])] if words[c] else []) for c in range(len(cols))]
    columns = []
    for c in range(len(cols)):
        name = _join([t for li in range(n_head) for t in head[li][c]], join_hyphen)
        columns.append(name or f"[column {c + 1}]")
    # A bold first cell where the first column is otherwise regular is a group label
    # printed beside the first row of its group.
    body_idx = range(n_head, len(grid))
    labels: dict[int, str] = {}
    for i in body_idx:
        nxt = next((j for j in range(i + 1, len(grid)) if grid[j][0]), None)
        if bold0[i] and nxt is not None and not bold0[nxt] and not any(bold0[j] for j in body_idx if j > nxt):
            pass
        if bold0[i] and nxt is not None and not bold0[nxt]:
            labels[i] = " ".join(grid[i][0])
    pdf_grid.merge_across_missing(grid, rows_lines, cols, grid_rules, n_head, _col_of)
    ruled = _ruled_rows(grid[n_head:], rows_lines[n_head:], rules or [], cols, x_lo, x_hi, join_hyphen,
                        pdf_grid.boxed(cols, grid_rules, rows_lines[n_head:]))
    row_cells = None if ruled is None else [cells for cells, _ in ruled]
    if row_cells is not None:
        labels = {}  # a ruled grid's bold first column is its cells (merged over rows), not labels
    for i in labels:
        grid[i][0] = []
    rows_idx = [[j + n_head for j in r] for r in _rows(grid[n_head:], rows_lines[n_head:], {i - n_head for i in labels})]
    if row_cells is None:
        tight = _wrap_pitch(_line_pitch(rows_lines[n_head:], grid[n_head:]), rows_lines[n_head:], grid[n_head:])
        split = [_rowspan_split(grid, idx, rows_lines, tight, need_merged=tight is None) for idx in rows_idx]
        rows_idx = [part for parts in split for part in parts]
        row_cells = [cells for parts in split for cells in _spanned_cells(grid, parts, join_hyphen)]
        row_labels = [next((labels[i] for i in reversed(idx) if i in labels), None) for idx in rows_idx]
        row_x0 = [next((x for li in idx if li not in labels and (x := _first_x0(rows_lines[li], cols, x_lo)) is not None),
                       None) for idx in rows_idx]
        label_x0 = [next((rows_lines[li].x0 for li in reversed(idx) if li in labels), None) for idx in rows_idx]
    else:
        row_labels = [None] * len(row_cells)
        label_x0 = [None] * len(row_cells)
        # (Where each row's first cell starts: rows indented under a group label.)
        row_x0 = [_first_x0(rows_lines[n_head + first], cols, x_lo) for _, first in ruled]
    rows: list[RowPiece] = []
    group = None
    # Where a group's rows are indented under its label, a row set back at the label's own
    # indentation is no longer in the group (ungrouped rows after the last group).
    group_x0, indented = None, False
    size = rows_lines[0].size
    for k, cells in enumerate(row_cells):
        if row_labels[k]:
            group, group_x0, indented = row_labels[k], label_x0[k], False
        if CONTINUED_RE.search(" ".join(cells)) and len(" ".join(cells)) < 40:
            continue  # "(continued on next page)"
        if len(cols) >= 3 and cells[0] and not any(cells[1:]) and k < len(row_cells) - 1:
            group, group_x0, indented = cells[0], row_x0[k], False
            continue
        x0 = row_x0[k]
        if group is not None and group_x0 is not None and x0 is not None:
            if x0 > group_x0 + 0.4 * size:
                indented = True
            elif indented and abs(x0 - group_x0) < 0.4 * size:
                group, group_x0 = None, None
        rows.append(RowPiece(cells, group))
    if not rows:
        return None
    # "(continued on next page)" under a table's first part is no part of its Note.
    note = _join([ln.text for ln in note_lines if not (CONTINUED_RE.search(ln.text) and len(ln.text) < 40)], join_hyphen)
    return TablePiece(number, title, columns, rows, note, list(cols))


# Statistics of a whole subgroup, not of its rows (biomedical convention: a test of interaction,
# heterogeneity or trend across a subgroup's categories).
_PER_GROUP_HEADER = re.compile(r"\binteraction\b|\b(?:p|test)\s*(?:-?\s*values?\s+)?(?:for|of)\s+(?:trend|heterogeneity)\b", re.I)


def group_values(rows: list[RowPiece], columns: list[str] | None = None) -> None:
    """A value printed once for a group of rows, in a cell merged down them (a P for interaction
    beside a subgroup's categories), is each row's. Seen as a column that, in every group of
    two or more rows that has a value there (two such groups at least), holds one value and
    leaves the other rows empty; and either its header names a statistic of a whole subgroup
    ("P for interaction", "P for trend"), whatever row the typesetter put the value on, or the value sits on
    a middle row of a group of three or more somewhere and never on such a group's first or
    last row: otherwise a value on a group's first or last row is that row's (a reference
    category's blank beside the other rows' values, a note, a subtotal)."""
    runs: list[list[RowPiece]] = []
    for r in rows:
        if r.group is not None and runs and runs[-1][0].group == r.group:
            runs[-1].append(r)
        elif r.group is not None:
            runs.append([r])
    runs = [g for g in runs if len(g) >= 2]
    for c in range(1, min((len(r.cells) for r in rows), default=0)):
        placed = [([k for k, r in enumerate(g) if r.cells[c].strip()], g) for g in runs]
        per_group = columns is not None and c < len(columns) and _PER_GROUP_HEADER.search(columns[c]) is not None
        if per_group:
            # (A subgroup may have no test at all: a group of sensitivity analyses.)
            placed = [(k, g) for k, g in placed if k]
        if len(placed) < 2 or not all(len(k) == 1 for k, _ in placed):
            continue
        long = [(k[0], len(g)) for k, g in placed if len(g) >= 3]
        if not per_group and (not long or not all(0 < k < n - 1 for k, n in long)):
            continue
        for (k,), g in placed:
            for r in g:
                r.cells[c] = g[k].cells[c]


def _header_only_joined(cols: list[tuple[float, float]], grid: list[list[list[str]]], lines: list[PLine],
                        n_head: int) -> list[tuple[float, float]]:
    """A column no cell under the header fills, made only of header words, is part of the
    column beside it that one of those header segments runs on into: a header set
    left-aligned and wider than the centred or right-aligned numbers under it ("Treated
    (n = 120)," over "5 (4.2)") leaves its first words beside the numbers' column, where its
    two lines alone make a column when the rows are few enough."""
    cols = list(cols)
    body = set(c for i in range(n_head, len(grid)) for c in range(len(cols)) if grid[i][c])
    for c in reversed(range(len(cols))):
        if c in body or not any(grid[i][c] for i in range(n_head)) or len(cols) < 3:
            continue
        for d in (c + 1, c - 1):
            if not 0 <= d < len(cols) or d not in body:
                continue
            a, b = min(cols[c][0], cols[d][0]), max(cols[c][1], cols[d][1])
            if any(s.x0 < cols[c][1] and s.x1 > cols[d][0] if d > c else s.x0 < cols[d][1] and s.x1 > cols[c][0]
                   for ln in lines[:n_head] for s in ln.segs):
                cols[min(c, d):max(c, d) + 1] = [(a, b)]
                body = {x - 1 if x > c else x for x in body}
                break
    return cols


def _shaded_header(lines: list[PLine], fills: list[tuple[float, float, float, float]],
                   rules: list[tuple[float, float, float]], x_lo: float, x_hi: float) -> int:
    """How many of the table's first lines a shaded band as wide as the table holds (its
    header row, set on a fill of its own), when it holds the first line and not most of them.
    A band a rule across the table runs through (a shaded box over a ruled header and its
    first rows) is no header row."""
    top = lines[0]
    for x0, x1, t, b in fills:
        if any(t + 2 < y < b - 2 and r1 - r0 > 0.5 * (x_hi - x_lo) for r0, r1, y in rules):
            continue
        if x0 <= x_lo + 2 and x1 >= x_hi - 2 and t <= top.top + 1 and b >= top.bottom - 1:
            n = sum(1 for ln in lines if t - 1 <= (ln.top + ln.bottom) / 2 <= b + 1)
            if 0 < n <= 6 and n < len(lines) - 1:
                return n
    return 0


def _first_x0(ln: PLine, cols: list[tuple[float, float]], x_lo: float) -> float | None:
    """Where a line's first cell starts (None when the first column is empty there)."""
    if _spanning(ln, cols, x_lo):
        return ln.x0
    return min((w.x0 for s in ln.segs for w in s.words if not w.sup and _col_of(w.x0, w.x1, cols) == 0), default=None)


def _ruled_rows(
    grid: list[list[list[str]]], lines: list[PLine], rules: list[tuple[float, float, float]],
    cols: list[tuple[float, float]], x_lo: float, x_hi: float, join_hyphen=None, boxed: bool = False,
) -> list[tuple[list[str], int]] | None:
    """Rows of a table ruled between every row, each with the index of its first line: the
    body's rules are the row boundaries, and
    a cell whose column a rule does not cross spans the rows on either side (a merged first
    cell, "Exercise" beside three elements), so each of those rows holds its text. None when
    the rules do not rule every row (rules between groups of rows, or none): a band between
    two rules that opens several rows by the first-column reading is not one row."""
    if not rules or len(lines) < 2:
        return None

    def crosses(r, c: int) -> bool:
        a, b = cols[c]
        return min(r[1], b) - max(r[0], a) > 0.5 * (b - a)

    top, bottom, pad = lines[0].top, lines[-1].bottom, 0.25 * (x_hi - x_lo)
    inner = [r for r in rules if top < r[2] < bottom and r[0] > x_lo - pad and r[1] < x_hi + pad
             and any(crosses(r, c) for c in range(len(cols)))]
    if len(inner) < 2:
        return None
    mid = [(ln.top + ln.bottom) / 2 for ln in lines]
    # A rule runs between the cells it crosses: one through a cell's text is no row boundary.
    # (Through its middle: a font's box reaches above its capitals, and a cell's first line
    # sits close under the rule that opens it.)
    def through(r, ln) -> bool:
        edge = max(1.0, 0.25 * (ln.bottom - ln.top))
        return ln.top + edge < r[2] < ln.bottom - edge

    if any(through(r, ln) and any(grid[i][c] and crosses(r, c) for c in range(len(cols)))
           for r in inner for i, ln in enumerate(lines)):
        return None
    ys = sorted({round(r[2], 1) for r in inner})
    band = [bisect.bisect(ys, m) for m in mid]
    if max(Counter(band[r[0]] for r in _rows(grid, lines)).values()) > 1 and not (boxed and _wrapped_bands(lines, band)):
        return None
    out: list[list[str]] = []
    wraps = _wrapped_bands(lines, band)
    pitch = _band_pitch(lines, band, grid)
    # How far apart the ruled rows' first lines are, as a rule.
    firsts = [_top(lines[band.index(b)]) for b in sorted(set(band))]
    steps = sorted(y - x for x, y in zip(firsts, firsts[1:]))
    row_pitch = steps[len(steps) // 2] if steps else 0.0
    for b in sorted(set(band)):
        first = band.index(b)
        cells = []
        for c in range(len(cols)):
            cys = sorted({round(r[2], 1) for r in inner if crosses(r, c)})
            cell = bisect.bisect(cys, mid[first])
            span = [i for i, m in enumerate(mid) if bisect.bisect(cys, m) == cell]
            # Merged only where the text sits in one of the rows the cell spans: a column
            # with text in each of them is ruled short of its edge, not merged. (Text running on
            # from one row into the next, "Safety and tol-" / "erability", is one cell's.)
            texts = [i for i in span if grid[i][c]]
            if len({band[i] for i in texts}) > 1 and not _goes_on(grid, lines, texts, c, row_pitch):
                span = [i for i in span if band[i] == b]
            cells.append(_join([t for i in span for t in grid[i][c]], join_hyphen))
        if not any(cells):
            continue
        mine = [i for i in range(len(lines)) if band[i] == b]
        # Bands of wrapped cells may still hold several rows under a cell merged down them
        # ("Tranexamic acid" beside two studies), set further apart than a cell's lines.
        parts = [mine] if wraps and pitch is None else _rowspan_split(grid, mine, lines, pitch, need_merged=pitch is None)
        if len(parts) == 1:
            out.append((cells, first))
            continue
        # Rows sharing cells merged over them (a group's label and its P value): each row has
        # its own cells and the merged ones.
        own = _spanned_cells(grid, parts, join_hyphen)
        spanning = {c for c in range(len(cols)) if not any(grid[i][c] for part in parts[1:] for i in part)}
        for part, row in zip(parts, own):
            out.append(([cells[c] if c in spanning else row[c] for c in range(len(cols))], part[0]))
    return out


def _rowspan_split(grid: list[list[list[str]]], idx: list[int], lines: list[PLine], tight: float | None,
                   need_merged: bool = False) -> list[list[int]]:
    """A row's lines as the rows they are when cells are merged down over several rows (a
    group's label beside its categories, "Response" beside "Week 4" and "Week 12").
    A line after the first opens a row of its own when it has the first cell empty, fills
    most of the columns the first line fills, and each of its cells opens a cell rather than
    going on with the line above (not in lower case, in brackets or as a list's next item, the
    line above not ending in a hyphen, comma, slash or bracket); a line set at a table's closer
    pitch of wrapped cells, or filling few columns, is a wrapped cell's next line and stays
    with the row above it ("Type 2" / "Diabetes"). The rows so opened must form a
    regular grid (each fills the same columns). need_merged: without the pitch to go by, only
    when a column besides the first is merged too (a P value printed once per group): an
    estimate over its interval in every column is one row's cells."""
    if len(idx) < 2 or not grid[idx[0]][0]:
        return [idx]
    first = {c for c in range(len(grid[idx[0]])) if grid[idx[0]][c]}
    # A bracket opens a cell's next line ("(0.55-0.94)" under "0.72") unless the column's cells
    # open with one anyway (a column of "[33]" reference markers).
    bracketed = {c for c in first if " ".join(grid[idx[0]][c])[:1] in "(["}
    shapes = set()
    parts = [[idx[0]]]
    for k, i in enumerate(idx[1:], start=1):
        cells = grid[i]
        filled = frozenset(c for c in range(len(cells)) if cells[c])
        if tight is not None and _top(lines[i]) - _top(lines[i - 1]) < tight:
            parts[-1].append(i)  # set at the pitch of a cell's wrapped lines: the row above goes on
            continue
        if len(filled & first) < max(3, 0.5 * len(first)):
            if k == len(idx) - 1:
                return [idx]  # a row's last line wrapping ("Ghana" / "Togo" / "Benin"): no rows under it
            parts[-1].append(i)  # a wrapped cell between rows ("Type 2" / "Diabetes") stays with its row
            continue
        opens = not cells[0] and all(
            not _continues(" ".join(cells[c]), " ".join(grid[i - 1][c])) and not _LIST_ITEM_RE.match(" ".join(cells[c]))
            and (c in bracketed or " ".join(cells[c])[:1] not in "([") for c in filled)
        if not opens:
            return [idx]
        shapes.add(filled)
        parts.append([i])
    if len(parts) == 1 or len(shapes) != 1 or need_merged and not (first - set().union(*shapes) - {0}):
        return [idx]
    return parts


def _wrap_pitch(tight: float | None, lines: list[PLine], grid: list[list[list[str]]]) -> float | None:
    """The closer of a table's two line pitches, when lines set at it are seen to wrap a cell
    (a line going on in lower case, or after a hyphen, comma, slash or bracket); else None: the
    closer pitch may be that of the rows inside groups set apart by extra space."""
    if tight is None:
        return None
    for i in range(1, len(lines)):
        if _top(lines[i]) - _top(lines[i - 1]) >= tight:
            continue
        if any(_continues(" ".join(grid[i][c]), " ".join(grid[i - 1][c])) for c in range(len(grid[i]))):
            return tight
    return None


_LIST_ITEM_RE = re.compile(r"^(?:[-–•·*▪●○]\s|\d{1,2}[.)]\s)")


def _spanned_cells(grid: list[list[list[str]]], parts: list[list[int]], join_hyphen) -> list[list[str]]:
    """Each part's cells; a column only the first part fills is a cell merged over all of
    them, and each row holds its text."""
    width = len(grid[parts[0][0]])
    rows = [[_join([t for li in part for t in grid[li][c]], join_hyphen) for c in range(width)] for part in parts]
    for c in range(width):
        if rows[0][c] and not any(r[c] for r in rows[1:]):
            for r in rows[1:]:
                r[c] = rows[0][c]
    return rows


_RUNS_ON = ("-", ",", "/", "(")  # a cell's line ending so goes on in the next line


def _runs_on(above: str, here: str = "") -> bool:
    """A cell's line that the next line (here) goes on from: it ends in a hyphen, comma, slash
    or bracket, or leaves a bracket open that here closes ("Favourable outcome (mRS" / "0–3)
    at 6 months"; "Mean age (years" over a row of its own closes nothing)."""
    return above.endswith(_RUNS_ON) or any(above.count(a) > above.count(b) and here.count(b) > here.count(a)
                                           for a, b in ("()", "[]"))


def _continues(here: str, above: str) -> bool:
    """A cell's line goes on from the line above: it opens in lower case, or the line above
    runs on (see _runs_on)."""
    return bool(here) and (here[:1].islower() or _runs_on(above, here))


def _goes_on(grid: list[list[list[str]]], lines: list[PLine], rows: list[int], c: int, pitch: float) -> bool:
    """Column c's text on these lines is one cell's, run on across a row's rule: each line
    after the first follows the one above it after a hyphen, comma, slash or bracket, or in
    lower case set closer than the rows are (a list of lower-case names, "miR-21" / "let-7b",
    is set at the row pitch)."""
    for a, b in zip(rows, rows[1:]):
        here, above = " ".join(grid[b][c]), " ".join(grid[a][c])
        close = _top(lines[b]) - _top(lines[a]) < pitch - 0.2 * lines[b].size
        if b != a + 1 or not (_runs_on(above, here) or here[:1].islower() and close):
            return False
    return True


def _wrapped_bands(lines: list[PLine], band: list[int]) -> bool:
    """Lines sharing a band between two rules sit closer together than lines on either side of
    a rule: the band is one row whose cells wrap ("Hallberg 2014" / "(Sweden)"), not several
    rows between rules set only between groups."""
    within = [b.top - a.top for a, b, x, y in zip(lines, lines[1:], band, band[1:]) if x == y]
    across = [b.top - a.top for a, b, x, y in zip(lines, lines[1:], band, band[1:]) if x != y]
    return bool(within) and bool(across) and max(within) < min(across) - 0.5


def _band_pitch(lines: list[PLine], band: list[int], grid: list[list[list[str]]]) -> float | None:
    """Inside bands between rules, the pitch between a cell's wrapped lines and the wider one
    of rows merged under a spanning cell, when both occur; else None. Lines at the closer pitch
    must be seen to go on with a cell (else the closer pitch is the rows' own and one wider
    gap is extra space, as under a subgroup), and the wider pitch must occur in two bands."""
    steps = [(i, _top(lines[i]) - _top(lines[i - 1])) for i in range(1, len(lines))
             if band[i] == band[i - 1] and _top(lines[i]) > _top(lines[i - 1])]
    within = sorted(p for _, p in steps)
    k = next((j for j in range(1, len(within)) if within[j] >= 1.2 * within[j - 1]), None)
    if k is None or within[k - 1] > 1.1 * within[0]:
        return None
    cut = (within[k - 1] + within[k]) / 2
    wide_bands = {band[i] for i, p in steps if p > cut}
    wraps = any(p < cut and any(_continues(" ".join(grid[i][c]), " ".join(grid[i - 1][c])) for c in range(len(grid[i])))
                for i, p in steps)
    return cut if wraps and len(wide_bands) >= 2 else None


def _top(ln: PLine) -> float:
    """A line's top without its footnote marks, which are raised above it."""
    return min((w.top for s in ln.segs for w in s.words if not w.sup), default=ln.top)


def _line_pitch(lines: list[PLine], grid: list[list[list[str]]] | None = None) -> float | None:
    """Where a table spaces its rows apart (each row's lines set closer than the rows), the
    pitch below which a line goes on the row above: then a wrapped first cell that starts
    with a capital or a digit ("L/day)") is not a new row. None when the pitches are even.

    The pitches fall in two groups, the line pitch inside a cell (all alike) and the row
    pitch (after a row or a group label, perhaps wider still), split at the first step up.
    Rows of one line each, with extra space above group labels, give the same two groups:
    there the lines at the close pitch fill every column, where a wrapped cell's next line
    leaves the columns that did not wrap empty."""
    steps = [(i, _top(b) - _top(a)) for i, (a, b) in enumerate(zip(lines, lines[1:]), 1) if _top(b) > _top(a)]
    if len(steps) < 4:
        return None
    ps = sorted(p for _, p in steps)
    k = next((j for j in range(1, len(ps)) if ps[j] >= 1.2 * ps[j - 1]), None)
    if k is None:
        return None
    tight, wide = ps[:k], ps[k:]
    if tight[-1] > 1.1 * tight[0] or len(wide) < 2:
        return None
    cut = (ps[k - 1] + ps[k]) / 2
    if grid is not None:
        filled = [sum(1 for c in cells if c) for cells in grid]
        most = max(filled)
        close = [i for i, p in steps if p < cut]
        if sum(1 for i in close if filled[i] < most) < 0.5 * len(close):
            return None
    return cut


def _bands(lines: list[PLine], grid: list[list[list[str]]], label_lines: set[int] = frozenset()) -> list[list[int]] | None:
    """Rows told apart by the space between them alone: where the lines inside a cell are
    set at one pitch and the rows a clear step further apart (a cell's inset above and
    below), each band of lines at the close pitch is a row, wherever in it each cell's text
    sits (top, centre or bottom). Used when every band reads as one row: its first cell one
    run of lines, and no two of its lines each filling all the columns the band fills (a
    group label's rows set close together under it are several rows)."""
    steps = [_top(b) - _top(a) for a, b in zip(lines, lines[1:])]
    if len(steps) < 3 or min(steps) <= 0:
        return None
    ps = sorted(steps)
    jump, k = max((ps[j] - ps[j - 1], j) for j in range(1, len(ps)))
    tight = ps[:k]
    spread = tight[-1] - tight[0]
    if len(tight) < 2 or jump < max(0.5, 3 * spread, 0.05 * tight[-1]):
        return None
    cut = (ps[k - 1] + ps[k]) / 2
    bands: list[list[int]] = [[0]]
    for i, step in enumerate(steps, 1):
        if step > cut:
            bands.append([i])
        else:
            bands[-1].append(i)
    if all(len(b) == 1 for b in bands):
        return None
    # Where the rows are set closer than a cell's lines (a small inset), the wide steps are
    # inside cells: a band's first line would then go on with a cell of the line above.
    for b in bands[1:]:
        i = b[0]
        for c in range(len(grid[i])):
            here, above = " ".join(grid[i][c]), " ".join(grid[i - 1][c])
            if here and above and (here[:1].islower() or _runs_on(above, here)):
                return None
    for b in bands:
        if any(i in label_lines for i in b) and len(b) > 1:
            return None
        if b[0] in label_lines:
            continue
        first = [i for i in b if grid[i][0]]
        if not first or first != list(range(first[0], first[-1] + 1)):
            return None
        used = {c for i in b for c in range(len(grid[i])) if grid[i][c]}
        if len(used) > 1 and sum(1 for i in b if all(grid[i][c] for c in used)) > 1:
            return None
    return bands


def _cell_rows(grid: list[list[list[str]]], label_lines: set[int] = frozenset()) -> list[list[int]] | None:
    """Rows as the union of the cells that overlap, where the first row's first cell is not
    on its first line (cells set at the bottom or centre of their rows, at one even pitch):
    each column's text is cut into cells where a line opens other than by going on with the
    line above (not in lower case, the line above not ending in a hyphen, comma, slash or
    bracket), and cells of different columns sharing a line are one row, which spans the
    tallest of them. Used when each row so read has one first cell."""
    first = next((i for i in range(len(grid)) if i not in label_lines and any(grid[i])), None)
    if first is None or grid[first][0] or label_lines:
        return None
    spans: list[tuple[int, int]] = []
    for c in range(len(grid[0])):
        start = None
        for i in range(len(grid) + 1):
            here = " ".join(grid[i][c]) if i < len(grid) else ""
            above = " ".join(grid[i - 1][c]) if 0 < i <= len(grid) else ""
            goes_on = bool(here) and bool(above) and (here[:1].islower() or _runs_on(above, here))
            if start is not None and not goes_on:
                spans.append((start, i - 1))
                start = None
            if here and start is None:
                start = i
    rows: list[list[int]] = []
    end = -1
    for a, b in sorted(spans):
        if rows and a <= end:
            end = max(end, b)
            rows[-1] = list(range(rows[-1][0], end + 1))
        else:
            rows.append(list(range(a, b + 1)))
            end = b
    for r in rows:
        run = [i for i in r if grid[i][0]]
        if not run or run != list(range(run[0], run[-1] + 1)):
            return None
    return rows if len(rows) > 1 else None


def _anchors(grid: list[list[list[str]]]) -> set[int]:
    """Columns every row fills on its first line and that never wrap (a Ref or P column), in
    a table whose cells often wrap: a line with cells, but none there, continues a row.
    Among the columns after the first that most lines of several cells fill, they are the
    ones filled on the fewest lines (each row's first line only), the others also filled
    on some of the lines that continue a row; a good share of the lines leave them empty."""
    multi = [k for k, cells in enumerate(grid) if sum(1 for c in cells if c) >= 2]
    if len(multi) < 4:
        return set()
    filled = {c: frozenset(k for k in multi if grid[k][c]) for c in range(1, len(grid[0]))}
    common = [f for f in filled.values() if len(f) >= max(3, 0.4 * len(multi))]
    if not common:
        return set()
    core = frozenset.intersection(*common)
    lacking = len(multi) - len(core)
    if len(core) < 3 or lacking < 2 or lacking < 0.2 * len(multi):
        return set()
    return {c for c, f in filled.items() if f == core}


WRAPPED_LINE_CHARS = 12  # a cell's line this long may be wrapped; a shorter one ("yes", "mild") is a value


def _others_go_on(grid: list[list[list[str]]], i: int) -> bool:
    """Line i's cells after the first go on from the cells above them: at least half of them
    follow a line long enough to have wrapped that runs on, or open in lower case under one
    (two of them, when no line runs on) — "Medication" /
    "Appropriateness Index" in the first column, "(indication," / "effectiveness, dosage, ..."
    beside it: its first cell wraps too, however it opens."""
    others = [c for c in range(1, len(grid[i])) if grid[i][c]]
    if not others:
        return False
    going = running = 0
    for c in others:
        here, above = " ".join(grid[i][c]), " ".join(grid[i - 1][c])
        if len(above) < WRAPPED_LINE_CHARS:
            continue  # a value ("-", "yes") is no wrapped line
        if _runs_on(above, here):
            running += 1
        elif here[:1].islower():
            going += 1
    # (One cell in lower case beside others is weak evidence; one running on is not.)
    return running + going >= max(1, (len(others) + 1) // 2) and (running > 0 or going >= 2)


# A first cell that continues the one above rather than opening a row: it opens with a
# bracket or a number ("(n = 40)", "12, 0-10", ">75%"); a row's first cell opens with a name.
_CONT_START_RE = re.compile(r"^(?:\((?![a-z0-9]\)\s)|[<>≤≥±~]?\d)")


def _rows(grid: list[list[list[str]]], lines: list[PLine], label_lines: set[int] = frozenset()) -> list[list[int]]:
    """Line indices of each row: a new row opens where the first column has a new cell (or
    at a group label's line, whose row takes the first cell that follows)."""
    bands = _bands(lines, grid, label_lines) or _cell_rows(grid, label_lines)
    if bands is not None:
        rows = []
        for b in bands:
            if rows and len(rows[-1]) == 1 and rows[-1][0] in label_lines:
                rows[-1].extend(b)  # a label's row takes the row that follows
            else:
                rows.append(list(b))
        return rows
    rows: list[list[int]] = []
    waiting = False  # the current row opened at a label and has no first cell yet
    tight = _line_pitch(lines, grid)
    anchors = _anchors(grid) if tight is None else set()
    # Rows that wrap over lines show it: a line with cells but no first cell. Only then can
    # a line whose other cells go on continue a row whose first cell wraps too (in a table
    # of one-line rows, "tumour suppressor gene" over "oncogene" is two rows).
    wraps = any(not cells[0] and any(cells[1:]) for k, cells in enumerate(grid) if k not in label_lines)
    for i, cells in enumerate(grid):
        if i in label_lines:
            rows.append([i])
            waiting = True
            continue
        c0 = " ".join(cells[0])
        prev_c0 = " ".join(grid[i - 1][0]) if i > 0 else ""
        gap = lines[i].top - lines[i - 1].bottom if i > 0 else 0.0
        wrapped = (c0[:1].islower() or _runs_on(prev_c0.rstrip(), c0) or i > 0 and wraps and _others_go_on(grid, i)
                   or tight is not None and i > 0 and _top(lines[i]) - _top(lines[i - 1]) < tight
                   or bool(anchors) and not any(cells[c] for c in anchors) and bool(_CONT_START_RE.match(c0))
                   # a line that fills every other column is a row of its own (a P value
                   # printed once per group leaves the group's other rows without one)
                   and not all(cells[c] for c in range(1, len(cells)) if c not in anchors))
        opens = bool(c0) and (not rows or not prev_c0 or not wrapped or gap > 0.8 * lines[i].size)
        if waiting and c0:
            rows[-1].append(i)
            waiting = False
        elif opens or not rows:
            rows.append([i])
        else:
            rows[-1].append(i)
    return rows
