"""check(draft) -> CiteReport: for each sentence of a draft, whether the review supports it,
contradicts it or does not address it, with the deciding evidence and, for a contradiction,
the reason in one line.

Evidence is found with the index that already exists: the hybrid chunk retrieval (BM25 and
dense, fused by the searcher) and the per-sentence vectors. A candidate is aligned with the
claim when it covers the claim's specific content (idf-weighted terms, so a shared topic is
not enough); an aligned candidate contradicts the claim when a typed slot is filled
differently (species, MSC source, organ, cell line, miRNA, table columns), a quantity with
the same unit has another value, a relation goes the other way, or a negation sits over what
the claim affirms. Cost per sentence is bounded: one embedding pass for the whole draft and
a fixed number of candidates per sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from qa import claims_nlp as nlp
from qa.evidence import content_terms
from qa.index.lexical import analyze, name_term, normalize
from qa.search import expand
from qa.types import ClaimVerdict, CiteReport, Sentence, Span, Support


@dataclass(frozen=True)
class ClaimSettings:
    """The knobs of claim checking (defaults from Settings, see qa/config.py "# claims")."""

    chunk_candidates: int = 6  # fused chunk hits whose sentences become candidates
    sentence_candidates: int = 20  # nearest review sentences by vector
    checked: int = 10  # candidates, best first, tested for support and conflict
    support_coverage: float = 0.3  # share of the claim's specific content the evidence must cover
    support_score: float = 0.5  # 0.5 x cosine + 0.5 x coverage needed to call it supported
    support_score_unknown: float = 0.55  # the same when a technical word of the claim never occurs in the review
    paraphrase_similarity: float = 0.88  # a cosine this close is support on lower coverage ...
    paraphrase_coverage: float = 0.15  # ... down to this
    conflict_coverage: float = 0.4  # alignment (coverage outside the conflicting words) to trust a conflict
    conflict_margin: float = 0.1  # a conflict this much less aligned than the best support still wins:
    # offering a citation the review refutes costs a writer more than a missed one
    context_weight: float = 0.5  # a term found only in a neighbouring sentence counts this much
    entity_context_coverage: float = 0.5  # coverage above which a named entity may sit in a neighbouring sentence
    unknown_share: float = 0.62  # a sentence whose content (idf-weighted) is mostly words the review never uses is not supported
    max_sentences: int = 1000  # a draft is checked up to this many sentences (5,000 chars hold fewer)
    min_terms: int = 2  # content words a sentence needs to be checked at all


def settings_from(settings) -> ClaimSettings:
    """The claim knobs of a Settings object."""
    return ClaimSettings(
        checked=settings.claim_candidates, support_coverage=settings.claim_support_coverage,
        support_score=settings.claim_support_score, support_score_unknown=settings.claim_support_score_unknown,
        conflict_coverage=settings.claim_conflict_coverage, conflict_margin=settings.claim_conflict_margin)


@dataclass
class _Cand:
    st: Sentence
    sim: float
    cov: float
    score: float
    conflict: tuple[str, str] | None = None  # (kind, reason)
    align: float = 0.0
    same_study: bool = False  # a conflict found in the record of the study the best evidence reports


class ClaimChecker:
    """Uses of the answerer (qa/answer.py), shared rather than copied: idf, coverage, df,
    missing_terms, the per-sentence terms (_sent_terms), the sentences each chunk holds
    (_sents_in), its judge's missing_terms and term statistics (.judge, .stats) and its
    searcher (.s)."""

    def __init__(self, answerer, settings: ClaimSettings | None = None):
        self.a = answerer
        self.s = answerer.s
        self.cfg = settings or ClaimSettings()
        idx = self.s.index
        self.sents = idx.sentences
        rows = [c.table.cells for c in idx.chunks if c.table is not None]
        self.lex = nlp.SlotLexicon.from_document(self.s.glossary, rows=rows)
        self._mentions: dict[int, dict[str, set[str]]] = {}
        # A sentence's neighbours in its paragraph lend context: the subject of a run of
        # sentences is often named only in the first.
        self._context: list[set[str]] = []
        for i, st in enumerate(self.sents):
            ctx: set[str] = set()
            for j in (i - 1, i + 1):
                if 0 <= j < len(self.sents):
                    nb = self.sents[j]
                    near = abs(nb.span.start - st.span.end) <= 3 or abs(st.span.start - nb.span.end) <= 3
                    if nb.doc_id == st.doc_id and nb.kind == st.kind == "sentence" and near:
                        ctx |= self.a._sent_terms[j]
            self._context.append(ctx - self.a._sent_terms[i])
        # Each sentence's terms with its abbreviations spelled out and long forms abbreviated
        # (the document's glossary: "CKD" covers "chronic kidney disease").
        self._expanded = [set(analyze(expand(st.text, self.s.glossary))) for st in self.sents]
        self._rows_by_refs: dict[frozenset, list[Sentence]] = {}
        for st in self.sents:
            if st.kind == "table_row" and st.refs:
                self._rows_by_refs.setdefault(frozenset(st.refs), []).append(st)
        self._row_context = {c.id: set(analyze(" ".join(x for x in (c.table.title, c.table.group or "") if x)))
                             for c in idx.chunks if c.table is not None}

    @classmethod
    def of(cls, answerer) -> "ClaimChecker":
        """The checker bound to an answerer, built once (its sentence context is precomputed)."""
        ck = getattr(answerer, "_claim_checker", None)
        if ck is None:
            ck = answerer._claim_checker = cls(answerer, settings_from(answerer.s.settings))
        return ck

    # --- public ------------------------------------------------------------------------------
    def supports(self, text: str, per_sentence: int = 3) -> list[tuple[str, Span, list[tuple[Sentence, float]]]]:
        """The older answer shape: per sentence, the review sentences that support it."""
        return [(v.text, v.span, [(s.sentence, s.score) for s in v.supports[:per_sentence]])
                for v in self.check(text).sentences]

    def check(self, text: str) -> CiteReport:
        from qa import sentences as sentsplit

        spans = sentsplit.spans(text) or [(0, len(text))]
        pieces = [(text[a:b], Span(a, b)) for a, b in spans if text[a:b].strip()][: self.cfg.max_sentences]
        if not pieces:
            return CiteReport((), (), None)
        # A sentence with fewer than min_terms content words ("See below.") states nothing to
        # check; the rest are embedded in one pass for the whole draft.
        checkable = [i for i, (p, _) in enumerate(pieces) if len(self._terms(p)) >= self.cfg.min_terms]
        qvs = np.asarray(self.s.embedder.embed_batch([pieces[i][0] for i in checkable])) if checkable else []
        vec = dict(zip(checkable, qvs))
        out = [self._check_one(p, span, vec[i]) if i in vec else ClaimVerdict(p, span, "not_found", 0.0, None, None, (), ())
               for i, (p, span) in enumerate(pieces)]
        refs: list[int] = []
        for v in out:
            for r in v.refs:
                if r not in refs:
                    refs.append(r)
        doc = next((v.evidence.sentence.doc_id for v in out if v.evidence is not None), None)
        return CiteReport(tuple(out), tuple(refs), doc)

    # --- one sentence --------------------------------------------------------------------------
    def _terms(self, piece: str) -> set[str]:
        return content_terms(piece)

    def _candidates(self, piece: str, qv: np.ndarray) -> list[_Cand]:
        idx = self.s.index
        vecs = idx.sentence_vectors
        if not len(vecs):
            return []
        sims = vecs @ qv
        ids = list(np.argsort(-sims)[: self.cfg.sentence_candidates])
        # Hybrid chunk retrieval, the searcher's own fusion, with the vector already computed.
        bm = self.s.lexical_scores(piece, expand(piece, self.s.glossary))
        if idx.dense.kind == "flat":
            dn = idx.embeddings @ qv
        else:
            dn = np.full(len(idx.chunks), np.nan, np.float32)
            sc, ii = idx.dense.search(qv, self.s.settings.candidates)
            dn[ii] = sc
        fused, _ = self.s.fuse(bm, dn, "hybrid")
        seen = set(int(i) for i in ids)
        for ci in np.argsort(-fused)[: self.cfg.chunk_candidates]:
            c = idx.chunks[int(ci)]
            for st in self.a._sents_in.get(c.id, []):
                if st.id not in seen:
                    seen.add(st.id)
                    ids.append(st.id)
        terms = self._terms(piece)
        # The table rows of the study the nearest sentence reports (same references).
        if ids:
            top = self.sents[int(ids[0])]
            for st in self._rows_by_refs.get(frozenset(top.refs), [])[:3]:
                if st.id not in seen:
                    seen.add(st.id)
                    ids.append(st.id)
        # The claim's words for each slot member it names: found wherever the evidence names
        # the same member in other words ("urine-derived MSCs" / "Urinary MSC", "CKD").
        norm = normalize(piece)
        member_words = {(slot, name): set(analyze(norm[a:b])) for a, b, slot, name in self.lex.spans(piece)}
        cands = []
        for i in ids:
            st = self.sents[int(i)]
            ev = self.mentions(st)
            extra = set().union(*[w for (slot, name), w in member_words.items() if name in ev.get(slot, ())])
            cov = self._coverage(terms, st, extra=extra)
            sim = float(sims[int(i)])
            cands.append(_Cand(st, sim, cov, 0.5 * sim + 0.5 * cov))
        cands.sort(key=lambda c: -c.score)
        return cands[: self.cfg.checked]

    def _have(self, st: Sentence) -> tuple[set[str], set[str]]:
        own = self.a._sent_terms[st.id] | self._expanded[st.id]
        ctx = self._context[st.id] if st.kind == "sentence" else self._row_context.get(st.chunk_id, set())
        return own, ctx

    def _coverage(self, terms: set[str], st: Sentence, skip: set[str] = frozenset(), extra: set[str] = frozenset()) -> float:
        """idf-weighted share of the claim's terms the evidence has (in a neighbour: partly);
        extra: terms to count as found (the words of slot members both name)."""
        terms = {t for t in terms if t not in skip}
        doc = st.doc_id
        total = sum(self.a.idf(t, doc) for t in terms)
        if total <= 0:
            return 0.0
        own, ctx = self._have(st)
        own = own | extra
        full = self.a.coverage(terms, own, doc) * total
        rest = {t for t in terms if not self.a.coverage({t}, own, doc)}
        part = self.a.coverage(rest, ctx, doc) * sum(self.a.idf(t, doc) for t in rest) if rest and ctx else 0.0
        return (full + self.cfg.context_weight * part) / total

    def _names(self, cand: _Cand, entities: list[set[str]]) -> bool:
        """Whether the evidence names every one of entities (each a set of alternative terms:
        the parts of "PDCD4/NF-κB"). A neighbouring sentence counts only when the evidence
        covers the claim well: "CD63" in the next sentence does not make a loosely matching
        sentence say CD63 is "the most abundant" protein."""
        if not entities:
            return True
        own, ctx = self._have(cand.st)
        have = own | ctx if cand.cov >= self.cfg.entity_context_coverage else own
        return all(any(t in have for t in alts) for alts in entities)

    def mentions(self, st: Sentence) -> dict[str, set[str]]:
        m = self._mentions.get(st.id)
        if m is None:
            m = self._mentions[st.id] = self.lex.mentions(st.text)
        return m

    def _conflict(self, piece: str, terms: set[str], c_ment: dict, cand: _Cand) -> tuple[tuple[str, str] | None, float]:
        """(kind, reason) of the first conflict between claim and candidate, and the
        alignment: coverage of the claim's terms outside the conflicting words."""
        st = cand.st
        refs = _ref_text(st.refs)
        swaps = nlp.slot_conflicts(c_ment, self.mentions(st))
        if swaps:
            slot, c_only, e_only = swaps[0]
            skip = {t for name in c_only for t in analyze(name)} | {t for t in terms if any(t in analyze(n) for n in c_only)}
            skip |= _slot_terms(piece, c_only)
            align = self._coverage(terms, st, skip)
            return (slot, f"{slot}: draft {', '.join(sorted(c_only))}, review {', '.join(sorted(e_only))}{refs}"), align
        bound = self.lex.binding_conflict(piece, st.text, c_ment, lambda w: self.a.idf(w, st.doc_id))
        if bound:
            slot, x, y = bound
            return (slot, f"{slot}: the review says it of {y}, not {x}{refs}"), cand.cov
        nums = nlp.number_conflicts(piece, st.text)
        if nums:
            q, e = nums[0]
            skip = set(analyze(q.text))
            return ("number", f"number: draft {_qty(q.text)}, review {_qty(e.text)}{refs}"), self._coverage(terms, st, skip)
        neg = self._negation(piece, terms, st)
        if neg:
            return ("negation", neg + refs), cand.cov
        turn = nlp.transition_conflict(piece, st.text)
        if turn:
            return ("direction", f"direction: the draft says {turn[0]}, the review says {turn[1]}{refs}"), cand.cov
        rel = nlp.direction_conflict(piece, st.text, terms)
        if rel:
            c, e = rel
            reason = f"direction: the draft says {_said(c)}, the review says {_said(e)}{refs}"
            return ("direction", reason), cand.cov
        return None, cand.cov

    def _negation(self, piece: str, terms: set[str], st: Sentence) -> str | None:
        c_neg, e_neg = nlp.negated_terms(piece), nlp.negated_terms(st.text)
        c_terms, e_terms = nlp.content_stems(piece), nlp.content_stems(st.text)
        shared = c_terms & e_terms
        idf = lambda t: self.a.idf(t, st.doc_id)  # noqa: E731
        total = sum(idf(t) for t in terms) or 1.0
        # What the negation covers must be a real part of the claim, not one common word.
        strong = lambda ts: ([t for t in ts if idf(t) >= 2.0]  # noqa: E731
                             if sum(idf(t) for t in ts) >= 0.2 * total else [])
        only_e = strong((e_neg & shared) - c_neg)
        only_c = strong((c_neg & shared) - e_neg)
        if only_e:
            return f"negation: the review says {_clause(st.text)}"
        if only_c:
            return f"negation: the draft denies what the review states: {_clause(st.text)}"
        return None

    def _check_one(self, piece: str, span: Span, qv: np.ndarray) -> ClaimVerdict:
        cfg = self.cfg
        terms = self._terms(piece)
        cands = self._candidates(piece, qv)
        c_ment = self.lex.mentions(piece)
        missing = self.a.judge.missing_terms(piece)
        # A named entity of the claim (a miRNA, a cell line, a family member like IL-6) that
        # the review never names: whatever else matches, the review does not state this.
        norm = normalize(piece)
        unknown = [name for a, b, slot, name in self.lex.spans(piece)
                   if (slot in ("miRNA", "cell line") or slot.endswith(" family"))
                   and not any(name_term(norm[a:b]) in v for v in self.a.stats.vocab.values())]
        # The claim's named entities (miRNA, cell line, family member, pathway): evidence that
        # names none of them does not support this claim, whatever else it shares.
        entities = [{name_term(part) for part in norm[a:b].split("/")} - {""}
                    for a, b, slot, name in self.lex.spans(piece)
                    if slot in ("miRNA", "cell line", "pathway") or slot.endswith(" family")]
        for c in cands:
            c.conflict, c.align = self._conflict(piece, terms, c_ment, c)
        clean = [c for c in cands if c.conflict is None and self._names(c, entities)]
        best = max(clean, key=lambda c: c.score, default=None)
        # The study is the unit: a table row that fills a slot differently from the claim
        # speaks for the sentence that reports the same study (same references) without
        # naming that slot, so it borrows the sentence's alignment.
        if best is not None and best.st.refs:
            for c in cands:
                if (c.conflict is not None and set(c.st.refs) == set(best.st.refs) and c.st.kind != best.st.kind
                        and c.conflict[0] in _open_slots(self, best.st)):
                    c.align, c.same_study = max(c.align, best.cov), True
        conflicting = [c for c in cands if c.conflict is not None and c.align >= cfg.conflict_coverage]
        best_bad = max(conflicting, key=lambda c: c.align + c.sim, default=None)
        # Most of what the sentence talks about ("amyloid plaques in transgenic mice") is
        # words the review never uses: shared neighbours (brain, mice, reduce) are no support.
        total = sum(self.a.idf(t) for t in terms) or 1.0
        foreign = sum(self.a.idf(t) for t in terms if not self.a.stats.known(t)) / total
        # What the claim says is changed (the first words after a direction word: "reduced
        # amyloid plaques") is nothing the review ever names: whatever else is shared, the
        # review does not speak of this change.
        known = lambda w: any(self.a.stats.known(t) for t in analyze(w))  # noqa: E731
        foreign_object = any(r.after and not any(known(t) for t in r.after[:2]) for r in nlp.relations(piece))
        supported = best is not None and not unknown and not foreign_object and foreign < cfg.unknown_share and (
            (best.cov >= cfg.support_coverage
             and best.score >= (cfg.support_score_unknown if missing else cfg.support_score))
            or (not missing and best.sim >= cfg.paraphrase_similarity and best.cov >= cfg.paraphrase_coverage))
        if best_bad is not None and (not supported or best_bad.same_study
                                     or best_bad.align >= best.cov - cfg.conflict_margin):
            conf = min(1.0, 0.5 * best_bad.align + 0.5 * max(0.0, best_bad.sim))
            return ClaimVerdict(piece, span, "contradicted", round(conf, 4), best_bad.conflict[1],
                                Support(best_bad.st, round(best_bad.score, 4)), (), ())
        if supported:
            near = [best] + [c for c in clean if c is not best and c.cov >= cfg.support_coverage
                             and c.score >= max(cfg.support_score, 0.9 * best.score)]
            if not best.st.refs:
                # The best evidence cites nothing: offer the next supporting evidence's refs.
                near += [c for c in clean if c not in near and c.st.refs and c.cov >= cfg.support_coverage
                         and c.score >= cfg.support_score][:1]
            refs: list[int] = []
            for c in near:
                for r in c.st.refs:
                    if r not in refs:
                        refs.append(r)
            supports = tuple(Support(c.st, round(c.score, 4)) for c in near[:3])
            conf = min(1.0, best.score)
            return ClaimVerdict(piece, span, "supported", round(conf, 4), None, supports[0], tuple(refs), supports)
        top = cands[0] if cands else None
        conf = 1.0 - (top.score if top else 0.0)
        if missing:
            conf = max(conf, 0.8)
        return ClaimVerdict(piece, span, "not_found", round(min(1.0, max(0.0, conf)), 4), None, None, (), ())


def _open_slots(checker: ClaimChecker, st: Sentence) -> set[str]:
    """Slot kinds a sentence leaves open (names no member of), plus conflicts that are not
    about slots (numbers): what another record of the same study may fill in."""
    filled = checker.mentions(st)
    slots = ("species", "source", "organ", "cell line", "condition", "disease", "miRNA")
    return {s for s in slots if s not in filled} | {"number"}


def _said(r: nlp.Relation) -> str:
    """The relation's own word, glossed when the word alone does not say which way it goes."""
    word = f"not {r.word}" if r.negated else r.word
    plain = nlp.stem(r.word) in ("increas", "decreas", "reduc", "elev", "lower", "upregul", "downregul")
    return word if plain and not r.negated else f"{word} ({'up' if r.polarity > 0 else 'down'})"


def _ref_text(refs) -> str:
    return f" [{', '.join(map(str, refs))}]" if refs else ""


def _qty(text: str) -> str:
    return re.sub(r"(?<=\d) ?mu(?=[gmlM])", " µ", re.sub(r"\s*[x×]\s*g\b", "×g", text))


def _slot_terms(piece: str, names: set[str]) -> set[str]:
    """Index terms of the claim's words that spell the swapped members ("rats", "BM-MSC")."""
    out: set[str] = set()
    for w in re.findall(r"[\w'-]+", piece):
        if any(n.lower() in w.lower() or w.lower() in n.lower() for n in names) and len(w) > 1:
            out |= set(analyze(w))
    return out


def _clause(text: str) -> str:
    """The part of a sentence around its negation cue, for a one-glance reason."""
    low = text
    m = re.search(r"\b(no|not|never|without|lack\w*|absence|absent|fail\w*|unable|cannot|neither)\b", low, re.I)
    if not m:
        return text[:160]
    a = max(0, m.start() - 60)
    a = low.rfind(" ", 0, a) + 1 if a else 0
    b = min(len(text), m.end() + 80)
    b2 = text.find(" ", b)
    piece = text[a : b2 if b2 > 0 else len(text)].strip(" ,;")
    return ("…" if a else "") + piece + ("…" if b2 > 0 and b2 < len(text) else "")
