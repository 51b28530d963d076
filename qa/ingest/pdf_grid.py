"""Tables drawn as grids (a word processor's cell borders, LaTeX's |l|c|): their vertical
borders. Which vertical rules are a table's borders, the columns they divide, and the cells
merged across a border left out on their row."""

from __future__ import annotations

import bisect

from qa.ingest.pdf_words import PLine

Rule = tuple[float, float, float]  # (x, top, bottom)


def borders(vrules: list[Rule], lines: list[PLine], x_lo: float, x_hi: float) -> list[Rule]:
    """The vertical rules that are the table's cell borders: inside its box, level with its
    lines, and never through a word beside them (a column separator or a figure frame
    crossing a table cuts through its text; a border runs between cells)."""
    if not vrules or not lines:
        return []
    top, bottom = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
    near = [v for v in vrules if x_lo - 3 <= v[0] <= x_hi + 3 and v[1] < bottom and v[2] > top]
    out = []
    for x, t, b in near:
        beside = [ln for ln in lines if t < ln.bottom - 1 and b > ln.top + 1]
        if beside and not any(w.x0 < x - 0.5 and w.x1 > x + 0.5 for ln in beside for s in ln.segs for w in s.words):
            out.append((x, t, b))
    return out


def split_columns(cols: list[tuple[float, float]], rules: list[Rule], lines: list[PLine]) -> list[tuple[float, float]]:
    """A column read from the gaps between words that a border runs through, with text on
    both sides of it in at least two lines, is two columns (narrow cells such as "n" and "%"
    under one heading sit closer together than the gap columns are found by)."""
    if not rules:
        return cols
    out: list[tuple[float, float]] = []
    for a, b in cols:
        pieces = [(a, b)]
        for x in sorted({round(r[0], 1) for r in rules if a + 1 < r[0] < b - 1}):
            lo, hi = pieces.pop()
            beside = [ln for ln in lines if any(abs(vx - x) < 0.6 and t < ln.bottom and btm > ln.top
                                                for vx, t, btm in rules)]
            left = [w for ln in beside for sg in ln.segs for w in sg.words if lo - 1 <= w.x0 and w.x1 <= x + 0.5]
            right = [w for ln in beside for sg in ln.segs for w in sg.words if x - 0.5 <= w.x0 and w.x1 <= hi + 1]
            if len({round(w.top) for w in left}) >= 2 and len({round(w.top) for w in right}) >= 2:
                pieces += [(lo, max(w.x1 for w in left)), (min(w.x0 for w in right), hi)]
            else:
                pieces.append((lo, hi))
        out += pieces
    return out


def ruled_gaps(cols: list[tuple[float, float]], rules: list[Rule]) -> list[list[tuple[float, float]]]:
    """For each gap between neighbouring columns, the (top, bottom) spans of the borders drawn
    in it, sorted (empty: the gap is no border of the grid)."""
    return [sorted((t, b) for x, t, b in rules if cols[c][1] - 1 <= x <= cols[c + 1][0] + 1)
            for c in range(len(cols) - 1)]


def drawn_beside(spans: list[tuple[float, float]], ln: PLine) -> bool:
    """Some border span runs beside the line."""
    k = bisect.bisect_left(spans, (ln.bottom - 1, float("inf")))
    return any(b > ln.top + 1 for _, b in spans[:k])


def merge_across_missing(grid: list[list[list[str]]], lines: list[PLine], cols: list[tuple[float, float]],
                         rules: list[Rule], start: int, col_of) -> None:
    """A body line whose one run of text reaches over a border of the grid that is not drawn
    beside that line is one merged cell ("61.8 ± 9.6" over the n and % columns, or over
    three): its text goes to the first column it covers."""
    if not rules:
        return
    gaps = ruled_gaps(cols, rules)
    for i in range(start, len(lines)):
        ln = lines[i]
        for sg in ln.segs:
            covered = sorted({col_of(w.x0, w.x1, cols) for w in sg.words})
            for a, c in zip(covered, covered[1:]):
                if c != a + 1 or not gaps[a] or drawn_beside(gaps[a], ln):
                    break
                first = covered[0]
                if grid[i][c]:
                    grid[i][first] = [" ".join(grid[i][first] + grid[i][c])]
                    grid[i][c] = []


def boxed(cols: list[tuple[float, float]], rules: list[Rule], lines: list[PLine]) -> bool:
    """Borders run between every pair of columns beside the table's lines."""
    if len(cols) < 2 or not lines:
        return False
    top, bottom = lines[0].top, lines[-1].bottom
    return all(any(t < bottom and b > top for t, b in spans) for spans in ruled_gaps(cols, rules))
