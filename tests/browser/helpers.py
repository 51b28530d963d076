"""Helpers for the browser tests (fixtures are in conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parents[2] / "test-output"


def shot(page, name: str) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    page.screenshot(path=str(path))
    return path


def ask(page, text):
    box = page.locator("textarea")
    box.fill(text)
    box.press("Enter")


def answers(page, n: int = 1, timeout: float = 30000):
    """Waits until the visible conversation holds n answers; returns the last one."""
    page.wait_for_function(
        "n => { const r = document.querySelector('#qa-root, [data-qa-widget]').shadowRoot;"
        " const log = [...r.querySelectorAll('.log')].find(l => !l.hidden);"
        " return log && log.querySelectorAll('.a').length >= n; }", arg=n, timeout=timeout)
    return page.locator(".log:not([hidden]) .a").last


def clipboard(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def fake_json(page, url: str, body, status: int = 200, record: list | None = None):
    """Answers requests to `url` with `body` (JSON); each request's JSON body goes to `record`."""
    def handler(route, request):
        if record is not None:
            try:
                record.append(json.loads(request.post_data or "null"))
            except ValueError:
                record.append(request.post_data)
        route.fulfill(status=status, content_type="application/json", body=json.dumps(body))
    page.route(url, handler)
