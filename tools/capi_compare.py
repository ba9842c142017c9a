#!/usr/bin/env python3
"""Compares the C ABI's layout dump (capi/examples/dump) with the Rust one (examples/dump) of
the same file and settings: the same keys and structure, the same strings and integers (glyph
ids, clusters, ranges, levels, fonts), numbers within 1e-3 px.

    tools/capi_compare.py C.json RUST.json
"""
import json
import sys

TOLERANCE = 1e-3


def compare(a, b, path, errors):
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            errors.append(f"{path}: keys {sorted(a.keys() ^ b.keys())} in one only")
        for k in a.keys() & b.keys():
            compare(a[k], b[k], f"{path}.{k}", errors)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            errors.append(f"{path}: {len(a)} items against {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            compare(x, y, f"{path}[{i}]", errors)
    elif isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or a is None or b is None:
        if a != b:
            errors.append(f"{path}: {a!r} against {b!r}")
    elif isinstance(a, int) and isinstance(b, int):
        if a != b:
            errors.append(f"{path}: {a} against {b}")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if abs(a - b) > TOLERANCE:
            errors.append(f"{path}: {a} against {b}")
    else:
        errors.append(f"{path}: {type(a).__name__} against {type(b).__name__}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        c = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        rust = json.load(f)
    errors = []
    compare(c, rust, "$", errors)
    glyphs = sum(len(r["glyphs"]) for p in rust["paragraphs"] for l in p["lines"] for r in l["runs"])
    for e in errors[:20]:
        print(e)
    print(f"capi_compare: {glyphs} glyphs, {len(errors)} differences")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
