"""The saved index: plain files and a manifest, written atomically, refused when stale.

Layout of the index folder:
  CURRENT            name of the live version folder (replaced atomically)
  <version>/         manifest.json, chunks.jsonl, documents.json, embeddings.npy,
                     dense.faiss, bm25/ (bm25s' json and npy files)
A build writes a new version folder beside the live one and then switches CURRENT by rename,
so a reader never sees a half-written index and a running server is not disturbed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from qa.config import Settings
from qa.index.dense import Dense, choose_kind
from qa.index.lexical import Lexical
from qa.types import Chunk, Document, Sentence, Span, TableInfo

FORMAT_VERSION = 2  # 2: BM25 statistics per document, reference lists in documents.json
PARSER_VERSION = "2026-11-28.58"  # bump when ingestion or chunking changes what chunks hold
FILES = ("chunks.jsonl", "documents.json", "embeddings.npy", "dense.faiss", "sentences.jsonl", "sentence_embeddings.npy")


class IndexError_(RuntimeError):
    """The index is missing, stale, foreign or damaged. The message says which and what to do."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def corpus_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise IndexError_(f"corpus folder {corpus_dir} does not exist")
    from qa.ingest import SUPPORTED

    files = sorted(p for p in corpus_dir.iterdir() if p.suffix.lower() in SUPPORTED and p.is_file())
    if not files:
        raise IndexError_(f"corpus folder {corpus_dir} holds no .txt or .pdf or .xml/.nxml file")
    return files


def expected_shape(settings: Settings, model_name: str, model_version: str) -> dict:
    """Everything that shapes the index; its hash is the index's fingerprint."""
    corpus = []
    for p in corpus_files(settings.corpus_dir):
        entry = {"name": p.name, "sha256": _sha256(p)}
        rec = p.with_suffix(".toml")
        if rec.exists():
            entry["record_sha256"] = _sha256(rec)
        corpus.append(entry)
    return {
        "format": FORMAT_VERSION,
        "parser": PARSER_VERSION,
        "corpus": corpus,
        "model": {"name": model_name, "version": model_version},
        "dense": {"faiss_index": settings.faiss_index, "ann_threshold": settings.ann_threshold},
        "chunking": {
            "chunk_tokens": settings.chunk_tokens,
            "chunk_overlap_tokens": settings.chunk_overlap_tokens,
            "model_max_tokens": settings.model_max_tokens,
        },
    }


def fingerprint(shape: dict) -> str:
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()


# --- (de)serialisation of core types -------------------------------------------------------

def chunk_to_json(c: Chunk) -> dict:
    d = asdict(c)
    d["span"] = [c.span.start, c.span.end]
    d["section"] = list(c.section)
    d["refs"] = list(c.refs)
    if c.table is not None:
        d["table"] = {
            "number": c.table.number,
            "title": c.table.title,
            "group": c.table.group,
            "columns": list(c.table.columns),
            "cells": [[k, v] for k, v in c.table.cells],
            "marked": [[k, v] for k, v in c.table.marked],
        }
    return d


def chunk_from_json(d: dict) -> Chunk:
    t = d.get("table")
    table = None
    if t:
        table = TableInfo(t["number"], t["title"], t["group"], tuple(t["columns"]), tuple((k, v) for k, v in t["cells"]),
                          tuple((k, v) for k, v in t.get("marked", [])))
    return Chunk(
        id=d["id"], doc_id=d["doc_id"], kind=d["kind"], text=d["text"], span=Span(*d["span"]),
        section=tuple(d["section"]), page=d["page"], refs=tuple(d["refs"]), table=table,
        n_tokens=d.get("n_tokens", 0),
    )


def document_to_json(doc: Document, chunks: list[Chunk]) -> dict:
    row_ids = {(c.table.number, c.span.start): c.id for c in chunks if c.table is not None and c.doc_id == doc.id}
    return {
        "id": doc.id, "title": doc.title, "path": doc.path, "meta": doc.meta, "text": doc.text,
        "glossary": doc.glossary,
        "references": [asdict(r) for r in doc.references],
        "headings": [b.text for b in doc.blocks if b.kind == "heading"],
        "warnings": list(doc.warnings),
        "tables": [
            {"number": t.number, "title": t.title, "columns": list(t.columns), "note": t.note,
             "rows": [row_ids.get((t.number, b.span.start)) for b in t.rows]}
            for t in doc.tables
        ],
    }


@dataclass
class Index:
    manifest: dict
    chunks: list[Chunk]
    index_texts: list[str]
    documents: dict[str, dict]
    embeddings: np.ndarray
    dense: Dense
    lexical: Lexical
    path: Path
    sentences: list[Sentence]
    sentence_vectors: np.ndarray

    @property
    def glossary(self) -> dict[str, str]:
        """All documents' abbreviations, the first document's reading kept on a clash (for
        display; search expands a query with each document's own glossary)."""
        out: dict[str, str] = {}
        for d in self.documents.values():
            for k, v in d.get("glossary", {}).items():
                out.setdefault(k, v)
        return out

    def glossaries(self) -> dict[str, dict[str, str]]:
        return {doc_id: d.get("glossary", {}) for doc_id, d in self.documents.items()}

    # --- writing ---------------------------------------------------------------------------
    def save(self, index_dir: Path) -> Path:
        index_dir.mkdir(parents=True, exist_ok=True)
        tmp = index_dir / f".tmp-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        try:
            with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
                for c, t in zip(self.chunks, self.index_texts):
                    f.write(json.dumps({**chunk_to_json(c), "index_text": t}, ensure_ascii=False) + "\n")
            (tmp / "documents.json").write_text(json.dumps(self.documents, ensure_ascii=False), encoding="utf-8")
            np.save(tmp / "embeddings.npy", self.embeddings, allow_pickle=False)
            with open(tmp / "sentences.jsonl", "w", encoding="utf-8") as f:
                for st in self.sentences:
                    f.write(json.dumps({"id": st.id, "doc_id": st.doc_id, "kind": st.kind,
                                        "span": [st.span.start, st.span.end], "refs": list(st.refs),
                                        "chunk_id": st.chunk_id}) + "\n")
            np.save(tmp / "sentence_embeddings.npy", self.sentence_vectors, allow_pickle=False)
            self.dense.save(tmp / "dense.faiss")
            self.lexical.save(tmp / "bm25")
            files = {}
            for p in sorted(tmp.rglob("*")):
                if p.is_file():
                    files[str(p.relative_to(tmp))] = {"sha256": _sha256(p), "bytes": p.stat().st_size}
            manifest = {**self.manifest, "files": files}
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
            for p in tmp.rglob("*"):
                if p.is_file():
                    with open(p, "rb") as f:
                        os.fsync(f.fileno())
            version = f"v-{manifest['fingerprint'][:12]}-{int(time.time() * 1000)}"
            final = index_dir / version
            os.replace(tmp, final)
            cur_tmp = index_dir / f".CURRENT.{uuid.uuid4().hex[:8]}"
            cur_tmp.write_text(version + "\n", encoding="utf-8")
            with open(cur_tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(cur_tmp, index_dir / "CURRENT")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.manifest = manifest
        self.path = final
        # Older versions are no longer pointed to; a server that loaded one holds it in memory.
        for old in index_dir.iterdir():
            if old.is_dir() and old.name.startswith("v-") and old.name != version:
                shutil.rmtree(old, ignore_errors=True)
        return final

    # --- reading ---------------------------------------------------------------------------
    @staticmethod
    def live_dir(index_dir: Path) -> Path:
        cur = index_dir / "CURRENT"
        if not cur.exists():
            raise IndexError_(f"no index in {index_dir} (run: qa index)")
        version = cur.read_text(encoding="utf-8").strip()
        path = index_dir / version
        if not version or "/" in version or not path.is_dir():
            raise IndexError_(f"index pointer {cur} names a missing version {version!r} (run: qa index --rebuild)")
        return path

    @staticmethod
    def read_manifest(index_dir: Path) -> dict:
        path = Index.live_dir(index_dir) / "manifest.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise IndexError_(f"index manifest {path} is unreadable ({e}); run: qa index --rebuild") from e

    @classmethod
    def load(cls, index_dir: Path, verify: bool = True) -> "Index":
        path = cls.live_dir(index_dir)
        manifest = cls.read_manifest(index_dir)
        if manifest.get("format") != FORMAT_VERSION:
            raise IndexError_(f"index in {path} has format {manifest.get('format')}, this program reads {FORMAT_VERSION}; run: qa index --rebuild")
        files = manifest.get("files", {})
        for name in FILES:
            if name not in files:
                raise IndexError_(f"index manifest lists no {name}; run: qa index --rebuild")
        if verify:
            # Every file in the version folder must be one the manifest vouches for.
            present = {str(p.relative_to(path)) for p in path.rglob("*") if p.is_file()} - {"manifest.json"}
            extra = sorted(present - set(files))
            if extra:
                raise IndexError_(f"index folder {path} holds a file its manifest does not list ({extra[0]}); run: qa index --rebuild")
            for name, meta in files.items():
                p = path / name
                if not p.is_file():
                    raise IndexError_(f"index file {p} is missing; run: qa index --rebuild")
                if p.stat().st_size != meta["bytes"] or _sha256(p) != meta["sha256"]:
                    raise IndexError_(f"index file {p} is damaged (size or checksum differs from the manifest); run: qa index --rebuild")
        try:
            chunks, texts = [], []
            with open(path / "chunks.jsonl", encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    texts.append(d.pop("index_text"))
                    chunks.append(chunk_from_json(d))
            documents = json.loads((path / "documents.json").read_text(encoding="utf-8"))
            embeddings = np.load(path / "embeddings.npy", allow_pickle=False)
            dense = Dense.load(path / "dense.faiss", manifest.get("faiss", "flat"))
            lexical = Lexical.load(path / "bm25")
            sents = []
            with open(path / "sentences.jsonl", encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    a, b = d["span"]
                    text = documents[d["doc_id"]]["text"][a:b]
                    sents.append(Sentence(d["id"], d["doc_id"], d["kind"], Span(a, b), text, tuple(d["refs"]), d["chunk_id"]))
            sentence_vectors = np.load(path / "sentence_embeddings.npy", allow_pickle=False)
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as e:
            raise IndexError_(f"index in {path} cannot be read ({e}); run: qa index --rebuild") from e
        if not (len(chunks) == len(embeddings) == dense.size):
            raise IndexError_(f"index in {path} is inconsistent ({len(chunks)} chunks, {len(embeddings)} vectors, {dense.size} in FAISS); run: qa index --rebuild")
        if len(sents) != len(sentence_vectors):
            raise IndexError_(f"index in {path} is inconsistent ({len(sents)} sentences, {len(sentence_vectors)} sentence vectors); run: qa index --rebuild")
        return cls(manifest, chunks, texts, documents, embeddings, dense, lexical, path, sents, sentence_vectors)
