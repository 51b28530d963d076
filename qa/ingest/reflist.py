"""A printed reference list -> entries (authors, title, journal, year, volume, pages, DOI,
PMID), and in-text author-year citations ("Smith et al., 2015", "Eddy, 1998") -> entries.

Entries are split by their numbers ("1.", "[1]") or, in author-year lists, by the hanging
indent (an entry's first line starts left of its continuation lines). Fields are read by
the conventions of the common styles (Vancouver, BMC "Author: Title. Journal Year,
Vol(Issue):Pages", author-year "Author. Year. Title. Journal Vol:Pages DOI ...")."""

from __future__ import annotations

import re
from collections import defaultdict

from qa.ingest.refs import refs_in
from qa.types import Reference

REFERENCES_HEADING_RE = re.compile(r"^(?:\d+\.?\s+)?(?:references?|bibliography|literature cited|works cited|references and notes)\s*$", re.I)
_NUM_RE = re.compile(r"^\[?(\d{1,4})[.\])]\s*(?=\S)")
_DOI_RE = re.compile(r"(?:doi[:\s]*|https?://(?:dx\.)?doi\.org/)\s*(10\.\d{4,9}/[^\s]+)", re.I)
_PMID_RE = re.compile(r"\bPMID[:\s]*(\d{5,9})", re.I)
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})[a-z]?\b")
_APA_VOL_RE = re.compile(r"(?<=,)\s*(\d{1,5})\s*(?:\(([^)]{1,20})\))?,\s*([A-Za-z]?\d+(?:\s*[–—-]\s*[A-Za-z]?\d+)?)\s*\.?\s*$")
_VOL_RE = re.compile(r"\b(\d{1,5})\s*(?:\(([^)]{1,20})\))?\s*:\s*([A-Za-z]?\d+(?:\s*[–—-]\s*[A-Za-z]?\d+)?)")
# Capital letters of the Latin scripts (Ø, Ś, Ž ...): a surname need not start in ASCII.
_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|della|dos|le|la|ten|ter)"
_NAME = rf"[{_UPPER}](?:[^\W\d_]|['’\-])+"
# A surname may open with a lower-case particle ("van Rheenen", "de Groot", "van der Berg").
_SURNAME = rf"(?:{_PARTICLE}\s(?:{_PARTICLE}\s)?)?{_NAME}(?:\s{_PARTICLE}\s{_NAME})?"
_INITIALS_RE = re.compile(r"(?:[\s,]+(?:[A-Z]{1,3}|(?:[A-Z]\.\s?-?){1,3}))+$")


_GROUP_WORD = rf"(?:[{_UPPER}][^\s.,;:\d]*|of|for|and|the|on|in|&)"
_GROUP_AUTHOR_RE = re.compile(rf"^({_GROUP_WORD}(?:\s+{_GROUP_WORD}){{1,9}})\.\s+(.+?[.?!]\s+.*\b(?:19|20)\d{{2}}\b.*)$")


def surname(author: str) -> str:
    """An entry's author without the initials after it: "van Rheenen PF" -> "van Rheenen"."""
    s = _INITIALS_RE.sub("", author.strip()).strip(" ,")
    if re.fullmatch(_SURNAME, s):
        return s
    return author.split()[0].rstrip(",")  # not a name as parsed (a group author, a stray title)


def _clean_doi(d: str) -> str:
    return d.rstrip(".,;)")


def parse_entry(text: str, n: int) -> Reference:
    body = _NUM_RE.sub("", text, count=1).strip()
    doi_m = _DOI_RE.search(body)
    doi = _clean_doi(doi_m.group(1)) if doi_m else ""
    pmid_m = _PMID_RE.search(body)
    core = body[: doi_m.start()] if doi_m else body
    core = _PMID_RE.sub("", core).strip()
    authors_part, rest, year = "", core, ""
    # "Smith J (2016). Title", "Smith J. 2016. Title" and, in Springer's style, "Smith J (2016) Title".
    ay = re.match(r"^(.{3,400}?)[.,]?\s+(?:\(((?:19|20)\d{2})[a-z]?\)[.:]?|((?:19|20)\d{2})[a-z]?[.:])\s+(.*)$", core)
    colon = re.match(r"^([^:]{3,300}?):\s+(.*)$", core)
    # (With no stop after "(2019)", only after the authors' initials or "et al": "Smith J, Lee K.
    # Air quality (2019) and asthma" is a Vancouver title.)
    bare = ay is not None and ay.group(2) is not None and core[ay.start(4) - 2:ay.start(4) - 1] == ")" and \
        not re.search(r"(?:\b[A-Z]{1,3}|et al\.?)$", ay.group(1)) and ". " in ay.group(1)
    if ay and not bare and not re.search(r"\.\s[A-Z][a-z]{3,}\s[a-z]", ay.group(1)):
        authors_part, year, rest = ay.group(1), ay.group(2) or ay.group(3), ay.group(4)
    elif colon and re.search(r"\b[A-Z]{1,3}\b", colon.group(1)) and not re.search(r"\b[A-Z]{1,3}\.\s+[A-Z]\S*\s+[a-z]", colon.group(1)):
        # "Smith J, Jones K: Title" (BMC); not "Smith J, Jones K. Title: subtitle" (Vancouver)
        authors_part, rest = colon.group(1), colon.group(2)
    else:
        m = re.match(r"^(.{3,400}?\b[A-Z]{1,3}(?:, et al)?)\.\s+(.*)$", core)
        # A group author ("National Respiratory Network. Guidance on ... . Journal.
        # 2020;3(1):1-24"): a first sentence of capitalised words and no digits, followed by
        # a title sentence and a journal with its year.
        group = _GROUP_AUTHOR_RE.match(core)
        if m:
            authors_part, rest = m.group(1), m.group(2)
        elif group:
            authors_part, rest = group.group(1), group.group(2)
    parts = re.split(r"(?<=[.?!])\s+(?=[A-Z0-9])", rest, maxsplit=1)
    title = parts[0].strip().rstrip(".") if parts else ""
    tail = parts[1] if len(parts) > 1 else ""
    if not year:
        ym = _YEAR_RE.search(tail) or _YEAR_RE.search(rest)
        year = ym.group(1) if ym else ""
    # (APA writes "Journal, 5(2), 318–325".)
    vm = _VOL_RE.search(tail) or _APA_VOL_RE.search(tail)
    volume = vm.group(1) if vm else ""
    pages = vm.group(3).replace(" ", "") if vm else ""
    journal = tail
    cut = [x for x in (vm.start() if vm else None, (_YEAR_RE.search(tail).start() if _YEAR_RE.search(tail) else None)) if x is not None]
    if cut:
        journal = tail[: min(cut)]
    journal = journal.strip(" .,;")
    authors = []
    for a in re.split(r",\s+(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*", authors_part):
        a = a.strip(" .,")
        if a and not re.fullmatch(r"et al\.?", a, re.I):
            authors.append(re.sub(r",?\s*et al\.?$", "", a))
    label = ""
    if authors and year:
        first = surname(authors[0])
        label = f"{first}, {year}" if len(authors) == 1 else (
            f"{first} & {surname(authors[1])}, {year}" if len(authors) == 2 and "et al" not in authors_part else f"{first} et al., {year}")
    return Reference(n=n, text=re.sub(r"\s+", " ", text).strip(), authors=tuple(authors), title=title,
                     journal=journal, year=year, volume=volume, pages=pages, doi=doi,
                     pmid=pmid_m.group(1) if pmid_m else "", label=label)


def split_entries(lines: list[tuple[str, float, int]]) -> list[str]:
    """Lines (text, x0, page) of a reference section -> one string per entry."""
    if not lines:
        return []
    numbered = sum(1 for t, _, _ in lines if _NUM_RE.match(t)) >= max(2, len(lines) // 6)
    # Left edge of each column of each page: the hanging indent is measured from it.
    edges: dict[tuple[int, int], float] = defaultdict(lambda: 1e9)
    for t, x, p in lines:
        edges[(p, int(x // 150))] = min(edges[(p, int(x // 150))], x)

    def edge(x, p):
        near = [e for (pp, _), e in edges.items() if pp == p and e <= x + 0.5]
        return max(near) if near else x

    entries: list[list[str]] = []
    expected = None
    for t, x, p in lines:
        m = _NUM_RE.match(t)
        if numbered:
            n = int(m.group(1)) if m else 0
            # The next-but-one number opens an entry too when an author follows it: a lost
            # entry (its line set elsewhere) must not fold all that follow into the one before.
            starts = bool(m) and (expected is None or n == expected or n == 1
                                  or n == expected + 1 and re.match(_SURNAME, t[m.end():]) is not None)
        else:
            starts = abs(x - edge(x, p)) < 1.5 and bool(re.match(_SURNAME, t))
        if starts or not entries:
            entries.append([t])
            if m:
                expected = int(m.group(1)) + 1
        else:
            entries[-1].append(t)
    return [" ".join(e) for e in entries]


def _join(entry_lines: str) -> str:
    return re.sub(r"(\w)- (\w)", r"\1\2", entry_lines)


def parse_entries(lines: list[tuple[str, float, int]], vocab=None) -> list[Reference]:
    out = []
    for i, e in enumerate(split_entries(lines), start=1):
        m = _NUM_RE.match(e)
        n = int(m.group(1)) if m else i
        # A DOI broken over lines keeps no space; a word broken with a hyphen is rejoined.
        e = re.sub(r"(10\.\d{4,9}/\S*?)\s+(?=\S*[/.]\S)", r"\1", e)
        e = re.sub(r"([a-z])- ([a-z])", r"\1\2", e)
        out.append(parse_entry(e, n))
    return out


# "Smith et al., 2015", "Jones & Lee, 2019", "van Rheenen, Van de Vijver & Fidler, 2010".
_CITE_RE = re.compile(
    rf"({_SURNAME})(?:\s+et\s+al\.?|(?:,\s+({_SURNAME}))?(?:,\s+{_SURNAME})*,?\s+(?:and|&)\s+({_SURNAME}))?"
    rf",?\s+\(?((?:19|20)\d{{2}}[a-z]?)\)?")


def cited_in(text: str, references: tuple[Reference, ...] | list[Reference]) -> tuple[int, ...]:
    """Entries a text cites: its [n] markers, and its author-year citations resolved by
    first author's surname and year."""
    found = list(refs_in(text))
    if not references or not any(r.label for r in references):
        return tuple(found)
    by_key: dict[tuple[str, str], list[Reference]] = defaultdict(list)
    for r in references:
        if r.authors and r.year:
            keys = {surname(r.authors[0]).lower(), r.authors[0].split()[0].rstrip(",").lower()}
            for k in keys:
                by_key[(k, r.year)].append(r)
    for m in _CITE_RE.finditer(text):
        year = m.group(4)[:4]
        cands = by_key.get((m.group(1).lower(), year), [])
        second = m.group(2) or m.group(3)
        if len(cands) > 1 and second:
            cands = [r for r in cands if len(r.authors) > 1
                     and second.lower() in (surname(r.authors[1]).lower(), r.authors[1].split()[0].lower())] or cands
        if cands and cands[0].n not in found:
            found.append(cands[0].n)
    return tuple(found)


def resolve_author_year(pieces, references):
    """Give each paragraph and caption the entries it cites by author and year."""
    if not references:
        return pieces
    for p in pieces:
        if p.kind in ("paragraph", "caption") and p.refs is None:
            p.refs = cited_in(p.text, references)
    return pieces
