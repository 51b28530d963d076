"""Index mechanics with a fast fake embedder: round trip, staleness, reuse, damage, atomicity."""

import json

import numpy as np
import pytest

from qa.index import FORMAT_VERSION, Index, IndexError_
from qa.index.build import build, ensure, status


def test_round_trip(small_corpus, fake_embedder):
    idx = build(small_corpus, fake_embedder)
    again = Index.load(small_corpus.index_dir)
    assert [c.id for c in again.chunks] == [c.id for c in idx.chunks]
    assert again.chunks[5] == idx.chunks[5]
    assert np.allclose(again.embeddings, idx.embeddings)
    assert len(again.sentences) == len(again.sentence_vectors) > 100
    m = again.manifest
    assert m["format"] == FORMAT_VERSION and m["model"]["name"] == "fake-embedder"
    assert m["corpus"][0]["name"] == "hassanzadeh-2021-msc-exosomes.txt" and len(m["corpus"][0]["sha256"]) == 64
    assert set(m["files"]) >= {"chunks.jsonl", "embeddings.npy", "dense.faiss", "manifest.json"} - {"manifest.json"}


def test_unchanged_corpus_is_not_reembedded(small_corpus, fake_embedder):
    ensure(small_corpus, fake_embedder)
    before = fake_embedder.texts
    idx, state = ensure(small_corpus, fake_embedder)
    assert state == "unchanged" and fake_embedder.texts == before
    assert idx.manifest["counts"]["chunks"] > 150


def test_changed_corpus_is_stale_and_rebuild_reuses_vectors(small_corpus, fake_embedder):
    ensure(small_corpus, fake_embedder)
    path = next(small_corpus.corpus_dir.glob("*.txt"))
    path.write_text(path.read_text(encoding="utf-8") + "\nAddendum\nA new closing paragraph about exosomes [199].\n", encoding="utf-8")
    assert status(small_corpus, fake_embedder)[0] == "stale"
    idx, state = ensure(small_corpus, fake_embedder)
    assert state == "rebuilt"
    counts = idx.manifest["counts"]
    assert counts["reused"] > 0.9 * (counts["reused"] + counts["embedded"])
    assert any("A new closing paragraph" in c.text for c in idx.chunks)


def test_other_model_makes_index_stale(small_corpus, fake_embedder):
    ensure(small_corpus, fake_embedder)
    fake_embedder.name = "another-model"
    assert status(small_corpus, fake_embedder)[0] == "stale"


def test_damaged_file_is_refused_and_rebuilt(small_corpus, fake_embedder):
    idx = build(small_corpus, fake_embedder)
    target = idx.path / "embeddings.npy"
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexError_, match="damaged"):
        Index.load(small_corpus.index_dir)
    _, state = ensure(small_corpus, fake_embedder)
    assert state == "rebuilt"
    Index.load(small_corpus.index_dir)


def test_foreign_format_and_missing_pointer(small_corpus, fake_embedder):
    idx = build(small_corpus, fake_embedder)
    m = json.loads((idx.path / "manifest.json").read_text())
    m["format"] = 999
    (idx.path / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(IndexError_, match="format"):
        Index.load(small_corpus.index_dir)
    (small_corpus.index_dir / "CURRENT").unlink()
    with pytest.raises(IndexError_, match="no index"):
        Index.load(small_corpus.index_dir)


def test_rebuild_switches_atomically_and_keeps_one_version(small_corpus, fake_embedder):
    first = build(small_corpus, fake_embedder).path
    second = build(small_corpus, fake_embedder).path
    assert first != second and not first.exists() and second.exists()
    live = (small_corpus.index_dir / "CURRENT").read_text().strip()
    assert live == second.name
    assert not [p for p in small_corpus.index_dir.iterdir() if p.name.startswith(".tmp")]


def test_failed_build_leaves_live_index_untouched(small_corpus, fake_embedder):
    good = build(small_corpus, fake_embedder).path

    class Broken(type(fake_embedder)):
        def embed_batch(self, texts):
            raise RuntimeError("model crashed")

    (small_corpus.corpus_dir / "extra.txt").write_text("Extra\nSomething new to embed [1].\n")
    with pytest.raises(RuntimeError):
        build(small_corpus, Broken())
    assert Index.live_dir(small_corpus.index_dir) == good
    Index.load(small_corpus.index_dir)


def test_empty_corpus_is_a_clear_error(tmp_path, fake_embedder):
    from qa.config import Settings

    (tmp_path / "c").mkdir()
    with pytest.raises(IndexError_, match="no .txt or .pdf"):
        build(Settings(corpus_dir=tmp_path / "c", index_dir=tmp_path / "i"), fake_embedder)
