import numpy as np

from qa.index.dense import Dense, choose_kind


def vectors(n, dim=32, seed=0):
    """Unit vectors around 50 centres: neighbourhoods exist, as with real embeddings."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((50, dim)).astype(np.float32)
    x = centres[rng.integers(0, 50, n)] + 0.3 * rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_auto_is_exact_below_threshold_and_approximate_above():
    assert choose_kind("auto", 1_000, 50_000) == "flat"
    assert choose_kind("auto", 60_000, 50_000) == "ivf"
    assert choose_kind("hnsw", 10, 50_000) == "hnsw"


def test_exact_search_finds_itself_and_round_trips(tmp_path):
    x = vectors(500)
    d = Dense.build(x, "flat")
    scores, ids = d.search(x[42], 5)
    assert ids[0] == 42 and abs(scores[0] - 1.0) < 1e-5
    d.save(tmp_path / "d.faiss")
    again = Dense.load(tmp_path / "d.faiss", "flat")
    assert list(again.search(x[7], 3)[1]) == list(d.search(x[7], 3)[1])


def test_approximate_indexes_agree_with_exact(tmp_path):
    x = vectors(5000)
    exact = Dense.build(x, "flat")
    for kind in ("ivf", "hnsw"):
        approx = Dense.build(x, kind)
        assert approx.kind == kind
        hits = [len(set(approx.search(x[i], 10)[1]) & set(exact.search(x[i], 10)[1])) for i in range(0, 5000, 250)]
        assert np.mean(hits) / 10 > 0.8, kind
        approx.save(tmp_path / f"{kind}.faiss")
        assert Dense.load(tmp_path / f"{kind}.faiss", kind).search(x[3], 1)[1][0] == 3
