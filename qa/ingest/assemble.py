"""Ordered pieces -> Document: one cleaned text, blocks with spans into it, tables, glossary.

Every reader (plain text, PDF layout, JATS XML) ends here, so spans, sections and table rows
mean the same thing whatever the source format was."""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.ingest.footnotes import column_footnotes
from qa.ingest import glossary as gloss
from qa.ingest.reflist import cited_in
from qa.ingest.refs import refs_in
from qa.types import Block, Document, Reference, Span, Table, TableInfo


@dataclass
class RowPiece:
    cells: list[str]
    group: str | None = None
    refs: tuple[int, ...] = ()


@dataclass
class TablePiece:
    number: int
    title: str
    columns: list[str]
    rows: list[RowPiece]
    note: str = ""
    # Where its columns lie on the page (x ranges): a continuation on the next page, whose
    # rows alone may leave other gaps, is read in them.
    spans: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Piece:
    kind: str  # "heading" | "paragraph" | "caption" | "table" | "text"
    text: str = ""
    page: int | None = None
    refs: tuple[int, ...] | None = None  # None: read [n] markers from the text
    table: TablePiece | None = None
    level: int = 1  # heading depth (1 = top)
    extra: dict = field(default_factory=dict)


def table_section(number: int, title: str) -> tuple[str, ...]:
    return (f"Table {number}. {title}",)


def assemble(
    pieces: list[Piece],
    doc_id: str,
    title: str,
    path: str = "",
    meta: dict | None = None,
    references: tuple[Reference, ...] = (),
    warnings: tuple[str, ...] = (),
) -> Document:
    parts: list[str] = []
    pos = 0
    blocks: list[Block] = []
    tables: list[Table] = []
    section: list[str] = []

    def add(kind: str, body: str, sec: tuple[str, ...], page, refs, info=None) -> Block | None:
        nonlocal pos
        body = body.strip()
        if not body:
            return None
        if parts:
            pos += 2
        span = Span(pos, pos + len(body))
        parts.append(body)
        pos += len(body)
        b = Block(kind, body, span, sec, page, refs, info)  # type: ignore[arg-type]
        blocks.append(b)
        return b

    for p in pieces:
        if p.kind == "heading":
            depth = max(1, p.level)
            section = section[: depth - 1] + [p.text.strip()]
            add("heading", p.text, tuple(section), p.page, ())
        elif p.kind == "table" and p.table is not None:
            t = p.table
            sec = table_section(t.number, t.title)
            columns = tuple(t.columns)
            marked = column_footnotes(columns, t.note)
            rows: list[Block] = []
            for r in t.rows:
                cells = tuple(zip(columns, list(r.cells) + [""] * (len(columns) - len(r.cells))))
                body = " ".join(v for _, v in cells if v)
                # A row naming its study by author and year ("Okafor et al. (2019)") cites that entry.
                refs = r.refs or cited_in(body, references)
                b = add("table_row", body, sec, p.page, refs, TableInfo(t.number, t.title, r.group, columns, cells, marked))
                if b is not None:
                    rows.append(b)
            if t.note:
                add("table_note", t.note, sec, p.page, ())
            tables.append(Table(t.number, t.title, columns, t.note, tuple(rows)))
        else:
            kind = "paragraph" if p.kind == "text" else p.kind
            refs = p.refs if p.refs is not None else refs_in(p.text)
            add(kind, p.text, tuple(section), p.page, refs)
    doc_text = "\n\n".join(parts)
    glossary = gloss.assemble([t.note for t in tables], doc_text)
    return Document(doc_id, title, path, doc_text, tuple(blocks), tuple(tables), glossary, dict(meta or {}),
                    tuple(references), tuple(warnings))
