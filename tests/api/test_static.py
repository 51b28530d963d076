"""What the service serves besides the API (page, widget, icon, docs) and the citation formats
in `cite_as`, over HTTP with FastAPI's TestClient."""

import json
import re


def test_docs_pages_use_local_assets_only(client):
    for path, assets in (("/docs", ("swagger-ui-bundle.js", "swagger-ui.css")), ("/redoc", ("redoc.standalone.js",))):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-security-policy"] == "img-src 'self' data:"
        urls = re.findall(r'(?:src|href)="([^"]+)"', r.text)
        assert urls and all(u.startswith("/") for u in urls), urls
        for name in assets:
            a = client.get(f"/docs-assets/{name}")
            assert a.status_code == 200 and len(a.content) > 100_000
            assert f"/docs-assets/{name}" in r.text
    assert '"validatorUrl": null' in client.get("/docs").text
    assert client.get("/docs-assets/core.py").status_code == 404
    assert client.get("/docs-assets/..%2F__init__.py").status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    assert "/docs-assets/{name}" not in paths and "/favicon.ico" not in paths


def test_favicon_is_an_ico_with_a_png_inside(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"] == "image/vnd.microsoft.icon"
    b = r.content
    assert b[:6] == b"\x00\x00\x01\x00\x01\x00" and b[22:30] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(b[14:18], "little") == len(b) - 22


def test_cite_as_carries_ris_and_csl(client):
    for r in (client.post("/ask", json={"question": "which cargo reduces VEGF in breast cancer"}),
              client.post("/cite", json={"text": "Exosomal miR-16 lowers VEGF in breast cancer cells."})):
        c = r.json()["cite_as"]
        assert ".." not in c["text"] and r"\&" in c["bibtex"]
        assert c["ris"].startswith("TY  - JOUR\r\n") and c["ris"].endswith("ER  - \r\n")
        assert c["csl"]["DOI"] == "10.1186/s13287-021-02378-7" and c["csl"]["type"] == "article-journal"
        json.dumps(c["csl"])
