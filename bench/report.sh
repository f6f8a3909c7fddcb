#!/usr/bin/env bash
# Benchmark of `corpus report` at two corpus sizes (issue 16): how long a report takes to write and
# how big the HTML file gets, for the whole index and for a search (--about, the path that checks
# every event's reports against the articles in scope). The caps (2,000 events, 150 entities, 600
# links, 200 clusters, 30 outlets) should keep the file's size bounded whatever the corpus size.
#
# Reads the indexes bench/commands.sh builds (bench/work/commands/index-<S>mb, Reuters-derived
# corpora indexed with extraction; about 2.5 minutes for 2 MiB and 15 minutes for 16 MiB on two
# cores), or any two given as SMALL_INDEX and LARGE_INDEX. Each report is written RUNS times
# after one untimed warm-up run; the median wall time and the largest peak RSS are reported, with
# the file's size, what it lists against what there is, and its embedded data's size.
#
# Usage: bench/report.sh
# Environment:
#   SMALL_MB=2 LARGE_MB=16   the sizes of bench/commands.sh's indexes to read
#   SMALL_INDEX=… LARGE_INDEX=…  other indexes instead
#   ABOUT=oil                the search of the filtered report
#   RUNS=3                   timed runs per report
#   CORPUS_BIN=…             the CLI to measure (default: bin/corpus of this repository)
# Results: a Markdown table on stdout and in bench/work/report.md; the pages and their JSON data in
# bench/work/report/. Progress goes to stderr.
set -euo pipefail
export LC_NUMERIC=C

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
WORK=$BENCH/work/report
RESULTS=$BENCH/work/report.md
CORPUS_BIN=${CORPUS_BIN:-$REPO/bin/corpus}
SMALL_MB=${SMALL_MB:-2}
LARGE_MB=${LARGE_MB:-16}
SMALL_INDEX=${SMALL_INDEX:-$BENCH/work/commands/index-${SMALL_MB}mb}
LARGE_INDEX=${LARGE_INDEX:-$BENCH/work/commands/index-${LARGE_MB}mb}
ABOUT=${ABOUT:-oil}
RUNS=${RUNS:-3}

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

[[ ${BASH_VERSINFO[0]} -ge 5 ]] || die "bash >= 5 is required (for \$EPOCHREALTIME)"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
command -v python3 >/dev/null 2>&1 || die "python3 is required"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is needed for peak RSS: apt-get install -y time"
[[ -x $CORPUS_BIN ]] || die "$CORPUS_BIN not found or not executable (set CORPUS_BIN)"
for idx in "$SMALL_INDEX" "$LARGE_INDEX"; do
  [[ -f $idx/corpus-index.txt ]] ||
    die "no corpus index at $idx: run bench/commands.sh first (it builds both), or set SMALL_INDEX and LARGE_INDEX"
done
# The launcher builds the jar on first use or when sources changed: now, not inside a timed run.
VERSION=$("$CORPUS_BIN" --version 2>&1 | sed -n 1p) || die "'$CORPUS_BIN --version' failed: $VERSION"

rm -rf "$WORK"
mkdir -p "$WORK"
: > "$WORK/runs.tsv"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# measure NAME INDEX ARGS...: the report of INDEX with ARGS, RUNS times after a warm-up.
measure() {
  local name=$1 index=$2
  shift 2
  local out=$WORK/$name.html walls="" cpus="" rss=0 t0 t1
  log "$name: corpus report --index $index $* ..."
  "$CORPUS_BIN" report --index "$index" "$@" --format json --out "$WORK/$name.json" 2> "$WORK/$name.json.stderr" ||
    die "corpus report $* --format json failed on $index; see $WORK/$name.json.stderr"
  "$CORPUS_BIN" report --index "$index" "$@" --out "$out" 2> "$WORK/$name.stderr" ||
    die "corpus report $* failed on $index; see $WORK/$name.stderr"
  for ((r = 0; r < RUNS; r++)); do
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%U %S %M' -o "$WORK/$name.rss" "$CORPUS_BIN" report --index "$index" "$@" --out "$out" 2> "$WORK/$name.stderr" ||
      die "corpus report $* failed on $index (timed run $((r + 1))); see $WORK/$name.stderr"
    t1=$EPOCHREALTIME
    walls+="${walls:+,}$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
    cpus+="${cpus:+,}$(tail -n 1 "$WORK/$name.rss" | awk '{ printf "%.2f", $1 + $2 }')"
    rss=$(awk -v a="$rss" -v b="$(tail -n 1 "$WORK/$name.rss" | awk '{ print $3 }')" 'BEGIN { print (b > a ? b : a) }')
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$index" "$*" "$walls" "$rss" "$(stat -c %s "$out")" "$cpus" >> "$WORK/runs.tsv"
}

measure small-all "$SMALL_INDEX"
measure large-all "$LARGE_INDEX"
measure small-about "$SMALL_INDEX" --about "$ABOUT"
measure large-about "$LARGE_INDEX" --about "$ABOUT"

python3 - "$WORK" "$VERSION" "$LOAD_START" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')" \
  <<'PY' | tee "$RESULTS"
import json, statistics, sys, os, re
work, version, load0, load1, cpus, commit = sys.argv[1:7]
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(work, "runs.tsv"))]
def data_size(html):
    text = open(html, encoding="utf-8").read()
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
    return len(m.group(1).encode("utf-8")) if m else 0
def fmt(n): return f"{n:,}"
print(f"# corpus report by corpus size\n")
print(f"Commit {commit} ({version}); {cpus} CPUs, load {load0} at the start, {load1} at the end. "
      f"Median wall time and CPU time (user + system) of the timed runs, JVM start included; largest peak RSS; "
      f"sizes of the HTML file and of the JSON data inlined in it.\n")
print("| report | articles | events shown / in all | entities shown / in all | links shown / in all | clusters shown / in all | outlets shown / in all | wall time | CPU time | peak RSS | HTML file | of which data |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for name, index, args, walls, rss, size, cpu in rows:
    d = json.load(open(os.path.join(work, name + ".json")))
    t, n, c, o = d["timeline"], d["network"], d["clusters"], d["outlets"]
    label = f"`{os.path.basename(index)}`" + (f" `{args}`" if args else "")
    wall = statistics.median(float(w) for w in walls.split(","))
    print(f"| {label} | {fmt(d['coverage']['articles'])} | {fmt(len(t['events']))} / {fmt(t['total'])} "
          f"| {fmt(len(n['nodes']))} / {fmt(n['totalEntities'])} | {fmt(len(n['edges']))} / {fmt(n['totalEdges'])} "
          f"| {fmt(len(c['clusters']))} / {fmt(c['total'])} | {fmt(len(o['outlets']))} / {fmt(o['total'])} "
          f"| {wall:.1f} s | {statistics.median(float(c) for c in cpu.split(',')):.1f} s | {int(rss) // 1024} MiB | {int(size) / 1e6:.2f} MB | {data_size(os.path.join(work, name + '.html')) / 1e6:.2f} MB |")
PY
