#!/usr/bin/env bash
# The counselor report in a real headless Chromium, from a file:// URL.
#
# Installs what it needs on a bare Debian machine (Debian's chromium, Node's
# playwright-core pinned in package-lock.json), writes a sample report with
# the real core (the `write_sample_report` example),
# and runs `node --test`, whose summary (tests / pass / fail) ends the output.
# Exits with node's status.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/tests/.out/browser"
mkdir -p "$out"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "browser tests: installing Node.js and npm (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_bin" ]; then
  echo "browser tests: installing Debian's chromium (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH="$chromium_bin"

# playwright-core only: it downloads no browser of its own.
if [ ! -d "$here/node_modules/playwright-core" ] \
  || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

sample="$out/report-sample.html"
rm -f "$sample"
# Built with the workspace's features, as `cargo test --workspace` built it,
# so nothing is compiled a second time.
(cd "$repo" && cargo build -q --workspace --examples)
"$repo/target/debug/examples/write_sample_report" "$sample" "maple river candle orbit"
export KEEL_SAMPLE_REPORT="$sample"
# The direction-isolation sample: right-to-left overrides, Arabic, Hebrew.
bidi="$out/report-bidi.html"
rm -f "$bidi"
"$repo/target/debug/examples/write_sample_report" "$bidi" "maple river candle orbit" bidi
export KEEL_BIDI_REPORT="$bidi"

cd "$here"
node --test
