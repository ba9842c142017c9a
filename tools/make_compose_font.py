#!/usr/bin/env python3
"""Builds tests/fonts/ComposeTest.ttf: a tiny Hebrew font with NO GPOS (so no mark positioning)
and a glyph for U+FB1F (HEBREW LIGATURE YIDDISH YOD YOD PATAH): the conditions under which
rustybuzz 0.20's Hebrew compose table differs from HarfBuzz's (it composes yod + patah into
U+FB1F and leaves U+05F2 + patah apart; HarfBuzz does the opposite).

Glyphs are plain boxes of distinct sizes so that every glyph draws and fallback mark positioning
has extents to work with. Needs fontTools (pip install fonttools).
Usage: tools/make_compose_font.py   (writes tests/fonts/ComposeTest.ttf)"""
import os
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "fonts", "ComposeTest.ttf")

# name: (code point, advance, box (x0, y0, x1, y1)); marks have advance 0 and sit below.
GLYPHS = {
    ".notdef": (None, 500, (50, 0, 450, 700)),
    "space": (0x20, 250, None),
    "alef": (0x05D0, 600, (50, 0, 550, 700)),
    "vav": (0x05D5, 300, (100, 0, 200, 700)),
    "yod": (0x05D9, 300, (100, 400, 250, 700)),
    "patah": (0x05B7, 0, (-250, -200, -50, -150)),
    "hiriq": (0x05B4, 0, (-180, -220, -120, -160)),
    "qamats": (0x05B8, 0, (-250, -260, -50, -150)),
    "vav_vav": (0x05F0, 600, (100, 0, 500, 700)),
    "yod_yod": (0x05F2, 600, (100, 400, 500, 700)),
    "yod_yod_patah": (0xFB1F, 600, (100, -200, 500, 700)),
    "yod_hiriq": (0xFB1D, 300, (100, -220, 250, 700)),
    "alef_patah": (0xFB2E, 600, (50, -200, 550, 700)),
}

def box(b):
    pen = TTGlyphPen(None)
    if b:
        x0, y0, x1, y1 = b
        pen.moveTo((x0, y0)); pen.lineTo((x0, y1)); pen.lineTo((x1, y1)); pen.lineTo((x1, y0)); pen.closePath()
    return pen.glyph()

order = list(GLYPHS)
fb = FontBuilder(1000, isTTF=True)
fb.setupGlyphOrder(order)
fb.setupCharacterMap({cp: name for name, (cp, _, _) in GLYPHS.items() if cp is not None})
fb.setupGlyf({name: box(b) for name, (_, _, b) in GLYPHS.items()})
fb.setupHorizontalMetrics({name: (adv, (b[0] if b else 0)) for name, (_, adv, b) in GLYPHS.items()})
fb.setupHorizontalHeader(ascent=800, descent=-300)
fb.setupNameTable({"familyName": "Compose Test", "styleName": "Regular"})
fb.setupOS2(sTypoAscender=800, sTypoDescender=-300, usWinAscent=800, usWinDescent=300)
fb.setupPost()
# A GDEF that classes the points as marks, as real Hebrew fonts do; no GSUB, no GPOS.
from fontTools.ttLib.tables import otTables
from fontTools.ttLib import newTable
gdef = newTable("GDEF")
gdef.table = otTables.GDEF()
gdef.table.Version = 0x00010000
classdef = otTables.GlyphClassDef()
classdef.classDefs = {n: (3 if n in ("patah", "hiriq", "qamats") else 1) for n in order if n not in (".notdef", "space")}
gdef.table.GlyphClassDef = classdef
gdef.table.AttachList = gdef.table.LigCaretList = gdef.table.MarkAttachClassDef = None
fb.font["GDEF"] = gdef
fb.save(OUT)
print("wrote", OUT)
