#!/usr/bin/env bash
# Builds the whole native tree (core, tools, GoogleTest and every test) with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer in build/asan, and runs ctest
# there. Any sanitizer report (memory error, leak, undefined behaviour) aborts the
# test that triggered it, so ctest fails. See SECURITY.md.
#
#   bash scripts/sanitize.sh                 build, then run ctest
#   bash scripts/sanitize.sh --build-only    build only (scripts/fuzz.sh --short fuzzes in this tree)
#
# The tree also holds the libFuzzer targets (TALKTIME_FUZZ): one sanitized build serves
# ctest and the short fuzz run of scripts/test.sh.
#
# JOBS=n sets the build's parallelism (default: the number of cores).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh

jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
# -O1 with line tables: fast to compile, exact stack traces; asserts stay on.
cmake -S . -B build/asan -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -DTALKTIME_SANITIZE=ON -DTALKTIME_FUZZ=ON >/dev/null
cmake --build build/asan -j "$jobs"
[ "${1:-}" = --build-only ] && exit 0

export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)}
ctest --test-dir build/asan --output-on-failure
