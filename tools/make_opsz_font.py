#!/usr/bin/env python3
"""Builds tests/fonts/OpszTest.ttf (part of this repository): a tiny variable font with one axis,
opsz (optical size) 8..14..72, for tests/variable_fonts.rs, made with fontTools.

  "a" and "b": a square (100..500 x 0..400), advance 800 units at opsz 14 (the default); gvar
  moves the advance phantom point by +200 units at opsz 72 and by -100 at opsz 8, so the advance
  is 800 + 200 * (opsz - 14) / 58 above the default and 800 - 100 * (14 - opsz) / 6 below (the
  OpenType default normalisation, no avar). Upem 1000.
"""
import os
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables.TupleVariation import TupleVariation


def square():
    pen = TTGlyphPen(None)
    pen.moveTo((100, 0))
    pen.lineTo((100, 400))
    pen.lineTo((500, 400))
    pen.lineTo((500, 0))
    pen.closePath()
    return pen.glyph()


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "tests", "fonts", "OpszTest.ttf")
    order = [".notdef", "space", "a", "b"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", 0x61: "a", 0x62: "b"})
    empty = TTGlyphPen(None).glyph()
    fb.setupGlyf({".notdef": square(), "space": empty, "a": square(), "b": square()})
    fb.setupHorizontalMetrics({".notdef": (800, 100), "space": (300, 0), "a": (800, 100), "b": (800, 100)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Opsz Test", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    fb.setupFvar(axes=[("opsz", 8, 14, 72, "Optical size")], instances=[])
    # Four outline points, then the phantom points: left side bearing, advance, top, bottom.
    def advance_delta(d):
        return [(0, 0)] * 4 + [(0, 0), (d, 0), (0, 0), (0, 0)]
    variations = {
        g: [
            TupleVariation({"opsz": (0.0, 1.0, 1.0)}, advance_delta(200)),
            TupleVariation({"opsz": (-1.0, -1.0, 0.0)}, advance_delta(-100)),
        ]
        for g in ("a", "b")
    }
    fb.setupGvar(variations)
    fb.save(out)
    print("wrote", out)


if __name__ == "__main__":
    main()
