"""A word no document uses, read as the documents' word nearest to it in meaning: a reader's
word for what an article names in its own terms ("pee" -> "urine", "spit" -> "saliva",
"lab" -> "laboratory"). The caller keeps the reading only when it finds better evidence than
the question as typed (qa/answer.py), as it does with a typo's corrections.

The nearness is the embedding model's, of single words: it joins words of one meaning across
registers (kidney/renal 0.92, pee/urine 0.81, lab/laboratory 0.83) well above words of one
field only (kidney/liver 0.62, fracture/injury 0.65, gum/oral 0.64), which name other things."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from qa.evidence import generic_stems
from qa.index.lexical import STOP_WORDS
from qa.lexicon import english_counts
from qa.spelling import Correction, Speller

# Cosine of two words' embeddings from which one is read as the other (see the module note).
WORD_MEANING_MIN = 0.7
# A reader's everyday vocabulary: the most frequent this many English words (a word beyond it,
# "ulcer", "palsy", names a thing an article either mentions or does not cover).
EVERYDAY_WORDS = 10_000
_WORD = re.compile(r"[A-Za-z][a-z]{2,}")


class Meanings:
    """The corpus's words and their embeddings, computed on first use (about a thousand words a
    second: a question with no word outside the documents never pays for it)."""

    def __init__(self, speller: Speller, embed: Callable[[list[str]], np.ndarray] | None):
        self.speller = speller
        self.embed = embed
        self._lock = threading.Lock()
        self._words: list[str] | None = None
        self._vectors: np.ndarray | None = None

    def _vocabulary(self) -> tuple[list[str], np.ndarray]:
        with self._lock:
            if self._words is None:
                generic = generic_stems()
                stem = self.speller._stem
                words = sorted(w for w in self.speller.counts
                               if w not in STOP_WORDS and stem(w) not in generic)
                self._vectors = self.embed(words) if words else np.zeros((0, 1), dtype=np.float32)
                self._words = words
            return self._words, self._vectors

    def nearest(self, word: str, most: int = 3) -> list[str]:
        """The documents' words nearest in meaning to word and near enough, nearest first."""
        if self.embed is None:
            return []
        words, vectors = self._vocabulary()
        if not words:
            return []
        low = word.lower()
        sims = vectors @ self.embed([low])[0]
        order = np.argsort(-sims)[:most]
        # A reader says in common words what an article says in rarer ones ("pee": urine,
        # "stomach": gastric); read the other way a rare word becomes a broader one
        # ("menstrual": periods, "myocarditis": myocardium), which is another question.
        counts = english_counts()
        own = counts.get(low, 0)
        return [words[i] for i in order if sims[i] >= WORD_MEANING_MIN and counts.get(words[i], 0) < own]

    def reading(self, text: str) -> Correction | None:
        """text with each English word no document uses read as the documents' nearest word;
        None when no word is read otherwise, or when a word no document uses stays unread and
        names something specific: a name (capitalised inside the sentence), a non-word, or a
        word outside everyday English ("palsy", "ulcer", "zebrafish"): "cerebral palsy" is not
        covered because "cerebral" can be read as "neurological"; "pee" and "spit" are covered
        by what is said of urine and saliva."""
        pieces, last, changes, normalised = [], 0, [], []
        generic = generic_stems()
        counts = english_counts()
        for m in _WORD.finditer(text):
            w = m.group(0)
            low = w.lower()
            if low in STOP_WORDS or self.speller.known(low) or self.speller._stem(low) in generic:
                continue
            before = text[:m.start()].rstrip()
            if w[0].isupper() and before and before[-1] not in ".?!:":
                return None
            alt = self.speller.respell(low)
            if alt:  # the documents' national spelling: the same word
                normalised.append((w, alt))
                near = [alt]
            elif not self.speller.is_real(low):
                return None
            else:
                near = self.nearest(low)
            if not near:
                if counts.get(low, 0) < everyday_count():
                    return None
                continue
            if len(near) > 1:
                # The most familiar of the near words is the reader's: "chemo" is chemotherapy
                # to a reader, though its letters begin "chemokine" too.
                near = [max(near, key=lambda n: counts.get(n, 0))]
            pieces.append(text[last:m.start()])
            pieces.append(near[0])
            if not alt:
                changes.append((w, near[0]))
            last = m.end()
        if not changes:
            return None
        pieces.append(text[last:])
        return Correction("".join(pieces), tuple(changes), tuple(normalised))


@lru_cache(maxsize=1)
def everyday_count() -> int:
    """The count of the EVERYDAY_WORDS-th most frequent English word."""
    ranked = sorted(english_counts().values(), reverse=True)
    return ranked[min(EVERYDAY_WORDS, len(ranked)) - 1] if ranked else 0
