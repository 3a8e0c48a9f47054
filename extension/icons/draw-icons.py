#!/usr/bin/env python3
"""Draws Lucid's toolbar icons (icon-16/32/48/128.png): a blue rounded square holding a title bar
and three lines of text, the picture of a page made readable. Standard library only; 4x4 supersampling
for smooth edges. Run from anywhere: writes next to this file."""
import os
import struct
import zlib

PAPER = (253, 253, 252)   # the reader's light background
LINE = (196, 214, 245)    # text lines, lighter than the title
ACCENT = (11, 87, 208)    # the reader's link colour: a tile that shows on light and dark toolbars
SS = 4


def rounded_rect(x, y, x0, y0, x1, y1, r):
    """True when (x, y) lies in the rectangle with corner radius r."""
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def shade(u, v):
    """Colour and alpha at (u, v) in the unit square."""
    if not rounded_rect(u, v, 0.02, 0.02, 0.98, 0.98, 0.22):
        return None
    lines = [(0.22, 0.78, 0.24, 0.34, PAPER)] + [
        (0.22, end, top, top + 0.07, LINE)
        for top, end in ((0.44, 0.78), (0.56, 0.78), (0.68, 0.62))
    ]
    for x0, x1, y0, y1, colour in lines:
        if rounded_rect(u, v, x0, y0, x1, y1, (y1 - y0) / 2):
            return colour
    return ACCENT


def draw(size):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)
                    if c:
                        for i in range(3):
                            acc[i] += c[i]
                        acc[3] += 1
            n = acc[3]
            if n:
                row += bytes([acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // (SS * SS)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for size in (16, 32, 48, 128):
        with open(os.path.join(here, f"icon-{size}.png"), "wb") as f:
            f.write(draw(size))
