#!/usr/bin/env bash
# Packages the crate as `cargo publish` would and runs the unpacked package's tests, so that what
# the package leaves out (Cargo.toml's exclude) is never something its tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo package -p shrift --no-verify --allow-dirty -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tar xzf target/package/shrift-*.crate -C "$dir"
# The main target directory keeps the dependencies compiled.
(cd "$dir"/shrift-* && CARGO_TARGET_DIR="$OLDPWD/target" cargo test --release -q 2>&1 | tail -3)
echo "package tests: passed"
