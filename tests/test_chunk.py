from qa.chunk import chunk, expansions, index_text
from qa.config import Settings


def test_chunks_carry_provenance(review):
    chunks = chunk(review, Settings())
    kinds = {c.kind for c in chunks}
    assert kinds == {"passage", "table_row", "caption"}
    assert sum(c.kind == "table_row" for c in chunks) == 53
    for c in chunks:
        assert review.text[c.span.start : c.span.end] == c.text
        assert c.doc_id == review.id and c.section and c.page
        if c.kind == "table_row":
            assert c.table is not None and c.table.number in (1, 2) and c.refs
            assert [k for k, _ in c.table.cells] == list(c.table.columns)
    row = next(c for c in chunks if c.kind == "table_row" and c.refs == (169,))
    assert row.table.group == "Inhibitory effect" and row.table.cell_dict()["Exosome content"] == "miR-16"


def test_passages_respect_budget_sections_and_overlap(review):
    s = Settings()
    passages = [c for c in chunk(review, s) if c.kind == "passage"]
    assert max(c.n_tokens for c in passages) <= s.chunk_tokens * 1.5
    # consecutive windows of one section share at least 100 characters
    for a, b in zip(passages, passages[1:]):
        if a.section == b.section and b.span.start < a.span.end:
            assert a.span.end - b.span.start >= 100
    # no window crosses a section boundary
    heads = [b for b in review.blocks if b.kind == "heading"]
    for p in passages:
        assert not any(p.span.start < h.span.start < p.span.end for h in heads)


def test_ids_are_stable_and_unique(review):
    a = [c.id for c in chunk(review, Settings())]
    b = [c.id for c in chunk(review, Settings())]
    assert a == b and len(set(a)) == len(a)


def test_no_chunk_exceeds_the_model_length(review, embedder):
    s = Settings()
    chunks = chunk(review, s, fits=embedder.fits)
    limit = embedder.max_tokens
    assert limit == s.model_max_tokens
    assert max(embedder.count_tokens(c.text) for c in chunks) <= limit
    assert max(embedder.count_tokens(index_text(c, review.glossary)) for c in chunks) <= limit


def test_glossary_expansion_reaches_inside_compounds(review):
    ex = expansions("BM-MSCs and UC-MSC exosomes", review.glossary)
    assert "bone marrow" in ex and "umbilical cord" in ex
