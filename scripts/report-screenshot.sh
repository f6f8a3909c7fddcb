#!/usr/bin/env bash
# Writes docs/report.png: the top of the report of the demo corpus (samples/) as headless Chromium
# draws it, 1400 x 2000 pixels: the header, the timeline and the entity network.
#
#   scripts/report-screenshot.sh [OUT.png]
#
# Indexes samples/ into a temporary folder, writes the report with bin/corpus, and runs Chromium
# ($CHROMIUM, else chromium, chromium-browser or google-chrome) with the flags the browser test
# uses. Nothing else is written.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$here/docs/report.png}")"
browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser="$(command -v "$b")"; break; fi
  done
fi
[ -n "$browser" ] || { echo "report-screenshot: no Chromium (set CHROMIUM, or apt-get install -y chromium)" >&2; exit 3; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/bin/corpus" index "$here/samples" --index "$work/index" >/dev/null
"$here/bin/corpus" report --index "$work/index" --out "$work/report.html"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --virtual-time-budget=10000 \
  --window-size=1400,2000 --screenshot="$out" "file://$work/report.html" >/dev/null 2>&1
[ -s "$out" ] || { echo "report-screenshot: Chromium wrote no $out" >&2; exit 3; }
echo "report-screenshot: wrote $out" >&2
