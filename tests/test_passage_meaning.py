"""A question in a reader's own words shares few words with the document: the sentences that
share its few known words ("patient", "visit") are not the better answer for it, and the
sentence closest in meaning is. In the document's own words, shared words count as much as
meaning."""

import numpy as np

from qa.evidence import TermStats
from qa.index.lexical import analyze
from qa.passage_answer import PassageAnswerer
from qa.types import Chunk, Hit, Sentence, Span

TEXT = ("Vesicles were sampled from several sites in every patient at each visit [1]. "
        "Most vesicles were recovered from saliva and urine [2]. "
        "The counts did not change with the season [3].")


def _answerer(cosine, text: str = TEXT):
    """cosine: each sentence's cosine with the question (the second is closest in meaning,
    the first shares more words)."""
    sents, chunks, start = [], [], 0
    for i, part in enumerate(text.split(". ")):
        text = part if part.endswith(".") else part + "."
        span = Span(start, start + len(text))
        chunks.append(Chunk(f"d:p:{i}", "d", "passage", text, span, (), 1, (i + 1,)))
        sents.append(Sentence(i, "d", "sentence", span, text, (i + 1,), f"d:p:{i}"))
        start = span.end + 1
    terms = [set(analyze(s.text)) for s in sents]
    stats = TermStats(terms, ["d"] * 3)
    q = np.array([1.0, 0.0])
    vectors = np.array([[c, np.sqrt(1 - c * c)] for c in cosine])
    pa = PassageAnswerer(sents, terms, {c.id: [s] for c, s in zip(chunks, sents)}, vectors, {"d": text}, stats)
    hits = [Hit(c, 1.0 - 0.1 * k, k + 1, {}) for k, c in enumerate(chunks)]
    return pa, q, hits


def _best(question: str, cosine) -> str:
    pa, q, hits = _answerer(cosine)
    terms = set(analyze(question))
    return pa.score_sentences(q, terms, hits)[0][1].text


def test_in_a_readers_words_the_sentence_closest_in_meaning_answers():
    # "spit", "pee", "jab": words the document never uses.
    # (Meaning a little closer: with shared words weighed as much as meaning, the sentence
    # sharing "patient" and "visit" would win.)
    assert _best("spit or pee of a patient at each visit without a jab", [0.55, 0.70, 0.20]) == \
        "Most vesicles were recovered from saliva and urine [2]."


def test_in_the_documents_own_words_shared_words_count_as_before():
    # (Meaning much closer, and still the sentence saying the question's words answers: a
    # weight on meaning above about 0.6 would pick the other.)
    own = "Vesicles were sampled from several sites in every patient at each visit [1]."
    assert _best("vesicles sampled from sites in every patient at each visit", [0.30, 0.80, 0.20]) == own
    # "Drawbacks" asks for an appraisal: phrasing, not a word the document is missing.
    assert _best("drawbacks of vesicles sampled from sites in every patient at each visit", [0.30, 0.80, 0.20]) == own


def test_the_passage_search_ranks_first_is_part_of_the_answer():
    # Sentence scores chose the third passage's sentence; the passage retrieval ranks first
    # (read whole, it matches the question best) gets its best sentence in beside it.
    from qa.passage_answer import Run

    pa, q, hits = _answerer([0.55, 0.70, 0.20])
    terms = set(analyze("vesicles in saliva and urine"))
    chosen = [Run((pa.sentences[2],), hits[2], 0.3)]
    got = pa.with_first_passage(q, terms, hits, chosen, "where are vesicles found")
    assert [r.sentences[0].id for r in got] == [0, 2]
    # Already there: nothing changes.
    assert pa.with_first_passage(q, terms, hits, [Run((pa.sentences[0],), hits[0], 0.9)], "where") == \
        [Run((pa.sentences[0],), hits[0], 0.9)]
    # A measurement asked, and the first passage states none: it is no part of the answer.
    assert pa.with_first_passage(q, terms, hits, chosen, "how many vesicles per millilitre") == chosen
    # Far below the answer's best run, it does not push the answer into excerpts.
    assert pa.with_first_passage(q, terms, hits, [Run((pa.sentences[2],), hits[2], 2.0)], "where") == \
        [Run((pa.sentences[2],), hits[2], 2.0)]
    # Behind three table rows it is not what search ranks first.
    rows = [Hit(Chunk(f"d:t:{k}", "d", "table_row", "row", Span(0, 3), (), 1, ()), 1.0, k, {}) for k in range(3)]
    assert pa.with_first_passage(q, terms, rows + hits, chosen, "where are vesicles found") == chosen


def test_a_sentence_the_answer_quotes_is_not_quoted_twice():
    # The first passage's best sentence refers back ("They ...") and brings the sentence the
    # answer already quotes: only the new one joins.
    from qa.passage_answer import Run

    text = ("Vesicles were sampled from several sites in every patient at each visit [1]. "
            "They were mostly recovered from saliva and urine [2]. "
            "The counts did not change with the season [3].")
    pa, q, hits = _answerer([0.30, 0.80, 0.20], text)
    hits = [hits[1], hits[0], hits[2]]
    got = pa.with_first_passage(q, set(analyze("saliva urine")), hits, [Run((pa.sentences[0],), hits[1], 0.3)], "where")
    assert sorted(st.id for r in got for st in r.sentences) == [0, 1]

