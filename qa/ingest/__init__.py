"""load(path) -> Document: pages -> regions -> blocks with sections, spans, pages, refs."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from qa.ingest.footnotes import column_footnotes
from qa.ingest import glossary as gloss
from qa.ingest import text
from qa.ingest.layout import Line, Vocabulary, join_lines, paragraph_indents, split_regions, to_lines
from qa.ingest.paragraphs import segment
from qa.ingest.refs import refs_in
from qa.ingest.running import drop_running_lines
from qa.ingest.tables import parse_tables
from qa.types import Block, Document, Span, Table, TableInfo

SUPPORTED = (".txt", ".pdf", ".xml", ".nxml")


def read_record(path: Path) -> dict:
    rec = path.with_suffix(".toml")
    if not rec.exists():
        return {}
    try:
        return tomllib.loads(rec.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ValueError(f"{rec.name}: bad record ({e})") from e


def load(path: Path | str) -> Document:
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED:
        raise ValueError(f"{path.name}: unsupported file type (use .txt, .pdf, .xml or .nxml)")
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    record = read_record(path)
    doc_id = str(record.get("id") or re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-"))
    title = str(record.get("title") or path.stem)
    suffix = path.suffix.lower()
    if suffix in (".xml", ".nxml"):
        from qa.ingest import jats

        try:
            return jats.load(path, doc_id=doc_id, title=title, meta=record)
        except ValueError:
            raise
        except Exception as e:  # a reader bug must not take the whole index down
            raise ValueError(f"{path.name}: cannot read the XML ({type(e).__name__}: {e})") from e
    if suffix == ".pdf":
        from qa.ingest import pdf_layout

        try:
            return pdf_layout.load(path, doc_id=doc_id, title=title, meta=record)
        except ValueError:
            raise
        except Exception as e:
            # The layout reading failed on something unforeseen: fall back to the page text,
            # read the way a plain-text extraction is, and say so.
            pages = pdf_layout.plain_pages(path)
            doc = build(pages, doc_id=doc_id, title=title, path=str(path.name), meta=record)
            return replace(doc, warnings=doc.warnings + (
                f"{path.name}: layout reading failed ({type(e).__name__}: {e}); read as plain text",))
    pages = text.read_pages(path)
    return build(pages, doc_id=doc_id, title=title, path=str(path.name), meta=record)


def build(pages: list[str], doc_id: str, title: str, path: str = "", meta: dict | None = None) -> Document:
    pages = drop_running_lines(pages)
    lines = to_lines(pages, indent_paragraphs=paragraph_indents("\n".join(pages).split("\n")))
    if not any(not ln.blank for ln in lines):
        raise ValueError(f"{path or doc_id}: no text")
    vocab = Vocabulary(lines)
    regions = split_regions(lines)

    # (first line index, kind, text, lines, extra) for everything, then ordered by position.
    items: list[tuple[int, str, str, list[Line], object]] = []
    unread: list[list[Line]] = []
    why: list[str] = []
    after: list[Line] = []  # running text a table region took in after the table's end
    raw_tables = parse_tables([r.lines for r in regions if r.kind == "table"], vocab, unread, why, after)
    text_lines = sorted([ln for r in regions if r.kind == "text" for ln in r.lines] + after, key=lambda ln: ln.index)
    for unit in segment(text_lines):
        items.append((unit.lines[0].index, unit.kind, join_lines([ln.text for ln in unit.lines], vocab), unit.lines, None))
    for r in regions:
        if r.kind == "caption":
            items.append((r.lines[0].index, "caption", join_lines([ln.text for ln in r.lines], vocab), r.lines, None))
    warnings: list[str] = []
    for lines, reason in zip(unread, why):
        # A table whose columns cannot be found stays in the document as text.
        body_lines = [ln for ln in lines if not ln.blank]
        items.append((body_lines[0].index, "paragraph", join_lines([ln.text for ln in body_lines], vocab), body_lines, None))
        warnings.append(f"{path or doc_id}: {body_lines[0].text[:60]!r} (page {body_lines[0].page}): "
                        f"table columns not found ({reason}); kept as text")
    for t in raw_tables:
        for row in t.rows:
            items.append((row.lines[0].index, "table_row", "", row.lines, (t, row)))
        if t.note:
            items.append((t.note_lines[0].index, "table_note", t.note, t.note_lines, t))
    items.sort(key=lambda it: it[0])

    parts: list[str] = []
    pos = 0
    blocks: list[Block] = []
    section: tuple[str, ...] = ()
    row_blocks: dict[int, list[Block]] = {}
    for _, kind, body, blines, extra in items:
        info = None
        refs: tuple[int, ...]
        sec = section
        if kind == "heading":
            section = (body,)
            sec = section
            refs = ()
        elif kind == "table_row":
            t, row = extra  # type: ignore[misc]
            columns = tuple(t.columns)
            values = list(row.cells) + ([row.ref_text] if len(columns) > len(row.cells) else [])
            cells = tuple(zip(columns, values))
            body = " ".join(v for v in values if v)
            refs = row.refs
            info = TableInfo(t.number, t.title, row.group, columns, cells, column_footnotes(columns, t.note))
            sec = (f"Table {t.number}. {t.title}",)
        elif kind == "table_note":
            t = extra  # type: ignore[assignment]
            refs = ()
            sec = (f"Table {t.number}. {t.title}",)
        else:
            refs = refs_in(body)
        if not body:
            continue
        if parts:
            pos += 2
        span = Span(pos, pos + len(body))
        parts.append(body)
        pos += len(body)
        b = Block(kind, body, span, sec, blines[0].page, refs, info)  # type: ignore[arg-type]
        blocks.append(b)
        if kind == "table_row":
            row_blocks.setdefault(info.number, []).append(b)  # type: ignore[union-attr]
    doc_text = "\n\n".join(parts)

    tables = tuple(
        Table(t.number, t.title, tuple(t.columns), t.note, tuple(row_blocks.get(t.number, [])))
        for t in raw_tables
    )
    glossary = gloss.assemble([t.note for t in raw_tables], doc_text)
    return Document(doc_id, title, path, doc_text, tuple(blocks), tables, glossary, dict(meta or {}),
                    warnings=tuple(warnings))
