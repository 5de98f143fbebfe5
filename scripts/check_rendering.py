#!/usr/bin/env python3
"""Checks that a report rendered by headless Chromium is not blank and that its charts are labelled.

usage: check_rendering.py blank PAGE.html BLANK.html
       check_rendering.py check PAGE.html SCREENSHOT.png BLANK_SCREENSHOT.png

`blank` writes the page with every inline <svg> emptied (its opening tag, and so its size, kept): the
same layout without the charts' content. `check` then requires:
- the screenshot (8-bit RGB or RGBA PNG, decoded here with zlib and the five PNG filters) to have at
  least 0.4 % of its pixels away from white and at least 16 distinct colours (text, tables, plots);
- each chart to be drawn: the screenshot differs from the blank page's in at least 1500 pixels per
  chart (axes, ticks, labels and data; a chart hidden, empty or failing to render differs in none);
- every inline <svg> to carry axis labels: at least four <text> elements with a digit (tick values)
  and at least one without (a title or an axis name).
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


SVG = re.compile(r"(<svg[^>]*>).*?</svg>", flags=re.S)


def blank(page_path, out_path):
    page = open(page_path, encoding="utf-8").read()
    open(out_path, "w", encoding="utf-8").write(SVG.sub(lambda m: m.group(1) + "</svg>", page))


def differing(a, b):
    """Pixels whose colour differs by more than 40 in some channel (same size images)."""
    (width, height, ca, rows_a), (w2, h2, cb, rows_b) = a, b
    if (width, height) != (w2, h2):
        raise SystemExit("the page and its blank variant rendered at different sizes")
    count = 0
    for ra, rb in zip(rows_a, rows_b):
        for x in range(width):
            pa, pb = ra[x * ca:x * ca + 3], rb[x * cb:x * cb + 3]
            if max(abs(pa[0] - pb[0]), abs(pa[1] - pb[1]), abs(pa[2] - pb[2])) > 40:
                count += 1
    return count


def main():
    if sys.argv[1] == "blank":
        return blank(sys.argv[2], sys.argv[3])
    page_path, png_path, blank_png = sys.argv[2], sys.argv[3], sys.argv[4]
    image = pixels(png_path)
    width, height, channels, rows = image
    non_white, colours = 0, set()
    for line in rows[::2]:
        for x in range(0, width * channels, channels * 2):
            rgb = line[x:x + 3]
            colours.add(bytes(rgb))
            if min(rgb) < 235:
                non_white += 1
    sampled = len(rows[::2]) * len(range(0, width * channels, channels * 2))
    if non_white < 0.004 * sampled or len(colours) < 16:
        raise SystemExit(f"{png_path}: the page looks blank ({non_white} of {sampled} sampled pixels not white, {len(colours)} colours)")
    page = open(page_path, encoding="utf-8").read()
    charts = page.count("<svg")
    drawn = differing(image, pixels(blank_png))
    if drawn < 1500 * charts:
        raise SystemExit(f"{png_path}: the charts are not drawn ({drawn} pixels differ from the page without them; "
                         f"{1500 * charts} expected for {charts} charts)")
    for number, svg in enumerate(re.findall(r"<svg.*?</svg>", page, flags=re.S), start=1):
        texts = [re.sub(r"<[^>]*>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", svg, flags=re.S)]
        ticks = [t for t in texts if re.search(r"\d", t)]
        names = [t for t in texts if t.strip() and not re.search(r"\d", t)]
        if len(ticks) < 4 or not names:
            raise SystemExit(f"{page_path}: chart {number} has no axis labels ({len(ticks)} tick values, {len(names)} titles)")
    print(f"{page_path}: rendered {width}x{height}, {100 * non_white / sampled:.1f} % ink, {len(colours)} colours, "
          f"{charts} labelled charts drawn ({drawn} pixels)")


main()
