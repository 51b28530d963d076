"""Answers from a table's own structure: the rows the question's constraints pick out, the
column it asks for, each value labelled with its table, row and column.

Which column is asked is read from the question's wh-phrase ("what g-force", "which MSC
source", "how were ... isolated") against what the table itself says about each column: its
header, the glossary and Note expansions of the header's words, and the words its cells hold
in most rows (a question about "g-force" meets the column whose cells say "×g"). Nothing here
knows this or any other table's column names."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from qa.answer_type import (COUNT, MEASURE, Kind, asked_kind, unit_named, clauses, coordinated, coordinated_phrases, gives, kind_words, named_kinds, table_called,
                            table_named, without_table_names)
from qa.evidence import TermStats, content_terms, generic_stems, part_name_terms, question_terms, related
from qa.index.lexical import analyze
from qa.passage_answer import ANSWER_CHARS
from qa.search import expand
from qa.types import Chunk, Citation, Hit

# Words that may stand between the wh-word and what is asked ("what was the ...", "which kind of ...").
_SKIP = frozenset("is are was were be been the a an of kind kinds type types sort do does did has have had".split())
_AUX = frozenset("is are was were do does did has have had can could will would may might".split())
_STOP_AFTER = frozenset("in for from to of on at by with and or that which who whom whose used did does do".split())
MIN_COLUMN_IDF = 0.5  # a word in over ~60% of a document's chunks does not name a column
MAX_ROWS = 8  # rows listed in one answer; more are counted, not shown
TABLE_DEPTH = 6  # table rows among this many top results are what a table answer starts from
_TABLE_OF = re.compile(r"\btables?\s+(?:of|on|about|listing)\s+(?:the\s+)?([\w\-]+)", re.I)
MEANING_LEAD = 0.9  # a row nearest in meaning leads within this share of the first result's score
_AUTHORS = re.compile(r"\bet\s+al\b", re.I)
SAME_STUDY_COVERAGE = 0.3  # a row citing a passage's reference joins it when it holds this much of the question
TABLE_SWITCH_SHARE = 0.6  # another table's row this close to the best one may be the table asked
WHOLE_ROW_CHARS = 300  # a one-row answer shows every cell when the row takes no more
WHY_CHARS = 500  # rows shown with the cells that match the question only while they take no more
# Words by which a question asks for rows themselves ("which entries ...", "which studies ...").
_ROWS_ASKED = frozenset("entries entry rows row studies study trials trial items records results findings ones experiments".split())
# What a table's rows are: "how many studies" is answered by listing them.
ROW_NOUNS = frozenset(analyze("studies rows entries trials papers articles reports experiments items records"))
SHORT_CELL_CHARS = 40  # a column whose cells average this long names things (a cargo, a cell line)
COLUMN_WORD_SHARE = 0.25  # a word this share of a column's cells hold is what that column says
# The best-retrieved row joins the rows that meet the question's words best when it meets this
# share of their match.
LEAD_ROW_MATCH = 0.5
# A word the document is about picks rows out when at most this share of the rows name it in a
# short cell or heading, and it is not in more than THEME_SHARE of the document's passages.
ROW_WORD_SHARE, THEME_SHARE = 0.5, 0.5
# Words for the rows or a part of a table ("the inhibitory half", "tumour-promoting rows").
# ("part" and "side" only as "part of the table": "a promoting part in metastasis", "inhibitory side effects".)
_PART_NOUNS = frozenset("half halves group groups section sections rows row entries entry studies".split())
# The model's word for a column must be clearly closer to one column than to the next; else
# the answer shows the cells the question does not state, which is never wrong.
DENSE_COLUMN_MIN, DENSE_COLUMN_MARGIN = 0.2, 0.02


@dataclass(frozen=True)
class TableAnswer:
    text: str
    citations: tuple[Citation, ...]
    rows: tuple[Chunk, ...]
    column: str | None


_RELATIVE = re.compile(r"[A-Za-z0-9)\]]\s+(in|for|by|of|with|from|through|during|on|at|to|under|after|before)\s+"
                       r"(which|whom|whose)\b", re.I)


_LOWEST = {"lowest", "smallest", "fewest", "least", "minimum", "minimal", "shortest"}
_SUPERLATIVE = re.compile(r"\b(highest|largest|greatest|biggest|most|maximum|maximal|longest|lowest|smallest|fewest|"
                          r"least|minimum|minimal|shortest)\s+(?:number\s+of\s+)?((?:[\w\-]+\s*){1,2})", re.I)
_FIRST_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def asked_phrases(question: str) -> list[list[str]]:
    return [p for _, p in _asked(question)]


def asked_wh(question: str) -> list[str]:
    return [w for w, _ in _asked(question)]


def _asked(question: str) -> list[tuple[str, list[str]]]:
    """The words naming what is asked, one list per wh-phrase ("which MSC and which
    isolation?" asks two things): the words after which/what, or, when an auxiliary follows
    ("what do exosomes deliver", "how were exosomes isolated"), the clause up to its first
    preposition; for a bare "how" the word after it (how big, how many)."""
    # "Which Table 1 studies ...": the table named restricts the rows; it is not what is asked.
    question = re.sub(r"\btables?\s+\d{1,3}\b", " ", question, flags=re.I)
    words = re.findall(r"[A-Za-z0-9][\w\-×]*", question.lower())
    # "the study in which exosomes delivered VEGF": a relative clause, not a question (a
    # preposition after a word; "In which phase ...?" opening the question asks).
    relative = {len(re.findall(r"[A-Za-z0-9][\w\-×]*", question[:m.start(2)].lower()))
                for m in _RELATIVE.finditer(question)}
    out: list[tuple[str, list[str]]] = []
    for i, w in enumerate(words):
        if w not in ("which", "what", "how") or i in relative:
            continue
        rest = words[i + 1:]
        if rest and rest[0] in _AUX:
            clause = []
            for x in rest[1:]:
                if x in _STOP_AFTER or x in ("which", "what", "how"):
                    break
                if x not in _SKIP:
                    clause.append(x)
            phrase = clause[:5]
            w = f"{w} {rest[0]}"  # a clause ("what do exosomes deliver") states, it does not name
        elif w == "how":
            phrase = rest[:1]
        else:
            phrase, j = [], 0
            for j, x in enumerate(rest):
                if x in _SKIP and not phrase:
                    continue
                if x in _STOP_AFTER or x in _AUX or x in ("which", "what", "how") or len(phrase) >= 2:
                    break
                phrase.append(x)
            else:
                j = len(rest)
            if phrase:
                out.append((w, phrase))
            # "what MSC source and isolation method are listed": a coordinated noun phrase
            # (one or two words closed by an auxiliary, another "and", or the end) is asked too.
            while phrase and j < len(rest) and rest[j] in ("and", "or"):
                nxt = []
                k = j + 1
                while k < len(rest) and len(nxt) < 2 and rest[k] not in _STOP_AFTER and rest[k] not in _AUX \
                        and rest[k] not in ("which", "what", "how", "the", "a", "an"):
                    nxt.append(rest[k])
                    k += 1
                if not nxt or (k < len(rest) and rest[k] not in _AUX and rest[k] not in ("and", "or")):
                    break
                out.append((w, nxt))
                j = k
            continue
        if phrase:
            out.append((w, phrase))
    return out


# Where a "what did they deliver ..." clause's verb ends: a preposition or a subordinate clause
# after it says under what conditions, not what is asked.
_CLAUSE_END = frozenset(("in for from to on at by with and or but under during after before when while if "
                         "without via through across within among per each than whether").split())


def _clause_verbs(question: str) -> set[str]:
    """The stems of the verbs that "what/which did|does|do|has|have|had ..." clauses end on
    ("what did the sheets deliver under hypoxia" -> deliv; "what did hypoxia do" -> none)."""
    out: set[str] = set()
    for m in re.finditer(r"\b(?:what|which)\s+(?:do|does|did|has|have|had)\s+([^?!.;:,]*)", question, re.I):
        words = []
        for w in re.findall(r"[A-Za-z][\w\-]*", m.group(1)):
            if w.lower() in _CLAUSE_END or w.lower() in ("which", "what", "how"):
                break
            words.append(w.lower())
        if len(words) >= 2 and words[-1] not in _SKIP:
            out |= set(analyze(words[-1]))
    return out


# A sentence asked as a question: an interrogative word, an auxiliary opening it, or a "?".
_QUESTION = re.compile(r"\?|\b(why|when|where|who|whom|whose|whether)\b|^\s*(do|does|did|can|could|is|are|was|"
                       r"were|will|would|should|has|have|had|may|might)\b", re.I)


def asked_phrase(question: str) -> list[str]:
    return [w for p in asked_phrases(question) for w in p]


class TableAnswerer:
    def __init__(self, chunks: list[Chunk], chunk_terms: list[set[str]], stats: TermStats,
                 glossaries: dict[str, dict[str, str]], embed=None):
        self.stats = stats
        self.glossaries = glossaries
        self.embed = embed
        self.rows: dict[tuple[str, int], list[int]] = {}
        self.chunks = chunks
        for i, c in enumerate(chunks):
            if c.kind == "table_row" and c.table is not None:
                self.rows.setdefault((c.doc_id, c.table.number), []).append(i)
        # A cell's terms include the long forms of the abbreviations it uses ("LF" is liver failure).
        # (A reference column's numbers are no words of a row: "type 2 diabetes" is not row [2].)
        refs = {key: {col for col, _ in chunks[idx[0]].table.cells if _is_ref_column(col, [chunks[i] for i in idx])}
                for key, idx in self.rows.items()}
        self.cell_terms: dict[int, dict[str, set[str]]] = {
            i: {col: set(analyze(_expand_abbrev(val, glossaries.get(chunks[i].doc_id, {}))))
                for col, val in chunks[i].table.cells if col not in refs[key]}
            for key, idx in self.rows.items() for i in idx
        }
        # A row's group heading says what all its rows are ("Age 18–49 years", "Inhibitory
        # effect"): a question picks the row by it as by a cell.
        self.group_terms: dict[int, set[str]] = {
            i: set(analyze(_expand_abbrev(chunks[i].table.group, glossaries.get(chunks[i].doc_id, {}))))
            for idx in self.rows.values() for i in idx if chunks[i].table.group}
        self._index_of = {chunks[i].id: i for idx in self.rows.values() for i in idx}
        self.profiles = {key: self._profile(key, idx) for key, idx in self.rows.items()}
        # How many of a table's rows name each word, in a short cell or in their group's
        # heading: what picks rows out is a name some rows give, however common it is in the
        # document ("bone marrow" in a review of marrow cells, "BM-MSCs" as a row's donor cells).
        self.name_df: dict[tuple[str, int], dict[str, int]] = {}
        self.short_terms: dict[tuple[str, int], set[str]] = {}  # what the table's short cells say
        for key, idx in self.rows.items():
            names = self.name_df.setdefault(key, {})
            cells = [chunks[i].table.cell_dict() for i in idx]
            short = [col for col in self.profiles[key]["columns"]
                     if np.mean([len(c.get(col, "")) for c in cells]) <= SHORT_CELL_CHARS]
            self.short_terms[key] = set().union(*(self.cell_terms[i].get(col, set()) for i in idx for col in short))
            for i in idx:
                said = content_terms(chunks[i].table.group or "")
                said = said.union(*(self.cell_terms[i].get(col, set()) for col in short))
                for t in said:
                    names[t] = names.get(t, 0) + 1

    # --- what the table says about its columns ----------------------------------------------
    def _profile(self, key: tuple[str, int], idx: list[int]) -> dict:
        doc = key[0]
        gloss = self.glossaries.get(doc, {})
        first = self.chunks[idx[0]].table
        cols = [c for c in first.columns if not _is_ref_column(c, [self.chunks[i] for i in idx])]
        header_terms, spread, lengths, numeric = {}, {}, {}, {}
        for col in cols:
            header_terms[col] = content_terms(_expand_abbrev(col, gloss))
            counts: dict[str, int] = {}
            for i in idx:
                for t in self.cell_terms[i].get(col, ()):
                    counts[t] = counts.get(t, 0) + 1
            # A word one row's cell happens to hold says nothing of the column.
            spread[col] = {t: n / len(idx) for t, n in counts.items() if n >= 2}
            vals = [self.chunks[i].table.cell_dict().get(col, "") for i in idx]
            lengths[col] = float(np.mean([len(v) for v in vals])) if vals else 0.0
            numeric[col] = sum(bool(_NUMERIC.fullmatch(v.strip())) for v in vals if v.strip()) / max(1, len(vals))
        # Label columns name the row: the first column, and the next if its cells are short
        # names (a column of numbers holds measurements, not names).
        label = cols[:1] + [c for c in cols[1:2] if lengths.get(c, 99) <= 30 and numeric.get(c, 0) < 0.5]
        vecs = None
        if self.embed is not None and cols:
            texts = []
            for col in cols:
                samples = [self.chunks[i].table.cell_dict().get(col, "") for i in idx[:3]]
                texts.append(f"{col}: " + "; ".join(x for x in samples if x))
            vecs = self.embed(texts)
        return {"columns": cols, "header": header_terms, "spread": spread, "label": label, "vecs": vecs}

    def _column_for(self, key, terms: list[str], phrase: list[str], header_only: bool = False,
                    stated: frozenset[str] = frozenset(), lexical_stated: bool = False) -> str | None:
        prof = self.profiles[key]
        doc = key[0]
        scores = {}
        # A column the question states a value of can still be the one a noun phrase names
        # ("which microRNAs do they deliver": the cells read "Delivering miR-210"); a clause
        # ("how do exosomes induce drug resistance") only states, and the model never guesses one.
        for col in [c for c in prof["columns"] if lexical_stated or c not in stated]:
            sc = 0.0
            for t in terms:
                w = self.stats.idf(t, doc)
                if any(related(t, h) for h in prof["header"][col]):
                    sc += 2.0 * w
                elif not header_only:
                    # Words the column's cells hold in many rows ("×g" in an isolation column).
                    share = max((v for h, v in prof["spread"][col].items() if related(t, h)), default=0.0)
                    if share >= 0.25:
                        sc += share * w
            scores[col] = sc
        best = max(scores, key=scores.get) if scores else None
        if best is not None and scores[best] > 0:
            return best
        if phrase and not header_only and prof["vecs"] is not None and self.embed is not None:
            qv = self.embed([" ".join(phrase)])[0]
            keep = [j for j, c in enumerate(prof["columns"]) if c not in stated]
            if not keep:
                return None
            sims = prof["vecs"][keep] @ qv
            order = np.argsort(-sims)
            if sims[order[0]] >= DENSE_COLUMN_MIN and (len(order) < 2 or sims[order[0]] - sims[order[1]] >= DENSE_COLUMN_MARGIN):
                return prof["columns"][keep[int(order[0])]]
        return None

    def asked_columns(self, key: tuple[str, int], question: str, stated: frozenset[str] = frozenset(),
                      row_terms: set[str] | None = None, cell_words: bool = True) -> tuple[list[str], set[str]]:
        """The columns the question asks for, and the terms that asked for them. Columns in
        stated hold what the question already says of the rows (their cells match it), so they
        are not what it asks, unless it names them. row_terms: the words of the chosen rows'
        cells; a keyword query's word among them is a value, not a column's name. cell_words:
        a clause's verb may name a column by what its cells say (only when the table is what
        the question is about: a row ranks first, or the table is named)."""
        generic = generic_stems()
        cols: list[str] = []
        used: set[str] = set()
        doc = key[0]
        prof = self.profiles[key]

        def useful(t: str) -> bool:
            # Words in nearly every passage ("MSC", "exosome") say nothing about which column.
            return t not in generic and self.stats.idf(t, doc) >= MIN_COLUMN_IDF

        phrases = asked_phrases(question)
        measure_words = set(analyze(kind_words(question))) | set(analyze("many much"))
        for phrase, wh in zip(phrases, asked_wh(question)):
            if set(analyze(phrase[-1])) <= generic:
                continue  # "which cancer studies": the rows are asked; "cancer" constrains them
            terms = self._with_short_forms([t for t in analyze(" ".join(phrase)) if useful(t)], doc)
            by_cells: set[str] = set()
            if " " in wh and row_terms:
                # "What did Kimura et al. find": a clause's words that the chosen rows' cells
                # hold name its subject, not what is asked ... unless the word is what a
                # column's cells say in many rows ("what did they deliver": "Delivering ...").
                # (Asked of an entity only: "how do they protect ..." asks a passage's mechanism.)
                # (The clause's verb only: "what does the Drug Burden Index measure" names its
                # row by "Index", a word the Tool column's cells say in many rows.)
                verb = _clause_verbs(question) | set(analyze(phrase[-1]))
                by_cells = {t for t in terms if t in verb and cell_words and not wh.startswith("how") and self._column_word(key, t)}
                terms = [t for t in terms if not any(related(t, h) for h in row_terms) or t in by_cells]
            words = [w for w in phrase if set(analyze(w)) & set(terms)]
            col = self._column_for(key, terms, words, header_only=True)
            if col is None and set(analyze(" ".join(phrase))) <= measure_words:
                continue  # "how many", "what percentage": the kind of value, not a column's name
            col = col or self._column_for(key, terms, words if " " not in wh and wh != "how" else [], stated=stated,
                                          lexical_stated=" " not in wh)
            if col and col not in cols:
                cols.append(col)
                # (A verb naming the column by its cells picks it; it does not pick rows.)
                used |= {t for t in terms if t not in by_cells and (any(related(t, h) for h in prof["header"][col])
                                                                      or any(related(t, h) for h in prof["spread"][col]))}
        kind = asked_kind(question)
        keyword = not phrases and not _QUESTION.search(question)
        kinds = [kind] if kind is not None else named_kinds(question) if keyword else []
        for kind in kinds:
            if kind in (COUNT, MEASURE) or gives(kind, question):
                continue  # (a question stating "100,000×g" asks which rows, not the g-force)
            # "What share ...", "at what g-force ...", "... source and g-force": the columns whose
            # cells (read with their header, "Yes (%): 62.8") give that kind in many rows.
            for col in prof["columns"]:
                if col not in cols and self._gives_share(key, col, kind) >= 0.25:
                    cols.append(col)
        if phrases or not _QUESTION.search(question):
            # A keyword query ("lung IRI miR-21-5p MSC source") names its columns outright, and
            # so does a wh-question in its other words ("by how much does X raise the AUC, and
            # what adjustment ...", "what was the effect on the primary outcome"): a header's
            # word that the chosen rows' cells do not hold. A question with no wh-phrase ("why
            # can donor cells ...") names things, not columns.
            # (Outside the wh-phrase, the document's title words are its topic: "studies of
            # plasma in ..." names no "Plasma source" column.)
            # (Nor do the words pointing at the table by its title: "the table of tools" for "Tools
            # used to judge medicines" names no "Tool" column.)
            title = self.stats.context.get(doc, set()) | {t for m in _TABLE_OF.finditer(question) for t in analyze(m.group(1))}
            terms = [t for t in content_terms(question) if useful(t) and t not in title
                     and not (row_terms and any(related(t, h) for h in row_terms))]
            # (Words, not numbers: "2 of 4 positively selected sites" may be the very cell asked.)
            tokens = re.findall(r"[A-Za-z0-9][\w\-]*", question.lower())
            words = [{t for t in analyze(w) if t.isalpha()} for w in tokens]
            # ... unless the question calls it a column ("mention migration in the function column").
            called = {i for i, w in enumerate(tokens[:-1]) if tokens[i + 1] in ("column", "columns", "field")}
            for col in prof["columns"]:
                hit = {t for t in terms if any(related(t, h) for h in prof["header"][col])}
                if hit and col in stated and row_terms and any(
                        hit & words[i] and i not in called and any(words[j] & row_terms for j in range(max(0, i - 4), i))
                        for i in range(len(words))):
                    continue  # "the coping element", "the Lorentz 2023 trial": its value is given, not asked
                if hit and col not in cols:
                    cols.append(col)
                    used |= hit
        return cols, used

    def has_column_naming(self, doc: str, number: int, noun: str) -> bool:
        """Table number of doc has a column whose header names noun ("Limitations")."""
        prof = self.profiles.get((doc, number))
        words = content_terms(noun)
        return bool(prof) and bool(words) and any(
            all(any(related(w, h) for h in prof["header"][col]) for w in words) for col in prof["columns"])

    def _column_word(self, key, t: str) -> bool:
        """t is what one column's cells say in a quarter of the rows or more."""
        return any(share >= COLUMN_WORD_SHARE for spread in self.profiles[key]["spread"].values()
                   for h, share in spread.items() if related(t, h))

    def _with_short_forms(self, terms: list[str], doc: str) -> list[str]:
        """The question's words with the abbreviations the document uses for them: cells say
        "miR-210" where the question says "microRNAs" (the Note: "miRs microRNAs")."""
        out = list(terms)
        for short, long in self.glossaries.get(doc, {}).items():
            lt = set(analyze(long))
            if lt and lt <= set(terms):
                out += [t for t in analyze(short) if t not in out]
        return out

    def _gives_share(self, key: tuple[str, int], col: str, kind: Kind) -> float:
        idx = self.rows[key]
        return sum(gives(kind, f"{col}: {self.chunks[i].table.cell_dict().get(col, '')}") for i in idx) / len(idx)

    def asked_column(self, key: tuple[str, int], question: str) -> str | None:
        cols, _ = self.asked_columns(key, question)
        return cols[0] if cols else None

    def table_called(self, question: str, doc: str) -> int | None:
        """'the cancer table': the one table of the document whose title holds the words the
        question calls it by."""
        titles = {n: self.chunks[idx[0]].table.title or "" for (d, n), idx in self.rows.items() if d == doc}
        return table_called(question, titles, content_terms)

    # --- rows ---------------------------------------------------------------------------------
    def answer(self, question: str, hits: list[Hit], terms: set[str], close: bool = True) -> TableAnswer | None:
        """The table rows and columns that answer. close: only when a row ranks first or close
        to it (False: any row among the top hits, when the passages did not give the answer)."""
        named = table_named(question)
        if named is None and hits:
            named = self.table_called(question, hits[0].chunk.doc_id)
        table_hits = [h for h in hits[:TABLE_DEPTH] if h.chunk.kind == "table_row" and h.chunk.table is not None
                      and (named is None or h.chunk.table.number == named)]
        if not table_hits:
            return None
        top = self._table_asked(question, table_hits)
        key = (top.chunk.doc_id, top.chunk.table.number)
        if key not in self.profiles:
            return None
        # A table answer when a row is the best result, or close to it and the question asks
        # for a column or for entities (a which/what/how question), or names the table.
        # ... or when the row is the result nearest the question in meaning and all but first
        # ("liver cancer ... fat-derived stem cells" for its "HCC" and "AT-MSCs": a lay question
        # shares few words with a row's abbreviations). Not a study named by its authors: the
        # running text names them, a row does not.
        nearest = max(hits[:TABLE_DEPTH], key=lambda h: h.scores.get("dense", -1.0))
        lead = hits[0].chunk.kind == "table_row" or (
            nearest is top and top.score >= MEANING_LEAD * hits[0].score and not _AUTHORS.search(question))
        if not lead and named is None and close:
            if top.score < 0.75 * hits[0].score or top.rank > 3:
                return None
        prof = self.profiles[key]
        extreme = self.extreme(question, hits)
        if extreme is not None:
            return extreme
        header_words = set().union(*prof["header"].values()) if prof["header"] else set()
        # Row constraints: what the question says of the rows, not the words naming a column.
        # Words of the document's title or the table's title hold for every row alike.
        context = self.stats.context.get(key[0], set()) | content_terms(top.chunk.table.title or "") | \
            set(analyze(kind_words(question)))
        negation = _negated(question, self.glossaries.get(key[0], {}))
        # ("Table 2" points at the table; a "stage 2" elsewhere in the question still constrains.)
        pointer = part_name_terms(question) - question_terms(question)
        constraints = {t for t in terms if t not in generic_stems() and t not in pointer and self._picks_rows(key, t)
                       and t not in context and not any(related(t, h) for h in header_words)} - negation.excluded()
        # "Which cancers ...": the noun a which/what phrase ends on, when a column's cells say it
        # in many rows, names the kind of thing that column holds, not a word the rows must hold
        # (a leukaemia row answers it without "cancer"); said in few rows ("what mRNA"), it
        # picks them. So does the verb "what did they deliver" asks with ("Delivering VEGF" in
        # some cells, "Transferring KGF" in others): it neither picks nor filters rows.
        constraints -= {t for wh, p in _asked(question) if wh in ("which", "what")
                        for t in analyze(p[-1]) if self._column_word(key, t)}
        column_verbs = {t for t in _clause_verbs(question) if self._column_word(key, t)}
        constraints -= column_verbs
        # "In the inhibitory half of the table": the rows of the group the question names.
        group = self._group_named(key, question)
        if group is not None:
            constraints -= content_terms(group)
        rows = self._rows(key, constraints, hits, _conjuncts(question), group)
        said_no = [c for c in rows if self._says_no(c, negation)] if negation.terms and negation.plain else []
        if said_no:
            # "Which trials found no difference?": the cells say it in the question's own words
            # ("No difference in first stool"); those rows are the answer, not the ones ruled out.
            rows = said_no
        elif rows and negation:
            # "... but state no g-force", "other than 100,000 x g", "rather than tumour cells":
            # rows whose cells say what the question rules out are not the answer.
            kept = [c for c in rows if not self._says(c, negation)]
            if not kept and len(self.rows[key]) > len(rows):
                kept = [self.chunks[i] for i in self.rows[key] if not self._says(self.chunks[i], negation)
                        and (not constraints or self.stats.coverage(constraints, set().union(*self.cell_terms[i].values()), key[0]) > 0)]
            rows = kept[:] if kept else rows
        if not rows:
            return None
        if not close and named is None:
            # A row further down answers only if it meets what the question says of it.
            have = [set().union(*self.cell_terms[self._pos(c)].values()) for c in rows]
            if not constraints or max(self.stats.coverage(constraints, h, key[0]) for h in have) < 0.25:
                return None
        # Columns whose cells the question already states (the asked words state nothing).
        said = constraints - set(analyze(" ".join(asked_phrase(question))))
        stated = frozenset(col for col in prof["columns"]
                           if any(said & self.cell_terms[self._pos(c)].get(col, set()) for c in rows))
        row_terms = set().union(*(t for c in rows for t in self.cell_terms[self._pos(c)].values()))
        columns, used = self.asked_columns(key, question, stated, row_terms,
                                           cell_words=hits[0].chunk.kind == "table_row" or named is not None)
        kind = asked_kind(question)
        if kind is not None and len(rows) <= 3 and not gives(kind, question):
            # "What is the elimination half-life ...": the row is named, and its cell that gives
            # the kind of measurement asked is the answer, whatever the column is called.
            # (The row that meets the question best must give it; a row listed beside it may not:
            # "advanced adenoma" and the composite condition whose definition names it.)
            # (A bare figure gives it in a row whose label names the unit: "Days with rescue
            # treatment, median (IQR)" and "11 (0-34)" under a group's column.)
            def giving_in(c: Chunk, col: str) -> bool:
                value = c.table.cell_dict().get(col, "")
                first = c.table.cells[0][1] if c.table.cells else ""
                return gives(kind, value) or bool(re.search(r"\d", value)) and unit_named(kind, first)

            # (In the table's own order, before the columns named.)
            giving = {col: [giving_in(c, col) for c in rows] for col in prof["columns"]
                      if col not in columns and col not in prof["label"][:1]}
            columns[:0] = [col for col, g in giving.items() if g[0] and 2 * sum(g) >= len(rows)]
        if not lead and named is None and not columns:
            # No column asked and a passage ranks first: the table answers only if its rows
            # meet what the question says of them.
            have = [set().union(*self.cell_terms[self._pos(c)].values()) for c in rows]
            best = max((self.stats.coverage(constraints, h, key[0]) for h in have), default=0.0) if constraints else 0.0
            if not asked_phrases(question) or best < 0.5:
                return None
        # (Words in nearly every passage, "MSC", "exosome", say nothing of what a column's cells say.)
        phrase_terms = {t for t in analyze(" ".join(w for p in asked_phrases(question) for w in p
                                                    if not set(analyze(p[-1])) <= generic_stems()))
                        if self.stats.idf(t, key[0]) >= MIN_COLUMN_IDF} - column_verbs
        if columns and len(rows) > 1:
            # Asked through what the column's cells say ("what g-force": cells with ×g): keep
            # the rows whose cell says it, when some do.
            col_terms = used | phrase_terms
            saying = [c for c in rows if any(related(t, h) for t in col_terms
                                             for h in self.cell_terms[self._pos(c)].get(columns[0], ()))]
            if saying:
                # ... but not at the cost of a row that meets what the question says of the
                # rows better than every row kept ("which bacteria produce succinate": the
                # succinate row names its bacteria without the word).
                def match(c: Chunk) -> float:
                    return self.stats.coverage(constraints, set().union(*self.cell_terms[self._pos(c)].values()), key[0])
                bar = max(match(c) for c in saying)
                rows = [c for c in rows if c in saying or bar > 0 and match(c) >= bar]
        # "Which studies used X": the rows are the answer; "which cargo ...": an unnamed column.
        # What to show when no column is named: "which studies used X" asks for the rows and
        # "do X inhibit Y?" asks to verify — the cells that say what the question says;
        # "which cargo ..." asks for an entity — the cells it does not state; a bare keyword
        # query says neither — every cell.
        phrases = asked_phrases(question)
        if phrases:
            show = "stated" if all(set(analyze(p[-1])) <= generic_stems() for p in phrases) else "unstated"
        else:
            show = "stated" if _QUESTION.search(question) else "all"
        if len(rows) == 1 and not columns:
            show = "all"  # one row and no column named: its cells are short enough to give whole
        if columns:
            # "Which rows mention macrophages, and what condition?": the cell that says what the
            # question says of a row is why the row is listed; it follows the column asked
            # when the answer still fits.
            why = [col for col in prof["columns"] if col in stated and col not in columns and col not in prof["label"]]
            if why and len(self._render(key, rows, columns + why, prof, constraints, stated, show)) <= WHY_CHARS:
                columns = columns + why
        text = self._render(key, rows, columns, self.profiles[key], constraints, stated, show)
        if not columns and len(rows) > 1 and len(text) > ANSWER_CHARS and any(w.lower() in _ROWS_ASKED for p in phrases for w in p):
            # The rows are what is asked ("which entries ..."), many, and no column: the cells
            # that say why a row is listed and the short cells that name what each row is about,
            # when every column would not fit.
            text = self._narrower(key, rows, prof, constraints, stated, show, text, terms)
        # (The cells shown for why a row is listed count as answering: the row's cells that meet
        # the question are there, and the rest would only push the passage after it away.)
        answered = {t for col in columns
                    for t in prof["header"].get(col, set()) | self.cell_terms[self._pos(rows[0])].get(col, set())}
        if len(rows) == 1 and columns and not phrase_terms & answered:
            # One row asked, and no chosen column answers the wh-phrase ("what ... to do", "the
            # hazard ratio" under "Effect estimate"; a keyword query has none): the other cells too,
            # when the whole row is short.
            rest = [c for c in prof["columns"] if c not in columns and c not in prof["label"]]
            whole = self._render(key, rows, columns + rest, prof, constraints, stated, show)
            if len(whole) <= WHOLE_ROW_CHARS:
                text = whole
        cites = tuple(Citation(c.refs, c.id, c.text, c.span) for c in rows[:MAX_ROWS])
        return TableAnswer(text, cites, tuple(rows), columns[0] if columns else None)

    def _picks_rows(self, key, t: str) -> bool:
        """A word of the question that can pick rows out: not what the document is about, or
        the name some of the table's rows give in a short cell or a group heading ("BM-MSCs" as
        the donor cells; a topic word inside a row's long description is not what the row is
        about). A word of most of the document's passages is its theme ("MSC" in a review of
        MSCs), however its rows happen to spell their sources."""
        doc = key[0]
        if not self.stats.topic_word(t, doc):
            return True
        if self.stats.df.get(doc, {}).get(t, 0) > THEME_SHARE * self.stats.n.get(doc, 0):
            return False
        return 0 < self.name_df[key].get(t, 0) <= ROW_WORD_SHARE * len(self.rows[key])

    def _says_no(self, c: Chunk, negation: Negation) -> bool:
        """A cell states the negated phrase with a negation of its own ("No difference in GI-2",
        "not detected"): the row says what the question says, negation and all."""
        for _, v in c.table.cells:
            # ("No. of adverse events: 4" counts them; it does not say there were none.)
            for m in _SAYS_NO.finditer(v):
                clause = re.split(r"[;,.:()]", v[m.end():], maxsplit=1)[0]
                after = analyze(" ".join(clause.split()[:len(negation.terms) + 3]))
                if all(any(related(t, x) for x in after) for t in negation.terms):
                    return True
        return False

    def _says(self, c: Chunk, negation: Negation) -> bool:
        """The row's cells state what a negated phrase names: all its words (or its other form:
        ALI for acute lung injury), or a measurement of the kind it names ("no g-force": ×g)."""
        have = set().union(*self.cell_terms[self._pos(c)].values())
        for names in (negation.terms, negation.other_form):
            if names and all(any(related(t, h) for h in have) for t in names):
                return True
        return any(gives(k, v) for k in negation.kinds for _, v in c.table.cells)

    def _table_asked(self, question: str, table_hits: list[Hit]) -> Hit:
        """The best-ranked row of the table whose headers name what the question asks ("what
        sensitivity ..." and a table with a Sensitivity column), else the best-ranked row: two
        tables may list the same thing (a baseline table and an accuracy table both have CRP)."""
        # Only a noun phrase names a column ("what sensitivity"); a clause ("how does it change") states.
        words = [w for wh, p in _asked(question) if " " not in wh for w in p]
        terms = [t for t in analyze(" ".join(words)) if t not in generic_stems()]
        if not terms:
            return table_hits[0]

        def named(h: Hit) -> int:
            prof = self.profiles.get((h.chunk.doc_id, h.chunk.table.number))
            return sum(any(related(t, x) for col in prof["columns"] for x in prof["header"][col])
                       for t in terms) if prof else 0

        best, best_n = table_hits[0], named(table_hits[0])
        for h in table_hits[1:]:
            if h.score < TABLE_SWITCH_SHARE * table_hits[0].score:
                break
            n = named(h)
            if n > best_n:
                best, best_n = h, n
        return best

    def _group_named(self, key, question: str) -> str | None:
        """The one group of the table's rows (its group headings: "Promoting effect",
        "Inhibitory effect") that the question names as a part of the table: its own words just
        before a word for rows or a part ("the inhibitory half", "tumour-promoting rows")."""
        named = self._group_pointer(key, question)
        return named[0] if named else None

    def without_group_names(self, key, question: str) -> str:
        """The question without the words that name a group of the table's rows ("in the
        inhibitory half", "the tumour-promoting rows"): they point at rows, they ask nothing."""
        named = self._group_pointer(key, question)
        if not named:
            return question
        for a, b in sorted(named[1], reverse=True):
            question = question[:a] + " " + question[b:]
        return question

    def _group_pointer(self, key, question: str) -> tuple[str, list[tuple[int, int]]] | None:
        """(the group named, the character ranges of the words naming it), or None."""
        groups = {self.chunks[i].table.group for i in self.rows[key]} - {None}
        if len(groups) < 2:
            return None
        found = list(re.finditer(r"[A-Za-z][\w\-]*", question))
        words = [m.group() for m in found]
        tokens = [set(analyze(w)) for w in words]
        parts = [i for i, w in enumerate(words) if w.lower() in _PART_NOUNS or (
            w.lower() in ("part", "parts", "side") and [x.lower() for x in words[i + 1:i + 2]] == ["of"]
            and any(x.lower().startswith("table") for x in words[i + 2:i + 4]))]
        named = []
        for g in groups:
            gw = content_terms(g)
            for p in parts:
                near = [i for i in range(max(0, p - 3), p) if any(related(w, t) for w in gw for t in tokens[i])]
                if gw and all(any(related(w, t) for i in near for t in tokens[i]) for w in gw):
                    named.append((g, [(found[i].start(), found[i].end()) for i in near + [p]]))
                    break
        return named[0] if len(named) == 1 else None

    def _rows(self, key, constraints: set[str], hits: list[Hit],
              conjuncts: tuple[frozenset[str], ...] = (), group: str | None = None) -> list[Chunk]:
        """Every row that meets the question's constraints as well as the best one does, and
        rows that meet the parts of the constraints the others leave uncovered ("in A and in B";
        each of coordinated words, "breast and gastric cancer", gets its best row). group: only
        that group's rows."""
        doc = key[0]
        fused = {h.chunk.id: h.score for h in hits}
        top = max(fused.values()) if fused else 1.0
        scored = []
        # A question naming one group's own words picks its rows by them ("aged 18–49"); one
        # naming two groups ("promoting or inhibitory?") asks which, and picks by neither.
        # (A word a short cell says too, "50" of "Age 50-70" and a cut-off of 50, names a value.)
        by_group: dict[str, set[str]] = {}
        for i in self.rows[key]:
            if self.chunks[i].table.group:
                by_group[self.chunks[i].table.group] = self.group_terms[i]
        valued = self.short_terms.get(key, set())
        hit = [g for g, ts in by_group.items()
               if constraints & (ts - valued - set().union(*(o for h, o in by_group.items() if h != g)))]
        by_heading = len(hit) <= 1
        for i in self.rows[key]:
            if group is not None and self.chunks[i].table.group != group:
                continue
            have = set().union(*self.cell_terms[i].values()) | (self.group_terms.get(i, set()) if by_heading else set())
            match = self.stats.coverage(constraints, have, doc) if constraints else 0.0
            scored.append((match, fused.get(self.chunks[i].id, 0.0) / top if top > 0 else 0.0, i, have))
        scored.sort(key=lambda x: (-x[0], -x[1]))
        best_match, best_fused = scored[0][0], max(x[1] for x in scored)
        if best_match <= 0:
            # Nothing to match on: the retrieved rows, best first.
            return [self.chunks[i] for m, f, i, _ in sorted(scored, key=lambda x: -x[1]) if f >= 0.85 * best_fused][:MAX_ROWS]
        chosen = [x for x in scored if x[0] >= 0.85 * best_match]
        # The row retrieval ranks first meets the question in words the cells do not share
        # ("heart" for a myocardial row): it joins when it meets a fair part of them.
        lead = max(scored, key=lambda x: x[1])
        if lead not in chosen and lead[1] > 0 and lead[0] >= LEAD_ROW_MATCH * best_match:
            chosen.append(lead)
        covered = set().union(*(constraints & x[3] for x in chosen))
        total = sum(self.stats.idf(t, doc) for t in constraints) or 1.0
        for x in scored:
            if x in chosen:
                continue
            gain = sum(self.stats.idf(t, doc) for t in (constraints - covered) & x[3]) / total
            if gain >= 0.25 and x[0] >= 0.5 * best_match:
                chosen.append(x)
                covered |= constraints & x[3]
        for part in conjuncts:
            part = part & constraints
            if part and not part & covered:
                # The row of that part retrieval ranks highest (it meets the rest of the question best).
                x = max((x for x in scored if part & x[3] and x not in chosen), key=lambda x: (x[1], x[0]), default=None)
                if x is not None:
                    chosen.append(x)
                    covered |= constraints & x[3]
        # The rows retrieval ranks highest first (they meet the whole question best; a reader
        # may stop after the first); the others in the table's order.
        return [self.chunks[x[2]] for x in sorted(chosen, key=lambda x: (-round(x[1], 2), self.chunks[x[2]].span.start))]

    def extreme(self, question: str, hits: list[Hit]) -> TableAnswer | None:
        """A superlative asked of a table among the top hits: its row, every cell shown. The
        numbers answer it even when the question's words barely meet the text."""
        named = table_named(question)
        for h in hits[:TABLE_DEPTH]:
            c = h.chunk
            if c.kind == "table_row" and c.table is not None and (named is None or c.table.number == named):
                key = (c.doc_id, c.table.number)
                found = self._extreme_row(key, question) if key in self.profiles else None
                if found is None:
                    return None
                row, col = found
                text = self._render(key, [row], [], self.profiles[key], set(), frozenset(), "all")
                return TableAnswer(text, (Citation(row.refs, row.id, row.text, row.span),), (row,), col)
        return None

    def _extreme_row(self, key: tuple[str, int], question: str) -> tuple[Chunk, str] | None:
        """"Which item was answered by the fewest respondents?": the row with the smallest (or
        largest) number in the column the words after the superlative name."""
        # "maximal inspiratory pressure" (MIP) names a measure the document defines: no superlative
        # (a later one may be: "... in the group with the lowest BMI").
        longs = [long.lower() for long in self.glossaries.get(key[0], {}).values()]
        m = next((m for m in _SUPERLATIVE.finditer(question)
                  if not any(re.match(rf"{re.escape(' '.join([m.group(1)] + m.group(2).split()[:1]).lower())}\b", long)
                             for long in longs)), None)
        if not m:
            return None
        lowest = m.group(1).lower() in _LOWEST
        named = [t for t in analyze(m.group(2)) if t not in generic_stems()]
        prof = self.profiles[key]
        cols = [c for c in prof["columns"] if any(related(t, h) for t in named for h in prof["header"][c])]
        if len(cols) != 1:
            return None
        # "Which secondary outcome had the smallest p value?": among the rows of the one group
        # whose heading the question says in full.
        asked = content_terms(question)
        groups = {self.chunks[i].table.group for i in self.rows[key]} - {None}
        said = [g for g in groups if content_terms(g) and all(any(related(t, a) for a in asked) for t in content_terms(g))]
        pool = [i for i in self.rows[key] if len(said) != 1 or self.chunks[i].table.group == said[0]]
        values = []
        for i in pool:
            num = _FIRST_NUMBER.search(self.chunks[i].table.cell_dict().get(cols[0], ""))
            if num:
                values.append((float(num.group(0).replace(",", "")), i))
        if len(values) < max(3, 0.6 * len(pool)):
            return None  # not a column of numbers
        _, i = (min if lowest else max)(values)
        return self.chunks[i], cols[0]

    def rows_citing(self, doc: str, refs: set[int], terms: set[str], budget: int,
                    question: str = "", table: int | None = None) -> TableAnswer | None:
        """The table row that reports the same study as a passage (it cites the same reference
        and holds what the question says), every cell shown when it fits the budget, else the
        columns the question names. table: that table's rows only."""
        best = None
        for key, idx in self.rows.items():
            if key[0] != doc or (table is not None and key[1] != table):
                continue
            citing = [i for i in idx if refs & set(self.chunks[i].refs)]
            headers = set(analyze(" ".join(self.profiles[key]["columns"]))) if citing else set()
            for i in citing:
                c = self.chunks[i]
                have = set().union(headers, *self.cell_terms[i].values())
                cov = self.stats.coverage(terms, have, doc) if terms else 0.0
                # A question naming one of the table's columns ("which isolation method is
                # listed") asks for the row of the study its passage reports, however terse.
                asks = bool(question) and bool(self.asked_columns(key, question, row_terms=have - headers)[0])
                if (cov >= SAME_STUDY_COVERAGE or asks) and (best is None or cov > best[0]):
                    best = (cov, key, c)
        if best is None:
            return None
        _, key, c = best
        text = self._render(key, [c], [], self.profiles[key], set(), frozenset(), "all")
        column = None
        if len(text) > budget and question:
            # Too long whole: the cells of the columns the question names, labelled.
            cols, _ = self.asked_columns(key, question, row_terms=set().union(*self.cell_terms[self._pos(c)].values()))
            if cols:
                text, column = self._render(key, [c], cols, self.profiles[key], set(), frozenset(), "all"), cols[0]
        if len(text) > budget:
            return None
        return TableAnswer(text, (Citation(c.refs, c.id, c.text, c.span),), (c,), column)

    def row_naming(self, chunk_id: str, stems: set[str], budget: int) -> str | None:
        """A row as a place that names a thing: the whole row when it fits the budget, else its
        label and the cells that name the thing."""
        i = self._index_of.get(chunk_id)
        if i is None:
            return None
        c = self.chunks[i]
        key = (c.doc_id, c.table.number)
        whole = self._render(key, [c], [], self.profiles[key], set(), frozenset(), "all")
        if len(whole) <= budget:
            return whole
        cols = [col for col, terms in self.cell_terms[i].items() if stems & terms and col in self.profiles[key]["columns"]]
        return self._render(key, [c], cols, self.profiles[key], set(), frozenset(), "all")

    def row_label(self, chunk_id: str) -> str | None:
        """'Table 2, Bladder cancer cells, WJ-MSCs': the row's table and what names it."""
        i = self._index_of.get(chunk_id)
        if i is None:
            return None
        c = self.chunks[i]
        cells = c.table.cell_dict()
        label = ", ".join(v for v in (cells.get(col, "").strip() for col in self.profiles[(c.doc_id, c.table.number)]["label"]) if v)
        return f"Table {c.table.number}" + (f", {label}" if label else "")

    def _render(self, key, rows: list[Chunk], columns: list[str], prof: dict, constraints: set[str],
                stated: frozenset[str], show: str, limit: int = MAX_ROWS) -> str:
        number = key[1]
        label_cols = [c for c in prof["label"] if c not in columns]
        gloss = self.glossaries.get(key[0], {})
        rest = [c for c in prof["columns"] if c not in label_cols]
        if columns:
            shown_cols = columns
        elif show == "stated":
            shown_cols = [c for c in rest if c in stated] or rest
        elif show == "unstated":
            shown_cols = [c for c in rest if c not in stated] or rest
        else:
            shown_cols = rest

        expanded: dict[str, tuple[str, str]] = {}  # abbreviation -> the cell that spells it out

        def value(c: Chunk, col: str) -> str:
            v = c.table.cell_dict().get(col, "").strip()
            long = gloss.get(v) or gloss.get(v.rstrip("."))
            if not long or long.lower() == v.lower() or expanded.setdefault(v, (c.id, col)) != (c.id, col):
                return v  # spelled out once per answer, not on every row
            return f"{v} ({long})"

        def row_text(c: Chunk) -> str:
            # (A row empty in the columns chosen, "Female" under "mean (SD)", shows what it holds.)
            cols = shown_cols if any(value(c, col) for col in shown_cols) else rest
            cells = [f"{col}: {value(c, col)}" for col in cols if value(c, col)]
            refs = f" [{', '.join(map(str, c.refs))}]" if c.refs else ""
            return "; ".join(cells) + refs

        def label(c: Chunk) -> str:
            return ", ".join(value(c, col) for col in label_cols if value(c, col))

        if len(rows) == 1:
            c = rows[0]
            lab = label(c)
            return f"Table {number}{', ' + lab if lab else ''} — {row_text(c)}."

        def listed(shown: list[Chunk]) -> str:
            groups: dict[str | None, list[Chunk]] = {}
            for c in shown:
                groups.setdefault(c.table.group, []).append(c)
            parts = []
            for g, cs in groups.items():
                # (When the columns asked are the label's own, the cells name the row.)
                items = "; ".join(f"{label(c)} — {row_text(c)}" if label(c) else row_text(c) for c in cs)
                parts.append(f"{g}: {items}" if g else items)
            more = f" ({len(shown)} of {len(rows)} rows shown)" if len(rows) > len(shown) else f" ({len(rows)} rows)"
            return f"Table {number}{more}: " + " | ".join(parts) + "."

        # (Rows are not dropped to keep an answer within its 700 characters: a row begun there is
        # read, and its label says which study it is.)
        return listed(rows[:limit])

    def _narrower(self, key, rows: list[Chunk], prof: dict, constraints: set[str], stated: frozenset[str],
                  show: str, text: str, q_terms: set[str]) -> str:
        """Many rows asked for and every column would not fit: the columns that say why a row
        is listed or hold the question's words, and the short ones that name what a row is
        about (a cargo, a cell line); with fewer rows shown (and counted) when even they do not."""
        idx = [self._pos(c) for c in self.rows_of(key)]
        rest = [c for c in prof["columns"] if c not in prof["label"]]
        short = [c for c in rest if np.mean([len(self.chunks[i].table.cell_dict().get(c, "")) for i in idx]) <= SHORT_CELL_CHARS]
        said = [c for c in rest if c in stated or any(q_terms & self.cell_terms[self._pos(r)].get(c, set()) for r in rows)]
        options = [cols for cols in ([c for c in rest if c in said or c in short], said, short) if cols]
        for cols in options:
            t = self._render(key, rows, cols, prof, constraints, stated, show)
            if len(t) <= ANSWER_CHARS:
                return t
        if not options:
            return text
        # (Fewer rows with the fewest cells: more rows named beat more cells of fewer rows.)
        least = min(options, key=lambda cols: len(self._render(key, rows, cols, prof, constraints, stated, show)))
        for limit in range(min(len(rows), MAX_ROWS) - 1, 0, -1):
            t = self._render(key, rows, least, prof, constraints, stated, show, limit)
            if len(t) <= ANSWER_CHARS:
                return t
        return text

    def count_asked(self, question: str, doc: str) -> TableAnswer | None:
        """A count of a table's rows asked, and nothing else of them ("how many studies are in
        Table 2?", "how many entries does the cancer table have?"): its rows, counted and named."""
        if asked_kind(question) is not COUNT:
            return None
        counted = re.search(r"\bhow\s+many\s+([a-z][\w\-]*)", question, re.I)
        if counted is None or not set(analyze(counted.group(1))) <= ROW_NOUNS:
            return None
        number = table_named(question)
        number = number if number is not None else self.table_called(question, doc)
        if number is None or (doc, number) not in self.rows:
            return None
        rest = question_terms(without_table_names(question)) - set(analyze(counted.group(0))) - set(analyze(
            "list lists listed contain contains include includes included have has there"))
        return self.listing((doc, number)) if not rest else None

    def listing(self, key, budget: int = ANSWER_CHARS) -> TableAnswer | None:
        """'How many studies does Table 1 list?': the count of its rows and what names each."""
        rows = self.rows_of(key)
        if not rows:
            return None
        prof = self.profiles[key]
        labels = [", ".join(v for v in (c.table.cell_dict().get(col, "").strip() for col in prof["label"]) if v) for c in rows]
        head = f"Table {key[1]} lists {len(rows)} rows: "
        shown: list[str] = []
        for lab, c in zip(labels, rows):
            item = lab + (f" [{', '.join(map(str, c.refs))}]" if c.refs else "")
            rest = len(rows) - len(shown) - 1
            if len(head) + len("; ".join(shown + [item])) + len(f" … and {rest} more.") > budget:
                break
            shown.append(item)
        more = len(rows) - len(shown)
        text = head + "; ".join(shown) + (f" … and {more} more." if more else ".")
        cites = tuple(Citation(c.refs, c.id, c.text, c.span) for c in rows[:len(shown)])
        return TableAnswer(text, cites, tuple(rows[:len(shown)]), None)

    def label_terms(self, rows) -> set[str]:
        """The words of the cells that name the rows (their label columns)."""
        out: set[str] = set()
        for c in rows:
            i = self._index_of.get(c.id)
            if i is not None:
                for col in self.profiles[(c.doc_id, c.table.number)]["label"]:
                    out |= self.cell_terms[i].get(col, set())
        return out

    def rows_of(self, key) -> list[Chunk]:
        """A table's rows, in its order."""
        return [self.chunks[i] for i in self.rows[key]]

    def _pos(self, c: Chunk) -> int:
        return self._index_of[c.id]


# A measurement: a number, with a unit, a spread or an interval after it ("93.8 (85.0–98.3)",
# "12.5 ± 3.1 mg/kg", "31 (48.4)").
_NUMERIC = re.compile(r"[<>≤≥~±+\-–−]?\s*\d[\d.,]*\s*(?:%|[–\-±]\s*\d[\d.,]*%?)?(?:\s*\(\s*[\d.,]+\s*%?\s*\))?"
                      r"|[<>≤≥~]?\s*\d[\d.,]*\s*%?\s*(?:±\s*[\d.,]+|\(\s*[\d.,]+\s*[–\-−]\s*[\d.,]+\s*\))\s*[^\d\s]{0,8}")


# "no g-force", "without a Ref", "other than 100,000 x g", "rather than tumour cells": what a
# question rules out, up to the next punctuation, conjunction or preposition.
_NEGATION = re.compile(r"\b(?:no|not|without|other\s+than|rather\s+than|except(?:\s+for)?|excluding|apart\s+from)\s+"
                       r"((?:(?!and\b|or\b|but\b|in\b|for\b|with\b|as\b|the\b|a\b|an\b)"
                       r"(?:[\w\-×]|(?<=\d)[,.](?=\d))+\s*){1,3})", re.I)  # a comma or dot only inside a number




_SAYS_NO = re.compile(r"\b(?:no|not|without|never|neither|nor)\b(?!\s+of\b)", re.I)


def _conjuncts(question: str) -> tuple[frozenset[str], ...]:
    """The stems of words coordinated in the question ("breast and gastric cancer", "A, B or
    C"): each names a part of the answer of its own."""
    out: list[frozenset[str]] = []
    # (Phrases under a preposition said again, "for falls and for emergency department visits",
    # each a part whole; the words either side of "and" there are "falls" and "for".)
    for words in coordinated(question) + coordinated_phrases(question):
        parts = [frozenset(analyze(w)) for w in words]
        if all(parts):
            out += [p for p in parts if p not in out]
    # ... and so does each of several questions asking the same thing of different rows ("what
    # percentage were women and what percentage were current smokers"): its own words, not those
    # they share. (Questions asking different things, "which pathway does it block, and how were
    # they isolated", ask columns of one row.)
    _, asked = clauses(question)
    if len(asked) >= 2:
        sets = [frozenset(content_terms(a)) for a in asked]
        common = frozenset.intersection(*sets)
        parts = [p - common for p in sets]
        # (The same thing asked: one wh-phrase in each, "what percentage" twice, or half the words
        # of the shorter, "which device-related adverse events ..., and how often did serious adverse
        # events occur"; a word shared by chance, "surgery" in "the risk after surgery" and "how
        # many days before surgery", is none.)
        same = len({(tuple(asked_wh(a)), tuple(asked_phrase(a))) for a in asked}) == 1 and bool(asked_phrase(asked[0]))
        alike = bool(common) and 2 * len(common) >= min(len(p) for p in sets)
        if (same or alike) and all(parts):
            out += [p for p in parts if p not in out]
    return tuple(out)


@dataclass(frozen=True)
class Negation:
    """What a question rules out ("apart from acute lung injury"): the phrase's stems, the same
    thing by its abbreviation or long form, the measurement kinds it names, and the stems the
    question says outside such phrases (a word ruled out there may still be asked: "apart from
    acute lung injury, which lung conditions")."""

    terms: frozenset[str]
    other_form: frozenset[str]
    kinds: tuple[Kind, ...]
    outside: frozenset[str]
    cues: frozenset[str]
    # Every phrase negated by "no", "not" or "without" (a finding: "found no difference"),
    # none set apart by "other than", "apart from", "except" (which only rule things out).
    plain: bool = False

    def __bool__(self) -> bool:
        return bool(self.terms or self.kinds)

    def excluded(self) -> set[str]:
        """Stems that say nothing the rows must meet."""
        return set(self.terms | self.other_form | self.cues) - self.outside


def _negated(question: str, glossary: dict[str, str] | None = None) -> Negation:
    terms: set[str] = set()
    other: set[str] = set()
    cues: set[str] = set()
    kinds: list[Kind] = []
    found = list(_NEGATION.finditer(question))
    plain = bool(found) and all(m.group(0).split()[0].lower() in ("no", "not", "without") for m in found)
    for m in found:
        phrase = m.group(1)
        terms |= content_terms(phrase)
        other |= content_terms(expand(phrase, glossary or {}, appraisal=False))
        cues |= content_terms(m.group(0)[: m.start(1) - m.start(0)])
        kinds += [k for k in named_kinds(phrase) if k not in kinds]
    outside = content_terms(_NEGATION.sub(" ", question)) if terms or kinds else set()
    return Negation(frozenset(terms), frozenset(other), tuple(kinds), frozenset(outside), frozenset(cues), plain)


def _expand_abbrev(text: str, glossary: dict[str, str]) -> str:
    """text plus the long forms of the document's abbreviations it uses."""
    extra = [long for short, long in glossary.items()
             if len(short) >= 2 and re.search(r"(?<![\w])" + re.escape(short) + r"s?(?![\w])", text)]
    return text + (" " + " ".join(extra) if extra else "")


def _is_ref_column(col: str, rows: list[Chunk]) -> bool:
    """A column whose cells are only citation markers."""
    vals = [r.table.cell_dict().get(col, "") for r in rows]
    return bool(vals) and all(re.fullmatch(r"\s*(\[[\d,\s–\-]+\])?\s*", v or "") for v in vals)
