#!/bin/sh
# Rebuild the PDF and gold tables from src/ (LuaLaTeX + revtex4-2)
set -e
cd "$(dirname "$0")"
python3 src/build.py
cd build
lualatex -interaction=nonstopmode main.tex > run1.log 2>&1 || true
lualatex -interaction=nonstopmode main.tex > run2.log 2>&1 || true
lualatex -interaction=nonstopmode main.tex > run3.log 2>&1 || true
cp main.pdf ../corpus/pdfsynth25.pdf
pdfinfo main.pdf | grep Pages
