"""Excerpts: the part of a long text that fits an allowance, around one place in it.

Shared by the answers that list several places (qa/survey.py) and by passage answers that
give several parts of one question (qa/passage_answer.py): each part shrinks to the words
around what the question asks, with the text's opening kept when it says whose finding it is."""

from __future__ import annotations

import re
from collections.abc import Sequence

HEAD_SHARE = 0.4  # of a long text's excerpt, the part its opening may take (whose finding, where)


def pieces(body: str, where: int, allowance: int) -> list[tuple[int, int]]:
    """The character ranges of body to show in about allowance characters: the words around
    position where (a third before it, the rest after), preceded by the text's opening when
    where lies further in. The whole body when it fits."""
    if len(body) <= allowance:
        return [(0, len(body))]
    words = list(re.finditer(r"\S+", body))
    if not words:
        return [(0, 0)]
    at = next((i for i, w in enumerate(words) if w.end() > where), len(words) - 1)
    head = 0
    if words[at].start() > HEAD_SHARE * allowance:
        # The opening says whose finding it is and where ("Exosomes from UC-MSCs ... in nerve
        # defects"); then the words around the place.
        while head + 1 < at and words[head + 1].end() <= HEAD_SHARE * allowance:
            head += 1
        head += 1
    rest = allowance - (words[head - 1].end() + 2 if head else 0)
    lo = hi = at
    while True:
        grew = False
        if lo > head and words[hi].end() - words[lo - 1].start() <= rest and \
                ((at - lo) * 2 <= (hi - at) + 4 or hi + 1 == len(words)):
            lo, grew = lo - 1, True
        if hi + 1 < len(words) and words[hi + 1].end() - words[lo].start() <= rest:
            hi, grew = hi + 1, True
        if not grew:
            break
    if head and lo <= head:
        lo = 0  # the opening and the window meet
    return ([(0, words[head - 1].end())] if head and lo > 0 else []) + [(words[lo].start(), words[hi].end())]


def render(body: str, shown: list[tuple[int, int]]) -> str:
    """The pieces joined, with an ellipsis where words are left out."""
    parts: list[str] = []
    for a, b in shown:
        parts.append(("…" if a > 0 and not parts else "") + body[a:b] + ("…" if b < len(body) else ""))
    return " ".join(parts)


def _marker(refs: Sequence[int]) -> str:
    return f" [{', '.join(map(str, refs))}]" if refs else ""


def fit(body: str, where: int, allowance: int, refs: Sequence[int] = ()) -> list[tuple[int, int]]:
    """The pieces of body that, quoted (see quoted), take at most about allowance characters:
    room is kept for the quotation marks, the ellipses and the reference markers a cut leaves out."""
    outside = [r for r in refs if r not in set(_numbers(body))]  # markers it carries only after it
    if len(body) + 2 + len(_marker(outside)) <= allowance:
        return [(0, len(body))]
    return pieces(body, where, max(1, allowance - 4 - len(_marker(refs))))


def quoted(body: str, shown: list[tuple[int, int]], refs: Sequence[int] = ()) -> str:
    """The pieces in quotation marks, followed by the reference markers of refs they leave out
    (a finding keeps its references)."""
    kept = set(_numbers(" ".join(body[a:b] for a, b in shown)))
    lost = [r for r in refs if r not in kept]
    return f"“{render(body, shown)}”{_marker(lost)}"


def _numbers(text: str) -> list[int]:
    from qa.ingest.refs import refs_in

    return refs_in(text)
