"""From extracted page text to ordered regions: running text, captions, tables.

The extraction of a two-column article interleaves the running text with figure captions
and table fragments, breaks lines (and words) at column width, and leaves blank lines at
column and page breaks that are not paragraph breaks. This module undoes that with rules
that read the page's own evidence (line widths, the document's vocabulary), not a list of
this review's lines or words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

CAPTION_RE = re.compile(r"^(?:Fig\.?|Figure)\s*\d+[.:]?\s+\S")
TABLE_TITLE_RE = re.compile(r"^Table\s+(\d+)\s+(\S.*)$")
NOTE_RE = re.compile(r"^(?:Note|Notes|Abbreviations)\s*[:.]")
SENTENCE_END_RE = re.compile(r"[.!?:][\"”’)\]]*$")
_WORD_RE = re.compile(r"[A-Za-z0-9αβγδκμ][\w\-αβγδκμ/.]*")


@dataclass
class Line:
    text: str
    page: int
    index: int
    blank: bool
    page_start: bool
    indent: bool = False  # an indented first line: a new paragraph (when the document marks them so)


@dataclass
class Region:
    kind: str  # "text" | "caption" | "table"
    lines: list[Line]


def to_lines(pages: list[str], indent_paragraphs: bool = False) -> list[Line]:
    out: list[Line] = []
    for p, page in enumerate(pages, start=1):
        first = True
        for raw in page.split("\n"):
            text = raw.strip()
            indent = indent_paragraphs and bool(text) and raw[:1] in (" ", "\t")
            out.append(Line(text, p, len(out), not text, first and bool(text), indent))
            if text:
                first = False
    return out


# Indents mark paragraphs when nearly all of them open a sentence after a sentence end or a
# heading, and they come a paragraph apart, not a page apart.
INDENT_BOUNDARY_SHARE = 0.9
INDENT_MAX_MEDIAN_GAP = 30


def paragraph_indents(lines: list[str]) -> bool:
    """Whether this extraction marks paragraphs by indenting their first line.

    An extraction may also indent the first line of each page (as the bundled review does);
    a page break falls anywhere, mid-sentence as often as not, and a page apart. A paragraph
    indent opens a sentence where the line before ends one (or is a heading), and recurs a
    paragraph apart. The document's own indents decide which it is."""
    filled = [(i, ln) for i, ln in enumerate(lines) if ln.strip()]
    cands = [(k, i) for k, (i, ln) in enumerate(filled) if k > 0 and ln[:1] in (" ", "\t")]
    if len(cands) < 2:
        return False
    at_boundary = 0
    for k, _ in cands:
        text, before = filled[k][1].strip(), filled[k - 1][1].strip()
        opens = text[:1].isupper() or text[:1].isdigit() or text[:1] in "[(“\"‘'"
        after_end = bool(SENTENCE_END_RE.search(before)) or (
            before[:1].isupper() and not before.endswith((",", ";", "-", "–")) and len(before.split()) <= 12)
        at_boundary += opens and after_end
    gaps = sorted(b - a for (_, a), (_, b) in zip(cands, cands[1:]))
    return at_boundary >= INDENT_BOUNDARY_SHARE * len(cands) and gaps[len(gaps) // 2] <= INDENT_MAX_MEDIAN_GAP


def split_regions(lines: list[Line]) -> list[Region]:
    """Cut the line stream into running text, captions and table fragments.

    A caption or a table starts at the start of a text block (after a blank line or at a
    page start). A caption ends at the next blank line or page; a table fragment ends at
    the end of its Note, or at the page's end, since each page repeats a table's title with
    "(Continued)".
    """
    regions: list[Region] = []
    cur_text: list[Line] = []
    i = 0
    n = len(lines)

    def flush_text():
        if cur_text:
            regions.append(Region("text", list(cur_text)))
            cur_text.clear()

    while i < n:
        ln = lines[i]
        at_block_start = i == 0 or lines[i - 1].blank or ln.page_start
        if not ln.blank and at_block_start and CAPTION_RE.match(ln.text):
            flush_text()
            j = i + 1
            while j < n and not lines[j].blank and not lines[j].page_start:
                j += 1
            regions.append(Region("caption", lines[i:j]))
            i = j
            continue
        if not ln.blank and at_block_start and TABLE_TITLE_RE.match(ln.text):
            flush_text()
            j = i + 1
            in_note = False
            while j < n and not lines[j].page_start:
                if NOTE_RE.match(lines[j].text):
                    in_note = True
                elif in_note and lines[j].blank:
                    break
                j += 1
            regions.append(Region("table", lines[i:j]))
            i = j
            continue
        cur_text.append(ln)
        i += 1
    flush_text()
    return regions


# Endings of the second half of an English compound ("-corrected", "-signalling", "-like").
_COMPOUND_TAIL = re.compile(r"(?:ed|ing|like|based|type|fold|free|wide|specific|positive|negative|dependent|sensitive|resistant)$", re.I)


class Vocabulary:
    """Word evidence from the document itself, used to decide line-wrap hyphens."""

    def __init__(self, lines: list[Line]):
        self.counts: Counter[str] = Counter()
        self.parts: Counter[str] = Counter()
        prev_wrapped = False
        for ln in lines:
            words = ln.text.split()
            wrapped = bool(words) and words[-1].endswith("-")
            # Both halves of a word broken at a line end are fragments, not evidence.
            if wrapped:
                words = words[:-1]
            if prev_wrapped and words:
                words = words[1:]
            if ln.text:
                prev_wrapped = wrapped
            for w in words:
                w = w.strip(".,;:()[]{}\"'“”‘’").lower()
                if w:
                    self.counts[w] += 1
                    # The parts of a compound are words of the document too.
                    if "-" in w:
                        for part in w.split("-"):
                            if part:
                                self.parts[part] += 1

    def join_hyphen(self, head: str, tail: str) -> str:
        """Join `head-` at a line end with `tail` on the next line: keep or drop the hyphen."""
        h = head[:-1]
        t_word = tail.strip(".,;:()[]{}\"'“”‘’")
        h_core = re.sub(r"^.*?([A-Za-z0-9αβγκ]+)$", r"\1", h)
        joined = (h_core + t_word).lower()
        hyph = (h_core + "-" + t_word).lower()
        c_joined, c_hyph = self.counts[joined], self.counts[hyph]
        # Also count the compound as a prefix of longer hyphenated words
        # (e.g. "anti-inflammatory" seen inside "anti-inflammatory,").
        if c_joined or c_hyph:
            return h + tail if c_joined > c_hyph else head + tail
        # No direct evidence: a hyphen after a capital inside the word, a digit or a gene-like
        # token is real (miR-222, BM-MSCs, H2O2-induced); before a capital or digit too.
        if re.search(r"[A-Z0-9]", h_core[1:]) or h_core[:1].isdigit() or re.match(r"[A-Z0-9(]", tail):
            return head + tail
        # A capitalised word: a compound when what follows is a word the document uses
        # ("Gram-negative", "Notch-dependent") or is built like one ("Bonferroni-corrected",
        # "Wnt-signalling"); else one word broken at the line end ("Swe-" "den", "Ther-" "apy").
        if h_core[:1].isupper():
            if len(t_word) >= 4 and self._known(t_word) or _COMPOUND_TAIL.search(t_word):
                return head + tail
            return h + tail
        # Both halves are words the document uses on their own and the joined form is
        # unseen: a compound ("signal-regulated", "leucine-rich"), not a broken word.
        if len(h_core) >= 4 and len(t_word) >= 4 and self._known(h_core) and self._known(t_word):
            return head + tail
        # A short prefix that the document uses elsewhere before a hyphen (anti-, pro-,
        # non-, co-) is a real compound.
        if self._is_hyphen_prefix(h_core.lower()):
            return head + tail
        return h + tail

    def _known(self, word: str) -> bool:
        w = word.lower()
        return self.counts[w] + self.parts[w] > 0

    def _is_hyphen_prefix(self, prefix: str) -> bool:
        pre = prefix + "-"
        uses = sum(c for w, c in self.counts.items() if w.startswith(pre) and len(w) > len(pre))
        return uses >= 2


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    """Join wrapped lines into one string, removing wrap hyphens by evidence."""
    out = ""
    for text in lines:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
            continue
        if out.endswith("-") and not out.endswith(" -") and not out.endswith("--"):
            head_word = out.split(" ")[-1]
            tail_word, _, rest = text.partition(" ")
            joined = vocab.join_hyphen(head_word, tail_word)
            out = out[: len(out) - len(head_word)] + joined + ((" " + rest) if rest else "")
        elif out.endswith(("/", "–", "—")):
            # "miR-222/" + "223", "30–" + "100 nm": a break inside a compound or range.
            out = out + text
        else:
            out = out + " " + text
    return re.sub(r"[ \t]+", " ", out).strip()


def typical_width(lines: list[Line]) -> float:
    widths = [len(ln.text) for ln in lines if not ln.blank]
    return median(widths) if widths else 0.0
