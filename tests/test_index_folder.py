"""The index folder under stress: one build at a time, leftovers of killed builds removed,
files the manifest does not vouch for refused, vectors reused only for the same model, and a
read-only folder with a damaged index refused at start."""

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from qa.config import Settings
from qa.index import Index, IndexError_
from qa.index.build import build, ensure
from qa.index.folder import build_lock

DATA = Path(__file__).parent / "data"


@pytest.fixture
def fast(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in DATA.glob("*.txt"):
        shutil.copy(p, corpus / p.name)
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index")


def test_changing_the_model_re_embeds_everything(fast, fake_embedder):
    build(fast, fake_embedder)

    class Other(type(fake_embedder)):
        name = "another-model"

        def embed_batch(self, texts):
            return -super().embed_batch(texts)  # different vectors for the same texts

    other = Other()
    idx, state = ensure(fast, other)
    assert state == "rebuilt"
    counts = idx.manifest["counts"]
    assert counts["reused"] == 0 and counts["embedded"] == len(idx.chunks) + len(idx.sentences)
    assert idx.manifest["model"]["name"] == "another-model"
    assert np.allclose(idx.embeddings, other.embed_batch(idx.index_texts), atol=1e-6)


def test_same_model_new_version_re_embeds(fast, fake_embedder):
    build(fast, fake_embedder)
    fake_embedder.version = lambda: "2"
    idx, state = ensure(fast, fake_embedder)
    assert state == "rebuilt" and idx.manifest["counts"]["reused"] == 0


def test_unchanged_model_still_reuses(fast, fake_embedder):
    build(fast, fake_embedder)
    (fast.corpus_dir / "british-spelling.txt").unlink()
    idx, state = ensure(fast, fake_embedder)
    assert state == "rebuilt" and idx.manifest["counts"]["embedded"] == 0


def test_a_file_the_manifest_does_not_list_is_refused(fast, fake_embedder):
    idx = build(fast, fake_embedder)
    (idx.path / "extra.npy").write_bytes(b"\x93NUMPY planted")
    with pytest.raises(IndexError_, match="does not list.*extra.npy"):
        Index.load(fast.index_dir)
    (idx.path / "extra.npy").unlink()
    (idx.path / "bm25" / "planted.json").write_text("{}")
    with pytest.raises(IndexError_, match="does not list"):
        Index.load(fast.index_dir)
    _, state = ensure(fast, fake_embedder)
    assert state == "rebuilt"
    Index.load(fast.index_dir)


def test_leftovers_of_a_killed_build_are_cleaned(fast, fake_embedder):
    build(fast, fake_embedder)
    (fast.index_dir / ".tmp-deadbeef").mkdir()
    (fast.index_dir / ".tmp-deadbeef" / "chunks.jsonl").write_text("half")
    (fast.index_dir / ".CURRENT.cafebabe").write_text("v-nothing\n")
    build(fast, fake_embedder)
    left = sorted(p.name for p in fast.index_dir.iterdir())
    assert not [n for n in left if n.startswith((".tmp-", ".CURRENT."))], left
    assert len([n for n in left if n.startswith("v-")]) == 1


def test_builds_take_turns(fast, fake_embedder):
    """A build waits while another holds the folder's lock; CURRENT always names a version
    that exists, whatever the interleaving."""
    build(fast, fake_embedder)
    order = []

    def second():
        build(fast, fake_embedder)
        order.append("second done")

    with build_lock(fast.index_dir):
        t = threading.Thread(target=second)
        t.start()
        time.sleep(0.5)
        order.append("first released")
    t.join(30)
    assert order == ["first released", "second done"]
    builds = [threading.Thread(target=build, args=(fast, fake_embedder)) for _ in range(3)]
    for b in builds:
        b.start()
    for b in builds:
        b.join(60)
    Index.load(fast.index_dir)
    assert len([p for p in fast.index_dir.iterdir() if p.name.startswith("v-")]) == 1


def test_the_lock_is_freed_when_its_holder_dies(fast):
    fast.index_dir.mkdir(parents=True)
    code = ("import os, sys; from pathlib import Path; from qa.index.folder import build_lock\n"
            f"with build_lock(Path({str(fast.index_dir)!r})): os._exit(9)\n")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 9
    done = threading.Event()

    def take():
        with build_lock(fast.index_dir):
            done.set()

    threading.Thread(target=take, daemon=True).start()
    assert done.wait(5)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_with_damaged_index_refuses_at_start(fast, fake_embedder):
    idx = build(fast, fake_embedder)
    target = idx.path / "embeddings.npy"
    target.write_bytes(target.read_bytes()[:64])
    for p in (idx.path, fast.index_dir):
        p.chmod(0o555)
    try:
        with pytest.raises(IndexError_, match="not writable"):
            ensure(fast, fake_embedder)
        env = {**os.environ, "QA_INDEX_DIR": str(fast.index_dir), "QA_CORPUS_DIR": str(fast.corpus_dir)}
        t0 = time.time()
        r = subprocess.run([sys.executable, "-m", "qa.cli", "serve", "--port", "8199"], env=env,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode != 0 and time.time() - t0 < 30
        assert r.stderr.strip().count("\n") == 0 and "read-only" in r.stderr, r.stderr
    finally:
        for p in (fast.index_dir, idx.path):
            p.chmod(0o755)


def test_unwritable_folder_with_damaged_index_refuses_at_start_in_one_line(fast, fake_embedder, monkeypatch, capsys):
    """Same as above for any user (root ignores permissions, not read-only mounts): the
    folder reported unwritable, serve refuses before opening its port instead of re-embedding
    and then answering 503 for ever."""
    from qa import cli
    from qa.index import folder

    idx = build(fast, fake_embedder)
    target = idx.path / "embeddings.npy"
    target.write_bytes(target.read_bytes()[:64])
    monkeypatch.setattr(folder, "writable", lambda _: False)
    with pytest.raises(IndexError_, match="not writable"):
        ensure(fast, fake_embedder)
    monkeypatch.setenv("QA_INDEX_DIR", str(fast.index_dir))
    monkeypatch.setenv("QA_CORPUS_DIR", str(fast.corpus_dir))
    monkeypatch.setenv("QA_MODEL", "fake-embedder")
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("serve started"))
    code = cli.main(["serve", "--port", "8199"])
    err = capsys.readouterr().err
    assert code != 0 and err.strip().count("\n") == 0 and "read-only" in err, err
