#!/usr/bin/env python3
"""Builds tests/fonts/ContextTest.ttf: a tiny Latin font whose GPOS pulls "x" 300 units closer
to what follows only when "space A" follows it (a contextual kern across a break opportunity).

Shaping the paragraph gives "x" the kern; a line that ends after "x " is reshaped alone (its end
is unsafe to break) and loses it, so it is 300 units wider than the paragraph's advances say:
the case line breaking must measure. It also pulls "x" closer to an "A" right after it, which a
soft hyphen between them does not stop (HarfBuzz skips the default ignorable): a line ending at
that soft hyphen is reshaped and wider, and shows the font's hyphen (300 units). Needs fontTools (pip install fonttools).
Usage: tools/make_context_font.py   (writes tests/fonts/ContextTest.ttf)"""
import os
from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "fonts", "ContextTest.ttf")
GLYPHS = {".notdef": (None, 500), "space": (0x20, 250), "A": (0x41, 600), "a": (0x61, 500), "x": (0x78, 500), "hyphen": (0x2D, 300)}

def box(adv):
    pen = TTGlyphPen(None)
    pen.moveTo((50, 0)); pen.lineTo((50, 500)); pen.lineTo((adv - 50, 500)); pen.lineTo((adv - 50, 0)); pen.closePath()
    return pen.glyph()

fb = FontBuilder(1000, isTTF=True)
fb.setupGlyphOrder(list(GLYPHS))
fb.setupCharacterMap({cp: n for n, (cp, _) in GLYPHS.items() if cp})
fb.setupGlyf({n: (box(a) if n != "space" else TTGlyphPen(None).glyph()) for n, (_, a) in GLYPHS.items()})
fb.setupHorizontalMetrics({n: (a, 50 if n != "space" else 0) for n, (_, a) in GLYPHS.items()})
fb.setupHorizontalHeader(ascent=800, descent=-200)
fb.setupNameTable({"familyName": "Context Test", "styleName": "Regular"})
fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
fb.setupPost()
addOpenTypeFeaturesFromString(fb.font, """
languagesystem DFLT dflt;
languagesystem latn dflt;
feature kern { pos x' -300 space A; pos x' -300 A; } kern;
""")
fb.save(OUT)
print("wrote", OUT)
