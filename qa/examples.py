"""A few example questions made from a document itself (its table titles and section
headings), for a page that must not have one document's questions written into it."""

from __future__ import annotations

import re

# The standard parts of a research article say nothing about its subject.
_GENERIC = re.compile(
    r"^(?:abstract|background|introduction|methods?|materials and methods|results?|discussion|conclusions?|"
    r"references|acknowledge?ments?|funding|abbreviations|declarations?|supplementary.*|additional.*|"
    r"author.*|competing.*|availability.*|ethics.*|consent.*|grant.*|data.*|keywords?|open access|research article|review)$",
    re.I)


def _topic(text: str) -> str:
    t = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text).strip().rstrip(".:")
    first = t.split(" ", 1)[0]
    # Keep an acronym or a name's capitals; lower an ordinary first word.
    return t if sum(c.isupper() for c in first) > 1 or t.isupper() and len(t) < 5 else t[:1].lower() + t[1:]


def examples(doc: dict, n: int = 3) -> list[str]:
    out: list[str] = []
    for t in doc.get("tables") or []:
        if t.get("title"):
            out.append(f"What does Table {t['number']} show about {_topic(t['title'])}?")
            break
    heads: list[str] = []
    title = re.sub(r"\W", "", (doc.get("title") or "").lower())
    for h in doc.get("headings") or []:
        same_as_title = re.sub(r"\W", "", h.lower()) in title
        # Dates, counts and the article's own title make poor questions.
        if (not _GENERIC.match(h.strip()) and 2 <= len(h.split()) <= 8 and h not in heads
                and not re.search(r"\d", h) and not same_as_title):
            heads.append(h)
    for h in heads:
        if len(out) >= n:
            break
        out.append(f"What does the article say about {_topic(h)}?")
    return out[:n]

