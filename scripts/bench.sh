#!/usr/bin/env bash
# Builds everything and runs the benchmark (talktime against FullCalendar and an
# Intl loop: the seminar feed in 9 interleaved cold loads on a desktop and on a phone
# profile, generated feeds of 100 to 100,000 talks, plus the core natively and in
# WebAssembly); checks the budgets of issue 12 and writes docs/benchmarks.md.
# One load per generated size (pass --runs 5 for medians): about 10 minutes on 2 cores.
# Extra arguments go to tests/bench/run_bench.mjs, e.g. --sizes 100,1000 --runs 3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/build.sh
node tests/bench/run_bench.mjs --sizes 100,1000,10000,100000 --runs 1 --large-runs 1 --seminar-runs 9 --phone-runs 9 --out docs/benchmarks.md "$@"
