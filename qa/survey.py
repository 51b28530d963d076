"""Answers to "where does X come up?": each place the document names the thing, a line each.

A reader asking in which contexts a thing appears wants its mentions, not the one passage that
says most about it (that passage is what `ask` gives otherwise). The places are the sentences
and table rows that name the thing: by its own words, or for an abbreviation by its long form
in the document's glossary written out. Each is shown as the part of the sentence around the
name (a table row whole when it fits, else its label and the cells naming the thing), with its
references, in the document's order; when more places exist than fit, the ones closest to the
question are shown and the count says so. "A and B" lists the places of each."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from qa import excerpt
from qa.answer_type import asks_across, names_in
from qa.evidence import TermStats, generic_stems, related
from qa.index.lexical import analyze, name_term, normalize
from qa.ingest.refs import refs_in
from qa.passage_answer import ANSWER_CHARS
from qa.types import Citation, Sentence, Span

MAX_PLACES = 6  # places listed at most; the count says how many there are
# A name asked across the document is listed by its places when it has this many (fewer: one
# passage says it; more: it is a theme, and the passages closest to the question answer).
NAME_PLACES = (2, 8)
FAMILY_MIN = 6  # a word this long is found in its family's other forms too
MIN_EXCERPT = 110  # characters an excerpt keeps at least, so that it still says something
PLACE_MARK = 5  # characters a place's number and spacing take: "(3) " and the space before it
RARE_PLACES, RARE_SHARE = 3, 0.05  # a part named in at most this many places (or share of them) is distinctive
# Places closest to the question first when not all fit: meaning, then its words (half weight:
# every place already names the thing, so the words mostly repeat it).
WORDS_WEIGHT = 0.5


@dataclass(frozen=True)
class SurveyAnswer:
    text: str
    citations: tuple[Citation, ...]
    places: int  # how many places name the thing (more than shown when they do not fit; 0: none does)
    rows_only: bool = False  # every place shown is a table row


@dataclass(frozen=True)
class _Concept:
    """One part of the thing: stems that name it in a sentence's own words, or a pattern (an
    abbreviation or its long form written out)."""

    stems: frozenset[str]  # any one of them names it ("il10"); a space-joined entry: all its words
    pattern: re.Pattern[str] | None = None  # on the normalised text (β as beta, one kind of dash)
    name_like: bool = False  # written with a capital or a digit: a name the document would use as is
    raw: re.Pattern[str] | None = None  # the same as the document prints it, to find where it stands


class Surveyor:
    def __init__(self, sentences: list[Sentence], vectors: np.ndarray, stats: TermStats,
                 glossaries: dict[str, dict[str, str]], render_row, label_row, skip: list[bool] | None = None):
        """render_row(sentence, stems, budget) -> the row (its label and the cells naming the stems
        when the whole row is longer than budget); label_row(sentence) -> the row's table and
        label; skip[sentence id]: not a place (a line listing the document's abbreviations)."""
        self.sentences = sentences
        self.vectors = vectors
        self.stats = stats
        self.glossaries = glossaries
        self.render_row = render_row
        self.label_row = label_row
        self.skip = skip or [False] * len(sentences)
        # The sentences' own words (not the long forms of their abbreviations: those are matched
        # written out, so that "growth ... factor ... fibroblasts" is not FGF).
        self.own_terms = [set(analyze(st.text)) for st in sentences]
        self.norm_text = [normalize(st.text) for st in sentences]
        self.by_doc: dict[str, list[Sentence]] = {}
        for st in sentences:
            if not self.skip[st.id]:
                self.by_doc.setdefault(st.doc_id, []).append(st)
        # The one table row that cites a reference: where a summary table sets out that study
        # (its label says the setting: the condition, the donor cells).
        cited: dict[tuple[str, int], list[Sentence]] = {}
        for st in sentences:
            if st.kind == "table_row":
                for r in st.refs:
                    cited.setdefault((st.doc_id, r), []).append(st)
        self.row_of_ref = {k: v[0] for k, v in cited.items() if len(v) == 1}

    def concepts(self, thing: str, doc: str) -> list[_Concept]:
        """The thing as its parts: a hyphenated name is one stem ("IL-10" is il10, not il and
        10); an abbreviation and its long form are one part (HGF, or hepatocyte growth factor)."""
        gloss = self.glossaries.get(doc, {})
        thing = normalize(thing)
        low = thing.lower()
        out: list[_Concept] = []
        taken: set[str] = set()
        for short, long in gloss.items():
            if len(short) < 2:
                continue
            short_n = normalize(short)
            has_short = re.search(rf"(?<![\w\-]){re.escape(short_n)}s?(?![\w\-])", thing)
            has_long = len(long) > 3 and re.search(rf"\b{re.escape(long.lower())}s?\b", low)
            if has_short or has_long:
                pattern = _written(short_n, normalize(long))
                # (A short form that is an English stop word, "AT", has no stem: its pattern finds it.)
                stem = _name_stem(short)
                out.append(_Concept(frozenset({stem} - {""}), pattern, True, _written(short, long)))
                taken |= {_name_stem(short)} | set(analyze(long, compounds=False))
        for word in re.findall(r"\w[\w\-/]*", thing):
            stem = _name_stem(word)
            if not stem or stem in taken or stem in generic_stems() or stem.isdigit():
                continue
            alts = {stem}
            parts = re.split(r"[\-/]", word)
            words = analyze(" ".join(parts), compounds=False)
            if words and set(words) <= taken:
                continue  # the long form of an abbreviation already asked ("epithelial-to-mesenchymal ... (EMT)")
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
            name_like = any(c.isupper() or c.isdigit() for c in word)
            out.append(_Concept(frozenset(alts), None, name_like))
            taken.add(stem)
        return out

    def _names(self, st: Sentence, c: _Concept) -> bool:
        if c.pattern is not None and c.pattern.search(self.norm_text[st.id]):
            return True
        have = self.own_terms[st.id]
        if any(alt and set(alt.split()) <= have for alt in c.stems):
            return True
        # A word of the same family ("hippocampus", "hippocampal"): plain words only, long
        # enough that a short ending does not make another name (IL-1, IL-10).
        return any(" " not in alt and alt.isalpha() and len(alt) >= FAMILY_MIN and any(related(alt, h) for h in have)
                   for alt in c.stems)

    def _where(self, st: Sentence, c: _Concept) -> int:
        """Where in the sentence the part is named (0 when only by its words' stems together)."""
        for pattern in (c.raw, c.pattern):
            m = pattern.search(st.text) if pattern is not None else None
            if m:
                return m.start()
        first = {alt.split()[0] for alt in c.stems if alt.split()}
        family = {a for a in first if a.isalpha() and len(a) >= FAMILY_MIN}
        for w in re.finditer(r"\S+", st.text):
            stems = set(analyze(w.group()))
            if first & stems or any(related(a, x) for a in family for x in stems):
                return w.start()
        return 0

    def _places(self, thing: str, doc: str) -> tuple[list[Sentence], _Concept | None, bool]:
        """The places naming every distinctive part of the thing together, the rarest part, and
        whether the document never names a part that is a name."""
        concepts = self.concepts(thing, doc)
        sents = self.by_doc.get(doc, [])
        if not concepts:
            return [], None, False
        placed = [[st for st in sents if self._names(st, c)] for c in concepts]
        missing = [c for c, p in zip(concepts, placed) if not p]
        if missing:
            return [], None, all(c.name_like for c in missing)
        # A part named in many places is the head of the phrase ("mTOR signalling": where mTOR
        # is); the rarest part is always distinctive.
        rare = max(RARE_PLACES, RARE_SHARE * len(sents))
        rarest = min(range(len(concepts)), key=lambda i: len(placed[i]))
        if not any(c.name_like for c in concepts) and \
                all(self.stats.topic_word(s, doc) for c in concepts for s in c.stems if " " not in s):
            return [], None, False  # "where are exosomes discussed": what the whole document is about
        required = [i for i in range(len(concepts)) if len(placed[i]) <= rare] or [rarest]
        places = [st for st in placed[rarest] if all(self._names(st, concepts[i]) for i in required)]
        return places, concepts[rarest], False

    def answer(self, thing: str, doc: str, qv: np.ndarray, q_terms: set[str]) -> SurveyAnswer | None:
        """The places, or SurveyAnswer(places=0) when the document never names the thing (a
        name), or None when this is no question for a list of places."""
        # (A long form with "and" in it is one thing: "signal transducer and activator of transcription 3".)
        whole = any(re.search(r"\b(?:and|or)\b", long) and long.lower() in thing.lower()
                    for long in self.glossaries.get(doc, {}).values())
        parts = [thing] if whole else [p for p in re.split(r"\s*(?:,|\band\b|\bor\b|&)\s*", thing) if p.strip()]
        places: list[Sentence] = []
        anchor: dict[int, _Concept] = {}
        never: list[str] = []
        for part in parts:
            found, concept, unnamed = self._places(part, doc)
            if unnamed or not found:
                never.append(part)
            for st in found:
                if st.id not in anchor:
                    anchor[st.id] = concept
                    places.append(st)
        if not places:
            named_never = [p for p in parts if self._places(p, doc)[2]]
            return SurveyAnswer("", (), 0) if len(named_never) == len(parts) else None
        return self._listed(places, anchor, doc, qv, q_terms, never if len(parts) > 1 else [])

    def places_citing(self, numbers: list[int], doc: str, qv: np.ndarray, q_terms: set[str]) -> SurveyAnswer:
        """"What does reference 111 report?": the sentences and table rows that cite it, each
        shown around its marker (places=0 when the document never cites it)."""
        wanted = set(numbers)
        places = [st for st in self.by_doc.get(doc, [])
                  if wanted & set(refs_in(st.text)) or (st.kind == "table_row" and wanted & set(st.refs))]
        if not places:
            return SurveyAnswer("", (), 0)
        marker = _Concept(frozenset(), raw=re.compile(rf"(?<![\w.]){'|'.join(str(n) for n in sorted(wanted))}(?![\w.])"))
        return self._listed(places, {st.id: marker for st in places}, doc, qv, q_terms, [])

    def _listed(self, places: list[Sentence], anchor: dict[int, _Concept], doc: str, qv: np.ndarray,
                q_terms: set[str], never: list[str]) -> SurveyAnswer:
        """The places as a numbered list in the document's order, the closest to the question
        when they do not all fit, with the count."""
        places.sort(key=lambda st: st.span.start)
        # A study reported both in the text and as a table row is one place: its sentence,
        # which says more in the room the two would take, under the row's label (the setting).
        told = {r for st in places if st.kind != "table_row" for r in _refs(st)}
        rows = {r: st for st in places if st.kind == "table_row" for r in st.refs if r in told}
        places = [st for st in places if st.kind != "table_row" or not told & set(st.refs)]
        # A sentence reporting one study that a table sets out, as a row not among the places,
        # is labelled by that row too: "IL-10 upregulation [110]" is the kidney artery stenosis study.
        setting = {st.id: self.label_row(row) for st in places if st.kind != "table_row"
                   for row in [next((rows[r] for r in _refs(st) if r in rows), None)
                               or (self.row_of_ref.get((doc, _refs(st)[0])) if len(_refs(st)) == 1 else None)]
                   if row is not None}

        def closeness(st: Sentence) -> float:
            return float(self.vectors[st.id] @ qv) + WORDS_WEIGHT * self.stats.coverage(q_terms, self.own_terms[st.id], doc)

        noun = "place" if len(places) == 1 else "places"

        # A part of "A and B" the document never names is said, not dropped.
        unnamed = f" (not named: {', '.join(never)})" if never else ""

        def head(k: int) -> str:
            shown = f"; the {k} closest to the question" if k < len(places) else ""
            return f"{len(places)} {noun}{unnamed}{shown}:"

        n = min(len(places), MAX_PLACES)
        while n > 2 and (ANSWER_CHARS - len(head(n))) // n - PLACE_MARK < MIN_EXCERPT:
            n -= 1
        shown = sorted(sorted(places, key=closeness, reverse=True)[:n], key=lambda st: st.span.start)
        room = ANSWER_CHARS - len(head(n)) - PLACE_MARK * n
        # Short places take what they need; the long ones share the rest.
        out: dict[int, tuple[str, Citation]] = {}
        for k, i in enumerate(sorted(range(len(shown)), key=lambda i: len(shown[i].text))):
            st = shown[i]
            allowance = max(MIN_EXCERPT, room // (len(shown) - k))
            label = setting.get(st.id)
            text, cite = self._excerpt(st, anchor[st.id], allowance - (len(label) + 2 if label else 0))
            out[i] = (f"{label}: {text}" if label else text, cite)
            room -= len(out[i][0])
        body = " ".join(f"({i}) {out[i - 1][0]}" for i in range(1, len(shown) + 1))
        return SurveyAnswer(f"{head(len(shown))} {body}", tuple(out[i][1] for i in range(len(shown))), len(places),
                            all(st.kind == "table_row" for st in shown))

    def places_of_name(self, question: str, doc: str, qv: np.ndarray, q_terms: set[str]) -> SurveyAnswer | None:
        """'In which studies did MSC exosomes raise ATP?', 'mTOR: list every context': the
        places a name (miR-34a, IL-10, ATP) appears in, when the question asks across the
        document for one name it uses in a few places. (The caller leaves out questions pointing
        at a part: "Table 2".)"""
        if not asks_across(question):
            return None
        # (A name the whole document is about, "MSC", has too many places to list; a question
        # naming two specific things, "COPD, COVID-19", is not about one name's places.)
        found = [p for p in (self.answer(n, doc, qv, q_terms) for n in dict.fromkeys(names_in(question)))
                 if p is not None and 0 < p.places <= NAME_PLACES[1]]
        if len(found) != 1 or found[0].places < NAME_PLACES[0]:
            return None
        # Places that are all rows of a table: the table answer lists them, labelled by its columns.
        return None if found[0].rows_only else found[0]

    def _excerpt(self, st: Sentence, concept: _Concept, allowance: int) -> tuple[str, Citation]:
        if st.kind == "table_row":
            stems = {s for alt in concept.stems for s in alt.split()}
            return self.render_row(st, stems, allowance), Citation(st.refs, st.chunk_id, st.text, st.span)
        refs = _refs(st)
        body = st.text.strip()
        offset = len(st.text) - len(st.text.lstrip())
        shown = excerpt.fit(body, self._where(st, concept) - offset, allowance, refs)
        # The citation quotes what is shown: the window around the name.
        a, b = shown[-1]
        span = Span(st.span.start + offset + a, st.span.start + offset + b)
        return excerpt.quoted(body, shown, refs), Citation(refs, st.chunk_id, body[a:b], span)


_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"


def _written(short: str, long: str) -> re.Pattern[str]:
    """An abbreviation or its long form as words in a row, any dash or space between them (the
    long form in any case)."""
    words = rf"[\s{_DASHES}]+".join(re.escape(w) for w in re.split(rf"[\s{_DASHES}]+", long) if w)
    # (The short form as printed, case and all: "AT" is adipose tissue, "at" a preposition.)
    return re.compile(rf"(?<![\w{_DASHES}])(?:(?-i:{re.escape(short)}s?)|{words}s?)(?![\w{_DASHES}])", re.I)


def _refs(st: Sentence) -> tuple[int, ...]:
    """A sentence's own markers, else those closing its run (the same study's)."""
    return tuple(refs_in(st.text)) or st.refs


def _name_stem(word: str) -> str:
    """One stem for a word: a hyphenated name as its compound ("IL-10" -> il10)."""
    stems = analyze(word)
    if not stems:
        return ""
    return name_term(word) if "-" in word or "/" in word else stems[0]
