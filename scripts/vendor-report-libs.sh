#!/usr/bin/env bash
# Fetches the JavaScript that `corpus report` inlines into its pages, from the npm registry, and
# checks each package against the sha512 integrity pinned below (the registry's dist.integrity,
# what package-lock.json files record), so a reviewer can reproduce the vendored bytes.
#
#   scripts/vendor-report-libs.sh          # writes src/main/resources/dev/corpus/report/vendor/
#   scripts/vendor-report-libs.sh --check  # fetches again and compares with the committed files
#
# Apache ECharts draws both charts of the page (timeline and entity network). Its dist bundle
# (dist/echarts.min.js) includes zrender, its rendering library (BSD-3-Clause), tslib's helpers
# (0BSD) and parts of d3 (BSD-3-Clause, listed in ECharts' LICENSE): their licences are vendored
# beside it and listed in THIRD-PARTY.txt. Needs npm (any registry mirror npm is configured for),
# tar, openssl and base64.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$here/src/main/resources/dev/corpus/report/vendor"
check=0
[ "${1:-}" = "--check" ] && check=1

# package@version  integrity (sha512 of the tarball, base64)
packages=(
  "echarts@6.1.0 sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA=="
  "zrender@6.1.0 sha512-oEGMDB6pOP2S6OwRR4PdVv610zrjnA3Bh+JnSG12fYJlBKjtNAoEb5fSUoCOOINlH96I2fU38/A2UpRKs67xYQ=="
  "tslib@2.3.0 sha512-N82ooyxVNm6h1riLCoyS9e3fuJ3AMG2zIZs2Gd1ATcSFjSA23Q0fzjjZeh0jbJvWVDZ0cJT8yaNNaaXHzueNjg=="
)
# file in the package -> file in $dest
files=(
  "echarts package/dist/echarts.min.js echarts.min.js"
  "echarts package/LICENSE echarts-LICENSE.txt"
  "echarts package/NOTICE echarts-NOTICE.txt"
  "echarts package/licenses/LICENSE-d3 d3-LICENSE.txt"
  "zrender package/LICENSE zrender-LICENSE.txt"
  "tslib package/LICENSE.txt tslib-LICENSE.txt"
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for entry in "${packages[@]}"; do
  read -r spec integrity <<< "$entry"
  name="${spec%@*}"
  (cd "$work" && npm pack --silent "$spec" > "$name.tgz.name")
  tgz="$work/$(cat "$work/$name.tgz.name")"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "vendor-report-libs: $spec: integrity $actual, expected $integrity" >&2
    exit 3
  fi
  mkdir -p "$work/$name"
  tar xzf "$tgz" -C "$work/$name"
  echo "$spec: integrity $integrity OK" >&2
done

differs=0
[ "$check" = 1 ] || mkdir -p "$dest"
for entry in "${files[@]}"; do
  read -r name from to <<< "$entry"
  if [ "$check" = 1 ]; then
    if ! cmp -s "$work/$name/$from" "$dest/$to"; then
      echo "vendor-report-libs: $dest/$to differs from $name's $from" >&2
      differs=1
    fi
  else
    cp "$work/$name/$from" "$dest/$to"
  fi
done
if [ "$check" = 1 ]; then
  [ "$differs" = 0 ] && echo "vendor-report-libs: the vendored files are the registry's bytes" >&2
  exit "$differs"
fi
echo "vendor-report-libs: wrote $dest" >&2
