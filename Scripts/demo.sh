#!/usr/bin/env bash
# The demo that setup.sh runs: the main job on a bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-$(swift build -c release --show-bin-path)/nianbao}"
echo
echo "demo: nianbao parse Examples/tonghua-xinfang-2024.txt --format summary"
"$BIN" parse Examples/tonghua-xinfang-2024.txt --format summary
