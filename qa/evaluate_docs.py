"""Score ingestion and retrieval on other documents (shared/eval/README.md, "Other articles"):
table rows recovered and cells exact against true tables, section headings found, running
header / page number / licence leaks in passages, reference entries parsed, and, with an
engine, search R@5 (hits from the right document only) and complete /ask answers."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from qa.evaluate import load_gold, norm
from qa.types import Document

RECOVER_SHARE = 0.8


def _cell(v) -> str:
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return str(v)


def score_tables(true_tables: list[dict], docs: dict[str, Document]) -> dict[str, dict]:
    """Per document: true rows, rows recovered, cells exact (over recovered rows' cells)."""
    out: dict[str, dict] = defaultdict(lambda: {"rows": 0, "recovered": 0, "cells": 0, "cells_exact": 0, "tables": 0, "tables_found": 0})
    for t in true_tables:
        doc = docs.get(t["doc"])
        s = out[t["doc"]]
        s["tables"] += 1
        mine = [] if doc is None else [tb for tb in doc.tables if tb.number == t["number"]]
        if mine:
            s["tables_found"] += 1
        rows = [[norm(v) for _, v in r.table.cells] for tb in mine for r in tb.rows if r.table]
        used: set[int] = set()
        for tr in t["rows"]:
            cells = [norm(_cell(v)) for v in tr["cells"].values() if norm(_cell(v))]
            s["rows"] += 1
            best, best_hit = None, 0.0
            for i, r in enumerate(rows):
                if i in used:
                    continue
                joined = "".join(r)
                hit = sum(1 for c in cells if c in joined) / max(1, len(cells))
                if hit > best_hit:
                    best, best_hit = i, hit
            if best is None or best_hit < RECOVER_SHARE:
                continue
            used.add(best)
            s["recovered"] += 1
            s["cells"] += len(cells)
            s["cells_exact"] += sum(1 for c in cells if c in rows[best])
    return dict(out)


# A running line that leaked into text: "Page 3 of 10", "3/16", a journal-and-DOI footer, a licence.
_LEAK_RES = [
    re.compile(r"\bPage \d+ of \d+\b"),
    re.compile(r"\b\d{1,3}/\d{1,3}\s*$"),
    re.compile(r"©|creative\s*commons.{0,40}licen|licensee\b", re.I),
]


def leaks(doc: Document) -> list[str]:
    """Passages holding a running header/footer line (a line repeated on most pages of the
    source) or a licence line."""
    out = []
    for b in doc.blocks:
        if b.kind in ("paragraph", "caption") and any(r.search(b.text) for r in _LEAK_RES):
            out.append(b.text[:100])
    return out


# Section numbering before a heading: "2", "2.3", "2.3.", "IV.", "B)", "S1.".
_NUMBERING_RE = re.compile(r"^\s*(?:(?:S?\d+(?:\.\d+)*\.?)|(?:[IVXLC]+|[A-Za-z])[.)])\s+")


def heading_key(text: str) -> str:
    """A heading compared without case, spacing, punctuation or its section number."""
    return norm(_NUMBERING_RE.sub("", text))


def score_headings(doc: Document, expected: list[str]) -> dict | None:
    """Gold headings found among the parsed ones (recall) and parsed headings that are gold
    (precision), matched one to one after heading_key; with the passages that leak a running
    line, which a heading mistaken for text or text mistaken for a heading often comes with."""
    if not expected:
        return None
    gold = Counter(k for k in map(heading_key, expected) if k)
    parsed = [b.text for b in doc.blocks if b.kind == "heading"]
    mine = Counter(k for k in map(heading_key, parsed) if k)
    hit = sum((gold & mine).values())
    return {
        "gold": sum(gold.values()),
        "parsed": len(parsed),
        "recall": _ratio(hit, sum(gold.values())),
        "precision": _ratio(hit, len(parsed)),
        "missed": [h for h in expected if heading_key(h) and heading_key(h) not in mine],
        "extra": [h for h in parsed if heading_key(h) not in gold],
        "leaks": len(leaks(doc)),
    }


def load_headings(path: Path) -> dict[str, list[str]]:
    """{doc_id: [heading, ...]} from a JSON file; a clear error for any other shape."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path.name}: not JSON ({e})") from None
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(h, str) for h in v) for v in data.values()
    ):
        raise ValueError(f"{path.name}: expected {{document id: [heading, ...]}}")
    return data


def _true_tables(path: Path) -> list[dict]:
    """The tables gold file: {"tables": [{"doc", "number", "rows": [{"row", "cells"}]}]}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"{path}: not a readable JSON file ({e})") from None
    tables = data.get("tables") if isinstance(data, dict) else None
    if not isinstance(tables, list) or not all(isinstance(t, dict) and isinstance(t.get("rows"), list) for t in tables):
        raise ValueError(f'{path}: expected {{"tables": [{{"doc", "number", "rows": [...]}}, ...]}}')
    return tables


def evaluate_documents(corpus: Path, tables_file: Path | None, headings: dict[str, list[str]] | None = None) -> dict:
    from qa.ingest import SUPPORTED, load

    docs: dict[str, Document] = {}
    fmt: dict[str, str] = {}
    for p in sorted(corpus.iterdir()):
        if p.suffix.lower() in SUPPORTED and p.is_file():
            d = load(p)
            docs[d.id] = d
            fmt[d.id] = {".nxml": "jats", ".xml": "jats"}.get(p.suffix.lower(), p.suffix.lower().lstrip("."))
    true_tables = _true_tables(tables_file) if tables_file else []
    tables = score_tables(true_tables, docs)
    report: dict[str, dict] = {}
    for doc_id, d in docs.items():
        t = tables.get(doc_id, {})
        refs = d.references
        parsed = sum(1 for r in refs if r.title and r.year and r.authors)
        report[doc_id] = {
            "format": fmt[doc_id],
            "tables": f"{t.get('tables_found', 0)}/{t.get('tables', 0)}",
            "rows_recovered": _ratio(t.get("recovered", 0), t.get("rows", 0)),
            "cells_exact": _ratio(t.get("cells_exact", 0), t.get("cells", 0)),
            "true_rows": t.get("rows", 0),
            "headings": sum(1 for b in d.blocks if b.kind == "heading"),
            "heading_scores": score_headings(d, (headings or {}).get(doc_id, [])),
            "leaks": len(leaks(d)),
            "references": len(refs),
            "references_parsed": _ratio(parsed, len(refs)),
            "warnings": list(d.warnings),
        }
    return {"documents": report, "by_format": _by_format(report, tables, fmt)}


def _by_format(report, tables, fmt) -> dict:
    agg: dict[str, Counter] = defaultdict(Counter)
    for doc_id, t in tables.items():
        if doc_id in fmt:
            agg[fmt[doc_id]].update(t)
    return {f: {"rows_recovered": _ratio(c["recovered"], c["rows"]), "cells_exact": _ratio(c["cells_exact"], c["cells"])}
            for f, c in agg.items()}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def evaluate_questions(engine, gold_file: Path, k: int = 5) -> dict:
    """Search R@k counting only hits from the question's document, and complete answers."""
    from qa.evaluate import Result

    items = load_gold(gold_file)
    per_doc: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        doc = it.get("doc")
        c = per_doc[doc]
        if it["type"] == "none":
            a = engine.answerer.ask(it["question"])
            c["none"] += 1
            c["abstained"] += a.status == "not_found"
            continue
        hits = engine.searcher.search(it["question"], k=k)
        ev = [norm(e) for e in it.get("evidence", []) if norm(e)]
        gold_rows = {(r["table"], norm(r.get("first_cell", ""))) for r in it.get("table_rows", [])}
        hit = False
        for h in hits:
            if h.chunk.doc_id != doc:
                continue
            r = Result.from_chunk(h.chunk)
            text = r.match_text()
            if any(e in text for e in ev):
                hit = True
            t = h.chunk.table
            if t is not None and t.cells and (t.number, norm(t.cells[0][1])) in gold_rows:
                hit = True
        c["answerable"] += 1
        c["r_at_k"] += hit
        keys = it.get("keys") or []
        if keys:
            a = engine.answerer.ask(it["question"])
            head = norm(a.text[:700]) if a.status == "answered" else ""
            c["keyed"] += 1
            c["complete"] += a.status == "answered" and all(any(norm(x) in head for x in grp) for grp in keys)
    out = {}
    for doc, c in per_doc.items():
        out[doc] = {
            f"search_r@{k}": _ratio(c["r_at_k"], c["answerable"]),
            "complete_answers": _ratio(c["complete"], c["keyed"]),
            "abstained_on_none": f"{c['abstained']}/{c['none']}",
        }
    tot = Counter()
    for c in per_doc.values():
        tot.update(c)
    out["all"] = {f"search_r@{k}": _ratio(tot["r_at_k"], tot["answerable"]),
                  "complete_answers": _ratio(tot["complete"], tot["keyed"]),
                  "abstained_on_none": f"{tot['abstained']}/{tot['none']}"}
    return out
