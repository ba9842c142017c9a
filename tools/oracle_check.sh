#!/usr/bin/env bash
# Dumps the corpus (and tests/data/stress.txt) at several widths with both stacks and checks every dump with
# ../shared/tools/oracle.py (HarfBuzz shaping, JDK bidi order, geometry). Exits non-zero on any
# failure. Needs python3 with uharfbuzz (installed here if missing) and a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=../shared/tools/oracle.py
if [ ! -f "$oracle" ]; then echo "oracle_check: $oracle not found"; exit 1; fi
python3 -c 'import uharfbuzz' 2>/dev/null || pip install -q uharfbuzz
cargo build -q --release --example dump
out=$(mktemp -d)
fail=0
passed=0
failed=0
for file in tests/data/article.txt tests/data/mixed.txt tests/data/stress.txt; do
  for width in 300 600; do
    for dir in auto rtl; do
      for stack in body head; do
        if [ $stack = body ]; then args=(); else args=(--size 32 --weight 700 --stack "Noto Sans Hebrew,Noto Sans"); fi
        dump="$out/$(basename "$file" .txt)-$width-$dir-$stack.json"
        ./target/release/examples/dump --width $width --dir $dir "${args[@]}" "$file" > "$dump"
        if result=$(python3 "$oracle" "$dump" --fonts fonts 2>&1); then
          echo "$(basename "$file") width $width dir $dir $stack: $(echo "$result" | tail -1)"
          passed=$((passed + 1))
        else
          echo "$result" | grep -E '^FAIL|oracle:' | head -20
          echo "$(basename "$file") width $width dir $dir $stack: FAILED"
          fail=1
          failed=$((failed + 1))
        fi
      done
    done
  done
done
# Other faces (tests/fonts): Ezra SIL's mark positioning, Frank Ruehl CLM's Yiddish (JII) rules.
for file in tests/data/article.txt tests/data/mixed.txt tests/data/stress.txt; do
  for stack in "Ezra SIL,Noto Serif" "Frank Ruehl CLM,Noto Serif"; do
    dump="$out/$(basename "$file" .txt)-other.json"
    ./target/release/examples/dump --fonts tests/fonts --stack "$stack" --width 300 "$file" > "$dump"
    if result=$(python3 "$oracle" "$dump" --fonts fonts:tests/fonts 2>&1); then
      echo "$(basename "$file") width 300 stack $stack: $(echo "$result" | tail -1)"
      passed=$((passed + 1))
    else
      echo "$result" | grep -E '^FAIL|oracle:' | head -20
      echo "$(basename "$file") width 300 stack $stack: FAILED"
      fail=1
      failed=$((failed + 1))
    fi
  done
done
rm -rf "$out"
echo "oracle dumps: $passed passed, $failed failed"
exit $fail
