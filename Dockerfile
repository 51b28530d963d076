# syntax=docker/dockerfile:1
# CPU-only image of the review QA service, with the packaged model and the index built at
# image build time. Build: docker build -t msc-review-qa .   Run: docker run -p 8000:8000 msc-review-qa
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
# The CPU wheel index of PyTorch: PyPI's Linux torch wheels pull several GB of CUDA libraries.
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY qa ./qa
COPY scripts/docker/build.sh ./scripts/docker/build.sh
RUN TORCH_INDEX_URL="$TORCH_INDEX_URL" sh scripts/docker/build.sh /opt/venv /src
COPY corpus /app/corpus
RUN /opt/venv/bin/qa index --corpus-dir /app/corpus --index-dir /app/index

FROM ${PYTHON_IMAGE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 MALLOC_ARENA_MAX=2 \
    QA_CORPUS_DIR=/app/corpus QA_INDEX_DIR=/app/index QA_HOST=0.0.0.0 QA_PORT=8000
RUN useradd --system --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin qa
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER qa
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=2).status == 200 else 1)"]
# --no-build: the image's index was built with it; a damaged or foreign one is refused, not rebuilt.
CMD ["qa", "serve", "--no-build"]
