#!/usr/bin/env python3
"""Checks that a report rendered by headless Chromium is not blank and that its charts are labelled.

usage: check_rendering.py PAGE.html SCREENSHOT.png

- The screenshot (8-bit RGB or RGBA PNG, decoded here with zlib and the five PNG filters) must have
  at least 1 % of its pixels away from white and at least 16 distinct colours: text, tables and plots.
- Every inline <svg> of the page must carry axis labels: at least four <text> elements with a digit
  (tick values) and at least one without (a title or an axis name).
Exits 1 with the reason when a check fails.
"""
import re
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise SystemExit(f"{path}: expected 8-bit RGB or RGBA, got depth {depth} colour type {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    page_path, png_path = sys.argv[1], sys.argv[2]
    width, height, channels, rows = pixels(png_path)
    non_white, colours = 0, set()
    for line in rows[::2]:
        for x in range(0, width * channels, channels * 2):
            rgb = line[x:x + 3]
            colours.add(bytes(rgb))
            if min(rgb) < 235:
                non_white += 1
    sampled = len(rows[::2]) * len(range(0, width * channels, channels * 2))
    if non_white < 0.01 * sampled or len(colours) < 16:
        raise SystemExit(f"{png_path}: the page looks blank ({non_white} of {sampled} sampled pixels not white, {len(colours)} colours)")
    page = open(page_path, encoding="utf-8").read()
    for number, svg in enumerate(re.findall(r"<svg.*?</svg>", page, flags=re.S), start=1):
        texts = [re.sub(r"<[^>]*>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", svg, flags=re.S)]
        ticks = [t for t in texts if re.search(r"\d", t)]
        names = [t for t in texts if t.strip() and not re.search(r"\d", t)]
        if len(ticks) < 4 or not names:
            raise SystemExit(f"{page_path}: chart {number} has no axis labels ({len(ticks)} tick values, {len(names)} titles)")
    print(f"{page_path}: rendered {width}x{height}, {100 * non_white / sampled:.1f} % ink, {len(colours)} colours, "
          f"{page.count('<svg')} labelled charts")


main()
