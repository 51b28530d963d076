"""How to cite a document of the corpus, from its record (the .toml beside it)."""

from __future__ import annotations

import re


def _short_author(name: str) -> str:
    last, _, first = name.partition(",")
    initials = "".join(p[0] for p in re.split(r"[\s\-]+", first.strip()) if p)
    return f"{last.strip()} {initials}".strip()


def cite_as(doc: dict) -> tuple[str, str]:
    """(a Vancouver-style reference, a BibTeX entry) for a stored document."""
    m = doc.get("meta") or {}
    title = m.get("title") or doc.get("title", "")
    authors = m.get("authors") or []
    names = [_short_author(a) for a in authors]
    who = ", ".join(names[:6]) + (", et al." if len(names) > 6 else "")
    parts = [p for p in [who + "." if who else "", f"{title}." if title else ""] if p]
    journal, year, vol, art, doi = m.get("journal"), m.get("year"), m.get("volume"), m.get("article"), m.get("doi")
    if journal:
        src = f"{journal}. {year}" if year else f"{journal}."
        if vol:
            src += f";{vol}"
        if art:
            src += f":{art}"
        parts.append(src + ".")
    if doi:
        parts.append(f"doi:{doi}")
    text = " ".join(parts)
    key = (re.sub(r"[^A-Za-z]", "", (authors[0].split(",")[0] if authors else doc.get("id", "doc"))) or "doc") + str(year or "")
    fields = {"title": title, "author": " and ".join(authors), "journal": journal, "year": year,
              "volume": vol, "pages": art, "doi": doi}
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return text, f"@article{{{key.lower()},\n{body}\n}}"
