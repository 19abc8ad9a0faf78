#!/usr/bin/env python3
"""Opens an HTML report in headless Chromium, as a resident's browser would, and checks that it loaded without a
console error and that its screenshot is not blank (enough non-white pixels to be charts and text). With section
ids, it also checks that the page has each of those parts (an element with that id, as `tmo demo` writes them), that
each holds an inline SVG chart with a text alternative, and that the contents link to it; and that the page loads
nothing from elsewhere (no src or href outside the page).

Usage: check_page.py CHROMIUM PAGE.html SCREENSHOT.png [SECTION_ID ...]
Exit status 0 when the page passes, 1 with the reason otherwise. Standard library only."""
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path


def png_pixels(path: Path):
    """Yields (r, g, b) of every pixel of an 8-bit RGB or RGBA, non-interlaced PNG, as Chromium writes them."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"{path}: unexpected PNG format (depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 0xFF
        for x in range(0, stride, channels):
            yield row[x], row[x + 1], row[x + 2]
        previous = row


def check_sections(html: str, ids) -> list:
    """The problems with the parts named by `ids`: missing, without a chart, or not in the contents."""
    problems = []
    starts = [(m.start(), m.group(1)) for m in re.finditer(r'<div id="([^"]+)">', html)]
    for wanted in ids:
        found = [i for i, (_, name) in enumerate(starts) if name == wanted]
        if not found:
            problems.append(f"no part with id {wanted}")
            continue
        i = found[0]
        part = html[starts[i][0]:starts[i + 1][0] if i + 1 < len(starts) else len(html)]
        if not re.search(r'<svg[^>]*role="img"[^>]*aria-label="[^"]+"', part):
            problems.append(f"part {wanted} has no chart with a text alternative")
        if f'href="#{wanted}"' not in html:
            problems.append(f"the contents do not link to {wanted}")
    if re.search(r'(?:src|href)="(?!#)', html):
        problems.append("the page loads something from elsewhere (a src or href that is not an anchor)")
    return problems


def main() -> int:
    chromium, page, shot = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3])
    problems = check_sections(page.read_text(encoding="utf-8"), sys.argv[4:])
    if problems:
        print("the page is incomplete:\n" + "\n".join(problems))
        return 1
    run = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr",
         "--v=0", "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    if run.returncode != 0 or not shot.exists():
        print(f"chromium failed ({run.returncode}):\n{run.stderr}")
        return 1
    errors = [line for line in run.stderr.splitlines()
              if re.search(r"CONSOLE|Uncaught|SyntaxError|Failed to load resource", line)]
    if errors:
        print("console errors:\n" + "\n".join(errors))
        return 1
    pixels = inked = 0
    for r, g, b in png_pixels(shot):
        pixels += 1
        inked += r < 235 or g < 235 or b < 235
    share = inked * 1000 // max(pixels, 1)
    print(f"{page.name}: {pixels} pixels, {inked} not white ({share / 10}%), no console errors")
    if share < 20:
        print("the screenshot is blank or nearly so (under 2% of pixels drawn)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
