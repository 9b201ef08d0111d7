#!/usr/bin/env python3
"""Write the PNG files the image tests use, drawn here (nothing fetched):
  seal.png    240x240 RGBA: a red ring and a five-pointed star, transparent elsewhere
  logo.png    120x40 greyscale: two bars
  corrupt.png a valid PNG header with a broken image stream
    mkpng.py DIR
"""
import math, struct, sys, zlib

def png(path, w, h, color_type, rows):
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    raw = b"".join(b"\0" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, color_type, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

def star(x, y, cx, cy, r):
    # inside the five-pointed star with outer radius r, one point up: even-odd test
    # against its ten corners
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.382
        a = math.pi * i / 5
        pts.append((cx + rr * math.sin(a), cy - rr * math.cos(a)))
    inside = False
    for i in range(10):
        (x1, y1), (x2, y2) = pts[i], pts[(i + 1) % 10]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside

d = sys.argv[1]
n = 240
rows = []
for y in range(n):
    row = bytearray()
    for x in range(n):
        dist = math.hypot(x - n / 2 + 0.5, y - n / 2 + 0.5)
        on = (100 <= dist <= 114) or star(x + 0.5, y + 0.5, n / 2, n / 2, 52)
        row += bytes((200, 30, 30, 200)) if on else bytes((0, 0, 0, 0))
    rows.append(bytes(row))
png(f"{d}/seal.png", n, n, 6, rows)
png(f"{d}/logo.png", 120, 40, 0,
    [bytes(0 if (10 <= y < 18 or 24 <= y < 32) and 8 <= x < 112 else 255 for x in range(120)) for y in range(40)])
with open(f"{d}/seal.png", "rb") as f:
    good = f.read()
with open(f"{d}/corrupt.png", "wb") as f:
    f.write(good[:60] + b"\0" * 200 + good[260:])
