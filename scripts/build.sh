#!/usr/bin/env bash
# Builds everything: the native core, tools and tests (build/native) and the
# browser bundle (build/wasm -> dist/). Prints the size of dist/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$jobs"

# Debian's emscripten finds acorn in /usr/share/nodejs; this machine's node does not look there.
export NODE_PATH=/usr/share/nodejs
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTALKTIME_ZONE_TABLE="$root/build/native/generated/zone_table_data.cpp" >/dev/null
fi
cmake --build build/wasm -j "$jobs"

size() { printf '%7d bytes, %6d gzip' "$(stat -c %s "$1")" "$(gzip -9 -c "$1" | wc -c)"; }
echo "dist/ (what a site copies):"
for f in dist/talktime.js dist/talktime.wasm dist/talktime.wasm.js \
         dist/talktime-full.js dist/talktime-full.wasm dist/talktime-full.wasm.js; do
  printf '  %-27s %s\n' "$f" "$(size "$f")"
done
sum() { local raw=0 gz=0; for f in "$@"; do raw=$((raw + $(stat -c %s "$f"))); gz=$((gz + $(gzip -9 -c "$f" | wc -c))); done; echo "$raw bytes, $gz gzip"; }
echo "  first render over http(s): talktime.js + talktime.wasm = $(sum dist/talktime.js dist/talktime.wasm)"
echo "  full module, fetched on first use: talktime-full.js + talktime-full.wasm = $(sum dist/talktime-full.js dist/talktime-full.wasm)"
echo "  (the .wasm.js files are used only from file://)"
