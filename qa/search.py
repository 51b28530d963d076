"""search(query, k, kinds, table, section) -> list[Hit]: BM25 and dense retrieval, fused.

Fusion is a convex combination of the two scores, each scaled to [0, 1] over the query's
candidates. Measured on the dev set it beats reciprocal-rank fusion, which gives a weak
retriever's ranks the same say as a strong one's (see docs/retrieval.md)."""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable

import numpy as np

from qa.config import Settings
from qa.embed import Embedder
from qa.answer_type import table_called, table_named
from qa.evidence import appraisal_words, content_terms
from qa.index import Index
from qa.index.lexical import analyze, normalize
from qa.types import Chunk, Hit

KINDS = ("passage", "table_row", "caption")


class QueryError(ValueError):
    """A query the service cannot run; the message says why."""


class UnknownDocument(QueryError):
    """A filter names a document the index does not hold (HTTP 404, not 422)."""


def expand(query: str, glossary: dict[str, str], appraisal: bool = True) -> str:
    """Glossary expansion both ways: 'BM' adds 'bone marrow', 'bone marrow' adds 'BM'; for
    search, an appraisal asked for ("weaknesses") adds the word papers use for it ("limitations")."""
    q_norm = normalize(query)
    low = q_norm.lower()
    words = {w.strip(".,;:?!()[]") for w in re.split(r"[\s/-]+", q_norm)}
    words |= {w[:-1] for w in words if len(w) > 2 and w.endswith("s") and w[:-1].isupper()}
    said = appraisal_words(q_norm) if appraisal else ""
    extra: list[str] = [said] if said else []
    for short, long in glossary.items():
        if len(short) < 2:
            continue
        if short in words and long.lower() not in low:
            extra.append(long)
        elif len(long) > 3 and re.search(r"\b" + re.escape(long.lower()) + r"s?\b", low) and short not in words:
            extra.append(short)
    return " ".join(extra)


class Searcher:
    def __init__(self, index: Index, embedder: Embedder, settings: Settings | None = None):
        self.index = index
        self.embedder = embedder
        self.settings = settings or Settings()
        self.glossary = index.glossary
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._by_id = {c.id: i for i, c in enumerate(index.chunks)}
        self._kind = np.array([c.kind for c in index.chunks])
        self._doc = np.array([c.doc_id for c in index.chunks])
        self._doc_pos = {d: np.flatnonzero(self._doc == d) for d in dict.fromkeys(self._doc.tolist())}
        self.glossaries = index.glossaries()
        self._table = np.array([c.table.number if c.table else -1 for c in index.chunks])
        # Each document's table titles: a query may point at a table by its title ("the cancer table").
        self._titles: dict[str, dict[int, str]] = {}
        for c in index.chunks:
            if c.kind == "table_row" and c.table is not None:
                self._titles.setdefault(c.doc_id, {}).setdefault(c.table.number, c.table.title or "")
        # (Their words once, not on every search.)
        self._title_terms = {t: content_terms(t) for titles in self._titles.values() for t in titles.values()}
        self.speller = _speller(index, embedder)

    def chunk(self, chunk_id: str) -> Chunk | None:
        i = self._by_id.get(chunk_id)
        return None if i is None else self.index.chunks[i]

    # --- the two retrievers ------------------------------------------------------------
    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            v = self._cache.get(text)
            if v is not None:
                self._cache.move_to_end(text)
                return v
        v = self.embedder.embed_batch([text])[0]
        with self._lock:
            self._cache[text] = v
            if len(self._cache) > 2048:
                self._cache.popitem(last=False)
        return v

    def lexical_scores(self, query: str, expansion: str | None = None) -> np.ndarray:
        """BM25 scores; without an explicit expansion, the query is expanded with each
        document's own glossary for that document's chunks."""
        if expansion is not None:
            return self.index.lexical.scores(_topic_terms(query, expansion))
        return self.index.lexical.scores(self.query_terms(query))

    def query_terms(self, query: str) -> dict[str, list[str]]:
        """Index terms of a query per document: its topic words plus the long/short forms of
        the abbreviations it uses, read in that document's glossary."""
        return {d: _topic_terms(query, expand(query, g)) for d, g in self.glossaries.items()}

    def dense_scores(self, query: str, mask: np.ndarray | None) -> np.ndarray:
        """Cosine similarity for every chunk (NaN where not computed)."""
        n = len(self.index.chunks)
        out = np.full(n, np.nan, dtype=np.float32)
        if n == 0:
            return out
        qv = self.embed_query(query)
        if self.index.dense.kind == "flat" and n <= 50_000:
            # Exact scores for all: as fast as a FAISS top-k at this size, and filters are free.
            out[:] = self.index.embeddings @ qv
            return out
        scores, ids = self.index.dense.search(qv, self.settings.candidates)
        out[ids] = scores
        if mask is not None:
            # An approximate top-k over all chunks may hold none the filter allows: score
            # the allowed ones exactly.
            out[mask] = self.index.embeddings[mask] @ qv
        return out

    # --- fused search ----------------------------------------------------------------
    def mask(
        self, kinds: Iterable[str] | None, table: int | None, section: str | None, doc: str | None = None
    ) -> np.ndarray | None:
        if not kinds and table is None and not section and not doc:
            return None
        m = np.ones(len(self.index.chunks), dtype=bool)
        if doc:
            if doc not in self.glossaries:
                raise UnknownDocument(f"unknown document {doc[:80]!r}")
            m &= self._doc == doc
        if kinds:
            bad = [k for k in kinds if k not in KINDS]
            if bad:
                raise QueryError(f"unknown kind {bad[0]!r}; use one of {', '.join(KINDS)}")
            m &= np.isin(self._kind, list(kinds))
        if table is not None:
            m &= self._table == table
        if section:
            s = section.lower()
            m &= np.array([any(s in part.lower() for part in c.section) for c in self.index.chunks])
        return m

    def search(
        self,
        query: str,
        k: int = 10,
        kinds: Iterable[str] | None = None,
        table: int | None = None,
        section: str | None = None,
        mode: str = "hybrid",
        doc: str | None = None,
        correct: bool = True,
    ) -> list[Hit]:
        if not query or not query.strip():
            raise QueryError("query is empty")
        if k < 1:
            raise QueryError("k must be at least 1")
        if correct:
            query = self.spelled(query)
        mask = self.mask(kinds, table, section, doc)
        n = len(self.index.chunks)
        bm = self.lexical_scores(query) if mode in ("hybrid", "bm25") else np.zeros(n, np.float32)
        dn = self.dense_scores(query, mask) if mode in ("hybrid", "dense") else np.full(n, np.nan, np.float32)
        fused, parts = self.fuse(bm, dn, mode, mask)
        if mode == "hybrid":
            fused = self._to_table_pointed_at(query, fused)
        order = np.argsort(-fused, kind="stable")
        # Only chunks with a score take part: a result moved behind the distinct ones must not
        # end up behind the filtered-out ones too (and be cut off with them).
        order = self._diversify(order[np.isfinite(fused[order])], k)
        hits = []
        for rank, i in enumerate(order, start=1):
            if not np.isfinite(fused[i]):
                break
            hits.append(Hit(self.index.chunks[i], float(fused[i]), rank, {name: float(p[i]) for name, p in parts.items()}))
        return hits

    def _to_table_pointed_at(self, query: str, fused: np.ndarray) -> np.ndarray:
        """A query pointing at a table ("in Table 2", "the cancer table") is about its rows:
        they rank above running text that scores only a little better (a row is terse, and
        the passage telling the same study in more of the query's words would otherwise win)."""
        number = table_named(query)
        pointed = np.zeros(len(fused), dtype=bool)
        for doc, titles in self._titles.items():
            n = number if number is not None else table_called(
                query, titles, lambda t: self._title_terms[t] if t in self._title_terms else content_terms(t))
            if n is not None and n in titles:
                pointed |= (self._doc == doc) & (self._table == n) & (self._kind == "table_row")
        if not pointed.any():
            return fused
        return np.where(pointed & np.isfinite(fused), fused + TABLE_POINTED_BOOST, fused)

    def spelled(self, query: str) -> str:
        """The query as the documents spell it: British/American forms and one-letter typos of
        words no document uses, corrected to the most frequent word one edit away."""
        options = self.speller.correct(query)
        return options[0].text if options else query

    def _diversify(self, order: np.ndarray, k: int) -> list[int]:
        """Top k, with a chunk that mostly repeats a better-ranked one (overlapping windows of
        the same passage) moved behind the distinct ones: the reader gets k different pieces."""
        frac = self.settings.overlap_suppression
        kept: list[int] = []
        later: list[int] = []
        chunks = self.index.chunks
        for i in order[: max(4 * k, 40)]:
            c = chunks[int(i)]
            length = max(1, c.span.end - c.span.start)
            repeat = any(
                chunks[j].doc_id == c.doc_id
                and min(c.span.end, chunks[j].span.end) - max(c.span.start, chunks[j].span.start) > frac * length
                for j in kept
            )
            (later if repeat else kept).append(int(i))
            if len(kept) >= k:
                break
        return (kept + later)[:k]

    def fuse(self, bm: np.ndarray, dn: np.ndarray, mode: str,
             mask: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Fused scores; -inf outside the filter mask. Candidates are taken among the chunks
        the filter allows: taken first and filtered after, a filter would keep only the few
        allowed chunks that happened to rank among all chunks' best."""
        dn_filled = np.nan_to_num(dn, nan=-1.0)
        allowed = np.ones(len(bm), dtype=bool) if mask is None else mask
        if mode == "bm25":
            return np.where(allowed, bm.astype(np.float64), -np.inf), {"bm25": bm}
        if mode == "dense":
            return np.where(allowed, dn_filled.astype(np.float64), -np.inf), {"dense": dn_filled}
        if len(self._doc_pos) > 1:
            return self._fuse_per_doc(bm, dn_filled, allowed)
        c = self.settings.candidates
        cand = np.zeros(len(bm), dtype=bool)
        cand[np.argsort(-np.where(allowed, bm, -np.inf))[:c]] = True
        cand[np.argsort(-np.where(allowed, dn_filled, -np.inf))[:c]] = True
        cand &= allowed
        if not cand.any():
            return np.full(len(bm), -np.inf), {"bm25": bm, "dense": dn_filled}
        b_norm = _minmax(bm, cand, LEXICAL_FLOOR)
        d_norm = _minmax(dn_filled, cand)
        w = self.settings.fusion_weight
        fused = np.where(cand, w * _minmax(bm, cand, rank_floor(len(bm))) + (1 - w) * d_norm, -np.inf)
        return fused, {"bm25": bm, "dense": dn_filled, "bm25_norm": b_norm, "dense_norm": d_norm}


    def _fuse_per_doc(self, bm: np.ndarray, dn: np.ndarray,
                      allowed: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Fusion inside each document as if it were alone (its own candidates and score
        scales), then each document's scores scaled by how close its best passage comes to
        the query compared with the best document's: a document added beside another cannot
        reorder the other's results, and one that is off the question's topic sinks."""
        c = self.settings.candidates
        w = self.settings.fusion_weight
        fused = np.full(len(bm), -np.inf)
        b_norm = np.zeros(len(bm))
        d_norm = np.zeros(len(bm))
        best = {d: float(dn[pos].max()) for d, pos in self._doc_pos.items() if len(pos)}
        top = max(best.values()) if best else 0.0
        for d, pos in self._doc_pos.items():
            if not len(pos):
                continue
            b, v = bm[pos], dn[pos]
            ok = np.ones(len(pos), dtype=bool) if allowed is None else allowed[pos]
            if not ok.any():
                continue
            # Candidates among the chunks the filter allows (see fuse).
            cand = np.zeros(len(pos), dtype=bool)
            cand[np.argsort(-np.where(ok, b, -np.inf))[:c]] = True
            cand[np.argsort(-np.where(ok, v, -np.inf))[:c]] = True
            cand &= ok
            bn, vn = _minmax(b, cand, LEXICAL_FLOOR), _minmax(v, cand)
            gate = float(np.clip(1.0 - DOC_GATE * (top - best[d]), 0.05, 1.0))
            fused[pos] = np.where(cand, gate * (w * _minmax(b, cand, rank_floor(len(pos))) + (1 - w) * vn), -np.inf)
            b_norm[pos], d_norm[pos] = bn, vn
        return fused, {"bm25": bm, "dense": dn, "bm25_norm": b_norm, "dense_norm": d_norm}


# BM25's spread over the candidates counts in full only from the score of one match of a word
# half the chunks hold (ln 2 under BM25's idf): a query in words the document does not use
# ("spit or pee") matches only words found everywhere, and min-max would stretch those
# near-equal scores into a ranking as strong as a real match.
LEXICAL_FLOOR = math.log(2)
# In the ranking, BM25's spread counts in full only from the score of one match of a word one
# chunk in fifty holds (in a document of fewer than fifty chunks, a word one chunk holds): a lay
# question matching a few common words ("blood", "tumours") does not push a passage past the one
# closest in meaning (read hold-outs: R@1 0.814 -> 0.823, MRR 0.862 -> 0.869; the read articles
# flat). The evidence for abstaining still reads BM25 on the scale above, where its thresholds
# were set, and so does what a hit reports as its BM25 share.
RANK_FLOOR_SHARE = 1 / 50


def rank_floor(n: int) -> float:
    """The BM25 idf (bm25s, Lucene's form) of a word held by RANK_FLOOR_SHARE of n chunks,
    and at least by one."""
    df = max(1.0, RANK_FLOOR_SHARE * n)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))

# What a row of the table a query points at gains on the fused scale (0-1): it passes passages
# up to this much better, not those far ahead (measured on our hold-outs: 0.1-0.3 alike).
TABLE_POINTED_BOOST = 0.2

# How fast a document's results sink as its best cosine falls behind the best document's
# (a gap of 0.1 halves its scores).
DOC_GATE = 5.0


def _speller(index: Index, embedder):
    from qa.index.lexical import stem_word
    from qa.lexicon import english_counts
    from qa.spelling import Speller

    # A common English word is one word piece of the embedding model's vocabulary.
    count = getattr(embedder, "count_tokens", None)
    common = (lambda w: count(w) - 2 <= 1) if count else None
    words = getattr(embedder, "words", None)
    return Speller((c.text for c in index.chunks), common, stem=stem_word,
                   dictionary=words() if words else (), english=english_counts())


def _topic_terms(query: str, expansion: str) -> list[str]:
    from qa.evidence import generic_stems

    # Words of question phrasing ("which studies show ...") match any passage that uses
    # them; only the query's topic words rank passages.
    generic = generic_stems()
    return [t for t in analyze(query) + analyze(expansion) if t not in generic] or analyze(query)


def _minmax(x: np.ndarray, cand: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """Scores scaled to 0-1 over the candidates; a spread narrower than floor is not stretched
    to the whole scale (it says little: see LEXICAL_FLOOR). Equal scores are all 1 when they
    are a match at all (above LEXICAL_FLOOR, whatever floor the spread is read with)."""
    vals = x[cand]
    lo, hi = float(vals.min()), float(vals.max())
    if hi - lo < 1e-9:
        return np.where(cand, 1.0 if hi > min(floor, LEXICAL_FLOOR) else 0.0, 0.0)
    return np.clip((x - lo) / max(hi - lo, floor), 0.0, 1.0)
