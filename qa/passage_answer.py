"""Answers from running text: the shortest run of consecutive sentences of one paragraph that
answers, quoted with the reference markers the sentences carry.

A review reports a study as a run of sentences closed by one reference marker ("X et al.
investigated ... . They found ... [12]."), so a sentence without a marker of its own is
extended to the sentence that closes its run, and a sentence that opens with a pronoun
("They", "These results") takes the sentence that names its subject. Runs from other
passages that score nearly as well join it ("which miRNAs ...", "A and B" questions), and the
room left in the answer goes to the sentences that carry each run on (lists, explanations)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from qa import excerpt
from qa.answer_type import (COUNT, MEASURE, Kind, asked_kind, asks_several, count_of, counted_noun, gives, kind_words,
                            preferred_kind, without_citations)
from qa.evidence import TermStats, appraisal_stems
from qa.index.lexical import analyze
from qa.ingest.reflist import cited_in
from qa.ingest.refs import refs_in
from qa.types import Citation, Hit, Reference, Sentence, Span

# Openings that refer back to the previous sentence's subject (general English anaphora).
# Connectives such as "Moreover" or "Similarly" are left out: in a review they open the
# report of another study.
_ANAPHOR = re.compile(r"^\s*(?:[\w\-]+(?:\s+[\w\-]+){0,3},\s*)?"  # "Based on the literature, they ..."
                      r"(they|these|this|those|their|its?|such|the authors|the study|the results?|"
                      r"in (?:this|that|these|their) (?:study|work|model|trial|report))\b"
                      # "It seems that ...", "It has been shown ...": an "it" that points forward.
                      r"(?!\s+(?:seems|appears|remains|is\s+(?:\w+\s+)?(?:that|to|possible|likely|known|believed|thought|"
                      r"suggested|reported|shown|important|clear|evident|noteworthy|worth)|has\s+been|was\s+(?:\w+\s+)?that))", re.I)
# A thing named by a demonstrative early in the sentence ("Although the yield is high in this
# procedure, ...") was named in the sentence before.
_DEMONSTRATIVE = re.compile(r"^\W*(?:[\w\-]+\W+){0,10}?(?:this|these|those|such)\s+(?!review|article|paper)[a-z][\w\-]*", re.I)


# A sentence announcing how many things it lists ("three well-known subtypes of EVs, including
# ..."), and a sentence opening with the next item of such a list ("Finally, apoptotic bodies ...").
_ANNOUNCES = re.compile(r"\b(?:two|three|four|five|six)\s+(?:[\w\-]+\s+){0,2}?"
                        r"(?:types|subtypes|kinds|classes|categories|steps|stages|phases|groups|forms|mechanisms|"
                        r"ways|approaches|strategies|methods|routes|pathways|components|subsets|sources)\b", re.I)
# A short sentence that only says a list follows ("The study has limitations.", "Three
# questions remain:"): the paragraph's next few sentences are its items. It must name a count
# or a noun that stands for a list; "Exosomes include microRNAs." says something itself.
_LIST_NOUNS = (r"(?:limitations|questions|challenges|issues|problems|limits|gaps|steps|stages|reasons|advantages|"
               r"disadvantages|drawbacks|strengths|weaknesses|caveats|concerns|barriers|options|features|"
               r"properties|characteristics|factors|components|aims|objectives|findings|implications|points|lessons)")
_OPENS_LIST = re.compile(r"^[^.;]{0,120}\b(?:following|as\s+follows|these|include[sd]?)\s*:\s*$|"
                         r"^\W*(?:[\w\-]+\s+){0,5}?(?:has|have|had|faces?|remain|(?:there\s+)?(?:are|were))\s+"
                         r"(?:(?:several|some|a\s+few|many|two|three|four|five|important|potential|certain|major|main|other)\s+){0,2}"
                         rf"{_LIST_NOUNS}\s*[.:]?\s*$", re.I)
LIST_ITEMS = 4  # sentences a list-opening sentence brings whatever their score
_NEXT_ITEM = re.compile(r"^\W*(?:(?:finally|lastly|second(?:ly)?|third(?:ly)?|fourth(?:ly)?)\s*,|"
                        r"the\s+(?:second|third|fourth|final|other|remaining)\s+(?!decades?|years?|time)\w)", re.I)


def refers_back(text: str) -> bool:
    """The sentence needs the one before it to be understood: it opens by pointing back to its
    subject, or names a thing by a demonstrative."""
    return bool(_ANAPHOR.match(text) or _DEMONSTRATIVE.match(text))


ANSWER_CHARS = 700  # what a reader takes in at a glance: an answer's parts share this budget
STUDY_SENTENCES_AFTER = 2  # a study's own sentences after the one citing it, at most
TOPIC_SENTENCE_CHARS = 60  # a sentence this short says what its paragraph goes on to report
MAX_RUN_CHARS = 650  # one run stays readable within it
MAX_RUNS = 3
COUNT_DEPTH = 10  # passages searched for a count of the things asked when the first five hold none
RUN_SHARE = 0.75  # another passage's run joins the answer when it scores this close to the best
CARRY_SHARE = 0.6  # the paragraph's next sentence joins its run when it scores this close
ANTECEDENT_SHARE = 0.5  # how much of a referring sentence's meaning is its antecedent's
AIM_WEIGHT = 0.7  # a sentence stating what the document covers, scored against the others
MIN_PART_CHARS = 160  # a part of a list answer cut to an excerpt keeps at least this much
# The part of an excerpt's allowance in which the question's words are counted together: an
# excerpt shows its opening, a little before the place and the rest after it (qa/excerpt.py).
WINDOW_SHARE = 0.4
# A sentence's score weighs its meaning (cosine) and the question's words it shares equally
# when the question is in the document's own words; the less of its wording the document uses
# (lay words, paraphrase, a typo), the less shared words tell and the more the meaning counts:
# up to this much more, for a question none of whose words the document has.
MEANING_WEIGHT, MEANING_SHIFT = 0.5, 0.6
# The passage search ranks first joins a passage answer when it is among this many first results
# and its best sentence scores at least this share of the best run's.
FIRST_PASSAGE_RANK, FIRST_PASSAGE_SHARE = 3, 0.5


@dataclass(frozen=True)
class Run:
    sentences: tuple[Sentence, ...]
    hit: Hit
    score: float
    # The character ranges of text shown when the run is cut to an excerpt (one part of
    # several that share the answer's room); None: the whole run.
    clip: tuple[tuple[int, int], ...] | None = None

    @property
    def span(self) -> Span:
        return Span(self.sentences[0].span.start, self.sentences[-1].span.end)

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.sentences)

    @property
    def shown(self) -> str:
        """What the answer quotes: the run, or its excerpt followed by the reference markers
        the excerpt leaves out (the finding keeps its references)."""
        if self.clip is None:
            return f"“{self.text}”"
        return excerpt.quoted(self.text, list(self.clip), refs_in(self.text))

    def shown_span(self) -> tuple[str, Span]:
        """The quoted words of the excerpt's last piece (its finding) and where they stand."""
        if self.clip is None:
            return self.text, self.span
        a, b = self.clip[-1]
        pos = 0
        start = end = None
        for st in self.sentences:
            body = st.text.strip()
            lead = len(st.text) - len(st.text.lstrip())
            if start is None and a < pos + len(body) + 1:
                start = st.span.start + lead + max(0, a - pos)
            if b <= pos + len(body):
                end = st.span.start + lead + (b - pos)
                break
            pos += len(body) + 1
        span = Span(start if start is not None else self.span.start, end if end is not None else self.span.end)
        return self.text[a:b], span


class PassageAnswerer:
    def __init__(self, sentences: list[Sentence], sent_terms: list[set[str]], sents_in: dict[str, list[Sentence]],
                 vectors: np.ndarray, doc_texts: dict[str, str], stats: TermStats,
                 glossaries: dict[str, dict[str, str]] | None = None, titles: dict[str, str] | None = None,
                 caption_titles: set[int] | frozenset[int] = frozenset(), aims: set[int] | frozenset[int] = frozenset(),
                 references: dict[str, list[Reference]] | None = None):
        self.sentences = sentences
        self.sent_terms = sent_terms
        self.sents_in = sents_in
        self.vectors = vectors
        self.stats = stats
        self.doc_texts = doc_texts
        # A sentence's own citations: its [n] markers, or its author-year citations ("Okafor et
        # al., 2019") resolved to their entries in its document's list.
        self.own_refs = [cited_in(s.text, (references or {}).get(s.doc_id, ())) for s in sentences]
        # A list of abbreviations (a caption's "CAF; cancer-associated fibroblast, EMT; ...")
        # is no answer: sentences made mostly of the document's glossary entries, and not
        # defining them in parentheses as prose does ("Hepatocyte growth factor (HGF) and ...").
        self.not_answer = [_glossary_share(s.text, (glossaries or {}).get(s.doc_id, {})) >= 0.5
                           and not _DEFINES.search(s.text) for s in sentences]
        # Nor is the document's title met as a line of its text (it names every question's topic).
        titles = {d: _plain(t) for d, t in (titles or {}).items() if t}
        for st in sentences:
            if titles.get(st.doc_id) and _plain(st.text) == titles[st.doc_id]:
                self.not_answer[st.id] = True
        # Nor is a caption's title ("Fig. 3 Extracellular vesicle (EVs) biogenesis."): it names a
        # topic without saying anything of it (qa/captions.py).
        for i in caption_titles:
            self.not_answer[i] = True
        # The document's statements of what it covers ("Herein, we review how sprays are
        # prepared") name a question's topic without saying anything of it: they weigh less.
        self.aims = set(aims)
        # Paragraph neighbours: consecutive sentences of one document with no blank line between.
        self.prev: dict[int, int] = {}
        self.next: dict[int, int] = {}
        order = sorted((s for s in sentences if s.kind == "sentence"), key=lambda s: (s.doc_id, s.span.start))
        for a, b in zip(order, order[1:]):
            if a.doc_id == b.doc_id and "\n\n" not in doc_texts.get(a.doc_id, "")[a.span.end:b.span.start]:
                self.next[a.id] = b.id
                self.prev[b.id] = a.id

    def score_sentences(self, qv: np.ndarray, terms: set[str], hits: list[Hit], depth: int = 5,
                        kind: Kind | None = None, counted: tuple[re.Pattern[str], re.Pattern[str]] | None = None):
        """(score, sentence, hit) for every sentence of the top passages, best first. For a
        question asking for a measurement (how big, what dose), a sentence giving one is preferred."""
        out, seen = [], set()
        passages = [h for h in hits if h.chunk.kind != "table_row"][:depth]
        # One weight for the question, read in the leading document: sentences of several
        # documents are then scored alike. (Coverage already counts unknown words in its
        # denominator; the weight moves on from that to the meaning.)
        w = min(1.0, MEANING_WEIGHT + MEANING_SHIFT * (1 - self._own_words(terms, passages[0].chunk.doc_id))) \
            if passages else MEANING_WEIGHT
        for rank, h in enumerate(passages):
            for st in self.sents_in.get(h.chunk.id, []):
                if st.id in seen or st.kind != "sentence" or self.not_answer[st.id]:
                    continue
                seen.add(st.id)
                have = self.sent_terms[st.id]
                sim = float(self.vectors[st.id] @ qv)
                if refers_back(st.text) and st.id in self.prev:
                    # "They can affect ...", "This method is simple, but ...": its subject is
                    # named in the sentence before, in words and in meaning.
                    have = have | self.sent_terms[self.prev[st.id]]
                    before = float(self.vectors[self.prev[st.id]] @ qv)
                    sim = max(sim, (1 - ANTECEDENT_SHARE) * sim + ANTECEDENT_SHARE * before)
                cov = self.stats.coverage(terms, have, st.doc_id)
                if counted is not None:
                    plain = without_citations(st.text)
                    bonus = 0.15 if counted[0].search(plain) else 0.05 if counted[1].search(plain) else 0.0
                else:
                    bonus = 0.15 if kind and gives(kind, st.text, spelled=False) else 0.0
                sc = w * sim + (1 - w) * cov + 0.05 * (depth - rank) / depth + bonus
                out.append((sc * AIM_WEIGHT if st.id in self.aims else sc, st, h))
        out.sort(key=lambda x: -x[0])
        return out

    def _own_words(self, terms: set[str], doc: str) -> float:
        """idf-weighted share of the question's words the document uses (in some form). The
        words asking for an appraisal ("drawbacks") are phrasing: the document's own word for
        them ("limitations") is searched for beside them."""
        idf = {t: self.stats.idf(t, doc) for t in terms - appraisal_stems()}
        total = sum(idf.values())
        return sum(v for t, v in idf.items() if self.stats.known(t, doc)) / total if total > 0 else 1.0

    def run_around(self, st: Sentence, hit: Hit, score: float, scores: dict[int, float],
                   kind: Kind | None = None, terms: frozenset[str] | set[str] = frozenset()) -> Run:
        """The sentence, with the sentence naming its subject when it opens with a pronoun, and
        the following sentences up to the one closing its run with a reference marker. For a
        question asking how much, a run without a measurement takes the next sentence when
        that one gives it ("X et al. [158] reported an increase ... . It rose from 0.2 to 0.7")."""
        run = [st]
        if refers_back(st.text) and st.id in self.prev:
            run.insert(0, self.sentences[self.prev[st.id]])
        length = sum(len(s.text) for s in run)
        cur = st
        if not self.own_refs[st.id]:
            # Forward to the marker that closes this study's run (at most two sentences on).
            ahead, j = [], cur.id
            for _ in range(2):
                j = self.next.get(j)
                if j is None:
                    break
                if self.own_refs[j] and _OPENS_STUDY.search(self.sentences[j].text):
                    break  # "In Norway, Berg et al. (2020) stopped ...": another study's run opens
                ahead.append(self.sentences[j])
                if self.own_refs[j]:
                    break
            if ahead and self.own_refs[ahead[-1].id] and length + sum(len(s.text) for s in ahead) <= MAX_RUN_CHARS:
                run += ahead
                cur = ahead[-1]
        run, cur, _ = self._with_finding(run, cur, terms)
        nxt = self.next.get(cur.id)
        if nxt is not None:
            s2 = self.sentences[nxt]
            # (A short sentence alone, "Agreement depended on sample age.", opens what the next
            # one reports.)
            follows = (refers_back(s2.text) and scores.get(nxt, 0.0) >= 0.6 * score) or \
                self._continues(run[-1], s2, terms) or self._opens(st, s2, run, terms) or \
                self._poses(run[-1], s2, terms)
            measures = kind and not any(gives(kind, s.text) for s in run) and gives(kind, s2.text)
            if (follows or measures) and sum(len(s.text) for s in run) + len(s2.text) <= MAX_RUN_CHARS:
                run.append(s2)
                # (A study it brings, named as the next sentence's subject, comes with its finding.)
                run, cur, _ = self._with_finding(run, s2, terms)
        return Run(tuple(self._with_series(run)), hit, score)

    def _with_series(self, run: list[Sentence]) -> list[Sentence]:
        """The run with the next items of a series its last sentence opens: results set out
        alike under qualifiers ("In women, the hazard ratio was 0.71. In men, it was 0.95.").
        A sentence citing a study of its own is another study's, not the next item."""
        run = list(run)
        j = self.next.get(run[-1].id)
        while j is not None and not self.own_refs[j] and _parallel(run[-1].text, self.sentences[j].text) \
                and sum(len(s.text) for s in run) + len(self.sentences[j].text) <= MAX_RUN_CHARS:
            run.append(self.sentences[j])
            j = self.next.get(j)
        return run

    def _with_finding(self, run: list[Sentence], cur: Sentence, terms) -> tuple[list[Sentence], Sentence, bool]:
        """The run, its last sentence, and whether the finding of the study cur names as its
        subject was left out for want of room (the run stays within MAX_RUN_CHARS)."""
        if not (_OPENS_STUDY.search(cur.text) and self.own_refs[cur.id]):
            return run, cur, False
        # "Gao et al. (2023) randomised ... . The infusion was given ... . Patients were more
        # likely to remain free of delirium (79% versus 63%).": a study named as the subject and
        # cited goes on in the uncited sentences after it; its finding is among them. They run
        # up to the last one that says more of what is asked (a sentence on something else,
        # "Staff turnover remained high", is not the study's finding).
        ahead, j = [], cur.id
        for _ in range(STUDY_SENTENCES_AFTER):
            j = self.next.get(j)
            if j is None or self.own_refs[j] or _OPENS_STUDY.search(self.sentences[j].text) or \
                    _ANOTHER_STUDY.match(self.sentences[j].text):
                break
            ahead.append(self.sentences[j])
        asked = set(terms)
        # (What the study's own sentence says: a sentence before it may have named the topic
        # that the study's finding reports on.)
        said = self.sent_terms[cur.id] & asked
        upto = 1 if ahead and self._finding_after(cur, ahead[0], asked) else 0
        for k, s2 in enumerate(ahead):
            new = (self.sent_terms[s2.id] & asked) - said
            if new:
                upto, said = k + 1, said | new
        room = MAX_RUN_CHARS - sum(len(s.text) for s in run)
        fits = 0
        while fits < upto and room - len(ahead[fits].text) >= 0:
            room -= len(ahead[fits].text)
            fits += 1
        if fits:
            run = run + ahead[:fits]
            cur = run[-1]
        return run, cur, fits < upto

    def _finding_after(self, study: Sentence, nxt: Sentence, asked: set[str]) -> bool:
        """study says what was done, not what was found ("X et al. tested the devices in 30
        patients"), and nxt states a result (a figure, or "They found ...") about a thing asked
        other than the document's theme: the study's finding."""
        if _REPORTS.search(study.text):
            return False
        result = gives(MEASURE, nxt.text) or refers_back(nxt.text)
        doc = study.doc_id
        return result and any(not self.stats.topic_word(t, doc) for t in self.sent_terms[nxt.id] & asked)

    def _opens(self, st: Sentence, nxt: Sentence, run: list[Sentence], terms) -> bool:
        """st alone, short and stating no number, says what its paragraph goes on to report, and
        the next sentence reports it: it speaks of what is asked too ("Agreement depended on
        sample age." / "For samples read within a day, kappa was 0.91."). "Overall kappa was
        0.85." is a finding of its own."""
        return len(run) == 1 and len(st.text) < TOPIC_SENTENCE_CHARS and not gives(MEASURE, st.text) \
            and bool(self.sent_terms[nxt.id] & set(terms)) \
            and not _OPENS_STUDY.search(nxt.text)

    def _poses(self, a: Sentence, b: Sentence, terms) -> bool:
        """a states a question the study asked, not its answer ("We also examined whether the
        effect depended on the amount of wet work."), and b, speaking of what is asked too,
        gives the answer."""
        return bool(_POSES.search(a.text)) and not gives(MEASURE, a.text) and bool(self.sent_terms[b.id] & set(terms)) \
            and not _OPENS_STUDY.search(b.text)

    def _continues(self, a: Sentence, b: Sentence, terms: set[str]) -> bool:
        """b goes on about a's subject: it opens by naming again a distinctive word of a ("...
        enriched miR-221 [89]. The miR-221 could improve ...") and goes on to more of the question's words."""
        opening = set(analyze(" ".join(b.text.split()[:4])))
        doc = a.doc_id
        rare = max(2.0, 0.05 * self.stats.n.get(doc, 0))  # in a few passages: a name, not a theme
        shared = {t for t in opening & self.sent_terms[a.id] if self.stats.df.get(doc, {}).get(t, 0) <= rare}
        return bool(shared) and bool((self.sent_terms[b.id] - opening) & terms)

    def answer(self, qv: np.ndarray, terms: set[str], hits: list[Hit], max_runs: int = MAX_RUNS,
               budget: int = ANSWER_CHARS, question: str = "", excerpts: bool = False) -> list[Run]:
        """The runs that answer, in the document's order. excerpts: a list asked
        whose parts do not fit whole gets each part cut to an excerpt rather than fewer parts."""
        kind = asked_kind(question)
        if kind:
            # "big" in "how big" names the measure, not the topic.
            terms = terms - set(analyze(kind_words(question)))
        counted = counted_patterns(question)
        cands = self.score_sentences(qv, terms, hits, kind=kind or preferred_kind(question), counted=counted)
        if counted is not None and not any(counted[0].search(without_citations(st.text)) for _, st, _ in cands):
            # No count of the things asked in the first passages: the count may stand further
            # down ("Of 1,046 patients screened" under a passage that names the trial more often).
            cands = self.score_sentences(qv, terms, hits, depth=COUNT_DEPTH, kind=kind, counted=counted)
        if not cands:
            return []
        scores = {st.id: sc for sc, st, _ in cands}
        best_score = cands[0][0]
        runs: list[Run] = []
        used: set[int] = set()
        several = asks_several(question)
        over: list[Run] = []  # runs close enough to join a list that did not fit whole
        for sc, st, h in cands:
            if len(runs) >= max_runs or sc < RUN_SHARE * best_score:
                break
            if st.id in used:
                continue
            run = self.run_around(st, h, sc, scores, kind, terms)
            ids = {s.id for s in run.sentences}
            if used & ids:
                # It overlaps a run already taken: one run of both when the new sentences are
                # the set-up of an unreferenced finding ("X et al. [14] measured ... . Tear
                # volume rose ...") or carry it on with what is asked.
                i = next(i for i, r in enumerate(runs) if ids & {s.id for s in r.sentences})
                old = runs[i].sentences
                before = [s for s in run.sentences if s.span.start < old[0].span.start]
                after = [s for s in run.sentences if s.span.start > old[-1].span.start]
                ok_before = not before or not self.own_refs[old[0].id]
                ok_after = not after or kind is None or gives(kind, " ".join(s.text for s in after))
                grown = Run(tuple(before) + old + tuple(after), runs[i].hit, runs[i].score)
                if ok_before and ok_after and _length(runs) - len(runs[i].text) + len(grown.text) <= budget:
                    runs[i] = grown
                    used |= ids
                continue
            if runs and kind and not gives(kind, run.text, spelled=False):
                continue  # a question asking for a measurement gets only more measurements, in figures
            if runs and _length(runs) + len(run.text) > budget:
                if several and not any(ids & {s.id for s in o.sentences} for o in over):
                    over.append(run)
                continue
            runs.append(run)
            used |= {s.id for s in run.sentences}
        # The room left goes to the sentences that carry each run on: a list or an explanation
        # ("what hurdles ...", "why ...") runs over several sentences of one paragraph.
        for i, r in enumerate(runs if kind is None else []):
            runs[i] = self._carry_on(r, scores, CARRY_SHARE * best_score, len(r.text) + budget - _length(runs), used, terms)
            used |= {s.id for s in runs[i].sentences}
        if excerpts and over and len(runs) < max_runs:
            # A list asked, and parts close to the best did not fit whole: they take the room
            # left, each cut to the words around what the question asks (a reader takes in
            # the first 700 characters; every part should be there).
            runs += self._fit([r for r in over if not used & {s.id for s in r.sentences}][:max_runs - len(runs)],
                              terms, budget - _length(runs))
        runs.sort(key=lambda r: (r.sentences[0].doc_id, r.span.start))
        return runs

    def with_first_passage(self, qv: np.ndarray, terms: set[str], hits: list[Hit], runs: list[Run],
                           question: str = "") -> list[Run]:
        """The runs, with one from the passage retrieval ranks first when none is: search reads
        a passage whole and ranks the right one first more often than the sentence scores pick
        its sentence (a reader's paraphrase shares few words with any one sentence). Its best
        sentence's run joins, when it scores close enough to the best run and the passage is
        among the first results; the other parts make way as excerpts. Sentences the answer
        already quotes are not quoted twice."""
        first = next((h for h in hits[:FIRST_PASSAGE_RANK] if h.chunk.kind != "table_row"), None)
        if first is None or not runs:
            return runs
        inside = {st.id for st in self.sents_in.get(first.chunk.id, [])}
        quoted = {st.id for r in runs for st in r.sentences}
        if inside & quoted:
            return runs
        kind = asked_kind(question)
        found = next(((sc, st, h) for sc, st, h in self.score_sentences(qv, terms, hits, kind=kind) if st.id in inside), None)
        if found is None or found[0] < FIRST_PASSAGE_SHARE * max(r.score for r in runs):
            return runs
        run = self.run_around(found[1], found[2], found[0], {}, kind, terms)
        kept = tuple(st for st in run.sentences if st.id not in quoted)
        if not kept or kind and not gives(kind, run.text, spelled=False):
            return runs  # a measurement asked: a part that states none is no part of the answer
        return self.with_parts(runs, [Run(kept, run.hit, run.score)], terms)

    def with_parts(self, runs: list[Run], extra: list[Run], terms: set[str], budget: int = ANSWER_CHARS) -> list[Run]:
        """The runs and the further parts the answer must have, in the document's order, within
        budget, cut to excerpts to fit. When not all fit: the runs that only scored close to the
        best make way first, then the best run is cut too."""
        best = max(runs, key=lambda r: r.score)
        close = [r for r in runs if r is not best]
        while extra and budget - (MIN_PART_CHARS + 1) * len(extra) - 1 < MIN_PART_CHARS:
            extra = extra[:-1]
        for others in (close + extra, extra):
            fitted = self._fit(others, terms, budget - len(best.shown) - 1)
            if len(fitted) == len(others):
                return sorted([best] + fitted, key=lambda r: (r.sentences[0].doc_id, r.span.start))
        best = self._cut(best, terms, budget - (MIN_PART_CHARS + 1) * len(extra) - 1)
        fitted = self._fit(extra, terms, budget - len(best.shown) - 1)
        return sorted([best] + fitted, key=lambda r: (r.sentences[0].doc_id, r.span.start))

    def fit(self, runs: list[Run], terms: set[str], room: int) -> list[Run]:
        """The runs that fit in room, cut to excerpts where they must (see _fit)."""
        return self._fit(runs, terms, room)

    def _fit(self, runs: list[Run], terms: set[str], room: int) -> list[Run]:
        """The runs that fit in room: short ones whole, the others cut to the words around
        where each says most of the question's words; none with less than its least room."""
        out = []
        for k, r in enumerate(sorted(runs, key=lambda r: len(r.text))):
            allowance = room // (len(runs) - k) - 1
            if allowance < MIN_PART_CHARS:
                break
            if len(r.text) + 2 > allowance:
                r = self._cut(r, terms, allowance)
            out.append(r)
            room -= len(r.shown) + 1
        return out

    def _cut(self, run: Run, terms: set[str], allowance: int) -> Run:
        where = self._where_asked(run, terms, int(WINDOW_SHARE * allowance))
        return Run(run.sentences, run.hit, run.score, tuple(excerpt.fit(run.text, where, allowance, refs_in(run.text))))

    def _where_asked(self, run: Run, terms: set[str], width: int) -> int:
        return self.where_said(run.text, terms, run.sentences[0].doc_id, width)

    def where_said(self, text: str, terms: set[str], doc: str, width: int = int(WINDOW_SHARE * ANSWER_CHARS)) -> int:
        """Where in text the question's words gather: the first word of the stretch of width
        characters holding the most of them (each counted once, weighted by rarity)."""
        words = list(re.finditer(r"\S+", text))
        marks = []
        for w in words:
            stems = set(analyze(w.group()))
            marks.append({t for t in terms if any(t == x or (len(t) >= 5 and x.startswith(t)) for x in stems)})
        best, at = 0.0, 0
        for i, m in enumerate(marks):
            if not m:
                continue
            seen = set().union(*(marks[j] for j in range(i, len(words)) if words[j].end() - words[i].start() <= width))
            weight = sum(self.stats.idf(t, doc) for t in seen)
            if weight > best:
                best, at = weight, words[i].start()
        return at

    def _carry_on(self, run: Run, scores: dict[int, float], floor: float, room: int, used: set[int],
                  terms: set[str] | frozenset[str] = frozenset()) -> Run:
        """The run with the paragraph's next sentences while they stay close to the question
        (scored among the top passages' sentences, above floor) and fit in room characters; a
        study it brings comes with its finding."""
        sents = list(run.sentences)
        announced = any(_ANNOUNCES.search(s.text) for s in sents)
        # The items a list-opening sentence of the run brings, however few words they share.
        opened = next((i for i, s in enumerate(sents) if _OPENS_LIST.match(s.text)), None)
        items = LIST_ITEMS - (len(sents) - 1 - opened) if opened is not None else 0
        j = sents[-1].id
        while True:
            j = self.next.get(j)
            if j is None or j in used:
                break
            # The next item of a list the run announced is part of the answer, whatever its words.
            listed = items > 0 or (announced and _NEXT_ITEM.match(self.sentences[j].text))
            items -= 1
            if scores.get(j, 0.0) < floor and not listed:
                break
            if sum(len(s.text) + 1 for s in sents) + len(self.sentences[j].text) > room:
                break
            found, last, cut = self._with_finding(sents + [self.sentences[j]], self.sentences[j], terms)
            if cut:
                break  # a study whose finding does not fit: its set-up alone says nothing
            if len(found) > len(sents) + 1:
                # A study named with its finding after it: both, or neither.
                if used & {s.id for s in found} or sum(len(s.text) + 1 for s in found) > room:
                    break
                sents, j = found, last.id
                continue
            sents.append(self.sentences[j])
        return Run(tuple(sents), run.hit, run.score)

    def answer_citing(self, qv: np.ndarray, terms: set[str], refs: set[int], chunk_hit, question: str = "",
                      budget: int = ANSWER_CHARS) -> Run | None:
        """The run of running text that reports the studies behind refs (a table row's
        references), wherever it is in the document: the sentence citing one of them that is
        closest to the question, with its set-up and finding. chunk_hit(chunk_id) -> Hit."""
        kind = asked_kind(question)
        best = None
        for st in self.sentences:
            if st.kind != "sentence" or self.not_answer[st.id] or not refs & set(self.own_refs[st.id]):
                continue
            cov = self.stats.coverage(terms, self.sent_terms[st.id], st.doc_id)
            sc = 0.5 * float(self.vectors[st.id] @ qv) + 0.5 * cov
            if kind and gives(kind, st.text, spelled=False):
                sc += 0.15
            if best is None or sc > best[0]:
                best = (sc, st)
        if best is None:
            return None
        sc, st = best
        # Its set-up: the sentences before it in the paragraph that carry no marker of their own.
        run = self.run_around(st, chunk_hit(st.chunk_id), sc, {}, kind, terms)
        j, lead = st.id, []
        for _ in range(2):
            j = self.prev.get(j)
            if j is None or self.own_refs[j] or run.sentences[0].id == j:
                break
            lead.insert(0, self.sentences[j])
        sentences = tuple(lead) + run.sentences if not refers_back(st.text) else run.sentences
        while len(" ".join(x.text for x in sentences)) > budget and len(sentences) > 1:
            sentences = sentences[1:] if sentences[0].id != st.id else sentences[:-1]
        return Run(sentences, run.hit, sc)

    def run_refs(self, run: Run) -> tuple[int, ...]:
        """The entries a run's sentences cite themselves, in order (none borrowed from another study)."""
        return tuple(dict.fromkeys(n for st in run.sentences for n in self.own_refs[st.id]))

    def adjacent(self, a: Run, b: Run) -> bool:
        """One run's sentences go on right where the other's end, in one paragraph."""
        return self.next.get(a.sentences[-1].id) == b.sentences[0].id or self.next.get(b.sentences[-1].id) == a.sentences[0].id

    def study_refs(self, run: Run) -> tuple[int, ...]:
        """The entries of the study a run reports: its own, or, when its sentences cite nothing,
        those of the nearest sentence before it in its paragraph that does ("Petersen et al.
        (2018) relaxed ... . The rate of episodes fell ..."). For telling which study a run is
        about, not for citing it (a run's citations stay its own)."""
        own = self.run_refs(run)
        if own or not run.sentences:
            return own
        j = self.prev.get(run.sentences[0].id)
        while j is not None and not self.own_refs[j]:
            j = self.prev.get(j)
        return tuple(self.own_refs[j]) if j is not None else ()

    def render(self, runs: list[Run]) -> tuple[str, list[Citation]]:
        parts, cites = [], []
        for r in runs:
            quote, span = r.shown_span()
            parts.append(r.shown)
            cites.append(Citation(self.run_refs(r), r.hit.chunk.id, quote, span))
        return " ".join(parts), cites


# A sentence opening by naming its study as its subject ("Additionally, Pakravan et al.
# revealed ...", "In Norway, Berg et al. (2020) stopped ...", "Berg and Holm (2020) found"): a
# run of another study starts there. ("The effect was first shown by Holm et al." is not one.)
_OPENS_STUDY = re.compile(r"^(?:[^,]{0,40},\s*)?[A-Z][\w'’\-]+(?:\s+et\s+al\b|\s+(?:and|&)\s+[A-Z][\w'’\-]+\s+\(?(?:19|20)\d{2}"
                          r"|\s+\(?(?:19|20)\d{2}[a-z]?\)?\s)")


# A sentence reporting a finding itself: "X et al. found that ...", "... reported a 40% drop",
# "found no difference" (general English).
_REPORTS = re.compile(r"\b(?:found|showed|shown|demonstrated|reported|revealed|indicated|observed|noted|concluded|"
                      r"suggested|confirmed|proved|proposed|described|discovered|established|identified|argued|"
                      r"hypothesi[sz]ed)\s+(?:\w+\s+){0,3}?(?:that|no|not|a|an|higher|lower|greater|smaller|fewer|"
                      r"less|more|similar|better|worse|significant(?:ly)?|\d)", re.I)
# A sentence opening on another study than the one before it ("In another study, ...", "A more
# recent trial ...", "However, another randomised trial ...").
_ANOTHER_STUDY = re.compile(r"^\W*(?:[\w\-]+\s*,\s*)?(?:[\w\-]+\s+){0,2}?(?:another|other|further|separate|"
                            r"(?:more\s+)?recent|later|second|similar)\s+(?:[\w\-]+\s+){0,2}?"
                            r"(?:stud(?:y|ies)|trials?|reports?|experiments?|analys[ie]s|cohorts?|series)\b", re.I)
# A qualifier a series of results opens each item with: a preposition and up to eight words, then a
# comma ("For samples tested within 24 hours of collection, ...", "In women, ...", "Among smokers, ...").
_QUALIFIER = re.compile(r"^\W*(in|for|among|at|with|without|after|before|during|within|by|on|from|under|over|"
                        r"between|beyond|below|above)\s+((?:[^\s,;.]+\s+){0,7}?[^\s,;.]+)\s*,", re.I)
# Two-word connectives that open sentences on different things alike (general English).
_CONNECTIVES = frozenset(w.strip() for w in """in addition|in contrast|for example|for instance|in particular|
    in summary|in conclusion|in short|in turn|of note|as such|at present|in general|on average|by contrast|
    in fact|in total|in practice|in theory|in brief|at first|at last|by then|on balance|in sum""".split("|"))


def _parallel(a: str, b: str) -> bool:
    """b is the next item of a series a opens: both state a result under a qualifier opened by
    the same preposition, b's naming a thing in words (not "In 2019, ...", nor a connective
    such as "In fact, ..."; not "The programme ..." twice, a subject both speak of)."""
    ma, mb = _QUALIFIER.match(a), _QUALIFIER.match(b)
    if not ma or not mb or ma.group(1).lower() != mb.group(1).lower():
        return False
    if f"{mb.group(1)} {mb.group(2).split()[0]}".lower() in _CONNECTIVES:
        return False
    named = [t for t in analyze(mb.group(2)) if t.isalpha()]
    return bool(named) and gives(MEASURE, a) and gives(MEASURE, b)


# An indirect question a study asked, said by the study itself: "we also examined whether", "this
# trial tested if", "the analysis assessed whether" (not "future trials should test whether", nor
# "residents were asked if they wanted ...", nor "blood was drawn to see if ...").
_POSES = re.compile(r"\b(?:we|our\s+(?:study|trial|analysis)|(?:this|the\s+present|the\s+current)\s+(?:study|trial|analysis|review))\s+"
                    r"(?:also\s+|then\s+|further\s+|next\s+|first\s+|secondly\s+)?"
                    r"(?:examined|assessed|tested|investigated|explored|evaluated|checked|studied|compared|analy[sz]ed|"
                    r"asked|looked\s+at|sought\s+to\s+(?:determine|establish|test))\s+(?:whether|if)\b", re.I)


_DEFINES = re.compile(r"\w\s+\([A-Za-z][\w\-/]{0,11}\)")  # "... growth factor (HGF)"


def counted_patterns(question: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """"How many patients were screened?": a count of the things named ("1,046 patients"), and a
    count of them in other words ("40 participants"): the first is the measurement preferred,
    the second less, a count of other things ("six hospitals") not at all. None: no count asked."""
    named = counted_noun(question) if asked_kind(question) is COUNT else None
    return (count_of(named.lower(), kin=False), count_of(named.lower())) if named else None


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _length(runs: list[Run]) -> int:
    """Characters the runs take as rendered (each quoted, one space between)."""
    return sum(len(r.shown) + 1 for r in runs)


def _glossary_share(text: str, glossary: dict[str, str]) -> float:
    """Share of a sentence's words that belong to its document's abbreviation entries."""
    words = re.findall(r"[\w'’\-]+", text)
    if len(words) < 6 or not glossary:
        return 0.0
    covered = [False] * len(words)
    low = [w.lower() for w in words]
    for short, long in glossary.items():
        entry = [short.lower()] + [w.lower() for w in re.findall(r"[\w'’\-]+", long)]
        for seq in ([short.lower()], entry[1:]):
            n = len(seq)
            if not n:
                continue
            for i in range(len(low) - n + 1):
                if low[i:i + n] == seq:
                    for j in range(i, i + n):
                        covered[j] = True
    return sum(covered) / len(words)
