"""The chat page and the embeddable widget in a real headless Chromium (Debian's), driven by
Playwright, against a real `qa serve` (nothing faked here; see test_widget_fields.py for the
API fields other branches add)."""

import json
import re
from pathlib import Path

import pytest

from browser.helpers import answers, ask, clipboard, shot

pytestmark = pytest.mark.browser
STATIC = Path(__file__).resolve().parents[2] / "qa" / "api" / "static"
VEGF = "which cargo reduces VEGF in breast cancer"


def root_eval(page, js: str):
    return page.evaluate("() => { const r = document.getElementById('qa-root').shadowRoot; " + js + " }")


def test_page_says_nothing_about_one_document_itself(page, api):
    """Title, citation and examples come from GET /documents, not from the page."""
    for f in ("index.html", "widget.js"):
        text = (STATIC / f).read_text()
        assert "Hassanzadeh" not in text and "exosome" not in text.lower() and "VEGF" not in text
    doc = page.request.get(api + "/documents").json()["documents"][0]
    page.goto(api + "/")
    page.locator("h2", has_text=doc["title"][:30]).wait_for()
    sub = page.locator("header .sub")
    assert "Hassanzadeh et al. 2021" in sub.inner_text() and "Stem Cell Research & Therapy" in sub.inner_text()
    assert sub.locator("a").get_attribute("href") == "https://doi.org/10.1186/s13287-021-02378-7"
    assert page.title().startswith("Ask — Mesenchymal")
    assert page.locator("select").is_hidden()  # one document: no picker
    shot(page, "first-view.png")


def test_page_answers_and_chip_opens_table_row(page, api):
    page.goto(api + "/")
    ask(page, VEGF)
    answer = answers(page)
    assert "miR-16" in answer.inner_text() and "[169]" in answer.inner_text()
    page.locator(".chip", has_text="169").first.click()
    ev = page.locator(".evidence table").first
    ev.wait_for()
    text = ev.inner_text()
    assert "Exosome content" in text and "miR-16" in text and "Donor cells" in text
    assert "Dual role of MSC exosomes" in text and "Inhibitory effect" in text
    shot(page, "answer-table-evidence.png")


def test_widget_embedded_cross_origin(page, host_page):
    page.goto(host_page + "/index.html")
    launcher = page.locator("button.launcher")
    launcher.click()
    assert launcher.get_attribute("aria-expanded") == "true"
    ask(page, "How were exosomes isolated in the kidney fibrosis let-7c study?")
    answer = answers(page)
    assert "error" not in (answer.get_attribute("class") or "")
    assert "[111]" in answer.inner_text()
    shot(page, "embedded.png")


def test_embedded_on_a_site_the_service_does_not_allow_says_so(page, host_page, ports):
    """Same page, served as http://localhost:PORT: an origin not in QA_CORS_ORIGINS. The
    browser refuses the answer; the widget must say why, not blame the connection."""
    page.goto(f"http://localhost:{ports['page']}/index.html")
    page.locator("button.launcher").click()
    ask(page, "anything")
    err = page.locator(".a.error")
    err.wait_for(timeout=30000)
    text = err.inner_text()
    assert "not allowed" in text and f"http://localhost:{ports['page']}" in text
    assert "connection" not in text and "cannot be reached" not in text


def test_unreachable_service_keeps_conversation_usable(page, host_page):
    page.goto(host_page + "/dead.html")
    page.locator("button.launcher").click()
    ask(page, "anything")
    err = page.locator(".a.error")
    err.wait_for(timeout=30000)
    assert "cannot be reached" in err.inner_text() and "not allowed" not in err.inner_text()
    assert page.locator("button.send").is_enabled()
    ask(page, "still there?")
    page.locator(".a.error").nth(1).wait_for(timeout=30000)
    assert page.locator(".q").count() == 2


def test_injection_renders_as_text(page, api):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(api + "/")
    payload = "<img src=x onerror=alert(1)>"
    ask(page, payload)
    answers(page)
    assert page.locator(".q").last.inner_text() == payload
    assert page.locator("img").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_keyboard_only_and_live_region(page, api):
    page.goto(api + "/")
    log = page.locator("[role=log]").first
    assert log.get_attribute("aria-live") == "polite"
    # Tab from the top of the page reaches the question box (after the tabs and examples).
    for _ in range(12):
        page.keyboard.press("Tab")
        if root_eval(page, "return r.activeElement && r.activeElement.tagName") == "TEXTAREA":
            break
    else:
        pytest.fail("the question box is not reachable with Tab")
    page.keyboard.type("What are the downsides of precipitation-based exosome isolation?")
    page.keyboard.press("Shift+Enter")
    assert page.locator(".q").count() == 0  # Shift+Enter adds a line, does not send
    page.keyboard.press("Enter")
    answers(page)
    assert log.locator(".a").count() == 1
    assert page.locator("textarea").evaluate("e => e === e.getRootNode().activeElement")


def test_tabs_keep_one_conversation_each(page, api):
    page.goto(api + "/")
    ask(page, VEGF)
    answers(page)
    page.locator("[role=tab]", has_text="Find citations").click()
    cite_log = page.locator(".log:not([hidden])")
    assert cite_log.locator(".q").count() == 0 and cite_log.locator(".intro").count() == 1
    page.locator("textarea").fill("A half-written sentence")
    page.locator("[role=tab]", has_text="Ask").click()
    # Back in Ask: its conversation is where it was, its draft box empty, the cite draft kept aside.
    ask_log = page.locator(".log:not([hidden])")
    assert ask_log.locator(".q").count() == 1 and ask_log.locator(".a").count() == 1
    assert page.locator("textarea").input_value() == ""
    page.keyboard.press("Shift+Tab")  # keyboard: arrow keys switch tabs too
    page.locator("[role=tab][aria-selected=true]").press("ArrowRight")
    assert page.locator("[role=tab][aria-selected=true]").inner_text() == "Find citations"
    assert page.locator("textarea").input_value() == "A half-written sentence"
    assert page.locator(".log:not([hidden]) .q").count() == 0
    assert page.locator(".log .q").count() == 1  # the Ask question is kept, hidden


def test_permalinks(page, api):
    page.goto(api + "/?q=" + VEGF.replace(" ", "+"))
    answer = answers(page)
    assert page.locator(".q").first.inner_text() == VEGF and "[169]" in answer.inner_text()
    # Asking another question makes the address that question's permalink.
    ask(page, "How big are exosomes?")
    answers(page, 2)
    assert page.evaluate("() => new URLSearchParams(location.search).get('q')") == "How big are exosomes?"
    page.locator(".log:not([hidden]) .a").last.locator("button", has_text="Copy link").click()
    assert clipboard(page) == api + "/?q=How+big+are+exosomes%3F"

    page.goto(api + "/#cite")
    # The page picks its tab from the address once its script has run: wait for it.
    page.locator("[role=tab][aria-selected=true]", has_text="Find citations").wait_for(timeout=10000)
    page.goto(api + "/?tab=cite&text=" + "Exosomal miR-16 lowers VEGF in breast cancer cells.".replace(" ", "%20"))
    out = answers(page)
    assert page.locator("[role=tab][aria-selected=true]").inner_text() == "Find citations"
    assert out.locator(".sent").count() == 1


def test_not_found_is_not_a_dead_end(page, api):
    page.goto(api + "/")
    ask(page, "Do MSC exosomes help repair cartilage in knee osteoarthritis?")
    nf = page.locator(".a.notfound")
    nf.wait_for(timeout=30000)
    text = nf.inner_text()
    assert "Not covered by the document" in text and "Try rephrasing" in text
    assert "closest passages" in text and 1 <= nf.locator(".closest li").count() <= 3
    nf.locator(".closest button", has_text="Show").first.click()
    nf.locator(".evidence").first.wait_for()


def test_find_citations_on_the_real_service(page, api):
    """Whatever /cite returns today (with or without verdicts), one line per sentence, a badge,
    the refs once, no bare score."""
    page.goto(api + "/")
    page.locator("[role=tab]", has_text="Find citations").click()
    ask(page, "Exosomal miR-16 lowers VEGF in breast cancer cells and so blocks angiogenesis. "
              "Exosomes from MSCs cure baldness in elderly horses.")
    out = answers(page)
    sents = out.locator(".sent")
    assert sents.count() == 2
    first = sents.nth(0).inner_text()
    assert "Supported" in first and "Cite [" in first and "169" in first
    assert "Not in the document" in sents.nth(1).inner_text() or "Contradicted" in sents.nth(1).inner_text()
    text = out.inner_text()
    assert "refs []" not in text and "score" not in text.lower() and "Cite: [" not in text
    sents.nth(0).locator("button.copy").click()
    copied = clipboard(page)
    assert re.match(r"Exosomal miR-16 lowers VEGF .* angiogenesis \[[0-9, ]*169[0-9, ]*\]\.\n", copied)
    assert "Hassanzadeh A" in copied and ".." not in copied


def test_exports_from_the_real_service(page, api):
    page.goto(api + "/")
    ask(page, VEGF)
    answer = answers(page)
    answer.locator("button", has_text="Copy citation").click()
    cite = clipboard(page)
    assert cite.startswith("[169, 173] as cited in Hassanzadeh A, Rahman HS") and "et al. Mesenchymal" in cite
    assert ".." not in cite and cite.endswith("doi:10.1186/s13287-021-02378-7")

    answer.locator("button", has_text="Copy answer").click()
    md = clipboard(page)
    expected = page.request.post(api + "/ask", data={"question": VEGF}).json()["answer"]
    assert md.startswith(f"**Q:** {VEGF}\n\n{expected}\n\n") and "miR-16" in md
    assert "**Evidence**" in md and "\n> " in md
    assert "**References** [169, 173] as numbered in: Hassanzadeh A" in md

    def menu():
        if not answer.locator(".menu[open]").count():
            answer.locator("summary", has_text="Export citation").click()
        return answer.locator(".menu .items")

    menu().locator("button", has_text="Copy BibTeX").click()
    bib = clipboard(page)
    assert bib.startswith("@article{hassanzadeh2021,") and r"Stem Cell Research \& Therapy" in bib

    with page.expect_download() as d:
        menu().locator("button", has_text="Download RIS").click()
    ris = Path(d.value.path()).read_bytes().decode()
    assert d.value.suggested_filename == "hassanzadeh2021.ris"
    assert ris.startswith("TY  - JOUR\r\nAU  - Hassanzadeh, Ali\r\n") and "DO  - 10.1186/s13287-021-02378-7" in ris
    with page.expect_download() as d:
        menu().locator("button", has_text="Download CSL-JSON").click()
    items = json.loads(Path(d.value.path()).read_text())
    assert items[0]["DOI"] == "10.1186/s13287-021-02378-7" and items[0]["author"][0]["family"] == "Hassanzadeh"


def test_ask_box_takes_what_the_service_takes(page, api):
    """Without GET /limits (or with it), 1,000 characters for a question, 5,000 for a draft."""
    limits = page.request.get(api + "/limits")
    max_q = limits.json()["max_query_chars"] if limits.ok else 1000
    page.goto(api + "/")
    box = page.locator("textarea")
    box.fill("x" * max_q)
    assert page.locator(".limit").is_hidden() and page.locator("button.send").is_enabled()
    box.fill("x" * (max_q + 1))
    msg = page.locator(".limit")
    assert msg.is_visible() and f"up to {max_q:,}" in msg.inner_text() and "Shorten it" in msg.inner_text()
    assert page.locator("button.send").is_disabled()
    box.press("Enter")
    assert page.locator(".q").count() == 0  # nothing sent, the text kept
    assert box.input_value() == "x" * (max_q + 1)
    page.locator("[role=tab]", has_text="Find citations").click()
    box.fill("x" * (max_q + 1))
    assert page.locator(".limit").is_hidden() and page.locator("button.send").is_enabled()


def test_small_screen_touch(browser, api):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True, device_scale_factor=2)
    pg = ctx.new_page()
    pg.goto(api + "/")
    assert pg.evaluate("() => document.documentElement.scrollWidth") <= 375
    ask(pg, VEGF)
    answers(pg)
    chips = pg.locator(".chip")
    assert chips.count() >= 2
    for i in range(chips.count()):
        assert chips.nth(i).bounding_box()["height"] >= 24
    chips.first.tap()
    ev = pg.locator(".evidence").first
    ev.wait_for()
    pg.wait_for_timeout(700)  # smooth scrolling
    # The evidence panel is brought into view inside the conversation.
    box, log = ev.bounding_box(), pg.locator(".log:not([hidden])").bounding_box()
    assert log["y"] - 1 <= box["y"] <= log["y"] + log["height"] - 40
    assert box["y"] + min(box["height"], log["height"]) <= log["y"] + log["height"] + 1
    assert pg.evaluate("() => document.documentElement.scrollWidth") <= 375
    shot(pg, "page-375.png")
    ctx.close()
