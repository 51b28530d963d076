"""Spelling against the corpus's own vocabulary: British and American forms of one word, and
one-letter typos ("brest", "reduses") corrected to words the documents actually use.

Candidates come from the corpus vocabulary (and, for a non-word, English words one edit away),
British/American variants from the regular spelling correspondences of English (tumour/tumor,
haemorrhage/hemorrhage, characterise/characterize, fibre/fiber, labelled/labeled), and "is this
already a real word?" from the embedding model's word-piece vocabulary (a common English word is
one piece) and a general English word list (qa/lexicon.py), so a correct word that the corpus
happens not to use ("periodontitis", "vesicles") is never turned into another English word
("vehicles") and the question can be judged not covered."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qa.evidence import generic_stems
from qa.index.lexical import STOP_WORDS
from qa.lexicon import FREQUENT_WORD, LEXICON_FLOOR

# Regular British -> American correspondences, applied both ways. The first group may sit
# anywhere in a word (haemorrhage, oedema, tumourigenic); the second only at its end.
_ANYWHERE = (("our", "or"), ("ae", "e"), ("oe", "e"))
_SUFFIX = (
    ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("isation", "ization"),
    ("isations", "izations"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ("tre", "ter"), ("tres", "ters"), ("lled", "led"), ("lling", "ling"), ("ogue", "og"), ("ence", "ense"),
)
STEM_TYPO_MIN = 6  # a stem this long may be corrected one edit towards a documents' stem
ENDING_MAX = 3  # letters of grammatical ending a stem leaves off a word ("-ing", "-ies")
# A word one edit from the typed one is a slip of it down to this stem length ("maturign" ->
# "maturing", stem "matur").
EDIT_STEM_MIN = 5
_WORD = re.compile(r"[A-Za-z][a-z]{2,}")  # lower-case words; acronyms and gene names are not corrected


def variants(word: str) -> set[str]:
    """Spellings of word under one British/American correspondence (either direction)."""
    out: set[str] = set()
    for uk, us in _ANYWHERE:
        for a, b in ((uk, us), (us, uk)):
            for m in re.finditer(a, word):
                out.add(word[: m.start()] + b + word[m.end():])
    for uk, us in _SUFFIX:
        for a, b in ((uk, us), (us, uk)):
            if word.endswith(a) and len(word) - len(a) >= 3:
                out.add(word[: -len(a)] + b)
    out.discard(word)
    return out


# Prefixes that turn a word's meaning: a word and its other-prefixed twin are not typos of each other.
_MEANING_PREFIXES = ("re", "de", "un", "in", "im", "dis", "non", "pro", "pre", "post", "anti", "hyper", "hypo",
                     "intra", "inter", "sub", "super", "over", "under", "up", "down")


def _other_prefix(a: str, b: str) -> bool:
    """a and b differ only by which of two meaning prefixes they open with (re-/de-myelination)."""
    for pa in _MEANING_PREFIXES:
        if a.startswith(pa):
            for pb in _MEANING_PREFIXES:
                if pb != pa and b.startswith(pb) and a[len(pa):] == b[len(pb):]:
                    return True
    return False


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}


def _delete_index(words: Iterable[str]) -> dict[str, set[str]]:
    """Symmetric-delete index: each word and its one-letter deletions point to the word."""
    index: dict[str, set[str]] = {}
    for w in words:
        for d in _deletes(w) | {w}:
            index.setdefault(d, set()).add(w)
    return index


def _near(word: str, index: dict[str, set[str]], distance: int) -> list[str]:
    keys = _deletes(word) | {word}
    if distance == 2:
        keys |= {d2 for d in _deletes(word) for d2 in _deletes(d)}
    pool: set[str] = set()
    for k in keys:
        pool |= index.get(k, set())
    return [w for w in pool if w != word and damerau(word, w, distance) <= distance]


def damerau(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance, stopping early above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@dataclass(frozen=True)
class Correction:
    text: str  # the question as corrected
    changes: tuple[tuple[str, str], ...]  # (as typed, as corrected), typos only
    normalised: tuple[tuple[str, str], ...]  # British/American respellings

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.normalised)


class Speller:
    """Corrects the words of a question that no document uses, towards words they do use."""

    def __init__(self, texts: Iterable[str], is_common_word: Callable[[str], bool] | None = None, min_len: int = 4,
                 stem: Callable[[str], str] | None = None, dictionary: Iterable[str] = (),
                 english: dict[str, int] | None = None):
        counts: Counter[str] = Counter()
        for t in texts:
            counts.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", t))
        self.counts = counts
        self._stem = stem or (lambda w: w)
        self.stems = {self._stem(w) for w in counts}
        self.min_len = min_len
        self._is_common = is_common_word or (lambda w: False)
        self.english = english or {}  # real words beyond the common ones, with their counts
        self._index = _delete_index(w for w in counts if len(w) >= min_len - 1)
        # Each stem's most frequent word, and the stems by their deletions: a typo in a form
        # the documents do not use ("imunoreactive" where they say "immunoreactivity") is near
        # their stem though far from every word they print.
        self._by_stem: dict[str, str] = {}
        for w, _ in counts.most_common():
            self._by_stem.setdefault(self._stem(w), w)
        self._stem_index = _delete_index(st for st in self._by_stem if len(st) >= STEM_TYPO_MIN)
        # English words the documents do not use ("prepared" typed "prepaired"): a typo of one
        # is corrected to it, so that it is not taken for a technical term no document has.
        self.dictionary = {w for w in dictionary if w not in counts}
        self._dict_index = _delete_index(w for w in self.dictionary if len(w) >= min_len)

    def stem(self, word: str) -> str:
        """The stem the corpus's words are indexed by."""
        return self._stem(word)

    def known(self, word: str) -> bool:
        low = word.lower()
        return low in self.counts or self._stem(low) in self.stems

    def is_real(self, low: str) -> bool:
        """low is an English word, though perhaps no document uses it: a common or listed word
        ("vesicles"), the other national spelling of one ("tumour", "haematoma" where the model's vocabulary
        has "tumor", "hematoma"), or a regular form of one ("scarring", "injections": the
        stem is a word). A typo is none of these ("prepaired": no word "prepair")."""
        if self._is_common(low) or low in self.english:
            return True
        # (A spelling seen only as rarely as the list's floor vouches for none: "braest" is no
        # British "brest".)
        if any(self.english.get(v, 0) > LEXICON_FLOOR or (not self.english and self._is_common(v)) for v in variants(low)):
            return True
        stem = self._stem(low)
        return stem != low and len(stem) >= 3 and any(self._is_common(w) for w in (stem, stem + "e"))

    def respell(self, word: str) -> str | None:
        """The corpus's spelling of a British/American variant of word, if it uses one."""
        low = word.lower()
        found = [v for v in variants(low) if v in self.counts or self._stem(v) in self.stems]
        return max(found, key=lambda v: (self.counts.get(v, 0), v)) if found else None

    def candidates(self, word: str, dictionary: bool = True) -> list[str]:
        """Corpus words one edit away (insert, delete, substitute, swap), most frequent first;
        for a plural or possessive, those of its singular ("alzhiemers"); for a long word, two
        edits away when nothing is one away; else English words one edit away."""
        low = word.lower()
        near = _near(low, self._index, 1)
        if not near and len(low) >= 6 and low.endswith("s"):
            near = _near(low[:-1], self._index, 1)
        # Two letters swapped, perhaps with one more slip ("complciate", "purifeid" -> purifies):
        # the symmetric deletes above reach a swap only one edit deep, so each swap is searched
        # one edit away. Two other slips in one word are no typo but another word ("nephritis"
        # is not "neuritis", "fibroids" not "fibrosis"); a real word typed is no double slip of another.
        if not near and len(low) >= 8 and dictionary:
            near = [w for t in _swaps(low) for w in _near(t, self._index, 1) if w != low and damerau(low, w, 2) <= 2]
        # (Not the same word with another prefix: "remyelination" is no typo of "demyelination".)
        near = [w for w in near if not _other_prefix(low, w)]
        if near or not dictionary:
            # The ending carries the word's grammar ("clinicaly" is "clinically", not "clinical").
            return sorted(near, key=lambda w: (-_shared_ending(low, w), -self.counts[w], w))
        english = sorted(w for w in _near(low, self._dict_index, 1) if not _other_prefix(low, w))
        return english or self._near_stem(low) or self._edit_to_stem(low)

    def _near_stem(self, low: str) -> list[str]:
        """The typed word with its stem corrected to a documents' stem one edit away, when
        that is an English word; else the documents' most frequent word of that stem."""
        stem = self._stem(low)
        if len(stem) < STEM_TYPO_MIN or stem == low:
            return []  # (no ending the stemmer knows: a word in its own right, "myocarditis")
        out = []
        for near in sorted(n for n in _near(stem, self._stem_index, 1) if not _other_prefix(stem, n)):
            rebuilt = near + low[len(stem):] if low.startswith(stem) else ""
            out.append(rebuilt if rebuilt and (rebuilt in self.dictionary or rebuilt in self.counts) else self._by_stem[near])
        return sorted(set(out), key=lambda w: (-self.counts.get(w, 0), w))

    def _edit_to_stem(self, low: str) -> list[str]:
        """One slip that broke the word's ending, so the stemmer found no stem to correct
        ("ultracentrifuegd", "maturign"): the word one edit away whose stem is a documents'
        stem (they write "ultracentrifugation", "maturation"), most used stem first."""
        if len(low) < STEM_TYPO_MIN:
            return []
        letters = "abcdefghijklmnopqrstuvwxyz"
        # (Commonest slips first: two letters swapped, one dropped, one added, one mistyped.)
        kinds = [sorted(_swaps(low)), sorted(_deletes(low)),
                 sorted({low[:i] + c + low[i:] for i in range(len(low) + 1) for c in letters}),
                 sorted({low[:i] + c + low[i + 1:] for i in range(len(low)) for c in letters if c != low[i]})]
        found: dict[str, str] = {}
        for e in (e for kind in kinds for e in kind):
            st = self._stem(e)
            # (The stem must hold all but an ending of the typed word: "pancreatitis" less its
            # last letter is no slip of "pancreatic".)
            if len(st) >= max(EDIT_STEM_MIN, len(low) - ENDING_MAX) and st in self._by_stem and not _other_prefix(low, e):
                found.setdefault(st, e)
        stems = sorted(found, key=lambda st: (-self.counts.get(self._by_stem[st], 0), st))
        return [found[st] for st in stems]

    def correct(self, text: str, max_candidates: int = 3, include_common: bool = False) -> list[Correction]:
        """Corrections of text, best guess first (several when a typo is ambiguous: 'sise' may
        be 'size' or 'site'; the caller judges them by the evidence each one finds).
        include_common: also respell words that are real words elsewhere but not in the
        corpus ("brest", a city, typed for "breast"); the caller must demand more evidence."""
        normalised: list[tuple[str, str]] = []
        options: list[tuple[int, int, str, list[str]]] = []  # (start, end, word, replacements)
        for m in _WORD.finditer(text):
            w = m.group(0)
            low = w.lower()
            if len(low) < self.min_len or self.known(low):
                continue
            alt = self.respell(low)
            if alt:
                normalised.append((w, alt))
                options.append((m.start(), m.end(), w, [_same_case(w, alt)]))
                continue
            # A frequent English word is what was meant (its other spelling is above) ... unless
            # two letters swapped make it out of a document's word ("trail" for trial, "casual"
            # for causal): the one slip that so often lands on another word.
            frequent = self.english.get(low, 0) >= FREQUENT_WORD
            common = self._is_common(low)
            if common and (not include_common or self._stem(low) in generic_stems() or low in STOP_WORDS):
                # A common word the corpus does not use: keep it (and let abstention judge); a
                # word of question phrasing ("what kinds of", "does") is never a typo of a topic word.
                continue
            # A real word typed ("infraction", "vesicles") is respelled only towards the
            # documents' words, never towards an English word they do not use; a non-word may
            # be a typo of either.
            real = common or self.is_real(low)
            # (Never towards a function word: "cost" read as "most" would drop the topic word;
            # nor a real word towards a word of question phrasing: "male" is no typo of "made".)
            # A capitalised word inside the sentence is a name ("Tamura"): a slip of a name the
            # documents print, never of an English word ("Tamara").
            before = text[:m.start()].rstrip()
            name = w[0].isupper() and bool(before) and before[-1] not in ".?!:"
            cands = [c for c in self.candidates(low, dictionary=not real and not name)
                     if c not in STOP_WORDS and not (real and self._stem(c) in generic_stems())
                     and (not frequent or _swapped(low, c))][:max_candidates]
            if cands:
                options.append((m.start(), m.end(), w, [_same_case(w, c) for c in cands]))
        if not options:
            return []
        respelled = {w for w, _ in normalised}
        out: list[Correction] = []
        # The best guess for every word, then each ambiguous word's other guesses in turn.
        choices = [[0] * len(options)]
        for i, (_, _, _, reps) in enumerate(options):
            for j in range(1, len(reps)):
                alt = [0] * len(options)
                alt[i] = j
                choices.append(alt)
        for choice in choices[: 1 + max_candidates * 2]:
            pieces, last, changes = [], 0, []
            for (a, b, w, reps), j in zip(options, choice):
                pieces.append(text[last:a])
                pieces.append(reps[j])
                if w not in respelled:
                    changes.append((w, reps[j]))
                last = b
            pieces.append(text[last:])
            out.append(Correction("".join(pieces), tuple(changes), tuple(normalised)))
        return out


def _swapped(a: str, b: str) -> bool:
    """b is a with two adjacent letters swapped."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _shared_ending(a: str, b: str, most: int = 3) -> int:
    n = 0
    while n < most and n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _same_case(original: str, word: str) -> str:
    return word.capitalize() if original[:1].isupper() and original[1:].islower() else word
