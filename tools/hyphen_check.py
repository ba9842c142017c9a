#!/usr/bin/env python3
"""Checks the hyphens a layout adds at automatic hyphenation points (examples/dump.rs with
--hyphens auto --language TAG). The shared oracle compares every run with HarfBuzz shaping the
run's range of the text; an added hyphen is not text of the paragraph, so the dump lists it apart
(a line's "hyphen" run, with its "text"). For every such run:

- shaping: HarfBuzz (uharfbuzz) shaping the hyphen's text alone in the run's face, size,
  direction, script and language gives the same glyph id and advance (within 0.02 px);
- place: the line ends at a break inside a word (a letter before it and after it), the hyphen
  touches the glyph drawn before it in the word's direction, and the line with its hyphen lies
  within [0, width].

Usage: hyphen_check.py DUMP.json --fonts DIR[:DIR...]
Prints "hyphen: N passed, M failed" and exits non-zero on a failure or when there is no hyphen.
"""
import argparse
import json
import sys

from hb_run import shape


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--fonts", required=True)
    a = ap.parse_args()
    d = json.load(open(a.dump, encoding="utf-8"))
    width, raw = d["width"], d["text"].encode()
    passed, fails = 0, []

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            fails.append(what)

    hyphens = 0
    for pi, p in enumerate(d["paragraphs"]):
        for li, line in enumerate(p["lines"]):
            for h in line.get("hyphen", []):
                hyphens += 1
                where = f"p{pi} l{li} at {line['range'][1]}"
                got = [(g["id"], g["advance"]) for g in h["glyphs"]]
                ref = shape(a.fonts, h)
                check(len(got) == len(ref) and all(x[0] == y[0] and abs(x[1] - y[1]) <= 0.02 for x, y in zip(got, ref)),
                      f"{where}: hyphen glyphs {got} against HarfBuzz {ref}")
                end = line["range"][1]
                before = raw[:end].decode(errors="ignore")[-1:]
                after = raw[end:end + 4].decode(errors="ignore")[:1]
                check(before.isalpha() and after.isalpha(), f"{where}: not inside a word ({before!r}|{after!r})")
                # The glyph before the hyphen in the word's direction: the hyphen's pen starts where
                # the word's last glyph ends (left to right), or ends where its first begins.
                glyphs = [g for r in line["runs"] for g in r["glyphs"]]
                x = h["glyphs"][0]["x"] - h["glyphs"][0].get("dx", 0.0)
                ends = [g["x"] - g.get("dx", 0.0) + g["advance"] + g.get("extra", 0.0) for g in glyphs]
                starts = [g["x"] - g.get("dx", 0.0) for g in glyphs]
                adv = sum(g["advance"] for g in h["glyphs"])
                touches = any(abs(e - x) < 0.05 for e in ends) or any(abs(s - (x + adv)) < 0.05 for s in starts)
                check(touches, f"{where}: the hyphen at {x} touches no glyph of its line")
                left = min(starts + [x])
                right = max(ends + [x + adv])
                check(left >= -0.05 and right <= width + 0.05, f"{where}: line [{left}, {right}] outside [0, {width}]")
    check(hyphens > 0, "no hyphen in the dump")
    for f in fails:
        print("FAIL", f)
    print(f"hyphen: {passed} passed, {len(fails)} failed ({hyphens} hyphens)")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
