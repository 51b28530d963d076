"""Abbreviations: from table Notes ("BM bone marrow, AT adipose tissue") and from definitions
in the text ("bone marrow (BM)"), the latter matched the Schwartz–Hearst way: the short form's
letters must be found, in order, in the words just before it."""

from __future__ import annotations

import re

_PAREN_RE = re.compile(r"\(([A-Za-z][A-Za-z0-9αβγκ\-/]{0,11}[A-Za-z0-9αβγκ]?)\)")


def _is_short_form(s: str) -> bool:
    return 2 <= len(s) <= 12 and sum(c.isupper() for c in s) >= 1 and any(c.isalpha() for c in s) \
        and " " not in s and not s.isdigit()


def _long_form(words: list[str], short: str) -> str | None:
    """Shortest run of words ending just before "(SHORT)" that spells the short form."""
    letters = [c.lower() for c in short if c.isalnum()]
    if not letters:
        return None
    max_words = min(len(letters) + 5, 2 * len(letters))
    cand = words[-max_words:]
    text = " ".join(cand)
    # Schwartz–Hearst: walk the short form backwards through the candidate text.
    s_i, l_i = len(letters) - 1, len(text) - 1
    while s_i >= 0:
        c = letters[s_i]
        while l_i >= 0 and (
            text[l_i].lower() != c or (s_i == 0 and l_i > 0 and text[l_i - 1].isalnum())
        ):
            l_i -= 1
        if l_i < 0:
            return None
        s_i -= 1
        l_i -= 1
    start = text.rfind(" ", 0, l_i + 1) + 1
    long = text[start:].strip(" ,;:")
    if not long or long.lower() == short.lower() or len(long) <= len(short):
        return None
    return long


def from_text(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _PAREN_RE.finditer(text):
        short = m.group(1)
        if not _is_short_form(short):
            continue
        before = text[max(0, m.start() - 200) : m.start()]
        before = re.split(r"[.;:()\[\]]", before)[-1]
        words = before.split()
        if not words:
            continue
        long = _long_form(words, short)
        if long and short not in out:
            out[short] = long
    return out


# How papers write a list of abbreviations (a legend, a table's foot, an "Abbreviations"
# section): "CAF; cancer-associated fibroblast, EMT; ...", "AF, atrial fibrillation; BMI, ...",
# "AF: atrial fibrillation; ...", "AF = atrial fibrillation; ...": (between a short form and its
# long form, between entries).
_LIST_STYLES = ((";", ","), (",", ";"), (":", ";"), ("=", ";"), ("=", ","))
LIST_MIN_ENTRIES = 3  # entries in a row that make a list (two could be a sentence's clauses)


def from_lists(text: str, min_entries: int = LIST_MIN_ENTRIES) -> dict[str, str]:
    """Abbreviation lists written out in the text, in any of the usual styles (min_entries in a
    row make a list: in running text two could be a sentence's clauses, in a table's note one
    entry is already a definition)."""
    out: dict[str, str] = {}
    for block in re.split(r"\n\s*\n", text):
        body = " ".join(block.replace("\u2010", "-").replace("\u2011", "-").split())
        for inner, outer in _LIST_STYLES:
            if inner not in body:
                continue
            run: list[tuple[str, str]] = []
            for entry in re.split(rf"\s*{re.escape(outer)}\s+", body) + [""]:
                short, sep, long = entry.partition(inner)
                # The list may open a sentence's tail ("... factors. CAF; cancer-associated ...").
                short = re.split(r"(?:^|[.:]\s+)(?:Abbreviations|Note|Notes)?[:.]?\s*", short.strip())[-1].strip()
                long = _first_sentence(long.strip()).rstrip(".")
                if sep and " " not in short and _note_entry(short, long) and _spells(short, long):
                    run.append((short, long))
                    continue
                if len(run) >= min_entries:
                    for k, v in run:
                        out.setdefault(k, v)
                run = []
    return out


def _first_sentence(text: str) -> str:
    """The list's last entry may end where the note's next sentence begins ("FES-I, Falls
    Efficacy Scale. Percentages may not sum to 100"); a period after a short or dotted word
    ("St. John's wort", "e.g. CPAP") ends no sentence."""
    for m in re.finditer(r"\.\s+(?=[A-Z])", text):
        word = re.findall(r"[\w.]+$", text[:m.start()])
        if word and len(word[0]) > 2 and "." not in word[0]:
            return text[:m.start()]
    return text


_SMALL = frozenset("a an the of in on at to for and or not no with from by as per vs".split())


def _spells(short: str, long: str) -> bool:
    """The long form opens with the short form's first letter and holds its other letters in
    order ("IL6, increased in all patients" is a finding, not a definition), or its words open
    with the short form's letters in another order ("SpO2, peripheral oxygen saturation")."""
    letters = [c for c in short.lower() if c.isalpha()]
    low = long.lower()
    if not letters:
        return False
    # Letters in another order: physiological notation, in mixed case or with digits (SpO2,
    # PaCO2: "peripheral oxygen saturation"), whose long form's first words open with exactly
    # those letters ("SD, data shown ..." or "TNF, not tested in females" are findings).
    words = re.findall(r"[a-z0-9αβγκ]+", low)[:len(letters)]
    if (len(letters) >= 2 and any(c.islower() or c.isdigit() for c in short[1:]) and len(words) == len(letters)
            and not _SMALL & set(words) and sorted(w[0] for w in words) == sorted(letters)):
        return True
    if not low.startswith(letters[0]):
        return False
    at = 1
    for c in letters[1:]:
        at = low.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


def assemble(notes: list[str], text: str) -> dict[str, str]:
    """A document's abbreviations: its tables' notes first, then what its parentheses define,
    then the lists it writes out (which fill in, never redefine)."""
    glossary: dict[str, str] = {}
    for note in notes:
        glossary.update(from_note(note))
        for short, long in from_lists(note, min_entries=1).items():
            glossary.setdefault(short, long)
    for short, long in from_text(text).items():
        glossary.setdefault(short, long)
    fill(glossary, from_lists("\n\n".join([text, *notes])))
    return glossary


def fill(glossary: dict[str, str], more: dict[str, str]) -> None:
    """Add the abbreviations glossary does not define yet, in either number (MSC and MSCs are one)."""
    for short, long in more.items():
        if not {short, short + "s", short.removesuffix("s")} & glossary.keys():
            glossary[short] = long


def from_note(note: str) -> dict[str, str]:
    """'Note: ALI acute lung injury, MI myocardial infarction, ...' -> {ALI: acute lung injury}."""
    body = re.sub(r"^\s*(?:Note|Notes|Abbreviations)\s*[:.]\s*", "", note)
    out: dict[str, str] = {}
    for entry in re.split(r",\s+(?=\S+\s)", body):
        parts = entry.strip().split(None, 1)
        if len(parts) != 2:
            continue
        short, long = parts[0], parts[1].strip().rstrip(".")
        if _note_entry(short, long):
            out.setdefault(short, long)
    return out


_NOTE_SHORT = re.compile(r"[A-Za-z0-9αβγκ][A-Za-z0-9αβγκ\-/+]*")


def _note_entry(short: str, long: str) -> bool:
    """An abbreviation and its long form, not the first words of a sentence in a note ("The
    following ...", "Chimp (P)"): the short form looks like one (capitals inside it or digits;
    a capitalised ordinary word is not), and its first letter opens a word of a few-word long form."""
    dotted = re.fullmatch(r"[a-z]\.[a-z]\.?", short)  # "n.a not available"
    if not dotted and (not _NOTE_SHORT.fullmatch(short) or not any(c.isupper() for c in short)):
        return False
    if short[0].isupper() and short[1:].islower() and len(short) > 2:
        return False
    words = re.findall(r"[A-Za-z0-9αβγκ]+", long)
    if not words or len(long.split()) > 8 or not long[0].isalnum():
        return False
    first = short[0].lower()
    return any(w[0].lower() == first for w in words)
