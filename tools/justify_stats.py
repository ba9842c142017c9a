#!/usr/bin/env python3
"""Rivers measured (issue 25): how loose the lines of a justified layout are, from its dump alone
(`cargo run --release --example dump -- --align justify [--breaking optimal] [--hyphens auto
--language en] --width PX FILE`).

A line is stretched when its glyphs carry `"extra"` (the px the layout adds after a glyph;
justification gives it to the inter-word spaces). Per file it prints:

- stretched lines, and the sum over them of the squared slack (the sum of a line's extras: what
  the breaking left unfilled);
- the widest and the mean inter-word space of stretched lines (a space glyph's advance plus its
  extra: what the eye sees as a river), and the widest stretch of one space;
- hyphenated lines (a line ending with an added hyphen, or a soft hyphen shown as one) and the
  most in a row.

    python3 tools/justify_stats.py first-fit.json optimal.json
"""
import json
import sys


def stats(path):
    dump = json.load(open(path, encoding="utf-8"))
    raw = dump["text"].encode()
    lines, total, worst = 0, 0.0, 0.0
    spaces = []
    hyphenated, in_a_row, most_in_a_row = 0, 0, 0
    for para in dump["paragraphs"]:
        in_a_row = 0
        for line in para["lines"]:
            glyphs = [g for r in line["runs"] for g in r["glyphs"]]
            extras = [g.get("extra", 0.0) for g in glyphs]
            slack = sum(extras)
            if slack > 0:
                lines += 1
                total += slack * slack
                worst = max(worst, max(extras))
                spaces += [g["advance"] + g.get("extra", 0.0) for g in glyphs
                           if raw[g["cluster"]:g["cluster"] + 1] == b" " and g.get("extra", 0.0) > 0]
            end = line["range"][1]
            shy = raw[max(0, end - 2):end] == "\u00ad".encode() and end < para["range"][1]
            if line.get("hyphen") or shy:
                hyphenated += 1
                in_a_row += 1
                most_in_a_row = max(most_in_a_row, in_a_row)
            else:
                in_a_row = 0
    mean = sum(spaces) / len(spaces) if spaces else 0.0
    return lines, total, worst, max(spaces, default=0.0), mean, hyphenated, most_in_a_row


def main():
    for path in sys.argv[1:]:
        lines, total, worst, widest, mean, hyphenated, row = stats(path)
        print(f"{path}: {lines} stretched lines, sum of squared slack {total:,.0f} px^2, "
              f"worst space stretch {worst:.1f} px, widest space {widest:.1f} px, mean space {mean:.1f} px, "
              f"{hyphenated} hyphenated lines, at most {row} in a row")


if __name__ == "__main__":
    main()
