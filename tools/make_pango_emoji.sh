#!/usr/bin/env bash
# Regenerates tests/data/pango_thumbs_48px.png: Pango's drawing (pango-view, Debian pango1.0-tools,
# cairo) of U+1F44D THUMBS UP SIGN in Noto Color Emoji (fonts-noto-color-emoji, CBDT bitmaps) at
# 48 px on white, the second renderer tests/color_glyphs.rs compares shrift's raster helper with.
set -euo pipefail
cd "$(dirname "$0")/.."
pango-view --no-display --font="Noto Color Emoji 48px" --margin=0 --background=white \
  -t "👍" -o tests/data/pango_thumbs_48px.png
echo "wrote tests/data/pango_thumbs_48px.png ($(pango-view --version))"
