"""qa: index, search, ask, cite, eval, serve and mcp from the command line.

Heavy modules (torch, FAISS, the model) are imported inside the commands that need them, so
`qa --help` answers at once. Errors print one line to stderr and exit non-zero."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

EXIT_USAGE = 2
EXIT_ERROR = 1


class CliError(Exception):
    pass


log = logging.getLogger("qa")


def _settings(args):
    from qa.config import Settings

    kw = {}
    if getattr(args, "index_dir", None):
        kw["index_dir"] = Path(args.index_dir)
    if getattr(args, "corpus_dir", None):
        kw["corpus_dir"] = Path(args.corpus_dir)
    return Settings(**kw)


# cli & config: where the corpus and index came from, said whenever one is missing
def _origin(args, name: str) -> str:
    """Where a path setting came from: a flag, a QA_ variable, a qa.toml, or the default
    (with the folders searched for a qa.toml)."""
    from qa import config_file

    if getattr(args, name, None):
        return "from --" + name.replace("_", "-")
    if os.environ.get("QA_" + name.upper()):
        return f"from $QA_{name.upper()}"
    path, looked = config_file.find()
    if path is None:
        return f"the default; no {config_file.NAME} in {config_file.looked_at(looked)}"
    return f"from {path}" if name in config_file.keys(path) else f"the default; {path} does not set {name}"


def _shown(path: Path) -> str:
    return str(path) if path.is_absolute() else f"{path} ({path.resolve()})"


def _check_corpus(settings, args) -> None:
    if not settings.corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder {_shown(settings.corpus_dir)} does not exist "
                                f"({_origin(args, 'corpus_dir')}); pass --corpus-dir, set QA_CORPUS_DIR or add a qa.toml")


def _engine(args, rebuild: bool = False):
    """The loaded engine. A missing or stale index is built, saying so first (a mistyped
    --index-dir must not quietly become a new index), or refused under --no-build."""
    from qa.engine import Engine

    settings = _settings(args)
    eng = Engine(settings)
    if not rebuild:
        _index_check(args, settings, eng.embedder, announce=True)
    return eng.load(build=True, rebuild=rebuild, progress=True)


def _index_check(args, settings, embedder, announce: bool) -> None:
    """Refuses a missing or stale index under --no-build; else says it is about to be built."""
    from qa.index.build import explain

    _check_corpus(settings, args)
    missing = not (settings.index_dir / "CURRENT").exists()
    problem = (f"no index at {_shown(settings.index_dir)} ({_origin(args, 'index_dir')})" if missing
               else explain(settings, embedder))
    if problem and getattr(args, "no_build", False):
        raise CliError(f"{problem}; not building one (--no-build): run qa index, or check the path")
    if problem and announce:
        log.info("%s: %s", problem, "building a new one" if missing else "rebuilding it")


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (pytest swaps it per test)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _):
        pass


def _setup_logging(fmt: str) -> None:
    """Progress, index notices and the access log go to stderr; stdout carries the results
    (and, for qa mcp, the protocol)."""
    handler = next((h for h in log.handlers if isinstance(h, _Stderr)), None)
    if handler is None:
        handler = _Stderr()
        log.addHandler(handler)
    handler.setFormatter(logging.Formatter(fmt, datefmt="%Y-%m-%d %H:%M:%S"))
    log.setLevel(logging.INFO)
    log.propagate = False


def hit_json(h) -> dict:
    c = h.chunk
    return {
        "id": c.id, "kind": c.kind, "score": round(h.score, 6), "rank": h.rank, "text": c.text,
        "section": list(c.section), "refs": list(c.refs), "doc": c.doc_id,
        "span": {"start": c.span.start, "end": c.span.end}, "page": c.page,
        "table": None if c.table is None else {
            "number": c.table.number, "title": c.table.title, "group": c.table.group,
            "columns": list(c.table.columns), "cells": c.table.cell_dict(),
        },
        "scores": {k: round(v, 6) for k, v in h.scores.items()},
    }


def cmd_index(args) -> int:
    import time

    from qa.index.build import summary

    t0 = time.perf_counter()
    eng = _engine(args, rebuild=args.rebuild)
    m = eng.index.manifest
    seconds = time.perf_counter() - t0
    out = {"status": eng.index_state, "path": str(eng.index.path), "seconds": round(seconds, 2), **m["counts"]}
    if eng.index_state == "unchanged":
        out["reused"], out["embedded"] = out["reused"] + out["embedded"], 0
    out["warnings"] = m.get("warnings", [])
    for w in out["warnings"]:
        print(f"warning: {w}", file=sys.stderr)
    if args.json:
        print(json.dumps(out))
    else:
        print(summary(eng.index, eng.index_state, seconds))
    return 0


def cmd_search(args) -> int:
    from qa.search import KINDS

    _text_arg(args.query, "query", _settings(args).max_query_chars)
    max_k = _settings(args).max_k
    if not 1 <= args.k <= max_k:
        raise CliError(f"k must be between 1 and {max_k}")
    kinds = args.kind or None
    for k in kinds or []:
        if k not in KINDS:
            raise CliError(f"unknown kind {k!r}; use one of {', '.join(KINDS)}")
    eng = _engine(args)
    if args.table is not None:
        numbers = sorted({t["number"] for d in eng.index.documents.values() for t in d.get("tables", [])
                          if args.doc is None or d["id"] == args.doc})
        if args.table not in numbers:
            have = f"its tables are {', '.join(map(str, numbers))}" if numbers else "it has no tables"
            raise CliError(f"there is no Table {args.table} in the index ({have})")
    try:
        hits = eng.searcher.search(args.query, k=args.k, kinds=kinds, table=args.table, section=args.section,
                                   mode=args.mode, doc=args.doc)
    except ValueError as e:
        raise CliError(str(e)) from None
    if args.json:
        for h in hits:
            print(json.dumps(hit_json(h), ensure_ascii=False))
        return 0
    from qa import cli_output

    print(cli_output.hits([hit_json(h) for h in hits]))
    return 0


def cmd_eval(args) -> int:
    if args.claims:
        return cmd_eval_claims(args)
    from qa.evaluate import ANSWER_WINDOW, Result, anchor_runner, load_gold, score

    if args.tables or args.headings:
        return cmd_eval_docs(args)
    if args.file is None:
        args.file = _settings(args).eval_file
        if args.file is None:
            raise CliError("no question file: pass one, or set eval_file in qa.toml (format: docs/eval-format.md)")
    try:
        items = load_gold(Path(args.file))
    except FileNotFoundError:
        raise CliError(f"{args.file}: no such file") from None
    except ValueError as e:
        raise CliError(str(e)) from None
    eng = _engine(args)
    s = eng.searcher

    def runner(mode):
        return lambda q: [Result.from_chunk(h.chunk) for h in s.search(q, k=10, mode=mode)]

    raw = []
    for p in sorted(eng.settings.corpus_dir.iterdir()):
        if p.suffix == ".txt":
            raw.append(p.read_text(encoding="utf-8"))
    report = {m: score(items, runner(m)) for m in ("hybrid", "bm25", "dense")}
    report["anchor"] = score(items, anchor_runner(raw)) if raw else {}
    report["hybrid"]["abstention"] = abstention(items, eng.answerer)
    if getattr(args, "keys", None):
        report["answers"] = answer_report(items, args, eng)
    if args.json:
        print(json.dumps(report))
        return 0
    keys = ["recall@1", "recall@5", "recall@10", "mrr@10", "recall@1000chars", "recall@3000chars", "multi_coverage@10"]
    print(f"{'system':<8} " + " ".join(f"{k:>17}" for k in keys))
    for name, r in report.items():
        if r and name != "answers":
            print(f"{name:<8} " + " ".join(f"{r[k]:>17.3f}" for k in keys))
    ab = report["hybrid"]["abstention"]
    print(f"\n/ask abstention: {ab['none_abstained']}/{ab['none']} 'none' items ({ab['none_rate']:.0%}), "
          f"{ab['answerable_abstained']}/{ab['answerable']} answerable items wrongly ({ab['answerable_rate']:.1%})")
    if "answers" in report:
        a = report["answers"]
        print(f"\n/ask answers (first {ANSWER_WINDOW} chars): complete {a['ask_complete']:.3f}, key coverage "
              f"{a['key_coverage']:.3f}, refs hit {a['refs_hit']:.3f}, abstention on 'none' {a['none_abstained']:.3f} "
              f"(n={a['none']}), false abstention {a['false_abstention']:.3f} (n={a['answerable']})")
    print("\nhybrid by type:")
    for t, r in report["hybrid"]["by_type"].items():
        print(f"  {t:<9} n={r['n']:<3} R@1 {r['recall@1']:.3f}  R@5 {r['recall@5']:.3f}  MRR@10 {r['mrr@10']:.3f}  R@3000c {r['recall@3000chars']:.3f}")
    return 0


def cmd_eval_claims(args) -> int:
    from qa.evaluate_claims import format_report, load_claims, score

    try:
        items = load_claims(Path(args.claims))
    except FileNotFoundError:
        raise CliError(f"{args.claims}: no such file") from None
    eng = _engine(args)
    report = score(items, eng.claims.check)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_report(args.claims, report))
    return 0


def cmd_eval_docs(args) -> int:
    from qa.evaluate_docs import evaluate_documents, evaluate_questions, load_headings

    if args.tables and args.file is None:
        raise CliError("--tables needs the questions file about those documents (e.g. extra_dev.jsonl)")
    for f in (args.tables, args.file, args.headings):
        if f and not Path(f).is_file():
            raise CliError(f"{f}: no such file")
    if not getattr(args, "index_dir", None):
        # The documents under evaluation get an index of their own: evaluating another
        # corpus must not replace the index the service answers from.
        import hashlib
        import tempfile

        corpus = str(_settings(args).corpus_dir.resolve())
        args.index_dir = str(Path(tempfile.gettempdir()) / f"qa-eval-index-{hashlib.sha1(corpus.encode()).hexdigest()[:12]}")
    settings = _settings(args)
    try:
        headings = load_headings(Path(args.headings)) if args.headings else None
        report = evaluate_documents(settings.corpus_dir, Path(args.tables) if args.tables else None, headings)
        # Without questions (--headings alone) only ingestion is scored: no index is needed.
        report["questions"] = evaluate_questions(_engine(args), Path(args.file)) if args.file else {}
    except ValueError as e:
        raise CliError(str(e)) from None
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    for doc_id, r in report["documents"].items():
        q = report["questions"].get(doc_id, {})
        print(f"{doc_id} ({r['format']}): tables {r['tables']}, rows recovered {r['rows_recovered']}, cells exact "
              f"{r['cells_exact']}, headings {r['headings']}, leaks {r['leaks']}, references {r['references']} "
              f"(parsed {r['references_parsed']}), search R@5 {q.get('search_r@5')}, complete {q.get('complete_answers')}")
        h = r.get("heading_scores")
        if h:
            print(f"  headings: recall {h['recall']} ({h['gold']} gold), precision {h['precision']} "
                  f"({h['parsed']} parsed), leaks {h['leaks']}")
            for m in h["missed"]:
                print(f"    missed: {m}")
            for x in h["extra"]:
                print(f"    not a gold heading: {x[:80]}")
        for w in r["warnings"]:
            print(f"  warning: {w}")
    print(f"all: {report['questions'].get('all')}; by format: {report['by_format']}")
    return 0


def answer_report(items, args, eng) -> dict:
    from qa.evaluate import load_keys, score_answers

    try:
        keys = load_keys(Path(args.keys))
    except FileNotFoundError:
        raise CliError(f"{args.keys}: no such file") from None
    except ValueError as e:
        raise CliError(str(e)) from None

    def ask(q):
        a = eng.answerer.ask(q)
        return a.status, a.text, [r for c in a.citations for r in c.refs]

    details: list = []
    out = score_answers(items, keys, ask, details)
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            for d in details:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return out


def abstention(items, answerer) -> dict:
    none = [i for i in items if i["type"] == "none"]
    answerable = [i for i in items if i["type"] != "none"]
    n_none = sum(answerer.ask(i["question"]).status == "not_found" for i in none)
    n_ans = sum(answerer.ask(i["question"]).status == "not_found" for i in answerable)
    return {"none": len(none), "none_abstained": n_none, "none_rate": round(n_none / max(1, len(none)), 4),
            "answerable": len(answerable), "answerable_abstained": n_ans,
            "answerable_rate": round(n_ans / max(1, len(answerable)), 4)}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="qa",
        description="Search and cited answers over a scientific review (text and table rows).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  qa index\n  qa search \"which cargo reduces VEGF in breast cancer\"\n  qa eval --json\n\n"
               "The corpus and index folders come from flags, QA_* variables, or a qa.toml found upward\n"
               "from the current folder (see the README).",
    )
    p.add_argument("--version", action="version", version=f"qa {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, example: str, func, *positional: str, builds: bool = True):
        """A subcommand with its example, the shared options and its positional arguments."""
        sp = sub.add_parser(name, help=help, epilog=f"example:\n  {example}",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.add_argument("--index-dir", help="index folder (default: $QA_INDEX_DIR, else qa.toml, else ./index)")
        sp.add_argument("--corpus-dir", help="corpus folder (default: $QA_CORPUS_DIR, else qa.toml, else ./corpus)")
        sp.add_argument("--json", action="store_true", help="print JSON (one object per line)")
        if builds:
            sp.add_argument("--no-build", action="store_true", help="fail instead of building a missing or stale index")
        for arg in positional:
            # "name?" is an optional positional
            sp.add_argument(arg.rstrip("?"), nargs="?" if arg.endswith("?") else None)
        sp.set_defaults(func=func)
        return sp

    sp = command("index", "build the index (skipped when the corpus is unchanged)", "qa index --rebuild --json", cmd_index,
                 builds=False)
    sp.add_argument("--rebuild", action="store_true", help="rebuild even if the index is fresh")

    sp = command("search", "hybrid search; prints ranked passages and table rows",
                 'qa search "bone marrow MSC exosomes in spinal cord injury" -k 5 --kind table_row', cmd_search, "query")
    sp.add_argument("-k", type=int, default=10, help="results to return (1 to QA_MAX_K, default 10)")
    sp.add_argument("--kind", action="append", help="only this kind: passage, table_row, caption (repeatable)")
    sp.add_argument("--table", type=int, help="only rows of this table number")
    sp.add_argument("--section", help="only chunks whose section contains this text")
    sp.add_argument("--doc", help="only results from this document id")
    sp.add_argument("--mode", choices=("hybrid", "bm25", "dense"), default="hybrid")

    sp = command("eval", "score retrieval on a question file (hybrid, bm25, dense, anchor); with --tables, "
                 "score other documents (tables, headings, leaks, references, search, answers)",
                 "qa eval eval/example_questions.jsonl --keys answer_keys.jsonl --json\n  qa eval --corpus "
                 "../shared/corpus-extra --tables ../shared/eval/extra_tables_dev.json ../shared/eval/extra_dev.jsonl"
                 "\n  qa eval --claims eval/claims_tune.jsonl",
                 cmd_eval)
    sp.add_argument("file", nargs="?", help="questions, one JSON object a line (docs/eval-format.md); "
                                            "default: eval_file of qa.toml (eval/example_questions.jsonl)")
    sp.add_argument("--keys", help="answer keys (.jsonl): also score /ask answers (complete, key coverage, refs, abstention)")
    sp.add_argument("--details", help="write one JSON line per scored answer to this file")
    sp.add_argument("--tables", help="true tables (JSON) of the corpus documents: score ingestion per document too")
    sp.add_argument("--headings", metavar="FILE", help="gold section headings (JSON: {doc id: [heading, ...]}) "
                                                       "of the corpus documents: heading recall, precision and leaks "
                                                       "per document (alone, no index is built)")
    sp.add_argument("--claims", metavar="FILE", help="score /cite verdicts on a claims .jsonl file instead "
                                                    "(shared/eval/README.md \"Claims\")")
    sp = command("ask", "an extractive, cited answer (or 'not covered by the review')",
                 'qa ask "which cargo reduces VEGF in breast cancer?" -k 3', cmd_ask, "question")
    sp.add_argument("-k", type=int, help="passages and rows to return with the answer (1 to QA_MAX_K, default 8); "
                                         "the text output lists them when -k is given")
    command("cite", "per drafted sentence: supported / contradicted (why) / not in the review, evidence and refs",
            'qa cite "Exosomal miR-16 lowers VEGF in breast cancer cells."', cmd_cite, "text")
    command("config", "show the settings in force and where the corpus and index come from",
            "qa config --json", cmd_config, builds=False)
    command("mcp", "serve search, ask, check_citations and get_table to an MCP client (stdio)",
            "qa mcp --index-dir ~/msc-review-qa/index", cmd_mcp)
    sp = command("serve", "start the HTTP service (index and model load at start-up)",
                 "qa serve --host 127.0.0.1 --port 8000", cmd_serve, builds=False)
    sp.add_argument("--host", help="address to bind (default: $QA_HOST or 127.0.0.1)")
    sp.add_argument("--port", type=int, help="port (default: $QA_PORT or 8000)")
    sp.add_argument("--no-build", action="store_true", help="refuse to start unless the index is fresh and intact")
    return p


def _text_arg(value: str, what: str, limit: int) -> str:
    if not value.strip():
        raise CliError(f"{what} is empty")
    if len(value) > limit:
        raise CliError(f"{what} is longer than {limit} characters")
    return value


def _api(args):
    """The HTTP API in-process, over the loaded engine: ask and cite print what /ask and
    /cite return (--json) or a readable view of it."""
    from qa.api.inproc import LocalAPI

    eng = _engine(args)
    return LocalAPI(eng.settings, eng)


def _call(api, path: str, body: dict) -> dict:
    from qa.api.inproc import APIError

    try:
        return api.request("POST", path, body)
    except APIError as e:
        raise CliError(str(e)) from None


def cmd_ask(args) -> int:
    settings = _settings(args)
    q = _text_arg(args.question, "question", settings.max_query_chars)
    if args.k is not None and not 1 <= args.k <= settings.max_k:
        raise CliError(f"k must be between 1 and {settings.max_k}")
    body = {"question": q, **({"k": args.k} if args.k is not None else {})}
    a = _call(_api(args), "/ask", body)
    if args.json:
        print(json.dumps(a, ensure_ascii=False))
        return 0
    from qa import cli_output

    print(cli_output.answer(a, show_results=args.k or 0))
    return 0


def cmd_cite(args) -> int:
    text = _text_arg(args.text, "text", _settings(args).max_cite_chars)
    out = _call(_api(args), "/cite", {"text": text})
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    from qa import cli_output

    print(cli_output.cited(out))
    return 0


def cmd_config(args) -> int:
    """The settings in force and where the paths came from: the answer to "which index is this?"."""
    from qa import config_file

    settings = _settings(args)
    path, looked = config_file.find()
    if args.json:
        print(json.dumps({"config_file": str(path) if path else None,
                          "settings": settings.model_dump(mode="json")}))
        return 0
    print(f"config file: {path}" if path else f"config file: none (no {config_file.NAME} in {config_file.looked_at(looked)})")
    for name in ("corpus_dir", "index_dir", "eval_file"):
        value = getattr(settings, name)
        if value is not None:
            state = "" if Path(value).exists() else ", does not exist"
            print(f"{name}: {_shown(Path(value))} ({_origin(args, name)}{state})")
    print("every setting: qa config --json; QA_<NAME> variables and qa.toml keys override the defaults")
    return 0


def cmd_mcp(args) -> int:
    from qa.mcp_server import create_server

    from qa.embed import SentenceTransformerEmbedder

    # A wrong corpus folder, or a missing index under --no-build, fails now with one line on
    # stderr (the client shows the server failed to start), not later inside a tool call.
    settings = _settings(args)
    _index_check(args, settings, SentenceTransformerEmbedder(settings.model), announce=False)
    create_server(lambda: _engine(args)).run("stdio")
    return 0


def cmd_serve(args) -> int:
    import uvicorn

    from qa.api import create_app

    from qa.embed import SentenceTransformerEmbedder
    from qa.index import Index, IndexError_, corpus_files
    from qa.index.build import explain
    from qa.index.folder import writable

    settings = _settings(args)
    host = args.host or settings.host
    port = args.port or settings.port
    if not 0 < port < 65536:
        raise CliError("port must be between 1 and 65535")
    # Pre-flight, before the port opens: a service that cannot have an index does not start.
    _check_corpus(settings, args)
    corpus_files(settings.corpus_dir)
    problem = explain(settings, SentenceTransformerEmbedder(settings.model))
    if problem is None:
        try:
            Index.load(settings.index_dir)  # checksums: a damaged file is found now, not later
        except IndexError_ as e:
            problem = str(e).split(";")[0]
    if problem is None:
        pass
    elif args.no_build:
        raise IndexError_(f"{problem}; not serving it (run qa index, or drop --no-build)")
    elif not writable(settings.index_dir):
        raise IndexError_(f"{problem}; the index folder {settings.index_dir} is read-only, so it cannot be rebuilt (run qa index where it can write)")
    else:
        print(f"qa serve: {problem} ({_origin(args, 'index_dir')}); building the index before /ready",
              file=sys.stderr, flush=True)
    from qa.api.serving import uvicorn_options

    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                                           **uvicorn_options(settings)))
    _announce_when_ready(server, app, host, port)
    server.run()
    return 0


def _announce_when_ready(server, app, host: str, port: int) -> None:
    """"Serving on ..." once the port is open and the index loaded and the model warm (what
    /ready reports), so the address printed is one that answers."""
    import threading
    import time

    app.state.announced = threading.Event()  # /ready waits for it

    def wait():
        while not server.should_exit:
            if server.started and (app.state.engine is not None or app.state.load_error is not None):
                if app.state.engine is not None:
                    shown = f"[{host}]" if ":" in host else host
                    log.info("Serving on http://%s:%d (chat page: /, API docs: /docs)", shown, port)
                    app.state.announced.set()
                return
            time.sleep(0.05)

    threading.Thread(target=wait, name="qa-announce", daemon=True).start()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    from qa import __version__

    try:
        return version("msc-review-qa")
    except PackageNotFoundError:
        return __version__


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    _setup_logging("%(asctime)s %(message)s" if args.command == "serve" else "qa: %(message)s")
    if not sys.stderr.isatty():
        # The model library's own loading bar is noise in a log; our progress lines replace it.
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        return args.func(args)
    except CliError as e:
        print(f"qa {args.command}: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 - one clear line instead of a traceback
        from qa.index import IndexError_
        from qa.search import QueryError

        if isinstance(e, (IndexError_, QueryError, ValueError, FileNotFoundError)):
            print(f"qa {args.command}: error: {e}", file=sys.stderr)
            return EXIT_ERROR
        raise


if __name__ == "__main__":
    sys.exit(main())
