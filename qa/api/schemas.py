"""Wire types of the HTTP API (pydantic). Routes map core objects onto these; core types
never leave the API raw."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import Path
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from qa.config import Settings

Kind = Literal["passage", "table_row", "caption"]

# Request limits come from the settings (QA_MAX_QUERY_CHARS, QA_MAX_K, QA_MAX_CITE_CHARS),
# read once when the API is imported; GET /limits reports them to clients.
LIMITS = Settings()


def _digits_only(value: object) -> object:
    # A number in a URL is written with digits alone: " 2", "\n2" or "+2" would otherwise be
    # read as 2 (pydantic's lax parsing), and a request that breaks the schema must be refused.
    # ("5.0" is a whole number in JSON Schema's eyes, so it stays one here.)
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{1,30}(?:\.0+)?", value):
        raise ValueError("a whole number written with digits only")
    return value


# Whole numbers in paths and query strings.
DIGITS = BeforeValidator(_digits_only)
MAX_TABLE = 1000  # table numbers a request may name
TableNumber = Annotated[int, Path(ge=1, le=MAX_TABLE), DIGITS]


def _no_bool_or_text(v):
    # JSON true and "3" are not numbers; 3 and 3.0 are (JSON Schema's integer includes 3.0).
    if isinstance(v, (bool, str)):
        raise ValueError("must be a JSON integer, not " + ("a boolean" if isinstance(v, bool) else "a string"))
    return v


# Text fields must hold a non-space character; said in the schema too (pattern), so that
# clients and schema-driven tests know a blank string is invalid. The class is spelled out so
# that both read it alike: Python counts the separators U+001C-U+001F and NEL (U+0085) as space,
# JSON Schema's (ECMA) \s does not; ECMA counts the byte-order mark (U+FEFF), Python does not.
_NON_SPACE = r"[^\s\x1c-\x1f\x85\ufeff]"
NOT_BLANK = {"pattern": _NON_SPACE}


def _not_blank(v: str) -> str:
    if not v or not re.search(_NON_SPACE, v):
        raise ValueError("must not be empty or whitespace only")
    return v


class DocRef(BaseModel):
    id: str
    title: str


class SpanModel(BaseModel):
    start: int
    end: int


class TableCell(BaseModel):
    number: int
    title: str
    group: str | None
    columns: list[str]
    cells: dict[str, str]


class CitedRef(BaseModel):
    n: int = Field(..., description="The reference number as the document cites it.")
    text: str = Field(..., description="The entry of the document's reference list.")
    doi: str | None = None


class HitModel(BaseModel):
    id: str
    kind: Kind
    score: float
    rank: int
    text: str
    section: list[str]
    refs: list[int]
    doc: DocRef
    span: SpanModel
    page: int | None
    table: TableCell | None
    scores: dict[str, float] = Field(default_factory=dict, description="Per-retriever scores (bm25, dense) behind the fused score.")
    cited: list[CitedRef] = Field(default_factory=list, description="The entries of the document's reference list that `refs` point to (empty when the document has no reference list).")


class SearchRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"query": "which cargo reduces VEGF in breast cancer?", "k": 5},
                                        {"query": "bone marrow MSC exosomes", "k": 10, "kinds": ["table_row"], "table": 1}]},
    )
    query: str = Field(..., min_length=1, max_length=LIMITS.max_query_chars, description="What to look for, in words.", json_schema_extra=NOT_BLANK)
    k: int = Field(10, ge=1, le=LIMITS.max_k, description=f"How many results (1-{LIMITS.max_k}).")
    kinds: list[Kind] | None = Field(None, description="Only these kinds of result.")
    table: int | None = Field(None, ge=1, le=MAX_TABLE, description="Only rows of this table number.")
    section: str | None = Field(None, max_length=200, description="Only results whose section contains this text.")
    doc: str | None = Field(None, max_length=200, description="Only results from this document (its id, as in GET /documents).")

    _q = field_validator("query")(_not_blank)
    _n = field_validator("k", "table", mode="before")(_no_bool_or_text)


class SearchResponse(BaseModel):
    query: str
    took_ms: float
    results: list[HitModel]


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"question": "which cargo reduces VEGF in breast cancer?"}]})
    question: str = Field(..., min_length=1, max_length=LIMITS.max_query_chars, json_schema_extra=NOT_BLANK)
    k: int = Field(8, ge=1, le=LIMITS.max_k, description="How many results to return beside the answer.")

    _q = field_validator("question")(_not_blank)
    _n = field_validator("k", mode="before")(_no_bool_or_text)


class CitationModel(BaseModel):
    refs: list[int]
    hit_id: str
    quote: str
    span: SpanModel
    cited: list[CitedRef] = Field(default_factory=list, description="The reference-list entries `refs` point to.")


class CiteAs(BaseModel):
    text: str = Field(..., description="A Vancouver-style reference line.")
    bibtex: str = Field(..., description="A BibTeX entry, LaTeX special characters escaped.")
    ris: str | None = Field(None, description="An RIS record (Zotero, EndNote, Mendeley import it).")
    csl: dict | None = Field(None, description="A CSL-JSON item (citeproc, pandoc, Zotero).")


class AskResponse(BaseModel):
    question: str
    status: Literal["answered", "not_found"]
    answer: str
    citations: list[CitationModel]
    results: list[HitModel]
    cite_as: CiteAs | None = Field(None, description="How to cite the review the answer comes from.")
    did_you_mean: str | None = Field(None, description="The question with its spelling corrected against the documents' vocabulary, when it had a typo.")
    took_ms: float


class CiteRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "Exosomal miR-16 lowers VEGF in breast cancer cells and so blocks angiogenesis."}]},
    )
    text: str = Field(..., min_length=1, max_length=LIMITS.max_cite_chars, description="A sentence or paragraph being drafted.", json_schema_extra=NOT_BLANK)

    _t = field_validator("text")(_not_blank)


class SupportModel(BaseModel):
    hit: HitModel
    quote: str
    span: SpanModel
    refs: list[int]
    score: float


class CitedSentence(BaseModel):
    text: str
    span: SpanModel
    supports: list[SupportModel]
    verdict: Literal["supported", "contradicted", "not_found"] = Field(
        "not_found", description="What the review says about this sentence: it supports it, contradicts it, or does not address it.")
    confidence: float = Field(0.0, ge=0.0, le=1.0, description="How sure the verdict is, 0-1.")
    reason: str | None = Field(None, description="For a contradiction, what differs, in one line with the review's refs "
                                                 "(e.g. \"number: draft 200,000×g, review 110,000×g [91]\").")
    evidence: SupportModel | None = Field(None, description="The review sentence or table row the verdict rests on.")
    refs: list[int] = Field(default_factory=list, description="What to cite for this sentence (empty unless supported).")


class CiteResponse(BaseModel):
    sentences: list[CitedSentence]
    refs: list[int] = Field(description="References to cite across the draft, in order of first use.")
    cite_as: CiteAs
    took_ms: float


class RowModel(BaseModel):
    id: str
    group: str | None
    cells: dict[str, str]
    refs: list[int]
    page: int | None = None


class TableModel(BaseModel):
    doc: str
    number: int
    title: str
    columns: list[str]
    note: str
    rows: list[RowModel]


class TablesResponse(BaseModel):
    tables: list[TableModel]


class DocumentModel(BaseModel):
    id: str
    title: str
    path: str
    chars: int
    meta: dict
    cite_as: CiteAs | None = Field(None, description="How to cite this document.")
    examples: list[str] = Field(default_factory=list, description="Example questions made from the document's own headings and table titles.")
    references: int = Field(0, description="Entries in the document's parsed reference list.")
    tables: int = Field(0, description="Tables rebuilt from the document.")


class ReferenceModel(BaseModel):
    n: int
    text: str
    authors: list[str]
    title: str
    journal: str
    year: str
    volume: str
    pages: str
    doi: str | None = None
    pmid: str | None = None


class ReferencesResponse(BaseModel):
    doc: str
    references: list[ReferenceModel]
    note: str | None = Field(None, description="Why the list is empty, when it is.")


class DocumentsResponse(BaseModel):
    documents: list[DocumentModel]


class DocumentText(BaseModel):
    id: str
    title: str
    text: str


class LimitsResponse(BaseModel):
    max_query_chars: int = Field(description="Longest query or question accepted.")
    max_cite_chars: int = Field(description="Longest /cite text accepted.")
    max_k: int = Field(description="Largest k accepted.")


class ErrorResponse(BaseModel):
    error: str
    detail: list | None = None
