"""PDF -> pages of text with pypdf (imported lazily: it is needed only for PDFs)."""

from __future__ import annotations

from pathlib import Path


def read_pages(path: Path) -> list[str]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as e:  # pragma: no cover - pypdf is a declared dependency
        raise RuntimeError("pypdf is needed to read PDF files") from e
    try:
        reader = PdfReader(str(path))
        return [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as e:
        raise ValueError(f"{path.name}: cannot read PDF ({e})") from e
