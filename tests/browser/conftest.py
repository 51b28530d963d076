"""Fixtures for the browser tests: one real `qa serve` for the session, another site that
embeds the widget, Debian's Chromium driven by Playwright, and helpers to fake API fields
that other parts of the service add (route interception), so the widget is tested on them
whatever the backend has today."""

from __future__ import annotations

import http.server
import os
import threading

import pytest

from browser.helpers import CHROMIUM
from serving import free_port, start, stop, wait_ready


@pytest.fixture(scope="session")
def ports():
    return {"api": free_port(), "page": free_port(), "dead": free_port()}


@pytest.fixture(scope="session")
def api(built, ports):
    settings, _ = built
    page_origin = f"http://127.0.0.1:{ports['page']}"
    proc, base = start(settings.index_dir, settings.corpus_dir, port=ports["api"],
                       env={"QA_CORS_ORIGINS": f'["{page_origin}"]'})
    try:
        wait_ready(proc, base)
        yield base
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def host_page(ports, api, tmp_path_factory):
    """Another site (another port, so another origin) that embeds widget.js. Served on
    127.0.0.1, which the API allows; the same pages on `localhost` are an origin it does not."""
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content='width=device-width'>"
        "<title>A lab blog</title></head><body style='font-family:Georgia,serif;margin:40px;max-width:640px'>"
        "<h1>Our lab blog</h1><p>Some article text about exosome research. Use the button to ask the review.</p>"
        f"<script src='{api}/widget.js' data-api='{api}'></script></body></html>")
    (root / "dead.html").write_text(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Dead API</title></head><body>"
        f"<p>The API is down.</p><script src='{api}/widget.js' data-api='http://127.0.0.1:{ports['dead']}'></script></body></html>")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(root), **kw)

        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", ports["page"]), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{ports['page']}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Per module: Playwright's sync API holds an event loop while it runs, which would break
    later tests that call asyncio.run()."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed (make test installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1100, "height": 820}, permissions=["clipboard-read", "clipboard-write"],
                              accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()
