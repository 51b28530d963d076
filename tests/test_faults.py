"""Index faults seen by `qa serve`: refused with one clear line under --no-build, rebuilt
otherwise; never served half-written. And a rebuild beside a running server."""

import json
import os
import shutil
import subprocess
import sys
import threading
import time

import httpx
import pytest

from serving import start, stop, wait_ready

pytestmark = pytest.mark.slow


@pytest.fixture
def copy_of_index(built, tmp_path):
    settings, _ = built
    shutil.copytree(settings.index_dir, tmp_path / "index")
    shutil.copytree(settings.corpus_dir, tmp_path / "corpus")
    return tmp_path / "index", tmp_path / "corpus"


def serve(index_dir, corpus_dir, *extra, wait=8.0):
    """(exit code, stderr, None) if qa serve exits within `wait` s, else (None, "", (proc, base))."""
    proc, base = start(index_dir, corpus_dir, *extra)
    try:
        _, err = proc.communicate(timeout=wait)
        return proc.returncode, err, None
    except subprocess.TimeoutExpired:
        return None, "", (proc, base)


def live(index_dir):
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def test_truncated_file_is_refused_with_one_line(copy_of_index):
    index_dir, corpus_dir = copy_of_index
    f = live(index_dir) / "dense.faiss"
    f.write_bytes(f.read_bytes()[:100])
    code, err, _ = serve(index_dir, corpus_dir, "--no-build")
    assert code == 1
    assert err.strip().count("\n") == 0 and "damaged" in err and "dense.faiss" in err


def test_corrupted_bytes_are_refused(copy_of_index):
    index_dir, corpus_dir = copy_of_index
    f = live(index_dir) / "chunks.jsonl"
    data = bytearray(f.read_bytes())
    data[500] ^= 0xFF
    f.write_bytes(bytes(data))
    code, err, _ = serve(index_dir, corpus_dir, "--no-build")
    assert code == 1 and "damaged" in err


def test_manifest_from_another_model_is_refused(copy_of_index):
    index_dir, corpus_dir = copy_of_index
    m_path = live(index_dir) / "manifest.json"
    m = json.loads(m_path.read_text())
    m["model"] = {"name": "some-other-model", "version": "9"}
    m_path.write_text(json.dumps(m))
    code, err, _ = serve(index_dir, corpus_dir, "--no-build")
    assert code == 1 and "some-other-model" in err


def test_missing_corpus_file(copy_of_index):
    index_dir, corpus_dir = copy_of_index
    for p in corpus_dir.iterdir():
        p.unlink()
    code, err, _ = serve(index_dir, corpus_dir)
    assert code == 1 and "holds no .txt or .pdf" in err
    (corpus_dir / "other.txt").write_text("Other\nA different document about something [1].\n")
    code, err, _ = serve(index_dir, corpus_dir, "--no-build")
    assert code == 1 and "missing: hassanzadeh-2021-msc-exosomes.txt" in err


def test_damaged_index_is_rebuilt_when_building_is_allowed(copy_of_index):
    index_dir, corpus_dir = copy_of_index
    (live(index_dir) / "embeddings.npy").write_bytes(b"garbage")
    code, err, running = serve(index_dir, corpus_dir, wait=5)
    assert code is None, err
    proc, base = running
    try:
        wait_ready(proc, base)
        r = httpx.post(base + "/search", json={"query": "miR-16 VEGF"}, timeout=30)
        assert r.status_code == 200 and r.json()["results"]
    finally:
        stop(proc)


def test_rebuild_beside_a_running_server_does_not_disturb_it(copy_of_index):
    index_dir, corpus_dir = copy_of_index
    code, err, running = serve(index_dir, corpus_dir, "--no-build", wait=3)
    assert code is None, err
    proc, base = running
    statuses = []
    done = threading.Event()
    try:
        wait_ready(proc, base)

        def hammer():
            while not done.is_set():
                statuses.append(httpx.post(base + "/search", json={"query": "exosome isolation"}, timeout=30).status_code)

        t = threading.Thread(target=hammer)
        t.start()
        env = {**os.environ, "QA_INDEX_DIR": str(index_dir), "QA_CORPUS_DIR": str(corpus_dir)}
        old = live(index_dir)
        rb = subprocess.run([sys.executable, "-m", "qa.cli", "index", "--rebuild"], env=env, capture_output=True, text=True, timeout=300)
        assert rb.returncode == 0, rb.stderr
        assert live(index_dir) != old and not old.exists()
        time.sleep(1)
        done.set()
        t.join(timeout=30)
        assert statuses and set(statuses) == {200}
    finally:
        done.set()
        stop(proc)
