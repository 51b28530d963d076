"""A real `qa serve` process on a free port: start, wait for /ready, ask over HTTP."""

import httpx
import pytest

from serving import start, stop, wait_ready


@pytest.fixture(scope="module")
def server(built):
    settings, _ = built
    proc, base = start(settings.index_dir, settings.corpus_dir)
    try:
        yield base, wait_ready(proc, base)
    finally:
        stop(proc)


def test_real_server_answers_vegf_question(server):
    base, health_seen = server
    assert health_seen
    r = httpx.post(base + "/search", json={"query": "which cargo reduces VEGF in breast cancer?", "k": 5}, timeout=30)
    assert r.status_code == 200
    top5 = r.json()["results"]
    refs = [tuple(h["refs"]) for h in top5 if h["kind"] == "table_row" and h["table"]["number"] == 2]
    assert (169,) in refs and (173,) in refs
    a = httpx.post(base + "/ask", json={"question": "which cargo reduces VEGF in breast cancer?"}, timeout=30).json()
    assert a["status"] == "answered"
    assert {169, 173} <= {n for c in a["citations"] for n in c["refs"]}
    bad = httpx.post(base + "/search", json={"query": ""}, timeout=10)
    assert bad.status_code == 422 and bad.json()["error"]
