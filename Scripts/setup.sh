#!/usr/bin/env bash
# nianbao set-up: installs the system packages it needs (when missing), builds the release
# binary, and runs the main job on a bundled example so you see a real result at once.
#   Scripts/setup.sh            # install + build + demo
#   NIANBAO_SKIP_DEMO=1 Scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: libcurl (fetching), libxml2 (HTML, .docx XML), libssl (SHA-256 via libcrypto),
# libsqlite3 (index.sqlite through GRDB), poppler-utils (pdftotext), pkg-config (module maps),
# python3 (the demo's loopback file server).
PKGS=(pkg-config libcurl4-openssl-dev libxml2-dev libssl-dev libsqlite3-dev sqlite3 poppler-utils python3)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "setup: system packages present"
fi

echo "setup: building release binary (swift build -c release)"
BUILD_LOG="$(mktemp)"
if ! swift build -c release --product nianbao >"$BUILD_LOG" 2>&1; then
  grep -E "error" "$BUILD_LOG" | head -20 >&2
  echo "setup: release build failed (full log: $BUILD_LOG)" >&2
  exit 1
fi
rm -f "$BUILD_LOG"
BIN="$(swift build -c release --show-bin-path)/nianbao"
[ -x "$BIN" ] || { echo "setup: build failed: $BIN missing" >&2; exit 1; }
echo "setup: built $BIN"

if [ "${NIANBAO_SKIP_DEMO:-}" = "1" ]; then exit 0; fi
exec Scripts/demo.sh "$BIN"
