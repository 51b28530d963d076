"""Measure fusion choices on a gold file: convex weights and reciprocal-rank fusion.

Usage: python scripts/fusion_sweep.py ../shared/eval/dev.jsonl
Prints one line per setting; used to choose Settings.fusion_weight by measurement."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from qa.engine import Engine
from qa.evaluate import Result, load_gold, score
from qa.search import expand


def main(path: str) -> None:
    items = load_gold(Path(path))
    eng = Engine().load()
    s = eng.searcher
    chunks = eng.index.chunks
    cache = {}
    for it in items:
        q = it["question"]
        bm = s.lexical_scores(q, expand(q, s.glossary))
        dn = s.dense_scores(q, None)
        cache[q] = (bm, dn)

    def to_results(order):
        return [Result.from_chunk(chunks[i]) for i in order[:10]]

    keys = ["recall@1", "recall@5", "mrr@10", "recall@1000chars", "recall@3000chars", "multi_coverage@10"]
    print("setting      " + " ".join(f"{k[:12]:>12}" for k in keys))
    for w in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8):
        s.settings.fusion_weight = w
        r = score(items, lambda q: to_results(np.argsort(-s.fuse(*cache[q], "hybrid")[0], kind="stable")))
        print(f"convex w={w:<4} " + " ".join(f"{r[k]:>12.3f}" for k in keys))
    for kconst in (10, 60):
        for wb in (0.5, 0.7):
            def rrf(q):
                bm, dn = cache[q]
                rb = np.empty(len(bm)); rb[np.argsort(-bm)] = np.arange(len(bm))
                rd = np.empty(len(dn)); rd[np.argsort(-dn)] = np.arange(len(dn))
                f = wb / (kconst + rb) + (1 - wb) / (kconst + rd)
                return to_results(np.argsort(-f, kind="stable"))
            r = score(items, rrf)
            print(f"rrf k={kconst:<3} wb={wb} " + " ".join(f"{r[k]:>12.3f}" for k in keys))


if __name__ == "__main__":
    main(sys.argv[1])
