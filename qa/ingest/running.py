"""Running lines of a plain-text extraction: page headers, footers and page numbers.

A pdftotext-style extraction keeps what a PDF prints at the edge of every page (a short
title and a page number, a journal line) as the first or last line of the page's text, where
it interrupts a sentence or hides the heading that follows it. What is running is learned
from the document: a page-edge line whose text, with its numbers blanked, is the edge line of
several pages, a page number that follows the pages (its position plus an offset shared by
two pages or more), and a licence statement at a page's foot. Table titles and captions
repeated on continuation pages are content, not running lines.
"""

from __future__ import annotations

import re
from collections import Counter

from qa.ingest.layout import CAPTION_RE, TABLE_TITLE_RE

# General publishing conventions for licence and copyright lines (not any one article's).
LICENCE_RE = re.compile(
    r"^©|\bcopyright\b.*\b(?:licen[cs]e|rights reserved)|creative\s*commons|\blicensee\b|"
    r"open[- ]access article distributed under|\bthis (?:article|work) is (?:licensed|distributed) under|"
    r"©\s*(?:(?:19|20)\d{2},?\s+)?the\s+authors?\b|©\s*(?:19|20)\d{2}\b.{0,80}\blicen[cs]ed\b", re.I)
# A licence footer is among a page's last lines.
LICENCE_FOOT_LINES = 6
PAGE_NUMBER_RE = re.compile(r"^(?:page\s*)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
# A running line is at an edge of at least this share of the pages (and of two pages at least):
# a header printed on every other page (verso/recto) still counts.
MIN_SHARE = 0.3


def _key(text: str) -> str:
    # Numbers blanked, not removed: "Short title 7" matches "Short title 12", while the
    # document's title on its first page (no number) stays apart from the running head.
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip().lower()


def _edges(lines: list[str]) -> list[int]:
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return sorted({filled[0], filled[-1]}) if filled else []


def _is_content(text: str) -> bool:
    return bool(TABLE_TITLE_RE.match(text) or CAPTION_RE.match(text))


def drop_running_lines(pages: list[str]) -> list[str]:
    """The pages with their running headers, footers and page numbers blanked (each line
    kept as an empty line, so line positions do not move). Later passes take what sat just
    inside a running line (a journal URL under the running head, a page number above it)."""
    pages = [_drop_licence_foot(p) for p in pages]
    for _ in range(3):
        new = _drop_once(pages)
        if new == pages:
            break
        pages = new
    return pages


def _drop_licence_foot(page: str) -> str:
    """Blank a licence or copyright statement at the foot of a page (from its first line to
    the page's end), as the journal prints it under the first page's text."""
    lines = page.split("\n")
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    start = next((i for i in filled[-LICENCE_FOOT_LINES:] if LICENCE_RE.search(lines[i].strip())), None)
    if start is None:
        return page
    return "\n".join(ln if i < start else "" for i, ln in enumerate(lines))


def _drop_once(pages: list[str]) -> list[str]:
    split = [p.split("\n") for p in pages]
    npages = sum(1 for lines in split if any(ln.strip() for ln in lines))
    if npages < 2:
        return pages
    keys: Counter[str] = Counter()
    # A page number is the page's position plus a fixed offset (front matter, a journal's
    # volume pagination): a number at a page edge is one when it keeps that offset on two
    # pages or more.
    offsets: Counter[int] = Counter()
    for p, lines in enumerate(split):
        seen = set()
        for i in _edges(lines):
            text = lines[i].strip()
            if _is_content(text):
                continue
            m = PAGE_NUMBER_RE.match(text)
            if m:
                offsets[int(m.group(1)) - p] += 1
                continue
            seen.add(_key(text))
        keys.update(seen)
    need = max(2, MIN_SHARE * npages)
    running = {k for k, c in keys.items() if c >= need}
    numbering = {o for o, c in offsets.items() if c >= 2}
    if not running and not numbering:
        return pages
    out = []
    for p, lines in enumerate(split):
        lines = list(lines)
        for i in _edges(lines):
            text = lines[i].strip()
            if _is_content(text):
                continue
            m = PAGE_NUMBER_RE.match(text)
            if (m and int(m.group(1)) - p in numbering) or _key(text) in running:
                lines[i] = ""
        out.append("\n".join(lines))
    return out
