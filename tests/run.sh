#!/usr/bin/env bash
# Keel's whole test suite: one command, every layer, one closing line.
#
#   bash tests/run.sh                 # every layer
#   KEEL_LAYERS="python kotlin" bash tests/run.sh   # a subset while working
#
# On a bare Debian machine with the Rust toolchain it installs what it needs:
# a JDK, JNA and JUnit (apt), the Kotlin compiler (npm, into .tools/), pytest
# and tree-sitter grammars (pip, into .tools/venv), Node and Chromium for the
# browser layer (tests/browser/run.sh). Layers:
#
#   fmt      cargo fmt --check
#   clippy   cargo clippy --all-targets -- -D warnings
#   cargo    cargo test over the workspace (reliability harness at its default counts)
#   python   pytest against the generated Python bindings and the real library
#   kotlin   kotlinc + JUnit on the JVM against the generated Kotlin bindings
#   ui       the Android app's screens (android/core + android/ui) compiled by
#            Maven against Compose for desktop, and the app's android.* glue
#            against the Android 14 framework jar: UI flows on real vaults,
#            guards, strings, and the screenshot gallery (android/jvm/target/gallery)
#   parse    tree-sitter parse of the generated Swift and every Swift/Kotlin
#            source of the shells (ios/, android/)
#            + the iOS checks: bindings use, localisation keys and the
#            string catalog, privacy manifest and glue, access across the
#            Swift modules (tests/tools/ios_*.py)
#   browser  the counselor report in headless Chromium from a file:// URL
#
# Each layer's own summary is parsed into pass/fail counts; the last line is
# "N passed, N failed" over all layers, and the exit status is non-zero if
# anything failed or a layer could not run.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
out="$repo/tests/.out"
tools="$repo/.tools"
mkdir -p "$out" "$tools"
layers="${KEEL_LAYERS:-fmt clippy cargo python kotlin ui parse browser}"

passed=0
failed=0
summary=()

# Disk: a CI machine may have little room. One build of the workspace serves
# every layer (the bindings, the library the JVM and Python load, the browser
# layer's sample report): each step builds with `--workspace` so cargo never
# resolves a second feature set and compiles the crates twice, and
# incremental caches (1.3 GB, useless on a fresh checkout) are off.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "== installing (apt): ${missing[*]}"
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq && apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# record LAYER PASSED FAILED
record() {
  passed=$((passed + $2))
  failed=$((failed + $3))
  summary+=("$(printf '%-8s %5d passed %5d failed' "$1" "$2" "$3")")
}

sum_lines() {
  awk '{ s += $1 } END { print s + 0 }'
}

wants() {
  case " $layers " in *" $1 "*) return 0 ;; *) return 1 ;; esac
}

banner() {
  echo
  echo "================ $1 ================"
}

# --- Rust -------------------------------------------------------------------

if wants fmt; then
  banner "fmt"
  if cargo fmt --all -- --check; then record fmt 1 0; else record fmt 0 1; fi
fi

if wants clippy; then
  banner "clippy"
  if cargo clippy --workspace --all-targets -- -D warnings; then record clippy 1 0; else record clippy 0 1; fi
fi

if wants cargo; then
  banner "cargo test"
  log="$out/cargo-test.log"
  cargo test --workspace 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  p=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | sum_lines)
  f=$(grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/' | sum_lines)
  p=${p:-0}
  f=${f:-0}
  # A build failure prints no result line: count it as one failure.
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  record cargo "$p" "$f"
fi

# --- Generated bindings -----------------------------------------------------

bindings="$out/bindings"
generate_bindings() {
  [ -f "$bindings/.done" ] && return 0
  banner "bindings (uniffi-bindgen from the real library)"
  cargo build --workspace || return 1
  rm -rf "$bindings"
  mkdir -p "$bindings"
  local lib="$repo/target/debug/libkeel_ffi.so"
  for lang in kotlin python swift; do
    "$repo/target/debug/uniffi-bindgen" generate "$lib" \
      --language "$lang" --out-dir "$bindings/$lang" --no-format || return 1
  done
  cp "$lib" "$bindings/python/"
  touch "$bindings/.done"
}

venv="$tools/venv"
python_env() {
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$venv"; } || return 1
  fi
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$repo/tests/requirements.txt"
}

if wants python || wants kotlin || wants ui || wants parse; then
  rm -f "$bindings/.done"
  if ! generate_bindings; then
    echo "bindings could not be generated"
    for l in python kotlin ui parse; do wants "$l" && record "$l" 0 1; done
    layers=""
  fi
fi

if wants python; then
  banner "python"
  if python_env; then
    log="$out/pytest.log"
    PYTHONPATH="$bindings/python" "$venv/bin/python" -m pytest -q -p no:cacheprovider \
      "$repo/tests/python" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    line=$(grep -E '^(=+ )?[0-9]+ (passed|failed)|^=+ .*(passed|failed|error)' "$log" | tail -1)
    p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || true)
    f=$(echo "$line" | grep -oE '[0-9]+ (failed|error|errors)' | grep -oE '[0-9]+' | sum_lines)
    p=${p:-0}
    f=${f:-0}
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    record python "$p" "$f"
  else
    echo "python environment could not be installed"
    record python 0 1
  fi
fi

kotlin_env() {
  apt_install default-jdk-headless libjna-java junit4 || return 1
  kotlinc="$tools/node_modules/kotlin-compiler/bin/kotlinc"
  if [ ! -x "$kotlinc" ]; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm || return 1
    (cd "$tools" && npm install --no-audit --no-fund --loglevel=error kotlin-compiler@2.4.20) || return 1
  fi
}

if wants kotlin; then
  banner "kotlin (JVM, JNA, JUnit)"
  if kotlin_env; then
    log="$out/kotlin.log"
    classes="$out/kotlin-classes"
    rm -rf "$classes"
    mkdir -p "$classes"
    cp="/usr/share/java/jna.jar:/usr/share/java/junit4.jar:/usr/share/java/hamcrest-core.jar"
    tests=$(cd "$repo/tests/kotlin" && find . -name '*Test.kt' | sed -E 's#^\./##; s#\.kt$##; s#/#.#g' | sort)
    if "$kotlinc" -nowarn -d "$classes" -cp "$cp" \
      $(find "$bindings/kotlin" -name '*.kt') $(find "$repo/tests/kotlin" -name '*.kt') 2>&1 | tee "$out/kotlinc.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
      stdlib="$tools/node_modules/kotlin-compiler/lib/kotlin-stdlib.jar"
      java -Djna.library.path="$repo/target/debug" -cp "$classes:$cp:$stdlib" \
        org.junit.runner.JUnitCore $tests 2>&1 | tee "$log"
      status=${PIPESTATUS[0]}
      if grep -qE '^OK \(' "$log"; then
        p=$(grep -E '^OK \(' "$log" | grep -oE '[0-9]+' | head -1)
        f=0
      else
        run=$(grep -oE 'Tests run: [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
        f=$(grep -oE 'Failures: [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
        run=${run:-0}
        f=${f:-1}
        p=$((run - f))
      fi
      if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
      record kotlin "$p" "$f"
    else
      echo "kotlinc failed"
      record kotlin 0 1
    fi
  else
    echo "JDK, JNA, JUnit or kotlinc could not be installed"
    record kotlin 0 1
  fi
fi

# --- Android screens on the JVM ---------------------------------------------

if wants ui; then
  banner "ui (Android screens on Compose for desktop, real library)"
  log="$out/ui.log"
  # Maven and a JDK from apt; DejaVu so the screenshots' glyphs are the same
  # on every machine. Maven fetches Compose for desktop, Kotlin and JNA from
  # Maven Central into ~/.m2 on the first run.
  if apt_install default-jdk-headless maven fonts-dejavu-core fontconfig; then
    reports="$repo/android/jvm/target/surefire-reports"
    rm -rf "$reports"
    (cd "$repo/android/jvm" && mvn -B -q test \
      -Dkeel.bindings="$bindings/kotlin" -Dkeel.lib="$repo/target/debug") 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    # Surefire's XML reports: tests, failures and errors per class.
    read -r t f e < <(cat "$reports"/TEST-*.xml 2>/dev/null | grep -oE '<testsuite [^>]*>' | awk '
      { match($0, /tests="[0-9]+"/); t += substr($0, RSTART + 7, RLENGTH - 8)
        match($0, /failures="[0-9]+"/); f += substr($0, RSTART + 10, RLENGTH - 11)
        match($0, /errors="[0-9]+"/); e += substr($0, RSTART + 8, RLENGTH - 9) }
      END { print t + 0, f + 0, e + 0 }')
    f=$((f + e))
    p=$((t - f))
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    record ui "$p" "$f"
  else
    echo "JDK or Maven could not be installed"
    record ui 0 1
  fi
fi

if wants parse; then
  banner "parse (tree-sitter: Swift and Kotlin sources)"
  if python_env; then
    log="$out/parse.log"
    "$venv/bin/python" "$repo/tests/tools/parse_sources.py" "$bindings/swift" "$repo/ios" "$repo/android" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    total=$(grep -oE '^parsed [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
    f=$(grep -oE '[0-9]+ with errors' "$log" | grep -oE '[0-9]+' | tail -1)
    f=${f:-0}
    p=$((${total:-0} - f))
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    # The iOS app passes records between actors: every generated type must
    # be Sendable (one more check, counted with this layer).
    if "$venv/bin/python" "$repo/tests/tools/swift_sendable.py" "$bindings/swift/KeelCore.swift" 2>&1 | tee -a "$log"; then
      p=$((p + 1))
    else
      f=$((f + 1))
    fi
    # The iOS app against what text can prove without a Swift compiler: its
    # uses of the generated bindings, its localisation keys and the catalog
    # made from the Android strings, its privacy manifest and glue, what the
    # app target and the tests use of KeelKit being visible to them (one count
    # each), and the tests of those checks (tests/tools/test_*.py).
    ios_check() {
      if "$venv/bin/python" "$repo/tests/tools/$1" "${@:2}" 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
        p=$((p + 1))
      else
        f=$((f + 1))
      fi
    }
    ios_check ios_bindings.py "$bindings/swift/KeelCore.swift" "$repo/ios"
    ios_check ios_strings.py "$repo"
    ios_check ios_privacy.py "$repo/ios"
    ios_check ios_access.py "$bindings/swift/KeelCore.swift" "$repo/ios"
    "$venv/bin/python" -m pytest -q -p no:cacheprovider "$repo/tests/tools" 2>&1 | tee "$out/tools-pytest.log"
    status=${PIPESTATUS[0]}
    line=$(grep -E '[0-9]+ (passed|failed)' "$out/tools-pytest.log" | tail -1)
    tp=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || true)
    tf=$(echo "$line" | grep -oE '[0-9]+ (failed|error|errors)' | grep -oE '[0-9]+' | sum_lines)
    if [ "$status" -ne 0 ] && [ "${tf:-0}" -eq 0 ]; then tf=1; fi
    p=$((p + ${tp:-0}))
    f=$((f + ${tf:-0}))
    record parse "$p" "$f"
  else
    record parse 0 1
  fi
fi

# --- Browser ----------------------------------------------------------------

if wants browser; then
  banner "browser (counselor report in headless Chromium)"
  log="$out/browser.log"
  bash "$repo/tests/browser/run.sh" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  p=$(grep -E '^# pass ' "$log" | grep -oE '[0-9]+' | tail -1)
  f=$(grep -E '^# fail ' "$log" | grep -oE '[0-9]+' | tail -1)
  p=${p:-0}
  f=${f:-0}
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  record browser "$p" "$f"
fi

echo
echo "================ summary ================"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
