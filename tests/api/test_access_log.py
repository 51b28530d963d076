"""The access log: one line per request (method, path, status, ms), probes left out unless
asked; and a real `qa serve` says where it serves once it is ready."""

import logging
import re

import httpx
import pytest
from fastapi.testclient import TestClient

from qa.api import create_app
from serving import start, stop, wait_ready

LINE = re.compile(r"^(GET|POST) (\S+) (\d{3}) \d+\.\d ms$")


def _logged(settings, engine, caplog, calls):
    with caplog.at_level(logging.INFO, logger="qa.access"), TestClient(create_app(settings, engine=engine)) as c:
        for method, path, body in calls:
            c.request(method, path, json=body)
    return [LINE.match(r.getMessage()).groups() for r in caplog.records if r.name == "qa.access"]


def test_one_line_per_request_probes_quiet(built, caplog):
    settings, engine = built
    calls = [("GET", "/health", None), ("GET", "/metrics", None), ("POST", "/search", {"query": "miR-16 VEGF"}),
             ("POST", "/search", {"query": ""}), ("GET", "/tables/9", None), ("GET", "/ready", None)]
    lines = _logged(settings, engine, caplog, calls)
    assert lines == [("POST", "/search", "200"), ("POST", "/search", "422"), ("GET", "/tables/9", "404")]


def test_probes_logged_when_asked_and_log_can_be_off(built, caplog):
    settings, engine = built
    lines = _logged(settings.model_copy(update={"access_log_quiet": []}), engine, caplog, [("GET", "/health", None)])
    assert lines == [("GET", "/health", "200")]
    caplog.clear()
    assert _logged(settings.model_copy(update={"access_log": False}), engine, caplog, [("GET", "/tables", None)]) == []


def test_query_strings_stay_out_of_the_log(built, caplog):
    settings, engine = built
    with caplog.at_level(logging.INFO, logger="qa.access"), TestClient(create_app(settings, engine=engine)) as c:
        c.get("/search", params={"q": "private question"})
    assert "private" not in caplog.text and "GET /search 200" in caplog.text


@pytest.mark.slow
def test_real_server_prints_its_address_and_logs_requests(built):
    settings, _ = built
    proc, base = start(settings.index_dir, settings.corpus_dir, env={"QA_ACCESS_LOG": "true"})
    try:
        wait_ready(proc, base)
        assert httpx.post(base + "/search", json={"query": "miR-16 VEGF", "k": 2}, timeout=30).status_code == 200
        httpx.get(base + "/health", timeout=5)
    finally:
        stop(proc)
    err = proc.stderr.read()
    port = base.rsplit(":", 1)[1]
    assert f"Serving on http://127.0.0.1:{port} (chat page: /, API docs: /docs)" in err
    assert re.search(r"POST /search 200 \d+\.\d ms", err)
    assert "GET /health" not in err and "/ready" not in err
