"""Footnote marks in a table's column headers ("p*", "Adjusted HR†") and what the table's note
says of them ("* McNemar's test comparing ...", "† Adjusted for age and sex"): a column is
described by its footnote, which a reader asking "what did McNemar's test give" names."""

from __future__ import annotations

import re

_MARKS = "*†‡§¶#"
_HEADER_MARK = re.compile(rf"([{re.escape(_MARKS)}]+)\s*$")
# A note's footnote: its mark, then its text up to the next footnote's mark or the note's end.
_FOOTNOTE = re.compile(rf"(?:^|(?<=[\s.;]))([{re.escape(_MARKS)}]+)\s*([^{re.escape(_MARKS)}]+)")
MAX_FOOTNOTE_CHARS = 300  # what a footnote adds to a row's index text, at most


def column_footnotes(columns: tuple[str, ...] | list[str], note: str) -> tuple[tuple[str, str], ...]:
    """(column, footnote text) for each header ending in a footnote mark the note explains."""
    if not note:
        return ()
    notes = {m.group(1): m.group(2).strip().rstrip(".;")[:MAX_FOOTNOTE_CHARS] for m in _FOOTNOTE.finditer(note)}
    out = []
    for col in columns:
        m = _HEADER_MARK.search(col)
        if m and notes.get(m.group(1)):
            out.append((col, notes[m.group(1)]))
    return tuple(out)
