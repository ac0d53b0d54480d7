#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan (in build/fuzz; the short run
# uses build/asan), replays the saved reproducers (tests/fuzz/regressions/<target>/), then fuzzes each
# target for SECONDS, starting from its seeds (the example feeds; frab schedules and
# calendars for the importers), and prints libFuzzer's final figures (executions,
# coverage). Exits non-zero when a reproducer or the fuzzer finds a crash, leak,
# undefined behaviour, hang or broken property (linear time included: the hostile
# shapes of tests/fuzz/hostile_shapes.py are replayed). See SECURITY.md.
#
#   bash scripts/fuzz.sh            600 s per target
#   bash scripts/fuzz.sh 300        300 s per target
#   bash scripts/fuzz.sh --short    what scripts/test.sh runs: a fixed seed and a fixed number of
#                                   inputs per target (about 20 s each here; at most 60 s), so a
#                                   run elsewhere (CI) tries the inputs a run here tried
#
# The corpus grows in build/fuzz/corpus/<target>/ and is kept between runs; a crash
# is written to build/fuzz/artifacts/. To keep one as a regression input:
#   cp build/fuzz/artifacts/<target>-crash-… tests/fuzz/regressions/<target>/<what-it-shows>
# JOBS=n sets the build's parallelism (default: the number of cores).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

seconds=600
seed_args=()
case "${1:-}" in
  "") ;;
  --short) seconds=60; seed_args=(-seed=1) ;;
  *[!0-9]*) echo "usage: bash scripts/fuzz.sh [SECONDS | --short]" >&2; exit 2 ;;
  *) seconds=$1 ;;
esac
targets=(fuzz_feed_parser fuzz_render fuzz_import_frab fuzz_import_ical fuzz_json_tape)

# The short run fuzzes in the sanitized tree scripts/sanitize.sh builds (-O1, the same
# instrumentation), so scripts/test.sh compiles the core under clang once; longer runs
# build their own -O2 tree, build/fuzz.
tree=build/fuzz
if [ "${1:-}" = --short ]; then
  tree=build/asan
  bash scripts/sanitize.sh --build-only
else
  bash scripts/setup.sh
  jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
  cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DTALKTIME_FUZZ=ON >/dev/null
  cmake --build build/fuzz -j "$jobs" --target "${targets[@]}"
fi

export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)}
limits=(-max_len=65536 -rss_limit_mb=2048 -timeout=10)
# Replaying files: no -max_len, which would cut the hostile shapes short.
replay_limits=(-rss_limit_mb=2048 -timeout=30)
work=build/fuzz/run
mkdir -p "$work" build/fuzz/artifacts

# Seeds: the example feeds, copied afresh each run (the corpus keeps what the fuzzer adds).
seeds=$work/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
cp data/*.json tests/fixtures/*.json tests/browser/pages/feeds/*.json "$seeds/"
# fuzz_render reads a view after the last 0xFF byte (tests/fuzz/fuzz_render.cpp): give
# it each feed also with two views (flags, zone index, now = 2023-06-01 or 2021-03-28,
# from/to days, limit, grace, query text).
render_seeds=$work/render-seeds
rm -rf "$render_seeds"
mkdir -p "$render_seeds"
for f in "$seeds"/*.json; do
  name=$(basename "$f" .json)
  cp "$f" "$render_seeds/$name.json"
  { cat "$f"; printf '\xff\x01\x10\x00\x00\xe9\xbb\x00\x00\x00\x00\x0f\x00attention|dao||fm-2023|talk'; } > "$render_seeds/$name-query"
  { cat "$f"; printf '\xff\x7b\x80\x01\xf0\x73\xaa\x00\xf9\x07\x05\x00\x00kästner compiler'; } > "$render_seeds/$name-filters"
done

# The importers start from their own formats: frab schedule.json files, and calendars.
frab_seeds=$work/frab-seeds
ical_seeds=$work/ical-seeds
rm -rf "$frab_seeds" "$ical_seeds"
mkdir -p "$frab_seeds" "$ical_seeds"
cp tests/fixtures/frab-schedule.json "$frab_seeds/"
cp tests/fixtures/*.ics "$ical_seeds/"
# Dictionaries: JSON and feed tokens; for frab also its keys; iCalendar's own tokens.
cat tests/fuzz/json.dict tests/fuzz/frab.dict > "$work/frab-json.dict"

# The hostile shapes of issue 15, about 1 MB each, replayed with the reproducers: each
# target's linear-time property is checked on them (tests/fuzz/fuzz_support.hpp).
shapes=$work/hostile-shapes
rm -rf "$shapes"
python3 tests/fuzz/hostile_shapes.py "$shapes"

failed=()
for target in "${targets[@]}"; do
  bin=$tree/tests/fuzz/$target
  echo
  echo "== $target: replaying tests/fuzz/regressions/$target/ and the hostile shapes"
  mapfile -t reproducers < <(find "tests/fuzz/regressions/$target" "$shapes/$target" -type f ! -name '.*' | sort)
  if [ ${#reproducers[@]} -gt 0 ]; then
    if "$bin" "${replay_limits[@]}" "${reproducers[@]}" >"$work/$target-regressions.log" 2>&1; then
      echo "$target: ${#reproducers[@]} reproducers replayed, no failure"
    else
      tail -40 "$work/$target-regressions.log"
      echo "$target: a saved reproducer fails again (log: $work/$target-regressions.log)"
      failed+=("$target regressions")
      continue
    fi
  fi

  echo "== $target: fuzzing"
  corpus=build/fuzz/corpus/$target
  # The short run starts from the seeds alone, as on a clean clone: the same inputs everywhere.
  if [ ${#seed_args[@]} -gt 0 ]; then corpus=$work/short-corpus/$target; rm -rf "$corpus"; fi
  mkdir -p "$corpus"
  seed_dir=$seeds
  dict=tests/fuzz/json.dict
  case "$target" in
    fuzz_render) seed_dir=$render_seeds ;;
    fuzz_import_frab) seed_dir=$frab_seeds; dict=$work/frab-json.dict ;;
    fuzz_import_ical) seed_dir=$ical_seeds; dict=tests/fuzz/ics.dict ;;
  esac
  log=$work/$target.log
  status=0
  # The short run: inputs per target measured to take about 20 s here (the iCalendar
  # importer expands recurrences and runs slowest); 60 s is only a cap.
  run_args=()
  if [ ${#seed_args[@]} -gt 0 ]; then
    case "$target" in
      fuzz_import_ical) run_args=(-runs=600) ;;
      fuzz_import_frab) run_args=(-runs=3000) ;;
      *) run_args=(-runs=5000) ;;
    esac
  fi
  "$bin" "${limits[@]}" "${seed_args[@]}" "${run_args[@]}" -dict="$dict" -max_total_time="$seconds" \
    -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$target-" "$corpus" "$seed_dir" >"$log" 2>&1 || status=$?
  # The last status line ("#N DONE cov: … ft: … corp: …") and the final statistics.
  grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)' "$log" | tail -2 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" || true
  echo "$target: corpus $(find "$corpus" -type f | wc -l) inputs in $corpus (log: $log)"
  if [ "$status" -ne 0 ]; then
    grep -E 'ERROR: |runtime error|property violated|SUMMARY|Test unit written' "$log" | head -20 || true
    echo "$target: FAILED (exit $status); reproduce with: $bin <artifact>"
    failed+=("$target")
  fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no failure"
