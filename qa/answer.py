"""ask(question) -> Answer and cite(text) -> supports: extractive, cited, and honest.

An answer only ever quotes the review: table cells with their references for questions aimed
at the tables, otherwise the one to three sentences that best answer, each with its
reference numbers. When the best evidence is weak (the question's distinctive terms are not
in the review and nothing is semantically close), the answer is "not_found"."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from qa.index.lexical import analyze
from qa.search import Searcher, expand
from qa.types import Answer, Chunk, Citation, Hit, Sentence, Span

# Words that point a question at a table column, by the column-name stems they evoke.
_COLUMN_CUES = {
    "cargo": ("content", "mechan"), "carri": ("content", "mechan"), "deliv": ("content", "mechan"),
    "mirna": ("content", "mechan"), "microrna": ("content", "mechan"), "mir": ("content", "mechan"),
    "content": ("content",), "isol": ("isol",), "purifi": ("isol",), "purif": ("isol",), "method": ("isol",),
    "sourc": ("sourc", "donor"), "donor": ("donor", "sourc"), "type": ("sourc", "donor"),
    "pathway": ("pathway", "mechan"), "signal": ("pathway", "mechan"), "mechan": ("mechan", "pathway"),
    "outcom": ("outcom", "function"), "effect": ("outcom", "function"), "result": ("outcom", "function"),
    "function": ("function", "outcom"), "cell": ("cell",), "line": ("cell",), "condit": ("condit",),
    "diseas": ("condit",), "model": ("condit", "cell"),
}
_TABLE_QUESTION = re.compile(r"^\s*(which|what)\b|\b(which|what)\s+(cargo|mirna|microrna|mir|isolation|method|source|pathway|msc|cells?|studies|entries)\b", re.I)


# Words of question phrasing, not of a topic: absent from a review, they say nothing about
# whether it covers the question.
_QUESTION_WORDS = frozenset(
    analyze_word for analyze_word in """help give given make makes made drive drives use used using per entry
    entries study studies figure people way ways kind kinds anything something thing things show shows
    tell work works role roles effect effects main best better good reported report paper review""".split()
)


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    from qa.index.lexical import _stemmer

    stem = _stemmer().stemWord
    return frozenset(stem(w) for w in _QUESTION_WORDS)


def _evidence_terms(text: str) -> set[str]:
    generic = _generic_stems()
    return {t for t in analyze(text, compounds=False) if t not in generic}


_PREFIXES = ("chemo", "hyper", "hypo", "inter", "intra", "micro", "macro", "multi", "nano", "over", "under",
             "trans", "anti", "post", "poly", "mono", "semi", "auto", "self", "pre", "pro", "non", "sub", "neo",
             "co", "re", "bi", "tri")


@dataclass
class Evidence:
    coverage: float  # idf-weighted share of the question's terms found in the best hit
    dense: float  # best cosine similarity of a chunk to the question
    score: float  # what the abstention threshold is applied to
    missing: tuple[str, ...] = ()  # technical words of the question the review never uses


class Answerer:
    def __init__(self, searcher: Searcher, abstain_threshold: float, missing_threshold: float | None = None):
        self.s = searcher
        self.threshold = abstain_threshold
        self.missing_threshold = missing_threshold if missing_threshold is not None else abstain_threshold
        idx = searcher.index
        self.n = len(idx.chunks)
        df: dict[str, int] = {}
        self._terms: list[set[str]] = []
        for t in idx.index_texts:
            terms = set(analyze(t))
            self._terms.append(terms)
            for w in terms:
                df[w] = df.get(w, 0) + 1
        self.df = df
        self._prefix6 = {t[:6] for t in df if len(t) >= 6}
        self._chunk_pos = {c.id: i for i, c in enumerate(idx.chunks)}
        # Sentence terms once, not per request: analysis is Python work under the GIL.
        self._sent_terms = [set(analyze(st.text)) for st in idx.sentences]
        # Every sentence a chunk holds whole (overlapping windows share sentences).
        self._sents_in: dict[str, list[Sentence]] = {c.id: [] for c in idx.chunks}
        by_doc: dict[str, list[Chunk]] = {}
        for c in idx.chunks:
            by_doc.setdefault(c.doc_id, []).append(c)
        for st in idx.sentences:
            for c in by_doc.get(st.doc_id, []):
                if c.span.start <= st.span.start and st.span.end <= c.span.end:
                    self._sents_in[c.id].append(st)

    # --- evidence --------------------------------------------------------------------------
    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 0.5))

    def coverage(self, terms: set[str], have: set[str]) -> float:
        """idf-weighted share of terms found in have (a stem sharing six letters counts:
        microglia / microglial)."""
        total = sum(self.idf(t) for t in terms)
        if total <= 0:
            return 0.0
        prefixes = {h[:6] for h in have if len(h) >= 6}
        found = sum(self.idf(t) for t in terms if t in have or (len(t) >= 6 and t[:6] in prefixes))
        return found / total

    def evidence(self, question: str, hits: list[Hit]) -> Evidence:
        terms = _evidence_terms(question)
        cov = 0.0
        for h in hits[:5]:
            i = self._chunk_pos[h.chunk.id]
            cov = max(cov, self.coverage(terms, self._terms[i]))
        dense = max((h.scores.get("dense", 0.0) for h in hits), default=0.0)
        return Evidence(cov, dense, 0.5 * cov + 0.5 * dense, tuple(self.missing_terms(question)))

    def known(self, term: str) -> bool:
        if term in self.df:
            return True
        return len(term) >= 6 and term[:6] in self._prefix6

    def missing_terms(self, question: str) -> list[str]:
        """Technical words of the question that the review never uses, even as a derivation
        (chemoresistance is 'resistance' with a prefix). A technical word is one the embedding
        model's vocabulary splits into three or more pieces: common words are whole pieces."""
        out = []
        count = getattr(self.s.embedder, "count_tokens", None)
        for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", question):
            terms = _evidence_terms(w)
            if not terms or all(self.known(t) for t in terms):
                continue
            low = w.lower()
            stem_rest = [low[len(p):] for p in _PREFIXES if low.startswith(p) and len(low) - len(p) >= 4]
            if any(all(self.known(t) for t in _evidence_terms(r)) for r in stem_rest if _evidence_terms(r)):
                continue
            pieces = count(low) - 2 if count else (3 if len(low) >= 9 else 1)
            if pieces >= 3:
                out.append(w)
        return out

    def abstains(self, ev: Evidence) -> bool:
        return ev.score < self.threshold or (bool(ev.missing) and ev.score < self.missing_threshold)

    # --- ask -------------------------------------------------------------------------------
    def ask(self, question: str, k: int = 8) -> Answer:
        hits = self.s.search(question, k=max(k, 8))
        ev = self.evidence(question, hits)
        if not hits or self.abstains(ev):
            return Answer(question, "not_found",
                          "The review does not cover this: no passage or table row of it answers the question.",
                          (), tuple(hits[:k]))
        table_part, table_cites = self._table_answer(question, hits)
        quotes, quote_cites = self._best_sentences(question, hits, limit=1 if table_part else 3)
        parts = []
        if table_part:
            parts.append(table_part)
        for st in quotes:
            refs = f" [{', '.join(map(str, st.refs))}]" if st.refs and not _has_marker(st.text) else ""
            parts.append(f"“{st.text}”{refs}")
        text = " ".join(parts) if parts else "The review does not cover this."
        return Answer(question, "answered", text, tuple(table_cites + quote_cites), tuple(hits[:k]))

    def _table_answer(self, question: str, hits: list[Hit]) -> tuple[str, list[Citation]]:
        rows = [h for h in hits[:6] if h.chunk.kind == "table_row"]
        if not rows:
            return "", []
        # Aimed at the tables: "which/what ..." questions, or any that names a column
        # ("how were exosomes isolated ...", "... pathway?").
        if not _TABLE_QUESTION.search(question) and self._asked_column(question, rows[0].chunk) is None:
            return "", []
        if hits[0].chunk.kind != "table_row" and rows[0].score < 0.75 * hits[0].score:
            return "", []
        terms = set(analyze(question)) | set(analyze(expand(question, self.s.glossary)))
        covs = [self.coverage(terms, self._terms[self._chunk_pos[h.chunk.id]]) for h in rows]
        best_cov, best_score = max(covs), rows[0].score
        chosen = [h for h, c in zip(rows, covs) if c >= 0.8 * best_cov and h.score >= 0.85 * best_score][:5]
        q_norm = re.sub(r"[^a-z0-9]", "", question.lower())
        items, cites = [], []
        for h in chosen:
            c = h.chunk
            cells = c.table.cell_dict()
            # The first asked-for column whose value the question does not already state.
            value = next((cells[col] for col in self._asked_columns(question, c)
                          if cells.get(col) and re.sub(r"[^a-z0-9]", "", cells[col].lower()) not in q_norm), "")
            if not value:
                value = "; ".join(v for k, v in c.table.cells[:-1])
            ref = ", ".join(map(str, c.refs))
            items.append(f"{value} [{ref}]")
            cites.append(Citation(c.refs, c.id, c.text, c.span))
        return f"Table {chosen[0].chunk.table.number}: " + "; ".join(items) + ".", cites

    @staticmethod
    def _asked_columns(question: str, row: Chunk) -> list[str]:
        """Columns the question asks about, most likely first."""
        q_terms = analyze(question)
        if re.match(r"\s*how\b", question, re.I) and "isol" not in " ".join(q_terms):
            q_terms = q_terms + ["mechan"]  # "how does X work" asks for a mechanism or pathway
        cols = list(row.table.columns[:-1])
        col_stems = {c: " ".join(analyze(c)) for c in cols}
        out: list[str] = []
        for t in q_terms:
            for cue in _COLUMN_CUES.get(t, ()):
                out += [c for c in cols if cue in col_stems[c] and c not in out]
        for t in q_terms:
            out += [c for c in cols if t in col_stems[c].split() and c not in out]
        return out

    def _asked_column(self, question: str, row: Chunk) -> str | None:
        cols = self._asked_columns(question, row)
        return cols[0] if cols else None

    def _best_sentences(self, question: str, hits: list[Hit], limit: int) -> tuple[list[Sentence], list[Citation]]:
        cands: list[tuple[float, Sentence, Hit]] = []
        seen: set[int] = set()
        qv = self.s.embed_query(question)
        terms = set(analyze(question)) | set(analyze(expand(question, self.s.glossary)))
        vecs = self.s.index.sentence_vectors
        for rank, h in enumerate(hits[:5]):
            if h.chunk.kind == "table_row":
                continue
            for st in self._sents_in.get(h.chunk.id, []):
                if st.id in seen or st.kind != "sentence":
                    continue
                seen.add(st.id)
                cov = self.coverage(terms, self._sent_terms[st.id])
                sim = float(vecs[st.id] @ qv)
                cands.append((0.5 * sim + 0.5 * cov + 0.05 * (5 - rank) / 5, st, h))
        cands.sort(key=lambda x: -x[0])
        if not cands:
            return [], []
        top = cands[0][0]
        chosen = [c for c in cands[:limit] if c[0] >= 0.85 * top]
        chosen.sort(key=lambda c: c[1].span.start)
        return [c[1] for c in chosen], [Citation(c[1].refs, c[2].chunk.id, c[1].text, c[1].span) for c in chosen]

    # --- cite --------------------------------------------------------------------------------
    def cite(self, text: str, per_sentence: int = 3) -> list[tuple[str, Span, list[tuple[Sentence, float]]]]:
        """For each sentence of text: the review's sentences that support it (qa/claims.py)."""
        from qa.claims import ClaimChecker

        return ClaimChecker.of(self).supports(text, per_sentence)


def _has_marker(text: str) -> bool:
    return bool(re.search(r"\[\d", text))
