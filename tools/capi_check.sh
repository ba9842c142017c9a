#!/usr/bin/env bash
# The C ABI (capi/), from C: builds the library and the C programs with warnings as errors
# (capi/examples/build.sh), runs the error-path tests, dumps the corpus through the C example at
# two widths and two sizes and checks each dump with ../shared/tools/oracle.py and against the
# Rust dump of the same settings (tools/capi_compare.py: same glyphs, positions within 1e-3 px),
# then runs both C programs under valgrind (no errors, no leaks).
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=../shared/tools/oracle.py
python3 -c 'import uharfbuzz' 2>/dev/null || pip install -q uharfbuzz
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
capi/examples/build.sh
capi/tests/c/errors
cargo build -q --release --example dump
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for file in tests/data/article.txt tests/data/mixed.txt; do
  for width in 300 600; do
    for size in 16 32; do
      label="$(basename "$file") width $width size $size"
      args=(--width "$width" --size "$size" --fonts tests/fonts "$file")
      capi/examples/dump "${args[@]}" > "$out/c.json"
      ./target/release/examples/dump "${args[@]}" > "$out/rust.json"
      echo "$label: $(tools/capi_compare.py "$out/c.json" "$out/rust.json" | tail -1)"
      echo "$label: $(python3 "$oracle" "$out/c.json" --fonts fonts:tests/fonts | tail -1)"
    done
  done
done
# A stack with a test face (loaded from --fonts) through the C path as well.
capi/examples/dump --stack "Ezra SIL,Noto Serif" --fonts tests/fonts tests/data/mixed.txt > "$out/c.json"
./target/release/examples/dump --stack "Ezra SIL,Noto Serif" --fonts tests/fonts tests/data/mixed.txt > "$out/rust.json"
echo "mixed.txt Ezra SIL: $(tools/capi_compare.py "$out/c.json" "$out/rust.json" | tail -1)"
echo "mixed.txt Ezra SIL: $(python3 "$oracle" "$out/c.json" --fonts fonts:tests/fonts | tail -1)"
# A variable face (Inter, tests/fonts) at an axis setting and italic (its slnt axis): the C
# dump gives each face's variations as the Rust dump does, and HarfBuzz shapes that instance.
for flags in "--variations wght=650" "--italic --size 32"; do
  # shellcheck disable=SC2086 # the flags are words
  capi/examples/dump --stack "Inter,Noto Serif Hebrew" $flags --fonts tests/fonts tests/data/mixed.txt > "$out/c.json"
  # shellcheck disable=SC2086
  ./target/release/examples/dump --stack "Inter,Noto Serif Hebrew" $flags --fonts tests/fonts tests/data/mixed.txt > "$out/rust.json"
  echo "mixed.txt Inter $flags: $(tools/capi_compare.py "$out/c.json" "$out/rust.json" | tail -1)"
  echo "mixed.txt Inter $flags: $(python3 "$oracle" "$out/c.json" --fonts fonts:tests/fonts | tail -1)"
done
# Inline boxes on every U+FFFC of tests/data/boxes.txt: the C dump's "boxes" and runs equal the
# Rust dump's (the oracle does not know boxes; tests/inline_boxes.rs checks them with Chromium).
for width in 200 300; do
  capi/examples/dump --boxes 30x20 --width $width tests/data/boxes.txt > "$out/c.json"
  ./target/release/examples/dump --boxes 30x20 --width $width tests/data/boxes.txt > "$out/rust.json"
  echo "boxes.txt width $width with boxes: $(tools/capi_compare.py "$out/c.json" "$out/rust.json" | tail -1)"
done
# Automatic hyphenation through C: the same lines and added hyphens as the Rust dump, and the
# hyphens shaped as HarfBuzz shapes them.
for breaking in first-fit optimal; do
  args=(--hyphens auto --language en --align justify --breaking $breaking --width 250 tests/data/article.txt)
  capi/examples/dump "${args[@]}" > "$out/c.json"
  ./target/release/examples/dump "${args[@]}" > "$out/rust.json"
  echo "article.txt hyphens auto $breaking: $(tools/capi_compare.py "$out/c.json" "$out/rust.json" | tail -1)"
  echo "article.txt hyphens auto $breaking: $(python3 tools/hyphen_check.py "$out/c.json" --fonts fonts | tail -1)"
done
# Memory: every path the error tests take, and a whole article, without an invalid access or a
# leak (the Rust side's allocations included).
vg=(valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect,possible
  --errors-for-leak-kinds=definite,indirect,possible)
"${vg[@]}" capi/tests/c/errors > /dev/null
"${vg[@]}" capi/examples/dump --width 300 tests/data/article.txt > /dev/null
echo "capi_check: passed"
