"""The chat page and the embeddable widget in a real headless Chromium (Debian's), driven by
Playwright, against a real `qa serve`."""

import http.server
import os
import threading
from pathlib import Path

import pytest

from serving import free_port, start, stop, wait_ready

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parents[2] / "test-output"

if not os.path.exists(CHROMIUM):
    pytest.skip("Debian chromium is not installed (make test installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def ports():
    return {"api": free_port(), "page": free_port(), "dead": free_port()}


@pytest.fixture(scope="module")
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


@pytest.fixture(scope="module")
def host_page(ports, api, tmp_path_factory):
    """Another site (another port, so another origin) that embeds widget.js."""
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
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1100, "height": 820})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def ask(page, text):
    box = page.locator("textarea")
    box.fill(text)
    box.press("Enter")


def test_page_answers_and_chip_opens_table_row(page, api):
    page.goto(api + "/")
    ask(page, "which cargo reduces VEGF in breast cancer")
    answer = page.locator(".a").last
    answer.wait_for(timeout=30000)
    assert "miR-16" in answer.inner_text() and "[169]" in answer.inner_text()
    page.locator(".chip", has_text="169").first.click()
    ev = page.locator(".evidence table").first
    ev.wait_for()
    text = ev.inner_text()
    assert "Exosome content" in text and "miR-16" in text and "Donor cells" in text
    assert "Dual role of MSC exosomes" in text and "Inhibitory effect" in text
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "page.png"))


def test_widget_embedded_cross_origin(page, host_page):
    page.goto(host_page + "/index.html")
    launcher = page.locator("button.launcher")
    launcher.click()
    assert launcher.get_attribute("aria-expanded") == "true"
    ask(page, "How were exosomes isolated in the kidney fibrosis let-7c study?")
    answer = page.locator(".a").last
    answer.wait_for(timeout=30000)
    assert "error" not in (answer.get_attribute("class") or "")
    assert "[111]" in answer.inner_text()
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "embedded.png"))


def test_injection_renders_as_text(page, api):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(api + "/")
    payload = "<img src=x onerror=alert(1)>"
    ask(page, payload)
    page.locator(".a").last.wait_for(timeout=30000)
    assert page.locator(".q").last.inner_text() == payload
    assert page.locator("img").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_keyboard_only_and_live_region(page, api):
    page.goto(api + "/")
    log = page.locator("[role=log]")
    assert log.get_attribute("aria-live") == "polite"
    # Tab from the top of the page reaches the question box (after the tabs and examples).
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => { const h = document.getElementById('qa-root'); "
                         "return h.shadowRoot.activeElement && h.shadowRoot.activeElement.tagName }") == "TEXTAREA":
            break
    else:
        pytest.fail("the question box is not reachable with Tab")
    page.keyboard.type("What are the downsides of precipitation-based exosome isolation?")
    page.keyboard.press("Shift+Enter")
    assert page.locator(".q").count() == 0  # Shift+Enter adds a line, does not send
    page.keyboard.press("Enter")
    log.locator(".a").first.wait_for(timeout=30000)
    assert log.locator(".a").count() == 1
    assert page.locator("textarea").evaluate("e => e === e.getRootNode().activeElement")


def test_unreachable_service_keeps_conversation_usable(page, host_page):
    page.goto(host_page + "/dead.html")
    page.locator("button.launcher").click()
    ask(page, "anything")
    err = page.locator(".a.error")
    err.wait_for(timeout=30000)
    assert "cannot be reached" in err.inner_text()
    assert page.locator("button.send").is_enabled()
    ask(page, "still there?")
    page.locator(".a.error").nth(1).wait_for(timeout=30000)
    assert page.locator(".q").count() == 2


def test_not_found_and_writer_mode(page, api):
    page.goto(api + "/")
    ask(page, "Do MSC exosomes help repair cartilage in knee osteoarthritis?")
    nf = page.locator(".a.notfound")
    nf.wait_for(timeout=30000)
    assert "Not covered by the review" in nf.inner_text()
    page.locator("[role=tab]", has_text="Find citations").click()
    ask(page, "Exosomal miR-16 lowers VEGF in breast cancer cells and so blocks angiogenesis.")
    out = page.locator(".a").last
    page.wait_for_function("() => document.getElementById('qa-root').shadowRoot.querySelectorAll('.a').length >= 2")
    assert "Cite: [" in out.inner_text() and "169" in out.inner_text()


def test_small_screen(browser, api):
    ctx = browser.new_context(viewport={"width": 375, "height": 740})
    pg = ctx.new_page()
    pg.goto(api + "/")
    width = pg.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375
    ask(pg, "which cargo reduces VEGF in breast cancer")
    pg.locator(".a").last.wait_for(timeout=30000)
    OUT.mkdir(exist_ok=True)
    pg.screenshot(path=str(OUT / "page-375.png"))
    ctx.close()
