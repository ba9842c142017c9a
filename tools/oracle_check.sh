#!/usr/bin/env bash
# Dumps the corpus (and tests/data/stress.txt and edge.txt) at several widths with both stacks, and with two
# test faces, and checks every dump with ../shared/tools/oracle.py (HarfBuzz shaping, JDK bidi
# order, geometry). Exits non-zero on any failure. Needs python3 with uharfbuzz (installed here
# if missing) and a JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=../shared/tools/oracle.py
if [ ! -f "$oracle" ]; then echo "oracle_check: $oracle not found"; exit 1; fi
python3 -c 'import uharfbuzz' 2>/dev/null || pip install -q uharfbuzz
# ORACLE_FEATURES (e.g. harfrust) builds the dump with those features; SHRIFT_SHAPER picks the backend.
cargo build -q --release --example dump ${ORACLE_FEATURES:+--features $ORACLE_FEATURES}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Checks run ORACLE_JOBS at a time (default 2, the CI machine's cores: the oracle is one Python
# and one JVM process per dump); each writes its report to its own file, printed in order at the
# end.
jobs_max=${ORACLE_JOBS:-2}
count=0

# run_job COMMAND...: runs the command in the background once fewer than jobs_max run; its
# stdout is the report, whose last line is "ok" or "fail".
run_job() {
  count=$((count + 1))
  local id
  id=$(printf '%05d' "$count")
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
    wait -n || true
  done
  ("$@" "$id" > "$out/report$id" 2>&1 || echo fail >> "$out/report$id") &
}

# check LABEL DUMP-ARGS...: dump with the arguments and check the dump (in the background).
check() {
  run_job check_one "$@"
}

check_one() {
  local id=${*: -1}
  local label=$1; shift
  local dump="$out/dump$id.json"
  ./target/release/examples/dump --fonts tests/fonts "${@:1:$#-1}" > "$dump"
  local result
  if result=$(python3 "$oracle" "$dump" --fonts fonts:tests/fonts 2>&1); then
    echo "$label: $(echo "$result" | tail -1)"
    echo ok
  else
    echo "$result" | grep -E '^FAIL|oracle:' | head -20 || true
    echo "$label: FAILED"
    echo fail
  fi
  rm -f "$dump"
}

for file in tests/data/article.txt tests/data/mixed.txt tests/data/stress.txt tests/data/edge.txt; do
  name=$(basename "$file")
  for width in 300 600; do
    for dir in auto rtl; do
      check "$name width $width dir $dir body" --width $width --dir $dir "$file"
      check "$name width $width dir $dir head" --width $width --dir $dir --size 32 --weight 700 \
        --stack "Noto Sans Hebrew,Noto Sans" "$file"
    done
  done
  # Other faces (tests/fonts): Ezra SIL's mark positioning, Frank Ruehl CLM's Yiddish (JII) rules.
  for stack in "Ezra SIL,Noto Serif" "Frank Ruehl CLM,Noto Serif"; do
    check "$name width 300 stack $stack" --width 300 --stack "$stack" "$file"
  done
done
# Narrow columns where soft hyphens, no-break spaces and quotations meet line ends.
for width in 90 120 160; do
  for dir in auto rtl; do
    check "edge.txt width $width dir $dir" --width $width --dir $dir tests/data/edge.txt
  done
done
# The word cache (items shaped word by word where HarfBuzz's flags show it exact): the same
# glyphs as item shaping, so the oracle must pass as it does without it.
for file in tests/data/article.txt tests/data/mixed.txt tests/data/stress.txt tests/data/edge.txt; do
  name=$(basename "$file")
  for width in 300 600; do
    check "$name width $width word cache body" --word-cache --width $width "$file"
    check "$name width $width word cache head" --word-cache --width $width --size 32 --weight 700 \
      --stack "Noto Sans Hebrew,Noto Sans" "$file"
  done
  for stack in "Ezra SIL,Noto Serif" "Frank Ruehl CLM,Noto Serif"; do
    check "$name width 300 word cache stack $stack" --word-cache --width 300 --stack "$stack" "$file"
  done
done
# A variable face (tests/fonts/InterVariable-Latin.ttf, axes wght and slnt) at several
# locations: weights from the style, axis values given (--variations), italic by its slnt axis.
# The dump gives each run's "variations", with which the oracle has HarfBuzz shape the same
# instance. HarfRust only: rustybuzz 0.20 drops some kerning at a location off the default (Inter's
# "ra" at wght 650 keeps its 1134-unit advance where HarfBuzz kerns it to 1098;
# tests/variable_fonts.rs holds that difference), so its pass skips these.
if [ "${SHRIFT_SHAPER:-}" != rustybuzz ]; then
  for file in tests/data/article.txt tests/data/mixed.txt; do
    name=$(basename "$file")
    for wght in 100 300 650 900; do
      check "$name width 300 Inter wght $wght" --width 300 --stack "Inter,Noto Serif Hebrew" \
        --variations wght=$wght "$file"
    done
    check "$name width 600 Inter bold italic head" --width 600 --size 32 --weight 700 --italic \
      --stack "Inter,Noto Sans Hebrew" "$file"
    check "$name width 300 Inter weight 500 slnt -5" --width 300 --weight 500 --variations slnt=-5 \
      --stack "Inter,Noto Serif Hebrew" "$file"
  done
fi
# The layout modes below (fitting, justification, optimal breaking, balance and pretty, spacing,
# tabs, decorations, truncation) change breaking and positioning, not shaping: the second
# backend's pass (ORACLE_LAYOUT_MODES=0 in .ci/run) skips them, having checked its shaping above.
if [ "${ORACLE_LAYOUT_MODES:-1}" = 1 ]; then
# The fitting modes: no wrap, line-height modes, overflow wrap.
for file in tests/data/article.txt tests/data/mixed.txt; do
  name=$(basename "$file")
  check "$name no wrap" --no-wrap "$file"
  for lh in size:1.3 px:22 uniform:1.2; do
    check "$name width 300 line height $lh" --width 300 --line-height $lh "$file"
  done
  check "$name width 300 overflow-wrap normal" --width 300 --overflow-wrap normal "$file"
  for width in 300 600; do
    check "$name width $width fallback per-char" --width $width --fallback per-char "$file"
    check "$name width $width fallback per-char head" --width $width --fallback per-char --size 32 \
      --weight 700 --stack "Noto Sans Hebrew,Noto Sans" "$file"
  done
done
# Justified lines: each inter-word space's stretch is its glyph's "extra", which the oracle adds
# to the pen.
for file in tests/data/article.txt tests/data/mixed.txt tests/data/stress.txt tests/data/edge.txt; do
  name=$(basename "$file")
  for width in 120 300; do
    for dir in auto rtl; do
      check "$name width $width dir $dir justified" --align justify --width $width --dir $dir "$file"
      check "$name width $width dir $dir justified optimal" --align justify --breaking optimal \
        --width $width --dir $dir "$file"
    done
  done
done
# Automatic hyphenation (English patterns): lines end inside words; the added hyphens are listed
# apart from the runs (the oracle checks the text's runs, tools/hyphen_check.py the hyphens:
# HarfBuzz's glyph and advance, inside a word, touching it, within the width).
check_hyphen_one() {
  local id=${*: -1}
  local label=$1; shift
  local dump="$out/dump$id.json"
  ./target/release/examples/dump "${@:1:$#-1}" > "$dump"
  local result hresult ok=1
  result=$(python3 "$oracle" "$dump" --fonts fonts 2>&1) || ok=0
  hresult=$(python3 tools/hyphen_check.py "$dump" --fonts fonts 2>&1) || ok=0
  if [ $ok = 1 ]; then
    echo "$label: $(echo "$result" | tail -1); $(echo "$hresult" | tail -1)"
    echo ok
  else
    echo "$result" | grep -E '^FAIL|oracle:' | head -10 || true
    echo "$hresult" | grep -E '^FAIL|hyphen:' | head -10 || true
    echo "$label: FAILED"
    echo fail
  fi
  rm -f "$dump"
}
for width in 250 300; do
  for breaking in first-fit optimal; do
    run_job check_hyphen_one "article.txt width $width hyphens auto $breaking" --hyphens auto \
      --language en --align justify --breaking $breaking --width $width tests/data/article.txt
  done
done
# Balanced and pretty wrapping: other line ends, the same checks.
for file in tests/data/article.txt tests/data/mixed.txt; do
  name=$(basename "$file")
  check "$name width 300 optimal pretty" --breaking optimal --wrap pretty --width 300 "$file"
  for wrap in balance pretty; do
    check "$name width 300 wrap $wrap" --wrap $wrap --width 300 "$file"
    check "$name width 600 wrap $wrap head" --wrap $wrap --width 600 --size 32 --weight 700 \
      --stack "Noto Sans Hebrew,Noto Sans" "$file"
  done
done
# Letter and word spacing: each cluster's spacing is its last glyph's "extra". Letter spacing turns
# the optional ligatures off (CSS), which the oracle's HarfBuzz call (default features) does not
# know: letter spacing is checked on the files whose faces make no optional ligature of their
# text (mixed, edge); word spacing, which changes no shaping, on all four.
for file in tests/data/mixed.txt tests/data/edge.txt; do
  name=$(basename "$file")
  for dir in auto rtl; do
    check "$name width 300 dir $dir letter spacing" --letter-spacing 1.5 --width 300 --dir $dir "$file"
    check "$name width 300 dir $dir spacing justified optimal" --letter-spacing -0.5 --word-spacing 3 \
      --align justify --breaking optimal --width 300 --dir $dir "$file"
  done
done
for file in tests/data/article.txt tests/data/stress.txt; do
  check "$(basename "$file") width 300 word spacing" --word-spacing 4 --width 300 "$file"
done
# Tab stops: a tab's advance is the layout's (the oracle does not compare it with HarfBuzz), and
# pens must follow it; a table of Yiddish and English columns, both directions, both breakers.
for dir in auto rtl; do
  for width in 120 300; do
    check "tabs.txt width $width dir $dir" --width $width --dir $dir tests/data/tabs.txt
    check "tabs.txt width $width dir $dir justified optimal" --align justify --breaking optimal \
      --width $width --dir $dir tests/data/tabs.txt
  done
done
# Decorations change no glyph: the dump only gains "decorations"; the same checks must pass.
check "mixed.txt width 300 underline strikethrough" --underline --strikethrough --width 300 tests/data/mixed.txt
# Max lines: every paragraph clamped, its last line cut with an ellipsis. The oracle checks the
# text's runs; tools/ellipsis_check.py the ellipses (HarfBuzz shaping, place, fit).
check_cut() {
  run_job check_cut_one "$@"
}

check_cut_one() {
  local id=${*: -1}
  local label=$1 cut=$2; shift 2
  local dump="$out/dump$id.json"
  ./target/release/examples/dump --fonts tests/fonts "${@:1:$#-1}" > "$dump"
  local result ok=1
  if [ "$cut" = end-oracle ]; then
    result=$(python3 "$oracle" "$dump" --fonts fonts:tests/fonts 2>&1) || ok=0
    [ $ok = 1 ] || echo "$result" | grep -E '^FAIL|oracle:' | head -20 || true
    cut=end
  fi
  local eresult
  eresult=$(python3 tools/ellipsis_check.py "$dump" --fonts fonts:tests/fonts --cut "$cut" 2>&1) || ok=0
  if [ $ok = 1 ]; then
    echo "$label: $(echo "$eresult" | tail -1)"
    echo ok
  else
    echo "$eresult" | grep -E '^FAIL|ellipsis:' | head -20 || true
    echo "$label: FAILED"
    echo fail
  fi
  rm -f "$dump"
}
for file in tests/data/article.txt tests/data/mixed.txt tests/data/edge.txt; do
  name=$(basename "$file")
  for width in 120 300; do
    for dir in auto rtl ltr; do
      check_cut "$name width $width dir $dir max lines 2" end-oracle --width $width --dir $dir --max-lines 2 "$file"
    done
    check_cut "$name width $width max lines 1 by word, head" end-oracle --width $width --max-lines 1 \
      --truncate-at word --size 32 --weight 700 --stack "Noto Sans Hebrew,Noto Sans" "$file"
  done
  # Truncated single lines: the ellipsis is checked; a start or middle cut is not a line the
  # oracle can read (its range spans the elided text).
  check_cut "$name width 300 truncate end" end --width 300 --truncate end "$file"
  for mode in start middle; do
    check_cut "$name width 300 truncate $mode" any --width 300 --truncate $mode "$file"
  done
done
fi
wait
passed=0
failed=0
for report in "$out"/report*; do
  [ -e "$report" ] || continue
  sed '$d' "$report"
  if [ "$(tail -n 1 "$report")" = ok ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "oracle dumps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
