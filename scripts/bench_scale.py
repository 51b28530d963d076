"""How the dense index scales: exact FAISS search against HNSW and IVF on synthetic corpora.

  python scripts/bench_scale.py [--sizes 10000 100000 1000000] [--queries 200] [--out docs/scale.md]

Vectors are random unit vectors in 384 dimensions (the model's size) drawn around a few
thousand centres, so that neighbourhoods exist as they do for real embeddings; queries are
perturbed copies of stored vectors. For each size: build time, memory added (RSS), query
latency p50/p99 (one query at a time, as the service searches), and recall@10 of each
approximate index against the exact one. The result picks Settings.hnsw_threshold."""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np

DIM = 384


def rss_mb() -> float:
    m = re.search(r"VmRSS:\s+(\d+) kB", Path("/proc/self/status").read_text())
    return int(m.group(1)) / 1024


def corpus(n: int, rng: np.random.Generator) -> np.ndarray:
    centres = rng.standard_normal((min(4096, max(16, n // 50)), DIM)).astype(np.float32)
    x = centres[rng.integers(0, len(centres), n)] + 0.6 * rng.standard_normal((n, DIM)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def queries(x: np.ndarray, m: int, rng: np.random.Generator) -> np.ndarray:
    q = x[rng.integers(0, len(x), m)] + 0.3 * rng.standard_normal((m, DIM)).astype(np.float32) / np.sqrt(DIM) * 8
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return q.astype(np.float32)


def build(kind: str, x: np.ndarray):
    import faiss

    n = len(x)
    if kind == "flat":
        idx = faiss.IndexFlatIP(DIM)
    elif kind == "hnsw":
        idx = faiss.IndexHNSWFlat(DIM, 32, faiss.METRIC_INNER_PRODUCT)
        idx.hnsw.efConstruction = 40
        idx.hnsw.efSearch = 64
    else:
        nlist = int(4 * np.sqrt(n))
        quant = faiss.IndexFlatIP(DIM)
        idx = faiss.IndexIVFFlat(quant, DIM, nlist, faiss.METRIC_INNER_PRODUCT)
        sample = x[np.random.default_rng(1).choice(n, min(n, 64 * nlist), replace=False)]
        idx.train(sample)
        idx.nprobe = 16
    idx.add(x)
    return idx


def measure(idx, q: np.ndarray, k: int = 10) -> tuple[list[float], np.ndarray]:
    lat, ids = [], []
    for v in q:
        t0 = time.perf_counter()
        _, i = idx.search(v.reshape(1, -1), k)
        lat.append((time.perf_counter() - t0) * 1000)
        ids.append(i[0])
    return lat, np.array(ids)


def recall(a: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(x) & set(t)) / len(t) for x, t in zip(a, truth)]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--kinds", nargs="+", default=["flat", "hnsw", "ivf"])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "docs" / "scale.md"))
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    rows = []
    for n in args.sizes:
        x = corpus(n, rng)
        q = queries(x, args.queries, rng)
        truth = None
        for kind in args.kinds:
            before = rss_mb()
            t0 = time.perf_counter()
            idx = build(kind, x)
            secs = time.perf_counter() - t0
            mem = rss_mb() - before
            lat, ids = measure(idx, q)
            if kind == "flat":
                truth = ids
            r = recall(ids, truth) if truth is not None else float("nan")
            rows.append((n, kind, secs, mem, np.percentile(lat, 50), np.percentile(lat, 99), r))
            print(f"{n:>9} {kind:<5} build {secs:7.2f} s  mem +{mem:7.0f} MB  p50 {rows[-1][4]:7.3f} ms  "
                  f"p99 {rows[-1][5]:7.3f} ms  recall@10 {r:.3f}", flush=True)
            del idx
        del x
    lines = ["# Dense index at scale", "",
             f"Run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `scripts/bench_scale.py` "
             f"({args.queries} single queries per index; recall@10 against exact search).", "",
             "| chunks | index | build s | memory added MB | p50 ms | p99 ms | recall@10 |", "|---|---|---|---|---|---|---|"]
    for n, kind, secs, mem, p50, p99, r in rows:
        lines.append(f"| {n:,} | {kind} | {secs:.2f} | {mem:.0f} | {p50:.3f} | {p99:.3f} | {r:.3f} |")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
