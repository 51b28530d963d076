"""PDF -> positioned words, lines and segments per page (pdfplumber, imported lazily).

A *segment* is a run of words on one line with no wide gap inside: a line of one column,
or one cell of a table row. Everything later (columns, reading order, tables) is decided
from segments and their positions, never from the extraction's own text order."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    font: str = ""
    sup: bool = False  # set smaller and raised: a superscript (footnote mark, affiliation, ...)
    mark: bool = False  # drawn with a font's own superscript glyphs (narrower than the letter)


@dataclass
class Seg:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return Counter(round(w.size, 1) for w in self.words for _ in w.text).most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        n = sum(len(w.text) for w in self.words)
        return sum(len(w.text) for w in self.words if w.bold) > 0.6 * n

    @property
    def text(self) -> str:
        return glue(self.words)


def glue(words: list[Word]) -> str:
    """Words joined by spaces, except pieces set edge to edge (a decimal point in another
    font, a superscript) which belong to one token."""
    out = ""
    prev = None
    for w in words:
        if prev is not None and w.sup and not prev.sup and _CITED.fullmatch(w.text) and (
                prev.text[-1:] in ".,;:)]" or _HOST.fullmatch(prev.text) and not _NAME.fullmatch(prev.text)):
            # "... in older adults.³", "reported before²,⁵⁻⁷": reference numbers set raised
            # after a word are its citation, written as the bracketed numbers other journals
            # print ("adults [3]."). After a stop or a bracket they always are ("24.³⁶",
            # "Kingdom,⁴⁷"); after a name, "Oosterhuis¹", they mark an affiliation; after a
            # number or a unit, "10⁶", "kg/m²", they are a power.
            # (The stop of an abbreviation stays with it: "et al.³" reads "et al. [3]".)
            stop = out[-1] if out and out[-1] in ".,;:" and prev.text.lower() not in _ABBREVIATIONS else ""
            out = (out[:-1] if stop else out) + f" [{w.text.replace('-', '–')}]" + stop
            prev = w
            continue
        if prev is not None:
            out += "" if w.x0 - prev.x1 < 0.08 * max(w.size, prev.size) else " "
        out += w.text
        prev = w
    return out


# Reference numbers as a raised run: "3", "2,5", "6–8", "2,5–7,12".
_CITED = re.compile(r"\d{1,3}(?:\s*[,–—-]\s*\d{1,3})*")
_NAME = re.compile(r"[A-Z][a-zà-ÿ'’\-]+,?")
_ABBREVIATIONS = frozenset("al. e.g. i.e. etc. fig. figs. ref. refs. cf. vs.".split())
# A word a citation can follow: three letters or more at its end.
_HOST = re.compile(r".*[^\W\d_]{3,}['’\"”]?")


@dataclass
class PLine:
    segs: list[Seg]
    page: int
    dropped: bool = False
    page_width: float = 600.0
    page_height: float = 800.0

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    @property
    def top(self) -> float:
        return min(s.top for s in self.segs)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segs)

    @property
    def size(self) -> float:
        return Counter(round(w.size, 1) for s in self.segs for w in s.words for _ in w.text).most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segs)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)


@dataclass
class Page:
    number: int
    width: float
    height: float
    segs: list[Seg]
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y) horizontal rules
    vrules: list[tuple[float, float, float]] = field(default_factory=list)  # (x, top, bottom) vertical rules
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)  # (x0, x1, top, bottom) shaded bands


_SCRIPTS = set("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉₊₋")


def clean(text: str) -> str:
    """Ligatures (ﬁ), the Ångström sign and full-width forms become the characters they
    stand for (NFKC); a soft hyphen at a line end is a wrap hyphen."""
    # pdfminer writes a glyph it cannot map as "(cid:N)"; at a word start that is, in
    # practice, a list bullet.
    t = re.sub(r"^\(cid:\d+\)(?=\S)|^\(cid:\d+\)$", "• ", text).strip()
    t = re.sub(r"\(cid:\d+\)", "", t)
    # NFKC would also flatten superscript and subscript digits ("kg/m²" -> "kg/m2").
    t = "".join(c if c in _SCRIPTS else unicodedata.normalize("NFKC", c) for c in t) if any(
        c in _SCRIPTS for c in t) else unicodedata.normalize("NFKC", t)
    return t.replace("\u00ad", "-").replace("\ufffe", "-").replace("\u2010", "-")


def _bands(rects: list[dict]) -> list[tuple[float, float, float, float]]:
    """Shaded bands (a table's header row, its striped rows): filled rectangles taller than a
    rule and not white, the pieces a renderer draws cell by cell joined where they meet at one
    height, and bands of one colour that meet top to bottom joined (a header of two rows)."""
    pieces = []
    for r in rects:
        colour = r.get("non_stroking_color")
        shade = tuple(colour) if isinstance(colour, (list, tuple)) else (colour,) if colour is not None else ()
        if r.get("fill") and r["bottom"] - r["top"] >= 2.5 and not (shade and all(
                isinstance(v, (int, float)) and v >= WHITE for v in shade)):
            pieces.append((r["x0"], r["x1"], r["top"], r["bottom"], shade))
    pieces.sort(key=lambda r: (round(r[2], 1), round(r[3], 1), r[0]))
    rows: list[list] = []
    for x0, x1, top, bottom, shade in pieces:
        last = rows[-1] if rows else None
        if last and abs(last[2] - top) < 0.6 and abs(last[3] - bottom) < 0.6 and x0 - last[1] <= 1.5 and last[4] == shade:
            last[1] = max(last[1], x1)
        else:
            rows.append([x0, x1, top, bottom, shade])
    rows.sort(key=lambda r: (round(r[0]), round(r[1]), r[2]))
    out: list[list] = []
    for band in rows:
        last = out[-1] if out else None
        if last and abs(last[0] - band[0]) < 2 and abs(last[1] - band[1]) < 2 and abs(band[2] - last[3]) < 1 \
                and last[4] == band[4]:
            last[3] = band[3]
        else:
            out.append(band)
    return sorted(((a, b, t, u) for a, b, t, u, _ in out if b - a >= 20), key=lambda r: (r[2], r[0]))


WHITE = 0.97  # a fill this light in every component is the page's white, not a shade


def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|[-,]B\b|\.B$", fontname, re.I))


def read(path: Path) -> list[Page]:
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise RuntimeError("pdfplumber is needed to read PDF files") from e
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages: list[Page] = []
    try:
        with pdfplumber.open(str(path)) as pdf, ExitStack() as stack:
            # A landscape table set sideways on a portrait page: the page is read turned upright
            # (as a landscape page), or its text would be dropped as set at an angle.
            turned = _turned_pages(path, pdf, stack)
            found = [(turned.get(k, p), _words(turned.get(k, p))) for k, p in enumerate(pdf.pages)]
            # How wide each glyph usually is, per font and size: a letter drawn narrower is
            # another glyph for it, the font's superscript (a footnote mark set with
            # OpenType "sups" at the text's own size and height).
            usual: dict[tuple, Counter] = {}
            for _, ws in found:
                for w in ws:
                    for c in w.get("chars") or []:
                        usual.setdefault(_glyph(c), Counter())[round(c["x1"] - c["x0"], 2)] += 1
            for i, (p, ws) in enumerate(found, start=1):
                words = []
                for w in (x for w0 in ws for x in _split_marks(w0, usual)):
                    chars = w.get("chars") or []
                    # Text set at an angle (a running footer along a landscape page's edge)
                    # is not part of the page's reading flow.
                    if chars and sum(1 for c in chars if not c.get("upright", True)) > len(chars) / 2:
                        continue
                    sizes = Counter(round(c["size"], 1) for c in chars) if chars else Counter({10.0: 1})
                    bold = sum(_is_bold(c.get("fontname", "")) for c in chars) > len(chars) / 2 if chars else False
                    text = clean(w["text"])
                    if not text.strip():
                        continue
                    font = Counter(c.get("fontname", "") for c in chars).most_common(1)[0][0] if chars else ""
                    words.append(Word(text, w["x0"], w["x1"], w["top"], w["bottom"], sizes.most_common(1)[0][0], bold,
                                      font.split("+")[-1], mark=bool(w.get("mark"))))
                rules, vrules = [], []
                for ln in list(p.lines) + [r for r in p.rects if r["height"] < 2.5 or r["width"] < 2.5]:
                    if abs(ln["top"] - ln["bottom"]) < 2.5 and ln["x1"] - ln["x0"] > 20:
                        rules.append((ln["x0"], ln["x1"], (ln["top"] + ln["bottom"]) / 2))
                    elif abs(ln["x1"] - ln["x0"]) < 2.5 and ln["bottom"] - ln["top"] > 5:
                        vrules.append(((ln["x0"] + ln["x1"]) / 2, ln["top"], ln["bottom"]))
                pages.append(Page(i, float(p.width), float(p.height), segments(words), sorted(rules, key=lambda r: r[2]),
                                  sorted(vrules), _bands(p.rects)))
    except (PDFSyntaxError, PdfminerException, ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{path.name}: cannot read PDF ({e})") from e
    return pages


def _words(p) -> list[dict]:
    return p.extract_words(x_tolerance_ratio=0.15, y_tolerance=2.5, return_chars=True, extra_attrs=["size"])


def _sideways(page) -> int:
    """The quarter turn (90 or 270 degrees clockwise) that sets upright a page whose text
    mostly runs up or down the sheet; 0 for a page read as it is printed. (A running footer
    along a landscape page's edge is a few words; a sideways table is most of its page.)"""
    chars = page.chars
    up = down = 0
    for c in chars:
        m = c.get("matrix") or (1, 0, 0, 1, 0, 0)
        if abs(m[0]) < 1e-6 and abs(m[1]) > 1e-6:
            if m[1] > 0:
                up += 1
            else:
                down += 1
    if not chars or max(up, down) <= len(chars) / 2:
        return 0
    return 90 if up > down else 270


def _turned_pages(path: Path, pdf, stack: ExitStack) -> dict:
    """Page index -> the page turned upright, for the pages whose text mostly runs up or down
    the sheet: all of them turned in one PDF made in memory (pages share fonts and images, so
    one copy of them). A PDF pypdf cannot take apart keeps those pages as printed (their
    sideways text dropped, as before); the document is still read."""
    import pdfplumber

    sideways = {k: a for k, p in enumerate(pdf.pages) if (a := _sideways(p))}
    if not sideways:
        return {}
    try:
        from pypdf import PdfReader, PdfWriter

        # Pages by object number, not by position: a page tree pypdf counts differently from
        # pdfminer (a node without /Type, a page listed twice) must not turn the wrong page.
        by_id = {pg.indirect_reference.idnum: pg for pg in PdfReader(str(path)).pages if pg.indirect_reference}
        writer = PdfWriter()
        order = sorted(sideways)
        for k in order:
            writer.add_page(by_id[pdf.pages[k].page_obj.pageid])
            writer.pages[-1].rotate(sideways[k])
        out = io.BytesIO()
        writer.write(out)
        out.seek(0)
        return dict(zip(order, stack.enter_context(pdfplumber.open(out)).pages))
    except Exception:  # pypdf raises many kinds on damaged files; the old reading stands
        return {}


def _glyph(c: dict) -> tuple:
    return (c.get("fontname", ""), c.get("text", ""), round(c.get("size", 0.0), 1))


_MARK_CHARS = set("abcdefghijklmnopqrstuvwxyz*†‡§¶")


def _split_marks(w: dict, usual: dict[tuple, Counter]) -> list[dict]:
    """A word ending in footnote marks drawn as the font's superscript glyphs ("days" + "a")
    -> the word and its marks, the marks flagged. A mark is a letter or symbol narrower
    than that letter usually is in its font and size (seen three times or more)."""
    chars = w.get("chars") or []
    k = len(chars)
    while k > 1 and len(chars) - k < 2:
        c = chars[k - 1]
        seen = usual.get(_glyph(c))
        if c.get("text") not in _MARK_CHARS or not seen:
            break
        width, n = seen.most_common(1)[0]
        if n < 3 or c["x1"] - c["x0"] >= 0.8 * width:
            break
        k -= 1
    if k == len(chars) or not any(ch.get("text", "").isalnum() for ch in chars[:k]):
        return [w]
    # The word itself at its usual widths (not a run of condensed type, narrow throughout).
    seen = usual.get(_glyph(chars[k - 1]))
    if seen and chars[k - 1]["x1"] - chars[k - 1]["x0"] < 0.8 * seen.most_common(1)[0][0]:
        return [w]
    head, tail = chars[:k], chars[k:]

    def part(cs: list[dict], mark: bool) -> dict:
        return {**w, "text": "".join(c["text"] for c in cs), "x0": cs[0]["x0"], "x1": cs[-1]["x1"], "chars": cs, "mark": mark}

    return [part(head, False), part(tail, True)]


SCRIPT_SIZE = 0.81  # a word set at most this share of its line's type is a superscript's size


def _beside(w: Word, ln: list[Word]) -> float:
    """How much of w's height a larger word of the line it sits right after or right before
    (within half an em) overlaps, when that is at least half: a superscript on that word; else 0."""
    best = 0.0
    for x in ln:
        ov = min(x.bottom, w.bottom) - max(x.top, w.top)
        if x.size > w.size and ov >= 0.5 * (w.bottom - w.top) and \
                (-1.0 <= w.x0 - x.x1 <= 0.5 * x.size or -1.0 <= x.x0 - w.x1 <= 0.5 * x.size):
            best = max(best, ov)
    return best


def _small_beside_none(w: Word, ln: list[Word]) -> bool:
    """w is set smaller than the line's type and no word of the line is next to it."""
    main = max((x.size for x in ln), default=w.size)
    return w.size < SCRIPT_SIZE * main and not _beside(w, ln)


def segments(words: list[Word]) -> list[Seg]:
    """Words -> lines (by vertical overlap) -> segments (split at gaps wider than ~1 em)."""
    lines: list[list[Word]] = []
    # A raised small word (a superscript citation, "PPCs⁹,¹⁰") starts above its own line's
    # words; read first, it joins the other column's line beside it, whose words end far from
    # it. When no word of that line is next to it, it moves, once every line is built, to the
    # line holding the word it sits beside. (Moved only then: the next lines' words are measured
    # against their neighbours with it in place.)
    waiting: list[tuple[Word, list[Word]]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        best, best_ov = None, 0.0
        for ln in lines[-8:]:
            if any(_stacked(w, x) for x in ln):
                continue
            # Measured against the words of its own size where the line has some: the other
            # column's larger type beside a small line (a reference list's) grows the line
            # over the next small line, whose hanging number has no word above it.
            like = [x for x in ln if abs(x.size - w.size) < 0.15 * w.size] or ln
            top, bottom = min(x.top for x in like), max(x.bottom for x in like)
            ov = min(bottom, w.bottom) - max(top, w.top)
            h = min(bottom - top, w.bottom - w.top) or 1.0
            if ov / h > 0.5 and ov > best_ov:
                best, best_ov = ln, ov
        if best is None:
            best = _script_host(w, lines[-8:])
        if best is None:
            lines.append([w])
        else:
            best.append(w)
            if _small_beside_none(w, best):
                waiting.append((w, best))
    for w, first in waiting:
        host = max((ln for ln in lines if ln is not first), key=lambda ln: _beside(w, ln), default=None)
        if host is not None and _beside(w, host) > 0:
            first.remove(w)
            host.append(w)
    _rehome_marks(lines)
    out: list[Seg] = []
    for ln in lines:
        if not ln:
            continue
        ln.sort(key=lambda w: w.x0)
        segs = [[ln[0]]]
        for w in ln[1:]:
            gap = w.x0 - segs[-1][-1].x1
            if gap > 0.9 * max(w.size, segs[-1][-1].size) or gap < -1.0:
                segs.append([w])
            else:
                segs[-1].append(w)
        # A superscript is small and raised against the type of its own segment: the other
        # column at the same height may be set larger (body text beside a table), and its
        # size must not make a whole table line look raised.
        for seg in segs:
            main = Counter(round(w.size, 1) for w in seg for _ in w.text).most_common(1)[0][0]
            base = max((w.bottom for w in seg if round(w.size, 1) == main), default=0.0)
            for w in seg:
                # A mark set at 80% of the type (6 pt on 7.5) is as much a superscript as
                # a smaller one; a rounding hair must not decide.
                w.sup = w.mark or w.size < SCRIPT_SIZE * main and w.bottom < base - 0.15 * main
            out.append(Seg(seg))
    return out


def _stacked(w: Word, x: Word) -> bool:
    """w sits under (or over) x: they share x-range but hardly any height. A line grown tall
    by the other column's type (a table's 7 pt lines beside 9.6 pt text, at another pitch)
    overlaps the next table line as well; a word set right under one of its words is on
    that next line, not on this one."""
    if min(w.x1, x.x1) - max(w.x0, x.x0) < 1.0 or min(w.size, x.size) < 0.85 * max(w.size, x.size):
        return False
    return min(w.bottom, x.bottom) - max(w.top, x.top) < 0.3 * min(w.bottom - w.top, x.bottom - x.top)


def _rehome_marks(lines: list[list[Word]]) -> None:
    """A small raised mark set right after a word ("mg/L)" + "c") belongs to that word's
    line, even where it overlaps more of the line above (a line made tall by taller type at
    its height elsewhere on the page, such as the other column's text)."""
    ends: dict[int, list[tuple[Word, int]]] = {}
    for i, ln in enumerate(lines):
        for x in ln:
            ends.setdefault(round(x.x1), []).append((x, i))
    for i, ln in enumerate(lines):
        for w in list(ln):
            if len(w.text) > 3:
                continue
            for k in (round(w.x0) - 1, round(w.x0), round(w.x0) + 1):
                host = next(((x, j) for x, j in ends.get(k, []) if j != i and abs(x.x1 - w.x0) < 0.15 * x.size
                             and w.size < 0.85 * x.size and x.top - 0.5 * x.size < w.top and w.bottom < x.bottom - 0.15 * x.size
                             and w.bottom > x.top), None)
                if host is not None:
                    ln.remove(w)
                    lines[host[1]].append(w)
                    break


def _script_host(w: Word, lines: list[list[Word]]) -> list[Word] | None:
    """The line a sub- or superscript belongs to: it is set smaller, overlaps the line only
    in part (so the overlap test fails), and touches a word of it edge to edge ("t" +
    "max", "P2Y" + "12")."""
    for ln in reversed(lines):
        top, bottom = min(x.top for x in ln), max(x.bottom for x in ln)
        if min(bottom, w.bottom) - max(top, w.top) <= 0.2 * (w.bottom - w.top):
            continue
        for x in ln:
            if w.size < 0.85 * x.size and (abs(w.x0 - x.x1) < 0.15 * x.size or abs(x.x0 - w.x1) < 0.15 * x.size):
                return ln
    return None


def line_up(segs: list[Seg], page: int) -> list[PLine]:
    """Segments of one region -> lines, top to bottom, each left to right."""
    rows: list[list[Seg]] = []
    for s in sorted(segs, key=lambda s: (s.top, s.x0)):
        for r in rows[-4:]:
            top, bottom = min(x.top for x in r), max(x.bottom for x in r)
            ov = min(bottom, s.bottom) - max(top, s.top)
            if ov > 0.5 * min(bottom - top, s.bottom - s.top):
                r.append(s)
                break
        else:
            rows.append([s])
    return [PLine(sorted(r, key=lambda s: s.x0), page) for r in rows]


def body_font(pages: list[Page], size: float) -> str:
    """The running text's font (the most used one at the body size)."""
    c: Counter[str] = Counter()
    for p in pages:
        for s in p.segs:
            for w in s.words:
                if abs(w.size - size) <= 0.6:
                    c[w.font] += len(w.text)
    return c.most_common(1)[0][0] if c else ""


ITALIC_RE = re.compile(r"italic|oblique|-it\b|\.I$", re.I)  # an italic face, by its font's name


def mark_emphasis(pages: list[Page], size: float) -> None:
    """Words in a font other than the body font at (about) the body size or larger count as
    bold: many PDFs name their fonts by a hash, so the name cannot say "Bold"."""
    font = body_font(pages, size)
    for p in pages:
        for s in p.segs:
            for w in s.words:
                if not w.bold and w.font and w.font != font and w.size >= size - 1.0 and not ITALIC_RE.search(w.font):
                    w.bold = True


def body_size(pages: list[Page]) -> float:
    c: Counter[float] = Counter()
    for p in pages:
        for s in p.segs:
            for w in s.words:
                c[round(w.size, 1)] += len(w.text)
    return c.most_common(1)[0][0] if c else 10.0
