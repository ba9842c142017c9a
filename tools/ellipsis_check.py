#!/usr/bin/env python3
"""Checks the truncated lines of a layout dump (examples/dump.rs with --max-lines or --truncate).

The shared oracle compares every run with HarfBuzz shaping the run's range of the text; an
ellipsis is not text of the paragraph, so the dump lists it apart (a line's "ellipsis" runs, with
their "text"). This script checks, for every such run:

- shaping: HarfBuzz (uharfbuzz) shaping the ellipsis string alone in the run's face, size,
  direction, script and language gives the same glyph ids and advances (within 0.02 px);
- place: the ellipsis takes the paragraph's direction, so it is the leftmost thing on a cut line
  of a right-to-left paragraph whose cut is at the end (max lines, --truncate end) and the
  rightmost of a left-to-right one; its glyphs follow each other pen to pen, and touch the text
  beside them;
- fit: the line, ellipsis included, lies within [0, width] unless the ellipsis alone is wider;
- elided text: every elided range is inside the paragraph and the visible lines do not overlap it.

Usage: ellipsis_check.py DUMP.json --fonts DIR[:DIR...] [--cut end|any]
Prints "ellipsis: N passed, M failed" and exits non-zero on a failure.
"""
import argparse
import json
import sys
import unicodedata

from hb_run import shape


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--fonts", required=True)
    ap.add_argument("--cut", default="end", choices=["end", "any"],
                    help="end: every cut is at a line's end (max lines, --truncate end), so the place is checked")
    a = ap.parse_args()
    d = json.load(open(a.dump, encoding="utf-8"))
    width = d["width"]
    raw = d["text"].encode()

    def hangs(g):
        """Whitespace that may hang past the edge (UAX #9 L1: bidi class WS, S, B)."""
        ch = raw[g["cluster"]:g["cluster"] + 4].decode(errors="ignore")[:1]
        return ch != "" and unicodedata.bidirectional(ch) in ("WS", "S", "B")
    passed, fails = 0, []

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            fails.append(what)

    tol = 0.02
    ellipses = 0
    for pi, p in enumerate(d["paragraphs"]):
        ps, pe = p["range"]
        for r in p.get("elided", []):
            check(ps <= r[0] < r[1] <= pe, f"p{pi}: elided {r} outside the paragraph {p['range']}")
            for li, l in enumerate(p["lines"]):
                ls, le = l["range"]
                # A line cut at its end stops where the elided text starts; one cut inside
                # (start, middle, --truncate end before a hard break) spans it.
                check(le <= r[0] or ls >= r[1] or (ls <= r[0] and r[1] <= le),
                      f"p{pi} l{li}: line {l['range']} overlaps elided {r} partly")
        for li, l in enumerate(p["lines"]):
            for e in l.get("ellipsis", []):
                ellipses += 1
                ref = shape(a.fonts, e)
                got = [(g["id"], g["advance"]) for g in e["glyphs"]]
                same = len(ref) == len(got) and all(x[0] == y[0] and abs(x[1] - y[1]) <= tol for x, y in zip(ref, got))
                check(same, f"p{pi} l{li}: ellipsis {e['text']!r} shaped {got}, HarfBuzz {ref}")
                check(e["direction"] == p["direction"], f"p{pi} l{li}: ellipsis {e['direction']}, paragraph {p['direction']}")
                pen = None
                for g in e["glyphs"]:
                    x = g["x"] - g["dx"]
                    check(pen is None or abs(x - pen) <= 0.05, f"p{pi} l{li}: ellipsis glyphs do not follow their advances")
                    pen = x + g["advance"]
                text = [g for r in l["runs"] for g in r["glyphs"] if not hangs(g)]
                if not e["glyphs"]:
                    continue
                left = e["glyphs"][0]["x"] - e["glyphs"][0]["dx"]
                right = pen
                if text and a.cut == "end":
                    tl = min(g["x"] - g["dx"] for g in text)
                    tr = max(g["x"] - g["dx"] + g["advance"] for g in text)
                    if p["direction"] == "rtl":
                        check(abs(right - tl) <= 0.05, f"p{pi} l{li}: RTL ellipsis [{left}, {right}] not at the left end of the text [{tl}, {tr}]")
                    else:
                        check(abs(left - tr) <= 0.05, f"p{pi} l{li}: LTR ellipsis [{left}, {right}] not at the right end of the text [{tl}, {tr}]")
                if right - left <= width:
                    xs = [g["x"] - g["dx"] for g in text] + [left]
                    xe = [g["x"] - g["dx"] + g["advance"] for g in text] + [right]
                    check(min(xs) >= -0.05 and max(xe) <= width + 0.05,
                          f"p{pi} l{li}: cut line [{min(xs)}, {max(xe)}] leaves [0, {width}]")
    for f in fails[:30]:
        print("FAIL", f)
    print(f"ellipsis: {ellipses} ellipses, {passed} passed, {len(fails)} failed")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
