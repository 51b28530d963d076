"""Settings sources: flags over QA_* variables over a qa.toml (found upward from the current
folder, paths relative to the file) over the defaults; and errors that say where `qa` looked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa import config_file
from qa.cli import main
from qa.config import Settings


@pytest.fixture
def nowhere(tmp_path, monkeypatch):
    """A tree with no qa.toml anywhere, and no source-tree fallback."""
    monkeypatch.delenv("QA_CONFIG", raising=False)
    for name in ("QA_CORPUS_DIR", "QA_INDEX_DIR", "QA_EVAL_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(config_file, "SOURCE_ROOT", tmp_path / "no-source-tree")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    return tmp_path


def test_toml_found_upward_with_paths_relative_to_it(nowhere):
    (nowhere / "a" / config_file.NAME).write_text('corpus_dir = "docs"\nindex_dir = "/abs/index"\nfusion_weight = 0.4\n')
    s = Settings()
    assert s.corpus_dir == nowhere / "a" / "docs"
    assert s.index_dir == Path("/abs/index")
    assert s.fusion_weight == 0.4


def test_variables_beat_the_toml_and_flags_beat_both(nowhere, monkeypatch):
    (nowhere / config_file.NAME).write_text('corpus_dir = "docs"\nindex_dir = "idx"\n')
    monkeypatch.setenv("QA_INDEX_DIR", "/from/env")
    s = Settings()
    assert s.index_dir == Path("/from/env") and s.corpus_dir == nowhere / "docs"
    assert Settings(index_dir=Path("/from/flag")).index_dir == Path("/from/flag")


def test_source_tree_toml_is_the_fallback(nowhere, monkeypatch):
    src = nowhere / "src"
    src.mkdir()
    (src / config_file.NAME).write_text('corpus_dir = "corpus"\n')
    monkeypatch.setattr(config_file, "SOURCE_ROOT", src)
    assert Settings().corpus_dir == src / "corpus"


def test_the_repository_toml_points_at_its_corpus_and_index():
    root = Path(__file__).resolve().parent.parent
    s = config_file.read(root / config_file.NAME, Settings.model_fields)
    assert s["corpus_dir"] == root / "corpus" and s["corpus_dir"].is_dir()
    assert s["index_dir"] == root / "index"
    assert s["eval_file"].is_file()


def test_unknown_key_and_bad_toml_name_the_file(nowhere, capsys):
    toml = nowhere / config_file.NAME
    toml.write_text('index = "x"\n')
    with pytest.raises(ValueError, match=r"qa\.toml: unknown setting 'index'"):
        Settings()
    toml.write_text('index_dir = \n')
    assert main(["search", "exosomes"]) == 1
    err = capsys.readouterr().err
    assert "not valid TOML" in err and str(toml) in err and err.count("\n") == 1


def test_missing_corpus_says_where_it_looked(nowhere, capsys):
    assert main(["search", "exosomes"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "corpus folder corpus" in err and "does not exist" in err
    assert f"no qa.toml in {nowhere / 'a' / 'b'}, {nowhere / 'a'}" in err
    assert "--corpus-dir" in err


def test_missing_corpus_from_a_flag_says_so(nowhere, capsys):
    assert main(["ask", "exosomes?", "--corpus-dir", str(nowhere / "typo")]) == 1
    assert "(from --corpus-dir)" in capsys.readouterr().err


def test_qa_config_names_the_file(nowhere, monkeypatch):
    other = nowhere / "elsewhere.toml"
    other.write_text('index_dir = "i"\n')
    monkeypatch.setenv("QA_CONFIG", str(other))
    assert Settings().index_dir == nowhere / "i"
    monkeypatch.setenv("QA_CONFIG", str(nowhere / "missing.toml"))
    with pytest.raises(ValueError, match="no such file"):
        Settings()


def test_qa_config_command_says_where_each_path_comes_from(nowhere, monkeypatch, capsys):
    (nowhere / "a" / config_file.NAME).write_text('corpus_dir = "docs"\n')
    monkeypatch.setenv("QA_EVAL_FILE", str(nowhere / "q.jsonl"))
    assert main(["config", "--index-dir", str(nowhere / "idx")]) == 0
    out = capsys.readouterr().out
    assert f"config file: {nowhere / 'a' / config_file.NAME}" in out
    assert f"corpus_dir: {nowhere / 'a' / 'docs'} (from {nowhere / 'a' / config_file.NAME}, does not exist)" in out
    assert f"index_dir: {nowhere / 'idx'} (from --index-dir, does not exist)" in out
    assert "eval_file: " in out and "(from $QA_EVAL_FILE" in out
    assert main(["config", "--json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert j["settings"]["corpus_dir"] == str(nowhere / "a" / "docs") and j["settings"]["max_k"] == 50


def test_a_toml_without_the_key_is_not_named_as_its_source(nowhere, capsys):
    (nowhere / config_file.NAME).write_text('fusion_weight = 0.5\n')
    assert main(["search", "exosomes"]) == 1
    err = capsys.readouterr().err
    assert f"the default; {nowhere / config_file.NAME} does not set corpus_dir" in err


def test_qa_runs_from_any_folder(built, tmp_path):
    """A real `qa` process started outside the repository finds the repository's qa.toml (the
    editable install's source tree) and searches; QA_INDEX_DIR still wins over the file."""
    import os
    import subprocess
    import sys

    settings, _ = built
    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}

    def qa(*args, **extra):
        return subprocess.run([sys.executable, "-m", "qa.cli", *args], cwd=tmp_path, env={**env, **extra},
                              capture_output=True, text=True, timeout=120)

    p = qa("config", "--json")
    assert p.returncode == 0, p.stderr
    j = json.loads(p.stdout)
    assert j["config_file"] == str(root / "qa.toml") and j["settings"]["corpus_dir"] == str(root / "corpus")
    p = qa("search", "miR-16 VEGF breast cancer", "-k", "2", "--json", "--no-build", QA_INDEX_DIR=str(settings.index_dir))
    assert p.returncode == 0, p.stderr
    assert any(169 in json.loads(line)["refs"] for line in p.stdout.splitlines())
