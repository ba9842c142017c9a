#!/usr/bin/env bash
# Renders the article with shrift (examples/render.rs) and with Pango (pango-view 1.50, Debian's
# pango1.0-tools, the same Noto faces from fonts-noto-core) into docs/, for comparison by eye.
# Usage: tools/compare_pango.sh   (writes docs/shrift-article.png, docs/pango-article.png)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q --release --example render -- --width 600 --out docs/shrift-article.png tests/data/article.txt
esc() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
n=$(grep -c '' tests/data/article.txt)
{
  i=0
  while IFS= read -r line || [ -n "$line" ]; do
    i=$((i + 1))
    text=$(printf '%s' "$line" | esc)
    if [ $i -eq 1 ]; then
      printf '<span font="Noto Sans Hebrew, Noto Sans Bold 32px">%s</span>\n' "$text"
    elif [ $i -gt $((n - 2)) ]; then
      printf '<span font="Noto Sans Hebrew, Noto Sans Bold 16px">%s</span>\n' "$text"
    else
      printf '<span font="Noto Serif, Noto Serif Hebrew 16px">%s</span>\n' "$text"
    fi
  done < tests/data/article.txt
} > /tmp/article-markup.txt
pango-view -q --markup --pixels --width=600 --margin=8 --hint-metrics=off --hinting=none \
  --subpixel-positions -o docs/pango-article.png /tmp/article-markup.txt
echo "wrote docs/shrift-article.png docs/pango-article.png"
