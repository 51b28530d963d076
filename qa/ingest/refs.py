"""Citation markers: `[17]`, `[89, 90]`, `[1–3]`, `[33, 48–51]` -> reference numbers."""

from __future__ import annotations

import re

# A marker is a bracket of numbers and ranges only, so "[a]" or "[Fig. 2]" is not one.
# Whitespace may include a line break: markers wrap over lines in the extraction.
_MARKER = re.compile(r"\[\s*\d{1,4}(?:\s*[–—-]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[–—-]\s*\d{1,4})?)*\s*\]")
_ITEM = re.compile(r"(\d{1,4})(?:\s*[–—-]\s*(\d{1,4}))?")
MAX_RANGE = 50  # a longer "range" is an extraction error, not a citation


def parse_marker(marker: str) -> list[int]:
    """Numbers cited by one marker, ranges expanded, in order, without repeats."""
    out: list[int] = []
    for m in _ITEM.finditer(marker):
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
        if hi < lo or hi - lo > MAX_RANGE:
            hi = lo
        for n in range(lo, hi + 1):
            if n not in out:
                out.append(n)
    return out


def find_markers(text: str) -> list[tuple[int, int, list[int]]]:
    """(start, end, numbers) of every citation marker in text."""
    return [(m.start(), m.end(), parse_marker(m.group(0))) for m in _MARKER.finditer(text)]


def refs_in(text: str) -> tuple[int, ...]:
    """All reference numbers cited in text, in first-seen order."""
    seen: list[int] = []
    for _, _, nums in find_markers(text):
        for n in nums:
            if n not in seen:
                seen.append(n)
    return tuple(seen)


def strip_markers(text: str) -> str:
    return re.sub(r"\s+", " ", _MARKER.sub(" ", text)).strip()
