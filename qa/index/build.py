"""ensure(settings, embedder) -> Index: load the live index if it matches the corpus and
settings, else build it (re-using the vectors of chunks whose text did not change)."""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from pathlib import Path

import numpy as np

from qa.chunk import chunk, index_text
from qa.config import Settings
from qa.embed import Embedder
from qa.index import Index, IndexError_, corpus_files, document_to_json, expected_shape, fingerprint
from qa.index.folder import build_lock, cleanup_stale
from qa.index.dense import Dense, choose_kind
from qa.index.lexical import Lexical
from qa.ingest import load
from qa.quotes import split_document

log = logging.getLogger("qa.index")


def status(settings: Settings, embedder: Embedder) -> tuple[str, dict]:
    """('fresh' | 'stale' | 'missing' | 'damaged', expected shape)."""
    shape = expected_shape(settings, embedder.name, _version(embedder))
    try:
        manifest = Index.read_manifest(settings.index_dir)
    except IndexError_ as e:
        return ("missing" if "no index" in str(e) else "damaged"), shape
    # Judge by what the manifest says it holds, not by its stored fingerprint alone: an
    # edited or foreign manifest is caught either way.
    held = {k: manifest.get(k) for k in shape}
    if fingerprint(held) != manifest.get("fingerprint"):
        return "damaged", shape
    return ("fresh" if fingerprint(held) == fingerprint(shape) else "stale"), shape


def explain(settings: Settings, embedder: Embedder) -> str | None:
    """None when the live index is fresh, else one line saying what is wrong with it."""
    state, shape = status(settings, embedder)
    if state == "fresh":
        return None
    if state == "missing":
        return f"no index in {settings.index_dir}"
    try:
        m = Index.read_manifest(settings.index_dir)
    except IndexError_ as e:
        return str(e)
    if m.get("model") != shape["model"]:
        return f"index was built with model {m.get('model')} but the service uses {shape['model']}"
    old = {c["name"]: c for c in m.get("corpus", [])}
    new = {c["name"]: c for c in shape["corpus"]}
    gone = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    changed = sorted(n for n in set(old) & set(new) if old[n] != new[n])
    if gone or added or changed:
        parts = [f"{label}: {', '.join(names)}" for label, names in (("missing", gone), ("new", added), ("changed", changed)) if names]
        return "corpus differs from the index (" + "; ".join(parts) + ")"
    if state == "damaged":
        return f"index manifest in {settings.index_dir} does not match its own fingerprint (edited or damaged)"
    return "index was built with other settings or by another version of this program"


def _version(embedder: Embedder) -> str:
    v = getattr(embedder, "version", None)
    return v() if callable(v) else "unknown"


def _vector_key(model: dict, text: str, prefix: str = "") -> str:
    """A vector is reused only for the same text embedded by the same model (name and version)."""
    return f"{model.get('name')}@{model.get('version')}:{prefix}{hashlib.sha1(text.encode()).hexdigest()}"


def _previous_vectors(settings: Settings) -> dict[str, np.ndarray]:
    """Vectors of the live index by (model, hash of the text they embed), to skip re-embedding."""
    try:
        old = Index.load(settings.index_dir)
    except IndexError_:
        return {}
    model = old.manifest.get("model") or {}
    out = {_vector_key(model, t): old.embeddings[i] for i, t in enumerate(old.index_texts)}
    for st, v in zip(old.sentences, old.sentence_vectors):
        out[_vector_key(model, st.text, "s:")] = v
    return out


def build(settings: Settings, embedder: Embedder, progress: bool = False) -> Index:
    """Builds and saves the index, holding the index folder's lock: one build at a time."""
    with build_lock(settings.index_dir):
        cleanup_stale(settings.index_dir)
        return _build(settings, embedder, progress)


def _build(settings: Settings, embedder: Embedder, progress: bool = False) -> Index:
    t0 = time.perf_counter()
    shape = expected_shape(settings, embedder.name, _version(embedder))
    files = corpus_files(settings.corpus_dir)
    fits = getattr(embedder, "fits", None)
    docs, chunks = [], []
    seen_ids: set[str] = set()
    for path in files:
        try:
            doc = load(path)
        except ValueError as e:
            raise IndexError_(str(e)) from e
        if doc.id in seen_ids:
            raise IndexError_(f"two corpus files share the document id {doc.id!r}; give one a record with another id")
        seen_ids.add(doc.id)
        docs.append(doc)
        chunks.extend(chunk(doc, settings, fits=fits))
    # Each chunk is expanded with its own document's glossary: one document's "LF" never
    # rewrites another's.
    glossaries = {d.id: d.glossary for d in docs}
    titles = {d.id: d.title or "" for d in docs}
    texts = [index_text(c, glossaries.get(c.doc_id, {}), titles.get(c.doc_id, "")) for c in chunks]

    cache = _previous_vectors(settings)
    keys = [_vector_key(shape["model"], t) for t in texts]
    todo = [i for i, k in enumerate(keys) if k not in cache]
    if progress:
        log.info("read %d %s: %d chunks, %d to embed (%d reused)", len(docs), _plural("document", len(docs)),
                 len(chunks), len(todo), len(chunks) - len(todo))
    dim = getattr(embedder, "dim", 384)
    vectors = np.zeros((len(texts), dim), dtype=np.float32)
    if todo:
        fresh = _embed(embedder, [texts[i] for i in todo], progress, "chunks")
        dim = fresh.shape[1]
        if vectors.shape[1] != dim:
            vectors = np.zeros((len(texts), dim), dtype=np.float32)
        for j, i in enumerate(todo):
            vectors[i] = fresh[j]
    for i, k in enumerate(keys):
        if k in cache and cache[k].shape[0] == vectors.shape[1]:
            vectors[i] = cache[k]
    sents = []
    for d in docs:
        sents.extend(split_document(d, chunks, start_id=len(sents)))
    s_keys = [_vector_key(shape["model"], st.text, "s:") for st in sents]
    s_todo = [i for i, k in enumerate(s_keys) if k not in cache]
    s_vectors = np.zeros((len(sents), vectors.shape[1]), dtype=np.float32)
    if s_todo:
        fresh = _embed(embedder, [sents[i].text for i in s_todo], progress, "sentences")
        for j, i in enumerate(s_todo):
            s_vectors[i] = fresh[j]
    for i, k in enumerate(s_keys):
        if k in cache and cache[k].shape[0] == s_vectors.shape[1]:
            s_vectors[i] = cache[k]
    if progress:
        log.info("building the BM25 and FAISS indexes")
    kind = choose_kind(settings.faiss_index, len(chunks), settings.ann_threshold)
    dense = Dense.build(vectors, kind)
    lexical = Lexical.build(texts, [c.doc_id for c in chunks])
    manifest = {
        **shape,
        "fingerprint": fingerprint(shape),
        "faiss": dense.kind,
        "counts": {
            "documents": len(docs),
            "chunks": len(chunks),
            "by_kind": {k: sum(c.kind == k for c in chunks) for k in ("passage", "table_row", "caption")},
            "sentences": len(sents),
            "embedded": len(todo) + len(s_todo),
            "reused": len(chunks) - len(todo) + len(sents) - len(s_todo),
        },
        "warnings": [w for d in docs for w in d.warnings],
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "build_seconds": round(time.perf_counter() - t0, 3),
    }
    documents = {d.id: document_to_json(d, chunks) for d in docs}
    index = Index(manifest, chunks, texts, documents, vectors, dense, lexical, Path(), sents, s_vectors)
    index.save(settings.index_dir)
    return index


def _embed(embedder: Embedder, texts: list[str], progress: bool, what: str = "texts") -> np.ndarray:
    """Vectors of texts; with progress, a bar on a terminal and log lines elsewhere (CI, a
    service's log), where a bar would print nothing useful until it ends."""
    if not progress:
        return embedder.embed_batch(texts)
    batch = getattr(embedder, "batch_size", 32)
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(texts), desc=f"embedding {what}", unit=what[:-1] if what.endswith("s") else what)
    # About ten lines per stage however large the corpus, each at a batch boundary.
    every = max(batch, -(-len(texts) // 10 // batch) * batch)
    out = []
    try:
        for i in range(0, len(texts), batch):
            out.append(embedder.embed_batch(texts[i : i + batch]))
            done = min(i + batch, len(texts))
            if bar is not None:
                bar.update(done - i)
            elif done % every == 0 or done == len(texts):
                log.info("embedding %s %d/%d", what, done, len(texts))
    finally:
        if bar is not None:
            bar.close()
    return np.concatenate(out) if out else np.zeros((0, getattr(embedder, "dim", 384)), dtype=np.float32)


def summary(index: Index, state: str, seconds: float) -> str:
    """What a build did, in words: "276 chunks (...) from 1 document, 322 sentences; 598
    embedded, 0 reused; index v-... built in 15.2 s"."""
    c = index.manifest["counts"]
    kinds = ", ".join(f"{n} {_plural(k.replace('_', ' '), n)}" for k, n in c["by_kind"].items() if n)
    embedded, reused = (0, c["embedded"] + c["reused"]) if state == "unchanged" else (c["embedded"], c["reused"])
    verb = {"unchanged": "unchanged, checked", "built": "built", "rebuilt": "rebuilt"}.get(state, state)
    docs = c["documents"]
    return (f"{c['chunks']} chunks ({kinds}) from {docs} {_plural('document', docs)}, {c.get('sentences', 0)} sentences; "
            f"{embedded} embedded, {reused} reused; index {index.path.name} {verb} in {seconds:.1f} s ({index.path.parent})")


def _plural(word: str, n: int) -> str:
    return word if n == 1 else word + "s"


def ensure(settings: Settings, embedder: Embedder, rebuild: bool = False, progress: bool = False) -> tuple[Index, str]:
    """The live index, built first if missing, stale or damaged (or if rebuild is asked)."""
    state, _ = status(settings, embedder)
    if state == "fresh" and not rebuild:
        try:
            return Index.load(settings.index_dir), "unchanged"
        except IndexError_:
            state = "damaged"
    return build(settings, embedder, progress=progress), ("rebuilt" if state != "missing" else "built")
