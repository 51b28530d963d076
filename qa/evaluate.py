"""Score retrieval on a gold file (the format and matching rule of shared/eval/README.md),
for the hybrid search, each retriever alone, and the common anchor recipe, in one run."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ANSWERABLE = ("table", "passage", "both", "citation")
TYPES = ("table", "passage", "both", "citation", "multi", "none")


def norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


@dataclass(frozen=True)
class Result:
    """What a scorer needs of one returned result."""

    text: str
    kind: str = "passage"
    table: int | None = None
    refs: tuple[int, ...] = ()
    cells: tuple[str, ...] = ()

    @classmethod
    def from_chunk(cls, c) -> "Result":
        t = c.table
        return cls(c.text, c.kind, t.number if t else None, c.refs, tuple(v for _, v in t.cells) if t else ())

    def match_text(self) -> str:
        return norm(self.text + " " + " ".join(self.cells))


def read_jsonl(path: Path, required: tuple[str, ...] = ("id",)) -> list[tuple[int, dict]]:
    """(line number, object) for each non-blank line; a clear error naming the line otherwise."""
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                except ValueError as e:
                    raise ValueError(f"{path}:{n}: not JSON ({e})") from e
                for field in required:
                    if field not in d:
                        raise ValueError(f"{path}:{n}: missing field {field!r}")
                out.append((n, d))
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not UTF-8") from e
    return out


def load_gold(path: Path) -> list[dict]:
    items = []
    for n, d in read_jsonl(path, ("id", "question", "type")):
        if d["type"] not in TYPES:
            raise ValueError(f"{path}:{n}: unknown type {d['type']!r}")
        items.append(d)
    if not items:
        raise ValueError(f"{path}: no gold items")
    return items


def _row_match(r: Result, gold_row: dict) -> bool:
    if r.kind != "table_row" or r.table != gold_row.get("table") or gold_row.get("ref") not in r.refs:
        return False
    cond = norm(gold_row.get("condition", ""))
    return not cond or cond in norm(r.cells[0] if r.cells else r.text)


def hits(item: dict, r: Result) -> bool:
    t = r.match_text()
    if any(norm(q) and norm(q) in t for q in item.get("evidence", [])):
        return True
    return any(_row_match(r, g) for g in item.get("table_rows", []))


def first_hit(item: dict, results: Sequence[Result]) -> int | None:
    for i, r in enumerate(results):
        if hits(item, r):
            return i
    return None


def coverage(item: dict, results: Sequence[Result]) -> float:
    top = results[:10]
    groups = item.get("evidence_all") or []
    g_cov = 0.0
    if groups:
        texts = [r.match_text() for r in top]
        found = sum(any(norm(q) in t for q in grp for t in texts) for grp in groups)
        g_cov = found / len(groups)
    rows = item.get("table_rows") or []
    r_cov = 0.0
    if rows:
        r_cov = sum(any(_row_match(r, g) for r in top) for g in rows) / len(rows)
    return max(g_cov, r_cov)


def score(items: list[dict], run: Callable[[str], Sequence[Result]]) -> dict:
    per_type: dict[str, list[dict]] = {}
    multi_cov: list[float] = []
    for item in items:
        if item["type"] == "none":
            continue
        results = list(run(item["question"]))
        i = first_hit(item, results)
        chars_before = sum(len(r.text) for r in results[:i]) if i is not None else None
        rec = {
            "r1": i is not None and i < 1,
            "r5": i is not None and i < 5,
            "r10": i is not None and i < 10,
            "rr": 1.0 / (i + 1) if i is not None and i < 10 else 0.0,
            "c1000": i is not None and (i == 0 or chars_before < 1000),
            "c3000": i is not None and (i == 0 or chars_before < 3000),
        }
        per_type.setdefault(item["type"], []).append(rec)
        if item["type"] == "multi":
            multi_cov.append(coverage(item, results))

    def agg(recs: list[dict]) -> dict:
        n = len(recs) or 1
        return {
            "n": len(recs),
            "recall@1": sum(r["r1"] for r in recs) / n,
            "recall@5": sum(r["r5"] for r in recs) / n,
            "recall@10": sum(r["r10"] for r in recs) / n,
            "mrr@10": sum(r["rr"] for r in recs) / n,
            "recall@1000chars": sum(r["c1000"] for r in recs) / n,
            "recall@3000chars": sum(r["c3000"] for r in recs) / n,
        }

    answerable = [r for t in ANSWERABLE for r in per_type.get(t, [])]
    out = agg(answerable)
    out["multi_coverage@10"] = sum(multi_cov) / len(multi_cov) if multi_cov else 0.0
    out["by_type"] = {t: agg(recs) for t, recs in sorted(per_type.items())}
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in out.items()}


def anchor_runner(raw_texts: list[str], k: int = 10) -> Callable[[str], list[Result]]:
    """The common recipe: 1,000-character windows of the raw text (200 overlap), BM25 with
    English stopwords."""
    import bm25s

    windows: list[str] = []
    for text in raw_texts:
        step = 800
        for start in range(0, max(len(text) - 200, 1), step):
            windows.append(text[start : start + 1000])
    retriever = bm25s.BM25()
    corpus_tokens = bm25s.tokenize(windows, stopwords="en", return_ids=False, show_progress=False)
    retriever.index(corpus_tokens, show_progress=False)

    def run(q: str) -> list[Result]:
        toks = bm25s.tokenize([q], stopwords="en", return_ids=False, show_progress=False)[0]
        toks = [t for t in toks if t in retriever.vocab_dict]
        if not toks:
            return []
        scores = retriever.get_scores(toks)
        order = sorted(range(len(windows)), key=lambda i: -scores[i])[:k]
        return [Result(windows[i]) for i in order]

    return run


# --- answers ---------------------------------------------------------------------------------
ANSWER_WINDOW = 700  # characters of an answer that count (shared/eval/README.md)


def load_keys(path: Path) -> dict[str, dict]:
    """Answer keys by question id: {"id", "type", "keys": [[alternatives]...], "ref_keys"}."""
    return {d["id"]: d for _, d in read_jsonl(path)}


def answer_refs(text: str, citation_refs: Sequence[int]) -> set[int]:
    """Reference numbers an answer gives: its citations' and every [n], [a, b], [a–c] in its text."""
    from qa.ingest.refs import refs_in

    return set(citation_refs) | set(refs_in(text))


def score_answers(items: list[dict], keys: dict[str, dict], ask: Callable[[str], tuple[str, str, Sequence[int]]],
                  details: list | None = None) -> dict:
    """ask(question) -> (status, answer text, cited refs). Measures of shared/eval/README.md:
    complete (every key group in the first 700 characters), key coverage, refs hit, abstention
    on 'none', false abstention on answerable items."""
    complete, cover, refs_hit, none_ok, false_abs = [], [], [], [], []
    for item in items:
        k = keys.get(item["id"], {})
        status, text, crefs = ask(item["question"])
        window = norm(text[:ANSWER_WINDOW])
        if item["type"] == "none":
            none_ok.append(status == "not_found")
            if details is not None:
                details.append({"id": item["id"], "type": "none", "status": status, "ok": status == "not_found", "answer": text[:300]})
            continue
        false_abs.append(status == "not_found")
        groups = k.get("keys") or []
        found = [status == "answered" and any(norm(a) and norm(a) in window for a in g) for g in groups]
        if groups:
            complete.append(all(found))
            cover.append(sum(found) / len(groups))
        ref_keys = set(k.get("ref_keys") or item.get("refs") or [])
        got = answer_refs(text, crefs) if status == "answered" else set()
        if ref_keys:
            refs_hit.append(bool(ref_keys & got))
        if details is not None:
            details.append({"id": item["id"], "type": item["type"], "status": status,
                            "missing": [g[0] for g, f in zip(groups, found) if not f],
                            "refs_ok": bool(ref_keys & got) if ref_keys else None, "answer": text[:ANSWER_WINDOW]})

    def mean(xs):
        return round(sum(xs) / len(xs), 4) if xs else 0.0

    return {"answerable": len(false_abs), "none": len(none_ok), "ask_complete": mean(complete),
            "key_coverage": mean(cover), "refs_hit": mean(refs_hit), "none_abstained": mean(none_ok),
            "false_abstention": mean(false_abs)}
