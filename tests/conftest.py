"""Shared fixtures: the real review, and one index built with the real packaged model into a
temporary folder (every path setting points there; nothing touches the network)."""

from __future__ import annotations

import os
import shutil
import zlib
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# Tests write nothing into the repository: hypothesis keeps its examples in a temporary folder.
try:
    import tempfile

    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "qa-tests-hypothesis")
except ImportError:
    pass

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REVIEW = CORPUS / "hassanzadeh-2021-msc-exosomes.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


@pytest.fixture(scope="session")
def review():
    from qa.ingest import load

    return load(REVIEW)


@pytest.fixture(scope="session")
def embedder():
    from qa.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def built(tmp_path_factory, embedder):
    """(settings, engine) over an index of the real corpus built once for the session."""
    from qa.config import Settings
    from qa.engine import Engine

    root = tmp_path_factory.mktemp("qa")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    return settings, Engine(settings, embedder).load()


def jats_ref(n: int, author: str, year: int, title: str, journal: str = "Age Ageing") -> str:
    """One numbered JATS reference-list entry for a test article ("B<n>", Vancouver style)."""
    return (f'<ref id="B{n}"><mixed-citation>{author} A, Other B. {title}. {journal}. {year};{n}:1-9.'
            f'</mixed-citation></ref>')


def engine_for_text(tmp_path_factory, embedder, doc_id: str, text: str, title: str, suffix: str = ".txt"):
    """An engine over one small document written for a test (the real model embeds it);
    suffix ".nxml" for a JATS article."""
    from qa.config import Settings
    from qa.engine import Engine

    root = tmp_path_factory.mktemp(doc_id)
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / f"{doc_id}{suffix}").write_text(text, encoding="utf-8")
    (corpus / f"{doc_id}.toml").write_text(f'id = "{doc_id}"\ntitle = "{title}"\n')
    return Engine(Settings(corpus_dir=corpus, index_dir=root / "index"), embedder).load()


@pytest.fixture(scope="session")
def engine(built):
    return built[1]


class FakeEmbedder:
    """Deterministic, fast vectors from word hashes: for index mechanics, not for quality."""

    name = "fake-embedder"
    dim = 32

    def __init__(self):
        self.calls = 0
        self.texts = 0

    def version(self):
        return "1"

    def embed_batch(self, texts):
        self.calls += 1
        self.texts += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                # (crc32, not hash(): str hashes differ from one process to the next)
                out[i, zlib.crc32(w.encode()) % self.dim] += 1.0
            n = np.linalg.norm(out[i])
            out[i] = out[i] / n if n else out[i]
        return out


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture
def small_corpus(tmp_path):
    """A copy of the real review in a fresh corpus folder, with its own index folder."""
    from qa.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REVIEW, corpus / REVIEW.name)
    shutil.copy(REVIEW.with_suffix(".toml"), corpus / REVIEW.with_suffix(".toml").name)
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
