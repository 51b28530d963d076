"""BM25 over the chunks (bm25s), with an analyzer that knows the field's written forms:
miR-16 / microRNA-16 / mir16 are one token, HIF-1α and HIF-1alpha too, and a hyphenated
compound (BM-MSCs) is indexed as its parts and as the whole."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "μ": "mu", "ε": "epsilon"}
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves what which whose thus via may might must shall""".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def normalize(text: str) -> str:
    """One written form for the field's variants, before tokenizing."""
    t = unicodedata.normalize("NFKC", text)
    for g, name in _GREEK.items():
        t = t.replace(g, name)
    t = t.replace("×", " x ").replace("–", "-").replace("—", "-").replace("’", "'")
    # microRNA-16, miRNA-16, mir16, miR 16 -> miR-16
    t = re.sub(r"\b(?:micro-?rna|mirna|mir)[\s-]?(\d+[a-z]?(?:-\d+[a-z]?)?)\b", r"miR-\1", t, flags=re.I)
    t = re.sub(r"\bmicro-?rnas?\b", "miRNA", t, flags=re.I)
    t = re.sub(r"\bmirnas\b", "miRNA", t, flags=re.I)
    t = re.sub(r"\blet-?(\d+[a-z]?)\b", r"let-\1", t, flags=re.I)
    # Plural acronyms: MSCs -> MSC, HUVECs -> HUVEC (the stemmer leaves them alone).
    t = re.sub(r"\b([A-Z][A-Z0-9]+)s\b", r"\1", t)
    return t


def analyze(text: str, compounds: bool = True) -> list[str]:
    """Index terms of a text: lowercased, stemmed, stopwords out, compounds kept whole too."""
    out: list[str] = []
    stem = _stemmer().stemWord
    for raw in normalize(text).lower().split():
        word = raw.strip(".,;:!?()[]{}\"'“”‘’*")
        if not word:
            continue
        parts = [p for p in re.split(r"[^a-z0-9]+", word) if p]
        for p in parts:
            if p in _STOP:
                continue
            out.append(stem(p) if p.isalpha() else p)
        if compounds and len(parts) > 1:
            joined = "".join(parts)
            out.append(stem(joined) if joined.isalpha() else joined)
    return out


class Lexical:
    def __init__(self, retriever=None):
        self.retriever = retriever

    @classmethod
    def build(cls, texts: list[str]) -> "Lexical":
        import bm25s

        r = bm25s.BM25()
        r.index([analyze(t) or [""] for t in texts], show_progress=False)
        return cls(r)

    def scores(self, terms: list[str]) -> np.ndarray:
        known = [t for t in terms if t in self.retriever.vocab_dict]
        if not known:
            return np.zeros(self.retriever.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.retriever.get_scores(known), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self.retriever.save(str(folder))

    @classmethod
    def load(cls, folder: Path) -> "Lexical":
        import bm25s

        return cls(bm25s.BM25.load(str(folder)))
