"""Mechanisms pinned down on small synthetic documents with the real packaged model: each test
here fails when its mechanism is broken on purpose (overlap suppression removed, dense
retrieval dropped from hybrid, filters applied after candidates, ask quoting a fixed sentence
instead of the best one)."""

import textwrap

import pytest

from qa.config import Settings
from qa.engine import Engine

# A long section (several overlapping windows) and short distinct ones.
GLACIER = """Glacier Ice and Meltwater

Meltwater
{long}

Moraines
Moraines are ridges of rock debris pushed or dropped by a glacier at its margins.

Crevasses
Crevasses are deep cracks that open where glacier ice stretches over a bend in its bed.

Calving
Calving is the breaking of ice blocks from a glacier front that ends in a lake or the sea.

Firn
Firn is old granular snow that has survived a summer and slowly compacts into glacier ice.
"""
LONG = textwrap.fill(" ".join(
    f"Meltwater channel {i} carries glacier meltwater beneath the ice toward the outlet stream during summer."
    for i in range(1, 25)
), 90)

# The answer shares no word with the question (nor does anything else): only the dense side
# can rank it, and it comes last in the document, so a lexical-only order does not put it first.
PARAPHRASE = """Notes on a Cohort

Survey one
The survey asked participants about their diet and found that they ate more fruit in summer.

Survey two
In this survey participants reported their sleep; they slept longer in winter than in summer.

Survey three
This survey measured walking speed; participants walked slower on icy pavements.

Cardiology
Myocardial infarction was markedly more frequent among elderly individuals in the cohort.
"""

# One passage of several sentences; the question is answered by one in the middle.
BEES = """Orchard Notes

Pollination
Apple orchards bloom for about two weeks in spring. Orchard owners often rent honeybee hives for
this period. Mason bees fly at temperatures as low as twelve degrees, when honeybees stay inside
their hives. Hives are usually removed once the petals fall. The rental fee depends on the number
of hives per hectare.
"""


def _engine(tmp_path, embedder, text: str, name: str = "doc", **kw) -> Engine:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", **kw)
    return Engine(settings, embedder).load()


@pytest.fixture(scope="module")
def glacier(tmp_path_factory, embedder):
    return _engine(tmp_path_factory.mktemp("glacier"), embedder, GLACIER.format(long=LONG), "glacier")


def _overlap(a, b) -> int:
    return max(0, min(a.span.end, b.span.end) - max(a.span.start, b.span.start))


def test_overlapping_windows_are_suppressed(glacier):
    windows = [c for c in glacier.index.chunks if c.section == ("Meltwater",)]
    assert len(windows) >= 3 and any(_overlap(a, b) for a, b in zip(windows, windows[1:]))  # the premise
    frac = glacier.settings.overlap_suppression
    hits = glacier.searcher.search("glacier meltwater channel beneath the ice toward the outlet stream", k=4)
    assert len(hits) == 4
    for i, h in enumerate(hits):
        for better in hits[:i]:
            assert _overlap(h.chunk, better.chunk) <= frac * (h.chunk.span.end - h.chunk.span.start), \
                [(x.rank, x.chunk.section, x.chunk.span) for x in hits]


def test_filters_apply_before_candidates(glacier):
    s = glacier.searcher
    s.settings = s.settings.model_copy(update={"candidates": 10})  # fewer candidates than chunks
    try:
        hits = s.search("glacier meltwater channel", k=5, section="Firn")
        assert len(hits) == 1 and hits[0].chunk.section == ("Firn",)
        hits = s.search("meltwater channel outlet stream", k=5, section="Calving")
        assert [h.chunk.section for h in hits] == [("Calving",)]
    finally:
        s.settings = glacier.settings


def test_hybrid_finds_what_only_the_dense_retriever_can(tmp_path, embedder):
    eng = _engine(tmp_path, embedder, PARAPHRASE, "patients")
    q = "heart attack in old people"
    answer = lambda h: "Myocardial infarction" in h.chunk.text  # noqa: E731
    bm25 = eng.searcher.search(q, k=3, mode="bm25")
    assert not any(answer(h) for h in bm25[:1]), "premise: BM25 alone cannot rank it first"
    hybrid = eng.searcher.search(q, k=3)
    assert answer(hybrid[0]), [(h.rank, h.chunk.text[:40], h.scores) for h in hybrid]
    assert hybrid[0].scores["dense"] > max(h.scores["dense"] for h in hybrid[1:])


def test_ask_quotes_the_sentence_that_answers(tmp_path, embedder):
    eng = _engine(tmp_path, embedder, BEES, "orchard")
    a = eng.answerer.ask("At what temperature can mason bees fly?")
    assert a.status == "answered"
    quoted = " ".join(c.quote for c in a.citations)
    assert "twelve degrees" in quoted, quoted
    assert "rental fee" not in quoted and "bloom for about two weeks" not in quoted, quoted


def test_filtered_search_returns_k_rows_of_the_table(engine):
    """The review's Table 2 has 22 rows: a table filter must return k of them, not only the
    few that ranked among the best of all chunks."""
    rows = [c for c in engine.index.chunks if c.table is not None and c.table.number == 2]
    assert len(rows) >= 20
    hits = engine.searcher.search("exosomes", k=20, table=2)
    assert len(hits) == 20 and all(h.chunk.table.number == 2 for h in hits)
    hits = engine.searcher.search("exosomes", k=30, kinds=["caption"])
    captions = [c for c in engine.index.chunks if c.kind == "caption"]
    assert len(hits) == min(30, len(captions)) and all(h.chunk.kind == "caption" for h in hits)
