"""Answers to "what is this review about?": the sentences in which the document states its own aim.

A question about the document as a whole ("what topics does this review cover", "what was the
aim of the study", "summarise this article") shares no topic word with any passage, so the
ordinary answer finds nothing and says "not covered". Papers state their aim in set phrases
("In the current review, we deliver an overview of ...", "Herein, we discuss ...", "This
study aimed to ...", "The objective was to ..."): those sentences, in the document's order
(the abstract's first), answer it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa import excerpt
from qa.ingest.refs import refs_in
from qa.passage_answer import ANSWER_CHARS
from qa.types import Citation, Sentence, Span

_WORK = r"(?:review|paper|article|study|trial|analysis|work|report|survey|manuscript)"
# The document itself: "this review", "our study", "the present trial", "the study" (at the end
# of the question: "the study by Zhang" is a cited one).
_THIS = rf"(?:this|our|the(?:\s+(?:current|present))?)\s+(?:[\w\-]+\s+){{0,2}}?{_WORK}"
_IS = r"(?:'s|’s|\s+is|\s+was|\s+are|\s+were)"
# Nothing after it but a word on how to answer: "... this review cover regarding football?" and
# "the aim of the study by Zhang" ask about something in it.
_END = r"\s*,?\s*(?:(?:in\s+brief|briefly|in\s+short|in\s+a\s+few\s+words|for\s+me|please)\s*)?(?:[?.!]|$)"
# The question asks what the document as a whole is about.
_ASKS = [re.compile(p, re.I) for p in (
    rf"\bwhat\s+(?:\w+\s+){{0,2}}?(?:topics?|subjects?|areas?|themes?|questions?|issues?|aspects?|ground)\s+"
    rf"(?:does|do|did|will)\s+{_THIS}\s+(?:cover|address|discuss|deal\s+with|review|examine|treat|tackle){_END}",
    rf"\bwhat{_IS}\s+{_THIS}\s+(?:mainly\s+|mostly\s+|all\s+|really\s+)?about{_END}",
    rf"\bwhat\s+(?:does|did)\s+{_THIS}\s+(?:mainly\s+)?(?:cover|address|discuss|review|examine|investigate|"
    rf"set\s+out\s+to\s+do|aim\s+to\s+do){_END}",
    rf"\bwhat{_IS}\s+the\s+(?:main\s+|overall\s+|central\s+)?(?:aims?|purposes?|goals?|objectives?|scope|focus|subject|"
    rf"topics?|themes?)\s+of\s+{_THIS}{_END}",
    rf"^\W*(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:summari[sz]e|give\s+(?:me\s+)?an?\s+(?:overview|summary)\s+of|"
    rf"an?\s+(?:overview|summary)\s+of|the\s+gist\s+of)\s+{_THIS}{_END}",
    rf"\bwhy\s+(?:was|did)\s+{_THIS}\s+(?:get\s+)?(?:written|done|conducted|carried\s+out){_END}",
)]
# A sentence in which the paper states its aim or what it covers: one that opens with the
# paper as its subject ("This review covers ...", "In the current review, we ...", "The present
# study aimed ..."), "Here(in), we ...", "We aimed to ...", "The aim of this study was ...".
# ("In this study, ..." inside a review's paragraph reports a cited study: a study or trial
# opening the sentence counts with "present", "current" or "our", or with a verb of aim.)
_SELF = r"(?:this|the\s+(?:current|present)|our)\s+(?:[\w\-]+\s+){0,2}?(?:review|paper|article|manuscript|overview)"
_OWN_STUDY = r"(?:the\s+(?:current|present)|our)\s+(?:[\w\-]+\s+){0,2}?(?:study|trial|analysis|work|survey)"
_STATES = re.compile(
    rf"^\W*(?:(?:in|with)\s+)?(?:{_SELF}|{_OWN_STUDY})\b|"
    rf"^\W*(?:in\s+)?this\s+(?:[\w\-]+\s+){{0,2}}?(?:study|trial|analysis|work)\s*,?\s+(?:we\b|aim|aimed|sought|set\s+out|was\s+designed)|"
    rf"\bhere(?:in)?\s*,?\s+we\b|\bwe\s+(?:aim|aimed|sought|set\s+out)\s+to\b|"
    rf"\bthe\s+(?:main\s+|primary\s+)?(?:aim|purpose|goal|objective)s?\s+of\s+{_THIS}\s+(?:is|was|were|are)\b",
    re.I)
# ... but not its appraisal of itself ("This review has limitations."): that is no aim.
_APPRAISES = re.compile(rf"^\W*(?:{_SELF}|{_OWN_STUDY})\s+(?:has|had|have|is|was)\s+(?:[\w\-]+\s+){{0,2}}?"
                        rf"(?:limitations|weaknesses|shortcomings|drawbacks|strengths)\b", re.I)
MAX_SENTENCES = 2  # the abstract's statement and the introduction's, at most


def asks_about_document(question: str) -> bool:
    return any(p.search(question) for p in _ASKS)


@dataclass(frozen=True)
class OverviewAnswer:
    text: str
    citations: tuple[Citation, ...]


class Overview:
    def __init__(self, sentences: list[Sentence]):
        self.aims: dict[str, list[Sentence]] = {}
        for st in sentences:
            if st.kind == "sentence" and _STATES.search(st.text) and not _APPRAISES.search(st.text):
                self.aims.setdefault(st.doc_id, []).append(st)
        for sts in self.aims.values():
            sts.sort(key=lambda st: st.span.start)

    def answer(self, question: str, doc: str) -> OverviewAnswer | None:
        """The document's statements of its aim when the question asks what it is about; None
        for any other question, or when the document states none."""
        if not asks_about_document(question):
            return None
        parts, cites, length = [], [], 0
        for st in self.aims.get(doc, [])[:MAX_SENTENCES]:
            text = st.text.strip()
            offset = len(st.text) - len(st.text.lstrip())
            if parts and length + len(text) + 3 > ANSWER_CHARS:
                break
            # (A statement longer than an answer is cut after its opening.)
            shown = excerpt.fit(text, 0, ANSWER_CHARS - length, refs_in(text))
            a, b = shown[-1]
            parts.append(excerpt.quoted(text, shown, refs_in(text)))
            cites.append(Citation(tuple(refs_in(text)), st.chunk_id, text[a:b],
                                  Span(st.span.start + offset + a, st.span.start + offset + b)))
            length += len(parts[-1]) + 1
        if not parts:
            return None
        return OverviewAnswer(" ".join(parts), tuple(cites))
