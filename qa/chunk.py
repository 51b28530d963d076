"""chunk(document, settings) -> list[Chunk].

Passages are windows of whole sentences inside one section, sized in cl100k tokens, with
overlap; each table row and each caption is a chunk of its own. Ids are content hashes, so a
rebuild of an unchanged corpus gives the same ids and stored citations stay valid.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from qa import sentences, tokens
from qa.config import Settings
from qa.index.lexical import analyze
from qa.ingest.reflist import cited_in
from qa.types import Block, Chunk, Document, Span

MIN_OVERLAP_CHARS = 100  # an evidence quote (< 100 chars) always fits whole in some chunk


def _chunk_id(doc_id: str, kind: str, span: Span, text: str) -> str:
    h = hashlib.sha1(f"{kind}\x00{text}".encode()).hexdigest()[:12]
    return f"{doc_id}:{kind[0]}:{h}"


def _split_long(text: str, start: int, budget: int) -> list[tuple[int, int]]:
    """A sentence longer than the budget, cut at spaces into pieces that fit."""
    out: list[tuple[int, int]] = []
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    a = 0
    while a < len(words):
        b = a + 1
        while b < len(words) and tokens.count(text[words[a][0] : words[b][1]]) <= budget:
            b += 1
        out.append((start + words[a][0], start + words[b - 1][1]))
        a = b
    return out


def _windows(
    sents: list[tuple[int, int]], text: str, budget: int, overlap: int, fits: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Greedy sentence windows: fill to the budget, then step back to keep the overlap."""
    counts = [tokens.count(text[a:b]) for a, b in sents]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sents):
        j = i
        total = 0
        while j < len(sents) and (j == i or total + counts[j] <= budget):
            total += counts[j]
            j += 1
        # Never exceed what the embedding model reads.
        while j - i > 1 and not fits(text[sents[i][0] : sents[j - 1][1]]):
            j -= 1
        out.append((sents[i][0], sents[j - 1][1]))
        if j >= len(sents):
            break
        # Next window starts early enough to share `overlap` tokens and 100 characters.
        k = j
        shared = 0
        while k - 1 > i and (shared < overlap or sents[j - 1][1] - sents[k - 1][0] < MIN_OVERLAP_CHARS):
            k -= 1
            shared += counts[k]
        i = max(k, i + 1)
    return out


def _section_runs(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """Paragraphs that follow one another in a section. A caption or table between two
    paragraphs ends the run: a window's text is one contiguous stretch of prose."""
    runs: list[list[Block]] = []
    broken = True
    for b in blocks:
        if b.kind != "paragraph":
            broken = True
            continue
        if runs and not broken and runs[-1][-1].section == b.section:
            runs[-1].append(b)
        else:
            runs.append([b])
        broken = False
    return runs


def chunk(
    document: Document,
    settings: Settings | None = None,
    fits: Callable[[str], bool] | None = None,
) -> list[Chunk]:
    """Chunks of a document. `fits(text)` says whether the embedding model reads text whole."""
    settings = settings or Settings()
    fits = fits or (lambda _t: True)
    text = document.text
    out: list[Chunk] = []
    budget, overlap = settings.chunk_tokens, settings.chunk_overlap_tokens

    def page_at(pos: int, run: list[Block]) -> int | None:
        for b in run:
            if b.span.start <= pos < b.span.end + 2:
                return b.page
        return run[0].page

    for run in _section_runs(document.blocks):
        sents: list[tuple[int, int]] = []
        for b in run:
            for a, e in sentences.spans(b.text, b.span.start):
                if tokens.count(text[a:e]) > budget:
                    sents.extend(_split_long(text[a:e], a, budget))
                else:
                    sents.append((a, e))
        # The model reads a passage with its section and abbreviation long forms (index_text):
        # that whole must fit, not the passage alone.
        head = f"{' / '.join(run[0].section)}. " if run[0].section else ""

        def fits_read(t: str, head: str = head) -> bool:
            return fits(head + t + expansions(t, document.glossary))

        for a, e in _windows(sents, text, budget, overlap, fits_read):
            body = text[a:e]
            span = Span(a, e)
            out.append(
                Chunk(
                    id=_chunk_id(document.id, "passage", span, body),
                    doc_id=document.id,
                    kind="passage",
                    text=body,
                    span=span,
                    section=run[0].section,
                    page=page_at(a, run),
                    refs=cited_in(body, document.references),
                    n_tokens=tokens.count(body),
                )
            )
    for b in document.blocks:
        if b.kind not in ("table_row", "caption"):
            continue
        kind = "table_row" if b.kind == "table_row" else "caption"
        pieces = [(b.span.start, b.span.end)]
        if kind == "caption":
            def fits_caption(t: str) -> bool:
                return fits(t + expansions(t, document.glossary))

            if tokens.count(b.text) > budget * 2 or not fits_caption(b.text):
                sents = sentences.spans(b.text, b.span.start)
                pieces = _windows(sents, text, budget, overlap, fits_caption)
        for a, e in pieces:
            body = text[a:e]
            span = Span(a, e)
            out.append(
                Chunk(
                    id=_chunk_id(document.id, kind, span, body),
                    doc_id=document.id,
                    kind=kind,  # type: ignore[arg-type]
                    text=body,
                    span=span,
                    section=b.section,
                    page=b.page,
                    refs=b.refs if kind == "table_row" else cited_in(body, document.references),
                    table=b.table,
                    n_tokens=tokens.count(body),
                )
            )
    out.sort(key=lambda c: (c.span.start, c.span.end))
    seen: dict[str, int] = {}
    unique: list[Chunk] = []
    for c in out:
        # Identical text in two places (a repeated sentence) still needs two ids.
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        if n:
            c = Chunk(**{**c.__dict__, "id": f"{c.id}-{n}"})
        unique.append(c)
    return unique


def index_text(c: Chunk, glossary: dict[str, str], title: str = "") -> str:
    """What the retrievers read for a chunk: its text with its context (section, table title,
    group, column names) and the long forms of the abbreviations it uses. title: the
    document's title."""
    if c.table is not None:
        cells = "; ".join(f"{col}: {val}" for col, val in c.table.cells)
        head = f"Table {c.table.number}: {c.table.title}."
        if c.table.group:
            head += f" {c.table.group}."
        base = f"{head} {cells}"
        # A header's footnote says what the column holds ("p*": "* McNemar's test comparing ...").
        if c.table.marked:
            base += " (" + "; ".join(f"{col}: {text}" for col, text in c.table.marked) + ")"
        # A table's abbreviations are mostly in its column names ("LR+ (95% CI)", "NPV"); but
        # one naming what the whole document is about (the trial's arm "IMT" in a trial of
        # inspiratory muscle training) would put the title's words in every row, drowning
        # what each row says of its own.
        said = set(analyze(title))
        heading = {s: l for s, l in glossary.items() if not set(analyze(l)) <= said}
        found = _long_forms(c.text, glossary)
        found += [long for long in _long_forms(base, heading) if long not in found]
        return base + (f" ({'; '.join(found)})" if found else "")
    if c.kind == "passage" and c.section:
        base = f"{' / '.join(c.section)}. {c.text}"
    else:
        base = c.text
    return base + expansions(c.text, glossary)


def expansions(text: str, glossary: dict[str, str]) -> str:
    """' (long form; long form)' for the glossary's short forms found in text, including inside
    compounds such as BM-MSCs or UC-MSC-EVs."""
    found = _long_forms(text, glossary)
    return f" ({'; '.join(found)})" if found else ""


def _long_forms(text: str, glossary: dict[str, str]) -> list[str]:
    found: list[str] = []
    # (A short form may end in a sign: "LR+", "CD34-".)
    words = {w.strip(".") for w in re.findall(r"[A-Za-z0-9αβγκ.]+[+\-]?", text)} | \
        {w.strip(".") for w in re.findall(r"[A-Za-z0-9αβγκ.]+", text)}
    for w in list(words):
        for part in re.split(r"[-/]", w):
            words.add(part)
    for short, long in glossary.items():
        if short in words and long not in found and long.lower() not in text.lower():
            found.append(long)
    return found
