#!/usr/bin/env bash
# Sizes of the two WebAssembly modules under each flag the build could use
# (docs/module-sizes.md): relinks one module at a time in build/wasm (and, for
# -flto, compiles everything again in build/wasm-lto), prints a Markdown row per
# variant, and leaves build/wasm configured as CMakeLists.txt chooses.
# usage: bash scripts/measure_modules.sh [lto]   (after scripts/build.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs
gz() { gzip -9 -c "$1" | wc -c; }

# module (core|full), flags, [build dir], [extra cmake options...]
measure() {
  local module=$1 flags=$2 dir=${3:-build/wasm}
  shift 3 || shift $#
  local var=TALKTIME_WASM_HOT_FLAGS
  [ "$module" = full ] && var=TALKTIME_WASM_COLD_FLAGS
  cmake -S . -B "$dir" "-D$var=$flags" "$@" >/dev/null
  cmake --build "$dir" --target "talktime_${module}_js" -j2 >/dev/null
  local wasm="$dir/talktime_$module.wasm" glue="$dir/talktime_$module.js"
  printf '| %s | `%s`%s | %d | %d | %d |\n' "$module" "$flags" "$([ "$dir" = build/wasm ] || echo " (in $dir)")" \
    "$(stat -c %s "$wasm")" "$(gz "$wasm")" "$(gz "$glue")"
}

echo '| module | link flags | wasm bytes | wasm gzip | glue gzip (before bundling) |'
echo '|---|---|---|---|---|'
if [ "${1:-}" = lto ]; then
  if [ ! -f build/wasm-lto/CMakeCache.txt ]; then
    emcmake cmake -S . -B build/wasm-lto -G Ninja -DCMAKE_BUILD_TYPE=Release -DTALKTIME_WASM_LTO=ON \
      -DTALKTIME_ZONE_TABLE="$root/build/native/generated/zone_table_data.cpp" >/dev/null
  fi
  measure core "-O3 -flto" build/wasm-lto -DTALKTIME_WASM_HOT_FLAGS=-O3
  measure core "-Oz -flto" build/wasm-lto
  measure full "-Oz -flto" build/wasm-lto -DTALKTIME_WASM_COLD_FLAGS=-Oz
  exit 0
fi
for flags in "-O3" "-O2" "-Os" "-Oz" "-O3 -sMALLOC=emmalloc" ${EM_CLOSURE_COMPILER:+"-O3 --closure 1"}; do
  measure core "$flags"
done
for flags in "-O3" "-Oz" "-Oz -sMALLOC=emmalloc" ${EM_CLOSURE_COMPILER:+"-Oz --closure 1"}; do
  measure full "$flags"
done
# Back to what CMakeLists.txt chooses.
cmake -S . -B build/wasm -UTALKTIME_WASM_HOT_FLAGS -UTALKTIME_WASM_COLD_FLAGS >/dev/null
cmake --build build/wasm -j2 >/dev/null
