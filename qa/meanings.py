"""A word no document uses, read as the documents' word nearest to it in meaning: a reader's
word for what an article names in its own terms ("pee" -> "urine", "spit" -> "saliva",
"lab" -> "laboratory"). The caller tries a reading only for a question not covered as typed
and keeps it only when it finds the answer (qa/answer.py).

The nearness is the embedding model's, of single words. It joins words of one meaning across
registers (kidney/renal 0.92, pee/urine 0.81, lab/laboratory 0.83), but also words of one
kind (men/women 0.72, wife/husband 0.87, faster/slower 0.88), which name other things. Two
marks of a register shift tell them apart: the reader's word is clearly the commoner (pee is
2.5 times as common as urine in general English; men and women, wife and husband are about
equally common), and a reading into another everyday word needs to be nearer still. A word of
degree (faster, older, lower) is never read as another: its nearest words are its opposites."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from qa.evidence import generic_stems
from qa.index.lexical import STOP_WORDS
from qa.lexicon import FREQUENT_WORD, LEXICON_FLOOR, english_counts, inflected_common
from qa.spelling import Correction, Speller

# Cosine of two words' embeddings from which one is read as the other (see the module note) ...
WORD_MEANING_MIN = 0.7
# ... and when the documents' word is itself an everyday word (pee/urine 0.81, lab/laboratory 0.83).
EVERYDAY_MEANING_MIN = 0.8
# The reader's word is at least this many times as common in general English as the documents'.
REGISTER_RATIO = 2.0
# A reader's everyday vocabulary: the most frequent this many English words (a word beyond it,
# "ulcer", "palsy", names a thing an article either mentions or does not cover).
EVERYDAY_WORDS = 10_000
_WORD = re.compile(r"[A-Za-z][a-z]{2,}")


@lru_cache(maxsize=1)
def everyday_count() -> int:
    """The count of the EVERYDAY_WORDS-th most frequent English word."""
    ranked = sorted(english_counts().values(), reverse=True)
    return ranked[min(EVERYDAY_WORDS, len(ranked)) - 1] if ranked else 0


def graded(word: str) -> bool:
    """A comparative or superlative of a frequent English word, by its form ("faster", "bigger",
    "happiest"; "liver" and "marker" pass too, which is harmless where both words must be one)."""
    counts = english_counts()
    for ending in ("est", "er"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            root = word[: -len(ending)]
            bases = [root, root + "e", root[:-1] + "y" if root.endswith("i") else "",
                     root[:-1] if len(root) >= 3 and root[-1] == root[-2] else ""]
            return any(b and counts.get(b, 0) >= FREQUENT_WORD for b in bases)
    return False


class Meanings:
    """The corpus's English words and their embeddings, computed once (about a thousand words a
    second; warm() at start-up, else on the first question not covered as typed)."""

    def __init__(self, speller: Speller, embed: Callable[[list[str]], np.ndarray] | None):
        self.speller = speller
        self.embed = embed
        self._lock = threading.Lock()
        self._words: list[str] | None = None
        self._vectors: np.ndarray | None = None

    def warm(self) -> None:
        if self.embed is not None:
            self._vocabulary()

    def _vocabulary(self) -> tuple[list[str], np.ndarray]:
        with self._lock:
            if self._words is None:
                generic = generic_stems()
                counts = english_counts()
                # (English words only: names, symbols and fragments are no reading of a reader's word.)
                words = sorted(w for w in self.speller.counts if counts.get(w, 0) >= LEXICON_FLOOR
                               and w not in STOP_WORDS and self.speller.stem(w) not in generic)
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
        counts = english_counts()
        own = counts.get(low, 0)
        out = []
        for i in np.argsort(-sims)[:most]:
            theirs = counts.get(words[i], 0)
            floor = EVERYDAY_MEANING_MIN if theirs >= everyday_count() else WORD_MEANING_MIN
            # (A word of degree is near its opposite: "faster" is no "slower".)
            if sims[i] >= floor and theirs * REGISTER_RATIO <= own and not (graded(low) and graded(words[i])):
                out.append(words[i])
        return out

    def reading(self, text: str) -> Correction | None:
        """text with each English word no document uses read as the documents' nearest word;
        None when no word is read otherwise, or when a word no document uses stays unread and
        may name what the question is about: a name (capitalised inside the sentence), a
        non-word, a word outside everyday English ("palsy": "cerebral" read as "neurological"
        covers no cerebral palsy) or an everyday word other than a regular form of one
        ("horses" in "the pee of horses"; "picked" in "picked up in pee" says how, not what)."""
        pieces, last, changes, normalised = [], 0, [], []
        generic = generic_stems()
        counts = english_counts()
        for m in _WORD.finditer(text):
            w = m.group(0)
            low = w.lower()
            if low in STOP_WORDS or self.speller.known(low) or self.speller.stem(low) in generic:
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
                if counts.get(low, 0) < everyday_count() or not inflected_common(low):
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
