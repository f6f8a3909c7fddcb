#!/usr/bin/env bash
# Query latencies of SolrCloud against the local index on the same corpus (issue 17).
#
# Starts a 2-node, 2-shard SolrCloud on this machine (scripts/solr-local.sh: Solr's
# MiniSolrCloudCluster in one JVM), pushes a local index into it with `corpus solr push`, then
# runs each command RUNS times against --index and against --solr, in turn, and prints the
# median wall time of each (the whole CLI process, as a user waits for it: JVM start included)
# as a Markdown table, with the push's time.
#
# Usage: bench/solr-vs-local.sh
# Environment:
#   INDEX=DIR     the local index to measure (default: a 2 MiB Reuters-21578 corpus, about 2,600
#                 articles, built with bench/make-corpus.py and indexed with extraction into
#                 bench/work/solr/index; about three minutes on two cores)
#   RUNS=5        timed runs per command and backend (after one untimed warm-up each)
#   CORPUS_BIN    the CLI (default: bin/corpus of this repository)
# Results: the table on stdout and in bench/work/solr/latency.md; progress on stderr.
set -euo pipefail
export LC_NUMERIC=C
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
WORK="$BENCH/work/solr"
RUNS=${RUNS:-5}
CORPUS=${CORPUS_BIN:-$REPO/bin/corpus}
mkdir -p "$WORK"

if [ -z "${INDEX:-}" ]; then
  INDEX="$WORK/index"
  if [ ! -f "$INDEX/corpus-index.txt" ]; then
    python3 "$BENCH/make-corpus.py" --size-mb 2 --out "$WORK/corpus" >&2
    "$CORPUS" index "$WORK/corpus" --index "$INDEX" >&2
  fi
fi

echo "starting SolrCloud (2 nodes, 2 shards)…" >&2
"$REPO/scripts/solr-local.sh" bench 2 2 > "$WORK/cluster.out" 2> "$WORK/cluster.err" &
cluster=$!
trap 'kill $cluster 2>/dev/null || true; wait $cluster 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  url=$(grep -m1 '^http' "$WORK/cluster.out" || true)
  [ -n "$url" ] && break
  kill -0 $cluster 2>/dev/null || { echo "solr-vs-local: the cluster did not start; see $WORK/cluster.err" >&2; exit 3; }
  sleep 1
done
[ -n "$url" ] || { echo "solr-vs-local: the cluster did not start in 5 minutes" >&2; exit 3; }
echo "cluster at $url" >&2

start=$EPOCHREALTIME
"$CORPUS" solr push --solr "$url" --index "$INDEX" >&2
push_seconds=$(echo "$EPOCHREALTIME - $start" | bc)

commands=(
  "stats"
  "search oil"
  "search oil --since 1987-03-01 --limit 20"
  "search trade --source reuters --sort date"
  "entities --limit 20"
  "entities --type person --min-docs 5"
)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_one() { # backend args... → seconds
  local s=$EPOCHREALTIME
  # shellcheck disable=SC2086
  "$CORPUS" $2 --json "$1" "$3" > /dev/null 2>> "$WORK/errors.txt" || true
  echo "$EPOCHREALTIME - $s" | bc
}

out="$WORK/latency.md"
{
  echo "| command | local index, median s | SolrCloud (2 nodes, 2 shards), median s |"
  echo "|---|---:|---:|"
  for c in "${commands[@]}"; do
    time_one --index "$c" "$INDEX" > /dev/null; time_one --solr "$c" "$url" > /dev/null
    l=(); s=()
    for _ in $(seq 1 "$RUNS"); do
      l+=("$(time_one --index "$c" "$INDEX")")
      s+=("$(time_one --solr "$c" "$url")")
    done
    printf '| `%s` | %.2f | %.2f |\n' "$c" "$(printf '%s\n' "${l[@]}" | median)" "$(printf '%s\n' "${s[@]}" | median)"
  done
  articles=$("$CORPUS" stats --index "$INDEX" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
  printf '\n%s articles; `corpus solr push`: %.1f s. %s runs per cell, whole CLI process (JVM start included).\n' \
    "$articles" "$push_seconds" "$RUNS"
} | tee "$out"
