"""What a claim asserts, read shallowly from its words: quantities with units, the direction
of each relation (increase / reduce ...) with negation and its scope, and the entities that
fill typed slots (species, MSC source, organ, cell line, miRNA, and whatever the document's
own table columns name: Donor, Cell line, Condition).

Everything here is general biomedical language (direction verbs, negation cues, species and
organ names, the usual MSC tissue sources, cell-line spellings); what is specific to a
document comes in through `SlotLexicon.from_document` (its glossary and table columns).

Quantities use a small parser of our own rather than quantulum3 or pint: neither reads the
units this writing uses most (centrifugal force "110,000×g", "×10^6 cells", counts such as
"24 patients"), quantulum3 also pulls in a large dependency tree for a model we would not
use, and the comparison needed is only "same unit, different value" with SI prefixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from qa.index.lexical import normalize, stem_word

# --- quantities -------------------------------------------------------------------------------

_PREFIX = {"p": 1e-12, "n": 1e-9, "µ": 1e-6, "μ": 1e-6, "u": 1e-6, "m": 1e-3, "c": 1e-2, "k": 1e3, "": 1.0}
_BASE_UNITS = ("g", "l", "m", "mol", "m", "s")
_TIME = {"s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "h": 3600, "hr": 3600, "hour": 3600,
         "day": 86400, "week": 604800, "month": 2592000, "year": 31536000}
_NUMBER = r"(?<![\w.\-/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
# × g (centrifugal force) first; then percent, SI-prefixed mass/volume/molar/length, time, and
# a counted noun ("24 patients", "3 doses") as its own unit.
_QTY = re.compile(
    _NUMBER + r"\s*(?:"
    r"(?P<xg>[x×]\s*g)\b|(?P<pct>%|percent\b)|"
    r"(?P<long>(?P<lp>nano|micro|milli|centi|kilo)?(?P<lu>met(?:re|er)|gram|lit(?:re|er))s?)\b|"
    r"(?P<si>(?:mu|[pnµμumck])?(?:g|l|L|M|mol|m))(?:/(?P<per>[a-zA-Zµμ]+))?\b|"
    r"(?P<time>sec|seconds?|min|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)\b|"
    r"(?P<noun>[a-z]{3,}))"
)
# Counted nouns that count the same thing: "30 participants" and "24 patients" disagree.
_SAME_COUNT = {k: "person" for k in ("patient", "particip", "subject", "individu", "peopl", "person", "volunt", "adult", "children", "child")}
_NOT_COUNTS = frozenset("and or to of in at for with from by than the was were is are".split())


@dataclass(frozen=True)
class Quantity:
    value: float  # in the unit's base (grams, litres, seconds ...), so 1 mg == 1000 µg
    unit: str  # "xg", "%", "g", "g/kg", "s", or a counted noun's stem
    text: str


@lru_cache(maxsize=8192)
def quantities(text: str) -> tuple[Quantity, ...]:
    out = []
    t = normalize(text).replace("\u00a0", " ")
    t = t.replace("−", "-")
    # "100 nm-1 μm": a unit, a dash, then the next number of the range.
    t = re.sub(r"(?<=\d)\s*(nm|mum|µm|mm|cm|mg|ml|kg|kDa|h|min|%)-(?=\d)", r" \1 - ", t)
    t = re.sub(r"\[[\d,\s–\-]+\]", " ", t)  # reference markers are not numbers of the claim
    # A range shares its unit: "200 to 500 nm" is 200 nm and 500 nm.
    t = re.sub(r"(?<![\w.\-/])(\d[\d,.]*)\s*(?:to|-|–|−)\s*(\d[\d,.]*)\s*([^\W\d]\S*)",
               lambda m: f"{m.group(1)} {m.group(3)} {m.group(2)} {m.group(3)}", t)
    for m in _QTY.finditer(t):
        raw = m.group(1)
        value = float(raw.replace(",", ""))
        if m.group("xg"):
            unit = "xg"
        elif m.group("pct"):
            unit = "%"
        elif m.group("long"):
            value *= {"nano": 1e-9, "micro": 1e-6, "milli": 1e-3, "centi": 1e-2, "kilo": 1e3}.get(m.group("lp") or "", 1.0)
            unit = {"met": "m", "gra": "g", "lit": "l"}[m.group("lu")[:3]]
        elif m.group("si"):
            si = m.group("si")
            base = next((b for b in ("mol", "g", "l", "L", "M", "m") if si.endswith(b)), si)
            prefix = si[: len(si) - len(base)].replace("mu", "µ")
            value *= _PREFIX.get(prefix, 1.0)
            unit = base.lower() + (f"/{m.group('per').lower()}" if m.group("per") else "")
        elif m.group("time"):
            w = m.group("time").lower().rstrip("s") or "s"
            value *= _TIME.get(w, _TIME.get(w[:3], 1))
            unit = "s"
        else:
            noun = m.group("noun")
            if noun in _NOT_COUNTS or (1900 <= value <= 2100 and "," not in raw):
                continue
            unit = stem(noun)
            unit = _SAME_COUNT.get(unit, unit)
        out.append(Quantity(value, unit, m.group(0).strip()))
    return tuple(out)


def number_conflicts(claim: str, evidence: str) -> list[tuple[Quantity, Quantity]]:
    """(claim, evidence) quantity pairs with the same unit and values the evidence never
    states: the claim says 200,000×g where the evidence says 110,000×g."""
    ev = quantities(evidence)
    out = []
    for q in quantities(claim):
        same_unit = [e for e in ev if e.unit == q.unit]
        if same_unit and not any(abs(e.value - q.value) <= 1e-6 * max(abs(e.value), abs(q.value)) for e in same_unit):
            out.append((q, same_unit[0]))
    return out


# --- words, direction and negation ------------------------------------------------------------


def stem(word: str) -> str:
    return stem_word(word.lower())


_WORD = re.compile(r"[A-Za-z0-9αβγδκμ][A-Za-z0-9αβγδκμ'\-/]*|[,;:.!?()]")


def words(text: str) -> list[str]:
    """Lowercased words, hyphens inside a word kept (miR-16, co-stimulatory)."""
    return [w.lower().strip("'-/") or w for w in _WORD.findall(normalize(text)) if w.strip("'-/") or w in _PUNCT]


_PUNCT = frozenset(",;:.!?()")


# General English of biomedical results: which way a relation goes. Stems (Snowball), so
# "reduces / reduced / reduction / reducing" are one entry. Hyphens are dropped first.
_UP = """increas elev enhanc promot upregul activ stimul induc boost augment rais acceler facilit
trigger amplifi strengthen favor favour encourag rise gain overexpress higher high greater more exacerb
aggrav worsen stronger expand""".split()
_DOWN = """decreas reduc lower diminish suppress inhibit downregul block attenu impair prevent repress abrog
abolish allevi mitig amelior curb limit restrict hinder slow lessen declin drop deplet silenc antagon
counteract weaken low less fewer reliev abate inactiv shrink minim dampen restrain elimin""".split()
_DIRECTION = {**{s: 1 for s in _UP}, **{s: -1 for s in _DOWN}}
# Phrasal forms: "switched on", "held back", "turned off".
_PHRASAL = [(re.compile(r"\b(switch|turn)(ed|es|ing|s)? on\b"), "activ"), (re.compile(r"\b(switch|turn)(ed|es|ing|s)? off\b"), "inactiv"),
            (re.compile(r"\b(held|hold|holds|holding) back\b"), "inhibit"), (re.compile(r"\bcut(s|ting)? down\b"), "reduc")]

# Negation cues and the words that end their scope.
_NEG_SINGLE = frozenset("no not never without lack lacks lacked lacking absence absent neither nor cannot n't none nobody nothing fail fails failed failing unable".split())
_SCOPE_END = frozenset("but whereas while although however which that thus so and , ; : . ! ? ( )".split())
_SCOPE_LEN = 6
# Words that diminish what follows without negating it grammatically ("a limited capacity to
# produce", "low output"): for the negation check they count as negation, so "MSCs cannot
# produce exosomes at scale" agrees with "MSCs have a limited capacity to produce" them.
_DIMINISH = frozenset("limited little few low lower less fewer poor poorly rarely hardly barely minimal insufficient".split())
# Nouns that share a direction verb's stem but name a thing, not a change: an "angiogenic
# inhibitor", a gene "promoter", "immunomodulatory activities".
_AGENT = re.compile(r"^(?:\w+(?:at|ss|ibit|ulat)ors?|promoters?|enhancers?|inducers?|blockers?|activit(?:y|ies)|(?:in)?active)$")
_DENYING_PREDICATE = frozenset("difficult impossible unclear unknown rare limited low poor insufficient unfeasible infeasible challenging".split())
_COPULA = frozenset("is are was were be been remains remain remained seems seem".split())
_BACK_END = frozenset("; : . ! ? since because although however whereas while but which that".split())
_WINDOW = 8  # content words after a direction word that may be its object
_CLAUSE_AFTER = frozenset("; : . ! ? while whereas but although however which that".split())
_CLAUSE_BEFORE = _CLAUSE_AFTER | frozenset(",".split())
# Adjectives of degree modify the next noun or two ("a high amount of miR-210"), no more.
_ADJECTIVES = frozenset("high higher low lower more less greater fewer stronger weaker".split())
_BEFORE = 5  # content words before it that may be its subject


@dataclass(frozen=True)
class Relation:
    """A direction word, its polarity after negation, and the content words around it,
    nearest first."""

    word: str
    polarity: int  # +1 up, -1 down
    negated: bool
    after: tuple[str, ...]  # stems of content words after it (its object)
    before: tuple[str, ...]  # stems of content words before it (its subject, or a passive's object)


def _tokens(text: str) -> list[str]:
    t = normalize(text).lower()
    for pat, rep in _PHRASAL:
        t = pat.sub(rep, t)
    out: list[str] = []
    for w in words(t):
        parts = w.split("-")
        if w.startswith(("up-", "down-")):
            out.append(w.replace("-", ""))
        elif len(parts) == 2 and parts[0] in ("anti", "pro") and len(parts[1]) > 3:
            # anti-proliferative = inhibiting proliferation; pro-angiogenic = promoting it
            out += ["inhibit" if parts[0] == "anti" else "promote", parts[1]]
        elif len(parts) == 2 and parts[0] and stem(parts[1]) in _DIRECTION:
            out += [parts[1], parts[0]]  # apoptosis-inducing = inducing apoptosis
        else:
            out.append(w)
    return out


def _is_content(w: str) -> bool:
    from qa.index.lexical import STOP_WORDS

    return w not in STOP_WORDS and w not in _NEG_SINGLE and w not in _PUNCT and not w.isdigit() and len(w) > 1


def _content(tokens: list[str]) -> list[str]:
    return [stem(w) for w in tokens if _is_content(w)]


def negation_scopes(tokens: list[str], diminishers: bool = False) -> list[tuple[int, int]]:
    """(start, end) token ranges a negation cue governs: up to six content words after it,
    ended early by punctuation or a clause boundary ("but", "whereas", ...). With
    diminishers, also a predicate that denies its subject ("the separation of exosomes from
    particles of the same size is difficult"): up to eight content words before the copula."""
    from qa.index.lexical import STOP_WORDS

    out = []
    if diminishers:
        for i, w in enumerate(tokens):
            if w in _DENYING_PREDICATE and i > 0 and tokens[i - 1] in _COPULA:
                j, n = i - 1, 0
                while j > 0 and n < 8 and tokens[j - 1] not in _BACK_END:
                    j -= 1
                    n += tokens[j] not in STOP_WORDS
                out.append((j, i - 1))
    for i, w in enumerate(tokens):
        if w in _NEG_SINGLE or w.startswith("lack") or (diminishers and w in _DIMINISH):
            if w == "not" and i + 1 < len(tokens) and tokens[i + 1] in ("only", "just", "merely"):
                continue  # "not only X but also Y" affirms X
            j, n = i + 1, 0
            while j < len(tokens) and n < _SCOPE_LEN and tokens[j] not in _SCOPE_END:
                n += tokens[j] not in STOP_WORDS
                j += 1
            out.append((i + 1, j))
    return out


@lru_cache(maxsize=8192)
def relations(text: str) -> tuple[Relation, ...]:
    toks = _tokens(text)
    scopes = negation_scopes(toks)
    content = [(i, stem(w)) for i, w in enumerate(toks) if _is_content(w)]
    out = []
    for i, w in enumerate(toks):
        s = stem(w.replace("-", ""))
        pol = _DIRECTION.get(s)
        if pol is None or _AGENT.match(w):
            continue
        negated = any(a <= i < b for a, b in scopes)
        # Windows end at clause boundaries: "raising cyclin D1, while limiting apoptosis"
        # gives "limiting" no subject from the first clause.
        stop_after = next((j for j in range(i + 1, len(toks)) if toks[j] in _CLAUSE_AFTER), len(toks))
        stop_before = next((j for j in range(i - 1, -1, -1) if toks[j] in _CLAUSE_BEFORE), -1)
        adjective = w in _ADJECTIVES
        after = tuple(t for j, t in content if i < j < stop_after and t not in _DIRECTION)[: 3 if adjective else _WINDOW]
        before = () if adjective else tuple(t for j, t in reversed(content) if stop_before < j < i and t not in _DIRECTION)[:_BEFORE]
        out.append(Relation(w, -pol if negated else pol, negated, after, before))
    return tuple(out)


@lru_cache(maxsize=8192)
def negated_terms(text: str) -> frozenset[str]:
    """Content stems in the scope of a negation cue, or of a diminishing word ("limited")."""
    toks = _tokens(text)
    out: set[str] = set()
    for a, b in negation_scopes(toks, diminishers=True):
        out |= set(_content(toks[a:b]))
    return frozenset(out)


def affirmed_direction_word(rel: Relation) -> str:
    return ("increased" if rel.polarity > 0 else "reduced") if not rel.negated else f"not {rel.word}"


def _closeness(x: tuple[str, ...], y: tuple[str, ...]) -> float:
    """Shared words of two windows, each weighted by how near it sits to both direction
    words: "enhance neurovascular development and attenuate neuronal apoptosis" gives
    "apoptosis" to "attenuate", not to "enhance"."""
    pos = {t: k for k, t in reversed(list(enumerate(y)))}
    return sum(1.0 / ((1 + k) * (1 + pos[t])) ** 0.5 for k, t in enumerate(x) if t in pos)


def _align(c: Relation, e: Relation) -> float:
    return (2 * _closeness(c.after, e.after) + _closeness(c.after, e.before) + _closeness(c.before, e.before)
            + 0.5 * _closeness(c.before, e.after))


def direction_conflict(claim: str, evidence: str, key_terms: set[str]) -> tuple[Relation, Relation] | None:
    """A relation of the claim and its counterpart in the evidence going the other way.
    Counterparts are mutual best matches by the content words around them (object after,
    subject before), so "blocking EP4 boosted release" pairs "boosted" with the evidence's
    "induced", not "blocking". Only relations touching the claim's terms (key_terms) count."""
    ev = relations(evidence)
    cl = [c for c in relations(claim) if (set(c.after) | set(c.before)) & key_terms]
    if not ev or not cl:
        return None
    for c in cl:
        scored = [(_align(c, e), e) for e in ev]
        best_score = max(s for s, _ in scored)
        if best_score < 1.0:
            continue
        best = [e for s, e in scored if s == best_score]
        if any(e.polarity == c.polarity for e in best):
            continue
        e = best[0]
        # Mutual: no other relation of the claim fits this evidence relation as well with
        # the evidence's polarity.
        if any(o is not c and o.polarity == e.polarity and _align(o, e) >= best_score for o in cl):
            continue
        return c, e
    return None


_TRANSITION = re.compile(r"\bfrom\s+(?:the\s+|an?\s+)?([\w-]+)(?:\s+\w+)?\s+to\s+(?:the\s+|an?\s+)?([\w-]+)", re.I)


def transition_conflict(claim: str, evidence: str) -> tuple[str, str] | None:
    """A change stated the other way round: the draft's "from M2 to M1" against the review's
    "from M1 to M2". Returns the two phrases."""
    ev = {(a.lower(), b.lower()): m.group(0) for m in _TRANSITION.finditer(normalize(evidence)) for a, b in [m.groups()]}
    for m in _TRANSITION.finditer(normalize(claim)):
        a, b = m.group(1).lower(), m.group(2).lower()
        if a != b and (b, a) in ev and (a, b) not in ev:
            return m.group(0), ev[(b, a)]
    return None


# --- slots ------------------------------------------------------------------------------------

# General knowledge classes. Each entry: canonical name -> regex of its written forms.
SPECIES = {
    "rat": r"rats?|murine rat", "mouse": r"mice|mouse|murine", "pig": r"pigs?|porcine|swine|piglets?",
    "rabbit": r"rabbits?", "dog": r"dogs?|canine", "sheep": r"sheep|ovine", "monkey": r"monkeys?|macaques?|primates?",
    "cattle": r"bovine|cows?|cattle", "horse": r"horses?|equine", "zebrafish": r"zebrafish", "goat": r"goats?",
    "hamster": r"hamsters?", "human": r"humans?|patients?|volunteers?|people",
}
SOURCES = {
    "bone marrow": r"bone[ -]marrow|h?bm-?mscs?|bmscs?|bm-?derived",
    "adipose": r"adipose|adipocyte-derived|\bfat\b|h?a[td]-?mscs?|adscs?|lipoaspirates?",
    "umbilical cord": r"umbilical(?:\s+cord)?(?!\s+vein)|h?uc-?mscs?|h?ucmscs?|wharton'?s jelly|wj-?mscs?",
    "placenta": r"placenta[l]?|p-?mscs?", "dental pulp": r"dental pulp|dpscs?", "menstrual blood": r"menstrual",
    "urine": r"urine|urinary|uscs?", "amniotic": r"amnio(?:n|tic)", "synovial": r"synovi(?:al|um)",
    "gingiva": r"gingiva[l]?", "endometrium": r"endometri(?:al|um)", "decidua": r"decidua[l]?",
    "induced pluripotent": r"ipsc-?mscs?|induced pluripotent",
}
ORGANS = {
    "liver": r"liver|hepatic|hepatocellular|hepato\w*", "kidney": r"kidneys?|renal|nephr\w*", "heart": r"heart|cardiac|myocardi\w*|cardio\w*",
    "lung": r"lungs?|pulmonary|alveolar", "brain": r"brain|cerebral|glioma|glioblastoma|neural|neuronal", "spinal cord": r"spinal",
    "skin": r"skin|cutaneous|dermal", "bone": r"bones?|osteo\w*", "cartilage": r"cartilage|chondr\w*", "muscle": r"muscles?|muscular",
    "pancreas": r"pancrea\w*", "stomach": r"stomach|gastric", "colon": r"colon|colorectal|colonic", "breast": r"breast|mammary",
    "prostate": r"prostate", "ovary": r"ovar\w*", "cervix": r"cervical|cervix", "bladder": r"bladder", "eye": r"eyes?|retina\w*|cornea\w*",
    "intestine": r"intestin\w*|bowel|gut", "spleen": r"spleen|splenic", "uterus": r"uter\w*|endometri\w*",
}
# A cell line: capitals with digits (MDA-MB-231, HepG2, PANC-1, SGC7901, THP-1, A549, MCF-7)
# standing before "cell(s)" / "cell line", or a value of a table column about cell lines.
_CELL_LINE = re.compile(r"\b([A-Z][A-Za-z]*(?:-[A-Z]+)*-?\d+[A-Z0-9]*(?:-\d+)?|[A-Z][a-z]+[A-Z][A-Za-z]*)\b(?=(?:\s+(?!(?:in|of|with|from|to|by|on|at|for)\b)[\w-]+){0,4}?\s+cells?\b)")
_CELL_LINE_SHAPE = re.compile(r"\b(?:[A-Z][A-Za-z]*-?\d+[A-Z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}\d*)\b")
_NOT_CELL_LINE = re.compile(r"^(?:mir|let|il|cd|tgf|hif|escrt|ccl|h2o2|cxcr|cxcl|tnf|vegf|fgf|igf|bmp|wnt|smad|stat|nf|p\d|ki|bcl)", re.I)
_MIRNA = re.compile(r"\bmiR-\d+[a-z]?(?:-[35]p\b|-\d+(?:-[35]p)?)?", re.I)
# Members of a named family: ESCRT-0 / ESCRT-III, IL-6 / IL-10, CD73 / CD105, type 1 / type 2.
_FAMILY = re.compile(r"\b((?=[a-z]*[A-Z])[A-Za-z]{2,}?)(?:-?(\d+[a-z]?)|-(?:I{1,3}V?|IV|V))\b(?![-\w])|\b(type|grade|stage|phase|class)\s+(\d+|I{1,3}V?|IV)\b")
# A disease by its form: an eponym ("Parkinson's disease"), an inflammation (-itis), a tumour
# (-oma), or one of the few common one-word names.
_DISEASE = re.compile(r"\b([A-Z][a-z]+(?:'s)?\s+diseases?|[a-z]{3,}itis|[a-z]{3,}oma|sepsis|diabetes|stroke|"
                      r"multiple sclerosis|osteoarthritis|osteoporosis|infarction|atheroscleros[ie]s)\b", re.I)
# A pathway by its head noun: "the AMPK signaling pathway", "PI3K/Akt pathway", "Wnt axis".
_PATHWAY = re.compile(r"\b((?=[\w/-]*[A-Z])[A-Za-z][\w/-]{1,20})\s+(?:signal(?:l?ing)?\s+)?(?:pathways?|axis|cascades?|signal(?:l?ing))\b")
_NOT_DISEASE = frozenset("genoma stroma stoma soma trauma".split())
_SLOT_COLUMNS = {"donor": "source", "source": "source", "cell": "cell line", "condition": "condition", "disease": "condition"}


def _compile(d: dict[str, str]) -> list[tuple[str, re.Pattern]]:
    return [(k, re.compile(r"(?<![\w-])(?:" + v + r")(?![\w])", re.I)) for k, v in d.items()]


@dataclass
class SlotLexicon:
    """Typed slots and their written forms: the general classes above, widened by the
    document's glossary (BM -> bone marrow makes "BM" a bone-marrow form) and by the values of
    its table columns (a Cell line column's values are cell lines)."""

    classes: dict[str, list[tuple[str, re.Pattern]]] = field(default_factory=dict)
    from_tables: set[tuple[str, str]] = field(default_factory=set)  # (slot, member) read from table columns

    @classmethod
    def general(cls) -> "SlotLexicon":
        return cls({"species": _compile(SPECIES), "source": _compile(SOURCES), "organ": _compile(ORGANS)})

    @classmethod
    def from_document(cls, glossary: dict[str, str], rows: list | None = None) -> "SlotLexicon":
        lex = cls.general()
        # Glossary: a short form whose long form names a member is a form of that member
        # (case-sensitive: "AT" is adipose tissue, "at" is a preposition).
        for slot in ("source", "organ", "species"):
            extra = []
            for short, long in glossary.items():
                if len(short) < 2 or not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", short):
                    continue
                # The long form must name the member itself ("adipose tissue"), not merely
                # contain it ("Theiler's murine encephalomyelitis virus").
                if len(long.split()) > 3:
                    continue
                for name, pat in lex.classes[slot]:
                    if pat.match(long) and not pat.search(short):
                        extra.append((name, re.compile(r"(?<![\w])h?" + re.escape(short) + r"(?:-?MSCs?|-?derived)?(?![\w])")))
                        break
            lex.classes[slot] = lex.classes[slot] + extra
        # Table columns: each value of a Donor / Source / Cell line / Condition column is a
        # member of that slot, under its own name (and its glossary long form).
        values: dict[str, set[str]] = {}
        for cells in rows or []:
            for col, value in cells:
                slot = next((s for key, s in _SLOT_COLUMNS.items() if key in col.lower()), None)
                value = (value or "").strip()
                # A column of cell lines and conditions ("Cell line/condition"): a value
                # spelled like a cell line is one, the rest are conditions.
                if slot == "cell line" and "condition" in col.lower() and not _CELL_LINE_SHAPE.search(value):
                    slot = "condition"
                if slot and value and len(value.split()) <= 4:
                    values.setdefault(slot, set()).add(value)
        for slot, vals in values.items():
            for v in sorted(vals):
                long = glossary.get(v, "")
                if re.search(r"not (available|applicable)", long, re.I) or v.lower() in ("n.a", "na", "n/a", "-"):
                    continue
                # The generic head of other values ("MSCs" beside "GC-MSCs") fills no slot.
                if any(o != v and o.lower().endswith(v.lower()) for o in vals):
                    continue
                if any(p.search(v) for _, p in lex.classes.get(slot, [])):
                    continue  # already a member under its general name
                forms = [re.escape(v)] + ([re.escape(long)] if long else [])
                lex.from_tables.add((slot, v))
                lex.classes.setdefault(slot, []).append(
                    (v, re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")s?(?!\w)", 0 if v.isupper() else re.I)))
        return lex

    def mentions(self, text: str) -> dict[str, set[str]]:
        """Slot -> members named in text. Overlapping matches keep the longest ("bone marrow"
        is a source, not the organ bone)."""
        out: dict[str, set[str]] = {}
        for _, _, slot, name in self.spans(text):
            out.setdefault(slot, set()).add(name)
        return out

    def spans(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, slot, member) of each mention in normalize(text), in text order."""
        t = normalize(text)
        found: list[tuple[int, int, str, str]] = []
        for slot, pats in self.classes.items():
            for name, pat in pats:
                for m in pat.finditer(t):
                    found.append((m.start(), m.end(), slot, name))
        for m in _CELL_LINE.finditer(t):
            if not _NOT_CELL_LINE.match(m.group(1)):
                found.append((m.start(1), m.end(1), "cell line", m.group(1)))
        for m in _MIRNA.finditer(t):
            found.append((m.start(), m.end(), "miRNA", m.group(0).lower()))
        for m in _PATHWAY.finditer(t):
            name = m.group(1)
            # A capital that only starts a sentence ("Several signaling pathways") names nothing.
            starts = not t[: m.start(1)].strip() or t[: m.start(1)].rstrip().endswith((".", ":", ";", "!", "?"))
            if starts and not re.search(r".[A-Z0-9/]", name):
                continue
            found.append((m.start(1), m.end(1), "pathway", name))
        for m in _DISEASE.finditer(t):
            name = re.sub(r"'s\b|(?<=disease)s$", "", m.group(1))
            if name[:1].islower() or name.split()[-1] != "disease":
                name = name.lower()
            if name.lower() not in _NOT_DISEASE:
                found.append((m.start(), m.end(), "disease", name))
        for m in _FAMILY.finditer(t):
            fam = (m.group(1) or m.group(3)).lower()
            if fam in ("mir", "let", "mirna") or fam in _NOT_FAMILY:
                continue
            found.append((m.start(), m.end(), f"{fam} family", m.group(0)))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        # Overlaps are resolved within the general classes and within the table's values,
        # not across: a table's "Breast cancer" condition leaves the organ breast standing.
        taken: list[tuple[int, int, str, str]] = []
        for a, b, slot, name in found:
            table = (slot, name) in self.from_tables
            if any(a < y and x < b and ((s, n) in self.from_tables) == table for x, y, s, n in taken):
                continue
            taken.append((a, b, slot, name))
        return sorted(taken)

    def binding_conflict(self, claim: str, evidence: str, claim_mentions: dict[str, set[str]],
                         idf) -> tuple[str, str, str] | None:
        """(slot, claim's member, evidence's member) when the evidence names the claim's member
        but says what the claim says about another one: "BM-MSC exosomes have ... and also
        AT-MSC exosomes show the most influential secretory activity ..., while UC-MSC
        exosomes mostly participate in tissue repair" against "UC-MSC exosomes show the
        strongest secretory activity". Each member owns the words from its mention to the
        next member of the same slot; the claim's other content words (idf-weighted) must sit
        clearly more with another member than with its own."""
        # Who reported it ("according to Wang et al.") is not what is said of the member.
        evidence = _ET_AL.sub(lambda m: " " * len(m.group(0)), normalize(evidence))
        t = evidence
        spans = self.spans(evidence)
        c_terms = set(content_stems(_ET_AL.sub(" ", normalize(claim))))
        for slot, members in claim_mentions.items():
            if len(members) != 1 or slot.endswith(" family"):
                continue
            (x,) = members
            own = [sp for sp in spans if sp[2] == slot]
            names = {sp[3] for sp in own}
            if x not in names or len(names) < 2:
                continue
            slot_words = set()
            for a, b, _, _ in own:
                slot_words |= set(content_stems(t[a:b]))
            terms = c_terms - slot_words - set(content_stems(x))
            weight: dict[str, float] = {}
            for k, (a, b, _, name) in enumerate(own):
                end = own[k + 1][0] if k + 1 < len(own) else len(t)
                got = sum(idf(w) for w in terms & set(content_stems(t[b:end])))
                weight[name] = max(weight.get(name, 0.0), got)
            best = max(weight, key=weight.get)
            total = sum(idf(w) for w in terms) or 1.0
            if best != x and weight[best] - weight[x] >= 0.25 * total:
                return slot, x, best
        return None


_ET_AL = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:and|&)\s+[A-Z][\w'-]+)?\s+et\s+al\.?(?:'s)?")
_NOT_FAMILY = frozenset("and or to of in at for with from by than the was were is are day days week weeks month months year years".split())


def slot_conflicts(claim: dict[str, set[str]], evidence: dict[str, set[str]]) -> list[tuple[str, set[str], set[str]]]:
    """Slots the claim fills with something the evidence does not name, where the evidence
    fills the same slot with something the claim does not name: a swap, not an omission."""
    out = []
    for slot, c in claim.items():
        e = evidence.get(slot, set())
        if not e:
            continue
        if slot.endswith(" family") and len(c) > 1:
            continue  # a list of members: what the evidence omits is not a swap
        c_only, e_only = _unmatched(c, e), _unmatched(e, c)
        if c_only and e_only:
            out.append((slot, c_only, e_only))
    return out


def _key(x: str, hyphens: bool = False) -> str:
    """One spelling of a member: NF-κB, NF-kappaB and NFKB are one (hyphens dropped unless
    asked for); slashes kept."""
    x = normalize(x).lower()
    for name in ("alpha", "beta", "gamma", "delta", "kappa"):
        x = x.replace(name, name[0])
    return re.sub(r"[^a-z0-9/-]" if hyphens else r"[^a-z0-9/]", "", x)


def _unmatched(a: set[str], b: set[str]) -> set[str]:
    flat_b = {_key(y) for y in b}
    hyph_b = {_key(y, True) for y in b}
    parts_b = {p for y in flat_b for p in y.split("/") if len(p) > 1}

    def extends(long: str, short: str) -> bool:
        # miR-146b-5p extends miR-146b; IL-10 does not extend IL-1.
        return long.startswith(short) and (len(long) == len(short) or not long[len(short)].isalnum())

    def matched(x: str) -> bool:
        flat, hyph = _key(x), _key(x, True)
        return (flat in flat_b or any(extends(hyph, y) or extends(y, hyph) for y in hyph_b)
                or bool({p for p in flat.split("/") if len(p) > 1} & parts_b))

    return {x for x in a if not matched(x)}


@lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    return frozenset(_content(_tokens(text)))
