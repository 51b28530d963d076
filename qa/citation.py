"""How to cite a document of the corpus, from its record (the .toml beside it): a
Vancouver-style line, BibTeX, RIS and a CSL-JSON item, all from one normalised record."""

from __future__ import annotations

import re
import unicodedata

# BibTeX field values are LaTeX: these characters must be escaped or the entry breaks
# (an unescaped & in "Stem Cell Research & Therapy" is a LaTeX error).
_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
          "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX))
# Read verbatim by biblatex (and by the url/doi packages): escaping them would corrupt them.
_VERBATIM = {"doi", "url"}


def _record(doc: dict) -> dict:
    """The fields every format is made from; absent ones are None or empty."""
    m = doc.get("meta") or {}
    authors = [a for a in (m.get("authors") or []) if isinstance(a, str) and a.strip()]
    doi = m.get("doi")
    return {
        "id": doc.get("id") or m.get("id") or "doc",
        "title": (m.get("title") or doc.get("title") or "").strip(),
        "authors": authors,
        "journal": m.get("journal"),
        "year": m.get("year"),
        "volume": m.get("volume"),
        "issue": m.get("issue"),
        "article": m.get("article") or m.get("pages"),
        "doi": doi,
        "url": m.get("url") or (f"https://doi.org/{doi}" if doi else None),
        "license": m.get("license"),
    }


def _split_name(name: str) -> tuple[str, str]:
    """("Rahman", "Heshu Sulaiman") from "Rahman, Heshu Sulaiman" (or from "Heshu Sulaiman Rahman")."""
    if "," in name:
        last, _, first = name.partition(",")
    else:
        first, _, last = name.strip().rpartition(" ")
    return last.strip(), first.strip()


def _short_author(name: str) -> str:
    last, first = _split_name(name)
    initials = "".join(p[0] for p in re.split(r"[\s\-.]+", first) if p)
    return f"{last} {initials}".strip()


def _sentence(s: str) -> str:
    """s as a sentence: one final full stop, never two ("et al." stays "et al.")."""
    s = s.strip()
    return s if not s or s[-1] in ".?!" else s + "."


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _key(r: dict) -> str:
    base = _split_name(r["authors"][0])[0] if r["authors"] else r["id"]
    return (re.sub(r"[^A-Za-z]", "", _ascii(base)) or "doc").lower() + str(r["year"] or "")


def text(doc: dict) -> str:
    """A Vancouver-style reference: "Hassanzadeh A, Rahman HS, ..., et al. Title. Journal. 2021;12:297. doi:..."."""
    r = _record(doc)
    names = [_short_author(a) for a in r["authors"]]
    who = ", ".join(names[:6]) + (", et al." if len(names) > 6 else "")
    parts = [_sentence(who), _sentence(r["title"])]
    if r["journal"]:
        src = f"{r['journal']}. {r['year']}" if r["year"] else str(r["journal"])
        if r["volume"]:
            src += f";{r['volume']}"
            if r["issue"]:
                src += f"({r['issue']})"
        if r["article"]:
            src += f":{r['article']}"
        parts.append(_sentence(src))
    elif r["year"]:
        parts.append(f"{r['year']}.")
    if r["doi"]:
        parts.append(f"doi:{r['doi']}")
    return " ".join(p for p in parts if p)


def latex_escape(s: str) -> str:
    return _LATEX_RE.sub(lambda m: _LATEX[m.group()], s)


def bibtex(doc: dict) -> str:
    r = _record(doc)
    fields = {"title": r["title"], "author": " and ".join(r["authors"]), "journal": r["journal"], "year": r["year"],
              "volume": r["volume"], "number": r["issue"], "pages": r["article"], "doi": r["doi"]}
    body = ",\n".join(f"  {k} = {{{v if k in _VERBATIM else latex_escape(str(v))}}}"
                      for k, v in fields.items() if v)
    return f"@article{{{_key(r)},\n{body}\n}}"


def ris(doc: dict) -> str:
    """An RIS record (reference managers import it: Zotero, EndNote, Mendeley); CRLF lines as the format says."""
    r = _record(doc)
    lines = [("TY", "JOUR")]
    lines += [("AU", a) for a in r["authors"]]
    for tag, key in (("TI", "title"), ("T2", "journal"), ("PY", "year"), ("VL", "volume"), ("IS", "issue"),
                     ("SP", "article"), ("DO", "doi"), ("UR", "url")):
        if r[key]:
            lines.append((tag, " ".join(str(r[key]).split())))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def csl(doc: dict) -> dict:
    """A CSL-JSON item (citeproc, Zotero, pandoc)."""
    r = _record(doc)
    item: dict = {"id": _key(r), "type": "article-journal", "title": r["title"]}
    if r["authors"]:
        item["author"] = [{"family": last, "given": first} if first else {"literal": last}
                          for last, first in map(_split_name, r["authors"])]
    for key, field in (("container-title", "journal"), ("volume", "volume"), ("issue", "issue"),
                       ("page", "article"), ("DOI", "doi"), ("URL", "url"), ("license", "license")):
        if r[field]:
            item[key] = str(r[field])
    if r["year"]:
        try:
            item["issued"] = {"date-parts": [[int(r["year"])]]}
        except (TypeError, ValueError):
            item["issued"] = {"literal": str(r["year"])}
    return item


def cite_as(doc: dict) -> tuple[str, str]:
    """(a Vancouver-style reference, a BibTeX entry) for a stored document."""
    return text(doc), bibtex(doc)


def cite_formats(doc: dict) -> dict:
    """Every format at once, shaped as the API's CiteAs: text, bibtex, ris, csl."""
    return {"text": text(doc), "bibtex": bibtex(doc), "ris": ris(doc), "csl": csl(doc)}
