"""API docs (/docs, /redoc) and the site icon in Chromium with every request that leaves the
machine blocked: an offline machine sees the same pages."""

from urllib.parse import urlsplit

import pytest

from browser.helpers import shot

pytestmark = pytest.mark.browser


@pytest.fixture
def offline(context):
    """Blocks (and records) every request to a host other than the service's own."""
    blocked = []

    def route(r, request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            blocked.append(request.url)
            r.abort("internetdisconnected")

    context.route("**/*", route)
    return blocked


def test_swagger_ui_renders_the_operations_offline(page, api, offline):
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(api + "/docs")
    page.locator(".opblock").first.wait_for(timeout=30000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    for want in ("/search", "/ask", "/cite", "/documents"):
        assert any(p.replace("\u200b", "") == want for p in paths), (want, paths)
    # An operation opens with its schema.
    page.locator(".opblock-summary", has_text="/ask").first.click()
    # Swagger fills the body after its open animation: wait for the schema text, not the box.
    page.locator(".opblock-body", has_text="question").first.wait_for(timeout=30000)
    assert offline == [] and failed == []
    shot(page, "docs-offline.png")


def test_redoc_renders_the_operations_offline(page, api, offline):
    page.goto(api + "/redoc")
    page.get_by_role("heading", name="Search Post").first.wait_for(timeout=30000)
    assert page.get_by_role("heading", name="Cite").first.is_visible()
    body = page.locator("body").inner_text()
    assert "/ask" in body and "/cite" in body
    assert offline == []


def test_favicon(page, api):
    r = page.request.get(api + "/favicon.ico")
    assert r.ok and r.headers["content-type"] == "image/vnd.microsoft.icon"
    page.goto(api + "/")
    size = page.evaluate("""async () => { const i = new Image(); i.src = '/favicon.ico'; await i.decode();
                                          return [i.naturalWidth, i.naturalHeight]; }""")
    assert size == [32, 32]
    assert page.locator("link[rel=icon]").get_attribute("href") == "/favicon.ico"
