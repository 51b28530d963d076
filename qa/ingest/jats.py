"""PMC JATS XML (.xml/.nxml) -> Document, read from the markup itself.

Sections and their headings come from <sec>/<title>, paragraphs from <p>, figure captions
from <fig>, tables from <table-wrap> (thead -> columns, tbody -> rows, rowspan/colspan laid
out on a grid), in-text citations from <xref ref-type="bibr"> (mapped to the cited entry's
number), abbreviations from <glossary>, and the reference list from <ref-list>. The standard
library's ElementTree is enough: it never fetches the DTD named in the DOCTYPE."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from qa.ingest.reflist import parse_entry
from qa.ingest.refs import refs_in
from qa.ingest.assemble import Piece, RowPiece, TablePiece, assemble
from qa.types import Document, Reference

_MML = "{http://www.w3.org/1998/Math/MathML}"
_SKIP = {"tex-math", "graphic", "inline-graphic", "media", "object-id", "alt-text"}
_BLOCK_CHILDREN = {"table-wrap", "fig", "table-wrap-group", "fig-group", "disp-quote", "list", "boxed-text"}


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


class _Reader:
    def __init__(self, root: ET.Element):
        self.root = root
        self.ref_numbers: dict[str, int] = {}
        self.references: list[Reference] = []
        self.warnings: list[str] = []

    # --- text of an element ------------------------------------------------------------
    def text(self, el: ET.Element, skip_blocks: bool = False) -> str:
        out: list[str] = []
        self._walk(el, out, skip_blocks, top=True)
        return _ws("".join(out))

    def _walk(self, el: ET.Element, out: list[str], skip_blocks: bool, top: bool = False) -> None:
        tag = _local(el.tag)
        if tag in _SKIP or (skip_blocks and not top and tag in _BLOCK_CHILDREN):
            out.append(el.tail or "" if not top else "")
            return
        if tag == "alternatives":
            # Keep one rendering: the MathML (its text is the formula), never the LaTeX source.
            kids = [k for k in el if _local(k.tag) not in _SKIP]
            if kids:
                self._walk(kids[0], out, skip_blocks)
            if not top:
                out.append(el.tail or "")
            return
        if tag == "xref" and el.get("ref-type") == "bibr" and el.text and re.fullmatch(r"\s*\d+(?:\s*[–-]\s*\d+)?\s*", el.text):
            # A numeric citation outside brackets (superscript styles) is written as "[n]",
            # so that every reader of the text sees the same markers.
            so_far = "".join(out)
            if so_far.rfind("[") <= so_far.rfind("]"):
                out.append(f"[{el.text.strip()}]")
                out.append(el.tail or "" if not top else "")
                return
        if el.text:
            out.append(el.text)
        for child in el:
            ctag = _local(child.tag)
            if ctag == "p" and out and not "".join(out).endswith(" "):
                out.append(" ")  # paragraphs inside a cell or caption are separate runs of text
            self._walk(child, out, skip_blocks)
        if not top and el.tail:
            out.append(el.tail)

    def refs_of(self, el: ET.Element, skip_blocks: bool = True) -> tuple[int, ...]:
        """Numbers of the entries cited inside el, in order: the printed markers ("[39–45]"
        covers 40-44 too) and every <xref ref-type="bibr"> (author-year citations too)."""
        seen: list[int] = list(refs_in(self.text(el, skip_blocks=skip_blocks))) if self.ref_numbers else []
        for x in self._iter(el, skip_blocks):
            if _local(x.tag) == "xref" and x.get("ref-type") == "bibr":
                for rid in (x.get("rid") or "").split():
                    n = self.ref_numbers.get(rid)
                    if n is not None and n not in seen:
                        seen.append(n)
        return tuple(seen)

    def _iter(self, el: ET.Element, skip_blocks: bool):
        yield el
        for child in el:
            if skip_blocks and _local(child.tag) in _BLOCK_CHILDREN:
                continue
            yield from self._iter(child, skip_blocks)

    # --- reference list ------------------------------------------------------------------
    def read_references(self) -> None:
        for pos, ref in enumerate(self.root.iter("ref"), start=1):
            label = ref.findtext("label") or ""
            m = re.search(r"\d+", label)
            n = int(m.group(0)) if m else pos
            rid = ref.get("id")
            if rid:
                self.ref_numbers[rid] = n
            cit = next((c for c in ref if _local(c.tag) in ("element-citation", "mixed-citation", "citation", "nlm-citation")), ref)
            authors = []
            for name in cit.iter("name"):
                sur, given = _ws(name.findtext("surname") or ""), _ws(name.findtext("given-names") or "")
                if sur:
                    authors.append(f"{sur} {given}".strip())
            for collab in cit.iter("collab"):
                authors.append(self.text(collab))
            title = self.text(cit.find("article-title")) if cit.find("article-title") is not None else ""
            if not title and cit.find("chapter-title") is not None:
                title = self.text(cit.find("chapter-title"))
            journal = self.text(cit.find("source")) if cit.find("source") is not None else ""
            year = _ws(cit.findtext("year") or "")
            volume = _ws(cit.findtext("volume") or "")
            fpage, lpage = _ws(cit.findtext("fpage") or ""), _ws(cit.findtext("lpage") or "")
            pages = f"{fpage}–{lpage}" if fpage and lpage else fpage or _ws(cit.findtext("elocation-id") or "")
            ids = {p.get("pub-id-type"): _ws(p.text or "") for p in cit.iter("pub-id")}
            doi = ids.get("doi", "")
            if not doi:
                m = re.search(r"\b10\.\d{4,9}/\S+[^\s.,;]", self.text(cit))
                doi = m.group(0) if m else ""
            if _local(cit.tag) == "mixed-citation" or not (authors or title):
                # Free text: read its fields the way a printed list is read.
                text = self.text(cit)
                p = parse_entry(text, n)
                authors = authors or list(p.authors)
                title = title or p.title
                journal, year = journal or p.journal, year or p.year
                volume, pages = volume or p.volume, pages or p.pages
                doi = doi or p.doi
            else:
                text = format_reference(authors, title, journal, year, volume, pages, doi)
            self.references.append(Reference(
                n=n, text=text, authors=tuple(authors), title=title, journal=journal, year=year, volume=volume,
                pages=pages, doi=doi, pmid=ids.get("pmid", ""), label=author_year_label(authors, year),
            ))

    # --- tables --------------------------------------------------------------------------
    def table(self, wrap: ET.Element, fallback_number: int) -> tuple[TablePiece | None, str]:
        label = self.text(wrap.find("label")) if wrap.find("label") is not None else ""
        m = re.search(r"(\d+)", label)
        number = int(m.group(1)) if m else fallback_number
        cap = wrap.find("caption")
        title = self.text(cap) if cap is not None else ""
        foot = wrap.find("table-wrap-foot")
        note = self.text(foot) if foot is not None else ""
        tab = next(wrap.iter("table"), None)
        as_text = _ws(" ".join(x for x in (label, title, self.text(tab) if tab is not None else "", note) if x))
        if tab is None:
            return None, as_text
        head_rows = [tr for sec in tab if _local(sec.tag) == "thead" for tr in sec if _local(tr.tag) == "tr"]
        body_rows = [tr for sec in tab if _local(sec.tag) in ("tbody", "tfoot") for tr in sec if _local(tr.tag) == "tr"]
        body_rows += [tr for tr in tab if _local(tr.tag) == "tr"]
        if not head_rows and body_rows and all(_local(c.tag) == "th" for c in body_rows[0]):
            head_rows, body_rows = body_rows[:1], body_rows[1:]
        head = _grid(self, head_rows)
        body = _grid(self, body_rows, keep_spans=True)
        ncols = max([len(r) for r in head] + [len(r) for r, _ in body] + [0])
        if ncols == 0 or not body:
            return None, as_text
        columns = []
        for c in range(ncols):
            parts: list[str] = []
            for r in head:
                v = r[c] if c < len(r) else ""
                if v and (not parts or parts[-1] != v):
                    parts.append(v)
            columns.append(": ".join(parts) or f"[column {c + 1}]")
        rows: list[RowPiece] = []
        group = None
        for cells, elements in body:
            cells = cells + [""] * (ncols - len(cells))
            filled = [v for v in cells if v]
            # A row with one cell spanning the table is a group label for the rows below it.
            if ncols > 1 and len(elements) == 1 and len(set(cells)) == 1 and filled:
                group = filled[0]
                continue
            refs: list[int] = []
            for el in elements:
                for n in self.refs_of(el, skip_blocks=False):
                    if n not in refs:
                        refs.append(n)
            rows.append(RowPiece(cells, group, tuple(refs)))
        return TablePiece(number, title, columns, rows, note), as_text

    # --- body ----------------------------------------------------------------------------
    def body(self, el: ET.Element, pieces: list[Piece], depth: int) -> None:
        for child in el:
            tag = _local(child.tag)
            if tag == "sec":
                t = child.find("title")
                if t is not None and self.text(t):
                    pieces.append(Piece("heading", self.text(t), level=depth + 1))
                    self.body(child, pieces, depth + 1)
                else:
                    self.body(child, pieces, depth)
            elif tag == "p":
                txt = self.text(child, skip_blocks=True)
                if txt:
                    pieces.append(Piece("paragraph", txt, refs=self.refs_of(child)))
                self.body_blocks(child, pieces)
            elif tag in ("list", "disp-quote", "boxed-text"):
                self.body(child, pieces, depth)
            elif tag == "list-item":
                self.body(child, pieces, depth)
            elif tag in ("fig", "table-wrap", "fig-group", "table-wrap-group"):
                self.block(child, pieces)

    def body_blocks(self, el: ET.Element, pieces: list[Piece]) -> None:
        for child in el:
            if _local(child.tag) in _BLOCK_CHILDREN:
                if _local(child.tag) in ("list", "disp-quote", "boxed-text"):
                    self.body(child, pieces, 0 if not pieces else pieces[-1].level)
                else:
                    self.block(child, pieces)
            else:
                self.body_blocks(child, pieces)

    def block(self, el: ET.Element, pieces: list[Piece]) -> None:
        tag = _local(el.tag)
        if tag in ("fig-group", "table-wrap-group"):
            for child in el:
                self.block(child, pieces)
        elif tag == "fig":
            label = self.text(el.find("label")) if el.find("label") is not None else ""
            cap = el.find("caption")
            txt = _ws(f"{label} {self.text(cap) if cap is not None else ''}")
            if txt:
                pieces.append(Piece("caption", txt, refs=self.refs_of(el, skip_blocks=False)))
        elif tag == "table-wrap":
            self.n_tables = getattr(self, "n_tables", 0) + 1
            table, as_text = self.table(el, self.n_tables)
            if table is not None:
                pieces.append(Piece("table", table=table))
            elif as_text:
                self.warnings.append(f"{as_text[:60]!r}: table markup not readable; kept as text")
                pieces.append(Piece("paragraph", as_text, refs=self.refs_of(el, skip_blocks=False)))


def _grid(reader: _Reader, rows: list[ET.Element], keep_spans: bool = False):
    """Lay rows out on a grid: a cell with colspan fills its columns, one with rowspan fills
    the rows below. With keep_spans, each row comes with the elements that own its cells."""
    grid: list[list[str]] = []
    owners: list[list[ET.Element]] = []
    pending: dict[int, tuple[int, str, ET.Element]] = {}  # column -> (rows left, text, element)
    for tr in rows:
        row: list[str] = []
        own: list[ET.Element] = []
        col = 0

        def fill_pending():
            nonlocal col
            while col in pending:
                left, txt, el = pending[col]
                row.append(txt)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (left - 1, txt, el)
                col += 1

        fill_pending()
        for cell in tr:
            if _local(cell.tag) not in ("td", "th"):
                continue
            txt = reader.text(cell)
            span = _int(cell.get("colspan"))
            rspan = _int(cell.get("rowspan"))
            own.append(cell)
            for _ in range(span):
                row.append(txt)
                if rspan > 1:
                    pending[col] = (rspan - 1, txt, cell)
                col += 1
                fill_pending()
        fill_pending()
        grid.append(row)
        owners.append(own)
    if keep_spans:
        return list(zip(grid, owners))
    return grid


def _int(v: str | None) -> int:
    try:
        return max(1, min(int(v or 1), 100))
    except ValueError:
        return 1


def author_year_label(authors: list[str] | tuple[str, ...], year: str) -> str:
    if not authors or not year:
        return ""
    first = authors[0].split()[0] if authors[0].split() else authors[0]
    if len(authors) == 1:
        return f"{first}, {year}"
    if len(authors) == 2:
        return f"{first} & {authors[1].split()[0]}, {year}"
    return f"{first} et al., {year}"


def format_reference(authors, title, journal, year, volume, pages, doi) -> str:
    who = ", ".join(authors[:6]) + (", et al." if len(authors) > 6 else "")
    src = journal
    if year:
        src += f" {year}"
    if volume:
        src += f";{volume}"
    if pages:
        src += f":{pages}"
    parts = [p for p in (who, title, src.strip()) if p]
    text = ". ".join(p.rstrip(".") for p in parts) + "."
    if doi:
        text += f" doi:{doi}"
    return text


def load(path: Path, doc_id: str, title: str, meta: dict | None = None) -> Document:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise ValueError(f"{path.name}: not well-formed XML ({e})") from e
    if _local(root.tag) != "article":
        raise ValueError(f"{path.name}: not a JATS article (root element <{_local(root.tag)}>)")
    r = _Reader(root)
    r.read_references()
    meta = dict(meta or {})
    _front_meta(root, meta)
    art_title = root.find("front/article-meta/title-group/article-title")
    if art_title is not None and title == path.stem:
        title = r.text(art_title)
    pieces: list[Piece] = []
    for abstract in root.iterfind("front/article-meta/abstract"):
        if abstract.get("abstract-type") in ("toc", "graphical", "teaser"):
            continue
        pieces.append(Piece("heading", self_title(r, abstract) or "Abstract", level=1))
        r.body(abstract, pieces, 1)
    body = root.find("body")
    if body is not None:
        r.body(body, pieces, 0)
    back = root.find("back")
    for child in back if back is not None else ():
        _back_matter(r, child, pieces)
    # Floats PMC puts in <floats-group> instead of in the body.
    for fl in root.iterfind("floats-group"):
        for child in fl:
            r.block(child, pieces)
    if not any(p.kind in ("paragraph", "table") for p in pieces):
        raise ValueError(f"{path.name}: no body text in the XML")
    doc = assemble(pieces, doc_id, title, path=path.name, meta=meta,
                   references=tuple(r.references), warnings=tuple(f"{path.name}: {w}" for w in r.warnings))
    # Abbreviations the article defines in its own <glossary> come first.
    for item in root.iter("def-item"):
        term, d = item.find("term"), item.find("def")
        if term is not None and d is not None and r.text(term) and r.text(d):
            doc.glossary[r.text(term)] = r.text(d)
    return doc


def _front_meta(root: ET.Element, meta: dict) -> None:
    """What the record (.toml) does not say, from the article's own front matter."""
    am = root.find("front/article-meta")
    if am is None:
        return
    if not meta.get("authors"):
        names = []
        for c in am.iterfind("contrib-group/contrib"):
            if c.get("contrib-type", "author") != "author":
                continue
            sur, given = c.findtext("name/surname"), c.findtext("name/given-names")
            if sur:
                names.append(f"{_ws(sur)}, {_ws(given or '')}".rstrip(", "))
        if names:
            meta["authors"] = names
    if not meta.get("journal"):
        j = root.findtext("front/journal-meta/journal-title-group/journal-title")
        if j:
            meta["journal"] = _ws(j)
    if not meta.get("doi"):
        for a in am.iterfind("article-id"):
            if a.get("pub-id-type") == "doi" and a.text:
                meta["doi"] = _ws(a.text)
    if not meta.get("year"):
        y = am.findtext("pub-date/year")
        if y and y.strip().isdigit():
            meta["year"] = int(y)
    if not meta.get("volume") and am.findtext("volume"):
        meta["volume"] = _ws(am.findtext("volume"))


def _back_matter(r: _Reader, el: ET.Element, pieces: list[Piece]) -> None:
    """A section of the back matter under its own heading, as the article prints it:
    sections and appendices, the glossary (one "TERM: long form" line each), acknowledgements
    and notes (contributions, funding, data availability, competing interests), and the
    reference list's heading (its entries are read as references, not text)."""
    tag = _local(el.tag)
    if tag in ("sec", "app"):
        r.body(_wrap(el), pieces, 0)
    elif tag == "app-group":
        for child in el:
            _back_matter(r, child, pieces)
    elif tag == "glossary":
        items = [f"{r.text(t)}: {r.text(d)}" for it in el.iter("def-item")
                 if (t := it.find("term")) is not None and (d := it.find("def")) is not None and r.text(t)]
        if items:
            pieces.append(Piece("heading", self_title(r, el) or "Abbreviations", level=1))
            pieces.append(Piece("paragraph", "; ".join(items), refs=()))
    elif tag in ("ack", "notes"):
        title = self_title(r, el)
        if title and any(_local(c.tag) in ("p", "sec") for c in el):
            pieces.append(Piece("heading", title, level=1))
            r.body(el, pieces, 1)
        elif not title:
            r.body(el, pieces, 0)
    elif tag == "ref-list" and r.references:
        pieces.append(Piece("heading", self_title(r, el) or "References", level=1))


def self_title(r: _Reader, el: ET.Element) -> str:
    t = el.find("title")
    return r.text(t) if t is not None else ""


def _wrap(el: ET.Element) -> ET.Element:
    holder = ET.Element("holder")
    holder.append(el)
    return holder
