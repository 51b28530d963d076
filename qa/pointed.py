"""Parts of a document a question points at ("in Table 2", "the cancer table", "according
to the conclusions"): which part is meant, the results from it, and whether the answer lies
there, in which case weaker evidence than usual is enough to answer."""

from __future__ import annotations

import re

from qa.answer_type import asked_list, sections_named, table_named, without_section_names, without_table_names
from qa.evidence import AGREEMENT_MIN_CHUNKS, Evidence, TermStats, content_terms, question_terms, related
from qa.search import TABLE_POINTED_BOOST, Searcher
from qa.spelling import variants
from qa.table_answer import TABLE_DEPTH, TableAnswerer
from qa.types import Hit

# How much weaker the evidence may be when the question points at a table or section the
# document has and a result from it ranks near the top (rows are terse: their similarity to a
# question runs low).
TABLE_NAMED_MARGIN = 0.2
# A part pointed at answers when BM25 and dense retrieval, run apart, agree: one's first result
# among the other's first AGREEMENT_TOP, or AGREEMENT_SHARED of their first AGREEMENT_DEPTH in common.
AGREEMENT_TOP, AGREEMENT_SHARED, AGREEMENT_DEPTH = 1, 3, 5
# ... or, asked in the document's own words, the part's top results hold this share of them.
PART_COVERAGE = 0.25
SECTION_SEARCH_DEPTH = 40  # results searched for those of a section the question names
_PART_TITLE = re.compile(r"^\s*(?:table|fig(?:ure)?\.?)\s*\d", re.I)  # a table's or figure's title, not a section's


class Pointed:
    def __init__(self, searcher: Searcher, stats: TermStats, chunk_terms: list[set[str]], chunk_pos: dict[str, int],
                 tables: TableAnswerer, threshold: float):
        self.s = searcher
        self.stats = stats
        self._terms = chunk_terms
        self._chunk_pos = chunk_pos
        self.tables = tables
        self.threshold = threshold
        # The headings of each document (a question may name a part by them: "in the conclusions").
        self.headings: dict[str, set[str]] = {}
        for c in searcher.index.chunks:
            self.headings.setdefault(c.doc_id, set()).update(h for h in c.section if not _PART_TITLE.match(h))

    def _headings_naming(self, noun: str, doc: str) -> set[str]:
        words = content_terms(noun)
        return {h for h in self.headings.get(doc, ()) if words and all(any(related(w, x) for x in content_terms(h)) for w in words)}

    def named_sections(self, question: str, doc: str) -> set[str]:
        """The headings of doc that a question names a part by ("according to the conclusions":
        "Conclusions and prospects"): every word of the name is a word of the heading."""
        out = set()
        for name in sections_named(question):
            words = content_terms(name)
            if not words:
                continue
            for heading in self.headings.get(doc, ()):
                have = content_terms(heading)
                if all(any(related(w, h) for h in have) for w in words):
                    out.add(heading)
        return out

    def in_named_section(self, q: str, hits: list[Hit], k: int) -> list[Hit]:
        """A question naming a part of the document ("in the regenerative medicine section"),
        or asking for what a heading says its part lists ("what are the limitations of ..."
        and a "Strengths and limitations" section): the best results from that part (the
        others when it has none)."""
        listed = asked_list(q)
        if not hits or not (sections_named(q) or listed):
            return hits
        doc = hits[0].chunk.doc_id
        number = table_named(q)
        number = number if number is not None else self.tables.table_called(q, doc)
        if not sections_named(q) and number is not None and listed and self.tables.has_column_naming(doc, number, listed):
            # "According to the table of methods, what are the limitations of X?": the table
            # pointed at, with a column of them, is the part asked of, not a "Limitations" section.
            return hits
        named = self.named_sections(q, doc) | (self._headings_naming(listed, doc) if listed else set())
        if not named:
            return hits
        inside = [h for h in self.s.search(q, k=SECTION_SEARCH_DEPTH, correct=False)
                  if h.chunk.doc_id == doc and named & set(h.chunk.section)][:k]
        return inside or hits

    def retrievers_agree(self, question: str, hits: list[Hit], ev: Evidence, in_part=None) -> bool:
        """Words and meaning, searched apart, find the same place (in the part pointed at, when
        in_part(chunk) says which chunks are in it): the one's first result is the other's
        first, or their first five share three. A question in the reader's own words shares few
        words with the answer, but both retrievers still land on it; one that only shares a
        word with the document (another sense of it) sends them to different places. Searched
        in the best result's document only, so other documents do not change the decision."""
        if not hits or ev.missing or ev.score < self.threshold - TABLE_NAMED_MARGIN:
            return False
        doc = hits[0].chunk.doc_id
        if self.stats.n.get(doc, 0) < AGREEMENT_MIN_CHUNKS:
            return False  # in a short document any two searches land close together by chance
        words = [h.chunk for h in self.s.search(question, k=AGREEMENT_DEPTH, mode="bm25", doc=doc, correct=False)]
        meaning = [h.chunk for h in self.s.search(question, k=AGREEMENT_DEPTH, mode="dense", doc=doc, correct=False)]
        if not words or not meaning:
            return False
        ok = in_part or (lambda c: True)
        top = AGREEMENT_TOP
        first = {c.id for c in words[:1] if ok(c)} & {c.id for c in meaning[:top]} or \
            {c.id for c in meaning[:1] if ok(c)} & {c.id for c in words[:top]}
        shared = {c.id for c in words if ok(c)} & {c.id for c in meaning}
        return bool(first) or len(shared) >= AGREEMENT_SHARED

    def part_pointed_at(self, question: str, hits: list[Hit], ev: Evidence) -> bool:
        """The question points at a table or a section the document has, with a result from it
        near the top and only the document's words: weaker evidence is enough."""
        if self.table_pointed_at(question, hits, ev):
            return True
        if not hits or ev.missing or ev.score < self.threshold - TABLE_NAMED_MARGIN:
            return False
        doc = hits[0].chunk.doc_id
        named = self.named_sections(question, doc) if sections_named(question) else set()
        inside = [h for h in hits[:TABLE_DEPTH] if h.chunk.doc_id == doc and named & set(h.chunk.section)]
        return bool(inside) and self.answer_lies_there(question, hits, ev, inside,
                                                         lambda c: bool(named & set(c.section)))

    def answer_lies_there(self, question: str, hits: list[Hit], ev: Evidence, inside: list[Hit], in_part) -> bool:
        """What the question asks of the part it points at is there: it is asked in the
        document's own words and the part's results hold most of them, or words and meaning,
        searched apart, find the same place in it. (The words pointing at the part are left out:
        "in the lung diseases section" is always in the document's words, and the two searches
        agree on that section.)"""
        asked = without_section_names(without_table_names(question))
        terms = question_terms(asked)
        if not terms:
            return False
        doc = hits[0].chunk.doc_id
        have = set().union(*(self._terms[self._chunk_pos[h.chunk.id]] for h in inside))
        return (self.own_words(asked, doc) and self.stats.coverage(terms, have, doc) >= PART_COVERAGE) \
            or self.retrievers_agree(asked, hits, ev, in_part)

    def own_words(self, question: str, doc: str) -> bool:
        """Every topic word of the question is one the document uses (British spellings read as
        American): a word it never uses ("which entry was tested in horses?") is what it does not cover."""
        return all(self.stats.known(t, doc) or any(self.stats.known(v, doc) for v in variants(t))
                   for t in question_terms(question))

    def table_pointed_at(self, question: str, hits: list[Hit], ev: Evidence) -> bool:
        """'Which studies in Table 1 ...' with a row of that table ranked first, or 'rows of the
        cancer table that ...' with a row of it among the top results and every word of the
        question one the document uses: the reader points at a part of the document that
        exists, so weaker word evidence is enough (table rows are terse, and a question
        describing rows shares few words with any one of them)."""
        if not hits or ev.missing or ev.score < self.threshold - TABLE_NAMED_MARGIN:
            return False
        top, doc = hits[0].chunk, hits[0].chunk.doc_id
        named = table_named(question)
        if named is not None and top.kind == "table_row" and top.table is not None and top.table.number == named:
            # ... first on its own merit, not only for the lift a table pointed at gives its rows.
            others = [h.score for h in hits if not (h.chunk.kind == "table_row" and h.chunk.table is not None
                                                     and h.chunk.table.number == named)]
            if not others or hits[0].score - TABLE_POINTED_BOOST >= max(others):
                return True
        if named is None:
            named = self.tables.table_called(question, doc)
        inside = [h for h in hits[:TABLE_DEPTH] if h.chunk.kind == "table_row" and h.chunk.table is not None
                  and h.chunk.table.number == named and h.chunk.doc_id == doc] if named is not None else []
        # (Words naming a group of its rows, "the inhibitory half", point too.)
        asked = self.tables.without_group_names((doc, named), question) if inside else question
        return bool(inside) and self.answer_lies_there(
            asked, hits, ev, inside, lambda c: c.kind == "table_row" and c.table is not None and c.table.number == named)
