#!/usr/bin/env bash
# Rebuilds two test fonts of tests/fonts from Debian's packages with fontTools' subsetter:
#   InterVariable-Latin.ttf  Inter's variable face (4.0~beta7) (fonts-inter-variable, Inter.var.ttf: axes
#                            wght 100..900 and slnt -10..0), printable ASCII and a few Latin-1
#                            letters, every axis and variation table kept.
#   EmojiSubset.ttf          Noto Color Emoji (fonts-noto-color-emoji, CBDT/CBLC bitmaps) cut to
#                            the emoji the tests use: thumbs up with its skin tones, a family ZWJ
#                            sequence, the Israeli flag, keycap 1, a smiling face, a red heart.
# Both are OFL 1.1 (tests/fonts/README.md). Needs: apt-get install fonts-inter-variable
# fonts-noto-color-emoji; pip install fonttools.
set -euo pipefail
cd "$(dirname "$0")/../tests/fonts"
pyftsubset /usr/share/fonts/truetype/inter-vf/Inter.var.ttf \
  --unicodes='U+0020-007E,U+00A0,U+00AD,U+00C0-00FF,U+2010,U+2011,U+2026' \
  --layout-features='*' --name-IDs='*' --notdef-outline --output-file=InterVariable-Latin.ttf
pyftsubset /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf \
  --text='👍👍🏻👍🏽👍🏿👨‍👩‍👧🇮🇱1️⃣😀❤️' --unicodes='U+200D,U+FE0F,U+20E3,U+1F3FB-1F3FF,U+1F1EE,U+1F1F1' \
  --layout-features='*' --name-IDs='*' --output-file=EmojiSubset.ttf
