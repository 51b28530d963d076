"""Core types. Data flows one way: Document -> Block -> Chunk -> Hit -> Answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "caption", "table_row", "table_note"]
ChunkKind = Literal["passage", "table_row", "caption"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class TableInfo:
    """Where a table row comes from and what it says, cell by cell."""

    number: int
    title: str
    group: str | None
    columns: tuple[str, ...]
    cells: tuple[tuple[str, str], ...]  # (column, value) in column order
    # (column, what its footnote in the table's note says) for a header with a mark: "p*" and
    # "* McNemar's test comparing ...".
    marked: tuple[tuple[str, str], ...] = ()

    def cell_dict(self) -> dict[str, str]:
        return dict(self.cells)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    span: Span  # into Document.text
    section: tuple[str, ...]
    page: int | None
    refs: tuple[int, ...]
    table: TableInfo | None = None


@dataclass(frozen=True)
class Table:
    number: int
    title: str
    columns: tuple[str, ...]
    note: str
    rows: tuple[Block, ...]


@dataclass(frozen=True)
class Reference:
    """One entry of a document's reference list; `n` is its number (or its position when the
    list is author-year), `label` how the text cites it when not by number ("Smith et al., 2015")."""

    n: int
    text: str
    authors: tuple[str, ...] = ()
    title: str = ""
    journal: str = ""
    year: str = ""
    volume: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    label: str = ""


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    path: str
    text: str  # the cleaned text; every span points into it
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...]
    glossary: dict[str, str] = field(default_factory=dict)  # SHORT -> long form
    meta: dict = field(default_factory=dict)
    references: tuple[Reference, ...] = ()  # the parsed reference list; empty when the text has none
    warnings: tuple[str, ...] = ()  # what ingestion could not read (kept as text), for `qa index`


@dataclass(frozen=True)
class Chunk:
    id: str
    doc_id: str
    kind: ChunkKind
    text: str
    span: Span
    section: tuple[str, ...]
    page: int | None
    refs: tuple[int, ...]
    table: TableInfo | None = None
    n_tokens: int = 0


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    rank: int
    scores: dict[str, float]  # per retriever: {"bm25": .., "dense": ..}


@dataclass(frozen=True)
class Citation:
    refs: tuple[int, ...]
    hit_id: str
    quote: str
    span: Span


@dataclass(frozen=True)
class Answer:
    question: str
    status: Literal["answered", "not_found"]
    text: str
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    did_you_mean: str | None = None  # the question with its typos corrected, when it had any


@dataclass(frozen=True)
class Sentence:
    """A quotable unit: a sentence of running text or a caption, or a whole table row."""

    id: int
    doc_id: str
    kind: str  # "sentence" | "table_row"
    span: Span
    text: str
    refs: tuple[int, ...]  # its own markers, else those closing its paragraph's next cited sentence
    chunk_id: str  # a chunk that contains it whole


# --- claims (/cite): what the review says about each sentence of a draft ---------------------


@dataclass(frozen=True)
class Support:
    """A review sentence or table row offered as evidence, with its retrieval score."""

    sentence: Sentence
    score: float


@dataclass(frozen=True)
class ClaimVerdict:
    text: str
    span: Span  # into the draft
    verdict: Literal["supported", "contradicted", "not_found"]
    confidence: float
    reason: str | None  # for contradicted: what differs, in one line, with the review's refs
    evidence: Support | None  # the deciding evidence
    refs: tuple[int, ...]  # what to cite for this sentence (empty unless supported)
    supports: tuple[Support, ...]  # supporting evidence, strongest first


@dataclass(frozen=True)
class CiteReport:
    sentences: tuple[ClaimVerdict, ...]
    refs: tuple[int, ...]  # across the draft, in order of first use
    doc_id: str | None
