"""Two columns set close together: a gutter narrower than the gap that splits a line into
segments (about 1 em) leaves a left-column line and the right-column line at its height as
one segment ("... diarrhoea, ab- ees et al., 2015). National ..."). The gutter still shows
as an x band that no word of the running text crosses, line after line; a segment whose
words sit on both sides of that band, between lines that do not cross it either, is cut
there, so column detection and reading order downstream see two columns again."""

from __future__ import annotations

from collections import Counter

from qa.ingest.pdf_words import Page, Seg

MIN_GUTTER = 3.0  # points: narrower white runs are word spaces that happen to line up
GAP_SLACK = 0.05  # share of a page's lines that may cross its column gap (a block's short last line ending in it)


def widest_run(cov: list[int], most: int) -> tuple[int, int] | None:
    """(start, width) of the widest run of places crossed at most `most` times, or None."""
    best, start = None, None
    for i, c in enumerate(cov + [1 << 30]):
        if c <= most:
            start = i if start is None else start
        elif start is not None:
            if best is None or i - start > best[1]:
                best = (start, i - start)
            start = None
    return best


def word_gutter(p: Page, size: float) -> float | None:
    """x of a band, in the middle of the page, crossed by no word of most body-size lines,
    with body text on both sides of it; None when there is none."""
    body = [s for s in p.segs if abs(s.size - size) <= 1.0 and len(s.text) > 15]
    if len(body) < 6:
        return None
    lo, hi = int(0.3 * p.width), int(0.7 * p.width)
    cov = [0] * (hi - lo)
    for s in body:
        seen = set()
        for w in s.words:
            for x in range(max(lo, int(w.x0)), min(hi, int(w.x1) + 1)):
                seen.add(x)
        for x in seen:
            cov[x - lo] += 1
    least = min(cov)
    if least > 0.45 * len(body):
        return None
    # Lines crossing the gutter (an abstract above the columns) may have word spaces of their
    # own near it, which would narrow the band of the very least coverage to a sliver.
    best = widest_run(cov, least + max(1, int(GAP_SLACK * len(body))))
    if best is None or best[1] < MIN_GUTTER:
        return None
    g = lo + best[0] + best[1] / 2
    left = sum(1 for s in body if s.x0 < g)
    right = sum(1 for s in body if s.x1 > g)
    return g if left >= 0.3 * len(body) and right >= 0.3 * len(body) else None


def _band(p: Page, size: float, g: float | None) -> tuple[float, float] | None:
    """The white band between the columns where whole segments show a gutter at g: from the
    left column's right edge to the right column's left edge (body-size lines)."""
    if g is None:
        return None
    body = [s for s in p.segs if abs(s.size - size) <= 1.0 and len(s.text) > 15]
    left = [s.x1 for s in body if s.x1 <= g]
    right = Counter(round(s.x0, 1) for s in body if s.x0 >= g)
    if not left or not right:
        return None
    # (Where most right-column lines start: a line run on from a table cell set in the gutter
    # starts short of it.)
    return max(left), right.most_common(1)[0][0]


def _crosses(s: Seg, g: float) -> bool:
    return any(w.x0 < g - 0.5 and w.x1 > g + 0.5 for w in s.words)


def split_joined_columns(pages: list[Page], size: float, seg_gutter=None) -> int:
    """Cut segments joined across a narrow gutter; returns how many were cut. A segment is
    cut only where a word gap holds the gutter and no segment on the lines just above or
    below crosses it (a full-width block, such as an abstract, keeps its lines whole).
    `seg_gutter(page, size)` finds the gutter from whole segments: where it does (most
    lines lie apart), a line is cut only where its word gap holds the whole white band
    between the columns, not a justified word space that happens to fall in it (a title's
    or a boxed abstract's line)."""
    cut = 0
    for p in pages:
        joined = [s for s in p.segs if len(s.words) > 1 and s.x0 < p.width / 2 < s.x1]
        if not joined:
            continue
        g = word_gutter(p, size)
        if g is None:
            continue
        band = _band(p, size, seg_gutter(p, size)) if seg_gutter is not None else None
        out: list[Seg] = []
        for s in p.segs:
            at = next((i for i in range(1, len(s.words)) if s.words[i - 1].x1 < g < s.words[i].x0), None)
            near = [o for o in p.segs if o is not s and abs(o.top - s.top) < 1.6 * size]
            if at is not None and band is not None and not (
                    s.words[at - 1].x1 <= band[0] + 1.0 and s.words[at].x0 >= band[1] - 1.0):
                at = None
            if at is None and band is not None and s.x0 > band[0]:
                # A table's cell set in the gutter (a reference column reaching past the left
                # column's text) runs on into the right column's line: cut where a word starts
                # the right column, a space or more after the cell.
                # (A space of the body's type is a word space: the cell is set smaller, or further off.)
                at = next((i for i in range(1, len(s.words)) if abs(s.words[i].x0 - band[1]) <= 1.0
                           and s.words[i].x0 - s.words[i - 1].x1 >= (0.25 if s.words[i - 1].size < size - 0.5 else 1.0) * size),
                          None)
            if at is None or any(_crosses(o, g) for o in near):
                out.append(s)
                continue
            out.extend([Seg(s.words[:at]), Seg(s.words[at:])])
            cut += 1
        p.segs = out
    return cut
