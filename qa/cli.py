"""qa: index, search, ask, cite, eval and serve from the command line.

Heavy modules (torch, FAISS, the model) are imported inside the commands that need them, so
`qa --help` answers at once. Errors print one line to stderr and exit non-zero."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_USAGE = 2
EXIT_ERROR = 1


class CliError(Exception):
    pass


def _settings(args):
    from qa.config import Settings

    kw = {}
    if getattr(args, "index_dir", None):
        kw["index_dir"] = Path(args.index_dir)
    if getattr(args, "corpus_dir", None):
        kw["corpus_dir"] = Path(args.corpus_dir)
    return Settings(**kw)


def _engine(args, build: bool = True, rebuild: bool = False):
    from qa.engine import Engine

    return Engine(_settings(args)).load(build=build, rebuild=rebuild, progress=sys.stderr.isatty())


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

    t0 = time.perf_counter()
    eng = _engine(args, rebuild=args.rebuild)
    m = eng.index.manifest
    out = {"status": eng.index_state, "path": str(eng.index.path), "seconds": round(time.perf_counter() - t0, 2), **m["counts"]}
    if eng.index_state == "unchanged":
        out["reused"], out["embedded"] = out["reused"] + out["embedded"], 0
    if args.json:
        print(json.dumps(out))
    else:
        print(f"index {out['status']}: {out['chunks']} chunks ({out['by_kind']}) from {out['documents']} document(s) "
              f"in {out['path']} [{out['seconds']} s, {out['embedded']} embedded, {out['reused']} reused]")
    return 0


def cmd_search(args) -> int:
    from qa.search import KINDS

    if not args.query.strip():
        raise CliError("query is empty")
    if not 1 <= args.k <= 50:
        raise CliError("k must be between 1 and 50")
    kinds = args.kind or None
    for k in kinds or []:
        if k not in KINDS:
            raise CliError(f"unknown kind {k!r}; use one of {', '.join(KINDS)}")
    eng = _engine(args)
    hits = eng.searcher.search(args.query, k=args.k, kinds=kinds, table=args.table, section=args.section, mode=args.mode)
    if args.json:
        for h in hits:
            print(json.dumps(hit_json(h), ensure_ascii=False))
        return 0
    if not hits:
        print("no results")
    for h in hits:
        c = h.chunk
        where = f"Table {c.table.number}" + (f" / {c.table.group}" if c.table.group else "") if c.table else " / ".join(c.section)
        refs = ", ".join(map(str, c.refs))
        print(f"{h.rank:>2}. [{h.score:.3f}] {c.kind} | {where} | p.{c.page} | refs [{refs}]")
        print(f"    {c.text[:300]}{'…' if len(c.text) > 300 else ''}")
    return 0


def cmd_eval(args) -> int:
    from qa.evaluate import ANSWER_WINDOW, Result, anchor_runner, load_gold, score

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
        epilog="examples:\n  qa index\n  qa search \"which cargo reduces VEGF in breast cancer\"\n  qa eval ../shared/eval/dev.jsonl --json",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, example: str, func, *positional: str):
        """A subcommand with its example, the shared options and its positional arguments."""
        sp = sub.add_parser(name, help=help, epilog=f"example:\n  {example}",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.add_argument("--index-dir", help="index folder (default: $QA_INDEX_DIR or ./index)")
        sp.add_argument("--corpus-dir", help="corpus folder (default: $QA_CORPUS_DIR or ./corpus)")
        sp.add_argument("--json", action="store_true", help="print JSON (one object per line)")
        for arg in positional:
            sp.add_argument(arg)
        sp.set_defaults(func=func)
        return sp

    sp = command("index", "build the index (skipped when the corpus is unchanged)", "qa index --rebuild --json", cmd_index)
    sp.add_argument("--rebuild", action="store_true", help="rebuild even if the index is fresh")

    sp = command("search", "hybrid search; prints ranked passages and table rows",
                 'qa search "bone marrow MSC exosomes in spinal cord injury" -k 5 --kind table_row', cmd_search, "query")
    sp.add_argument("-k", type=int, default=10, help="results to return (1-50, default 10)")
    sp.add_argument("--kind", action="append", help="only this kind: passage, table_row, caption (repeatable)")
    sp.add_argument("--table", type=int, help="only rows of this table number")
    sp.add_argument("--section", help="only chunks whose section contains this text")
    sp.add_argument("--mode", choices=("hybrid", "bm25", "dense"), default="hybrid")

    sp = command("eval", "score retrieval on a gold .jsonl file (hybrid, bm25, dense, anchor)",
                 "qa eval questions.jsonl --keys answer_keys.jsonl --json", cmd_eval, "file")
    sp.add_argument("--keys", help="answer keys (.jsonl): also score /ask answers (complete, key coverage, refs, abstention)")
    sp.add_argument("--details", help="write one JSON line per scored answer to this file")
    command("ask", "an extractive, cited answer (or 'not covered by the review')",
            'qa ask "which cargo reduces VEGF in breast cancer?"', cmd_ask, "question")
    command("cite", "supporting sentences and reference numbers for a drafted sentence",
            'qa cite "Exosomal miR-16 lowers VEGF in breast cancer cells."', cmd_cite, "text")
    sp = command("serve", "start the HTTP service (index and model load at start-up)",
                 "qa serve --host 127.0.0.1 --port 8000", cmd_serve)
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


def cmd_ask(args) -> int:
    q = _text_arg(args.question, "question", 1000)
    eng = _engine(args)
    a = eng.answerer.ask(q)
    if args.json:
        print(json.dumps({"question": q, "status": a.status, "answer": a.text,
                          "citations": [{"refs": list(c.refs), "hit_id": c.hit_id, "quote": c.quote} for c in a.citations],
                          "results": [hit_json(h) for h in a.hits]}, ensure_ascii=False))
        return 0
    print(("" if a.status == "answered" else "[not covered] ") + a.text)
    return 0


def cmd_cite(args) -> int:
    text = _text_arg(args.text, "text", 5000)
    eng = _engine(args)
    out = eng.answerer.cite(text)
    if args.json:
        for piece, span, supports in out:
            print(json.dumps({"text": piece, "span": [span.start, span.end],
                              "supports": [{"quote": st.text, "refs": list(st.refs), "score": sc, "chunk": st.chunk_id}
                                           for st, sc in supports]}, ensure_ascii=False))
        return 0
    for piece, _, supports in out:
        print(f"» {piece}")
        if not supports:
            print("   (no supporting passage in the review)")
        for st, sc in supports:
            print(f"   [{', '.join(map(str, st.refs))}] ({sc:.2f}) {st.text[:200]}")
    return 0


def cmd_serve(args) -> int:
    import uvicorn

    from qa.api import create_app

    from qa.embed import SentenceTransformerEmbedder
    from qa.index import Index, IndexError_, corpus_files
    from qa.index.build import explain

    settings = _settings(args)
    host = args.host or settings.host
    port = args.port or settings.port
    if not 0 < port < 65536:
        raise CliError("port must be between 1 and 65535")
    # Pre-flight, before the port opens: a service that cannot have an index does not start.
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
    else:
        print(f"qa serve: {problem}; building the index before /ready", file=sys.stderr, flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
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
