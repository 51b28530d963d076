"""Tables whose cells a plain-text extraction separated by single spaces.

"Mason bee Apple 18 Early morning" does not say where its cells end: a space between cells
looks like a space within one. The document says it elsewhere. Tables set in sentence case
open each cell with a capital or a number and continue it in lower case ("Visits per hour",
"Early morning"), so the header splits into its columns and every row must split into as
many. A row that yields more candidate cells than the header has columns ("New Zealand")
is settled by what each column holds in the rows that split cleanly (numbers or words, the
words seen there); when the evidence does not pick one reading, or a row yields too few,
the table is not guessed at: the caller keeps it as text with a warning.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

# Tokens that join what follows them to the same cell: "41 ± 3", "10 – 20", "2 × 10".
_JOINERS = frozenset("± × – — - / + = < > ≤ ≥ ~ to and or of per in vs vs.".split())
_EMPTY = frozenset(("–", "—", "-", "NA", "n.a.", "N/A", "ND", "nd"))
# How much more evidence the best reading of an ambiguous row needs than the next: a word
# the column holds elsewhere, in a two-word cell.
MIN_MARGIN = 0.5 - 1e-9
# Most candidate readings of one ambiguous row worth weighing.
MAX_READINGS = 200


@dataclass
class SpacedTable:
    columns: list[str]
    rows: list[tuple[str | None, list[str], int]]  # (group, cells, index of the row's line in `lines`)


def _opens_cell(prev: str | None, tok: str) -> bool:
    if prev is None:
        return True
    if prev.lower() in _JOINERS or prev.endswith((",", "-", "/", "(", "±")):
        return False
    if tok in _EMPTY:
        return True
    return tok[:1].isupper() or tok[:1].isdigit() or bool(re.match(r"^[<>≤≥~+−-]?\d", tok))


def candidate_cells(text: str) -> list[str]:
    """The line cut before every token that can open a cell (a capital, a number, an empty mark)."""
    cells: list[list[str]] = []
    prev = None
    for tok in text.split():
        if _opens_cell(prev, tok) or not cells:
            cells.append([tok])
        else:
            cells[-1].append(tok)
        prev = tok
    return [" ".join(c) for c in cells]


def _numeric(cell: str) -> bool:
    return bool(re.match(r"^[<>≤≥~+−-]?\d", cell))


class _Columns:
    """What each column holds in the rows that split cleanly: numbers or words, and which words."""

    def __init__(self, rows: list[list[str]], ncols: int):
        self.numeric = [0.0] * ncols
        self.words: list[Counter[str]] = [Counter() for _ in range(ncols)]
        for cells in rows:
            for c, cell in enumerate(cells):
                self.numeric[c] += _numeric(cell) / max(1, len(rows))
                self.words[c].update(w.lower() for w in cell.split())

    def score(self, cells: list[str]) -> float:
        s = 0.0
        for c, cell in enumerate(cells):
            kind = 1.0 if _numeric(cell) else 0.0
            s += 1.0 - abs(self.numeric[c] - kind)  # a number where the column holds numbers
            words = cell.split()
            s += sum(1 for w in words if self.words[c][w.lower()]) / len(words)
        return s


def _readings(pieces: list[str], ncols: int):
    for cuts in itertools.islice(itertools.combinations(range(1, len(pieces)), ncols - 1), MAX_READINGS + 1):
        bounds = (0, *cuts, len(pieces))
        yield [" ".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:])]


def read(lines: list[str]) -> tuple[SpacedTable | None, str]:
    """The table in `lines` (header first, then rows; no title, no Note), or None and why not."""
    lines = [ln.strip() for ln in lines]
    filled = [(i, ln) for i, ln in enumerate(lines) if ln]
    if len(filled) < 3:
        return None, "too few lines"
    columns = candidate_cells(filled[0][1])
    ncols = len(columns)
    if ncols < 2:
        return None, "the header does not split into columns"
    split = [(i, candidate_cells(ln)) for i, ln in filled[1:]]
    clean = [cells for _, cells in split if len(cells) == ncols]
    if len(clean) < max(2, len(split) // 2):
        return None, f"fewer than half of its rows split into the header's {ncols} columns"
    model = _Columns(clean, ncols)
    rows: list[tuple[str | None, list[str], int]] = []
    group = None
    for i, cells in split:
        if len(cells) == ncols:
            rows.append((group, cells, i))
        elif len(cells) == 1 and not _numeric(cells[0]) and len(cells[0].split()) <= 4:
            group = cells[0]  # a line with one short label between rows: "Promoting effect"
        elif len(cells) > ncols:
            readings = list(_readings(cells, ncols))
            if len(readings) > MAX_READINGS:
                return None, f"row {cells[0]!r} has too many possible readings"
            scored = sorted(((model.score(r), r) for r in readings), key=lambda x: -x[0])
            if len(scored) > 1 and scored[0][0] - scored[1][0] < MIN_MARGIN:
                return None, f"row {' '.join(cells)!r} has more than one reading into {ncols} columns"
            rows.append((group, scored[0][1], i))
        else:
            return None, f"row {' '.join(cells)!r} has fewer cells than the header's {ncols} columns"
    return SpacedTable(columns, rows), ""
