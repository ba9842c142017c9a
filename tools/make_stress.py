#!/usr/bin/env python3
"""Writes tests/data/stress.txt: 40 lines of random mixes of Hebrew letters (with points only on
Hebrew letters), Latin, digits, times and thousands, punctuation, quotes, brackets, maqaf, geresh,
gershayim, dashes, ZWJ, and every kind of bidi embedding, override and isolate, balanced or not.
tools/oracle_check.sh dumps it like the corpus. (Left out on purpose: a Hebrew point on a Latin
letter or digit, which no bundled face draws as one cluster: it would be a .notdef by design.)
Usage: tools/make_stress.py > tests/data/stress.txt"""
import random
random.seed(7)
pieces = ["א", "ב", "ש", "ײ", "װ", "פֿ", "אַ", "ייִ", "בּ", "a", "b", "W", "fi", "ff", "office", "0", "1", "9",
          "12:30", "3,500", " ", " ", " ", "  ", ".", ",", "'", "\"", "(", ")", "„", "“", "-", "־", "%",
          "\u202b", "\u202a", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f",
          "\u200e", "\u200d", "[", "]", "׳", "״", "—", "Zionist ", "ניו־יאָרק ", "«", "»", "2026", "40%"]
for _ in range(40):
    print("".join(random.choice(pieces) for _ in range(random.randint(5, 80))))
