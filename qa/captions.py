"""Captions: figures asked by number, and caption titles kept out of answers.

"What does Figure 3 show?" shares few words with any passage; the figure's caption says what
it shows. A caption's opening sentence ("Fig. 3 Extracellular vesicle (EVs) biogenesis.") is its
title: it names a topic without saying anything of it, so it is never an answer sentence of its
own (a sentence of running text that opens with "Figure 2 shows that ..." is not a title)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa import excerpt
from qa.evidence import TermStats
from qa.index.lexical import analyze
from qa.passage_answer import ANSWER_CHARS
from qa.types import Chunk, Citation, Sentence, Span

# A caption's opening: "Fig. 3", "Figure 2.", "Table 1" (a figure's number, with a panel letter).
_OPENING = re.compile(r"^\W*(?P<what>fig(?:ure)?|table)\.?\s*(?P<n>\d{1,3})[a-z]?\b", re.I)
_LABELLED = re.compile(r"^\W*fig(?:ure)?\.?\s*\d{1,3}[a-z]?\s*[.:]", re.I)
TITLE_WORDS = 15  # a caption's opening sentence this short is its title
# Of what a question asks of a figure (its words other than the pointer), the share its caption
# must say for the caption to answer: a caption naming one of the words is not about the rest.
FIGURE_COVERAGE = 0.5


@dataclass(frozen=True)
class _Caption:
    chunk_id: str
    start: int
    end: int  # a long caption runs over several windows: the end of the last
    refs: tuple[int, ...]
    title_only: bool


class Captions:
    def __init__(self, chunks: list[Chunk], sentences: list[Sentence], doc_texts: dict[str, str], stats: TermStats):
        self.doc_texts = doc_texts
        self.stats = stats
        self.figures: dict[tuple[str, int], _Caption] = {}
        caps = sorted((c for c in chunks if c.kind == "caption"), key=lambda c: (c.doc_id, c.span.start))
        heads = [c for c in caps if _figure_number(c.text) is not None]
        for c in heads:
            end, refs = c.span.end, list(c.refs)
            for d in caps:  # the windows that carry it on, without a title of their own
                if d.doc_id == c.doc_id and c.span.start < d.span.start <= end and _OPENING.match(d.text) is None:
                    end = max(end, d.span.end)
                    refs += list(d.refs)
            key = (c.doc_id, _figure_number(c.text))
            had = self.figures.get(key)
            # A figure's own words may open with its number too ("Figure 2 (placeholder)" set in
            # its box above the caption), as may running text ("Figure 2 shows ..."): a caption
            # labelled with its stop ("Figure 2.") is the figure's; otherwise the first.
            if had is None or _LABELLED.match(c.text) and not _LABELLED.match(doc_texts.get(c.doc_id, "")[had.start:had.end]):
                body = doc_texts.get(c.doc_id, "")[c.span.start:end]
                self.figures[key] = _Caption(c.id, c.span.start, end, tuple(dict.fromkeys(refs)), _is_title(body.strip()))
        # The title sentences: a caption chunk's first sentence, short, opening with its number.
        starts = {c.id: c.span.start for c in caps}
        self.title_ids = {st.id for st in sentences if st.chunk_id in starts and _is_title(st.text.strip())
                          and st.span.start <= starts[st.chunk_id] + len(st.text) - len(st.text.lstrip())}

    def answer(self, question: str, number: int, doc: str, asked: set[str], where) -> tuple[str, Citation] | None:
        """Figure number's caption in doc, from its title on (from where its words are, when
        the question asks something of the figure: where(text, terms, doc) -> offset), or None:
        no such figure, a caption that does not say what is asked, or one that is only a title
        while more is asked (the running text explaining the figure answers that)."""
        cap = self.figures.get((doc, number))
        if cap is None:
            return None
        raw = self.doc_texts.get(doc, "")[cap.start:cap.end]
        text = raw.strip()
        # (The document's title words name every part of it: "Figure 3 of the graphene review".)
        asked = asked - self.stats.context.get(doc, set())
        if asked and (cap.title_only or self.stats.coverage(asked, set(analyze(text)), doc) < FIGURE_COVERAGE):
            return None
        shown = excerpt.fit(text, where(text, asked, doc) if asked else 0, ANSWER_CHARS, cap.refs)
        lead = len(raw) - len(raw.lstrip())
        a, b = shown[0][0], shown[-1][1]
        return (excerpt.quoted(text, shown, cap.refs),
                Citation(cap.refs, cap.chunk_id, text[a:b], Span(cap.start + lead + a, cap.start + lead + b)))


def _figure_number(text: str) -> int | None:
    m = _OPENING.match(text)
    return int(m.group("n")) if m and m.group("what").lower().startswith("fig") else None


def _is_title(text: str) -> bool:
    """One short sentence opening with a figure's or table's number ("Figure 1. Patient flow")."""
    m = _OPENING.match(text)
    return bool(m) and len(text.split()) <= TITLE_WORDS and not re.search(r"[.!?]\s+[A-Z]", text[m.end():].lstrip(" .:"))
