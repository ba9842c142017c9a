#!/usr/bin/env bash
# Builds shrift's C library in release (capi/: libshrift_capi.a and libshrift_capi.so under the
# workspace's target/release) and compiles the C programs against the static one with the
# warnings as errors: capi/examples/dump (the layout dump) and capi/tests/c/errors (the error
# paths). Usage: capi/examples/build.sh  (CC and CARGO_TARGET_DIR are honoured).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
capi=$(dirname "$here")
root=$(dirname "$capi")
cargo build --release --locked -p shrift-capi --manifest-path "$root/Cargo.toml"
lib="${CARGO_TARGET_DIR:-$root/target}/release/libshrift_capi.a"
# What a Rust static library needs from the C runtime (rustc --print native-static-libs on
# Linux with glibc).
native=(-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)
cflags=(-std=c11 -O2 -g -Wall -Wextra -Werror -pedantic -I"$capi/include")
cc=${CC:-cc}
"$cc" "${cflags[@]}" "$here/dump.c" "$lib" "${native[@]}" -o "$here/dump"
"$cc" "${cflags[@]}" "$capi/tests/c/errors.c" "$lib" "${native[@]}" -o "$capi/tests/c/errors"
# The header compiles as C++ too (its extern "C" guard).
"${CXX:-c++}" -std=c++11 -Wall -Wextra -Werror -fsyntax-only -x c++ -I"$capi/include" - <<'CPP'
#include "shrift.h"
int main() { return shrift_abi_version() == SHRIFT_ABI_VERSION ? 0 : 1; }
CPP
echo "built $here/dump and $capi/tests/c/errors"
