"""Answers to "where does X come up?": each place the document names the thing, a line each.

A reader asking in which contexts a thing appears wants its mentions, not the one passage that
says most about it (that passage is what `ask` gives otherwise). The places are the sentences
and table rows that name the thing, by its own words or, for an abbreviation, by its long form
in the document's glossary. Each is shown as the part of the sentence around the name (or the
row's label and the cell naming it), with its references, in the document's order; when more
places exist than fit, the ones closest to the question are shown and the count says so."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from qa.evidence import TermStats, generic_stems
from qa.index.lexical import analyze
from qa.ingest.refs import refs_in
from qa.passage_answer import ANSWER_CHARS
from qa.types import Citation, Sentence, Span

MAX_NAME_PARTS = 3  # a thing of at most this many words is a name: never named, it is not covered
MAX_PLACES = 6  # places listed at most; the count says how many there are
MIN_EXCERPT = 110  # characters an excerpt keeps at least, so that it still says something
RARE_PLACES, RARE_SHARE = 3, 0.05  # a part named in at most this many places (or share of them) is distinctive
HEAD_SHARE = 0.4  # of a long sentence's excerpt, the part its opening may take (whose finding, where)


@dataclass(frozen=True)
class SurveyAnswer:
    text: str
    citations: tuple[Citation, ...]
    places: int  # how many places name the thing (more than shown when they do not fit; 0: none does)


class Surveyor:
    def __init__(self, sentences: list[Sentence], sent_terms: list[set[str]], vectors: np.ndarray,
                 stats: TermStats, glossaries: dict[str, dict[str, str]], render_row, label_row):
        """render_row(sentence, stems, budget) -> the row (its label and the cells naming the stems
        when the whole row is longer than budget);
        label_row(sentence) -> the row's table and label."""
        self.sentences = sentences
        self.sent_terms = sent_terms
        self.vectors = vectors
        self.stats = stats
        self.glossaries = glossaries
        self.render_row = render_row
        self.label_row = label_row
        self.by_doc: dict[str, list[Sentence]] = {}
        for st in sentences:
            self.by_doc.setdefault(st.doc_id, []).append(st)

    def concepts(self, thing: str, doc: str) -> list[frozenset[str]]:
        """The thing as alternatives of stems: a hyphenated name is one stem ("IL-10" is il10,
        not il and 10); an abbreviation and its long form are one concept (HGF, or hepatocyte
        growth factor: all its words)."""
        gloss = self.glossaries.get(doc, {})
        low = thing.lower()
        concepts: list[frozenset[str]] = []
        taken: set[str] = set()
        for short, long in gloss.items():
            if len(short) < 2:
                continue
            has_short = re.search(rf"(?<![\w\-]){re.escape(short)}s?(?![\w\-])", thing)
            has_long = len(long) > 3 and re.search(rf"\b{re.escape(long.lower())}s?\b", low)
            if has_short or has_long:
                words = _stems(long)
                concepts.append(frozenset({_name_stem(short)}) | frozenset({" ".join(sorted(words))}))
                taken |= {_name_stem(short)} | words
        for word in re.findall(r"[\w][\w\-/]*", thing):
            stem = _name_stem(word)
            if stem and stem not in taken and stem not in generic_stems() and not stem.isdigit():
                alts = {stem}
                parts = re.split(r"[\-/]", word)
                words = analyze(" ".join(parts), compounds=False)
                if len(parts) > 1 and all(p.isalpha() for p in parts) and len(words) > 1:
                    alts.add(" ".join(words))  # cell-free, cell free; epithelial-to-mesenchymal, epithelial-mesenchymal
                if len(parts) > 1:
                    # A name's prefix in its short or long form: interleukin-6 is IL-6 when the
                    # glossary says IL is interleukin.
                    head, rest = parts[0], word[len(parts[0]):]
                    for short, long in gloss.items():
                        other = short if head.lower() == long.lower() else long if head.lower() == short.lower() else None
                        if other and " " not in other:
                            alts.add(_name_stem(other + rest))
                concepts.append(frozenset(alts))
                taken.add(stem)
        return concepts

    def _names(self, st: Sentence, concept: frozenset[str]) -> bool:
        have = self.sent_terms[st.id]
        # A long form counts when all its words are there ("hepatocyte growth factor").
        return any(set(alt.split()) <= have for alt in concept)

    def answer(self, thing: str, doc: str, qv: np.ndarray, q_terms: set[str]) -> SurveyAnswer | None:
        concepts = self.concepts(thing, doc)
        if not concepts:
            return None
        sents = self.by_doc.get(doc, [])
        placed = [[st for st in sents if self._names(st, c)] for c in concepts]
        if any(not p for p in placed):
            # A name the document never uses is not covered; a longer description may be said
            # in other words, which the ordinary answer judges.
            return SurveyAnswer("", (), 0) if len(concepts) <= MAX_NAME_PARTS else None
        # The places name every distinctive part of the thing together ("goblet cells": goblet;
        # "tumour-associated fibroblasts": both); a part named in many places is the head of the
        # phrase ("mTOR signalling": where mTOR is), and the rarest part is always distinctive.
        rare = max(RARE_PLACES, RARE_SHARE * len(sents))
        rarest = min(range(len(concepts)), key=lambda i: len(placed[i]))
        required = [i for i in range(len(concepts)) if len(placed[i]) <= rare] or [rarest]
        places = [st for st in placed[rarest] if all(self._names(st, concepts[i]) for i in required)]
        if not places:
            return None  # never named together: the ordinary answer judges what the question means
        anchor = concepts[rarest]
        # A study reported both in the text and as a table row is one place: its sentence,
        # which says more in the room the two would take, under the row's label (the setting).
        told = {r for st in places if st.kind != "table_row" for r in _refs(st)}
        rows = {r: st for st in places if st.kind == "table_row" for r in st.refs if r in told}
        places = [st for st in places if st.kind != "table_row" or not told & set(st.refs)]
        setting = {st.id: self.label_row(row) for st in places if st.kind != "table_row"
                   for row in [next((rows[r] for r in _refs(st) if r in rows), None)] if row is not None}
        stems = set().union(*(a.split() for a in anchor))

        def closeness(st: Sentence) -> float:
            return float(self.vectors[st.id] @ qv) + 0.5 * self.stats.coverage(q_terms, self.sent_terms[st.id], doc)

        n = min(len(places), MAX_PLACES)
        noun = "place" if len(places) == 1 else "places"
        head = lambda k: f"{len(places)} {noun}; the {k} closest to the question:" if k < len(places) \
            else f"{len(places)} {noun}:"
        while n > 2 and (ANSWER_CHARS - len(head(n))) // n - 6 < MIN_EXCERPT:
            n -= 1
        shown = sorted(sorted(places, key=closeness, reverse=True)[:n], key=lambda st: st.span.start)
        room = ANSWER_CHARS - len(head(n)) - 6 * n
        texts: list[tuple[str, Citation]] = []
        # Short places take what they need; the long ones share the rest.
        order = sorted(range(len(shown)), key=lambda i: len(shown[i].text))
        out: dict[int, tuple[str, Citation]] = {}
        for k, i in enumerate(order):
            allowance = max(MIN_EXCERPT, room // (len(shown) - k))
            label = setting.get(shown[i].id)
            text, cite = self._excerpt(shown[i], stems, allowance - (len(label) + 2 if label else 0))
            if label:
                text = f"{label}: {text}"
            out[i] = (text, cite)
            room -= len(text)
        texts = [out[i] for i in range(len(shown))]
        body = " ".join(f"({i}) {t}" for i, (t, _) in enumerate(texts, 1))
        return SurveyAnswer(f"{head(len(shown))} {body}", tuple(c for _, c in texts), len(places))

    def _excerpt(self, st: Sentence, stems: set[str], allowance: int) -> tuple[str, Citation]:
        if st.kind == "table_row":
            text = self.render_row(st, stems, allowance)
            return text, Citation(st.refs, st.chunk_id, st.text, st.span)
        refs = _refs(st)
        body = st.text.strip()
        offset = len(st.text) - len(st.text.lstrip())
        pieces = [(0, len(body))]
        if len(body) > allowance:
            words = list(re.finditer(r"\S+", body))
            at = next((i for i, w in enumerate(words) if stems & set(analyze(w.group()))), 0)
            head = 0
            if words[at].start() > HEAD_SHARE * allowance:
                # The sentence's opening says whose finding it is and where ("Exosomes from
                # UC-MSCs ... in nerve defects"); then the words around the name.
                while head + 1 < at and words[head + 1].end() <= HEAD_SHARE * allowance:
                    head += 1
                head += 1
            rest = allowance - (words[head - 1].end() + 2 if head else 0)
            lo = hi = at
            while True:
                grew = False
                if lo > head and words[hi].end() - words[lo - 1].start() <= rest and \
                        ((at - lo) * 2 <= (hi - at) + 4 or hi + 1 == len(words)):
                    lo, grew = lo - 1, True
                if hi + 1 < len(words) and words[hi + 1].end() - words[lo].start() <= rest:
                    hi, grew = hi + 1, True
                if not grew:
                    break
            if head and lo <= head:
                lo = 0  # the opening and the window meet
            pieces = ([(0, words[head - 1].end())] if head and lo > 0 else []) + [(words[lo].start(), words[hi].end())]
        parts = []
        for a, b in pieces:
            parts.append(("…" if a > 0 and (not parts) else "") + body[a:b] + ("…" if b < len(body) else ""))
        quote = body[pieces[0][0]:pieces[-1][1]]
        marker = f" [{', '.join(map(str, refs))}]" if refs and not refs_in(parts[-1]) else ""
        span = Span(st.span.start + offset + pieces[0][0], st.span.start + offset + pieces[-1][1])
        return f"“{' '.join(parts)}”{marker}", Citation(refs, st.chunk_id, quote, span)


def _refs(st: Sentence) -> tuple[int, ...]:
    """A sentence's own markers, else those closing its run (the same study's)."""
    return tuple(refs_in(st.text)) or st.refs


def _name_stem(word: str) -> str:
    """One stem for a word: a hyphenated name as its compound ("IL-10" -> il10)."""
    stems = analyze(word)
    if not stems:
        return ""
    return stems[-1] if "-" in word or "/" in word else stems[0]


def _stems(text: str) -> set[str]:
    return {t for t in analyze(text, compounds=False) if t not in generic_stems()}
