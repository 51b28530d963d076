"""Evidence and abstention: how much of a question the best results cover, in words and in
meaning, and whether that is enough to answer.

Term weights are counted per document, so adding an article to the corpus does not move the
weights (and the decisions) for another one."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from qa.answer_type import AGE, COUNT, PERCENT, SIZE, TIME, asked_kind, clauses, coordinated_phrases, gives, kind_words
from qa.index.lexical import analyze
from qa.lexicon import STANCE_WORDS, inflected_common
from qa.types import Hit

# Words of question phrasing, not of a topic: absent from a document, they say nothing about
# whether it covers the question (general English, not taken from any question set). Words of
# place ("inside the cell", "within the tumour") say something of the topic and are not here.
_QUESTION_WORDS = frozenset(
    """help give given make makes made use used using per entry entries study studies people way ways
    kind kinds anything something thing things show shows shown tell work works role roles effect effects
    main best better good report reported paper review article know known much many type types
    tell mention mentions mentioned describe described explain discuss discussed say says list lists listed
    row rows column columns table tables state states stated true false correct come came
    context contexts setting settings appear appears appeared summarise summarize summarised summarized
    summary overview according vs versus compare cover covers covered covering address addresses addressed
    among amongst apart besides despite whether either neither rather instead unless whereas although though
    go goes going went gone""".split()
)
# Words asking for an appraisal ("advantages and drawbacks of X"): phrasing for the judgement of
# coverage only; a table may have an "Advantages" column, so they stay words of the topic elsewhere.
_APPRAISAL_WORDS = """advantage advantages disadvantage disadvantages drawback drawbacks pros cons weakness
    weaknesses downside downsides merit merits shortcoming shortcomings pitfall pitfalls upside upsides""".split()


# A question asking for an appraisal names it in words a paper rarely uses of itself: papers
# write "limitations" (often a heading) and "strengths" or "advantages" (general English).
_APPRAISAL = [(re.compile(r"\b(?:weakness(?:es)?|drawbacks?|disadvantages?|shortcomings?|downsides?|cons|pitfalls?)\b", re.I),
               "limitations"),
              (re.compile(r"\b(?:pros|merits?|upsides?)\b", re.I), "strengths advantages")]


def appraisal_words(query: str) -> str:
    """The words papers use for the appraisal a question asks for ("weaknesses" -> "limitations")."""
    low = query.lower()
    return " ".join(word for pattern, word in _APPRAISAL if pattern.search(query) and word not in low)


_MEASURE_WORDS = frozenset(analyze("many much percentage percent proportion fraction share number"))
# ... and the words that ask how big, how long or how old: "10 mm" says a size without "size".
_EXTENT_WORDS = frozenset(analyze("size big large length long duration old age"))


@lru_cache(maxsize=1)
def appraisal_stems() -> frozenset[str]:
    return frozenset(analyze(" ".join(_APPRAISAL_WORDS)))


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    from qa.index.lexical import _stemmer

    stem = _stemmer().stemWord
    return frozenset(stem(w) for w in _QUESTION_WORDS)


def content_terms(text: str) -> set[str]:
    """The stems of a text that carry its topic."""
    generic = generic_stems()
    return {t for t in analyze(text, compounds=False) if t not in generic}


_NUMBERED_NAME = re.compile(r"([a-z]{2,4})\d")


def with_name_families(terms: set[str], families: set[str] | None = None) -> set[str]:
    """The terms and the family each numbered name belongs to ("cd63" is a CD, "il10" an IL):
    a question asking after "CD markers" or "IL levels" names them by their family. families:
    only these (see name_families)."""
    return terms | {m.group(1) for t in terms if (m := _NUMBERED_NAME.match(t)) and (families is None or m.group(1) in families)}


def name_families(term_sets: Iterable[set[str]]) -> set[str]:
    """The families a document names at least two members of ("cd63", "cd9"): one numbered
    name ("ct26", "co2", "spo2") makes no family a reader would ask after."""
    members: dict[str, set[str]] = {}
    for terms in term_sets:
        for t in terms:
            if m := _NUMBERED_NAME.match(t):
                members.setdefault(m.group(1), set()).add(t)
    return {f for f, ms in members.items() if len(ms) >= 2}


def related(a: str, b: str) -> bool:
    """Two stems of one word family: equal, or one is the other plus a short ending the
    stemmer left (microgli / microglia). Longer remainders are other words (period / periodont)."""
    if a == b:
        return True
    # A verb and its noun by the Latin d/s change: invade/invasion (invad, invas), divide/division.
    if len(a) == len(b) >= 5 and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"d", "s"}:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 2


TOPIC_MIN_PASSAGES = 4


class TermStats:
    """Document frequencies over the chunks, one table per document."""

    def __init__(self, chunk_terms: list[set[str]], chunk_docs: list[str], titles: dict[str, str] | None = None):
        self.n: dict[str, int] = {}
        # Every passage is read in its document's context: a question naming what the whole
        # article is about ("at Kamuzu Central Hospital") is not missing those words in a
        # passage that does not repeat them, and they do not pick out a table row.
        self.context: dict[str, set[str]] = {d: content_terms(t) for d, t in (titles or {}).items()}
        self.df: dict[str, dict[str, int]] = {}
        for terms, doc in zip(chunk_terms, chunk_docs):
            self.n[doc] = self.n.get(doc, 0) + 1
            df = self.df.setdefault(doc, {})
            for t in terms:
                df[t] = df.get(t, 0) + 1
        self.vocab: dict[str, set[str]] = {d: set(df) for d, df in self.df.items()}
        self._by_prefix: dict[str, dict[str, list[str]]] = {}
        for d, vocab in self.vocab.items():
            idx: dict[str, list[str]] = {}
            for t in vocab:
                if len(t) >= 5:
                    idx.setdefault(t[:5], []).append(t)
            self._by_prefix[d] = idx

    def idf(self, term: str, doc: str) -> float:
        n = self.n.get(doc, 0)
        return math.log((n + 1) / (self.df.get(doc, {}).get(term, 0) + 0.5))

    def topic_word(self, term: str, doc: str, share: float = 0.2) -> bool:
        """A word in more than share of a document's chunks: what it is about, not a detail."""
        n = self.n.get(doc, 0)
        df = self.df.get(doc, {}).get(term, 0)
        # In a short document two passages naming a thing do not make it the theme.
        return n > 0 and df > share * n and df >= TOPIC_MIN_PASSAGES

    def known(self, term: str, doc: str | None = None) -> bool:
        docs = [doc] if doc else list(self.vocab)
        for d in docs:
            if term in self.vocab[d] or term in self.context.get(d, ()):
                return True
            if len(term) >= 5 and any(related(term, t) for t in self._by_prefix[d].get(term[:5], ())):
                return True
        return False

    def coverage(self, terms: Iterable[str], have: set[str], doc: str) -> float:
        """idf-weighted share of terms found in have (a word of the same family counts)."""
        terms = list(terms)
        total = sum(self.idf(t, doc) for t in terms)
        if total <= 0:
            return 0.0
        found = sum(self.idf(t, doc) for t in terms if t in have or any(related(t, h) for h in have if h[:3] == t[:3]))
        return found / total


@dataclass
class Evidence:
    coverage: float  # idf-weighted share of the question's terms found in the best hit
    dense: float  # best cosine similarity of a chunk to the question
    score: float  # what the abstention threshold is applied to
    agreement: float = 0.0  # how near the top of both retrievers one of the best passages is
    missing: tuple[str, ...] = ()  # technical words of the question the documents never use


_PREFIXES = ("chemo", "hyper", "hypo", "inter", "intra", "micro", "macro", "multi", "nano", "over", "under",
             "trans", "anti", "post", "poly", "mono", "semi", "auto", "self", "pre", "pro", "non", "sub", "neo",
             "co", "re", "bi", "tri")


_PART_NAMED = re.compile(r"\b(?:tables?|fig(?:ure)?s?\.?)\s+\d{1,3}\b", re.I)


def part_name_terms(question: str) -> set[str]:
    """The words by which the question points at a part of the document ("Table 2": tabl, 2)."""
    return content_terms(" ".join(m.group() for m in _PART_NAMED.finditer(question)))


def question_terms(question: str) -> set[str]:
    """The question's topic stems. "Table 2", "Fig. 3" point at a part of the document
    (checked on their own); the number is no word of the topic."""
    return content_terms(_PART_NAMED.sub(" ", question))


# Retrievers agreeing counts in a document of at least this many chunks (in a shorter one the
# two searches' first five share most of their passages by chance).
AGREEMENT_MIN_CHUNKS = 50
EVIDENCE_DEPTH = 5  # the first results the evidence is read from
PARTS_DEPTH = 3  # the first passages a question of several parts is covered by together


def in_parts(question: str) -> bool:
    """A question of several parts ("which studies ..., and what did each find?", "in the
    liver, in the kidney and in the heart"): each part may be answered in a passage of its own."""
    return len(question_parts(question)) >= 2


def question_parts(question: str) -> list[str]:
    """The parts of a question of several: each question it asks with the words setting their
    scene, or the question with one member of its coordinated phrases in place of them all."""
    scene, asked = clauses(question)
    if len(asked) >= 2:
        return [f"{scene} {a}".strip() for a in asked]
    lists = coordinated_phrases(question)
    if not lists:
        return [question]
    members = lists[0]
    rest = question
    for m in members:
        rest = rest.replace(m, " ")
    return [f"{rest} {m}" for m in members]


@dataclass(frozen=True)
class EvidenceWeights:
    """What each measure weighs in the evidence score (set with the thresholds in config). The
    score is their weighted mean, so the thresholds keep their scale whatever the weights."""
    coverage: float
    dense: float
    agreement: float

    @classmethod
    def of(cls, settings) -> "EvidenceWeights":
        return cls(settings.abstain_coverage_weight, settings.abstain_dense_weight, settings.abstain_agreement_weight)

    def score(self, coverage: float, dense: float, agreement: float | None) -> float:
        """agreement None: not measured (a short document), the other two carry its weight."""
        parts = [(self.coverage, coverage), (self.dense, dense)] + ([(self.agreement, agreement)] if agreement is not None else [])
        total = sum(w for w, _ in parts)
        return sum(w * v for w, v in parts) / total if total > 0 else 0.0


def agreement(hits: list[Hit]) -> float:
    """How near the top of both retrievers the same passage is: the best, over the first five
    hits of the leading document, of the lower of its two normalised scores. A question the
    document answers in other words still has its passage found by both; an off-topic one
    sharing a word gets the word's passage from BM25 and another from the embeddings."""
    if not hits:
        return 0.0
    doc = hits[0].chunk.doc_id
    # (The leading document's first five: another article's results between them change nothing.)
    return max((min(h.scores.get("bm25_norm", 0.0), h.scores.get("dense_norm", 0.0))
                for h in [h for h in hits if h.chunk.doc_id == doc][:EVIDENCE_DEPTH]), default=0.0)


class Judge:
    """Decides 'not covered' from words and meaning together."""

    def __init__(self, stats: TermStats, chunk_terms: list[set[str]], chunk_pos: dict[str, int],
                 threshold: float, missing_threshold: float, weights: EvidenceWeights, count_pieces=None):
        self.weights = weights
        self.stats = stats
        self.chunk_terms = chunk_terms
        self.chunk_pos = chunk_pos
        self.threshold = threshold
        self.missing_threshold = missing_threshold
        self.count_pieces = count_pieces

    def evidence(self, question: str, hits: list[Hit]) -> Evidence:
        terms = question_terms(question) - appraisal_stems()
        if hits:
            # A word of stance or degree the document never uses ("finally enrolled", "actually
            # go to") says how the question is put, not what it is about.
            doc = hits[0].chunk.doc_id
            # (The adverb itself: "general anaesthesia" is not "generally".)
            said = {w for w in re.findall(r"[a-z]+", question.lower()) if w in STANCE_WORDS}
            terms -= {t for t in content_terms(" ".join(said)) if not self.stats.known(t, doc)}
        # "What are its weaknesses?": a passage saying "limitations" meets it; one that does
        # not is not judged by a word the question never used.
        alt = content_terms(appraisal_words(question))
        # "What percentage ...": a passage stating one ("31 (48.4)" under "n (%)") meets the
        # word "percentage" without saying it.
        # So does a size, a duration or an age ("10 mm" meets "what size"). (Only the words that
        # ask "how much" or "how big": "half-life", "dose" or the "sample" of "sample size" name
        # what is measured.)
        kind = asked_kind(question)
        measure = set(analyze(kind_words(question))) & (
            _MEASURE_WORDS if kind in (PERCENT, COUNT) else _EXTENT_WORDS if kind in (SIZE, TIME, AGE) else set())
        cov = 0.0
        for h in hits[:EVIDENCE_DEPTH]:
            i = self.chunk_pos[h.chunk.id]
            have = self.chunk_terms[i] | self.stats.context.get(h.chunk.doc_id, set())
            asked = terms - measure if measure and gives(kind, h.chunk.text) else terms
            cov = max(cov, self.stats.coverage(asked | (alt & have), have, h.chunk.doc_id))
        if hits and in_parts(question):
            # Each part is covered by one of the leading document's first passages, the parts
            # by different ones: the question is as covered as its least covered part.
            doc = hits[0].chunk.doc_id
            first = [h for h in hits if h.chunk.doc_id == doc][:PARTS_DEPTH]
            haves = [self.chunk_terms[self.chunk_pos[h.chunk.id]] | self.stats.context.get(doc, set()) for h in first]
            least = min((max(self.stats.coverage(part, have, doc) for have in haves)
                         for part in (question_terms(p) - appraisal_stems() for p in question_parts(question)) if part),
                        default=0.0)
            cov = max(cov, least)
        dense = max((h.scores.get("dense", 0.0) for h in hits), default=0.0)
        agree = agreement(hits)
        # In a short document the two retrievers meet by chance: agreement is not counted.
        long_doc = bool(hits) and self.stats.n.get(hits[0].chunk.doc_id, 0) >= AGREEMENT_MIN_CHUNKS
        score = self.weights.score(cov, dense, agree if long_doc else None)
        return Evidence(cov, dense, score, agree, tuple(self.missing_terms(question)))

    def missing_terms(self, question: str) -> list[str]:
        """Words of the question naming something no document mentions, even as a derivation
        (chemoresistance is 'resistance' with a prefix): technical words (the embedding model's
        vocabulary splits them into three or more pieces; common words are whole pieces) and
        names (capitalised inside the sentence, acronyms, words with digits: FDA, Parkinson's)."""
        out = []
        for m in re.finditer(r"[A-Za-z][A-Za-z0-9]+", question):
            w = m.group(0)
            terms = content_terms(w)
            if not terms or all(self.stats.known(t) for t in terms):
                continue
            low = w.lower()
            rests = [low[len(p):] for p in _PREFIXES if low.startswith(p) and len(low) - len(p) >= 4]
            if any(content_terms(r) and all(self.stats.known(t) for t in content_terms(r)) for r in rests):
                continue
            # Capitalised inside a sentence (not its first word: "... isolates? Name the genes";
            # but after "vs." or "Dr." a capital is a name).
            before = question[:m.start()].rstrip()
            opens = not before or before[-1] in "?!" or (
                before[-1] == "." and not re.search(r"\b(?:vs|Dr|al|e\.g|i\.e|cf|Fig|no|St)\.$", before, re.I))
            name = (not opens and w[0].isupper()) or (len(w) >= 2 and w.isupper()) or any(c.isdigit() for c in w)
            if not name and inflected_common(low):
                continue  # "undisturbed", "reliably": how a thing is, in words any writer may use
            pieces = self.count_pieces(low) if self.count_pieces else (3 if len(low) >= 9 else 1)
            if pieces >= 3 or name:
                out.append(w)
        return out

    def abstains(self, ev: Evidence) -> bool:
        return ev.score < self.threshold or (bool(ev.missing) and ev.score < self.missing_threshold)
