#!/usr/bin/env bash
# Builds everything and runs every test suite: native GoogleTest (ctest), the same
# under sanitizers, a short fuzzing run, the WebAssembly module under Node, the feed
# schema check, and the browser tests in headless Chromium. Exits non-zero when any
# of them fails. The embedding, time-zone, filter, locale and print tests also run in
# headless Firefox ESR (tests/firefox/, over WebDriver BiDi).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/build.sh || exit 1
echo "== set-up and build: $SECONDS s"

failed=()
run() {
  local name=$1; shift
  echo
  echo "== $name"
  local started=$SECONDS
  if "$@"; then echo "== $name: passed ($((SECONDS - started)) s)"; else echo "== $name: FAILED ($((SECONDS - started)) s)"; failed+=("$name"); fi
}
run "native unit tests (ctest)" ctest --test-dir build/native --output-on-failure
# The native tree again under ASan + UBSan (build/asan), and the fuzz targets for 20 s each
# with their saved reproducers (build/fuzz). See SECURITY.md.
run "sanitizers (ASan + UBSan, ctest)" bash scripts/sanitize.sh
run "fuzzing (libFuzzer, short)" bash scripts/fuzz.sh --short
# The schema must accept every example feed and fixture that loads cleanly and reject the
# broken ones: each --expect-invalid file is JSON that the schema itself rejects (one broken
# rule per file in tests/schema/invalid/), each --expect-unparseable file is not JSON at all.
run "feed schema (ajv)" node tests/schema/validate-feeds.mjs \
  tests/fixtures/docs-complete-example.json tests/browser/pages/feeds/live.json \
  --expect-invalid tests/schema/invalid/*.json \
  tests/browser/pages/feeds/partly-bad.json tests/browser/pages/feeds/hostile.json \
  --expect-unparseable tests/fixtures/truncated.json tests/fixtures/latin1-bytes.json tests/browser/pages/feeds/bad-json.json
# The example feeds carry what their public pages (../shared/seeds) list.
run "example feeds against their pages (node)" node --test tests/data/
# Imported calendars against Mozilla's ical.js, occurrence by occurrence (docs/calendars.md).
run "calendar import against ical.js (node)" node --test tests/calendar/
run "WebAssembly module (node)" node --no-experimental-fetch --test tests/wasm/
run "browser modules (node)" node --test tests/web/
run "browser tests (chromium)" node --test tests/browser/
run "browser tests (firefox)" node --test tests/firefox/
# The npm package: packed, installed into a throwaway site, loaded from a CDN-like origin in Chromium.
run "npm package (pack, install, load)" node --test tests/package/
# A small benchmark run (100 talks and the seminar, one load each) so the harness cannot rot; the figures are not judged.
run "benchmark harness (N=100)" node tests/bench/run_bench.mjs --sizes 100 --runs 1 --seminar-runs 1 --phone-runs 1 --out test-results/benchmarks-quick.md

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]} ($SECONDS s)"
  exit 1
fi
echo "All test suites passed ($SECONDS s)."
