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


def test_batches_are_planned_by_length_and_bounded():
    from qa.embed import plan_batches

    lengths = [200] + [3] * 50 + [120, 7, 64]
    batches = plan_batches(lengths, max_texts=32, max_tokens=1024)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        longest = max(lengths[i] for i in b)
        assert len(b) <= 32 and (len(b) * longest <= 1024 or len(b) == 1)
    # The long text does not pad the short ones: they share batches only with each other.
    assert not [b for b in batches if 0 in b and any(lengths[i] == 3 for i in b)]
    for b in batches:  # padding is work: nobody padded far beyond its own length
        assert all(max(lengths[j] for j in b) <= 1.5 * lengths[i] + 8 for i in b), [lengths[i] for i in b]
    assert plan_batches([]) == []


@pytest.mark.parametrize("kind", ["torch", "onnx"])
def test_one_long_text_among_many_short_ones_embeds_as_each_alone(embedder, kind):
    """A draft of one long sentence and fifty one-word ones: vectors as if each were embedded
    alone (length-sorted batches, no padding to the longest), in input order; a text beyond
    the model's limit is truncated to it, not an error."""
    if kind == "onnx" and not OnnxQueryEmbedder.available():
        pytest.skip("onnx query encoder not installed")
    enc = embedder if kind == "torch" else OnnxQueryEmbedder()
    long = "Exosomes carry microRNAs between cells " * 120  # far beyond 256 word pieces
    texts = [long] + [f"word{i}." for i in range(50)] + ["HIF-1α and mTOR in BM-MSC exosomes"]
    together = enc.embed_batch(texts)
    alone = np.concatenate([enc.embed_batch([t]) for t in (texts[0], texts[7], texts[-1])])
    assert together.shape == (52, 384)
    assert np.allclose(together[[0, 7, 51]], alone, atol=2e-3)


def test_repeated_texts_are_embedded_once(embedder, monkeypatch):
    seen = []
    real = embedder._embed
    monkeypatch.setattr(embedder, "_embed", lambda texts: seen.append(len(texts)) or real(texts))
    v = embedder.embed_batch(["Yes."] * 500 + ["No."])
    assert seen == [2] and v.shape == (501, 384) and np.allclose(v[0], v[499])
