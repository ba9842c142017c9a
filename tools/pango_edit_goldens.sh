#!/usr/bin/env bash
# Regenerates tests/data/pango/*.json.gz: Pango 1.50's editing geometry (../shared/tools/pango/
# edit_oracle.py) for the corpus (../shared/corpus/article.txt and mixed.txt) at 200 and 400 px,
# 16 px, weight 400, --dir auto, with the DejaVu Sans stack (the oracle's own copy of the font,
# identical to tests/fonts/DejaVuSans.ttf) and the "Noto Serif,Noto Serif Hebrew" stack (Debian's
# fonts-noto-core). Needs Debian's system python3 with PyGObject and Pango:
#   apt-get install python3-gi python3-gi-cairo python3-cairo gir1.2-pango-1.0 gir1.2-freedesktop fonts-noto-core
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=../shared/tools/pango/edit_oracle.py
py=$(dpkg -L python3-minimal | grep -m1 'bin/python3$')
noto=$(dirname "$(fc-match -f '%{file}' 'Noto Serif')")
out=tests/data/pango
mkdir -p "$out"
for f in article mixed; do
  for w in 200 400; do
    "$py" "$oracle" --text ../shared/corpus/$f.txt --font-dir ../shared/tools/pango/tests/fonts/dejavu \
      --stack "DejaVu Sans" --size 16 --weight 400 --width $w --dir auto --out "$out/${f}_dejavu_w$w.json"
    "$py" "$oracle" --text ../shared/corpus/$f.txt --font-dir "$noto" \
      --stack "Noto Serif,Noto Serif Hebrew" --size 16 --weight 400 --width $w --dir auto \
      --out "$out/${f}_noto_w$w.json"
  done
done
gzip -9 -f "$out"/*.json
