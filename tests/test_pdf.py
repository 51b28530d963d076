"""The PDF loader (pdfplumber words and positions) on a small PDF written by the test itself."""

import pytest

from qa.ingest import load

from pdfgen import serialize


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string, one page per list."""
    objs: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, lines in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        ops = ["BT /F1 11 Tf 72 720 Td 14 TL"]
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode()
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        assert page_id == 3 + 2 * i
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return serialize(objs)


def test_pdf_pages_paragraphs_and_refs(tmp_path):
    pdf = tmp_path / "mini-review.pdf"
    pdf.write_bytes(make_pdf([
        ["Introduction", "Exosomes are small vesicles that carry impor-", "tant cargo between cells [12, 13]."],
        ["Methods", "Vesicles were isolated by ultracentrifugation [4]."],
    ]))
    (tmp_path / "mini-review.toml").write_text('id = "mini"\ntitle = "A mini review"\n')
    doc = load(pdf)
    assert doc.id == "mini" and doc.title == "A mini review"
    paras = [b for b in doc.blocks if b.kind == "paragraph"]
    assert "carry important cargo between cells [12, 13]." in paras[0].text
    assert paras[0].refs == (12, 13) and paras[0].page == 1 and paras[0].section == ("Introduction",)
    assert paras[1].page == 2 and paras[1].section == ("Methods",) and paras[1].refs == (4,)


def test_broken_pdf_is_a_clear_error(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with pytest.raises(ValueError, match="broken.pdf"):
        load(bad)
