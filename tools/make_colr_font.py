#!/usr/bin/env python3
"""Builds tests/fonts/ColrTest.ttf (part of this repository): a tiny COLR/CPAL font for
tests/color_glyphs.rs, made with fontTools.

  A  COLR v0: a red square (100..500 x 0..400) under a green triangle (300..700 x 0..400).
  B  COLR v1: the square filled with a linear gradient from pure red at x=100 to pure blue at
     x=500, inside a clip box 0..600 x 0..600.
  C  not a colour glyph: the square as a plain outline.
Palette 0: red, green, blue; palette 1: blue, yellow, red (for the palette choice). Advances 800, upem 1000.
"""
import os
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.colorLib.builder import buildCOLR, buildCPAL
from fontTools.ttLib.tables import otTables as ot


def poly(points):
    pen = TTGlyphPen(None)
    pen.moveTo(points[0])
    for p in points[1:]:
        pen.lineTo(p)
    pen.closePath()
    return pen.glyph()


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "tests", "fonts", "ColrTest.ttf")
    square = [(100, 0), (100, 400), (500, 400), (500, 0)]
    triangle = [(300, 0), (500, 400), (700, 0)]
    order = [".notdef", "space", "A", "B", "C", "sq", "tri"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", 0x41: "A", 0x42: "B", 0x43: "C"})
    empty = TTGlyphPen(None).glyph()
    glyphs = {n: empty for n in order}
    glyphs.update({".notdef": poly(square), "A": poly(square), "B": poly(square), "C": poly(square), "sq": poly(square), "tri": poly(triangle)})
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (800 if n != "space" else 300, 0) for n in order})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Colr Test", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    red, green, blue, yellow = (1, 0, 0, 1), (0, 1, 0, 1), (0, 0, 1, 1), (1, 1, 0, 1)
    fb.font["CPAL"] = buildCPAL([[red, green, blue], [blue, yellow, red]])
    gradient = {
        "Format": ot.PaintFormat.PaintGlyph,
        "Glyph": "sq",
        "Paint": {
            "Format": ot.PaintFormat.PaintLinearGradient,
            "ColorLine": {"ColorStop": [
                {"StopOffset": 0.0, "PaletteIndex": 0, "Alpha": 1.0},
                {"StopOffset": 1.0, "PaletteIndex": 2, "Alpha": 1.0}]},
            "x0": 100, "y0": 0, "x1": 500, "y1": 0, "x2": 100, "y2": 100,
        },
    }
    fb.font["COLR"] = buildCOLR(
        {"A": [("sq", 0), ("tri", 1)], "B": gradient},
        version=None,
        clipBoxes={"B": (0, 0, 600, 600)},
    )
    fb.save(out)
    print("wrote", out)


if __name__ == "__main__":
    main()
