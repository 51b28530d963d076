"""What kind of answer a question asks for, and whether a text gives one.

"What percentage ...", "how many hours ...", "what dose ..." ask for a measurement of a
particular kind. A passage on the right topic that holds no such measurement does not answer
the question: it is the difference between "the review reports 24 patients" and "the review
gives a dose". The kinds and units are general English and SI convention, not taken from any
document or question set."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from qa.lexicon import NUMBER_WORDS, PERSONS, STANCE_WORDS, inflected_common

_NUM = rf"(?:\d[\d,]*(?:\.\d+)?|{NUMBER_WORDS})"
_RANGE = rf"{_NUM}(?:\s*(?:[–—-]|to|and|or)\s*{_NUM})?"
_TIME_UNITS = r"(?:s|sec|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|d|weeks?|wk|months?|years?|yr|decades?)"
_LENGTH_UNITS = r"(?:nm|µm|μm|um|mm|cm|m|km|nanomet(?:er|re)s?|micromet(?:er|re)s?|micron|microns|angstroms?|Å)"
# How big a thing is may be said by its area ("a 4 cm² ulcer"); a volume is an amount (reagents
# are measured out in mL), not a size.
_AREA_UNITS = r"(?:(?:mm|cm|m)\s*(?:²|\^?2)|square\s+(?:centi|milli)?met(?:er|re)s?)"
_MASS_VOL_UNITS = (r"(?:pg|ng|µg|μg|ug|mg|g|kg|ml|mL|µl|μl|ul|µL|μL|l|L|mol|mmol|µmol|μmol|nmol|pmol|M|mM|µM|μM|nM|pM|"
                   r"IU|U|units?|particles?|doses?|cells|fold|times|mg/kg|µg/kg|μg/kg|ml/kg|mg/ml|µg/ml|μg/ml|g/l|%)")

# A number that stands for a quantity: not part of a name (miR-21, IL-6, CD73, 5p) and not a
# reference marker (removed before matching).
_BARE_NUMBER = re.compile(rf"(?<![\w\-–/.])(?!(?:19|20)\d\d(?![\d,.]))(?:{_NUM})(?![\w\-–])", re.I)
_REF_MARKER = re.compile(r"\[\s*\d[\d\s,–—-]*\]")
_AUTHOR_YEAR = re.compile(r"\([^()]*?\b(?:19|20)\d{2}[a-z]?\)")


@dataclass(frozen=True)
class Kind:
    name: str
    gives: re.Pattern[str]


def _unit(*units: str) -> re.Pattern[str]:
    """A number and its unit, or a table cell read with a label that gives its unit: the
    column's header or the row's label, the unit in brackets or after a comma ("Time to
    surgery (days): 3 (2–5)", "Follow-up (months), median (IQR): 24", "Hospital stay, days —
    Placebo (n = 209): 7 (4–10)", "Outcome: Hospital stay, days; Placebo (n = 209): 7"), or a
    header that is the unit alone ("Days: 3"). In a label a unit is two letters or more, or
    "h" or "d" in brackets ("Vitamin D: 30", "Sex, M" name no unit); an age's years are its
    age, not a duration; a "%" heading gives a share, not an amount."""
    u = "(?:" + "|".join(units) + ")"
    label = (rf"(?:(?<![Aa]ge\s)\(\s*(?:(?=\w\w){u}|(?-i:h|d))(?:/\w+)?\s*\)|(?<![Aa]ge),\s+(?=\w\w){u}(?![\w/])|^(?=\w\w){u})"
             rf"(?:\s*±\s*\w+)?(?:,\s*[^:;—]{{1,30}})?\s*(?:[—;][^:;—]{{0,60}})?:\s*[<>≤≥~]?\s*\d")
    return re.compile(rf"(?<![\w\-–]){_RANGE}\s*(?:×\s*10\S*\s*)?{u}(?![A-Za-z])|{label}", re.I)


# "n (%)" labels a count with its percentage in brackets: "Rectal bleeding, n (%) ... 31 (48.4)".
PERCENT = Kind("percentage", re.compile(r"\d\s*%|%\s*\)?\s*:\s*[<>≤≥~]?\s*\d|\bper\s*cent\b|\bpercent(?:age)?\s+of\b|\bpercent\b|"
                                        r"\bn\s*\(\s*%\s*\)[^\n]{0,120}?(?<![\w.\-])(?!(?:19|20)\d\d\b)\d[\d,]*\s*\(\s*\d+(?:\.\d+)?\s*\)", re.I))
TIME = Kind("duration", _unit(_TIME_UNITS))
SIZE = Kind("size", _unit(_LENGTH_UNITS, _AREA_UNITS))
AMOUNT = Kind("amount", _unit(_MASS_VOL_UNITS))
TEMPERATURE = Kind("temperature", re.compile(rf"\d\s*°\s*[CF]?|\b{_NUM}\s*(?:degrees?|kelvin)\b", re.I))
SPEED = Kind("speed", re.compile(r"\d\s*[×x]\s*g\b|\d\s*(?:rpm|g)\b|\b\d[\d,]*\s*(?:per|/)\s*\w+", re.I))
YEAR = Kind("year", re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)"))
MONEY = Kind("cost", re.compile(r"[$€£¥]\s*\d|\d\s*(?:dollars?|euros?|pounds?|USD|EUR|GBP)\b", re.I))
# An age: a number beside the word, through the words that report it ("aged 65-80", "mean age
# was 72.4", "Age, mean (SD): 64 (9)"); so many units old or of age ("8-week-old mice", "12
# months of age", "postnatal day 7"); or a stage of life ("newborn rats", "elderly patients").
# A span of time alone ("followed for 5 years") is no age.
_AGE_FILLER = r"(?:(?:mean|median|average|range[sd]?|sd|iqr|years?|yrs?|was|were|is|of|at|between|from)\W{0,4}){0,4}"
AGE = Kind("age", re.compile(r"\b(?:aged?|ages)\b\W{0,4}" + _AGE_FILLER + r"[<>≤≥~]?\s*\d|"
                              r"\d\s*[-‐–\s]?\s*(?:days?|weeks?|months?|years?|yrs?)[-‐–\s]+old\b|"
                              r"\d\s*(?:days?|weeks?|months?|years?)\s+of\s+age\b|\bpostnatal\s+days?\s+\d|"
                              r"\b(?:new-?born|neonat(?:al|es?)\b|infants?\b|juveniles?\b|adolescents?\b|pups?\b|"
                              r"elderly|(?:older|young|aged|adult)\s+(?:mice|rats|animals|donors))", re.I))
COUNT = Kind("number", _BARE_NUMBER)  # a year is not a count ("the 2019 coronavirus")
# A number of things counted: not a share, a dose, a length, a time or a level ("8 mg",
# "24%", "72 hours", "35 dB" answer no "how many patients").
_MEASURED = (r"(?:%|per\s*cent\b|°|×\s*g\b|dB\b|(?:" + "|".join(
    (_TIME_UNITS, _LENGTH_UNITS, r"(?:pg|ng|µg|μg|ug|mg|g|kg|ml|mL|µl|μl|ul|µL|μL|l|L|mol|mmol|µmol|μmol|nmol|pmol|"
                  r"M|mM|µM|μM|nM|pM|IU|mg/kg|µg/kg|μg/kg|ml/kg|mg/ml|µg/ml|μg/ml|g/l|fold)")) + r")(?![A-Za-z]))")
MEASURE_UNITS = _MEASURED  # what a number of things counted is never followed by
COUNTED = Kind("count", re.compile(rf"{_BARE_NUMBER.pattern}(?![.,]\d)(?!\s*(?:(?:[–—-]|to)\s*)?(?:{_NUM}\s*)?{_MEASURED})", re.I))
MEASURE = Kind("measurement", _BARE_NUMBER)

_GROUPS = r"(?:samples?|populations?|cohorts?|study|studies|groups?|trials?|arms?|famil(?:y|ies)|litters?)"
_TIME_WORDS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
# "what dose", "what was the dose", "what is the in-hospital mortality rate": the noun that
# names the measurement, a few words after "what".
# The words skipped before the noun are its modifiers ("the mean", "the in-hospital mortality"),
# never a preposition: in "what are the drawbacks of size-exclusion ..." the noun asked is
# "drawbacks", and "size" only names a method. Nor a verb: in "what effect does temperature
# have" the noun asked is "effect", and temperature is what acts.
_WHAT = (r"\b(?:what|which)\s+(?:(?:is|was|are|were)\s+)?(?:(?:the|a|an|its|their)\s+)?"
         r"(?:(?!(?:of|for|on|at|by|with|about|from|to|into|after|before|during|"
         r"does|do|did|has|have|had|can|could|will|would|should|may|might|must)\s|in\s(?!(?:vitro|vivo|situ|silico)\b))"
         r"[\w\-]+\s+){0,3}?")
# (pattern of the question, kind asked). Order matters: the first match decides.
_ASKS: list[tuple[re.Pattern[str], Kind]] = [
    (re.compile(_WHAT + r"(?:percentage|proportion|fraction|share|percent)\b|\bhow\s+much\s+of\b|"
                r"\bhow\s+many\s+percent", re.I), PERCENT),
    (re.compile(rf"\bhow\s+many\s+{_TIME_WORDS}\b|\bhow\s+long\s+(?:does|did|do|is|was|were|are|will|can|should|"
                r"must|has|have|had)\b.*\b(?:take|last|survive|persist|remain|stay|circulate|keep|wait|need)|"
                + _WHAT + r"(?:duration|half-life|half\s+life|time\s+(?:period|span|frame)|length\s+of\s+time)\b|"
                r"\bafter\s+how\s+long\b|\bhow\s+much\s+time\b|"
                r"\bhow\s+much\b[^?]*\b(?:take|took|last|lasted)\b", re.I), TIME),
    # "sample size", "the size of the cohort", "how large were the statin trials": how many
    # people, not how big.
    (re.compile(_WHAT + rf"{_GROUPS}\s+sizes?\b|" + _WHAT + rf"sizes?\s+of\s+(?:the\s+|each\s+)?(?:\w+\s+)?{_GROUPS}\b|"
                rf"\bhow\s+(?:big|large|small)\s+(?:was|were|is|are)\s+(?:the\s+|each\s+|these\s+|those\s+)?"
                rf"(?:(?!(?:in|of|for|at|on|with|from|after|by|and|or)\s)[\w\-]+\s+){{0,4}}?{_GROUPS}\b", re.I), COUNT),
    (re.compile(_WHAT + r"effect\s+sizes?\b", re.I), MEASURE),
    (re.compile(r"\bhow\s+(?:big|large|small|wide|thick|tall)\b|" + _WHAT + r"(?:sizes?|diameter|width|thickness)\b", re.I), SIZE),
    (re.compile(r"\b(?:how\s+much|what)\s+(?:does|do|did|would|will)\b.*\bcost\b|" + _WHAT + r"(?:cost|price)\b|\bhow\s+expensive\b", re.I),
     MONEY),
    (re.compile(_WHAT + r"(?:dose|doses|dosage|concentration)\b|"
                r"\bat\s+what\s+(?:dose|concentration)\b|\bwhich\s+(?:dose|dosage|concentration)\b", re.I), AMOUNT),
    (re.compile(_WHAT + r"temperature\b|\bhow\s+(?:hot|cold|warm)\b|\bat\s+what\s+temperature\b", re.I), TEMPERATURE),
    (re.compile(_WHAT + r"(?:speed|g-force|force|rpm)\b|\bhow\s+fast\b|\bat\s+what\s+speed\b", re.I), SPEED),
    (re.compile(r"\b(?:what|which)\s+year\b|\bin\s+what\s+year\b|\bsince\s+when\b", re.I), YEAR),
    (re.compile(r"\bhow\s+old\b|" + _WHAT + r"(?:ages?|(?:patients?|participants?|people|donors?)(?:'s|’s|'|’)\s+ages?)\b(?!\s*(?:groups?|bands?|brackets?|categor|cohorts?|strat))|\bat\s+what\s+age\b", re.I), AGE),
    (re.compile(r"\bhow\s+many\b|" + _WHAT + r"number\s+of\b", re.I), COUNT),
    # "How often": a frequency, given as a share, a count or an interval.
    (re.compile(r"\bhow\s+much\b|\bhow\s+often\b|" + _WHAT + r"(?:amount|quantity|rate|ratio)\b", re.I), MEASURE),
]


# A keyword query names a measurement by its noun alone ("hepatitis exosome source and g-force").
_NOUNS: list[tuple[re.Pattern[str], Kind]] = [
    (re.compile(r"\b(?:percentages?|proportions?|percent)\b", re.I), PERCENT),
    (re.compile(r"\b(?:durations?|half-li(?:fe|ves))\b", re.I), TIME),
    (re.compile(r"\b(?:sizes?|diameters?)\b", re.I), SIZE),
    (re.compile(r"\b(?:doses?|dosages?|concentrations?)\b", re.I), AMOUNT),
    (re.compile(r"\btemperatures?\b", re.I), TEMPERATURE),
    (re.compile(r"\b(?:g-force|speed|rpm)\b", re.I), SPEED),
]


def named_kinds(query: str) -> list[Kind]:
    """The kinds of measurement a keyword query names by their nouns."""
    return [kind for pattern, kind in _NOUNS if _asks(pattern, query)]


_HYPHENS = frozenset("-‐‑–")


def _asks(pattern: re.Pattern[str], question: str) -> re.Match[str] | None:
    """The first match that is a word of its own: "size" in "size-exclusion" or "dose" in
    "dose-dependent" modifies another noun and asks for no measurement."""
    return next((m for m in pattern.finditer(question) if question[m.end():m.end() + 1] not in _HYPHENS
                 and not (m.group(0)[:3].lower() == "how" and _EMBEDDED.search(question[:m.start()])
                          and _OPENS_QUESTION.match(question))), None)


# "How did agreement depend on how old the sample was?": a "how ..." after a preposition is what
# the question is about, not the measurement it asks for.
# ("For how many days ...", "In the MI study, in how many rats ...": a preposition opening the
# question or its clause goes with the question's own "how".)
_EMBEDDED = re.compile(r"[^\W\d_]\w*[^\w,;:]{1,3}(?:on|upon|of|about|by|with|to|for|from|in|into)\s+$", re.I)
# ... in a question opened by its own question word ("How did ...", "Does ..."); "Patients were
# followed for how long?" asks with the "how" it ends on.
_OPENS_QUESTION = re.compile(r"\s*(?:how|what|which|why|when|where|who|whose|does|do|did|is|are|was|were|can|could|"
                             r"has|have|had|will|would|should)\b", re.I)


@lru_cache(maxsize=4096)
def asked_kind(question: str) -> Kind | None:
    """The kind of measurement the question asks for, or None when it asks for none."""
    for pattern, kind in _ASKS:
        if _asks(pattern, question):
            return kind
    return None


_SPELLED = re.compile(rf"\b{NUMBER_WORDS}\b", re.I)


def without_citations(text: str) -> str:
    """The text without reference markers and author-year citations: no numbers of the finding."""
    return _AUTHOR_YEAR.sub(" ", _REF_MARKER.sub(" ", text))


def gives(kind: Kind, text: str, spelled: bool = True) -> bool:
    """Whether the text states a measurement of that kind (reference markers and author-year
    citations are not numbers of the finding). spelled=False: only figures count ("4.2 µl",
    not "within five days"), for preferring the sentence that reports the measurement."""
    clean = without_citations(text)
    if not spelled:
        clean = _SPELLED.sub(" ", clean)
    return bool(kind.gives.search(clean))


_LABEL_TOKEN = re.compile(r"\d[\d.,]*|[A-Za-z]+|%|[,()]")


def unit_named(kind: Kind, label: str) -> bool:
    """A table row's label names the unit of a kind of measurement in a unit's place: its first
    word ("Days with rescue treatment, median (IQR)"), after its last comma ("Time to flare,
    weeks") or in its closing brackets ("Yes (%)"). Not a word after a figure ("at 1 year",
    "95% CI") or after "per" ("beats per min"), nor a lone letter ("Vitamin D") or an abbreviation
    in capitals ("HR (95% CI)"). Not for a kind
    any bare figure gives (a count)."""
    if gives(kind, "2"):
        return False
    tokens = _LABEL_TOKEN.findall(label)
    if not tokens:
        return False
    commas = [i for i, t in enumerate(tokens) if t == ","]
    opens = [i for i, t in enumerate(tokens) if t == "("]
    places = {0} | set(range(commas[-1] + 1, len(tokens)) if commas else ()) | \
        set(range(opens[-1] + 1, len(tokens)) if opens and tokens[-1] == ")" else ())
    for i in sorted(places):
        t, before = tokens[i], tokens[i - 1].lower() if i else ""
        # (An abbreviation in capitals is a measure's name, "HR" a hazard ratio, not hours.)
        if t in ",()" or (len(t) == 1 and t != "%") or t.isupper() or before[:1].isdigit() or before == "per":
            continue
        if gives(kind, f"2 {t}"):
            return True
    return False


def row_gives(kind: Kind, cells: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> bool:
    """A table row states a measurement of the kind: a cell does, or the row's label (its first
    cell) names the kind's unit and another cell holds a figure."""
    values = [v for _, v in cells]
    if any(gives(kind, v) for v in values):
        return True
    return bool(values) and unit_named(kind, values[0]) and any(re.search(r"\d", v) for v in values[1:])


_SOON = re.compile(r"\bhow\s+(?:quickly|soon|early|late|fast)\b", re.I)


def preferred_kind(question: str) -> Kind | None:
    """A kind of measurement the question would like but does not require: "how quickly did
    the ulcers heal" is answered by "healed faster" as well as by "within 6 weeks"."""
    return TIME if _SOON.search(question) and asked_kind(question) is None else None


@lru_cache(maxsize=4096)
def kind_words(question: str) -> str:
    """The words of the question that name the measurement ("how big", "what percentage"):
    they say what is asked, not what it is about."""
    for pattern, _ in _ASKS:
        m = _asks(pattern, question)
        if m:
            return m.group(0)
    return ""


_SEVERAL = re.compile(
    r"\b(?:what|which)\s+(?:(?:are|were)\s+(?:the\s+)?)?(?:[\w\-]+\s+){0,2}?[a-z\-]{3,}[^s\W]s\b|"
    r"\b(?:tell\s+me\s+about|list|all|every|contexts?|settings?)\b|\band\s+(?:in\s+)?(?:what|which)\b|"
    # "Give the reasons the review offers", "name the cytokines": an imperative asking for plural things.
    # (A plural after its article and up to two modifiers, none "of": "give the dose of exosomes"
    # asks one thing; "-us", "-is", "-ss" are no plurals: "name the virus", "give the analysis".)
    r"\b(?:give|name|collect|gather)\s+(?:me\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:(?!of\b)[\w\-]+\s+){0,2}?[a-z\-]{2,}[^siu\W]s\b", re.I)


def asks_several(question: str) -> bool:
    """The question asks for a list ("which miRNAs", "which studies ... and in what disease",
    "tell me about X"): its answer gathers several passages."""
    return bool(_SEVERAL.search(question))


# "Where does X come up?", "In which contexts is X mentioned?", "Which caspases are
# mentioned?": the reader asks for the places a thing is named, not for the passage that says
# most about it. General English ways of asking it; X is what lies in the noun slot.
_THING = r"(?P<x>[^?!;:,]{2,60}?)"
_VERB_AUX = r"(?:does|do|did|is|are|was|were)"
# "come up", "mentioned" always ask it; "appear", "feature", "turn up", "show up" only when the
# question ends there ("where do exosomes appear to accumulate", "where do the side effects
# show up in the patients" ask something else).
_ENDS = r"(?=\s*(?:in\s+(?:the|this)\s+(?:review|article|paper|text|document)\s*)?(?:[?.!;,]|$))"
_SEEN = (r"(?:(?:(?:come|comes|came)\s+up|(?:gets?\s+|being\s+)?(?:mentioned|discussed|named|cited|referred\s+to))\b|"
         rf"(?:appears?|appeared|features?|featured|(?:turns?|turned|shows?|showed|crops?|cropped)\s+up){_ENDS})")
_PLACES = r"(?:(?:different|other|separate|distinct|various|several|two|three|four|five|both)\s+)?(?:contexts?|settings?|places?|parts?|sections?|passages?)"
_MENTIONED = [
    re.compile(rf"\bwhere\s+(?:in\s+(?:the|this)\s+\w+\s+)?{_VERB_AUX}\s+{_THING}\s+{_SEEN}", re.I),
    re.compile(rf"\bwhere\s+(?:in\s+(?:the|this)\s+\w+\s+)?(?:does|do|did)\s+(?:the\s+\w+|it|they|the\s+authors)\s+"
               rf"(?:mention|discuss|talk\s+about|refer\s+to|cite)\s+{_THING}\s*(?:[?.;,]|$)", re.I),
    re.compile(rf"\b(?:which|what)\s+{_PLACES}\s+(?:of\s+(?:the|this)\s+\w+\s+)?{_VERB_AUX}\s+{_THING}\s+"
               rf"(?:{_SEEN}|used\b)", re.I),
    re.compile(rf"\b(?:which|what)\s+{_PLACES}\s+(?:of\s+(?:the|this)\s+\w+\s+)?(?:mention|discuss|involve|describe|"
               rf"refer\s+to|talk\s+about)\s+{_THING}\s*(?:[?.;,]|$)", re.I),
    re.compile(rf"\b(?:which|what)\s+(?!(?:of|the|these|those|two|three|four|five|several|many|other)\b)"
               rf"(?P<x>[\w\-/]+(?:\s+[\w\-/]+){{0,2}}?)\s+(?:are|were)\s+(?:mentioned|discussed|named|cited)\b", re.I),
    re.compile(rf"\b(?:every|all|each)\s+(?:the\s+)?(?:mentions?|occurrences?|instances?)\s+of\s+{_THING}\s*(?:[?.;,]|$)", re.I),
    re.compile(rf"\btell\s+me\s+about\s+{_THING}\s*[:;,]\s*(?:in\s+)?(?:which|what)\s+{_PLACES}", re.I),
    re.compile(rf"\b(?:what|which)\s+(?:different\s+|other\s+)?roles\s+(?:does|do|did|can|could)\s+{_THING}\s+"
               r"(?:play|have|serve)\b", re.I),
]
# Words after the thing that say how, not what: "discuss exosomes in detail".
_MANNER = re.compile(r"\s+(?:in\s+(?:detail|depth|full|general)|at\s+length|further|again|specifically|explicitly|"
                     r"in\s+(?:the|this)\s+(?:review|article|paper|text|document))$", re.I)
_NOT_A_THING = re.compile(r"^(?:it|they|them|this|that|these|those|the\s+\w+\s+itself|"
                          r"(?:this|the|our)\s+(?:study|review|paper|article|trial|authors?)|(?:that|whether|how|why)\b.*)$", re.I)


def mentioned_thing(question: str) -> str | None:
    """The thing whose mentions a question asks for ("where does IL-10 come up" -> "IL-10"),
    or None when it asks something else."""
    for pattern in _MENTIONED:
        m = pattern.search(question)
        if m:
            thing = re.sub(r"^(?:the|a|an)\s+", "", m.group("x").strip(), flags=re.I)
            while _MANNER.search(thing):
                thing = _MANNER.sub("", thing)
            if thing and not _NOT_A_THING.match(thing):
                return thing
    return None


# A part of the document named by its heading: "according to the conclusions", "in the
# regenerative medicine section", "the part on drug carriers", "the opening of the cancer
# section". The words name a heading; whether the document has it is checked against its headings.
_SECTION_NAMES = [
    re.compile(r"\b(?:in|from|within|according\s+to|per)\s+(?:the\s+)?(?:(?:opening|start|beginning|end)\s+of\s+the\s+)?"
               r"(?P<name>(?:[\w\-]+\s+){0,3}?[\w\-]+)\s+(?:section|part|paragraph|chapter|subsection)s?\b", re.I),
    re.compile(r"\bthe\s+(?:section|part|paragraph|chapter|subsection)\s+(?:on|about|of|covering|dealing\s+with)\s+"
               r"(?P<name>[\w\-]+(?:\s+[\w\-]+){0,3}?)(?=\s*(?:[?.!;,:]|$|\s+(?:and|or|what|which|how|why|when|where|who|does|do|did|is|are|was|were|say|says|said|state|states|stated|tell|tells|report|reports|describe|describes|mention|mentions|suggest|suggests)\b))", re.I),
    # (With its article: "In conclusion, ..." and "in summary" name no section.)
    re.compile(r"\b(?:in|from|according\s+to)\s+(?:the\s+|its\s+|their\s+)(?P<name>abstract|introduction|background|"
               r"conclusions?|discussion|methods|results|summary|limitations)\b", re.I),
]


# "What are the main limitations of the trial?": the things a question asks for, as a heading
# may name the part that lists them ("Strengths and limitations").
_ASKED_LIST = re.compile(r"\b(?:what|which)\s+(?:are|were)\s+(?:the|its|their)\s+"
                         r"(?:(?:main|key|major|principal|chief|most\s+important)\s+)?(?P<name>[a-z]+s)\b"
                         r"(?=\s+(?:of|in|for|from|with)\b|\s*\?)", re.I)


def asked_list(question: str) -> str | None:
    """The plural noun a "what are the X of ..." question asks for, or None."""
    m = _ASKED_LIST.search(question)
    return m.group("name") if m else None


def without_section_names(question: str) -> str:
    """The question without the words that point at a part of the document."""
    for p in _SECTION_NAMES:
        question = p.sub(" ", question)
    return question


def sections_named(question: str) -> list[str]:
    """The words a question names a part of the document by, if any."""
    names = [m.group("name") for p in _SECTION_NAMES for m in p.finditer(question)]
    return list(dict.fromkeys(names))


# "Figure 3", "Fig. 2", "fig 4": a question pointing at a figure by its number.
_FIGURE = re.compile(r"\bfig(?:ure)?s?\.?\s*(\d{1,3})[a-z]?\b", re.I)
# ... and the words that only ask what it shows.
_FIGURE_ASK = re.compile(r"\b(?:shows?|shown|showing|depicts?|depicted|illustrates?|illustrated|displays?|displayed|"
                         r"presents?|presented|summari[sz]es?|summari[sz]ed|describes?|described|caption|legend|"
                         r"explain|tell|about)\b", re.I)


def figure_named(question: str) -> int | None:
    """'Figure 3' or 'Fig. 3' in a question: the figure it asks about."""
    m = _FIGURE.search(question)
    return int(m.group(1)) if m else None


def without_figure_names(question: str) -> str:
    """The question without its pointer to a figure and the words asking what the figure shows."""
    return _FIGURE_ASK.sub(" ", _FIGURE.sub(" ", question))


# A table called by what it is about: "the regenerative medicine table", "in the cancer table",
# "the table of drug interactions" (one to three words before "table", or after "table of/on").
_CALLED = re.compile(r"\bthe\s+(?P<before>(?:[\w\-]+\s+){1,3}?)tables?\b(?!\s+\d)|"
                     r"\btables?\s+(?:of|on|about|listing)\s+(?P<after>(?:[\w\-]+\s*){1,3})", re.I)


def without_table_names(question: str) -> str:
    """The question without the words that point at a table ("Table 2", "the cancer table")."""
    return _CALLED.sub(" ", re.sub(r"\btables?\s+\d{1,3}\b", " ", question, flags=re.I))


def table_named(question: str) -> int | None:
    """'Table 2' in a question restricts it to that table."""
    m = re.search(r"\btable\s+(\d{1,3})\b", question, re.I)
    return int(m.group(1)) if m else None


# "reference 111", "ref. 33", "refs 12 and 14", "citation [5]", "[48]": reference numbers the
# question points at (not "reference range", "reference standard": no number follows).
_REFERENCE_NAMED = re.compile(r"\b(?:ref(?:erence)?s?|citations?)\.?\s*(?:no\.?\s*|numbers?\s*)?\[?(\d{1,4}(?:\s*(?:,|and|&)\s*\d{1,4})*)\]?"
                              r"(?![\d.,]*\s*(?:%|percent|mg|ml|µ|mm|cm|kg|years?|days?|weeks?|hours?|patients?))|"
                              r"\[(\d{1,4}(?:\s*,\s*\d{1,4})*)\]", re.I)


def references_named(question: str) -> list[int]:
    """The reference numbers a question points at ("What does reference 111 report?")."""
    out: list[int] = []
    for m in _REFERENCE_NAMED.finditer(question):
        out += [int(n) for n in re.findall(r"\d+", m.group(1) or m.group(2))]
    return list(dict.fromkeys(out))


def table_called(question: str, titles: dict[int, str], terms) -> int | None:
    """'the cancer table', 'the table of drug interactions': the one table (of titles: number ->
    title) whose title holds the words the question calls it by. terms(text) -> content stems."""
    for m in _CALLED.finditer(question):
        words = terms(m.group("before") or m.group("after") or "")
        if not words:
            continue
        titled = [n for n, title in titles.items() if words <= terms(title or "")]
        if len(titled) == 1:
            return titled[0]
    return None


# Words coordinated in a question: "breast and gastric cancer", "A, B or C".
_COORDINATED = re.compile(r"\b([A-Za-z][\w\-]*)((?:\s*,\s*[A-Za-z][\w\-]*)*)\s*,?\s+(?:and|or)\s+([A-Za-z][\w\-]*)")


def coordinated(question: str) -> list[list[str]]:
    """The words of each coordination in the question, as written."""
    return [[m.group(1), *re.findall(r"[A-Za-z][\w\-]*", m.group(2)), m.group(3)] for m in _COORDINATED.finditer(question)]


# Phrases coordinated under one preposition said again: "in the liver, in Alzheimer's disease
# and in cisplatin kidney injury", "for adults or for children".
_PREPOSITIONS = "in|for|of|on|with|after|during|among|from|at|by|to"
_AND_PREP = re.compile(rf",?\s+(?:and|or)\s+({_PREPOSITIONS})\s+", re.I)


def coordinated_phrases(question: str) -> list[list[str]]:
    """The phrases of each coordination whose members each repeat the preposition, as written
    ("in the liver, in AD and in cisplatin injury" -> ["the liver", "AD", "cisplatin injury"])."""
    out = []
    for m in _AND_PREP.finditer(question):
        prep = m.group(1)
        last = re.match(r"[^,;:?]+", question[m.end():])
        head = question[:m.start()]
        before = re.split(rf"\s*,\s*{prep}\s+", head, flags=re.I)
        opening = re.split(rf"\b{prep}\s+", before[0], flags=re.I)
        if last is None or len(opening) < 2:
            continue  # "... cells and in mice": the first member says no preposition of its own
        phrases = [opening[-1], *before[1:], last.group()]
        phrases = [p.strip() for p in phrases if p.strip()]
        if any(re.match(r"(?:which|what|whom|whose|how)\b", p, re.I) for p in phrases):
            continue  # "..., and in which direction?": a further question, not a member
        if len(phrases) >= 2:
            out.append(phrases)
    return out


# "In which studies ...", "which diseases ...", "across the review", "every context", "each
# setting": the places something appears in are asked, not the one passage saying most of it.
# (A yes/no question is not: "Does mTOR differ across cell types?", "Is ATP needed for every release?")
_ACROSS = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:studies|settings|contexts|places|situations|diseases|models|conditions)\b|"
                     r"\bacross\s+(?:the\s+|this\s+|both\s+|all\s+)?(?:review|document|paper|article|text|tables?|studies|sections?)\b|"
                     r"\b(?:every|each)\s+(?:context|setting|study|place|mention|section)\b", re.I)
_YES_NO = re.compile(r"^\W*(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|had|may|might)\b", re.I)


def asks_across(question: str) -> bool:
    return bool(_ACROSS.search(question)) and not _YES_NO.match(question)


def names_in(question: str) -> list[str]:
    """The names a question uses as written: a word with digits and letters (miR-34a, IL-10),
    or with capitals inside or in a row (mTOR, ATP)."""
    out = []
    for m in re.finditer(r"[A-Za-z][\w\-/]*", question):
        w = m.group()
        if (any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w)) or re.search(r"[a-z][A-Z]|[A-Z]{2,}", w):
            out.append(w)
    return out


# Where a question asks a further question: after a question mark, or before a question word
# after "and", a comma, a colon or a semicolon ("What did X find, and how is it interpreted?",
# "Tell me about X: how big are they, and why ...?"). "Before and after", "A and B" join words, not
# questions: the word after "and" must open a question.
_QUESTION_WORD = (r"(?:what|which|how|why|when|where|who|whom|whose|whether|is|are|was|were|does|do|did|can|could|has|have|"
         r"had|should|would|will|name|list|give|compare|describe|summari[sz]e|explain|tell)")
_NEXT_QUESTION = re.compile(rf"\?\s+(?=\S)|\s*[;:]\s+(?={_QUESTION_WORD}\b)|,?\s+and\s+(?={_QUESTION_WORD}\b)|,\s+(?={_QUESTION_WORD}\b)", re.I)
_OPENS_QUESTION = re.compile(rf"^\W*{_QUESTION_WORD}\b", re.I)


def clauses(question: str) -> tuple[str, list[str]]:
    """The questions a question asks, and the words that set their scene: "In TMEV-infected
    mice, which cytokines fell?" is one question with the scene "In TMEV-infected mice";
    "What did the trial find about biofilm, and how is it interpreted?" is two. A part
    shorter than two words is no question of its own."""
    parts = [p.strip(" ,;:?.!") for p in _NEXT_QUESTION.split(question)]
    parts = [p for p in parts if len(re.findall(r"[A-Za-z]{2,}", p)) >= 2]
    scene = []
    while parts and not _OPENS_QUESTION.match(parts[0]) and len(parts) > 1:
        scene.append(parts.pop(0))
    return " ".join(scene), parts


# "What was the mean body mass index of the participants?": a statistic of an attribute the
# question names; its answer states that attribute with a number (the topic alone is not it).
_STATISTIC = re.compile(
    r"\b(?:what|which)\s+(?:is|was|were|are)\s+(?:the\s+)?(?:(?:mean|median|average|typical|overall|baseline|"
    r"maximum|minimum|peak|highest|lowest)\s+)+(?P<x>[\w\-]+(?:\s+[\w\-]+){0,4}?)"
    r"(?=\s+(?:of|in|for|among|at|across|with|between|before|after|during|by|and|or|on|when|from|to)\b|\s*[?,;.]|\s*$)", re.I)


# Words naming how an attribute is measured, not which it is ("score change", "level", "rise"):
# a text says them otherwise ("fell by 1.9 points").
_HOW_MEASURED = re.compile(r"\s+(?:change|changes|difference|differences|level|levels|value|values|rate|rates|amount|"
                           r"reduction|increase|decrease|improvement|gain|loss|fall|rise|drop)$", re.I)


# "How many of the participants were current smokers?", "how many patients had diabetes": the
# people counted are named by what they were or had.
_COUNTED = re.compile(
    r"\bhow\s+many\s+(?:of\s+(?:the|these|those|its)\s+)?(?:(?!who\b|that\b|which\b)[\w\-]+\s+){0,3}?(?:were|had)\s+"
    r"(?:a\s+|an\s+)?(?P<x>[\w\-]+(?:\s+[\w\-]+){0,3}?)"
    r"(?=\s+(?:of|in|for|among|at|with|before|after|during|by|and|or|on|when|from|to|than)\b|\s*[?,;.]|\s*$)", re.I)
# A process the people went through ("were enrolled", "were randomised to", "were given") is
# said in many words ("allocated", "assigned"); only a state they were in is checked.
_PROCESS = re.compile(r"^(?:\w+(?:ed|en)|given|put|sent|seen|lost|kept|taken|brought)$", re.I)


def stated_attribute(question: str) -> str | None:
    """The attribute whose statistic the question asks ("body mass index" in "what was the mean
    body mass index of ..."; "current smokers" in "how many ... were current smokers"), or None."""
    m = _STATISTIC.search(question)
    if m is None:
        m = _COUNTED.search(question)
        # (How it is said is not what: "finally", "actually".)
        words = [w for w in (m.group("x").split() if m else []) if w.lower() not in STANCE_WORDS]
        if not words or _PROCESS.match(words[0]):
            return None
        return " ".join(words)
    x = m.group("x")
    while _HOW_MEASURED.search(x):
        x = _HOW_MEASURED.sub("", x)
    # "the mean RCSQ scores": a scale named by its abbreviation is the attribute; a table says
    # "Mean RCSQ" ("cough frequency score" stays whole).
    return re.sub(r"^([A-Z][A-Z0-9\-]+)\s+scores?$", r"\1", x)


# "What dose of marimastat was given ...", "How much did the programme cost ...", "the mean age of
# the patients in the X trial": the thing whose measurement is asked. A dose stated of another
# drug, or an age of other people, does not answer it.
_OF_THING = re.compile(
    r"\b(?:doses?|dosages?|concentrations?|costs?|prices?|temperatures?|speeds?|sizes?|diameters?|ages?)\s+of\s+"
    r"(?:the\s+|a\s+|an\s+|one\s+)?(?P<x>[\w\-'’]+(?:\s+[\w\-'’]+){0,4}?)"
    r"(?P<tail>\s+(?:in|of|from|at|on)\s+(?:the\s+)?[\w\-'’]+(?:\s+[\w\-'’]+){0,4}?)?"
    r"(?=\s+(?:was|were|is|are|did|do|does|given|used|injected|received|recommended|needed|required|per|that|when|"
    r"after|before|to|for|with)\b|\s*[?,;.]|\s*$)", re.I)
_COST_OF = re.compile(r"\bhow\s+much\s+(?:did|does|do|would|will|could)\s+(?:the\s+|a\s+|an\s+|one\s+)?"
                      r"(?P<x>[\w\-'’]+(?:\s+[\w\-'’]+){0,5}?)\s+cost\b", re.I)
_THING_KINDS = frozenset({"amount", "cost", "age", "temperature", "speed", "size"})


def measured_thing(question: str) -> tuple[str, str] | None:
    """The thing whose dose, cost, age, temperature, speed or size the question asks, and the
    place it is asked of ("patients", "the HEAR-COG trial"; "" when none is named), or None."""
    kind = asked_kind(question)
    if kind is None or kind.name not in _THING_KINDS:
        return None
    m = _COST_OF.search(question) or _OF_THING.search(question)
    if m is None:
        return None
    tail = m.groupdict().get("tail") or ""
    return m.group("x").strip(), re.sub(r"^\s*\w+\s+(?:the\s+)?", "", tail).strip() if tail else ""


# "Which brand of oximeter ...", "Which company makes it?", "Who manufactured the lozenges?":
# the answer is a name (of a maker, a product), the thing it is the name of optional.
_NAME_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:[\w\-]+\s+){0,2}?(?:brand|manufacturer|company|firm|supplier|vendor|maker)s?\b"
    r"(?:\s+(?:and\s+\w+\s+)?of\s+(?:the\s+|a\s+|an\s+)?(?P<x>[\w\-'’]+(?:\s+[\w\-'’]+){0,3}?)"
    r"(?=\s+(?:was|were|is|are|did|do|does|had|has|used|given|supplied|made)\b|\s*[?,;.]|\s*$))?|"
    r"\bwho\s+(?:makes|made|manufactures|manufactured|supplies|supplied|produces|produced|sells|sold)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?P<y>[\w\-'’]+(?:\s+[\w\-'’]+){0,3}?)(?=\s*[?,;.]|\s*$)", re.I)


def named_maker(question: str) -> str | None:
    """For a question asking a maker's or product's name, the thing it is asked of ("" when
    the question does not say); None when no name is asked."""
    m = _NAME_ASKED.search(question)
    if m is None:
        return None
    return (m.group("x") or m.group("y") or "").strip()


# A name as a text writes one: capitalised (or with a capital inside: "iHealth") after the
# sentence's first word, or marked as a trade name.
_PROPER = re.compile(r"(?<=[\w,;:)\]]\s)(?!(?:Table|Fig|Figure|Supplementary)\b)[A-Za-z]*[A-Z][\w\-]*|[\w\-]+\s*[®™]")
_ET_AL = re.compile(r"\b[A-Z][\w\-]+\s+(?:et\s+al|and\s+[A-Z][\w\-]+|&\s+[A-Z][\w\-]+)\b")


def proper_names(text: str) -> list[str]:
    """The names a text writes, other than authors cited by name ("Zhu et al.")."""
    return _PROPER.findall(_ET_AL.sub(" ", text))


_AUX = r"(?:are|were|is|was|did|do|does|have|has|had|can|could|will|would|in|of|at|for|with|from|on|by|to|per)\b"
# "How many ENSEMBL gene families did ...": the words naming what is counted, up to the verb.
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?:of\s+(?:the|their|these|those)\s+)?"
                       rf"(?!{_AUX})([a-z][\w\-]*(?:\s+(?!{_AUX})[a-z][\w\-]*){{0,2}})", re.I)


_ARTICLES = frozenset("the a an their its this these those his her our".split())


def counted_noun(question: str) -> str | None:
    """The words naming what "how many" counts, or None when it names nothing ("how many
    actually reach the tissue": a verb and its object follow; the share that does answers)."""
    m = _HOW_MANY.search(question)
    if m is None:
        return None
    words = m.group(1).split()
    while words and (words[0].lower() in STANCE_WORDS or words[0].lower().endswith("ly") and inflected_common(words[0])):
        words = words[1:]
    rest = question[m.end():].split()
    after = (words[1:2] or rest[:1])
    if not words or (after and after[0].lower() in _ARTICLES):
        return None
    return " ".join(words)


def count_of(counted: str, kin: bool = True) -> re.Pattern[str]:
    """A number of the things counted, written before a word naming them ("238 cardiac surgery
    patients", "7,918 gene families"); a count of people may name them in any word for people
    ("847 adults" are patients counted; kin False: only the words named). Not a year, a share or a measure between them ("In
    2019, patients", "at 6 months patients", "20 mg to volunteers", "fifty percent of patients")."""
    # (Up to a verb in the past: "how many rats received ..." counts rats.)
    words = list(itertools.takewhile(lambda w: not w.endswith("ed"), counted.split())) or counted.split()[:1]
    # (Each word from its start, with a short ending: "mice" is no "micrograms".)
    names = [rf"\b{re.escape(w[:max(3, len(w) - 2)])}\w{{0,4}}\b" for w in words]
    if kin and any(re.fullmatch(PERSONS, w, re.I) for w in words):
        names.append(rf"\b{PERSONS}\b")
    number = rf"(?<![\w.\-])(?!(?:19|20)\d\d\b)(?:\d[\d,]*\d|\d|{NUMBER_WORDS})(?![.,]?\d)"
    between = rf"(?:(?!(?:{MEASURE_UNITS}|percent|per\b)(?![A-Za-z]))[\w\-]+\s+){{0,2}}?"
    return re.compile(rf"{number}\s+{between}(?:{'|'.join(names)})", re.I)
