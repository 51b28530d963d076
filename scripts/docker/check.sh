#!/usr/bin/env bash
# Verifies the Dockerfile's steps where no Docker engine runs: the same build script into a
# fresh virtual environment, the same index command, the service started as an unprivileged
# user with the image's environment, and the image's HEALTHCHECK command run against it.
# Not verified here: the base image, the CPU wheel index of PyTorch, the COPY/USER layering.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d /tmp/qa-docker-check.XXXX)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$T"' EXIT
mkdir -p "$T/src" "$T/app"
cp -r "$ROOT/pyproject.toml" "$ROOT/README.md" "$ROOT/qa" "$T/src/"
mkdir -p "$T/src/scripts/docker" && cp "$ROOT/scripts/docker/build.sh" "$T/src/scripts/docker/"
cp -r "$ROOT/corpus" "$T/app/corpus"
find "$T/src" -name '__pycache__' -prune -exec rm -rf {} +
echo "== build.sh into a fresh venv"
# The image's python is world-readable (/usr/local/bin); here a pyenv python under /root is
# not, so the venv is made from the system python that an unprivileged user can run.
export PATH="/usr/bin:$PATH"
time sh "$T/src/scripts/docker/build.sh" "$T/venv" "$T/src" > "$T/build.log" 2>&1 || { tail -20 "$T/build.log"; exit 1; }
echo "== qa index (as the image build does)"
HF_HUB_OFFLINE=1 "$T/venv/bin/qa" index --corpus-dir "$T/app/corpus" --index-dir "$T/app/index"
echo "== venv size (the image adds the slim base, ~130 MB)"
du -sh "$T/venv" "$T/app"
id qa-check >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin qa-check
chmod -R a+rX "$T"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "== qa serve --no-build as an unprivileged user on port $PORT"
su -s /bin/sh qa-check -c "cd $T/app && env PATH=$T/venv/bin:/usr/bin:/bin HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
  QA_CORPUS_DIR=$T/app/corpus QA_INDEX_DIR=$T/app/index QA_HOST=127.0.0.1 QA_PORT=$PORT qa serve --no-build" &
SERVER=$!
HC=$(grep -o "import sys, urllib.request.*else 1)" "$ROOT/Dockerfile" | sed "s/8000/$PORT/")
for i in $(seq 1 120); do
  if "$T/venv/bin/python" -c "$HC" 2>/dev/null; then echo "HEALTHCHECK passed after ${i}s"; break; fi
  sleep 1
  [ "$i" = 120 ] && { echo "HEALTHCHECK never passed"; exit 1; }
done
curl -s -X POST "http://127.0.0.1:$PORT/search" -H 'content-type: application/json' \
  -d '{"query":"which cargo reduces VEGF in breast cancer?","k":3}' | python3 -c 'import json,sys; r=json.load(sys.stdin)["results"]; print("search ok:", [h["refs"] for h in r])'
echo "docker check: OK"
