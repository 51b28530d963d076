"""CLI output for people: wrapped to the terminal, table rows by column name, text cut at a
word with "…", ask -k, a missing table named, a mistyped --index-dir never silently built."""

from __future__ import annotations

import json

import pytest

from qa import cli_output
from qa.cli import main


@pytest.fixture
def dirs(built):
    settings, _ = built
    return ["--index-dir", str(settings.index_dir), "--corpus-dir", str(settings.corpus_dir)]


def test_shorten_cuts_at_a_word_and_marks_it():
    text = "Conversely, exosomal miR-16 has been reported to significantly reduce VEGF expression"
    assert cli_output.shorten(text, 200) == text
    cut = cli_output.shorten(text, 40)
    assert cut == "Conversely, exosomal miR-16 has been…"
    assert text.startswith(cut[:-1]) and len(cut) <= 41
    assert cli_output.shorten("a, b, c, d", 5) == "a, b…"


def test_output_fits_the_terminal(dirs, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["search", "which cargo reduces VEGF in breast cancer?", "-k", "5", *dirs]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 60
    # A table row is shown cell by cell, each with its column name.
    assert "Exosome content: miR-16" in out and "Cell line/condition: Breast cancer" in out
    assert "{" not in out


def test_search_for_a_table_that_does_not_exist(dirs, capsys):
    assert main(["search", "VEGF", "--table", "9", *dirs]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "there is no Table 9" in err and "1, 2" in err


def test_ask_k_lists_that_many_results(dirs, capsys):
    assert main(["ask", "which cargo reduces VEGF in breast cancer?", "-k", "2", *dirs]) == 0
    out = capsys.readouterr().out
    assert "[169]" in out and "Sources:" in out and "Cite the review as:" in out
    assert "  1. " in out and "  2. " in out and "  3. " not in out
    assert main(["ask", "which cargo reduces VEGF in breast cancer?", "-k", "3", "--json", *dirs]) == 0
    a = json.loads(capsys.readouterr().out)
    assert a["status"] == "answered" and len(a["results"]) == 3 and a["cite_as"]["bibtex"]
    assert main(["ask", "exosomes?", "-k", "0", *dirs]) == 2


def test_not_covered_gives_a_way_forward(dirs, capsys):
    assert main(["ask", "what does a commercial exosome isolation kit cost per sample?", *dirs]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The indexed documents do not cover this") and "Try rephrasing" in out and "  1. " in out


def test_cite_text_is_cut_at_words(dirs, capsys, monkeypatch):
    monkeypatch.setattr(cli_output, "QUOTE_CHARS", 60)
    assert main(["cite", "Exosomal miR-16 lowers VEGF in breast cancer cells.", *dirs]) == 0
    out = capsys.readouterr().out
    assert "[169]" in out and "References of the review to cite:" in out
    words = set(open(_review(), encoding="utf-8").read().replace("-\n", "").split())
    for line in out.splitlines():
        if "…" in line:
            last = line.split("…")[0].split()[-1].lstrip("“")
            assert last.rstrip(",;:") in words or last in words, line


def _review():
    from conftest import REVIEW

    return REVIEW


def test_mistyped_index_dir_is_refused_under_no_build(built, tmp_path, capsys):
    settings, _ = built
    typo = tmp_path / "indx"
    assert main(["search", "VEGF", "--index-dir", str(typo), "--corpus-dir", str(settings.corpus_dir), "--no-build"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no index at {typo} (from --index-dir)" in err and "--no-build" in err
    assert not typo.exists()


def test_mistyped_index_dir_is_announced_before_building(built, tmp_path, capsys, monkeypatch):
    from qa.engine import Engine

    def stop(*a, **kw):
        raise KeyboardInterrupt  # the build itself is test_index's business

    monkeypatch.setattr(Engine, "load", stop)
    settings, _ = built
    typo = tmp_path / "indx"
    assert main(["search", "VEGF", "--index-dir", str(typo), "--corpus-dir", str(settings.corpus_dir)]) == 130
    assert f"no index at {typo} (from --index-dir): building a new one" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.startswith("qa 0.")


def test_eval_without_a_file_scores_the_example_questions(dirs, capsys):
    assert main(["eval", "--json", *dirs]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["hybrid"]["recall@5"] >= 0.9
    assert report["hybrid"]["abstention"]["none"] >= 1


def test_cite_view_shows_verdicts_when_the_api_gives_them():
    """The /cite fields the claims work adds (verdict, reason, evidence, refs) are shown as
    they come; without them the supports are listed."""
    hit = {"quote": "Exosomal miR-16 reduced VEGF expression in breast cancer cells [169].", "refs": [169]}
    c = {"sentences": [
        {"text": "miR-16 raises VEGF.", "verdict": "contradicted", "reason": "direction: the draft says raises, "
         "the review says reduced [169]", "evidence": hit, "refs": [], "supports": [hit, hit]},
        {"text": "The moon is cheese.", "verdict": "not_found", "evidence": None, "refs": [], "supports": []},
        {"text": "miR-16 lowers VEGF.", "verdict": "supported", "evidence": hit, "refs": [169], "supports": [hit]},
    ], "refs": [169], "cite_as": {"text": "Hassanzadeh A, et al. A review. 2021.", "bibtex": "@article{x}"}}
    out = cli_output.cited(c)
    assert "miR-16 raises VEGF. [CONTRADICTED]" in out and "why: direction: the draft says raises" in out
    assert out.count("Exosomal miR-16 reduced VEGF") == 2  # the deciding evidence only, once per sentence
    assert "The moon is cheese. [not found]" in out and "(no supporting passage in the review)" in out
    assert "cite: [169]" in out and "References of the review to cite: [169]" in out


def test_answer_view_shows_the_spelling_suggestion():
    a = {"status": "not_found", "did_you_mean": "which cargo reduces VEGF?", "answer": "The review does not cover this.",
         "citations": [], "results": []}
    out = cli_output.answer(a)
    assert out.splitlines()[0] == "Did you mean: which cargo reduces VEGF?"
    assert out.splitlines()[1] == "The review does not cover this."
    a["answer"] = "No passage answers it."
    assert cli_output.answer(a).splitlines()[1] == "Not covered: No passage answers it."
