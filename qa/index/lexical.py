"""BM25 over the chunks (bm25s), with an analyzer that knows the field's written forms:
miR-16 / microRNA-16 / mir16 are one token, HIF-1α and HIF-1alpha too, and a hyphenated
compound (BM-MSCs) is indexed as its parts and as the whole."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from qa.lexicon import DEMONYMS, SAME_WORD

_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "μ": "mu", "ε": "epsilon"}
STOP_WORDS = frozenset(
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


def stem_word(word: str) -> str:
    """One word's index stem (lower-case alphabetic word in, as analyze() stems it)."""
    return _stem(word, _stemmer().stemWord)


def _stem(word: str, stem) -> str:
    """The word's stem, except for an inflammation named by "-itis" (pancreatitis, hepatitis,
    myocarditis): the stemmer would make it its organ's adjective (pancreatic, hepatic), another
    thing in medicine."""
    if word.endswith("itis") and len(word) >= 7:
        return word
    return stem(word)


def analyze(text: str, compounds: bool = True) -> list[str]:
    """Index terms of a text: lowercased, stemmed, stopwords out, compounds kept whole too."""
    out: list[str] = []
    stem = _stemmer().stemWord
    for written in normalize(text).split():
        word = written.lower().strip(".,;:!?()[]{}\"'“”‘’*")
        if not word:
            continue
        # (A nationality is written with a capital: "nail polish" is no Poland.)
        parts = [p if p in DEMONYMS and not written.strip("([\"'“‘")[:1].isupper() else SAME_WORD.get(p, p)
                 for p in re.split(r"[^a-z0-9]+", word) if p]
        for p in parts:
            if p in STOP_WORDS:
                continue
            out.append(_stem(p, stem) if p.isalpha() else p)
        if compounds and len(parts) > 1:
            joined = "".join(parts)
            out.append(_stem(joined, stem) if joined.isalpha() else joined)
            out.extend(_named_members(word, parts))
    return out


def name_term(text: str) -> str:
    """The one term that names what a name's last word writes: "IL-10" -> il10, "miR-222-3p"
    -> mir2223p (the whole compound, not the names it also stands for); "" when none."""
    for word in reversed(text.split()):
        terms = analyze(word)
        if terms:
            n = len(analyze(word, compounds=False))
            return terms[n] if len(terms) > n else terms[-1]
    return ""


_NAME = re.compile(r"[a-z]+\d+[a-z]?")  # a name with its number: mir21, mir146a, il6, erk1, let7c


def _named_members(word: str, parts: list[str]) -> list[str]:
    """The names a suffixed or slashed name stands for: "miR-222-3p" is miR-222 (the arm
    says which strand), "hsa-miR-21-5p" miR-21, "miR-222/223" miR-222 and miR-223,
    "miR-146a/b" miR-146a and miR-146b, "ERK1/2" ERK1 and ERK2, so a question naming one meets
    every written form. Only a name with its number shares its letters ("C57BL/6" is a
    mouse strain, not C57BL and C6)."""
    alts = [[p for p in re.split(r"[^a-z0-9]+", a) if p] for a in word.split("/")]
    alts = [a for a in alts if a]
    joined = "".join(parts)
    names: list[str] = []
    # The first word and number that make a name, in the first alternative ("hsa-miR-21-5p").
    first = alts[0] if alts else []
    head = next((x + y for x, y in zip(first, first[1:]) if x.isalpha() and re.fullmatch(r"\d+[a-z]?", y)), None)
    if head is None and len(first) == 1 and _NAME.fullmatch(first[0]):
        head = first[0]
    if head is not None and len(first) > 1:
        names.append(head)
    if len(alts) > 1:
        for bits in alts[1:]:
            alt = "".join(bits)
            if head is not None and bits[0].isdigit():
                names.append(re.match(r"[a-z]+", head).group() + alt)  # "222/223": the letters of the first
            elif head is not None and re.fullmatch(r"[a-z]", alt) and head[-1].isalpha():
                names.append(head[:-1] + alt)  # "146a/b": the first's number
            elif len(bits) > 1:
                names.append(alt)
    out = [n if not n.isalpha() else stem_word(n) for n in names]
    return [n for n in dict.fromkeys(out) if n != joined]


class Lexical:
    """BM25 with one set of statistics per document: adding a document does not move the
    term weights, and so the ranking, of the others (IDF is a property of one document's
    chunks, not of whatever else happens to be indexed beside it)."""

    def __init__(self, parts: list[tuple[str, object, np.ndarray]] | None = None, n: int = 0):
        self.parts = parts or []  # (doc id, bm25s retriever, positions of its chunks)
        self.n = n

    @classmethod
    def build(cls, texts: list[str], doc_ids: list[str] | None = None) -> "Lexical":
        import bm25s

        doc_ids = doc_ids or [""] * len(texts)
        parts = []
        for d in dict.fromkeys(doc_ids):
            pos = np.array([i for i, x in enumerate(doc_ids) if x == d], dtype=np.int64)
            r = bm25s.BM25()
            r.index([analyze(texts[i]) or [""] for i in pos], show_progress=False)
            parts.append((d, r, pos))
        return cls(parts, len(texts))

    @property
    def doc_ids(self) -> list[str]:
        return [d for d, _, _ in self.parts]

    def scores(self, terms: list[str] | dict[str, list[str]]) -> np.ndarray:
        """BM25 score of every chunk; `terms` may differ per document (a dict by doc id), as
        when a query is expanded with each document's own glossary."""
        out = np.zeros(self.n, dtype=np.float32)
        for d, r, pos in self.parts:
            t = terms.get(d, []) if isinstance(terms, dict) else terms
            known = [x for x in t if x in r.vocab_dict]
            if known:
                out[pos] = np.asarray(r.get_scores(known), dtype=np.float32)
        return out

    def save(self, folder: Path) -> None:
        import json

        folder.mkdir(parents=True, exist_ok=True)
        for k, (_, r, _) in enumerate(self.parts):
            r.save(str(folder / str(k)))
        (folder / "parts.json").write_text(json.dumps(
            {"n": self.n, "parts": [{"doc": d, "positions": pos.tolist()} for d, _, pos in self.parts]}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "Lexical":
        import json

        import bm25s

        meta = json.loads((folder / "parts.json").read_text(encoding="utf-8"))
        parts = [(p["doc"], bm25s.BM25.load(str(folder / str(k))), np.array(p["positions"], dtype=np.int64))
                 for k, p in enumerate(meta["parts"])]
        return cls(parts, meta["n"])
