#!/usr/bin/env bash
# The batch example (issue 24): the corpus files laid out on 1 and on 2 threads must give the
# same JSON byte for byte, and every file's JSON must pass ../shared/tools/oracle.py (HarfBuzz
# per run, the JDK's bidi per line, geometry). Built with --all-features so that it shares the
# release build of CI's all-features test pass.
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=../shared/tools/oracle.py
python3 -c 'import uharfbuzz' 2>/dev/null || pip install -q uharfbuzz
cargo build -q --release --all-features --example batch
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=(../shared/corpus/*.txt tests/data/stress.txt tests/data/edge.txt)
./target/release/examples/batch --threads 1 --out "$out/one" "${files[@]}"
./target/release/examples/batch --threads 2 --out "$out/two" "${files[@]}"
diff -r "$out/one" "$out/two"
echo "batch: 1 and 2 threads wrote the same $(ls "$out/one" | wc -l) files"
for json in "$out"/two/*.json; do
  printf '%s: ' "$(basename "$json")"
  python3 "$oracle" "$json" --fonts fonts | tail -1
done
