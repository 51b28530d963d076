"""Every route and every kind of bad input, through HTTP (TestClient)."""

import pytest

HIT_FIELDS = {"id", "kind", "score", "text", "section", "refs", "doc", "span", "page", "table"}


def test_health_and_ready(client):
    assert client.get("/health").json() == {"status": "ok"}
    r = client.get("/ready")
    assert r.status_code == 200 and r.json()["chunks"] > 150


def test_search_contract(client):
    r = client.post("/search", json={"query": "which cargo reduces VEGF in breast cancer?", "k": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["query"].startswith("which cargo") and body["took_ms"] >= 0
    res = body["results"]
    assert len(res) == 5 and HIT_FIELDS <= set(res[0])
    rows = {tuple(h["refs"]): h for h in res if h["kind"] == "table_row"}
    assert (169,) in rows and (173,) in rows
    row = rows[(169,)]
    assert row["table"]["number"] == 2 and row["table"]["group"] == "Inhibitory effect"
    assert row["table"]["cells"]["Exosome content"] == "miR-16" and row["table"]["columns"][-1] == "Ref"
    assert row["doc"]["id"] == "hassanzadeh-2021" and row["doc"]["title"].startswith("Mesenchymal")
    text = client.get("/documents/hassanzadeh-2021/text").json()["text"]
    for h in res:
        assert text[h["span"]["start"] : h["span"]["end"]] == h["text"]


def test_search_get_and_filters(client):
    r = client.get("/search", params={"q": "bone marrow", "k": 3, "kind": "table_row"})
    assert r.status_code == 200
    assert all(h["kind"] == "table_row" for h in r.json()["results"])
    r = client.post("/search", json={"query": "breast cancer", "table": 2, "k": 5})
    assert all(h["table"]["number"] == 2 for h in r.json()["results"])


def test_ask_table_question_cites_rows(client):
    r = client.post("/ask", json={"question": "which cargo reduces VEGF in breast cancer?"})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "answered"
    assert "miR-16" in body["answer"] and "miR-100" in body["answer"]
    cited = {n for c in body["citations"] for n in c["refs"]}
    assert {169, 173} <= cited
    ids = {h["id"] for h in body["results"]}
    assert all(c["hit_id"] in ids for c in body["citations"])


def test_ask_not_found(client):
    body = client.post("/ask", json={"question": "MSC exosomes in rheumatoid arthritis joint inflammation"}).json()
    assert body["status"] == "not_found" and "do not cover this" in body["answer"] and body["citations"] == []


def test_cite(client):
    text = ("Most transplanted MSCs get stuck in the liver, spleen and lung, so fewer than 1% reach the injured site. "
            "Exosomal miR-16 lowers VEGF in breast cancer cells and so blocks angiogenesis.")
    r = client.post("/cite", json={"text": text})
    assert r.status_code == 200
    body = r.json()
    assert len(body["sentences"]) == 2
    first, second = body["sentences"]
    assert first["supports"][0]["refs"] == [19]
    assert 169 in second["supports"][0]["refs"]
    assert body["refs"][:1] in ([19], [169]) and {19, 169} <= set(body["refs"])
    assert "Hassanzadeh A" in body["cite_as"]["text"] and "10.1186/s13287-021-02378-7" in body["cite_as"]["text"]
    assert body["cite_as"]["bibtex"].startswith("@article{hassanzadeh2021")


def test_tables(client):
    body = client.get("/tables").json()
    assert [(t["number"], len(t["rows"])) for t in body["tables"]] == [(1, 31), (2, 22)]
    t2 = client.get("/tables/2").json()
    assert t2["note"].startswith("Note:") and t2["rows"][0]["group"] == "Promoting effect"
    assert client.get("/tables/9").status_code == 404
    row_id = t2["rows"][0]["id"]
    c = client.get(f"/chunks/{row_id}")
    assert c.status_code == 200 and c.json()["refs"] == [159]
    assert client.get("/chunks/nope").status_code == 404


def test_numbers_in_urls_are_digits_only(client):
    # " 2", "\n2" and "+2" are not the number 2: a request that breaks the schema is refused.
    for raw in ("%0A2", "%202", "+2", "2.5"):
        r = client.get(f"/tables/{raw}")
        assert r.status_code == 422 and "digits" in r.json()["error"]
    assert client.get("/search", params={"q": "exosome", "k": " 3"}).status_code == 422
    assert client.get("/search", params={"q": "exosome", "k": "3"}).status_code == 200


def test_documents(client):
    docs = client.get("/documents").json()["documents"]
    assert docs[0]["id"] == "hassanzadeh-2021" and docs[0]["chars"] > 50000
    assert client.get("/documents/unknown/text").status_code == 404


def test_metrics_and_openapi(client):
    client.get("/health")
    m = client.get("/metrics")
    assert m.status_code == 200 and 'qa_requests_total{method="GET",route="/health",status="200"}' in m.text
    assert "qa_request_duration_seconds_bucket" in m.text
    spec = client.get("/openapi.json").json()
    for name in ("SearchRequest", "AskRequest", "CiteRequest"):
        assert spec["components"]["schemas"][name].get("examples"), name
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize(
    "path, body, needle",
    [
        ("/search", {"query": ""}, "query"),
        ("/search", {"query": "   "}, "empty"),
        ("/search", {"query": "x" * 1001}, "query"),
        ("/search", {"query": "ok", "k": 0}, "k"),
        ("/search", {"query": "ok", "k": 51}, "k"),
        ("/search", {"query": "ok", "kinds": ["figure"]}, "kinds"),
        ("/search", {"query": 42}, "query"),
        ("/search", {"query": "ok", "k": "many"}, "k"),
        ("/search", ["not", "an", "object"], "object"),
        ("/search", {"query": "ok", "surprise": 1}, "surprise"),
        ("/ask", {"question": " "}, "empty"),
        ("/ask", {"question": "\u001d\u001d"}, "empty"),  # separators: space to Python
        ("/cite", {"text": "y" * 5001}, "text"),
        ("/cite", {}, "text"),
    ],
)
def test_bad_bodies_are_422_with_message(client, path, body, needle):
    r = client.post(path, json=body)
    assert r.status_code == 422
    assert needle in r.json()["error"]


def test_bad_bytes(client):
    r = client.post("/search", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["error"]
    r = client.post("/search", content=b'{"query": "\xff\xfe"}', headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and r.json()["error"]
    r = client.post("/search", content=b"x" * 70000, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "bytes" in r.json()["error"]


def test_get_search_bad_params(client):
    assert client.get("/search", params={"q": "", "k": 3}).status_code == 422
    assert client.get("/search", params={"q": "ok", "k": 99}).status_code == 422
    r = client.get("/search", params={"q": "  "})
    assert r.status_code == 422 and "empty" in r.json()["error"]


def test_cors_only_for_configured_origins(built):
    from fastapi.testclient import TestClient

    from qa.api import create_app

    settings, engine = built
    open_settings = settings.model_copy(update={"cors_origins": ["http://allowed.example"]})
    with TestClient(create_app(open_settings, engine=engine)) as c:
        ok = c.options("/search", headers={"Origin": "http://allowed.example", "Access-Control-Request-Method": "POST"})
        assert ok.headers.get("access-control-allow-origin") == "http://allowed.example"
        bad = c.options("/search", headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in bad.headers
    with TestClient(create_app(settings, engine=engine)) as c:
        r = c.post("/search", json={"query": "ok"}, headers={"Origin": "http://allowed.example"})
        assert "access-control-allow-origin" not in r.headers


def test_not_ready_is_503(built):
    from fastapi.testclient import TestClient

    from qa.api import create_app

    settings, _ = built
    app = create_app(settings, engine=None, load_in_background=False)
    app.router.lifespan_context = None  # no start-up load: the state before the index is loaded
    c = TestClient(app)
    assert c.get("/health").status_code == 200
    r = c.get("/ready")
    assert r.status_code == 503 and "loading" in r.json()["error"]
    assert c.post("/search", json={"query": "x"}).status_code == 503


def test_the_schema_says_what_counts_as_blank_as_the_validator_does(client):
    # JSON Schema patterns are ECMA regexes, whose \S does not treat U+001C-U+001F as space;
    # the schema must reject what the validator rejects, or schema-driven clients send it.
    # NEL (U+0085) is space to Python and not to ECMA; the byte-order mark the other way round.
    import re

    pattern = client.get("/openapi.json").json()["components"]["schemas"]["AskRequest"]["properties"]["question"]["pattern"]
    assert "\\S" not in pattern
    ecma_space = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
    as_ecma = re.compile(pattern.replace("\\s", ecma_space[1:-1]), re.ASCII)
    for ch in ["\x1c", "\x1f", "\x85", "\ufeff", "\u00a0", "\u2028", "\u3000", "\t", "x", "\u00e9"]:
        schema_ok = bool(as_ecma.search(ch))
        accepted = client.post("/ask", json={"question": ch}).status_code != 422
        assert schema_ok == accepted, repr(ch)


def test_ready_waits_for_the_address_to_be_printed(client):
    import threading

    client.app.state.announced = threading.Event()
    try:
        r = client.get("/ready")
        assert r.status_code == 503 and "starting" in r.json()["error"]
        client.app.state.announced.set()
        assert client.get("/ready").status_code == 200
    finally:
        del client.app.state.announced
