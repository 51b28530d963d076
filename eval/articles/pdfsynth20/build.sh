#!/usr/bin/env bash
# Rebuilds pdfsynth20 from src/: fonts -> PDF (pdf-lib) -> gold files -> checks.
# Needs: node/npm, python3, poppler-utils (pdftotext), TeX Gyre OTFs (texlive-fonts-recommended / tex-gyre).
set -euo pipefail
cd "$(dirname "$0")"
[ -x venv/bin/python ] || { python3 -m venv venv && venv/bin/pip -q install fonttools==4.* pypdf; }
GYRE=/usr/share/texmf/fonts/opentype/public/tex-gyre
mkdir -p build/fonts
for f in texgyrepagella-regular texgyrepagella-bold texgyrepagella-italic texgyrepagella-bolditalic \
         texgyreheros-regular texgyreheros-bold texgyreheros-italic \
         texgyreheroscn-regular texgyreheroscn-bold texgyreheroscn-italic; do
  [ -f build/fonts/$f.ttf ] || venv/bin/python build/otf2ttf.py $GYRE/$f.otf build/fonts/$f.ttf
done
(cd build && [ -d node_modules/pdf-lib ] || npm install --no-audit --no-fund >/dev/null)
(cd src && python3 make_tables.py >/dev/null)
(cd build && node make.js)
python3 build_gold.py
venv/bin/python check.py
