"""CLI behaviour: help is instant, bad input exits non-zero with one clear line."""

import json
import os
import subprocess
import sys

import pytest

from qa.cli import main


def run_cli(args, env_extra=None, timeout=300):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "qa.cli", *args], capture_output=True, text=True, env=env, timeout=timeout)


def test_help_is_fast_and_lists_commands():
    p = run_cli(["--help"], timeout=20)
    assert p.returncode == 0
    for cmd in ("index", "search", "eval"):
        assert cmd in p.stdout
    for cmd in ("index", "search", "eval"):
        q = run_cli([cmd, "--help"], timeout=20)
        assert q.returncode == 0 and "example" in q.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", "   "], "query is empty"),
        (["search", "exosomes", "-k", "0"], "k must be between 1 and 50"),
        (["search", "exosomes", "-k", "51"], "k must be between 1 and 50"),
        (["search", "exosomes", "--kind", "figure"], "unknown kind"),
        (["eval", "/no/such/file.jsonl"], "no such file"),
    ],
)
def test_bad_input_exits_non_zero_with_message(args, message, capsys):
    code = main(args)
    err = capsys.readouterr().err
    assert code != 0
    assert message in err and err.count("\n") == 1


def test_bad_gold_file(tmp_path, capsys):
    f = tmp_path / "gold.jsonl"
    f.write_text('{"id": "x", "question": "q"}\n')
    assert main(["eval", str(f)]) != 0
    assert "missing field 'type'" in capsys.readouterr().err


def test_missing_corpus_is_an_error(tmp_path, capsys):
    code = main(["search", "exosomes", "--corpus-dir", str(tmp_path / "none"), "--index-dir", str(tmp_path / "i")])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err


def test_search_json_output(built, capsys):
    settings, _ = built
    code = main(["search", "miR-16 VEGF breast cancer", "-k", "3", "--json",
                 "--index-dir", str(settings.index_dir), "--corpus-dir", str(settings.corpus_dir)])
    assert code == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 3 and lines[0]["rank"] == 1
    assert {"id", "kind", "score", "text", "section", "refs", "span", "page", "table"} <= set(lines[0])


def test_evaluating_another_corpus_leaves_the_service_index_alone(tmp_path):
    from pathlib import Path

    corpus = tmp_path / "other"
    corpus.mkdir()
    (corpus / "mini.nxml").write_bytes((Path(__file__).parent / "data" / "mini-jats.nxml").read_bytes())
    tables = tmp_path / "tables.json"
    tables.write_text(json.dumps({"tables": [{"doc": "mini", "number": 1, "rows": [
        {"row": 1, "cells": {"System": "Cus", "Gene": "cusA", "Where": "inner membrane", "Ref": [1]}}]}]}))
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "m1", "doc": "mini", "question": "Which gene of the Cop system exports copper?",
                                     "type": "table", "evidence": ["copA"], "keys": [["copA"]], "refs": [2],
                                     "table_rows": []}) + "\n")
    service_index = tmp_path / "service-index"
    env = {"QA_INDEX_DIR": str(service_index), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    p = run_cli(["eval", "--corpus-dir", str(corpus), "--tables", str(tables), str(questions)], env)
    assert p.returncode == 0, p.stderr
    assert "mini (jats): tables 1/1" in p.stdout
    assert not service_index.exists()  # the service's index was neither built nor replaced
    assert list((tmp_path / "tmp").glob("qa-eval-index-*/CURRENT"))


def test_a_malformed_tables_file_is_one_line_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "t.json"
    bad.write_text("[1, 2]")
    q = tmp_path / "q.jsonl"
    q.write_text("")
    code = main(["eval", "--corpus-dir", str(tmp_path), "--index-dir", str(tmp_path / "i"), "--tables", str(bad), str(q)])
    err = capsys.readouterr().err
    assert code != 0 and 'expected {"tables"' in err and "Traceback" not in err
