#!/usr/bin/env python3
"""Writes the seed corpora of the editor_script and layout_options fuzz targets (the other
targets' seeds are the files already in corpus/): python3 fuzz/seeds.py from the repository.

editor_script seeds are long scripts (up to the target's 64 operations) over texts with CR LF,
U+2029, YIVO points, ZWJ emoji sequences and bidi controls; the first is the input issue 28
gave (a CR LF then a triple click). layout_options seeds are the lines of tests/data/mixed.txt
under option headers from the ordinary to the extreme.
"""
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TEXTS = [
    "a\r\n", "a\r\nb\r\n", "\u2029", "שלום\u2029world", "פֿאַר ייִדיש", "אָ\u05b7\u05bc",
    "👨\u200d👩\u200d👧", "👍🏽", "x\u200d\n", "\u2067שלום\u2069 abc", "\u202babc\u202c",
    "co\u00adop", "a\tb", "The YIVO Institute (ייִוואָ) 1925.", "\r", "\n\n",
]


def op(kind, value=0, text=None):
    out = bytes([kind]) + struct.pack("<I", value & 0xFFFFFFFF)
    if text is not None:
        b = text.encode()[:255]
        out += bytes([len(b)]) + b
    return out


def editor_seeds():
    seeds = [bytes([0]) + op(0, 0, "a\r\n") + op(8, 0)]  # issue 28's input
    rng = random.Random(20261202)
    for n in range(24):
        script = bytes([n % 3])
        for _ in range(60):
            kind = rng.randrange(14)
            value = rng.choice([0, 1, 2, 3, 7, 100, 0xFFFFFFFF, struct.unpack("<I", struct.pack("<f", rng.uniform(-50, 400)))[0]])
            if kind in (0, 1):
                script += op(kind, value, rng.choice(TEXTS))
            else:
                script += op(kind, value)
        seeds.append(script)
    return seeds


def option_seeds():
    lines = [l for l in open(os.path.join(ROOT, "tests/data/mixed.txt"), encoding="utf-8").read().split("\n") if l]
    headers = [
        (300.0, 0.0, 0.0, 1.0, 50.0, 100.0, [0, 0, 0, 0, 0, 0]),
        (120.0, 1.5, 3.0, 1.2, 32.0, 0.0, [2, 5, 1, 0, 2, 0x21]),
        (80.0, -0.5, -2.0, 22.0, 16.0, 40.0, [4, 4, 2, 1, 1, 1]),
        (5.0, -50.0, 0.0, 100.0, 1.0, 262144.0, [8, 1, 3, 2, 3, 2]),
        (0.0, 0.0, 0.0, 0.0, 1e-6, 0.0, [12, 2, 0, 0, 4, 3]),
        (float("nan"), 1e5, -1e5, float("inf"), float("inf"), -1.0, [1, 3, 2, 1, 0, 0x14]),
    ]
    seeds = []
    for k, line in enumerate(lines):
        w, ls, ws, lh, ti, ts, b = headers[k % len(headers)]
        head = struct.pack("<6f", w, ls, ws, lh, ti, ts) + bytes(b)
        seeds.append(head + line.encode())
    return seeds


def write(target, seeds):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    for i, s in enumerate(seeds):
        with open(os.path.join(folder, f"seed{i}"), "wb") as f:
            f.write(s)


write("editor_script", editor_seeds())
write("layout_options", option_seeds())
