"""Retrieval end to end with the real packaged model, asserting ranks on known questions."""

import pytest

from qa.search import QueryError, expand


def rank_of(hits, pred):
    for h in hits:
        if pred(h.chunk):
            return h.rank
    return None


def row(table, ref):
    return lambda c: c.kind == "table_row" and c.table.number == table and ref in c.refs


def test_vegf_question_finds_both_table_rows_and_the_passage(engine):
    hits = engine.searcher.search("which cargo reduces VEGF in breast cancer?", k=10)
    assert rank_of(hits, row(2, 169)) <= 5
    assert rank_of(hits, row(2, 173)) <= 5
    assert rank_of(hits, lambda c: c.kind == "passage" and "exosomal miR-16" in c.text) <= 3


@pytest.mark.parametrize(
    "query, pred, max_rank",
    [
        ("bone marrow MSC exosomes spinal cord injury A1 astrocytes", row(1, 103), 2),
        ("Which commercial reagent isolated gingiva MSC exosomes for peripheral nerve injury?", row(1, 105), 3),
        ("how big are exosomes in nm", lambda c: "30–100 nm" in c.text, 3),
        ("microRNA-16 breast cancer angiogenesis", row(2, 169), 3),
        ("mir16 VEGF", row(2, 169), 5),
        ("HIF-1alpha mTOR VEGF axis", row(2, 173), 3),
        ("MSC exosomes in pulmonary arterial hypertension", row(1, 117), 3),
    ],
)
def test_known_questions_rank_high(engine, query, pred, max_rank):
    hits = engine.searcher.search(query, k=10)
    r = rank_of(hits, pred)
    assert r is not None and r <= max_rank, [(h.rank, h.chunk.kind, h.chunk.refs) for h in hits]


def test_hits_carry_scores_per_retriever_and_are_ranked(engine):
    hits = engine.searcher.search("kidney ischemia-reperfusion injury", k=5)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert all(hits[i].score >= hits[i + 1].score for i in range(4))
    assert {"bm25", "dense"} <= set(hits[0].scores)


def test_filters(engine):
    s = engine.searcher
    assert all(h.chunk.kind == "table_row" for h in s.search("exosomes", k=20, kinds=["table_row"]))
    assert all(h.chunk.table.number == 2 for h in s.search("breast cancer", k=10, table=2))
    assert all(any("kidney" in p.lower() for p in h.chunk.section) for h in s.search("exosomes", k=10, section="kidney"))
    with pytest.raises(QueryError):
        s.search("x", kinds=["figure"])
    with pytest.raises(QueryError):
        s.search("   ")


def test_abbreviations_expand_both_ways(engine):
    g = engine.searcher.glossary
    assert "bone marrow" in expand("BM-MSCs in MI", g)
    assert "myocardial infarction" in expand("BM-MSCs in MI", g)
    assert "AKI" in expand("acute kidney injury", g)


def test_hybrid_beats_single_retrievers_on_dev(engine):
    """The dev gold set, when present: hybrid MRR@10 beats BM25-only and dense-only."""
    from conftest import DEV

    if not DEV.exists():
        pytest.skip("dev set not present")
    from qa.evaluate import Result, load_gold, score

    items = load_gold(DEV)

    def run(mode):
        return lambda q: [Result.from_chunk(h.chunk) for h in engine.searcher.search(q, k=10, mode=mode)]

    hybrid, bm25, dense = (score(items, run(m)) for m in ("hybrid", "bm25", "dense"))
    assert hybrid["mrr@10"] > max(bm25["mrr@10"], dense["mrr@10"])
    assert hybrid["recall@5"] >= 0.95


LAY = """Exosomes in body fluids

Sources
Exosomes are released by most cells of the body. Exosomes carry proteins, and exosomes carry RNA.

Fluids
Small vesicles of this kind circulate widely: they have been isolated from blood, saliva, urine and breast milk of healthy volunteers, and from the cerebrospinal fluid of patients with meningitis, which makes them candidates for tests that need no biopsy of the organ itself; exosomes are among them.

Isolation
Exosomes are isolated by ultracentrifugation. Exosomes are then counted, and exosomes are stored frozen.
"""


def test_a_query_in_words_the_document_never_uses_is_ranked_by_meaning(tmp_path_factory, embedder):
    # "spit or pee": the only word the query shares with the document is one every passage
    # holds, so BM25's near-equal scores must not be stretched into a ranking.
    from conftest import engine_for_text

    e = engine_for_text(tmp_path_factory, embedder, "fluids", LAY, "Exosomes in body fluids")
    hits = e.searcher.search("Can exosomes be picked up in spit or pee?", k=3)
    assert "saliva, urine" in hits[0].chunk.text


def test_a_weak_word_match_does_not_outrank_a_close_meaning(engine):
    # One match of a word a fair share of the chunks hold ranks by BM25 in full only up to the
    # score of a rare word's match: then the passage closest in meaning comes first; a strong
    # match of rare words still leads.
    import numpy as np

    s = engine.searcher
    n = len(s.index.chunks)
    bm = np.zeros(n, np.float32)
    dn = np.full(n, 0.1, np.float32)
    bm[0], dn[0] = 2.0, 0.1  # shares one common word with the query, far in meaning
    dn[1] = 0.7  # shares no word, close in meaning
    fused, parts = s.fuse(bm, dn, "hybrid")
    assert fused[1] > fused[0]
    assert parts["bm25_norm"][0] == 1.0  # (the evidence still reads BM25 on its own scale)
    bm[0] = 12.0
    fused, _ = s.fuse(bm, dn, "hybrid")
    assert fused[0] > fused[1]


def test_the_ranking_floor_is_a_rare_words_match_in_each_documents_own_terms():
    # A document of eight chunks: one match of a word a single chunk holds counts in full, as a
    # word one chunk in fifty does in a long one (BM25's idf is counted per document).
    import math

    from qa.search import LEXICAL_FLOOR, _minmax, rank_floor

    assert rank_floor(8) == math.log(1 + (8 - 1 + 0.5) / 1.5)
    assert rank_floor(8) < rank_floor(183) < math.log(50)
    import numpy as np

    # One candidate left by a filter keeps its match.
    assert _minmax(np.array([3.5]), np.array([True]), rank_floor(183))[0] == 1.0
    assert _minmax(np.array([0.5]), np.array([True]), rank_floor(183))[0] == 0.0 < LEXICAL_FLOOR
