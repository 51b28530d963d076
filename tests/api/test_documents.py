"""Several documents in one index (the review, a JATS article, a supplement as text), with a
fast fake embedder: everything scoped by document, reference lists, tables per document."""

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from qa.api import create_app

DATA = Path(__file__).resolve().parent.parent / "data"
SUPPLEMENT = """Supplement: docking methods

Methods
Candidate ligands were screened by ligand filtering (LF) before docking, and LF removed most decoys early.
"""


@pytest.fixture(scope="module")
def multi(tmp_path_factory):
    from conftest import REVIEW, FakeEmbedder
    from qa.config import Settings
    from qa.engine import Engine

    root = tmp_path_factory.mktemp("multi")
    corpus = root / "corpus"
    corpus.mkdir()
    for p in (REVIEW, REVIEW.with_suffix(".toml"), DATA / "mini-jats.nxml"):
        shutil.copy(p, corpus / p.name)
    (corpus / "supplement.txt").write_text(SUPPLEMENT, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    engine = Engine(settings, FakeEmbedder()).load()
    with TestClient(create_app(settings, engine=engine)) as c:
        yield c, engine


def test_documents_list_cite_as_and_examples(multi):
    c, _ = multi
    docs = {d["id"]: d for d in c.get("/documents").json()["documents"]}
    assert set(docs) == {"hassanzadeh-2021", "mini-jats", "supplement"}
    mini = docs["mini-jats"]
    assert mini["title"] == "Copper tolerance in soil bacteria: a short review"
    assert mini["references"] == 3 and mini["tables"] == 1
    assert mini["cite_as"]["text"] and "@article" in mini["cite_as"]["bibtex"]
    assert any("Table 1" in q for q in mini["examples"])
    review = docs["hassanzadeh-2021"]
    assert review["cite_as"]["text"].startswith("Hassanzadeh") and review["examples"]


def test_references_listed_or_said_to_be_absent(multi):
    c, _ = multi
    r = c.get("/documents/mini-jats/references").json()
    assert [e["n"] for e in r["references"]] == [1, 2, 3] and r["note"] is None
    assert r["references"][0]["doi"] == "10.1016/S0168-6445(03)00049-4"
    none = c.get("/documents/hassanzadeh-2021/references").json()
    assert none["references"] == [] and "no reference list" in none["note"]
    assert c.get("/documents/nope/references").status_code == 404


def test_tables_per_document(multi):
    c, _ = multi
    all_tables = c.get("/tables").json()["tables"]
    assert {(t["doc"], t["number"]) for t in all_tables} >= {("mini-jats", 1), ("hassanzadeh-2021", 2)}
    mine = c.get("/tables", params={"doc": "mini-jats"}).json()["tables"]
    assert [(t["doc"], t["number"]) for t in mine] == [("mini-jats", 1)]
    assert c.get("/tables/1").status_code == 409  # two documents have a Table 1
    assert c.get("/tables/2").json()["doc"] == "hassanzadeh-2021"  # only one has a Table 2
    t = c.get("/documents/mini-jats/tables/1").json()
    assert t["columns"] == ["System", "Location: Gene", "Location: Compartment", "Ref."] and len(t["rows"]) == 3
    assert c.get("/documents/mini-jats/tables/2").status_code == 404
    assert c.get("/tables", params={"doc": "nope"}).status_code == 404


def test_search_doc_filter_and_cited_entries(multi):
    c, _ = multi
    r = c.post("/search", json={"query": "copper efflux pump cus", "k": 10, "doc": "mini-jats"}).json()
    assert r["results"] and all(h["doc"]["id"] == "mini-jats" for h in r["results"])
    with_refs = [h for h in r["results"] if h["refs"]]
    assert with_refs
    for h in with_refs:
        assert [x["n"] for x in h["cited"]] == h["refs"]
    entry = next(x for h in with_refs for x in h["cited"] if x["n"] == 1)
    assert entry["doi"] == "10.1016/S0168-6445(03)00049-4" and entry["text"].startswith("Rensing C")
    g = c.get("/search", params={"q": "exosomes", "doc": "hassanzadeh-2021"}).json()
    assert all(h["doc"]["id"] == "hassanzadeh-2021" and h["cited"] == [] for h in g["results"])
    assert c.post("/search", json={"query": "copper", "doc": "nope"}).status_code == 404  # as /tables?doc=nope


def test_glossary_is_per_document(multi):
    _, engine = multi
    terms = engine.searcher.query_terms("LF")
    assert "ligand" in terms["supplement"] and "ligand" not in terms["hassanzadeh-2021"]
    review_texts = [t for ch, t in zip(engine.index.chunks, engine.index.index_texts) if ch.doc_id != "supplement"]
    assert not any("ligand filtering" in t for t in review_texts)


def test_ask_citations_carry_cited_entries(multi):
    c, _ = multi
    r = c.post("/ask", json={"question": "Which copper efflux system exports copper from the periplasm?"}).json()
    for cit in r["citations"]:
        assert [x["n"] for x in cit["cited"]] == [n for n in cit["refs"] if n in (1, 2, 3)] or cit["cited"] == []
    for h in r["results"]:
        if h["doc"]["id"] == "mini-jats":
            assert [x["n"] for x in h["cited"]] == h["refs"]


def test_adding_documents_does_not_reorder_the_reviews_results(multi, tmp_path):
    from conftest import REVIEW, FakeEmbedder
    from qa.config import Settings
    from qa.engine import Engine

    _, engine = multi
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in (REVIEW, REVIEW.with_suffix(".toml")):
        shutil.copy(p, corpus / p.name)
    alone = Engine(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"), FakeEmbedder()).load()
    for q in ("exosome isolation by ultracentrifugation", "miR-16 VEGF breast cancer", "LF liver failure BM-MSC"):
        a = [h.chunk.id for h in alone.searcher.search(q, k=10)]
        # Same order; other documents may interleave, so look deep enough to meet the review's ten.
        b = [h.chunk.id for h in engine.searcher.search(q, k=40) if h.chunk.doc_id == "hassanzadeh-2021"][:10]
        assert b == a[: len(b)] and len(b) >= 5, q
