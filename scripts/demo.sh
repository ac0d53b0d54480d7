#!/usr/bin/env bash
# Builds everything and serves the demo page on http://127.0.0.1:8080/web/ (PORT=… to change).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/build.sh"
exec node "$root/scripts/static-server.mjs"
