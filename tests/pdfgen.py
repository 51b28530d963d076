"""A minimal PDF writer for tests: text at positions in Helvetica (regular or bold, or
`bold="serif"` for Times-Roman, a second regular face, or `bold="italic"` for
Helvetica-Oblique), horizontal and vertical rules and
shaded rectangles, several pages.
Enough to lay out two columns, running lines and tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageSpec:
    texts: list[tuple[float, float, float, bool, str]] = field(default_factory=list)  # x, y(top-down), size, bold, text
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y (top-down)
    # "up" or "down": laid out on a landscape frame (x along the sheet's height) and printed on
    # the portrait sheet turned a quarter, as LaTeX's sidewaystable sets a landscape table: its
    # lines then run up (or down) the sheet.
    turned: str = ""
    vrules: list[tuple[float, float, float]] = field(default_factory=list)  # x, y0, y1 (top-down): a grid's cell borders
    filled: bool = False  # vrules drawn as thin filled rectangles (as word processors draw borders), not strokes
    # Labels set running up the sheet on an upright page (a figure's axis title): x, y (top-down), size, text.
    labels: list[tuple[float, float, float, str]] = field(default_factory=list)
    # Shaded rectangles drawn under the text (a table's header row fill, drawn cell by cell as
    # renderers do): x0, x1, y0, y1 (top-down).
    shades: list[tuple[float, float, float, float]] = field(default_factory=list)

    def text(self, x: float, y: float, s: str, size: float = 10, bold: bool = False) -> "PageSpec":
        self.texts.append((x, y, size, bold, s))
        return self

    def lines(self, x: float, y: float, rows: list[str], size: float = 10, leading: float = 12, bold: bool = False) -> float:
        for r in rows:
            self.text(x, y, r, size, bold)
            y += leading
        return y

    def rule(self, x0: float, x1: float, y: float) -> "PageSpec":
        self.rules.append((x0, x1, y))
        return self


# Helvetica advance widths (per 1000 em) of the printable ASCII characters, from its AFM file:
# enough to set a piece of text right after another (a subscript after its word).
_HELVETICA = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278] + [556] * 10
    + [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
       778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
       556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500,
       500, 500, 334, 260, 334, 584]))


# Running text for a column beside a table in layout tests (13 lines of about 45 characters).
LEFT, RIGHT = 50, 320  # left and right column x
COLUMN_TEXT = [
    "Copper is an essential trace element for all",
    "bacteria, but at high doses it damages the",
    "membranes and proteins of the cell. Soil",
    "bacteria resist it with efflux pumps, with",
    "chaperones and with storage proteins [1].",
    "The cus system exports copper ions from the",
    "periplasm of Gram-negative bacteria and so",
    "protects them when copper levels in soil rise",
    "after fertiliser is spread on the fields [2].",
    "Other systems bind copper in the cytoplasm",
    "and hand it on to the pumps when needed [3].",
    "How these systems share the work is not yet",
    "known, and the answer may differ by species.",
]


def width(s: str, size: float = 10) -> float:
    """How wide `s` is set in (regular) Helvetica at `size`."""
    return sum(_HELVETICA.get(c, 556) for c in s) * size / 1000


def make_pdf(pages: list[PageSpec], width: float = 612, height: float = 792) -> bytes:
    objs: list[bytes] = [b"", b""]  # catalog and pages filled in below
    font_r, font_b = 3, 4
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>")
    kids = []
    for p in pages:
        ops = []
        top = width if p.turned else height  # the height of the frame the page is laid out in
        if p.turned == "up":
            ops.append(f"q 0 1 -1 0 {width} 0 cm")
        elif p.turned == "down":
            ops.append(f"q 0 -1 1 0 0 {height} cm")
        for x0, x1, y0, y1 in p.shades:
            ops.append(f"q 0.85 g {x0} {top - y1} {x1 - x0} {y1 - y0} re f Q")
        for x, y, size, bold, s in p.texts:
            esc = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            face = {"serif": "F3", "italic": "F4"}.get(bold) if isinstance(bold, str) else "F2" if bold else "F1"
            ops.append(f"BT /{face} {size} Tf {x} {top - y - size} Td ({esc}) Tj ET")
        for x0, x1, y in p.rules:
            ops.append(f"0.5 w {x0} {top - y} m {x1} {top - y} l S")
        for x, y0, y1 in p.vrules:
            if p.filled:
                ops.append(f"{x - 0.25} {top - y1} 0.5 {y1 - y0} re f")
            else:
                ops.append(f"0.5 w {x} {top - y0} m {x} {top - y1} l S")
        for x, y, size, s in p.labels:
            ops.append(f"BT /F1 {size} Tf 0 1 -1 0 {x} {top - y} Tm ({s}) Tj ET")
        if p.turned:
            ops.append("Q")
        stream = "\n".join(ops).encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objs)
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents {content_id} 0 R "
                    f"/Resources << /Font << /F1 {font_r} 0 R /F2 {font_b} 0 R /F3 {font_b + 1} 0 R /F4 {font_b + 2} 0 R >> >> >>".encode())
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    return serialize(objs)


def serialize(objs: list[bytes]) -> bytes:
    """A PDF file of numbered objects (object 1 the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
