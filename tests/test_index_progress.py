"""Index builds report progress as log lines when output is not a terminal (CI, a service's
log), and sum up in words."""

import logging
import re

from qa.index.build import ensure, summary


def test_progress_lines_off_a_terminal(small_corpus, fake_embedder, caplog):
    with caplog.at_level(logging.INFO, logger="qa.index"):
        idx, state = ensure(small_corpus, fake_embedder, progress=True)
    lines = [r.getMessage() for r in caplog.records if r.name == "qa.index"]
    n_chunks, n_sents = len(idx.chunks), len(idx.sentences)
    chunk_lines = [line for line in lines if line.startswith("embedding chunks ")]
    assert chunk_lines[-1] == f"embedding chunks {n_chunks}/{n_chunks}"
    assert 3 <= len(chunk_lines) <= 12  # steady, not one per batch of a huge corpus nor a single line
    counts = [int(re.search(r"(\d+)/", line).group(1)) for line in chunk_lines]
    assert counts == sorted(counts)
    assert f"embedding sentences {n_sents}/{n_sents}" in lines
    assert any(line.startswith("read 1 document:") for line in lines)


def test_no_progress_unless_asked(small_corpus, fake_embedder, caplog):
    with caplog.at_level(logging.INFO, logger="qa.index"):
        ensure(small_corpus, fake_embedder)
    assert not [r for r in caplog.records if r.name == "qa.index"]


def test_summary_in_words(small_corpus, fake_embedder):
    idx, state = ensure(small_corpus, fake_embedder)
    text = summary(idx, state, 15.24)
    c = idx.manifest["counts"]
    assert text.startswith(f"{c['chunks']} chunks ({c['by_kind']['passage']} passages, ")
    assert f"from 1 document, {c['sentences']} sentences; {c['embedded']} embedded, 0 reused" in text
    assert f"index {idx.path.name} built in 15.2 s" in text and "{" not in text
    idx, state = ensure(small_corpus, fake_embedder)
    assert f"0 embedded, {c['embedded']} reused" in summary(idx, state, 0.5) and "unchanged" in summary(idx, state, 0.5)
