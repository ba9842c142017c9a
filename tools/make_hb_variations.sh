#!/usr/bin/env bash
# Regenerates tests/data/hb_variations.txt: HarfBuzz's shaping (hb-shape, Debian libharfbuzz-bin)
# of three Latin strings with tests/fonts/InterVariable-Latin.ttf at several locations of its wght
# and slnt axes, in font units (no --font-size: the face's upem), and the ink extents of "lo". tests/variable_fonts.rs lays the
# same strings out with shrift at a size of one em per upem and compares glyph ids and advances.
set -euo pipefail
cd "$(dirname "$0")/.."
font=tests/fonts/InterVariable-Latin.ttf
out=tests/data/hb_variations.txt
{
  echo "# hb-shape $(hb-shape --version | head -1 | awk '{print $NF}') on $font; regenerate with tools/make_hb_variations.sh"
  echo "# variations<TAB>text<TAB>hb-shape --no-glyph-names output"
  for var in wght=100 wght=300 wght=400 wght=650 wght=900 wght=700,slnt=-10 slnt=-5; do
    for text in "typography, weights" "Hamburgefonstiv" "AVATAR Wave"; do
      printf '%s\t%s\t%s\n' "$var" "$text" "$(hb-shape --variations="$var" --no-glyph-names "$font" "$text")"
    done
    # Ink extents (x bearing, y bearing, width, height) of "l" and "o": the outlines' location.
    printf '%s\t%s\t%s\n' "$var" "extents lo" "$(hb-shape --variations="$var" --show-extents --no-glyph-names "$font" lo)"
  done
} > "$out"
echo "wrote $out"
