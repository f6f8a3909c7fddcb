#!/usr/bin/env bash
# Benchmark of the `corpus` CLI: indexing throughput, peak memory, no-op re-index,
# index size, and phrase-search latency against ripgrep, on a generated corpus
# of Reuters-21578 articles (see bench/README.md).
#
# Usage: bench/run.sh
# Environment:
#   SIZE_MB=1024       corpus size in MiB (the corpus in bench/work is reused when
#                      it is at least this big; REGEN=1 forces a rebuild)
#   QUERIES_RUNS=1     timed runs per query and tool (after one warm-up run)
#   SEED=1987          seed passed to make-corpus.py when the corpus is built
#   REGEN=1            rebuild the corpus even if a big enough one exists
#   CORPUS_BIN=...     the CLI to measure (default: bin/corpus of this repository)
#   INDEX_OPTS=...     extra options for both `corpus index` runs, e.g. --no-extract
# Results: a Markdown table on stdout and in bench/work/results.md; the raw
# outputs (index JSON summaries, stderr logs, per-query timings) stay in bench/work.
set -euo pipefail
export LC_NUMERIC=C   # "." as decimal separator in $EPOCHREALTIME and printf

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
WORK=$BENCH/work
CORPUS=$WORK/corpus
MANIFEST=$WORK/corpus.manifest.json
INDEX=$WORK/index
RAW=$WORK/raw          # raw measurements of this run
CORPUS_BIN=${CORPUS_BIN:-$REPO/bin/corpus}
SIZE_MB=${SIZE_MB:-1024}
QUERIES_RUNS=${QUERIES_RUNS:-1}
SEED=${SEED:-1987}
read -r -a INDEX_OPTS <<< "${INDEX_OPTS:-}"

QUERIES=(
  "oil prices" "interest rates" "trade deficit" "central bank" "crude oil"
  "money supply" "grain exports" "stock split" "net loss" "quarterly dividend"
  "federal reserve" "exchange rate" "balance of payments" "budget deficit"
  "tender offer" "common stock" "natural gas" "current account" "bundesbank" "wheat"
)

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

# ------------------------------------------------------------ preflight ---
[[ ${BASH_VERSINFO[0]} -ge 5 ]] || die "bash >= 5 is required (for \$EPOCHREALTIME)"
[[ $SIZE_MB =~ ^[0-9]+([.][0-9]+)?$ ]] || die "SIZE_MB must be a number of MiB, got '$SIZE_MB'"
[[ $QUERIES_RUNS =~ ^[1-9][0-9]*$ ]] || die "QUERIES_RUNS must be a positive integer, got '$QUERIES_RUNS'"
command -v rg >/dev/null 2>&1 ||
  die "ripgrep (rg) is not installed; it is the search baseline. Install it with: apt-get install -y ripgrep"
[[ -x /usr/bin/time ]] ||
  die "/usr/bin/time (GNU time) is needed for peak RSS. Install it with: apt-get install -y time"
command -v python3 >/dev/null 2>&1 || die "python3 is required"
[[ -x $CORPUS_BIN ]] ||
  die "$CORPUS_BIN not found or not executable; build the CLI first (or set CORPUS_BIN)"

# The launcher builds the jar on first use or when sources changed: do that now,
# not inside a timed run.
CORPUS_VERSION=$("$CORPUS_BIN" --version 2>&1 | sed -n 1p) ||
  die "'$CORPUS_BIN --version' failed: $CORPUS_VERSION"

mkdir -p "$WORK"
rm -rf "$RAW"
mkdir -p "$RAW"

# Wall-clock seconds between two $EPOCHREALTIME stamps.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }
put() { printf '%s\t%s\n' "$1" "$2" >> "$RAW/figures.tsv"; }

# --------------------------------------------------------------- corpus ---
target_bytes=$(awk -v m="$SIZE_MB" 'BEGIN { printf "%.0f", m * 1048576 }')
have_bytes=0
if [[ -d $CORPUS && -f $MANIFEST ]]; then
  have_bytes=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes"])' "$MANIFEST")
fi
if [[ -n ${REGEN:-} || ! -d $CORPUS || ! -f $MANIFEST ]] || (( have_bytes < target_bytes )); then
  log "building a ${SIZE_MB} MiB corpus in $CORPUS (make-corpus.py) ..."
  python3 "$BENCH/make-corpus.py" --size-mb "$SIZE_MB" --out "$CORPUS" --seed "$SEED" --force >&2
else
  log "reusing the corpus in $CORPUS ($(( have_bytes / 1048576 )) MiB >= ${SIZE_MB} MiB requested; REGEN=1 rebuilds it)"
fi
read -r CORPUS_FILES CORPUS_BYTES < <(python3 -c \
  'import json,sys; m=json.load(open(sys.argv[1])); print(m["files"], m["bytes"])' "$MANIFEST")
put corpus_files "$CORPUS_FILES"
put corpus_bytes "$CORPUS_BYTES"
put size_mb_requested "$SIZE_MB"

# ------------------------------------------------- raw-read baseline (cat) ---
log "raw-read baseline: warm-up pass over $CORPUS_FILES files ..."
find "$CORPUS" -type f -print0 | xargs -0 cat > /dev/null
log "raw-read baseline: timed pass ..."
t0=$EPOCHREALTIME
find "$CORPUS" -type f -print0 | xargs -0 cat > /dev/null
t1=$EPOCHREALTIME
put cat_seconds "$(elapsed "$t0" "$t1")"

# ------------------------------------------ plain Lucene indexing baseline ---
# The least a Lucene indexer does with the same files and cores (bench/PlainLuceneIndex.java):
# the floor that corpus's own ingestion and schema are measured against.
bench_java=${CORPUS_JAVA:-}
if [[ -z $bench_java ]]; then
  for j in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV) "$(command -v java)"; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    if [[ -n $v ]] && (( v >= 21 )); then bench_java=$j; break; fi
  done
fi
log "plain Lucene baseline: indexing the same files with $bench_java ..."
rm -rf "$WORK/plain-index"
t0=$EPOCHREALTIME
"$bench_java" -cp "$REPO/target/lib/*" "$BENCH/PlainLuceneIndex.java" "$CORPUS" "$WORK/plain-index" "$(nproc)" > "$RAW/plain.txt" 2>&1 \
  || die "plain Lucene baseline failed; see $RAW/plain.txt"
t1=$EPOCHREALTIME
put plain_seconds "$(elapsed "$t0" "$t1")"
rm -rf "$WORK/plain-index"

# ---------------------------------------------------------------- index ---
# Runs `corpus index` under GNU time; $1 = label, rest = extra options.
run_index() {
  local label=$1; shift
  local rc=0 t0 t1
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$RAW/$label.rss" \
    "$CORPUS_BIN" index "$CORPUS" --index "$INDEX" "$@" --format json \
    > "$RAW/$label.json" 2> "$RAW/$label.stderr" || rc=$?
  t1=$EPOCHREALTIME
  put "${label}_seconds" "$(elapsed "$t0" "$t1")"
  put "${label}_rc" "$rc"
  put "${label}_rss_kb" "$(tail -n 1 "$RAW/$label.rss")"
  if (( rc != 0 )); then
    log "WARNING: '$label' exited with status $rc; last lines of its stderr:"
    tail -n 5 "$RAW/$label.stderr" | sed 's/^/    /' >&2
  fi
  if ! python3 - "$RAW/$label.json" >> "$RAW/figures.tsv" <<'EOF'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read().strip()
try:
    doc = json.loads(text)
except ValueError:  # JSON Lines: the summary is the last object
    lines = [l for l in text.splitlines() if l.strip()]
    doc = json.loads(lines[-1]) if lines else {}
label = sys.argv[1].rsplit("/", 1)[1][:-5]
for key in ("indexed", "unchanged", "removed", "failed", "skipped", "seconds", "bytes"):
    if isinstance(doc, dict) and key in doc:
        print(f"{label}_{key}\t{doc[key]}")
EOF
  then
    log "WARNING: could not parse the JSON summary of '$label' ($RAW/$label.json)"
  fi
  return "$rc"
}

log "index: initial build (--rebuild, fresh index dir) ..."
rm -rf "$INDEX"
run_index index_initial --rebuild "${INDEX_OPTS[@]}" || [[ $? == 3 ]] || die "initial index failed; see $RAW/index_initial.stderr"
log "index: no-op re-index (unchanged corpus) ..."
run_index index_noop "${INDEX_OPTS[@]}" || [[ $? == 3 ]] || die "no-op re-index failed; see $RAW/index_noop.stderr"
put index_disk_bytes "$(du -sb "$INDEX" | cut -f1)"

# --------------------------------------------------------------- search ---
# One line per query: phrase, corpus exit code (warm-up), corpus times, rg files, rg times.
search_corpus() { "$CORPUS_BIN" search "\"$1\"" --index "$INDEX" --format json --limit 10; }
# rg writes to a regular file, not /dev/null: recent ripgrep versions stop at the
# first match when stdout is /dev/null, which would not measure a full search.
search_rg() { rg -i -l -F -- "$1" "$CORPUS"; }

log "search: warm-up run of ${#QUERIES[@]} queries (corpus and rg) ..."
declare -A CRC RGN
i=0
for q in "${QUERIES[@]}"; do
  i=$((i + 1))
  rc=0; search_corpus "$q" > "$RAW/search-$i.json" 2> "$RAW/search-$i.stderr" || rc=$?
  CRC[$q]=$rc
  (( rc <= 1 )) || log "WARNING: corpus search \"$q\" exited with status $rc (see $RAW/search-$i.stderr)"
  rc=0; search_rg "$q" > "$RAW/rg.out" || rc=$?
  (( rc <= 1 )) || log "WARNING: rg '$q' exited with status $rc"
  RGN[$q]=$(wc -l < "$RAW/rg.out")
done

log "search: timed runs ($QUERIES_RUNS per query and tool) ..."
: > "$RAW/queries.tsv"
i=0
for q in "${QUERIES[@]}"; do
  i=$((i + 1))
  ct=() rt=()
  for ((r = 0; r < QUERIES_RUNS; r++)); do
    t0=$EPOCHREALTIME
    search_corpus "$q" > /dev/null 2>&1 || true
    t1=$EPOCHREALTIME
    ct+=("$(elapsed "$t0" "$t1")")
    t0=$EPOCHREALTIME
    search_rg "$q" > "$RAW/rg.out" 2>/dev/null || true
    t1=$EPOCHREALTIME
    rt+=("$(elapsed "$t0" "$t1")")
  done
  ( IFS=,; printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$q" "${CRC[$q]}" "${ct[*]}" "${RGN[$q]}" "${rt[*]}" "$RAW/search-$i.json" ) >> "$RAW/queries.tsv"
done
rm -f "$RAW/rg.out"

# --------------------------------------------------------------- report ---
{
  echo -e "date\t$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo -e "cpus\t$(nproc)"
  echo -e "mem\t$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo -e "commit\t$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo 'none')$(git -C "$REPO" status --porcelain 2>/dev/null | grep -q . && echo ' (dirty)')"
  echo -e "version\t$CORPUS_VERSION"
  echo -e "rg\t$(rg --version 2>&1 | sed -n 1p)"
  echo -e "queries_runs\t$QUERIES_RUNS"
  echo -e "index_opts\t${INDEX_OPTS[*]:-none}"
} > "$RAW/env.tsv"

python3 - "$RAW" "$WORK/results.md" <<'EOF'
import json, statistics, sys
raw, out = sys.argv[1], sys.argv[2]
f = {}
for line in open(f"{raw}/figures.tsv", encoding="utf-8"):
    k, _, v = line.rstrip("\n").partition("\t")
    f[k] = v
env = dict(l.rstrip("\n").split("\t", 1) for l in open(f"{raw}/env.tsv", encoding="utf-8"))

def num(k):
    try:
        return float(f[k])
    except (KeyError, ValueError):
        return None

MiB = 1048576
files, nbytes = int(f["corpus_files"]), int(f["corpus_bytes"])
cat_s = num("cat_seconds")
idx_s = num("index_initial_seconds")
noop_s = num("index_noop_seconds")
rss_kb = num("index_initial_rss_kb")
disk = num("index_disk_bytes")
cat_mbs = nbytes / MiB / cat_s
plain_s = num("plain_seconds")
plain_mbs = nbytes / MiB / plain_s
idx_mbs = nbytes / MiB / idx_s
idx_dps = files / idx_s

queries = []
for line in open(f"{raw}/queries.tsv", encoding="utf-8"):
    q, crc, ct, rgn, rt, jpath = line.rstrip("\n").split("\t")
    queries.append(dict(q=q, crc=int(crc), ct=statistics.median(map(float, ct.split(","))),
                        rgn=int(rgn), rt=statistics.median(map(float, rt.split(","))),
                        jpath=jpath))
c_med = statistics.median(x["ct"] for x in queries)
r_med = statistics.median(x["rt"] for x in queries)

def hits(path):
    """Best-effort total hit count from the search JSON (schema not assumed)."""
    try:
        doc = json.loads(open(path, encoding="utf-8").read())
    except (OSError, ValueError):
        return "?"
    if isinstance(doc, dict):
        for k in ("total", "totalHits", "total_hits", "count", "matches"):
            if isinstance(doc.get(k), (int, float)):
                return str(int(doc[k]))
            if isinstance(doc.get(k), dict) and isinstance(doc[k].get("value"), int):
                return str(doc[k]["value"])
        for k in ("hits", "results", "documents", "items"):
            if isinstance(doc.get(k), list):
                return f"{len(doc[k])} shown"
    if isinstance(doc, list):
        return f"{len(doc)} shown"
    return "?"

def ok(cond):
    return "yes" if cond else "**NO**"

rows = [
    ("Corpus", f"{files:,} files, {nbytes / MiB:,.1f} MiB (avg {nbytes / files / 1024:.2f} KiB/file)", "", ""),
    ("Raw-read baseline (`cat` of every file, warm cache)", f"{cat_s:.2f} s = {cat_mbs:,.1f} MiB/s", "", ""),
    ("Index, initial (`index --rebuild`) wall time", f"{idx_s:.2f} s", "", ""),
    ("Index throughput", f"{idx_mbs:,.2f} MiB/s, {idx_dps:,.0f} docs/s", "", ""),
    ("Plain Lucene indexing baseline (same files, cores; bench/PlainLuceneIndex.java)", f"{plain_s:.2f} s = {plain_mbs:,.2f} MiB/s", "", ""),
    ("Index throughput / plain Lucene throughput", f"{idx_mbs / plain_mbs:.2f}×", "info", ""),
    ("Index throughput in MB/s (10^6 bytes, the issue's unit)", f"{nbytes / 1e6 / idx_s:,.2f} MB/s", "≥ 15 MB/s", ok(nbytes / 1e6 / idx_s >= 15)),
    ("Index throughput / raw-read throughput", f"{idx_mbs / cat_mbs:.3f}× ({cat_mbs / idx_mbs:,.1f}× slower than cat)", "info", ""),
    ("Peak RSS of the index run", f"{rss_kb / 1024:,.0f} MiB ({rss_kb:,.0f} KB)" if rss_kb else "?", "info", ""),
    ("No-op re-index wall time", f"{noop_s:.2f} s", "", ""),
    ("No-op re-index / initial index", f"{100 * noop_s / idx_s:.1f} %", "≤ 10 %", ok(noop_s / idx_s <= 0.10)),
    ("Index size on disk (`du -sb`)", f"{disk / MiB:,.1f} MiB ({100 * disk / nbytes:.0f} % of corpus)" if disk else "?", "info", ""),
    (f"Search: corpus median of {len(queries)} phrase queries", f"{c_med:.3f} s", "≤ 0.3 s", ok(c_med <= 0.3)),
    (f"Search: rg median of the same {len(queries)} phrases", f"{r_med:.3f} s", "", ""),
    ("Search speed-up: rg median / corpus median", f"{r_med / c_med:,.1f}×", "≥ 10×", ok(r_med / c_med >= 10)),
]

L = []
L.append(f"# corpus benchmark — {env['date']}")
L.append("")
L.append(f"Machine: {env['cpus']} CPUs, {env['mem']} RAM; commit {env['commit']}; corpus --version: {env['version']}; {env['rg']}.  ")
L.append(f"Corpus requested: {f['size_mb_requested']} MiB; timed search runs per query and tool: {env['queries_runs']} (after one warm-up); `corpus index` options: {env.get('index_opts', 'none')}.")
L.append("")
L.append("| Figure | Value | Target | Met |")
L.append("|---|---|---|---|")
for a, b, c, d in rows:
    L.append(f"| {a} | {b} | {c} | {d} |")
L.append("")
for label, title in (("index_initial", "initial index (--rebuild)"), ("index_noop", "no-op re-index")):
    keys = ("indexed", "unchanged", "removed", "failed", "skipped", "seconds", "bytes")
    parts = [f"{k}={f[label + '_' + k]}" for k in keys if label + "_" + k in f]
    L.append(f"- `{title}` summary: exit {f.get(label + '_rc', '?')}; "
             + (", ".join(parts) if parts else "no JSON summary parsed")
             + f"; peak RSS {int(num(label + '_rss_kb') or 0):,} KB")
warn = []
if "index_initial_indexed" in f and int(float(f["index_initial_indexed"])) != files:
    warn.append(f"initial index reports indexed={f['index_initial_indexed']} but the corpus has {files:,} files")
if "index_noop_indexed" in f and int(float(f["index_noop_indexed"])) != 0:
    warn.append(f"no-op re-index re-indexed {f['index_noop_indexed']} files (expected 0)")
if "index_noop_unchanged" in f and int(float(f["index_noop_unchanged"])) != files:
    warn.append(f"no-op re-index reports unchanged={f['index_noop_unchanged']} (expected {files:,})")
for x in queries:
    if x["crc"] > 1:
        warn.append(f"corpus search \"{x['q']}\" failed (exit {x['crc']})")
    elif x["crc"] == 1 and x["rgn"] > 0:
        warn.append(f"corpus search \"{x['q']}\" found nothing (exit 1) but rg found {x['rgn']:,} files")
for w in warn:
    L.append(f"- WARNING: {w}")
L.append("")
L.append("## Per query")
L.append("")
L.append("| Phrase | corpus s | corpus exit | corpus hits | rg s | rg files | rg / corpus |")
L.append("|---|---|---|---|---|---|---|")
for x in queries:
    L.append(f"| {x['q']} | {x['ct']:.3f} | {x['crc']} | {hits(x['jpath'])} | {x['rt']:.3f} | {x['rgn']:,} | {x['rt'] / x['ct']:,.1f}× |")
L.append("")
text = "\n".join(L)
open(out, "w", encoding="utf-8").write(text)
print(text)
EOF
log "results written to $WORK/results.md"
