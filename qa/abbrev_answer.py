""""What does ALIX stand for?": answered from the document's own abbreviations (its glossary,
built from "long form (SHORT)" in the text and from table Notes), quoting where the document
defines it. A reader's question about an abbreviation is a question about the document's usage,
not about the passage that happens to rank first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.ingest.refs import refs_in
from qa.spelling import damerau
from qa.types import Citation, Sentence, Span

_TOKEN = r"([A-Za-z][A-Za-z0-9α-ω\-/]{0,14})"
_ASKS = [
    re.compile(rf"\bwhat\s+(?:does|do|did)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+|term\s+)?[\"'“‘]?{_TOKEN}[\"'”’]?\s+"
               r"(?:stand\s+for|mean|abbreviate)\b", re.I),
    re.compile(rf"\bwhat\s+(?:is|are)\s+[\"'“‘]?{_TOKEN}[\"'”’]?\s+(?:short|an?\s+abbreviation)\s+for\b", re.I),
    re.compile(rf"\b(?:full|long|expanded)\s+(?:form|name)\s+of\s+(?:the\s+)?(?:abbreviation\s+)?[\"'“‘]?{_TOKEN}", re.I),
    # "the abbreviation ESCRT" (an abbreviation has a capital or a digit: "abbreviation meaning" names none)
    re.compile(rf"\b(?i:abbreviation|acronym)\s+[\"'“‘]?(?=[a-z0-9α-ω\-/]*[A-Z0-9]){_TOKEN}[\"'”’]?"),
    re.compile(rf"\b(?i:abbreviation|acronym)\s+[\"'“‘]?{_TOKEN}[\"'”’]?\s+(?i:stand|stands|mean|means)\b"),
    re.compile(rf"^\s*{_TOKEN}\s+(?:stands\s+for|abbreviation|acronym)\b", re.I),
    # "What is ESCRT?" and nothing more: an abbreviation asked for what it is (capitals only,
    # so that "What is apoptosis?" is searched as usual).
    re.compile(r"^\s*(?i:what\s+(?:is|are)\s+(?:an?\s+|the\s+)?)([A-Z][A-Z0-9\-]{1,11}s?)\s*\??\s*$"),
]


@dataclass(frozen=True)
class AbbrevAnswer:
    text: str
    citations: tuple[Citation, ...]
    doc_id: str
    did_you_mean: str | None = None  # the question with a mistyped abbreviation corrected


def asked_abbreviation(question: str) -> str | None:
    for pattern in _ASKS:
        m = pattern.search(question)
        if m:
            return m.group(1).rstrip("-/")
    return None


class AbbrevAnswerer:
    def __init__(self, glossaries: dict[str, dict[str, str]], sentences: list[Sentence]):
        self.glossaries = glossaries
        self.sentences = sentences
        self._lower = {d: {k.lower(): k for k in g} for d, g in glossaries.items()}

    def answer(self, question: str, prefer_doc: str | None = None) -> AbbrevAnswer | None:
        short = asked_abbreviation(question)
        if not short:
            return None
        docs = sorted(self.glossaries, key=lambda d: d != prefer_doc)
        found = [(doc, key) for doc in docs if (key := self._lookup(doc, short))]
        typo = None
        if not found and len(short) >= 4:
            # One letter off ("ALXI" for ALIX): the document's abbreviation, if only one is that near.
            near = [(doc, k) for doc in docs for k in self.glossaries[doc] if damerau(short.lower(), k.lower(), 1) <= 1]
            if len({k for _, k in near}) == 1:
                found, typo = near[:1], near[0][1]
        for doc, key in found:
            long = self.glossaries[doc][key]
            where = self._defined_in(doc, key, long)
            fixed = re.sub(rf"(?<![\w-]){re.escape(short)}(?![\w-])", key, question) if typo else None
            if where is None:
                return AbbrevAnswer(f"{key} stands for {long} (the document's abbreviations).", (), doc, fixed)
            refs = tuple(refs_in(where.text))
            cite = Citation(refs, where.chunk_id, where.text, where.span)
            return AbbrevAnswer(f"{key} stands for {long}. “{where.text.strip()}”", (cite,), doc, fixed)
        return None

    def _lookup(self, doc: str, short: str) -> str | None:
        low = self._lower.get(doc, {})
        # MSC and MSCs are one abbreviation.
        return next((low[f] for f in (short.lower(), short.lower() + "s", short.lower().removesuffix("s")) if f in low),
                    None)

    def _defined_in(self, doc: str, short: str, long: str) -> Sentence | None:
        """The first sentence that gives the long form with the abbreviation beside it."""
        word = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])")
        lf = " ".join(long.lower().split())
        for st in self.sentences:
            if st.doc_id == doc and word.search(st.text) and lf in " ".join(st.text.lower().split()):
                return st
        return None
