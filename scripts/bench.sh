#!/usr/bin/env bash
# Builds everything and runs the benchmark (talktime against FullCalendar and an
# Intl loop, plus the core natively and in WebAssembly); writes docs/benchmarks.md.
# Extra arguments go to tests/bench/run_bench.mjs, e.g. --sizes 100,1000 --runs 3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/build.sh
node tests/bench/run_bench.mjs --sizes 100,1000,10000,100000 --runs 5 --out docs/benchmarks.md "$@"
