#!/usr/bin/env bash
# The side-by-side benchmark in one command: Keel's vault, plain SQLite and
# SQLCipher over ten years of heavy use (ratios printed), then the stripped
# release size of the FFI library on stock SQLite and on SQLCipher.
# The first run builds SQLCipher and OpenSSL from source (a few minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo run --quiet --release --manifest-path tests/bench/Cargo.toml --bin compare

echo
echo "== FFI library size (x86_64, release, symbols stripped)"
cargo build --quiet --release -p keel-ffi
cargo build --quiet --release -p keel-ffi --features sqlcipher --target-dir target/sqlcipher
stock=$(stat -c %s target/release/libkeel_ffi.so)
cipher=$(stat -c %s target/sqlcipher/release/libkeel_ffi.so)
awk -v s="$stock" -v c="$cipher" 'BEGIN {
  printf "  libkeel_ffi.so on SQLite:    %.2f MB\n", s / 1e6
  printf "  libkeel_ffi.so on SQLCipher: %.2f MB\n", c / 1e6
  printf "  ratio Keel / SQLCipher build: %.2fx (goal: under 3 MB)\n", s / c
}'
