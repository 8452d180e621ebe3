#!/usr/bin/env bash
# Adds (or updates) one crontab line that runs `nianbao crawl` on a schedule and appends its
# output to a log file. Idempotent: the line is tagged and replaced, never duplicated.
#   Scripts/install-cron.sh                       # daily at 03:17, this checkout's release binary
#   Scripts/install-cron.sh --schedule "17 3 * * 1" --log /var/log/nianbao-crawl.log
#   Scripts/install-cron.sh --remove
# Options: --schedule CRON  --bin PATH  --config PATH  --archive PATH  --log PATH  --remove  --print
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
SCHEDULE="17 3 * * *"
BIN="$REPO/.build/release/nianbao"
CONFIG="$REPO/Config/sites.yaml"
ARCHIVE=""
LOG="$REPO/Archive/crawl.log"
MODE=install
TAG="# nianbao-crawl ($REPO)"
while [ $# -gt 0 ]; do
  case "$1" in
    --schedule) SCHEDULE="$2"; shift 2 ;;
    --bin) BIN="$2"; shift 2 ;;
    --config) CONFIG="$2"; shift 2 ;;
    --archive) ARCHIVE="$2"; shift 2 ;;
    --log) LOG="$2"; shift 2 ;;
    --remove) MODE=remove; shift ;;
    --print) MODE=print; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install-cron: unknown option $1" >&2; exit 2 ;;
  esac
done

q() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
ARGS="crawl --config $(q "$CONFIG")"
[ -n "$ARCHIVE" ] && ARGS="$ARGS --archive $(q "$ARCHIVE")"
# cd into the checkout so relative paths in the config (archive: Archive) resolve as documented.
LINE="$SCHEDULE cd $(q "$REPO") && $(q "$BIN") $ARGS >> $(q "$LOG") 2>&1 $TAG"

CRONTAB="${CRONTAB:-crontab}"   # overridable for testing
[ "$MODE" = print ] || command -v "$CRONTAB" >/dev/null || { echo "install-cron: crontab not found (install cron)" >&2; exit 1; }
current="$("$CRONTAB" -l 2>/dev/null || true)"
others="$(printf '%s\n' "$current" | grep -vF "$TAG" | sed '/^$/d' || true)"
case "$MODE" in
  print) echo "$LINE"; exit 0 ;;
  remove) printf '%s\n' "$others" | sed '/^$/d' | "$CRONTAB" -; echo "install-cron: removed"; exit 0 ;;
esac
[ -x "$BIN" ] || echo "install-cron: warning: $BIN does not exist yet (run Scripts/setup.sh)" >&2
mkdir -p "$(dirname "$LOG")"
{ [ -n "$others" ] && printf '%s\n' "$others"; echo "$LINE"; } | "$CRONTAB" -
echo "install-cron: installed: $LINE"
