#!/usr/bin/env bash
# Lucid's build. Installs what is missing, and says so.
#
#   ./build.sh          build the core (native + WASM), the extension and the packages, then show
#                       Lucid reading the bundled sample page (writes dist/sample-reader.html)
#   ./build.sh test     build, then run every test: cargo, JS unit, browser end-to-end in Chromium
#                       and Firefox ESR (LUCID_BROWSERS=chromium or firefox for one)
#   ./build.sh wasm     only the WASM core and the extension's copy of it (quick iteration)
#   ./build.sh pack     only the packages, from extension/ as it is (no compiling)
#   ./build.sh serve [PORT]  serve the www demo on 127.0.0.1 (builds the WASM core if missing)
#   ./build.sh bench    build, then time Lucid against Readability.js in Chromium (tests/bench/results.md)
#                       and time hostile pages natively against html5ever alone (tests/bench/hostile.md)
#                       and in the WASM core beside the native one (tests/bench/hostile-wasm.md)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

WASM_TARGET=wasm32-unknown-unknown
WASM_OUT=target/$WASM_TARGET/release/lucid.wasm
CHROMIUM=${LUCID_CHROMIUM:-/usr/lib/chromium/chromium}
FIREFOX=${LUCID_FIREFOX:-/usr/bin/firefox-esr}
SEED=tests/fixtures/seed/netease-apple-tpu/source.html
SEED_URL=https://www.163.com/dy/article/J8F2KQ7R00097U7R.html

say() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  say "Installing $* (apt-get)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Need root to install $*: run 'sudo apt-get install -y $*' and try again." >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_build_tools() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! have cargo; then
    echo "Rust is missing: install it from https://rustup.rs and run ./build.sh again." >&2
    exit 1
  fi
  if have rustup && ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "Adding the Rust target $WASM_TARGET (rustup)"
    rustup target add "$WASM_TARGET"
  fi
  # The CLI must match the wasm-bindgen crate exactly; Cargo.lock says which one that is.
  local want have_version
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  have_version=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have_version" != "$want" ]; then
    # No --locked: with it the install currently fails on a dependency missing from the registry.
    say "Installing wasm-bindgen-cli $want (cargo install; a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
  ensure_pack_tools
}

ensure_pack_tools() {
  local missing=()
  have zip || missing+=(zip)
  have jq || missing+=(jq)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

ensure_test_tools() {
  local missing=()
  [ -x "$CHROMIUM" ] || missing+=(chromium)
  # The harness drives Firefox over WebDriver BiDi commands that ESR 140 lacks
  # (browser.setDownloadBehavior, chrome-scope scripts; stale apt lists still install it): one
  # older than ESR 153, the version the suite is verified on, is upgraded.
  if [ ! -x "$FIREFOX" ] || [ "$("$FIREFOX" --version 2>/dev/null | sed -E 's/[^0-9]*([0-9]+).*/\1/')" -lt 153 ] 2>/dev/null; then
    missing+=(firefox-esr)
  fi
  have unzip || missing+=(unzip) # the Chromium tests unpack dist/lucid-chromium.zip
  have pdftotext || missing+=(poppler-utils) # view.test.js reads printed PDFs back
  fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
  have node || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  if [ ! -d tests/node_modules ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    say "Installing the test tools (npm ci in tests/)"
    (cd tests && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_wasm() {
  # opt-level "s" for WASM only (native stays at 3): measured, it ships ~9% less gzip than 3 at
  # a cost in speed reported in README.md; "z" is far slower for little more.
  say "Building the core for WebAssembly (cargo build --release --target $WASM_TARGET, opt-level s)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s cargo build --quiet --lib --release --target "$WASM_TARGET"
  say "Generating the JS bindings (wasm-bindgen --target web) into extension/pkg and www/pkg"
  rm -rf extension/pkg
  # The reset function lets the extension re-instantiate the module after a trap (a panic).
  # Names and producers sections are debugging aids the extension does not need (~30 KB gzipped).
  wasm-bindgen --target web --no-typescript --experimental-reset-state-function \
    --remove-name-section --remove-producers-section --out-dir extension/pkg "$WASM_OUT"
  # Types for editors and the www demo (the extension ships without them).
  rm -rf www/pkg
  wasm-bindgen --target web --experimental-reset-state-function \
    --remove-name-section --remove-producers-section --out-dir www/pkg "$WASM_OUT"
  local raw gz
  raw=$(wc -c <extension/pkg/lucid_bg.wasm)
  gz=$(gzip -9 -c extension/pkg/lucid_bg.wasm | wc -c)
  echo "    lucid_bg.wasm: $((raw / 1024)) KB, $((gz / 1024)) KB gzipped (budget 400 KB gzipped)"
  if [ "$gz" -gt $((400 * 1024)) ]; then
    echo "    WARNING: the WASM module is over its 400 KB gzipped budget." >&2
  fi
}

# One manifest serves both browsers; each package keeps only the keys its browser reads.
pack_extension() {
  say "Packing dist/lucid-chromium.zip and dist/lucid-firefox.zip"
  mkdir -p dist
  local browser filter stage
  for browser in chromium firefox; do
    case $browser in
      chromium) filter='del(.browser_specific_settings) | .background |= del(.scripts)' ;;
      firefox) filter='del(.minimum_chrome_version) | .background |= del(.service_worker) | .permissions -= ["offscreen"]' ;;
    esac
    stage=$(mktemp -d)
    cp -r extension/. "$stage/"
    rm -f "$stage/icons/draw-icons.py"
    jq "$filter" extension/manifest.json >"$stage/manifest.json"
    rm -f "dist/lucid-$browser.zip"
    (cd "$stage" && zip -qr -X "$ROOT/dist/lucid-$browser.zip" .)
    rm -rf "$stage"
    echo "    dist/lucid-$browser.zip: $(( $(wc -c <"dist/lucid-$browser.zip") / 1024 )) KB"
  done
}

build_all() {
  ensure_build_tools
  say "Building the native core and CLI (cargo build --release)"
  cargo build --quiet --release
  build_wasm
  pack_extension
}

demo() {
  say "Lucid reading the bundled sample page ($SEED)"
  mkdir -p dist
  target/release/lucid extract "$SEED" --url "$SEED_URL" --format html >dist/sample-reader.html
  target/release/lucid extract "$SEED" --url "$SEED_URL" --format json |
    jq -r '"    title:     \(.title)",
           "    published: \(.publishedTime // "-")   language: \(.lang // "-")   by: \(.byline // "-")",
           "    length:    \(.length) characters, about \(.readingTimeMinutes) min to read",
           "    begins:    \(.textContent | gsub("\\s+"; " ") | .[0:48])…"'
  echo "    reading view written to dist/sample-reader.html (open it in a browser)"
  echo
  echo "Load the extension: chrome://extensions → Developer mode → Load unpacked → $ROOT/extension"
}

# Every suite runs even when an earlier one fails, so one run shows every failure; on success the
# last lines are node's test summary, which CI reads.
run_tests() {
  ensure_test_tools
  local failed=()
  say "Rust tests (cargo test)"
  cargo test --quiet --no-fail-fast || failed+=("cargo test")
  # A fixed seed makes the same inputs on every machine; a longer run is in examples/fuzz.rs.
  say "Fuzzing (the kept findings against the 2 s bound, then 300 fixed-seed mutations)"
  cargo run --quiet --release --example fuzz -- --replay tests/fuzz/cases || failed+=("fuzz replay")
  cargo run --quiet --release --example fuzz -- --seed 1 --runs 300 || failed+=("fuzz")
  say "Extension unit tests (node --test tests/unit)"
  node --test tests/unit/ || failed+=("JS unit tests")
  # LUCID_BROWSERS=chromium (or firefox) runs one browser only.
  say "Browser end-to-end tests (node --test tests/e2e, headless ${LUCID_BROWSERS:-chromium,firefox}, the packed zips)"
  LUCID_CHROMIUM=$CHROMIUM LUCID_FIREFOX=$FIREFOX node --test --test-concurrency=1 tests/e2e/ || failed+=("browser tests")
  if [ ${#failed[@]} -gt 0 ]; then
    printf '\nFailed: %s\n' "$(IFS=,; echo "${failed[*]}" | sed 's/,/, /g')" >&2
    exit 1
  fi
}

case "${1:-}" in
  "") build_all; demo ;;
  test) build_all; run_tests ;;
  wasm) ensure_build_tools; build_wasm ;;
  pack) ensure_pack_tools; pack_extension ;;
  serve) [ -f www/pkg/lucid_bg.wasm ] || { ensure_build_tools; build_wasm; }; exec node www/serve.mjs "${2:-8080}" ;;
  bench) build_all; ensure_test_tools; LUCID_CHROMIUM=$CHROMIUM node tests/bench/run.mjs
    cargo run --quiet --release --example hostile -- --out tests/bench/hostile.md
    node tests/bench/hostile-wasm.mjs --out tests/bench/hostile-wasm.md ;;
  *) echo "usage: ./build.sh [test|wasm|pack|serve [PORT]|bench]" >&2; exit 2 ;;
esac
