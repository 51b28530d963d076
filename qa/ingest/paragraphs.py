"""Running text lines -> headings and paragraphs.

Blank lines in a two-column extraction mark column and page breaks, not paragraphs, so a
paragraph ends where a line ends a sentence short of the column width, and a heading is a
short capitalised line without final punctuation between a sentence end and a new sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from qa.ingest.layout import SENTENCE_END_RE, Line

_REF_RE = re.compile(r"\[\d")


@dataclass
class TextUnit:
    kind: str  # "heading" | "paragraph"
    lines: list[Line]


def _local_width(lines: list[Line], i: int, radius: int = 12) -> float:
    """The width of running text around line i: the median line, or, where some lines are far
    longer than the median (a file with one paragraph per line, whose short title and heading
    lines can be half the lines), the upper quartile. Wrapped text keeps the median."""
    lo, hi = max(0, i - radius), min(len(lines), i + radius + 1)
    lengths = sorted(len(ln.text) for ln in lines[lo:hi])
    mid = median(lengths)
    return lengths[(3 * len(lengths)) // 4] if lengths[-1] > 2 * mid else mid


def _heading_like(text: str, width: float) -> bool:
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    if SENTENCE_END_RE.search(text) or text.endswith((",", ";", "-", "–")):
        return False
    if _REF_RE.search(text) or ", " in text or "(" in text and ")" not in text:
        return False
    return len(text) < 0.85 * width and len(text.split()) <= 12


def _starts_sentence(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "[(“\"")


def segment(lines: list[Line]) -> list[TextUnit]:
    """Group running-text lines (no blanks) into headings and paragraphs."""
    lines = [ln for ln in lines if not ln.blank]
    units: list[TextUnit] = []
    para: list[Line] = []
    prev_ended = True  # at a sentence end: a heading may follow
    i = 0
    while i < len(lines):
        ln = lines[i]
        width = _local_width(lines, i)
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        nxt2 = lines[i + 2].text if i + 2 < len(lines) else ""
        if prev_ended and _heading_like(ln.text, width):
            heading_lines = None
            if _starts_sentence(nxt) or not nxt:
                heading_lines = [ln]
            elif (
                nxt
                and nxt[0].islower()
                and len(nxt) < 0.7 * width
                and not SENTENCE_END_RE.search(nxt)
                and not _REF_RE.search(nxt)
                and _starts_sentence(nxt2)
            ):
                heading_lines = [ln, lines[i + 1]]
            if heading_lines:
                if para:
                    units.append(TextUnit("paragraph", para))
                    para = []
                units.append(TextUnit("heading", heading_lines))
                i += len(heading_lines)
                prev_ended = True
                continue
        if ln.indent and para:
            units.append(TextUnit("paragraph", para))
            para = []
        para.append(ln)
        ended = bool(SENTENCE_END_RE.search(ln.text))
        if ended and len(ln.text) < 0.9 * width:
            units.append(TextUnit("paragraph", para))
            para = []
        prev_ended = ended
        i += 1
    if para:
        units.append(TextUnit("paragraph", para))
    return units
