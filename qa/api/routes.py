"""Routes: validate, call the core, map to a schema. Nothing here knows FAISS or the model."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import ValidationError

from qa.api import schemas as S
from qa.api.middleware import clip
from qa.citation import cite_formats
from qa.examples import examples
from qa.search import QueryError, UnknownDocument
from qa.types import Chunk, Hit

router = APIRouter()


def engine_of(request: Request):
    state = request.app.state
    if state.engine is None or state.engine.searcher is None:
        detail = "index is loading, try again shortly" if state.load_error is None else f"index failed to load: {state.load_error}"
        raise HTTPException(status_code=503, detail=detail)
    return state.engine


def hit_model(h: Hit, docs: dict) -> S.HitModel:
    return chunk_model(h.chunk, docs, h.score, h.rank, h.scores)


def cited(c: Chunk, docs: dict, refs=None) -> list[S.CitedRef]:
    """The reference-list entries a chunk's reference numbers (or the given ones) point to."""
    refs = c.refs if refs is None else refs
    entries = docs.get(c.doc_id, {}).get("references") or []
    if not entries or not refs:
        return []
    by_n = {e["n"]: e for e in entries}
    return [S.CitedRef(n=n, text=by_n[n]["text"], doi=by_n[n].get("doi") or None) for n in refs if n in by_n]


def _citation_cited(eng, hit_id: str, refs, docs: dict) -> list[S.CitedRef]:
    c = eng.searcher.chunk(hit_id)
    return cited(c, docs, refs) if c is not None else []


def chunk_model(c: Chunk, docs: dict, score: float = 0.0, rank: int = 0, scores: dict | None = None) -> S.HitModel:
    t = c.table
    return S.HitModel(
        cited=cited(c, docs),
        id=c.id, kind=c.kind, score=round(score, 6), rank=rank, text=c.text, section=list(c.section),
        refs=list(c.refs), doc=S.DocRef(id=c.doc_id, title=docs.get(c.doc_id, {}).get("title", c.doc_id)),
        span=S.SpanModel(start=c.span.start, end=c.span.end), page=c.page,
        table=None if t is None else S.TableCell(number=t.number, title=t.title, group=t.group,
                                                 columns=list(t.columns), cells=t.cell_dict()),
        scores={k: round(v, 6) for k, v in (scores or {}).items()},
    )


# /health and /ready are async and do no blocking work: they run on the event loop, never
# waiting for a worker thread behind heavy requests.
@router.get("/health", tags=["service"])
async def health():
    return {"status": "ok"}


@router.get("/limits", response_model=S.LimitsResponse, tags=["service"])
async def limits(request: Request):
    """The request limits in force, for clients that check input before sending it."""
    s = request.app.state.settings
    return S.LimitsResponse(max_query_chars=s.max_query_chars, max_cite_chars=s.max_cite_chars, max_k=s.max_k)


@router.get("/ready", tags=["service"], responses={503: {"model": S.ErrorResponse}})
async def ready(request: Request):
    eng = engine_of(request)
    # `qa serve` prints its address before it calls itself ready, so that a client polling
    # /ready never sees 200 before the "Serving on ..." line.
    announced = getattr(request.app.state, "announced", None)
    if announced is not None and not announced.is_set():
        raise HTTPException(status_code=503, detail="starting, try again shortly")
    return {"status": "ready", "index": eng.index_state, "chunks": len(eng.index.chunks),
            "built_at": eng.index.manifest.get("built_at")}


def _search(request: Request, req: S.SearchRequest) -> S.SearchResponse:
    eng = engine_of(request)
    t0 = time.perf_counter()
    try:
        hits = eng.searcher.search(req.query, k=req.k, kinds=req.kinds, table=req.table, section=req.section, doc=req.doc)
    except UnknownDocument as e:
        raise HTTPException(status_code=404, detail=str(e)) from None
    except QueryError as e:
        raise HTTPException(status_code=422, detail=str(e)) from None
    docs = eng.index.documents
    return S.SearchResponse(query=req.query, took_ms=round((time.perf_counter() - t0) * 1000, 3),
                            results=[hit_model(h, docs) for h in hits])


@router.post("/search", response_model=S.SearchResponse, tags=["search"],
             responses={404: {"model": S.ErrorResponse}, 422: {"model": S.ErrorResponse}})
def search_post(request: Request, req: S.SearchRequest):
    """Hybrid search over passages, table rows and captions."""
    return _search(request, req)


@router.get("/search", response_model=S.SearchResponse, tags=["search"],
            responses={404: {"model": S.ErrorResponse}, 422: {"model": S.ErrorResponse}})
def search_get(
    request: Request,
    q: str = Query(..., min_length=1, max_length=S.LIMITS.max_query_chars, description="The query.",
                   examples=["miR-16 VEGF breast cancer"], json_schema_extra=S.NOT_BLANK),
    k: Annotated[int, Query(ge=1, le=S.LIMITS.max_k), S.DIGITS] = 10,
    kind: list[S.Kind] | None = Query(None, description="Only these kinds (repeatable)."),
    table: Annotated[int | None, Query(ge=1, le=S.MAX_TABLE), S.DIGITS] = None,
    section: str | None = Query(None, max_length=200),
    doc: str | None = Query(None, max_length=200, description="Only results from this document."),
):
    try:
        req = S.SearchRequest(query=q, k=k, kinds=kind, table=table, section=section, doc=doc)
    except ValidationError as e:
        err = e.errors()[0]
        field = {"query": "q", "kinds": "kind"}.get(str(err["loc"][0]), str(err["loc"][0])) if err.get("loc") else "query"
        raise HTTPException(status_code=422, detail=f"{field}: {err['msg']}") from None
    return _search(request, req)


@router.post("/ask", response_model=S.AskResponse, tags=["answers"], responses={422: {"model": S.ErrorResponse}})
def ask(request: Request, req: S.AskRequest):
    """An extractive, cited answer; status "not_found" when no indexed document covers it."""
    eng = engine_of(request)
    t0 = time.perf_counter()
    a = eng.answerer.ask(req.question, k=req.k)
    docs = eng.index.documents
    doc = docs.get(a.hits[0].chunk.doc_id) if a.hits else None
    return S.AskResponse(
        cite_as=S.CiteAs(**cite_formats(doc)) if doc and a.status == "answered" else None,
        question=req.question, status=a.status, answer=a.text, did_you_mean=a.did_you_mean,
        citations=[S.CitationModel(refs=list(c.refs), hit_id=c.hit_id, quote=c.quote,
                                   span=S.SpanModel(start=c.span.start, end=c.span.end),
                                   cited=_citation_cited(eng, c.hit_id, c.refs, docs)) for c in a.citations],
        results=[hit_model(h, docs) for h in a.hits],
        took_ms=round((time.perf_counter() - t0) * 1000, 3),
    )


@router.post("/cite", response_model=S.CiteResponse, tags=["answers"], responses={422: {"model": S.ErrorResponse}})
def cite(request: Request, req: S.CiteRequest):
    """For each sentence of a draft: supported, contradicted (with the reason) or not found in
    the review, the evidence, and the references to cite."""
    eng = engine_of(request)
    t0 = time.perf_counter()
    docs = eng.index.documents
    report = eng.claims.check(req.text)

    def support(s) -> S.SupportModel | None:
        st = s.sentence
        chunk = eng.searcher.chunk(st.chunk_id)
        if chunk is None:
            return None
        return S.SupportModel(hit=chunk_model(chunk, docs, s.score), quote=st.text,
                              span=S.SpanModel(start=st.span.start, end=st.span.end), refs=list(st.refs), score=s.score)

    out = [S.CitedSentence(text=v.text, span=S.SpanModel(start=v.span.start, end=v.span.end),
                           supports=[m for m in map(support, v.supports) if m is not None],
                           verdict=v.verdict, confidence=v.confidence, reason=v.reason,
                           evidence=support(v.evidence) if v.evidence else None, refs=list(v.refs))
           for v in report.sentences]
    doc = docs.get(report.doc_id) or next(iter(docs.values()))
    return S.CiteResponse(sentences=out, refs=list(report.refs), cite_as=S.CiteAs(**cite_formats(doc)),
                          took_ms=round((time.perf_counter() - t0) * 1000, 3))


def _tables(eng, doc_id: str | None = None) -> list[S.TableModel]:
    out = []
    for doc in eng.index.documents.values():
        if doc_id is not None and doc["id"] != doc_id:
            continue
        for t in doc.get("tables", []):
            rows = []
            for cid in t["rows"]:
                c = eng.searcher.chunk(cid) if cid else None
                if c is None or c.table is None:
                    continue
                rows.append(S.RowModel(id=c.id, group=c.table.group, cells=c.table.cell_dict(), refs=list(c.refs), page=c.page))
            out.append(S.TableModel(doc=doc["id"], number=t["number"], title=t["title"], columns=t["columns"],
                                    note=t["note"], rows=rows))
    return out


def _doc_or_404(eng, doc_id: str) -> dict:
    d = eng.index.documents.get(doc_id)
    if d is None:
        raise HTTPException(status_code=404, detail=f"no document {clip(doc_id)!r}")
    return d


@router.get("/tables", response_model=S.TablesResponse, tags=["documents"], responses={404: {"model": S.ErrorResponse}})
def tables(request: Request, doc: str | None = Query(None, max_length=200, description="Only this document's tables.")):
    eng = engine_of(request)
    if doc is not None:
        _doc_or_404(eng, doc)
    return S.TablesResponse(tables=_tables(eng, doc))


@router.get("/tables/{number}", response_model=S.TableModel, tags=["documents"],
            responses={404: {"model": S.ErrorResponse}, 409: {"model": S.ErrorResponse}})
def table(request: Request, number: S.TableNumber):
    """Table `number`; with several documents indexed, only when one of them has it
    (else use /documents/{id}/tables/{n})."""
    found = [t for t in _tables(engine_of(request)) if t.number == number]
    if len(found) > 1:
        docs = ", ".join(t.doc for t in found)
        raise HTTPException(status_code=409, detail=f"several documents have a table {number} ({docs}); "
                                                    f"use /documents/{{id}}/tables/{number}")
    if found:
        return found[0]
    raise HTTPException(status_code=404, detail=f"no table {clip(str(number))}")


@router.get("/documents/{doc_id}/tables/{number}", response_model=S.TableModel, tags=["documents"],
            responses={404: {"model": S.ErrorResponse}})
def document_table(request: Request, doc_id: str, number: S.TableNumber):
    eng = engine_of(request)
    _doc_or_404(eng, doc_id)
    for t in _tables(eng, doc_id):
        if t.number == number:
            return t
    raise HTTPException(status_code=404, detail=f"document {clip(doc_id)!r} has no table {clip(str(number))}")


@router.get("/documents/{doc_id}/references", response_model=S.ReferencesResponse, tags=["documents"],
            responses={404: {"model": S.ErrorResponse}})
def document_references(request: Request, doc_id: str):
    """The document's reference list, parsed; empty with a note when its text has none
    (then results carry reference numbers only)."""
    d = _doc_or_404(engine_of(request), doc_id)
    refs = d.get("references") or []
    note = None if refs else ("this document's text has no reference list: results carry its reference numbers only")
    return S.ReferencesResponse(doc=doc_id, note=note, references=[
        S.ReferenceModel(n=r["n"], text=r["text"], authors=list(r.get("authors", [])), title=r.get("title", ""),
                         journal=r.get("journal", ""), year=r.get("year", ""), volume=r.get("volume", ""),
                         pages=r.get("pages", ""), doi=r.get("doi") or None, pmid=r.get("pmid") or None)
        for r in refs])


@router.get("/chunks/{chunk_id}", response_model=S.HitModel, tags=["documents"], responses={404: {"model": S.ErrorResponse}})
def chunk(request: Request, chunk_id: str):
    eng = engine_of(request)
    c = eng.searcher.chunk(chunk_id)
    if c is None:
        raise HTTPException(status_code=404, detail=f"no chunk {clip(chunk_id)!r}")
    return chunk_model(c, eng.index.documents)


@router.get("/documents", response_model=S.DocumentsResponse, tags=["documents"])
def documents(request: Request):
    eng = engine_of(request)
    out = []
    for d in eng.index.documents.values():
        out.append(S.DocumentModel(
            id=d["id"], title=d["title"], path=d["path"], chars=len(d["text"]), meta=d.get("meta", {}),
            cite_as=S.CiteAs(**cite_formats(d)), examples=examples(d),
            references=len(d.get("references") or []), tables=len(d.get("tables") or [])))
    return S.DocumentsResponse(documents=out)


@router.get("/documents/{doc_id}/text", response_model=S.DocumentText, tags=["documents"], responses={404: {"model": S.ErrorResponse}})
def document_text(request: Request, doc_id: str):
    d = engine_of(request).index.documents.get(doc_id)
    if d is None:
        raise HTTPException(status_code=404, detail=f"no document {clip(doc_id)!r}")
    return S.DocumentText(id=d["id"], title=d["title"], text=d["text"])


@router.get("/metrics", response_class=PlainTextResponse, tags=["service"])
def metrics(request: Request):
    return PlainTextResponse(request.app.state.metrics.render(), media_type="text/plain; version=0.0.4")
