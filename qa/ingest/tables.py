"""Table rows rebuilt from wrapped, column-interleaved text.

In the extraction, a table row's cells come out in reading order (left to right, then down
the wrapped lines of each cell), ending with the reference cell `[n]`. So each row is a
token sequence that splits, in order, into one segment per column. Where exactly it splits
is decided by a small dynamic program over the possible cut points, scored by layout
evidence (blank lines and line starts, capitalised words, words that cannot end a cell) and,
in a second pass, by what each column holds in the other rows of the same table (a cell
like "Ultracentrifugation (100,000×g)" belongs with its kind). Fragments continued on the
next page ("(Continued)") are joined, including a row split by the page break.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from qa.ingest import spaced_tables
from qa.ingest.layout import NOTE_RE, TABLE_TITLE_RE, Line, Vocabulary, join_lines
from qa.ingest.refs import parse_marker, refs_in

_HEADER_END_RE = re.compile(r"\b(?:Refs?\.?|References?)$")
_CONTINUED_RE = re.compile(r"\s*\((?:Continued|continued)\)\s*$")
_FUNCTION_WORDS = frozenset(
    "a an and as at by for from in into of on or than that the through to via with without "
    "which who whose its their is are was were be been".split()
)


@dataclass
class Token:
    text: str
    line: Line
    first_in_line: bool
    first_in_block: bool
    wrapped: bool = False  # rejoined from a word broken over two lines


@dataclass
class RawRow:
    table: int
    group: str | None
    tokens: list[Token]
    ref_text: str
    refs: tuple[int, ...]
    cells: list[str] = field(default_factory=list)
    continuation: list[Token] = field(default_factory=list)
    cont_range: tuple[int, int] | None = None

    @property
    def lines(self) -> list[Line]:
        seen: dict[int, Line] = {}
        for t in self.tokens + self.continuation:
            seen.setdefault(t.line.index, t.line)
        return [seen[k] for k in sorted(seen)]


@dataclass
class RawTable:
    number: int
    title: str
    columns: list[str]
    note: str
    note_lines: list[Line]
    title_lines: list[Line]
    rows: list[RawRow]
    cells_read: bool = False  # cells already split (a single-spaced table), not by _assign_cells


def _tokens(lines: list[Line], vocab: Vocabulary) -> list[Token]:
    """Tokens of table body lines; a word wrapped with "-" or "/" is rejoined into one."""
    out: list[Token] = []
    new_block = True
    pending_join = False
    for ln in lines:
        if ln.blank:
            new_block = True
            continue
        words = ln.text.split()
        for k, w in enumerate(words):
            if k == 0 and pending_join and out:
                prev = out[-1]
                if prev.text.endswith("-"):
                    prev.text = vocab.join_hyphen(prev.text, w)
                else:
                    prev.text = prev.text + w
                prev.wrapped = True
                pending_join = False
                continue
            out.append(Token(w, ln, k == 0, k == 0 and new_block))
        pending_join = bool(words) and words[-1].endswith(("-", "/")) and len(words[-1]) > 1
        new_block = False
    return out


def _header_columns(tokens: list[Token]) -> list[str]:
    cols: list[list[str]] = []
    for t in tokens:
        starts_new = t.text[:1].isupper() and not (cols and cols[-1][-1].endswith(("/", "-")))
        if starts_new or not cols:
            cols.append([t.text])
        else:
            cols[-1].append(t.text)
    return [" ".join(c) for c in cols]


def _is_ref_start(tok: str) -> bool:
    return tok.startswith("[") and bool(re.match(r"^\[\d", tok))


def _split_rows(tokens: list[Token]) -> tuple[list[tuple[list[Token], list[Token]]], list[Token]]:
    """(row tokens, ref tokens) for each row ended by a reference cell, and trailing tokens."""
    rows: list[tuple[list[Token], list[Token]]] = []
    cur: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if _is_ref_start(t.text):
            j = i
            while j < len(tokens) and not tokens[j].text.endswith("]"):
                j += 1
            if j < len(tokens):
                last = tokens[j]
                ends_line = j + 1 == len(tokens) or tokens[j + 1].first_in_line
                marker = " ".join(x.text for x in tokens[i : j + 1])
                if ends_line and re.fullmatch(r"\[[\d,\s–\-]+\]", marker):
                    rows.append((cur, tokens[i : j + 1]))
                    cur = []
                    i = j + 1
                    continue
                del last
        cur.append(t)
        i += 1
    return rows, cur


def _group_label(row: list[Token]) -> tuple[str | None, list[Token]]:
    """A short one-line block opening a row, like "Promoting effect", is a group label."""
    if len(row) < 3:
        return None, row
    k = 1
    while k < len(row) and not row[k].first_in_block:
        k += 1
    head = row[:k]
    same_line = all(t.line is head[0].line and not t.wrapped for t in head)
    if (
        k < len(row)
        and same_line
        and len(head) <= 4
        and head[0].text[:1].isupper()
        and not any(re.search(r"[\d\[\]()]", t.text) for t in head)
    ):
        return " ".join(t.text for t in head), row[k:]
    return None, row


# A continuation (the part of a row after a page break) starts its pieces mid-cell, so
# the shape of a word says nothing there; only layout and function words do.
CONT_WEIGHTS: dict[str, float] = {}
CUT_WEIGHTS = {
    "block": 3.0, "line": 0.0, "line_after_cells": -1.5, "inline": -1.0, "wrap": -4.0, "after_function": -3.0,
    "before_function": -2.5, "paren": -3.0, "empty": 2.5, "after_empty": 1.5,
    "capital": 1.5, "after_paren": 1.0, "acronym": 0.5, "digit": -2.0, "lower": -3.0,
}
CONT_WEIGHTS.update(CUT_WEIGHTS, paren=0.0, capital=0.0, after_paren=0.0, acronym=0.0, digit=0.0, lower=0.0)
_EMPTY = ("n.a", "n.a.", "NA", "N/A", "–", "-")


def _cut_score(prev: Token, nxt: Token, w: dict[str, float] = CUT_WEIGHTS) -> float:
    """Evidence for a cell boundary between two adjacent tokens."""
    if nxt.first_in_block:
        s = w["block"]
    elif nxt.first_in_line:
        # Cells of a row are top-aligned, so the first line of a block holds the first line
        # of each of its cells and later lines continue one of them. A line that opens a new
        # cell follows a line holding a lone cell ("MSCs" above "Breast cancer miR-16").
        lone = len(prev.line.text.split()) == 1
        s = w["line"] if lone else w["line_after_cells"]
    else:
        s = w["inline"]
    p, n = prev.text, nxt.text
    if p.endswith(("-", "/")):
        s += w["wrap"]
    if p.lower().strip(",;") in _FUNCTION_WORDS or p.endswith(","):
        s += w["after_function"]
    if n.lower().strip(",;") in _FUNCTION_WORDS:
        s += w["before_function"]
    if p in _EMPTY:
        s += w["after_empty"]  # an empty-cell mark stands alone
    if n.startswith("("):
        s += w["paren"]
    elif n in _EMPTY:
        s += w["empty"]
    elif re.match(r"^[A-Z][a-z]", n):
        s += w["capital"]
        if p.endswith(")"):
            s += w["after_paren"]
    elif re.match(r"^[A-Z]", n) or re.match(r"^[a-z]{1,4}-?[A-Z]", n):
        s += w["acronym"]  # acronyms and gene-like names (BM-MSC, miR-16) often open a cell
    elif n[:1].isdigit():
        s += w["digit"]
    elif n[:1].islower():
        s += w["lower"]
    return s


def _features(tok: str) -> tuple[str, str]:
    w = tok.lower().strip(".,;:()[]")
    return w, "pre:" + re.sub(r"[^a-z]", "", w)[:3]


class ColumnModel:
    """What each column holds across the table's rows: a unigram per column over words and
    word prefixes, Dirichlet-smoothed towards the whole table, compared with the table."""

    def __init__(self, ncols: int, mu: float = 4.0):
        self.ncols = ncols
        self.mu = mu
        self.col_counts = [Counter() for _ in range(ncols)]
        self.col_totals = [0] * ncols
        self.all_counts: Counter[str] = Counter()
        self.total = 0

    def add(self, cells: list[list[Token]], sign: int = 1) -> None:
        for c, toks in enumerate(cells):
            for t in toks:
                for f in _features(t.text):
                    self.col_counts[c][f] += sign
                    self.all_counts[f] += sign
                    self.col_totals[c] += sign
                    self.total += sign

    def weight(self, tok: str, col: int) -> float:
        if self.total <= 0:
            return 0.0
        out = 0.0
        for f in _features(tok):
            p = (self.all_counts[f] + 0.5) / (self.total + 0.5 * (len(self.all_counts) + 1))
            p_c = (max(self.col_counts[col][f], 0) + self.mu * p) / (max(self.col_totals[col], 0) + self.mu)
            out += 0.5 * math.log(p_c / p)
        return out


def _segment(
    toks: list[Token],
    cols: list[int],
    model: ColumnModel | None,
    affinity: float = 0.3,
    weights: dict[str, float] = CUT_WEIGHTS,
) -> tuple[float, list[list[Token]]]:
    """Best split of toks into len(cols) non-empty consecutive cells for the given columns."""
    n, k = len(toks), len(cols)
    if n < k:
        # Fewer tokens than cells: fill what there is, leave the rest empty.
        return -1e6, [[t] for t in toks] + [[] for _ in range(k - n)]
    cut = [0.0] + [_cut_score(toks[j - 1], toks[j], weights) for j in range(1, n)]
    pref = []
    for c in cols:
        acc = [0.0]
        for t in toks:
            acc.append(acc[-1] + (affinity * model.weight(t.text, c) if model else 0.0))
        pref.append(acc)
    neg = -1e18
    best = [[neg] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for ci in range(1, k + 1):
        for j in range(ci, n - (k - ci) + 1):
            for i in range(ci - 1, j):
                if best[ci - 1][i] == neg:
                    continue
                s = best[ci - 1][i] + (pref[ci - 1][j] - pref[ci - 1][i])
                if ci > 1:
                    s += cut[i]
                if s > best[ci][j]:
                    best[ci][j] = s
                    back[ci][j] = i
    # Cuts not taken at block starts are evidence lost: charge them so that a cell does not
    # swallow a whole separate block without reason.
    total = best[k][n]
    cells: list[list[Token]] = []
    j = n
    for ci in range(k, 0, -1):
        i = back[ci][j]
        cells.append(toks[i:j])
        j = i
    cells.reverse()
    return total, cells


def _cell_text(toks: list[Token]) -> str:
    return " ".join(t.text for t in toks).strip()


def parse_tables(
    regions: list[list[Line]],
    vocab: Vocabulary,
    unread: list[list[Line]] | None = None,
    why: list[str] | None = None,
    after: list[Line] | None = None,
) -> list[RawTable]:
    """Rebuild every table from its fragments (regions), joining "(Continued)" parts.

    A fragment whose header cannot be found is appended to `unread` (when given), so the
    caller keeps its text in the document instead of losing it; `why` gets the reason.
    Running text that a fragment took in after the table's end goes to `after`."""
    tables: dict[int, RawTable] = {}
    spaced: dict[int, list[list[Line]]] = {}
    for lines in regions:
        body = [ln for ln in lines]
        m = TABLE_TITLE_RE.match(body[0].text)
        if not m:
            continue
        number = int(m.group(1))
        continued = bool(_CONTINUED_RE.search(body[0].text))
        title = _CONTINUED_RE.sub("", m.group(2)).strip()
        # Header: up to the line that ends with the reference column's name.
        h_end = None
        for j in range(1, min(len(body), 16)):
            if _HEADER_END_RE.search(body[j].text):
                h_end = j
                break
        if h_end is None:
            # No reference column closes the header: a table whose cells are single spaced,
            # read once all its pages are in.
            spaced.setdefault(number, []).append(body)
            continue
        header_tokens = _tokens(body[1 : h_end + 1], vocab)
        columns = _header_columns(header_tokens)
        note_at = next((j for j in range(h_end + 1, len(body)) if NOTE_RE.match(body[j].text)), len(body))
        note_lines = [ln for ln in body[note_at:] if not ln.blank]
        note = join_lines([ln.text for ln in note_lines], vocab)
        row_tokens = _tokens(body[h_end + 1 : note_at], vocab)
        rows, trailing = _split_rows(row_tokens)
        table = tables.get(number)
        if table is None:
            table = RawTable(number, title, columns, "", [], [body[0]], [])
            tables[number] = table
        if note:
            table.note = note
            table.note_lines = note_lines
        group = table.rows[-1].group if table.rows else None
        pieces = [(r, ref) for r, ref in rows]
        if trailing:
            pieces.append((trailing, []))
        for p_i, (toks, ref) in enumerate(pieces):
            label, toks = _group_label(toks)
            if label:
                group = label
            if not toks:
                continue
            starts_low = toks[0].text[:1].islower() or toks[0].text.startswith("(")
            if continued and p_i == 0 and table.rows and starts_low:
                # The row the page break split: its tail continues the previous row, up to
                # the next block that opens with a capital (the next row's first cell).
                k = 1
                while k < len(toks) and not (toks[k].first_in_block and toks[k].text[:1].isupper()):
                    k += 1
                table.rows[-1].continuation = toks[:k]
                toks = toks[k:]
                if not toks:
                    continue
            ref_text = " ".join(t.text for t in ref)
            table.rows.append(RawRow(number, group, toks, ref_text, tuple(parse_marker(ref_text))))
    for table in tables.values():
        _assign_cells(table)
    for frags in spaced.values():
        reason = _read_spaced(frags, tables, vocab, after)
        if reason:
            for body in frags:
                if unread is not None:
                    unread.append(body)
                if why is not None:
                    why.append(reason)
    return [tables[k] for k in sorted(tables)]


def _spaced_ends(body: list[Line]) -> list[int]:
    """Where a single-spaced table may end, latest first: at its Note; else at the region's end
    or at any blank line after its header and two rows (what follows is running text)."""
    note_at = next((j for j in range(1, len(body)) if NOTE_RE.match(body[j].text)), None)
    if note_at is not None:
        return [note_at]
    ends, seen = [len(body)], 0
    for j in range(1, len(body)):
        if body[j].blank and seen >= 3:
            ends.append(j)
        seen += not body[j].blank
    return sorted(set(ends), reverse=True)


def _read_spaced(
    frags: list[list[Line]], tables: dict[int, RawTable], vocab: Vocabulary, after: list[Line] | None = None
) -> str:
    """Read the fragments of one table (its first page, then "(continued)" pages, each from its
    title line) as a single-spaced table into `tables`; the reason it cannot be, or "".

    Without a Note to end it, a fragment's table runs as far as its rows keep splitting into
    the header's columns: the longest reading that succeeds, cut at a blank line, is the
    table, and the lines after it go back to the running text (`after`)."""
    m = TABLE_TITLE_RE.match(frags[0][0].text)
    assert m is not None
    number, title = int(m.group(1)), _CONTINUED_RE.sub("", m.group(2)).strip()
    if number in tables:
        return "another part of it has a reference column"
    lines: list[Line] = []
    note_lines: list[Line] = []
    rest: list[Line] = []
    got, first_reason = None, ""
    for k, body in enumerate(frags):
        # A table goes on over the page after a fragment; only the last can end before its
        # region does.
        ends = _spaced_ends(body)
        if k < len(frags) - 1:
            ends = ends[:1] if ends[0] < len(body) else [len(body)]  # its Note, else the whole page
        for end in ends:
            part = [ln for ln in body[1:end] if not ln.blank]
            header = spaced_tables.candidate_cells(lines[0].text) if lines else None
            if k and part and spaced_tables.candidate_cells(part[0].text) == header:
                part = part[1:]  # the header repeated on a continuation page
            if k < len(frags) - 1:
                break
            got, reason = spaced_tables.read([ln.text for ln in lines + part])
            first_reason = first_reason or reason
            if got is not None:
                break
        lines += part
        if end < len(body) and NOTE_RE.match(body[end].text):
            note_lines += [ln for ln in body[end:] if not ln.blank]
        else:
            rest += [ln for ln in body[end:] if not ln.blank]
    if got is None:
        return first_reason
    table = RawTable(number, title, got.columns, "", [], [frags[0][0]], [], cells_read=True)
    tables[number] = table
    for group, cells, i in got.rows:
        line = lines[i]
        row = RawRow(number, group, [Token(line.text, line, True, True)], "", tuple(refs_in(" ".join(cells))))
        row.cells = cells
        table.rows.append(row)
    if note_lines:
        table.note = join_lines([ln.text for ln in note_lines], vocab)
        table.note_lines = note_lines
    if after is not None:
        after.extend(rest)
    return ""


EM_ROUNDS = 4


def _assign_cells(table: RawTable) -> None:
    if table.cells_read:
        return
    has_ref_col = bool(table.columns) and _HEADER_END_RE.search(table.columns[-1]) is not None
    ncontent = len(table.columns) - (1 if has_ref_col else 0)
    if ncontent < 1:
        return
    cols = list(range(ncontent))
    # Pass 1: layout evidence only.
    firsts = [_segment(r.tokens, cols, None)[1] for r in table.rows]
    model = ColumnModel(ncontent)
    for cells in firsts:
        model.add(cells)
    # Then with what the other rows' columns hold (leave-one-out), re-estimated a few times
    # as the cells settle (hard EM).
    finals = firsts
    for _ in range(EM_ROUNDS):
        new = []
        for r, cells in zip(table.rows, finals):
            model.add(cells, sign=-1)
            new.append(_segment(r.tokens, cols, model)[1])
            model.add(cells, sign=+1)
        model = ColumnModel(ncontent)
        for cells in new:
            model.add(cells)
        if new == finals:
            break
        finals = new
    for r, cells in zip(table.rows, finals):
        texts = [_cell_text(c) for c in cells]
        if r.continuation:
            best = None
            for a in range(ncontent):
                for b in range(a, ncontent):
                    rng = list(range(a, b + 1))
                    score, cc = _segment(r.continuation, rng, model, weights=CONT_WEIGHTS)
                    # A continuation fills the row's columns from the left of the page break;
                    # it prefers to reach the last column, whose cell is usually the longest.
                    score += 0.5 * (b == ncontent - 1)
                    if best is None or score > best[0]:
                        best = (score, a, cc)
            assert best is not None
            _, a, cc = best
            for off, c in enumerate(cc):
                if c:
                    texts[a + off] = (texts[a + off] + " " + _cell_text(c)).strip()
            r.cont_range = (a, a + len(cc) - 1)
        r.cells = texts
    # The page break may have split the reference too; re-parse it whole.
    for r in table.rows:
        r.refs = tuple(parse_marker(r.ref_text))
