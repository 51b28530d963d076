import numpy as np
import pytest

from qa.embed import OnnxQueryEmbedder

TEXTS = ["which cargo reduces VEGF in breast cancer?", "Exosomes are 30–100 nm lipid bilayer vesicles.",
         "HIF-1α and mTOR in BM-MSC exosomes", ""]


def test_torch_vectors_are_unit_length(embedder):
    v = embedder.embed_batch(TEXTS[:3])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert embedder.embed_batch([]).shape == (0, embedder.dim)


@pytest.mark.skipif(not OnnxQueryEmbedder.available(), reason="onnx query encoder not installed")
def test_onnx_query_encoder_agrees_with_the_indexing_model(embedder):
    onnx = OnnxQueryEmbedder()
    a, b = onnx.embed_batch(TEXTS), embedder.embed_batch(TEXTS)
    assert a.shape == b.shape
    assert float((a * b).sum(axis=1).min()) > 0.99
    for t in TEXTS[:3]:
        assert onnx.count_tokens(t) == embedder.count_tokens(t)


def test_engine_uses_onnx_for_queries_only(engine):
    if OnnxQueryEmbedder.available():
        assert isinstance(engine.query_embedder, OnnxQueryEmbedder)
        assert engine.searcher.embedder is engine.query_embedder
    assert engine.embedder.name == engine.index.manifest["model"]["name"]
