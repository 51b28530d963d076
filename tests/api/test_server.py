"""A real `qa serve` process on a free port: start, wait for /ready, ask over HTTP."""

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built):
    settings, _ = built
    port = free_port()
    env = {**os.environ, "QA_INDEX_DIR": str(settings.index_dir), "QA_CORPUS_DIR": str(settings.corpus_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    health_seen = False
    deadline = time.time() + 120
    try:
        while time.time() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"qa serve exited: {proc.stdout.read()}")
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    health_seen = True
                if httpx.get(base + "/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        else:
            pytest.fail("qa serve did not become ready in 120 s")
        yield base, health_seen
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


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
