#!/usr/bin/env bash
# The demo that setup.sh runs: the main job — a real crawl — of a small bundled portal
# (Examples/portal/) served by a loopback web server that this script starts and stops.
# No internet needed. Usage: Scripts/demo.sh [path/to/nianbao]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-$(swift build -c release --show-bin-path)/nianbao}"
command -v python3 >/dev/null || { echo "demo: python3 is needed for the loopback web server" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/nianbao-demo.XXXXXX")"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server --bind 127.0.0.1 --directory Examples/portal "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2).close()" 2>/dev/null && break
  sleep 0.1
done
sed "s#__ORIGIN__#http://127.0.0.1:$PORT#" Examples/portal/sites.yaml >"$WORK/sites.yaml"
ARCHIVE="$WORK/Archive"

echo
echo "demo: a bundled portal is served at http://127.0.0.1:$PORT (Examples/portal/)"
echo "demo: nianbao crawl --config $WORK/sites.yaml --archive $ARCHIVE"
status=0
"$BIN" crawl --config "$WORK/sites.yaml" --archive "$ARCHIVE" || status=$?
echo
echo "demo: the same crawl again — nothing changed, so nothing new is downloaded:"
"$BIN" crawl --config "$WORK/sites.yaml" --archive "$ARCHIVE" || true
echo
echo "demo: what the archive holds"
echo "  raw bodies:  $(find "$ARCHIVE/raw" -type f | wc -l | tr -d ' ')"
echo "  captures:    $(cat "$ARCHIVE"/captures/*.jsonl | wc -l | tr -d ' ') lines in $ARCHIVE/captures/"
find "$ARCHIVE/reports" -name '*.json' 2>/dev/null | sort | while read -r f; do
  python3 - "$f" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
a = r.get("archive") or {}
print(f"  record:      {r.get('agency')} {r.get('year')} (template {r.get('template')}, version {a.get('version')}, "
      f"{len(r.get('findings') or [])} finding(s)) <- {(r.get('source') or {}).get('url')}")
PY
done
echo "demo: archive left in $ARCHIVE (delete it when done)"
exit "$status"
