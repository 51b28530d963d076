"""English words: the word list that ships with pyspellchecker (about 160,000 words with
their counts in a large body of subtitles), read once. It says whether a word the documents
never use is a word at all ("vesicles", "hinder", "graft") or a typo ("prepaired"); the
embedding model's word pieces name only about 20,000 whole words."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

# The list's lowest count: it takes in words seen this often, among them names and slips
# ("brest"), so a word only this frequent is not trusted to vouch for another spelling.
LEXICON_FLOOR = 50
# A word seen this often (about the 18,000 most frequent) is a word its writer meant: "ears",
# "hearing", "back" are not slips for "years", "healing", "lack", whatever the documents say.
FREQUENT_WORD = 1000
# General English adverbs of stance and degree: how a question is put ("finally enrolled",
# "actually go to"), not what it is about.
STANCE_WORDS = frozenset("""actually finally really eventually ultimately basically generally usually typically
    exactly roughly approximately mainly mostly largely truly""".split())


# English adjectives of nationality and the country each names ("the Danish trial" is the one
# run in Denmark): one written form for both, as British and American spellings have.
DEMONYMS = {
    "american": "america", "argentinian": "argentina", "australian": "australia", "austrian": "austria",
    "bangladeshi": "bangladesh", "belgian": "belgium", "brazilian": "brazil", "british": "britain",
    "canadian": "canada", "chilean": "chile", "chinese": "china", "colombian": "colombia", "croatian": "croatia",
    "czech": "czechia", "danish": "denmark", "dutch": "netherlands", "egyptian": "egypt", "english": "england",
    "estonian": "estonia", "ethiopian": "ethiopia", "finnish": "finland", "french": "france", "german": "germany",
    "ghanaian": "ghana", "greek": "greece", "hungarian": "hungary", "icelandic": "iceland", "indian": "india",
    "indonesian": "indonesia", "iranian": "iran", "iraqi": "iraq", "irish": "ireland", "israeli": "israel",
    "italian": "italy", "japanese": "japan", "kenyan": "kenya", "korean": "korea", "lebanese": "lebanon",
    "malawian": "malawi", "malaysian": "malaysia", "mexican": "mexico", "moroccan": "morocco", "nepalese": "nepal",
    "nigerian": "nigeria", "norwegian": "norway", "pakistani": "pakistan", "peruvian": "peru",
    "philippine": "philippines", "filipino": "philippines", "polish": "poland", "portuguese": "portugal",
    "romanian": "romania", "russian": "russia", "saudi": "arabia", "scottish": "scotland", "serbian": "serbia",
    "singaporean": "singapore", "slovenian": "slovenia", "spanish": "spain", "swedish": "sweden", "swiss": "switzerland",
    "taiwanese": "taiwan", "tanzanian": "tanzania", "thai": "thailand", "tunisian": "tunisia", "turkish": "turkey",
    "ugandan": "uganda", "ukrainian": "ukraine", "vietnamese": "vietnam", "welsh": "wales", "zambian": "zambia",
}


# Words the stemmer cannot join to the word a table or text uses for the same thing: "women"
# for a "Female sex" row, "died" for "Death from any cause".
IRREGULAR_FORMS = {
    "woman": "female", "women": "female", "females": "female", "man": "male", "men": "male", "males": "male",
    "die": "death", "dies": "death", "died": "death", "dying": "death", "dead": "death", "deaths": "death",
}
# One written form for each (qa/index/lexical.py).
SAME_WORD = {**DEMONYMS, **IRREGULAR_FORMS}


@lru_cache(maxsize=1)
def english_counts() -> dict[str, int]:
    """Lower-case English words and their counts (the list is a dependency: a missing list
    is an installation fault, not a reason to judge words differently)."""
    raw = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    return {w: n for w, n in json.loads(gzip.decompress(raw)).items() if w.isalpha()}


# Endings that make a verb or adjective of another word ("sprouting", "untreated", "reliably"),
# each with the ways English spells the base before it.
_INFLECTIONS = (("ably", ("able",)), ("ibly", ("ible",)), ("ily", ("y",)), ("ly", ("",)),
                ("ing", ("", "e")), ("ied", ("y",)), ("ed", ("", "e")))
_NEGATING = ("un", "over", "under")


def inflected_common(word: str) -> bool:
    """word is a regular form of a frequent English word, perhaps negated or prefixed ("undisturbed",
    "overworked", "reliably"): a word of how something is done or said, not the name of a
    thing a document would have to mention. A rarely written base ("engrafting", "pegylated")
    may be a term of art and does not count."""
    low = word.lower()
    counts = english_counts()
    stems = [low] + [low[len(p):] for p in _NEGATING if low.startswith(p) and len(low) - len(p) >= 5]
    for s in stems:
        for ending, bases in _INFLECTIONS:
            if not s.endswith(ending) or len(s) - len(ending) < 3:
                continue
            root = s[: -len(ending)]
            # (A doubled consonant before the ending: "stopped", "spinning".)
            roots = [root] + ([root[:-1]] if len(root) >= 4 and root[-1] == root[-2] else [])
            # (The base more frequent than the form: "bleeding", "screening" are nouns of their own.)
            if any(counts.get(r + b, 0) >= max(FREQUENT_WORD, counts.get(low, 0)) for r in roots for b in bases):
                return True
            break  # the longest ending that fits is the word's own ("reliably" is not "reliab" + "ly")
    return False


# General English words for people counted in a study ("847 adults" are the patients asked after).
PERSONS = (r"(?:people|persons?|patients?|participants?|subjects?|individuals?|adults?|child(?:ren)?|men|women|"
           r"volunteers?|respondents?|cases|infants?|babies|residents?|survivors?|users?|workers?|students?|"
           r"pupils?|donors?|controls|recipients?|employees?|mothers?|newborns?|neonates?|enrollees?)")
# Numbers written as words ("five patients", "hundreds of cells").
NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                r"hundreds?|thousands?|dozens?|millions?)")
