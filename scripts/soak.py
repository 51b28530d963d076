"""Soak test: a real `qa serve` under mixed /search, /ask and /cite load at concurrency 16
for 2 minutes (wrk), sampling the server's RSS every 5 s.

  python scripts/soak.py [--seconds 120] [--concurrency 16] [--out docs/soak.md]

Pass: no errors, and RSS at the end within 10% of RSS after the warm-up."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, Server, lua_script, questions, wrk  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=120)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--out", default=str(ROOT / "docs" / "soak.md"))
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        shutil.copytree(ROOT / "corpus", tmp / "corpus")
        from qa.config import Settings
        from qa.engine import Engine

        Engine(Settings(corpus_dir=tmp / "corpus", index_dir=tmp / "index")).load()
        srv = Server(tmp / "index", tmp / "corpus")
        try:
            script = tmp / "mixed.lua"
            script.write_text(lua_script(questions(), ["/search", "/search", "/ask", "/cite"]))
            wrk(srv.base, script, args.concurrency, args.warmup)  # warm-up: the same load
            samples: list[tuple[float, float]] = []
            stop = threading.Event()
            t0 = time.time()

            def sample():
                while not stop.is_set():
                    samples.append((time.time() - t0, srv.rss()))
                    stop.wait(5)

            th = threading.Thread(target=sample, daemon=True)
            th.start()
            res = wrk(srv.base, script, args.concurrency, args.seconds)
            stop.set()
            th.join()
            samples.append((time.time() - t0, srv.rss()))
        finally:
            srv.stop()
    start, end = samples[0][1], samples[-1][1]
    growth = (end - start) / start * 100
    ok = res["errors"] == 0 and growth <= 10
    lines = [
        "# Soak test", "",
        f"Run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `scripts/soak.py`: {args.seconds} s at concurrency "
        f"{args.concurrency}, mixed POST /search (50%), /ask (25%), /cite (25%), unique queries, after a {args.warmup} s warm-up.", "",
        f"- requests: {res['requests']} ({res['rps']:.1f}/s), errors: {res['errors']}",
        f"- latency p50 {res['p50']:.0f} ms, p90 {res['p90']:.0f} ms, p99 {res['p99']:.0f} ms",
        f"- server RSS after warm-up {start:.0f} MB, at the end {end:.0f} MB: {growth:+.1f}%",
        f"- RSS samples (s, MB): " + ", ".join(f"({t:.0f}, {m:.0f})" for t, m in samples),
        f"- verdict: {'PASS' if ok else 'FAIL'} (no errors, growth <= 10%)",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
