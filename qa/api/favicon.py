"""The site icon, drawn in code (a white magnifying glass on the widget's blue), as an .ico
holding one 32x32 PNG: no binary file to keep in the repository, a few hundred bytes served."""

from __future__ import annotations

import functools
import math
import struct
import zlib

SIZE = 32
BRAND = (0x1F, 0x5F, 0xBF)
WHITE = (255, 255, 255)


def _coverage(x: float, y: float) -> tuple[bool, bool]:
    """(inside the rounded square, on the glass) for a point in icon pixels."""
    r = 7.0  # corner radius
    cx, cy = min(max(x, r), SIZE - r), min(max(y, r), SIZE - r)
    inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    # the lens: a ring centred up-left; the handle: a thick segment towards the lower right
    d = math.hypot(x - 13.5, y - 13.5)
    ring = 5.0 <= d <= 8.5
    t = max(0.0, min(1.0, ((x - 19.5) + (y - 19.5)) / 12.0))  # projection on the segment (19.5,19.5)-(25.5,25.5)
    px, py = 19.5 + 6.0 * t, 19.5 + 6.0 * t
    handle = math.hypot(x - px, y - py) <= 2.4
    return inside, ring or handle


def _pixels() -> bytes:
    rows = []
    n = 4  # 4x4 samples per pixel: smooth edges
    for py in range(SIZE):
        row = bytearray([0])  # PNG filter type 0 for the row
        for px in range(SIZE):
            bg = fg = 0
            for sy in range(n):
                for sx in range(n):
                    inside, glass = _coverage(px + (sx + 0.5) / n, py + (sy + 0.5) / n)
                    bg += inside
                    fg += inside and glass
            a = bg / (n * n)
            w = fg / bg if bg else 0.0
            rgb = [round(b * (1 - w) + f * w) for b, f in zip(BRAND, WHITE)]
            row += bytes(rgb + [round(a * 255)])
        rows.append(bytes(row))
    return b"".join(rows)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(_pixels(), 9))
            + chunk(b"IEND", b""))


@functools.cache
def ico() -> bytes:
    """An ICO file with one PNG image (every current browser reads PNG-in-ICO)."""
    png = _png()
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(png), 6 + 16)
    return directory + entry + png
