"""Benchmarks, each figure beside a baseline measured in the same run (machines are noisy).

  python scripts/bench.py [--seconds 30] [--concurrency 1 4 16] [--out docs/benchmarks.md] [--skip-http]

Measures: index build, rebuild of an unchanged corpus; the limit (bare query embedding with
the same model); in-process search / ask / cite latency and their ratio to the limit; over
HTTP against a real `qa serve`: cold start to /ready, latency and throughput at each
concurrency (wrk), errors, server RSS after warm-up and after the load. Writes a Markdown
report with the date and the machine."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
FALLBACK_QUESTIONS = [
    "which cargo reduces VEGF in breast cancer?", "how big are exosomes in nm", "exosome isolation by ultracentrifugation",
    "bone marrow MSC exosomes spinal cord injury", "miR-146b glioma EGFR", "kidney ischemia-reperfusion injury exosomes",
]


def questions() -> list[str]:
    if DEV.exists():
        return [json.loads(line)["question"] for line in DEV.read_text().splitlines() if line.strip()]
    return FALLBACK_QUESTIONS


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        m = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def rss_mb(pid: int) -> float:
    m = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(m.group(1)) / 1024 if m else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- build -------------------------------------------------------------------------------

def bench_build(tmp: Path) -> tuple[dict, object]:
    from qa.config import Settings
    from qa.embed import SentenceTransformerEmbedder
    from qa.engine import Engine
    from qa.index.build import ensure

    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    settings = Settings(corpus_dir=tmp / "corpus", index_dir=tmp / "index")
    emb = SentenceTransformerEmbedder(settings.model)
    t0 = time.perf_counter()
    emb.embed_batch(["load"])
    model_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    ensure(settings, emb)
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    _, state = ensure(settings, emb)
    unchanged = time.perf_counter() - t0
    assert state == "unchanged"
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "qa.cli", "index", "--json"], capture_output=True, text=True,
                       env={**os.environ, "QA_INDEX_DIR": str(settings.index_dir), "QA_CORPUS_DIR": str(settings.corpus_dir)})
    cli_unchanged = time.perf_counter() - t0
    assert p.returncode == 0, p.stderr
    return {"model_load_s": model_load, "build_s": build, "unchanged_s": unchanged, "cli_unchanged_s": cli_unchanged}, \
        Engine(settings, emb).load()


# --- in process ----------------------------------------------------------------------------

def timed(fn, items) -> list[float]:
    out = []
    for q in items:
        t0 = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_inprocess(engine, qs: list[str]) -> dict:
    """Each operation is timed right after the bare embedding of the same query, round after
    round, so that the limit and the operations see the same machine noise."""
    emb, s, a = engine.query_embedder, engine.searcher, engine.answerer
    doc_emb = engine.embedder
    for q in qs[:5]:
        emb.embed_batch([q])
        doc_emb.embed_batch([q])
        s.search(q)
    ops = {
        "embed": lambda q: emb.embed_batch([q]),
        "embed_torch": lambda q: doc_emb.embed_batch([q]),
        "search": lambda q: s.search(q, k=10),
        "ask": lambda q: a.ask(q),
        "cite": lambda q: a.cite(q),
    }
    res: dict[str, list[float]] = {k: [] for k in [*ops, "search_cached"]}
    for _ in range(2):
        for q in qs:
            for name, fn in ops.items():
                s._cache.clear()  # every query pays its embedding, as a new user's would
                res[name] += timed(fn, [q])
                if name == "search":  # the same query again: its embedding is cached now
                    res["search_cached"] += timed(fn, [q])
    out = {k: {"p50": pct(v, 50), "p95": pct(v, 95), "p99": pct(v, 99), "n": len(v)} for k, v in res.items()}
    out["encoder"] = getattr(emb, "name", "?")
    return out


# --- HTTP ---------------------------------------------------------------------------------

LUA = r"""
-- Every request unique (no query-embedding cache hits): a per-thread id and a counter.
local qs = {%s}
local paths = {%s}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local i = 0
request = function()
  i = i + 1
  local q = qs[(i %% #qs) + 1] .. " " .. tostring(tid or 0) .. "x" .. tostring(i)
  local p = paths[(i %% #paths) + 1]
  local body
  if p == "/search" then body = '{"query": "' .. q .. '", "k": 10}'
  elseif p == "/ask" then body = '{"question": "' .. q .. '"}'
  else body = '{"text": "' .. q .. '"}' end
  return wrk.format("POST", p, {["Content-Type"] = "application/json"}, body)
end
"""


def lua_script(qs: list[str], paths: list[str]) -> str:
    def lit(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', "").replace("'", "") + '"'
    return LUA % (", ".join(lit(q) for q in qs), ", ".join(lit(p) for p in paths))


def parse_wrk(out: str) -> dict:
    def ms(s: str) -> float:
        n, unit = re.match(r"([\d.]+)(us|ms|s)", s).groups()
        return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
    return {"p50": ms(lat["50"]), "p90": ms(lat["90"]), "p99": ms(lat["99"]), "rps": rps, "requests": total, "errors": errors}


class Server:
    def __init__(self, index_dir: Path, corpus_dir: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # As `make serve` and the Docker image run it (MALLOC_ARENA_MAX=2).
        env = {"MALLOC_ARENA_MAX": "2", **os.environ, "QA_INDEX_DIR": str(index_dir), "QA_CORPUS_DIR": str(corpus_dir)}
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--port", str(self.port)], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.cold_start = self._wait_ready()

    def _wait_ready(self, limit: float = 180) -> float:
        while time.perf_counter() - self.t0 < limit:
            try:
                if httpx.get(self.base + "/ready", timeout=2).status_code == 200:
                    return time.perf_counter() - self.t0
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server not ready")

    def rss(self) -> float:
        return rss_mb(self.proc.pid)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=15)


def wrk(base: str, script: Path, conc: int, seconds: int) -> dict:
    threads = max(1, min(conc, 2))
    p = subprocess.run(["wrk", "-t", str(threads), "-c", str(conc), "-d", f"{seconds}s", "--timeout", "10s",
                        "--latency", "-s", str(script), base], capture_output=True, text=True, timeout=seconds + 60)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return parse_wrk(p.stdout)


def bench_http(index_dir: Path, corpus_dir: Path, qs: list[str], seconds: int, concs: list[int]) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    srv = Server(index_dir, corpus_dir)
    try:
        out = {"cold_start_s": srv.cold_start}
        with tempfile.TemporaryDirectory() as d:
            search_lua = Path(d) / "search.lua"
            search_lua.write_text(lua_script(qs, ["/search"]))
            wrk(srv.base, search_lua, 2, 5)  # warm-up
            out["rss_warm_mb"] = srv.rss()
            out["search"] = {c: wrk(srv.base, search_lua, c, seconds) for c in concs}
            out["rss_after_mb"] = srv.rss()
        return out
    finally:
        srv.stop()


def report(build: dict, inproc: dict, http: dict | None, seconds: int) -> str:
    lim = inproc["embed"]["p50"]
    lines = [
        "# Benchmarks", "",
        f"Run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {machine()}.",
        "Every latency is also given as a ratio to **the limit**: the median time of one bare query",
        "embedding with the same model, measured in the same run.", "",
        "## Index", "",
        "| what | seconds |", "|---|---|",
        f"| model load (first embedding) | {build['model_load_s']:.2f} |",
        f"| full build of the review (model loaded) | {build['build_s']:.2f} |",
        f"| unchanged corpus, in process (`ensure`) | {build['unchanged_s']:.2f} |",
        f"| unchanged corpus, `qa index` as a command | {build['cli_unchanged_s']:.2f} |", "",
        "## In process (dev questions, query cache cleared before each call)", "",
        "| operation | p50 ms | p95 ms | p99 ms | p50 / limit |", "|---|---|---|---|---|",
    ]
    for name, label in [("embed", f"**limit**: bare query embedding ({inproc['encoder']})"),
                        ("embed_torch", "the same model in PyTorch (the indexing encoder)"), ("search", "search (hybrid, k=10)"),
                        ("search_cached", "search, repeated query (cached embedding)"), ("ask", "ask"), ("cite", "cite (one sentence)")]:
        r = inproc[name]
        lines.append(f"| {label} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['p50'] / lim:.2f} |")
    if http:
        lines += ["", f"## Over HTTP (`qa serve`, wrk, POST /search with unique queries, {seconds} s each)", "",
                  f"Cold start to /ready: {http['cold_start_s']:.1f} s. Server RSS after warm-up {http['rss_warm_mb']:.0f} MB, "
                  f"after the load runs {http['rss_after_mb']:.0f} MB.", "",
                  "| concurrency | p50 ms | p90 ms | p99 ms | requests/s | errors | p50 / limit |", "|---|---|---|---|---|---|---|"]
        for c, r in http["search"].items():
            lines.append(f"| {c} | {r['p50']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} | {r['rps']:.1f} | {r['errors']} | {r['p50'] / lim:.2f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    ap.add_argument("--skip-http", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    qs = questions()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        build, engine = bench_build(tmp)
        inproc = bench_inprocess(engine, qs)
        http = None if args.skip_http else bench_http(tmp / "index", tmp / "corpus", qs, args.seconds, args.concurrency)
    text = report(build, inproc, http, args.seconds)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
