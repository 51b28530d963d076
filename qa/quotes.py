"""Sentences as quotable units, with the reference numbers that back each one.

A sentence that carries no marker of its own ("MiR-146b in MSC exosomes can suppress tumor
growth in culture.") is backed by the next marker in its paragraph, which is how the review
cites: one marker closes the run of sentences that report the same study."""

from __future__ import annotations

from qa import sentences
from qa.ingest.reflist import cited_in
from qa.types import Chunk, Document, Sentence, Span


def split_document(doc: Document, chunks: list[Chunk], start_id: int = 0) -> list[Sentence]:
    by_kind = [c for c in chunks if c.doc_id == doc.id]
    out: list[Sentence] = []

    def containing(a: int, b: int, kind: str) -> str:
        for c in by_kind:
            if c.span.start <= a and b <= c.span.end and (kind != "table_row" or c.kind == "table_row"):
                return c.id
        # A sentence split by the chunker (too long for one chunk): the chunk it starts in.
        for c in by_kind:
            if c.span.start <= a < c.span.end:
                return c.id
        return ""

    for b in doc.blocks:
        if b.kind == "table_row":
            cid = containing(b.span.start, b.span.end, "table_row")
            out.append(Sentence(start_id + len(out), doc.id, "table_row", b.span, b.text, b.refs, cid))
            continue
        if b.kind not in ("paragraph", "caption"):
            continue
        spans = sentences.spans(b.text, b.span.start)
        own = [cited_in(doc.text[a:e], doc.references) for a, e in spans]
        for i, (a, e) in enumerate(spans):
            refs = own[i]
            if not refs:
                # Borrow from the next cited sentence of the paragraph (at most two ahead).
                for j in range(i + 1, min(i + 3, len(spans))):
                    if own[j]:
                        refs = own[j]
                        break
            cid = containing(a, e, "sentence")
            if cid:
                out.append(Sentence(start_id + len(out), doc.id, "sentence", Span(a, e), doc.text[a:e], refs, cid))
    return out
