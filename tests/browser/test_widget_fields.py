"""The widget on API fields that other parts of the service add (did_you_mean and closest
passages on /ask, verdicts on /cite, `cited` papers on hits, `cite_as` and `examples` on
/documents, GET /limits): Playwright answers those routes with small synthetic responses, so
these tests do not depend on when the backend grows them. Everything else is the real service."""

import json
from pathlib import Path

import pytest

from browser.helpers import answers, ask, clipboard, fake_json, shot

pytestmark = pytest.mark.browser


def hit(i, text, refs, section=("Results",), table=None, cited=(), doc=("doc-a", "Doc A")):
    return {"id": f"h{i}", "kind": "table_row" if table else "passage", "score": 0.5, "rank": i, "text": text,
            "section": list(section), "refs": list(refs), "doc": {"id": doc[0], "title": doc[1]},
            "span": {"start": 0, "end": len(text)}, "page": 3, "table": table, "scores": {}, "cited": list(cited)}


ROW = {"number": 1, "title": "Trials of compound K", "group": "Animal studies", "columns": ["Species", "Dose", "Ref"],
       "cells": {"Species": "pigs", "Dose": "5 mg/kg", "Ref": "[7]"}}
CITE_AS = {"text": "Roe R, Poe P. A small review. J Small Things. 2020;1:2. doi:10.1000/small",
           "bibtex": "@article{roe2020,\n  title = {A small review}\n}", "ris": "TY  - JOUR\r\nTI  - A small review\r\nER  - \r\n",
           "csl": {"id": "roe2020", "type": "article-journal", "title": "A small review"}}


def test_limits_come_from_the_service(page, api):
    fake_json(page, api + "/limits", {"max_query_chars": 60, "max_cite_chars": 120, "max_k": 50})
    page.goto(api + "/")
    box = page.locator("textarea")
    box.fill("q" * 50)
    assert page.locator(".hint .count").inner_text() == "50 / 60"
    box.fill("q" * 61)
    assert "up to 60" in page.locator(".limit").inner_text() and page.locator("button.send").is_disabled()
    assert box.get_attribute("aria-invalid") == "true"
    page.locator("[role=tab]", has_text="Find citations").click()
    box.fill("q" * 121)
    assert "up to 120" in page.locator(".limit").inner_text() and "in parts" in page.locator(".limit").inner_text()


def test_not_covered_offers_the_correction_the_closest_passages_and_rephrasing(page, api):
    asked = []
    closest = [hit(1, "Compound K lowered blood pressure in pigs within two weeks of daily dosing. " * 4, [7]),
               hit(2, "pigs; 5 mg/kg; [7]", [7], table=ROW),
               hit(3, "Earlier work measured compound K in plasma.", [9]),
               hit(4, "A fourth passage that is not shown.", [11])]

    def handler(route, request):
        body = json.loads(request.post_data)
        asked.append(body)
        if body["question"] == "which cargo reduces VEGF in breast cancer":
            return route.continue_()  # the corrected question goes to the real service
        route.fulfill(content_type="application/json", body=json.dumps({
            "question": body["question"], "status": "not_found", "answer": "The document does not cover this question.",
            "did_you_mean": "which cargo reduces VEGF in breast cancer", "citations": [], "results": closest,
            "cite_as": None, "took_ms": 1.0}))

    page.route(api + "/ask", handler)
    page.goto(api + "/")
    ask(page, "which cargo reduses VEGF in brest cancer")
    nf = answers(page)
    text = nf.inner_text()
    assert "Not covered by the document" in text and "Did you mean" in text and "Try rephrasing" in text
    items = nf.locator(".closest li")
    assert items.count() == 3
    assert "Compound K lowered blood pressure" in items.nth(0).inner_text() and "…" in items.nth(0).inner_text()
    assert "Species: pigs; Dose: 5 mg/kg" in items.nth(1).inner_text()
    assert "Table 1: Trials of compound K" in items.nth(1).inner_text()
    shot(page, "not-covered-suggestions.png")
    items.nth(1).locator("button", has_text="Show").click()
    assert "5 mg/kg" in items.nth(1).locator(".evidence table").inner_text()
    nf.locator(".suggest button").click()
    real = answers(page, 2)
    assert [a["question"] for a in asked] == ["which cargo reduses VEGF in brest cancer", "which cargo reduces VEGF in breast cancer"]
    assert "[169]" in real.inner_text()


def test_answer_after_a_spelling_correction_says_so(page, api):
    fake_json(page, api + "/ask", {
        "question": "how bigg are exosoms", "status": "answered", "answer": "They are 30–150 nm across [3].",
        "did_you_mean": "how big are exosomes", "citations": [{"refs": [3], "hit_id": "h1", "quote": "They are 30–150 nm across [3].",
                                                               "span": {"start": 0, "end": 10}}],
        "results": [hit(1, "They are 30–150 nm across [3].", [3])], "cite_as": CITE_AS, "took_ms": 1.0})
    page.goto(api + "/")
    ask(page, "how bigg are exosoms")
    assert "Answered as “how big are exosomes”" in answers(page).inner_text()


def test_cited_papers_show_in_chips_and_exports(page, api):
    evil = "<img src=x onerror=alert(1)> Doe J. A paper. 2015"
    cited = [{"n": 12, "text": "Smith J, Lee K. Compound K in pigs. J Pharm. 2015;3:1-9.", "doi": "10.1000/xyz.12",
              "title": "Compound K in pigs", "authors": ["Smith, J", "Lee, K"], "year": "2015"},
             {"n": 14, "text": evil}]
    fake_json(page, api + "/ask", {
        "question": "q", "status": "answered", "answer": "Compound K lowered pressure in pigs [12, 14].",
        "citations": [{"refs": [12, 14], "hit_id": "h1", "quote": "Compound K lowered pressure in pigs [12, 14].", "span": {"start": 0, "end": 5}}],
        "results": [hit(1, "Compound K lowered pressure in pigs [12, 14].", [12, 14], cited=cited)], "cite_as": CITE_AS, "took_ms": 1.0})
    page.goto(api + "/")
    ask(page, "what did compound K do in pigs?")
    answer = answers(page)
    chip = answer.locator(".chip", has_text="12")
    assert chip.get_attribute("title") == "Smith et al. 2015 — Compound K in pigs"
    chip.click()
    paper = answer.locator(".paper")
    assert "Smith et al. 2015 — Compound K in pigs" in paper.inner_text()
    assert paper.locator("a").get_attribute("href") == "https://doi.org/10.1000/xyz.12"
    answer.locator(".chip", has_text="14").click()
    assert evil in answer.locator(".paper").inner_text() and page.locator("img").count() == 0
    answer.locator("button", has_text="Copy answer").click()
    md = clipboard(page)
    assert "**References** [12, 14] as numbered in: Roe R, Poe P. A small review." in md
    assert "- [12] Smith J, Lee K. Compound K in pigs. J Pharm. 2015;3:1-9. https://doi.org/10.1000/xyz.12" in md
    # Exports hold the document and the cited papers whose references were parsed (12, not the bare text of 14).
    answer.locator("summary", has_text="Export citation").click()
    with page.expect_download() as d:
        answer.locator("button", has_text="Download CSL-JSON (.json, with 1 cited paper)").click()
    items = json.loads(Path(d.value.path()).read_text())
    assert [i["id"] for i in items] == ["roe2020", "ref-12"]
    assert items[1]["author"][0] == {"family": "Smith", "given": "J"} and items[1]["DOI"] == "10.1000/xyz.12"
    answer.locator("summary", has_text="Export citation").click()
    with page.expect_download() as d:
        answer.locator("button", has_text="Download RIS").click()
    ris = Path(d.value.path()).read_bytes().decode()
    assert ris.count("TY  - JOUR") == 2 and "TI  - Compound K in pigs\r\n" in ris and "AU  - Smith, J\r\n" in ris


VERDICT_CITE = {
    "sentences": [
        {"text": "Compound K lowers blood pressure in pigs.", "span": {"start": 0, "end": 41}, "supports": [],
         "verdict": "supported", "confidence": 0.91, "reason": None, "refs": [7, 9],
         "evidence": {"hit": hit(1, "pigs; 5 mg/kg; [7]", [7, 9], table=ROW), "quote": "Compound K lowered blood pressure in pigs [7, 9].",
                      "span": {"start": 0, "end": 10}, "refs": [7, 9], "score": 0.83}},
        {"text": "Compound K raises blood pressure in rats.", "span": {"start": 42, "end": 83}, "supports": [],
         "verdict": "contradicted", "confidence": 0.62, "reason": "direction: the draft says raises, the document says lowered [7]",
         "refs": [], "evidence": {"hit": hit(2, "Compound K lowered blood pressure in pigs.", [7]), "quote": "Compound K lowered blood pressure in pigs [7].",
                                  "span": {"start": 0, "end": 10}, "refs": [7], "score": 0.77}},
        {"text": "It also cures hair loss.", "span": {"start": 84, "end": 108}, "supports": [],
         "verdict": "not_found", "confidence": 0.8, "reason": None, "refs": [], "evidence": None},
    ],
    "refs": [7, 9], "cite_as": CITE_AS, "took_ms": 3.0}


def test_find_citations_shows_one_line_per_sentence_with_its_verdict(page, api):
    fake_json(page, api + "/cite", VERDICT_CITE)
    page.goto(api + "/#cite")
    draft = " ".join(s["text"] for s in VERDICT_CITE["sentences"])
    ask(page, draft)
    out = answers(page)
    assert out.locator(".summary").inner_text() == "3 sentences: 1 supported, 1 contradicted, 1 not in the document."
    lines = out.locator(".sent")
    assert lines.count() == 3
    ok, bad, none = (lines.nth(i).inner_text() for i in range(3))
    assert ok.startswith("Supported") and "(high confidence)" in ok and "Cite [7, 9]" in ok
    assert "” [7, 9]" not in ok  # the refs once: not again beside the quote (which keeps its own markers)
    assert "Table 1: Trials of compound K · Animal studies · page 3" in ok
    assert bad.startswith("Contradicted") and "Why: direction: the draft says raises, the document says lowered [7]" in bad
    # the quote shows its own marker [7]: no second "[7]" after it
    assert "The document says: “Compound K lowered blood pressure in pigs [7].”\n" in bad and "(medium confidence)" in bad
    assert none.startswith("Not in the document") and "no reference to offer" in none
    text = out.inner_text()
    assert "refs []" not in text and "score" not in text.lower() and "0.83" not in text and "Cite: [" not in text
    assert lines.nth(0).locator(".conf").get_attribute("title").startswith("How sure the check is: 0.91")
    shot(page, "find-citations-verdicts.png")

    lines.nth(0).locator("button.copy").click()
    assert clipboard(page) == ("Compound K lowers blood pressure in pigs [7, 9].\n\n"
                               "Reference numbers as in: " + CITE_AS["text"] + "\n")
    lines.nth(1).locator("button.copy").click()
    assert clipboard(page).startswith("Compound K raises blood pressure in rats.\n\nContradicted by the document: direction:")
    out.locator("button", has_text="Copy text with citations").click()
    assert clipboard(page).startswith("Compound K lowers blood pressure in pigs [7, 9]. Compound K raises blood pressure in rats. "
                                      "It also cures hair loss.\n\n")


def test_find_citations_falls_back_to_supports_without_verdicts(page, api):
    old = {"sentences": [{"text": "Compound K lowers blood pressure.", "span": {"start": 0, "end": 33},
                          "supports": [{"hit": hit(1, "Compound K lowered blood pressure [7].", [7]), "quote": "Compound K lowered blood pressure [7].",
                                        "span": {"start": 0, "end": 5}, "refs": [7], "score": 0.7}]},
                         {"text": "Nothing here.", "span": {"start": 34, "end": 47}, "supports": []}],
           "refs": [7], "cite_as": CITE_AS, "took_ms": 1.0}
    fake_json(page, api + "/cite", old)
    page.goto(api + "/?tab=cite")
    ask(page, "Compound K lowers blood pressure. Nothing here.")
    out = answers(page)
    lines = out.locator(".sent")
    assert lines.nth(0).inner_text().startswith("Supported") and "Cite [7]" in lines.nth(0).inner_text()
    assert "confidence" not in out.inner_text() and "0.7" not in out.inner_text()
    assert lines.nth(1).inner_text().startswith("Not in the document")


TWO_DOCS = {"documents": [
    {"id": "doc-a", "title": "Compound K in pigs: a review", "path": "a.txt", "chars": 10, "examples": ["What dose of compound K was used?", "Which species were studied?"],
     "meta": {"authors": ["Roe, Richard", "Poe, P", "Zoe, Z"], "year": 2020, "journal": "J Small Things", "doi": "10.1000/a"},
     "cite_as": {"text": "Roe R, et al. Compound K in pigs. 2020.", "bibtex": "@article{roe2020}"}},
    {"id": "doc-b", "title": "Sleep in fruit flies", "path": "b.xml", "chars": 10, "examples": ["How long do flies sleep?"],
     "meta": {"authors": ["Fly, F"], "year": 2019}}]}


def test_several_documents_get_a_picker_and_their_own_examples(page, api):
    fake_json(page, api + "/documents", TWO_DOCS)
    bodies = []
    fake_json(page, api + "/ask", {"question": "q", "status": "not_found", "answer": "Not covered.", "citations": [], "results": [],
                                   "cite_as": None, "took_ms": 1.0}, record=bodies)
    page.goto(api + "/")
    page.locator("h2", has_text="Ask 2 documents").wait_for()
    picker = page.locator("header select")
    assert picker.is_visible() and picker.locator("option").all_inner_texts() == ["All 2 documents", "Compound K in pigs: a review", "Sleep in fruit flies"]
    assert page.locator(".intro button").all_inner_texts() == ["What dose of compound K was used?", "Which species were studied?", "How long do flies sleep?"]
    picker.select_option("doc-b")
    assert page.locator("h2").inner_text() == "Sleep in fruit flies" and page.locator("header .sub").inner_text() == "Fly 2019"
    assert page.locator(".intro button").all_inner_texts() == ["How long do flies sleep?"]
    assert page.evaluate("() => location.search") == "?doc=doc-b"
    page.locator(".intro button").first.click()
    answers(page)
    assert bodies == [{"question": "How long do flies sleep?"}]  # this service's /ask takes no `doc`: not sent

    # A service whose /ask takes `doc` gets it; ?doc= in the address picks the document.
    spec = page.request.get(api + "/openapi.json").json()
    spec["components"]["schemas"]["AskRequest"]["properties"]["doc"] = {"type": "string"}
    fake_json(page, api + "/openapi.json", spec)
    page.goto(api + "/?doc=doc-a&q=What+dose%3F")
    answers(page)
    page.wait_for_function("() => location.search.includes('q=')")
    assert page.locator("h2").inner_text() == "Compound K in pigs: a review"
    assert "Roe et al. 2020 · J Small Things" in page.locator("header .sub").inner_text()
    assert bodies[-1] == {"question": "What dose?", "doc": "doc-a"}


def test_cited_papers_get_their_fields_from_the_reference_list(page, api):
    """Hits carry {n, text, doi}; title, authors and year come from GET /documents/{id}/references."""
    cited = [{"n": 21, "text": "Kim A, Park B. Exercise and sleep. Sleep J. 2018;4:10-20.", "doi": "10.1000/k21"}]
    fake_json(page, api + "/ask", {
        "question": "q", "status": "answered", "answer": "Exercise improved sleep [21].",
        "citations": [{"refs": [21], "hit_id": "h1", "quote": "Exercise improved sleep [21].", "span": {"start": 0, "end": 5}}],
        "results": [hit(1, "Exercise improved sleep [21].", [21], cited=cited)], "cite_as": CITE_AS, "took_ms": 1.0})
    fake_json(page, api + "/documents/doc-a/references", {"doc": "doc-a", "note": None, "references": [
        {"n": 21, "text": cited[0]["text"], "authors": ["Kim, A", "Park, B"], "title": "Exercise and sleep", "journal": "Sleep J",
         "year": "2018", "volume": "4", "pages": "10-20", "doi": "10.1000/k21", "pmid": None}]})
    page.goto(api + "/")
    ask(page, "does exercise help sleep?")
    chip = answers(page).locator(".chip", has_text="21")
    page.wait_for_function("() => document.getElementById('qa-root').shadowRoot.querySelector('.chip[data-ref=\"21\"]').title.includes('Kim')")
    assert chip.get_attribute("title") == "Kim et al. 2018 — Exercise and sleep"
    chip.click()
    assert "Kim et al. 2018 — Exercise and sleep" in page.locator(".paper").inner_text()
    page.locator("summary", has_text="Export citation").click()
    with page.expect_download() as d:
        page.locator("button", has_text="Download RIS (.ris, with 1 cited paper)").click()
    ris = Path(d.value.path()).read_bytes().decode()
    assert "TI  - Exercise and sleep\r\n" in ris and "PY  - 2018\r\n" in ris and "SP  - 10-20\r\n" in ris
