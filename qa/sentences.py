"""Sentence spans in running text. Scientific prose is full of periods that end nothing
("et al.", "e.g.", "Fig. 2", "E. coli", "n.a"), so a boundary needs a period, space and an
opening capital (or bracket), and the word before must not be a known abbreviation."""

from __future__ import annotations

import re

_ABBREV = frozenset(
    "al e.g i.e fig figs vs etc approx ca cf eq no nos ref refs dr prof st sp spp resp viz mr ms"
    .split()
)
_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[A-Z(\[“\"0-9])")


def spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text, shifted by offset."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + 1
        word = re.search(r"(\S+)$", text[start:m.start()])
        w = word.group(1).lower().lstrip("([") if word else ""
        # A single capital letter ("E. coli", "Fig. S1") or a listed abbreviation.
        if w.rstrip(".") in _ABBREV or re.fullmatch(r"[a-z]", w) or text[m.start() - 1 : m.start()] == ".":
            continue
        seg_end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        out.append((start, seg_end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        out.append((start, len(text.rstrip())))
    return [(a + offset, b + offset) for a, b in out if b > a]


# Abbreviations that never end a sentence (unlike "etc." or "MS."): a line ending in one goes on.
_NEVER_ENDS = frozenset("al e.g i.e fig figs vs cf".split())


def ends_in_abbreviation(text: str) -> bool:
    """The text's last word is an abbreviation that ends no sentence ("... Petersen et al.", "e.g.")."""
    words = text.rstrip().rsplit(None, 1)
    last = words[-1] if words else ""
    return last.endswith(".") and last.lower().lstrip("([").rstrip(".") in _NEVER_ENDS


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in spans(text)]
