#!/usr/bin/env bash
# Installs everything talktime needs on Debian bookworm, from Debian's and npm's
# registries only. Safe to run again: when all is in place it only checks (about a second).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deps="$root/build/deps"

# fonts-droid-fallback: Chinese and Japanese glyphs for the locale screenshots (DejaVu has none).
# unicode-cldr-core: CLDR's windowsZones.xml, read at build time to map Outlook's Windows zone names.
packages=(cmake ninja-build g++ make patch xz-utils python3 tzdata
          emscripten nlohmann-json3-dev libhowardhinnant-date-dev googletest chromium firefox-esr poppler-utils fonts-dejavu-core fonts-droid-fallback python3-icalendar unicode-cldr-core
          clang-14 libclang-rt-14-dev llvm-14)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# date/tz ships headers only; its one compiled file, src/tz.cpp, comes from Debian's
# source package (with Debian's patches applied), fetched through a private apt
# configuration so the machine's own sources stay untouched.
date_src="$deps/howardhinnant-date"
if [ ! -f "$date_src/.talktime-ready" ]; then
  echo "setup: fetching Debian's source of howardhinnant-date"
  rm -rf "$date_src" "$deps/apt"
  mkdir -p "$deps/apt/lists/partial" "$deps/apt/download"
  uris=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uris" ] || uris=http://deb.debian.org/debian
  suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  cat > "$deps/apt/deb-src.sources" <<SOURCES
Types: deb-src
URIs: $uris
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$deps/apt"
            -o "Dir::State::Lists=$deps/apt/lists" -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" update -qq
  (cd "$deps/apt/download" && apt-get "${apt_opts[@]}" source --download-only -qq howardhinnant-date)
  mkdir -p "$date_src"
  tar -xf "$deps"/apt/download/howardhinnant-date_*.orig.tar.* -C "$date_src" --strip-components=1
  tar -xf "$deps"/apt/download/howardhinnant-date_*.debian.tar.* -C "$date_src"
  (cd "$date_src" && while read -r p; do
     case "$p" in ''|'#'*) continue;; esac
     patch -p1 -s --no-backup-if-mismatch < "debian/patches/$p"
   done < debian/patches/series)
  touch "$date_src/.talktime-ready"
fi

# npm packages (playwright-core and puppeteer-core, which drive Debian's Chromium and Firefox and
# download no browser; axe-core, ajv, esbuild, terser, ical.js and jsonld (test oracles), and FullCalendar + Luxon for the benchmark),
# pinned by package-lock.json. A node_modules that is a symbolic link is another tree's, shared:
# npm ci would empty that tree's folder, so it is left alone.
if [ -L "$root/node_modules" ]; then
  [ -f "$root/node_modules/.package-lock.json" ] || echo "setup: node_modules links to $(readlink "$root/node_modules"), which has no npm packages" >&2
elif [ ! -f "$root/node_modules/.package-lock.json" ] || \
   [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  echo "setup: installing npm packages from package-lock.json"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
