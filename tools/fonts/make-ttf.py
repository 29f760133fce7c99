#!/usr/bin/env python3
"""Converts the Fandol OpenType (CFF) faces of Debian's texlive-lang-chinese to TrueType (glyf) outlines.

gongkai's PDF writer embeds TrueType-outline fonts only; the Fandol faces ship with CFF outlines. This script writes
FandolFang-Regular.ttf (仿宋, body), FandolHei-Bold.ttf (黑体, headings) and FandolSong-Bold.ttf (宋 bold, title), FandolHei-Regular.ttf and FandolSong-Regular.ttf (table headers and cells) into
the output folder (default /usr/local/share/fonts/gongkai as root, else ~/.local/share/fonts/gongkai). Needs
python3-fonttools. Cubic curves become quadratic within 1 font unit. Code points of the Kangxi radicals and CJK
compatibility blocks are dropped from the cmap: they share glyphs with the unified ideographs, and a PDF's
ToUnicode map built from the cmap would otherwise read 一 back as ⼀ (U+2F00).
Usage: make-ttf.py [SOURCE_DIR [OUT_DIR]]
"""
import os
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FACES = ["FandolFang-Regular", "FandolHei-Bold", "FandolSong-Bold", "FandolHei-Regular", "FandolSong-Regular"]
SOURCE = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
DUPLICATE_BLOCKS = [(0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]


def convert(src, dst):
    font = TTFont(src)
    assert font.sfntVersion == "OTTO" and "CFF " in font, src
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[name] = (hmtx[name][0], g.xMin)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    for table in font["cmap"].tables:
        for cp in [cp for cp in table.cmap if any(a <= cp <= b for a, b in DUPLICATE_BLOCKS)]:
            del table.cmap[cp]
    font.sfntVersion = "\000\001\000\000"
    tmp = dst + ".part"
    font.save(tmp)
    os.replace(tmp, dst)


def main():
    src_dir = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    default_out = "/usr/local/share/fonts/gongkai" if os.geteuid() == 0 else os.path.expanduser("~/.local/share/fonts/gongkai")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else default_out
    os.makedirs(out_dir, exist_ok=True)
    missing = 0
    for face in FACES:
        src = os.path.join(src_dir, face + ".otf")
        dst = os.path.join(out_dir, face + ".ttf")
        if not os.path.exists(src):
            print(f"missing {src} (Debian package texlive-lang-chinese)", file=sys.stderr)
            missing += 1
            continue
        if os.path.exists(dst) and os.path.getmtime(dst) >= os.path.getmtime(src):
            continue
        convert(src, dst)
        print(f"wrote {dst}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
