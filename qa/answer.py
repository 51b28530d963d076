"""ask(question) -> Answer: extractive, cited and honest. The parts, one job each:
qa/spelling.py (did you mean), qa/evidence.py (is it covered?), qa/pointed.py (the part of the
document a question points at), qa/abbrev_answer.py (what an abbreviation stands for),
qa/table_answer.py (labelled table cells), qa/passage_answer.py (the run of sentences that answers). This module wires
them together; cite(text) finds support for a writer's draft."""

from __future__ import annotations

import bisect
import re

import numpy as np

from qa.abbrev_answer import AbbrevAnswerer
from qa.answer_type import (COUNT, COUNTED, count_of, row_gives, counted_noun, without_citations, asked_kind, asks_several, clauses, coordinated, coordinated_phrases, figure_named, gives,
                            measured_thing, mentioned_thing, named_maker, proper_names, references_named, stated_attribute, table_named,
                            without_figure_names)
from qa.captions import Captions
from qa.evidence import (Evidence, EvidenceWeights, Judge, TermStats, appraisal_words, content_terms, related,
                         name_families, with_name_families)
from qa.index.lexical import analyze
from qa.overview import Overview
from qa.pointed import Pointed
from qa.passage_answer import ANSWER_CHARS, PassageAnswerer, Run, refers_back
from qa.search import Searcher, expand
from qa.survey import Surveyor
from qa.meanings import Meanings
from qa.spelling import Correction
from qa.table_answer import ROW_NOUNS, TableAnswer, TableAnswerer
from qa.types import Answer, Chunk, Citation, Hit, Reference, Sentence, Span

# A column of counts or shares ("Trial (n)", "No. of patients", "Grade >=3 (%)"), and a cell
# stating a count ("n = 75").
_COUNT_COLUMN = re.compile(r"\(\s*(?:n|%|n\s*\(%\))\s*\)|%|\bn\b|\bno\.|\bnumber\b|\bcount\b|\bpatients\b|\bparticipants\b", re.I)
_N_EQUALS = re.compile(r"\bn\s*=\s*\d")
COMMON_WORD_MARGIN = 0.05  # evidence a respelled common word must add over the typed question
RESOLVED_WORD_BONUS = 0.1  # preference for a correction that makes an unknown word a known one
# A coordinated word in at most this share of a document's chunks (or this many) names a thing of its own.
FACET_SHARE, FACET_PLACES = 0.1, 3
FACET_SEARCHES = 3  # coordinated things searched for at most (one search each)
# A question asked beside another is answered by the parts chosen when one of their sentences
# scores this close to the best sentence for it.
CLAUSE_SHARE = 0.9
# An appraisal of the paper itself: "the weaknesses of this study", "this review's drawbacks",
# "what limitations does the present trial have" (not "the drawbacks of titration in this review").
_PAPER = (r"(?:this|the\s+present|the\s+current|our)\s+(?:[\w\-]+\s+){0,2}?"
          r"(?:study|trial|review|paper|article|analysis|work|research|report)")
_APPRAISED = r"(?:weakness(?:es)?|drawbacks?|shortcomings?|limitations?|downsides?|pitfalls?|flaws?|cons)"
_ITSELF = re.compile(rf"\b{_APPRAISED}\s+(?:of|in)\s+{_PAPER}\b|\b{_PAPER}(?:'s|’s)\s+(?:main\s+)?{_APPRAISED}\b|"
                     rf"\b{_APPRAISED}\s+(?:does|do|did)\s+{_PAPER}\s+have\b", re.I)
# A paragraph on the paper's own limitations opens by saying so: "This review has limitations.",
# "Our study has several limitations:".
_OWN_LIMITS = re.compile(rf"^\W*{_PAPER}\s+(?:has|had|have)\s+(?:\w+\s+){{0,2}}?(?:limitations|weaknesses|shortcomings)\b", re.I)
# A study referred back to: "that study's exosomes", "the same study", "for it".
_BACK_TO_STUDY = re.compile(r"\b(?:that|this|the\s+same|their|those)\s+(?:study|studies|work|trial|experiment|experiments|"
                            r"report|paper)(?:'s|’s)?\b|\bfor\s+(?:it|them)\b", re.I)
# (Said of every document indexed: the corpus need not be one review.)
NOT_COVERED = "The indexed documents do not cover this: no passage or table row answers the question."


class Answerer:
    def __init__(self, searcher: Searcher, abstain_threshold: float, missing_threshold: float,
                 weights: EvidenceWeights):
        self.s = searcher
        self.threshold = abstain_threshold
        self.missing_threshold = missing_threshold
        idx = searcher.index
        self.n = len(idx.chunks)
        base = [set(analyze(t)) for t in idx.index_texts]
        docs_of = [c.doc_id for c in idx.chunks]
        families = {d: name_families(t for t, d2 in zip(base, docs_of) if d2 == d) for d in set(docs_of)}
        self._terms: list[set[str]] = [with_name_families(t, families[d]) for t, d in zip(base, docs_of)]
        docs = idx.documents
        titles = {d: v.get("title") or "" for d, v in docs.items()}
        self.stats = TermStats(self._terms, [c.doc_id for c in idx.chunks], titles)
        self._chunk_pos = {c.id: i for i, c in enumerate(idx.chunks)}
        # Sentence terms once, not per request: analysis is Python work under the GIL.
        # A sentence that writes "CAFs" holds the words of its long form, as its chunk's index text does.
        self.glossaries = {d: dict(v.get("glossary") or {}) for d, v in docs.items()}
        self._sent_terms = [with_name_families(set(analyze(st.text + " " + expand(st.text, self.glossaries.get(st.doc_id, {}), appraisal=False))),
                                               families.get(st.doc_id, set()))
                            for st in idx.sentences]
        # Every sentence a chunk holds whole (overlapping windows share sentences).
        self._sents_in = _sentences_in(idx.chunks, idx.sentences)
        count = getattr(searcher.embedder, "count_tokens", None)
        pieces = (lambda w: count(w) - 2) if count else None
        self.judge = Judge(self.stats, self._terms, self._chunk_pos, self.threshold, self.missing_threshold, weights,
                           pieces)
        self.speller = searcher.speller
        embed = getattr(searcher.embedder, "embed_batch", None)
        self.meanings = Meanings(self.speller, embed)
        self.tables = TableAnswerer(idx.chunks, self._terms, self.stats, self.glossaries, embed)
        self.abbrevs = AbbrevAnswerer(self.glossaries, idx.sentences)
        texts = {d: v.get("text", "") for d, v in docs.items()}
        self.captions = Captions(idx.chunks, idx.sentences, texts, self.stats)
        self.overview = Overview(idx.sentences)
        self.passages = PassageAnswerer(idx.sentences, self._sent_terms, self._sents_in, idx.sentence_vectors,
                                        texts, self.stats, self.glossaries, titles, self.captions.title_ids,
                                        {st.id for sts in self.overview.aims.values() for st in sts},
                                        {d: [Reference(**{**r, "authors": tuple(r.get("authors") or ())})
                                             for r in v.get("references") or []] for d, v in docs.items()})
        self.pointed = Pointed(searcher, self.stats, self._terms, self._chunk_pos, self.tables, self.threshold)
        self.survey = Surveyor(idx.sentences, idx.sentence_vectors, self.stats, self.glossaries,
                               lambda st, stems, budget: self.tables.row_naming(st.chunk_id, stems, budget) or st.text,
                               lambda st: self.tables.row_label(st.chunk_id) or "", self.passages.not_answer)

    # --- shared measures (also used by the draft check) -----------------------------------------
    def _doc(self, doc: str | None) -> str:
        return doc or next(iter(self.stats.n), "")

    def idf(self, term: str, doc: str | None = None) -> float:
        return self.stats.idf(term, self._doc(doc))

    def coverage(self, terms: set[str], have: set[str], doc: str | None = None) -> float:
        return self.stats.coverage(terms, have, self._doc(doc))

    def evidence(self, question: str, hits: list[Hit]) -> Evidence:
        return self.judge.evidence(question, hits)

    def abstains(self, ev: Evidence) -> bool:
        return self.judge.abstains(ev)

    # --- ask -------------------------------------------------------------------------------
    def understand(self, question: str, k: int) -> tuple[str, str | None, list[Hit], Evidence]:
        """The question as the documents spell it (British/American forms, one-letter typos
        corrected; when a typo is ambiguous the reading with the best evidence wins), its hits
        and its evidence. Returns (question used, did-you-mean or None, hits, evidence)."""
        options = [(o, 0.01) for o in self.speller.correct(question)]
        seen = {o.text for o, _ in options}
        # Respelling a real word the documents never use ("brest") must earn clearly more
        # evidence than the question as typed.
        options += [(o, -COMMON_WORD_MARGIN) for o in self.speller.correct(question, include_common=True)
                    if o.text not in seen][:3]
        typed = self._judged(question, None, k, None)
        best = max((j for j in [typed] + [self._judged(question, o, k, typed, bonus) for o, bonus in options]
                    if j is not None), key=lambda j: j[0])
        _, q, opt, hits, ev = best
        if self.judge.abstains(ev) and not self.pointed.part_pointed_at(q, hits, ev):
            best = self._rescued(question, q, opt, k, typed, {o.text for o, _ in options}) or best
            _, q, opt, hits, ev = best
        suggestion = q if opt is not None and opt.changes else None
        return q, suggestion, hits, ev

    def _judged(self, question: str, opt: Correction | None, k: int, typed, bonus: float = 0.0):
        """(key, question read, the reading, hits, evidence) for the question as typed (opt None)
        or as read otherwise; None for a reading that abstains where the typed one knew no better."""
        q = opt.text if opt else question
        hits = self.pointed.in_named_section(q, self.s.search(q, k=k, correct=False), k)
        ev = self.judge.evidence(q, hits)
        if opt is None:
            return (ev.score + bonus, q, None, hits, ev)
        typed_missing = set(typed[4].missing)
        # The typed question keeps its place unless a correction finds better evidence,
        # or turns a word no document knows into one it does ("prepaired" -> "prepared").
        if set(ev.missing) < typed_missing:
            bonus += RESOLVED_WORD_BONUS
        elif self.judge.abstains(ev) and not self.pointed.part_pointed_at(q, hits, ev):
            # A respelling of a real word ("fewest" -> "newest") only when it finds the
            # answer; one that makes a non-word a word of the documents stands either way.
            return None
        return (ev.score + bonus, q, opt, hits, ev)

    def _rescued(self, question: str, q: str, opt: Correction | None, k: int, typed, seen: set[str]):
        """A question not covered as typed, with a reader's words for what the documents name in
        their own terms ("pee": urine) read as theirs: the best reading that finds the answer, or None."""
        found = []
        for text in dict.fromkeys([question, q]):
            reading = self.meanings.reading(text)
            if reading is not None and reading.text not in seen:
                seen.add(reading.text)
                changes = (opt.changes if opt is not None and text == q else ()) + reading.changes
                j = self._judged(question, Correction(reading.text, changes, reading.normalised), k, typed)
                if j is not None and not (self.judge.abstains(j[4]) and not self.pointed.part_pointed_at(j[1], j[3], j[4])):
                    found.append(j)
        return max(found, key=lambda j: j[0], default=None)

    def ask(self, question: str, k: int = 8) -> Answer:
        q, suggestion, hits, ev = self.understand(question, max(k, 8))
        # "What does ALIX stand for?": the document's own abbreviations answer it.
        doc = hits[0].chunk.doc_id if hits else None
        abbrev = self.abbrevs.answer(q, doc)
        if abbrev is None and suggestion is None:
            # A typo beside the abbreviation ("What does CRP stnad for?"): the corrected reading
            # counts here even when it finds no better passages.
            for c in self.speller.correct(question):
                abbrev = self.abbrevs.answer(c.text, doc)
                if abbrev is not None:
                    suggestion = c.text
                    break
        if abbrev is not None:
            return Answer(question, "answered", abbrev.text, abbrev.citations, tuple(hits[:k]),
                          abbrev.did_you_mean or suggestion)
        if not hits:
            return Answer(question, "not_found", NOT_COVERED, (), (), suggestion)
        overview = self.overview.answer(q, hits[0].chunk.doc_id)
        if overview is None and suggestion is None:
            # "What topcis does this review cover?": a question about the document itself shares
            # no word with its passages, so the evidence cannot tell the corrected reading better.
            for c in self.speller.correct(question):
                overview = self.overview.answer(c.text, hits[0].chunk.doc_id)
                if overview is not None:
                    suggestion = c.text
                    break
        if overview is not None:
            # "What is this review about?": where the document states its aim.
            return Answer(question, "answered", overview.text, overview.citations, tuple(hits[:k]), suggestion)
        named = table_named(q)
        if named is not None and (hits[0].chunk.doc_id, named) not in self.tables.rows:
            # "... in Table 3" when the document has no Table 3 read as a table.
            return Answer(question, "not_found", NOT_COVERED, (), tuple(hits[:k]), suggestion)
        figure = figure_named(q)
        if figure is not None and hits:
            # "What does Figure 3 show?": the figure's caption, from its title on.
            said = self.captions.answer(q, figure, hits[0].chunk.doc_id, content_terms(without_figure_names(q)),
                                        self.passages.where_said)
            if said is not None:
                return Answer(question, "answered", said[0], (said[1],), tuple(hits[:k]), suggestion)
        listing = self.tables.count_asked(q, hits[0].chunk.doc_id) if hits else None
        if listing is not None:
            # "How many studies does Table 1 list?": its rows, counted.
            return Answer(question, "answered", listing.text, listing.citations, tuple(hits[:k]), suggestion)
        cited = references_named(q)
        if cited and table_named(q) is None and self.tables.table_called(q, hits[0].chunk.doc_id) is None:
            # "What does reference 111 report?": the places citing it (none: not covered). (In
            # a table pointed at, "ref 164 in Table 2 ...", the number picks the table's rows.)
            places = self.survey.places_citing(cited, hits[0].chunk.doc_id, self.s.embed_query(q), content_terms(q))
            if places.places == 0:
                return Answer(question, "not_found", NOT_COVERED, (), tuple(hits[:k]), suggestion)
            return Answer(question, "answered", places.text, places.citations, tuple(hits[:k]), suggestion)
        thing = mentioned_thing(q)
        survey = None if thing is None else \
            self.survey.answer(thing, hits[0].chunk.doc_id, self.s.embed_query(q), content_terms(q))
        if survey is None and hits:
            doc = hits[0].chunk.doc_id
            if table_named(q) is None and self.tables.table_called(q, doc) is None:
                survey = self.survey.places_of_name(q, doc, self.s.embed_query(q), content_terms(q))
        if survey is not None:
            # "Where does X come up?": the places the document names X, or none (a name it never uses).
            if survey.places == 0:
                return Answer(question, "not_found", NOT_COVERED, (), tuple(hits[:k]), suggestion)
            return Answer(question, "answered", survey.text, survey.citations, tuple(hits[:k]), suggestion)
        if self.judge.abstains(ev) and not self.pointed.part_pointed_at(q, hits, ev):
            # "Which item had the fewest respondents?": a table's numbers answer a superlative
            # that shares few words with the text.
            extreme = self.tables.extreme(q, hits)
            if extreme is None:
                return Answer(question, "not_found", NOT_COVERED, (), tuple(hits[:k]), suggestion)
            return Answer(question, "answered", extreme.text, extreme.citations, tuple(hits[:k]), suggestion)
        # Abbreviations read in the glossary of the document that answers (LF is liver failure
        # in one article and ligand filtering in another).
        glossary = self.glossaries.get(hits[0].chunk.doc_id, {})
        # (The words papers use for an appraisal find passages; they are not what the answer is about.)
        # ... unless the appraisal asked is of the paper itself ("the weaknesses of this study"):
        # then its own word for them is what the answer says.
        terms = content_terms(q) | content_terms(expand(q, glossary, appraisal=bool(_ITSELF.search(q))))
        parts, cites, table = self._compose(q, hits, terms, self.s.embed_query(q))
        doc = hits[0].chunk.doc_id
        # (A name asked is asked as typed too: "brand" respelled "band" is still a brand.)
        if not parts or not self._gives_what_is_asked(q, parts, table, doc) \
                or q != question and not self._names_maker(question, parts, table, doc):
            return Answer(question, "not_found", NOT_COVERED, (), tuple(hits[:k]), suggestion)
        return Answer(question, "answered", " ".join(parts), tuple(cites), tuple(hits[:k]), suggestion)

    def _compose(self, q: str, hits: list[Hit], terms: set[str],
                 qv) -> tuple[list[str], list[Citation], TableAnswer | None]:
        """The answer's parts: a table answer with the running text of the same study, or the
        passages with the table row of the same study; a table row that gives the measurement
        asked when the passages do not. Returns (parts, citations, the table answer or None)."""
        study = self._study_then_row(q, hits, terms, qv)
        if study is not None:
            return study
        table = self.tables.answer(q, hits, terms)
        parts: list[str] = []
        cites: list[Citation] = []
        if table is not None:
            parts.append(table.text)
            cites += list(table.citations)
            # The same study told in running text (it shares the rows' references); a
            # sentence about another study only when a list is asked.
            row_refs = {r for c in table.rows for r in c.refs}
            same = [r for r in self.passages.answer(qv, terms, hits, max_runs=3, question=q)
                    if row_refs & set(self.passages.study_refs(r))]
            runs = same[:1]
            # ... with the sentences that carry it on or set it up, next to it in its paragraph
            # ("Petersen et al. relaxed ..." and "The rate of episodes fell ..."), when they fit.
            for r in same[1:]:
                room = ANSWER_CHARS - len(table.text) - sum(len(x.shown) + 3 for x in runs) - 3
                if self.passages.adjacent(same[0], r):
                    runs = sorted(runs + self.passages.fit([r], terms, room), key=lambda x: x.span.start)
            room = ANSWER_CHARS - len(table.text) - sum(len(r.shown) + 3 for r in runs)
            if asks_several(q) and room > 0:
                # A list asked ("which studies ... and in what disease"): the running text of
                # other studies joins the rows, in the room the rows leave.
                taken = {s.id for r in runs for s in r.sentences}
                doc = table.rows[0].doc_id if table.rows else hits[0].chunk.doc_id
                # ... when it names something the question names besides the document's title words.
                named = terms - self.stats.context.get(doc, set())
                runs += [r for r in self.passages.answer(qv, terms, hits, max_runs=3, question=q, budget=room)
                         if not taken & {s.id for s in r.sentences} and len(r.text) + 3 <= room
                         and self.stats.coverage(named, set(analyze(r.text)), doc) > 0]
            if not runs and row_refs and len(table.rows) <= 2:
                # The running text that reports the row's study, found by its reference.
                run = self.passages.answer_citing(qv, terms, row_refs, self._chunk_hit, q,
                                                  budget=max(0, ANSWER_CHARS - len(table.text)))
                runs = [run] if run is not None else []
        else:
            runs = self.passages.answer(qv, terms, hits, question=q, excerpts=True)
            runs = self.passages.with_first_passage(qv, terms, hits, runs, q)
            if appraisal_words(q) and not _ITSELF.search(q):
                # "The weaknesses of titration": the paper's own limitations (searched for the word
                # "limitations") are not the answer.
                runs = [r for r in runs if not self._in_own_limitations(r)] or runs
        if runs and table is None:
            runs = self._cover_facets(q, qv, terms, runs)
            runs = self._cover_clauses(q, qv, terms, hits, runs)
        row = None
        if runs and table is None:
            # The same study as a table row (it cites the run's reference): its cells. It has
            # the room the best run leaves; sentences that only carry the runs on make way for it.
            run_refs = {r for run in runs for r in self.passages.run_refs(run)}
            doc = runs[0].sentences[0].doc_id
            if self.tables.rows_citing(doc, run_refs, terms, ANSWER_CHARS, q) is not None:
                core = self.passages.render(self.passages.answer(qv, terms, hits, question=q, budget=0))[0]
                row = self.tables.rows_citing(doc, run_refs, terms, ANSWER_CHARS - len(core) - 1, q)
            if row is not None and len(self.passages.render(runs)[0]) + 1 + len(row.text) > ANSWER_CHARS:
                # Only sentences carrying a run on make way: every run (another study of a list) stays.
                fewer = self.passages.answer(qv, terms, hits, question=q, budget=ANSWER_CHARS - len(row.text) - 1)
                if {(r.hit.chunk.id, r.score) for r in runs} == {(r.hit.chunk.id, r.score) for r in fewer} \
                        and len(self.passages.render(fewer)[0]) + 1 + len(row.text) <= ANSWER_CHARS:
                    runs = fewer
                else:
                    row = None
        if runs:
            text, run_cites = self.passages.render(runs)
            parts.append(text)
            cites += run_cites
            if row is not None:
                parts.append(row.text)
                cites += list(row.citations)
        if parts and table is None and not self._gives_what_is_asked(q, parts, None, hits[0].chunk.doc_id):
            # The passages name the topic but not the measurement asked for: a table row
            # further down may give it ("what share ..." and a "Yes (%)" column).
            lower = self.tables.answer(q, hits, terms, close=False)
            if lower is not None and self._gives_what_is_asked(q, [lower.text], lower, hits[0].chunk.doc_id):
                parts, cites, table = [lower.text], list(lower.citations), lower
        return parts, cites, table

    def _cover_facets(self, q: str, qv, terms: set[str], runs: list) -> list:
        """'In the lung and kidney', 'astrocytes and microglia': each coordinated thing the
        question names gets a part that speaks of it, when the parts chosen leave one out (the
        best part stays; the others make way)."""
        doc = runs[0].sentences[0].doc_id
        n = self.stats.n.get(doc, 1)
        facets = []
        df = self.stats.df.get(doc, {})
        # (A phrase is named by its word the document uses least: "cisplatin" in "cisplatin
        # kidney injury".)
        lists = coordinated_phrases(q)
        phrased = [[{min((t for t in content_terms(p) if df.get(t, 0) > 0), key=lambda t: df[t], default="")} - {""}
                    for p in phrases] for phrases in lists]
        for words, stems in [(w, [content_terms(x) for x in w]) for w in coordinated(q)] + list(zip(lists, phrased)):
            # Things the document names in few places (not "exosomes or EVs", "help or hinder").
            if all(st and all(0 < df.get(t, 0) <= max(FACET_PLACES, FACET_SHARE * n) for t in st)
                   for st in stems):
                facets += list(zip(words, stems))
        if len(facets) < 2:
            return runs
        have = set().union(*(self._sent_terms[x.id] for r in runs for x in r.sentences))
        taken = {x.id for r in runs for x in r.sentences}
        extra = []
        for word, stems in [(w, st) for w, st in facets if not st & have][:FACET_SEARCHES]:
            found = self.s.search(f"{q} {word}", k=5, correct=False)
            for sc, st, h in self.passages.score_sentences(qv, terms | stems, found):
                if stems & self._sent_terms[st.id] and st.id not in taken:
                    run = self.passages.run_around(st, h, sc, {}, None, terms)
                    extra.append(run)
                    taken |= {x.id for x in run.sentences}
                    break
        if not extra:
            return runs
        return self.passages.with_parts(runs, extra, terms)

    def _cover_clauses(self, q: str, qv, terms: set[str], hits: list[Hit], runs: list) -> list:
        """'What did the trial find about biofilm, and how is it interpreted?': each question
        asked gets the sentence that answers it best, when the parts chosen hold none close to it
        (the best part stays; the others make way). A question's sentences are scored by its own
        words and by its meaning together with the whole question's (its "it" is the whole's topic)."""
        scene, asked = clauses(q)
        if len(asked) < 2:
            return runs
        quoted = {st.id for r in runs for st in r.sentences}
        extra = []
        for clause in asked:
            words = f"{scene} {clause}".strip()
            cterms = content_terms(words)
            if not cterms:
                continue
            cv = self.s.embed_query(words)
            kind = asked_kind(clause)
            cands = self.passages.score_sentences(cv, cterms, hits, kind=kind)
            if not cands:
                continue
            best = cands[0]
            if any(st.id in quoted and sc >= CLAUSE_SHARE * best[0] for sc, st, _ in cands):
                continue
            run = self.passages.run_around(best[1], best[2], best[0], {}, kind, cterms)
            kept = tuple(st for st in run.sentences if st.id not in quoted)
            if kept:
                extra.append(Run(kept, run.hit, run.score))
                quoted |= {st.id for st in kept}
        if not extra:
            return runs
        return self.passages.with_parts(runs, extra, terms)

    def _study_then_row(self, q: str, hits: list[Hit], terms: set[str], qv):
        """'Who encapsulated exosomes in hydrogels, and how does Table 1 say that study's
        exosomes were isolated?': the study is the one the running text reports; the table part
        is its row (the row citing the same reference), not the row sharing most words."""
        if not hits or not _BACK_TO_STUDY.search(q):
            return None
        doc = hits[0].chunk.doc_id
        number = table_named(q)
        number = number if number is not None else self.tables.table_called(q, doc)
        if number is None:
            return None
        runs = self.passages.answer(qv, terms, hits, question=q)
        if not runs:
            return None
        best = max(runs, key=lambda r: r.score)
        text, run_cites = self.passages.render([best])
        row = self.tables.rows_citing(doc, set(self.passages.run_refs(best)), terms, ANSWER_CHARS - len(text) - 1, q, table=number)
        if row is None:
            return None
        return [text, row.text], run_cites + list(row.citations), row

    def _gives_what_is_asked(self, question: str, parts: list[str], table: TableAnswer | None,
                             doc: str | None = None) -> bool:
        """A question asking for a measurement ("what dose", "how many hours") is answered only
        by a text that states one; the topic alone is not the answer. Rows listed answer "how
        many studies"."""
        if not self._names_maker(question, parts, table, doc):
            return False
        kind = asked_kind(question)
        if kind is None:
            return self._states_attribute(question, " ".join(parts)[:ANSWER_CHARS], doc)
        text = " ".join(parts)[:ANSWER_CHARS]
        if kind is COUNT and table is not None:
            # Rows listed count what rows are ("how many studies", "how many cancers" when the
            # rows' labels name cancers); "how many rats" asks for a number a row's cell states
            # under a column of counts or shares ("n", "%"), or beside the thing counted ("3 × 10 repetitions").
            named = counted_noun(question)
            if named is None or set(analyze(named.split()[0])) & (ROW_NOUNS | self.tables.label_terms(table.rows)):
                return True
            noun = named.split()[0].lower()
            near = count_of(named.lower())
            # (... or under a column named by the thing counted: "Residents", "158".)
            counted_stems = set(analyze(noun))

            def names_counted(col: str) -> bool:
                return any(related(t, h) for t in counted_stems for h in analyze(col))

            return any((_COUNT_COLUMN.search(col) or names_counted(col)) and gives(kind, value) or _N_EQUALS.search(value)
                       or near.search(value) for c in table.rows for col, value in c.table.cells)
        if kind is COUNT and not self._states_attribute(question, text, doc):
            return False  # "how many were current smokers": a count of other people is no answer
        named = counted_noun(question)
        if kind is COUNT and named and stated_attribute(question) is None and \
                not set(analyze(named)) & ROW_NOUNS and not _N_EQUALS.search(text):
            # "How many patients were included?": a number of them ("238 patients", "847 adults"),
            # not the 12 units they came from or a mean score.
            # (Reference markers and author-year citations hold no count of the finding.)
            return bool(count_of(named.lower()).search(without_citations(text)))
        # ("How many patients ...": a count, not the dose or the share the passage reports; "how
        # many actually reach the tissue" counts no thing, and a share answers it.)
        # (A table row gives it with a bare figure when its label names the unit: "Days with ...".)
        stated = gives(COUNTED if kind is COUNT and named else kind, text) or \
            table is not None and kind is not COUNT and any(c.table and row_gives(kind, c.table.cells) for c in table.rows)
        return stated and self._measures_thing(question, kind, text, table, doc)

    def _names_maker(self, question: str, parts: list[str], table: TableAnswer | None, doc: str | None) -> bool:
        """'Which brand of oximeter ...', 'Who made the lozenges?': some part of the answer (a
        sentence, a table row) writes a name the question and the document's title do not,
        other than an abbreviation the document defines, beside the thing asked of when the
        question says it. A passage about the oximeter that names no maker is no answer."""
        thing = named_maker(question)
        if thing is None:
            return True
        d = self._doc(doc)
        known = set(analyze(question)) | self.stats.context.get(d, set()) | \
            {t for short in self.glossaries.get(d, {}) for t in analyze(short)}
        wanted = self._naming_words(thing, d)
        # (The table answer's own text is its rows, labelled by the column names: read as rows.)
        text = " ".join(p for p in parts if table is None or p != table.text)[:ANSWER_CHARS]
        for piece, named_in in self._pieces(text, table):
            names = [n for n in proper_names(piece) if set(analyze(n)) - known]
            if names and _names_any(set(analyze(named_in)), wanted):
                return True
        return False

    def _naming_words(self, thing: str, doc: str, head: bool = True) -> set[str]:
        """The words a text names a thing by: its most particular (the one fewest passages of
        doc use) and, head=True, its head noun; never the document's title words, which name
        everything in it."""
        words = [t for t in analyze(thing) if t in content_terms(thing) - self.stats.context.get(doc, set())]
        if not words:
            return set()
        return {max(sorted(set(words)), key=lambda t: self.stats.idf(t, doc))} | ({words[-1]} if head else set())

    @staticmethod
    def _pieces(text: str, table: TableAnswer | None) -> list[tuple[str, str]]:
        """The answer's table rows and sentences, each with the text that names what it is of:
        a sentence referring back comes with the sentence before it."""
        # (A row's cells as sentences of their own: a cell's first word is capitalised as any.)
        # (What a cell is of is named by its column too: "Mean RCSQ: 55.0".)
        rows = [(". ".join(v for _, v in c.table.cells), ". ".join(f"{col}: {v}" for col, v in c.table.cells))
                for c in table.rows if c.table] if table is not None else []
        sentences = re.split(r"(?<=[.!?])\s+|”\s*“", text)
        return rows + [(st, (sentences[k - 1] + " " if k and refers_back(st) else "") + st)
                                         for k, st in enumerate(sentences)]

    def _measures_thing(self, question: str, kind, text: str, table: TableAnswer | None, doc: str | None) -> bool:
        """'What dose of marimastat ...': some part of the answer (a sentence, with the one before
        it when it refers back to it, or a table row) states the measurement beside the thing
        it is of, named by its most particular word (the one fewest passages use) or, as a
        text refers back to it, by its head noun ("the lozenges"); asked of a named place ("the
        patients in the HEAR-COG trial"), beside the place's name too. The document's title
        words name everything in it. A dose of another drug is no answer."""
        asked = measured_thing(question)
        if asked is None:
            return True
        d = self._doc(doc)
        thing, place = asked
        names = self._naming_words(thing, d)
        # (A place counts by its names: "the HEAR-COG trial", not "each group" or "the trial".)
        where = self._naming_words(" ".join(w for w in re.findall(r"[\w\-]+", place)
                                            if w[:1].isupper() or re.search(r"\d", w)), d, head=False)
        if not names and not where:
            return True
        glossary = self.glossaries.get(d, {})
        for piece, named_in in self._pieces(text, table):
            have = set(analyze(named_in + " " + expand(named_in, glossary, appraisal=False)))
            if gives(kind, piece) and _names_any(have, names) and _names_any(have, where):
                return True
        return False

    def _states_attribute(self, question: str, text: str, doc: str | None) -> bool:
        """'What was the mean body mass index ...': some part of the answer (a sentence, a table
        row) names the attribute, in its words or the document's abbreviation for them, beside a
        number; a text about the participants that never states it is no answer."""
        attribute = stated_attribute(question)
        stems = content_terms(attribute) if attribute else set()
        if not stems:
            return True
        glossary = self.glossaries.get(doc or "", {})
        for piece in re.split(r"(?<=[.;])\s+|”\s*“|\s\|\s", text):
            # (A number of the finding, in figures or words: not a reference marker, a year or the
            # digit of a name, "GI-2"; the attribute's words together, not "operations" here and
            # "time" there.)
            if gives(COUNT, piece) and any(
                    _together(stems, analyze(t)) for t in (piece, expand(piece, glossary, appraisal=False))):
                return True
        return False

    def _in_own_limitations(self, run) -> bool:
        """The run opens the paper's paragraph on its own limitations, or carries it on."""
        first = run.sentences[0]
        before = self.passages.prev.get(first.id)
        return any(_OWN_LIMITS.match(st.text) for st in run.sentences[:1] + (
            (self.passages.sentences[before],) if before is not None else ()))

    def _chunk_hit(self, chunk_id: str) -> Hit:
        return Hit(self.s.index.chunks[self._chunk_pos[chunk_id]], 0.0, 0, {})


    # --- cite --------------------------------------------------------------------------------
    def cite(self, text: str, per_sentence: int = 3) -> list[tuple[str, Span, list[tuple[Sentence, float]]]]:
        """For each sentence of text: the review's sentences that support it (qa/claims.py)."""
        from qa.claims import ClaimChecker

        return ClaimChecker.of(self).supports(text, per_sentence)


def _names_any(have: set[str], wanted: set[str]) -> bool:
    """A text's stems name one of the wanted words (a word of its family counts); nothing wanted
    is always named."""
    return not wanted or any(related(w, h) for w in wanted for h in have if h[:3] == w[:3])


def _sentences_in(chunks: list[Chunk], sentences: list[Sentence]) -> dict[str, list[Sentence]]:
    """chunk id -> the sentences it holds whole, in order. A chunk holding a sentence starts at
    most one chunk length before it: a binary search finds the few to check (a long document
    has thousands of chunks)."""
    out: dict[str, list[Sentence]] = {c.id: [] for c in chunks}
    by_doc: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_doc.setdefault(c.doc_id, []).append(c)
    starts, longest = {}, {}
    for d, cs in by_doc.items():
        cs.sort(key=lambda c: c.span.start)
        starts[d] = [c.span.start for c in cs]
        longest[d] = max(c.span.end - c.span.start for c in cs)
    for st in sentences:
        cs = by_doc.get(st.doc_id)
        if not cs:
            continue
        lo = bisect.bisect_left(starts[st.doc_id], st.span.start - longest[st.doc_id])
        hi = bisect.bisect_right(starts[st.doc_id], st.span.start)
        for c in cs[lo:hi]:
            if st.span.end <= c.span.end:
                out[c.id].append(st)
    return out


def _together(stems: set[str], terms: list[str], slack: int = 2) -> bool:
    """The stems within a stretch of the terms no longer than their number plus slack; of three
    or more, all but one ("pain-free walking time" states "pain-free treadmill walking time")."""
    width = len(stems) + slack
    need = len(stems) if len(stems) <= 2 else len(stems) - 1
    return any(sum(any(related(t, x) for x in terms[i:i + width]) for t in stems) >= need
               for i in range(max(1, len(terms) - width + 1)))
