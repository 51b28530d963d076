"""Plain-text extraction -> pages.

A page break in a pdftotext-style extraction is a form feed, or, as in the bundled review,
a line that starts with a space (each page's text begins indented) -- unless the document's
indents mark its paragraphs (layout.paragraph_indents)."""

from __future__ import annotations

from pathlib import Path

from qa.ingest.layout import paragraph_indents


def read_pages(path: Path) -> list[str]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path.name}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        return [p for p in text.split("\f")]
    lines = text.split("\n")
    if paragraph_indents(lines):
        return [text]
    pages: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        if i > 0 and line[:1] in (" ", "\t") and line.strip() and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    return ["\n".join(p) for p in pages]
