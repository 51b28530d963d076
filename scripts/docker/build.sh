#!/bin/sh
# Installs the service into a fresh virtual environment. The Dockerfile runs this script, and
# scripts/docker/check.sh runs the same script outside Docker to verify it.
#   sh scripts/docker/build.sh VENV SRC
# TORCH_INDEX_URL, when set, is where the CPU build of torch comes from (inside Docker);
# unset, pip resolves torch==2.13.0 as configured on the machine.
set -eu
VENV="$1"
SRC="$2"
python3 -m venv "$VENV"
PIP="$VENV/bin/pip"
if [ -n "${TORCH_INDEX_URL:-}" ]; then
  "$PIP" install --no-cache-dir --index-url "$TORCH_INDEX_URL" torch==2.13.0
else
  "$PIP" install --no-cache-dir torch==2.13.0
fi
"$PIP" install --no-cache-dir "$SRC"
# What the service never loads at run time: headers, test suites, pip's own caches.
SITE=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
rm -rf "$SITE/torch/include" "$SITE/torch/share" "$SITE/torch/test" "$SITE"/*/tests "$SITE"/pip "$SITE"/setuptools
find "$VENV" -name '*.pyc' -delete
