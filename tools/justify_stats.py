#!/usr/bin/env python3
"""Slack of justified lines in a layout dump (issue 14): how loose the lines are.

Reads only the dump (`cargo run --release --example dump -- --align justify [--breaking
optimal] --width PX FILE`): a line is stretched when its glyphs carry `"extra"` (the px the
layout adds after a glyph; justification gives it to the inter-word spaces). A stretched line's
slack is the sum of its extras (what first fit or optimal breaking left unfilled); its stretch
per space is each space's extra. Prints the stretched lines, the sum of squared slack and the
worst stretch of one space.

    python3 tools/justify_stats.py first-fit.json optimal.json
"""
import json
import sys


def stats(path):
    dump = json.load(open(path))
    lines, total, worst = 0, 0.0, 0.0
    for para in dump["paragraphs"]:
        for line in para["lines"]:
            extras = [g.get("extra", 0.0) for r in line["runs"] for g in r["glyphs"]]
            slack = sum(extras)
            if slack > 0:
                lines += 1
                total += slack * slack
                worst = max(worst, max(extras))
    return lines, total, worst


def main():
    for path in sys.argv[1:]:
        lines, total, worst = stats(path)
        print(f"{path}: {lines} stretched lines, sum of squared slack {total:,.0f} px^2, "
              f"worst space stretch {worst:.1f} px")


if __name__ == "__main__":
    main()
