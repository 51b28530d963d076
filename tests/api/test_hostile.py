"""Hostile and sloppy input over HTTP: never a 5xx, a short 4xx that does not echo the input,
strict types, HEAD, Allow, no redirects, 413 for every oversized body, statuses in OpenAPI,
bounded /metrics, and the limits every client reads from GET /limits."""

import asyncio
import json

import pytest

from qa.api.middleware import HeavyGate
from qa.config import Settings

JSON = {"content-type": "application/json"}
BODY_ROUTES = [("/search", "query"), ("/ask", "question"), ("/cite", "text")]


@pytest.mark.parametrize("route, field", BODY_ROUTES)
@pytest.mark.parametrize("raw", ['NaN', 'Infinity', '-Infinity', '1e400', '"\\ud800"', '"a\\udfffb"',
                                 '1' + '0' * 5000, '[' * 5000 + ']' * 5000])
def test_values_json_cannot_carry_are_refused(client, route, field, raw):
    for body in (f'{{"{field}": {raw}}}', f'{{"{field}": "exosomes", "k": {raw}}}', f'{{"{field}": "x", "{raw[:20]}": {raw}}}'):
        r = client.post(route, content=body, headers=JSON)
        assert 400 <= r.status_code < 500, (body[:80], r.status_code, r.text[:200])
        assert r.json()["error"]


@pytest.mark.parametrize("route, field", BODY_ROUTES)
def test_errors_do_not_echo_the_input(client, route, field):
    junk = "Z" * 4000
    for body in ({field: "x", junk: 1}, {field: junk * 2}, {field: "x", "k": junk}):
        r = client.post(route, json=body)
        assert r.status_code == 422
        assert r.text.count("Z") <= 100, r.text[:300]
    r = client.get("/chunks/" + "Z" * 3000)
    assert r.status_code == 404 and r.text.count("Z") <= 100
    r = client.get("/tables/" + "9" * 4000)
    assert r.status_code in (404, 422) and r.text.count("9") <= 100


@pytest.mark.parametrize("k", [True, "3", 3.5, [3], {"n": 3}])
def test_wrong_types_are_422_not_coerced(client, k):
    for route, field in BODY_ROUTES[:2]:
        r = client.post(route, json={field: "exosomes", "k": k})
        assert r.status_code == 422, (route, k, r.text[:200])
    assert client.post("/search", json={"query": "exosomes", "table": "2"}).status_code == 422
    assert client.post("/search", json={"query": "exosomes", "k": 3}).status_code == 200


def test_head_works_wherever_get_does(client):
    for path in ("/health", "/ready", "/limits", "/tables", "/documents", "/metrics", "/search?q=exosomes"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b""


def test_405_lists_every_allowed_method(client):
    r = client.put("/search", json={})
    assert r.status_code == 405
    assert {m.strip() for m in r.headers["allow"].split(",")} >= {"GET", "POST", "HEAD"}
    r = client.delete("/ask")
    assert r.status_code == 405 and r.headers["allow"] == "POST"


def test_no_redirect_to_a_host_the_client_chose(client):
    for path in ("/health/", "/search/", "/tables/"):
        r = client.get(path, headers={"host": "evil.example"}, follow_redirects=False)
        assert r.status_code == 404 and "location" not in r.headers, path


def test_oversized_bodies_are_413_with_or_without_length(client):
    limit = client.app.state.settings.max_body_bytes
    big = json.dumps({"query": "x" * (limit + 10)}).encode()
    assert client.post("/search", content=big, headers=JSON).status_code == 413

    def chunked():
        for i in range(0, len(big), 4096):
            yield big[i:i + 4096]

    r = client.post("/search", content=chunked(), headers=JSON)  # no Content-Length: chunked
    assert r.status_code == 413 and "bytes" in r.json()["error"]
    assert client.post("/cite", content=chunked(), headers=JSON).status_code == 413


def test_wrong_content_type_is_415_and_bad_bytes_400(client):
    r = client.post("/search", content="query=x", headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
    r = client.post("/search", content=b'{"query": "\xff\xfe"}', headers=JSON)
    assert r.status_code == 400 and "UTF-8" in r.json()["error"]


def test_openapi_lists_every_status_the_service_returns(client):
    spec = client.get("/openapi.json").json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            codes = set(op["responses"])
            assert {"400", "405", "413", "422", "503"} <= codes, (method, path)
            if "requestBody" in op:
                assert "415" in codes, (method, path)


def test_limits_come_from_settings(client):
    s = client.app.state.settings
    assert client.get("/limits").json() == {"max_query_chars": s.max_query_chars, "max_cite_chars": s.max_cite_chars,
                                            "max_k": s.max_k}
    assert client.post("/search", json={"query": "x" * s.max_query_chars, "k": s.max_k}).status_code == 200
    assert client.post("/search", json={"query": "x" * (s.max_query_chars + 1)}).status_code == 422
    assert client.post("/ask", json={"question": "x" * (s.max_query_chars + 1)}).status_code == 422
    assert client.post("/search", json={"query": "x", "k": s.max_k + 1}).status_code == 422
    assert client.get("/search", params={"q": "x", "k": s.max_k + 1}).status_code == 422
    assert client.post("/cite", json={"text": "x" * (s.max_cite_chars + 1)}).status_code == 422


def test_limits_are_defined_once():
    """No literal copy of a limit in the schemas, routes or CLI: changing a default in
    Settings changes every place that enforces it."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "qa"
    d = Settings()
    for name in ("api/schemas.py", "api/routes.py", "cli.py"):
        text = (root / name).read_text(encoding="utf-8")
        flat = text.replace(" ", "")
        for value in (d.max_query_chars, d.max_cite_chars):
            assert f"max_length={value}" not in flat and f'"{value}' not in flat and f",{value})" not in flat, (name, value)
        assert f"le={d.max_k}" not in flat, name


def test_metrics_stay_bounded_whatever_clients_send(client):
    import random
    import string

    rnd = random.Random(7)
    for _ in range(300):
        method = "".join(rnd.choices(string.ascii_uppercase, k=rnd.randint(3, 400)))
        path = "/" + "".join(rnd.choices(string.ascii_lowercase, k=rnd.randint(1, 200)))
        client.request(method, path)
        client.get(path)
        client.get("/chunks/" + path[1:])
    text = client.get("/metrics").text
    assert len(text.encode()) <= 200_000
    methods = {line.split('method="')[1].split('"')[0] for line in text.splitlines() if 'method="' in line}
    routes = {line.split('route="')[1].split('"')[0] for line in text.splitlines() if 'route="' in line}
    assert methods <= {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "other"}, methods
    assert "other" in methods and "other" in routes and "/chunks/{chunk_id}" in routes
    assert not any(r.startswith("/chunks/") and "{" not in r for r in routes)


def test_heavy_gate_answers_503_with_retry_after_beyond_its_queue():
    """Two computing, one waiting: the fourth heavy request is refused at once; a light route
    is never held by the gate."""
    release = asyncio.Event()
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["path"])
        if scope["path"] == "/search":
            await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    gate = HeavyGate(app, paths=("/search",), limit=2, queue=1, timeout=30)

    async def call(path):
        out = {}

        async def send(msg):
            if msg["type"] == "http.response.start":
                out["status"], out["headers"] = msg["status"], dict(msg["headers"])

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        await gate({"type": "http", "path": path, "method": "POST"}, receive, send)
        return out

    async def scenario():
        heavy = [asyncio.create_task(call("/search")) for _ in range(3)]
        await asyncio.sleep(0.05)
        refused = await call("/search")
        health = await asyncio.wait_for(call("/health"), 1)
        release.set()
        done = await asyncio.gather(*heavy)
        return refused, health, done

    refused, health, done = asyncio.run(scenario())
    assert refused["status"] == 503 and refused["headers"][b"retry-after"]
    assert health["status"] == 200
    assert [d["status"] for d in done] == [200, 200, 200]


def test_heavy_gate_times_out_a_queued_request():
    async def slow(scope, receive, send):
        await asyncio.sleep(5)

    gate = HeavyGate(slow, paths=("/ask",), limit=1, queue=5, timeout=0.1)
    statuses = []

    async def send(msg):
        if msg["type"] == "http.response.start":
            statuses.append(msg["status"])

    async def scenario():
        first = asyncio.create_task(gate({"type": "http", "path": "/ask"}, None, send))
        await asyncio.sleep(0.01)
        await gate({"type": "http", "path": "/ask"}, None, send)
        first.cancel()

    asyncio.run(scenario())
    assert statuses == [503]


def test_health_and_ready_run_on_the_event_loop():
    """Not in the worker-thread pool that heavy routes fill up."""
    import inspect

    from qa.api import routes

    assert inspect.iscoroutinefunction(routes.health) and inspect.iscoroutinefunction(routes.ready)
