#!/usr/bin/env bash
# Benchmark of `corpus entity NAME` against the corpus size: is it linear? (issue 11, item 9:
# it was quadratic, because EntityService.cooccurring keyed a hash map by the Entity record.)
#
# Builds Reuters-derived corpora of two (or more) sizes with make-corpus.py, indexes each with
# extraction, then times `corpus entity NAME --json` for a few frequent entities, and
# `corpus entities --json` (builds the same entity catalog: the linear reference of the same
# run) and `corpus stats --json` (start-up and index opening: the fixed cost). Prints, per
# command, the median seconds at each size and the growth ratio between consecutive sizes next
# to the corpus growth ratio. See bench/README.md.
#
# Usage: bench/entity.sh
# Environment:
#   SIZES="4 16"        corpus sizes in MiB, ascending (default: two sizes 4x apart)
#   ENTITIES="..."      entity names to profile, separated by '|'
#                       (default: "United States|New York|Washington", the three
#                       most frequent entities of Reuters-21578)
#   RUNS=5              timed runs per command and size (after one untimed warm-up run)
#   BUDGET=120          stop timing a command at a size once its timed runs took this many
#                       seconds (at least one timed run is made)
#   TIMEOUT=600         seconds after which one run is stopped and reported as "> TIMEOUT s"
#   SEED=1987           seed passed to make-corpus.py
#   CORPUS_BIN=...      the CLI to measure (default: bin/corpus of this repository)
#   INDEX_OPTS=...      extra options for `corpus index` (default: none, i.e. with extraction)
#   TAG=...             names this binary's results, and its indexes unless INDEX_TAG is
#                       set (default: the name of the CLI's checkout plus a checksum of its
#                       path, so each build gets indexes of its own)
#   INDEX_TAG=...       use (or build) the indexes of this tag: to share the indexes of
#                       another build whose indexing code is the same
#   REGEN=1             rebuild the corpora (and so the indexes) even if they exist
#   REINDEX=1           rebuild the indexes even if they exist
# Results: Markdown tables (wall-clock and CPU seconds) on stdout and in
# bench/work/entity/results-TAG.md; the first JSON answer and stderr of every command, the
# index summaries and timings.tsv stay in bench/work/entity/raw-TAG/. Progress goes to stderr.
set -euo pipefail
export LC_NUMERIC=C   # "." as decimal separator in $EPOCHREALTIME and printf

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
WORK=$BENCH/work/entity
CORPUS_BIN=${CORPUS_BIN:-$REPO/bin/corpus}
read -r -a SIZES <<< "${SIZES:-4 16}"
IFS='|' read -r -a ENTITIES <<< "${ENTITIES:-United States|New York|Washington}"
RUNS=${RUNS:-5}
BUDGET=${BUDGET:-120}
TIMEOUT=${TIMEOUT:-600}
SEED=${SEED:-1987}
read -r -a INDEX_OPTS <<< "${INDEX_OPTS:-}"

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

# ------------------------------------------------------------ preflight ---
[[ ${BASH_VERSINFO[0]} -ge 5 ]] || die "bash >= 5 is required (for \$EPOCHREALTIME)"
(( ${#SIZES[@]} >= 2 )) || die "SIZES needs at least two sizes, got '${SIZES[*]}'"
prev=0
for s in "${SIZES[@]}"; do
  [[ $s =~ ^[0-9]+([.][0-9]+)?$ ]] || die "SIZES must be numbers of MiB, got '$s'"
  awk -v a="$prev" -v b="$s" 'BEGIN { exit !(b > a) }' || die "SIZES must be ascending, got '${SIZES[*]}'"
  prev=$s
done
(( ${#ENTITIES[@]} >= 1 )) || die "ENTITIES is empty"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
[[ $BUDGET =~ ^[0-9]+$ ]] || die "BUDGET must be a whole number of seconds, got '$BUDGET'"
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be a positive whole number of seconds, got '$TIMEOUT'"
command -v python3 >/dev/null 2>&1 || die "python3 is required"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is required"
[[ -x /usr/bin/time ]] ||
  die "/usr/bin/time (GNU time) is needed for CPU times. Install it with: apt-get install -y time"
[[ -x $CORPUS_BIN ]] ||
  die "$CORPUS_BIN not found or not executable (set CORPUS_BIN to the CLI to measure)"
CORPUS_BIN=$(readlink -f "$CORPUS_BIN")
BIN_HOME=$(dirname "$(dirname "$CORPUS_BIN")")
TAG=${TAG:-$(basename "$BIN_HOME")-$(printf '%s' "$CORPUS_BIN" | cksum | cut -d' ' -f1)}
INDEX_TAG=${INDEX_TAG:-$TAG}
[[ $TAG =~ ^[A-Za-z0-9._-]+$ ]] || die "TAG may hold letters, digits, '.', '_' and '-' only, got '$TAG'"
[[ $INDEX_TAG =~ ^[A-Za-z0-9._-]+$ ]] || die "INDEX_TAG may hold letters, digits, '.', '_' and '-' only, got '$INDEX_TAG'"
RAW=$WORK/raw-$TAG
RESULTS=$WORK/results-$TAG.md

# The launcher builds the jar on first use or when sources changed, and (JDK 25+) records a
# class cache in the background after that: both now, not inside a timed run.
CORPUS_VERSION=$("$CORPUS_BIN" --version 2>&1 | sed -n 1p) ||
  die "'$CORPUS_BIN --version' failed: $CORPUS_VERSION"
if [[ -f $BIN_HOME/target/corpus.jar && $CORPUS_VERSION == *"Java 2"[5-9]* ]]; then
  for ((i = 0; i < 120; i++)); do
    [[ -f $BIN_HOME/target/corpus.aot ]] && break
    sleep 1
  done
  [[ -f $BIN_HOME/target/corpus.aot ]] || log "WARNING: no class cache recorded in $BIN_HOME/target after 120 s"
fi

mkdir -p "$WORK"
rm -rf "$RAW"
mkdir -p "$RAW"
: > "$RAW/timings.tsv"
: > "$RAW/sizes.tsv"

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }
manifest_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

# -------------------------------------------------- corpora and indexes ---
# make-corpus.py writes whole chunks of 1000 stories (~0.8 MiB), so asking it for 4 and
# 16 MiB gives 4.8 and 16.1 MiB. Instead it builds one source corpus of the largest size
# (corpus-src/, with corpus-src.manifest.json next to it, written last); the corpus of each
# size (corpus-<S>mb/) is the shortest prefix of its files, in path order, that holds S MiB,
# hard-linked: sizes exactly as far apart as asked, and each corpus part of the next. Its
# manifest corpus-<S>mb.manifest.json is written once the links are made.
# The index of a size is index-<S>mb-<INDEX_TAG>/ with index-<S>mb-<INDEX_TAG>.json next to
# it (the summary of the index run, written once it succeeded; the index folder takes no
# foreign files). A new source corpus makes every derived corpus and index stale.
SRC=$WORK/corpus-src
SRC_MANIFEST=$SRC.manifest.json
max_mb=${SIZES[-1]}
if [[ -n ${REGEN:-} || ! -d $SRC || ! -f $SRC_MANIFEST ]] ||
   ! python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))
sys.exit(not (m["bytes"] >= float(sys.argv[2]) * 1048576 and m["seed"] == int(sys.argv[3])))' \
     "$SRC_MANIFEST" "$max_mb" "$SEED"; then
  log "building a $max_mb MiB source corpus in $SRC (make-corpus.py) ..."
  rm -rf "$WORK"/corpus-*mb "$WORK"/corpus-*mb.manifest.json "$WORK"/index-*mb-*
  python3 "$BENCH/make-corpus.py" --size-mb "$max_mb" --out "$SRC" --seed "$SEED" --force >&2
else
  log "reusing the source corpus in $SRC (REGEN=1 rebuilds it)"
fi

prepare() {
  local s=$1 corpus=$WORK/corpus-${1}mb
  local manifest=$corpus.manifest.json index=$WORK/index-${1}mb-$INDEX_TAG
  local summary=$index.json
  if [[ ! -d $corpus || ! -f $manifest || $manifest -ot $SRC_MANIFEST ]] ||
     [[ $(manifest_field "$manifest" size_mb) != "$(python3 -c "print(float('$s'))")" ]]; then
    log "linking the first $s MiB of $SRC into $corpus ..."
    rm -rf "$corpus" "$manifest" "$WORK"/index-"${s}"mb-*
    python3 "$BENCH/link-prefix.py" "$SRC" "$corpus" "$s" "$SRC_MANIFEST" "$manifest"
  else
    log "reusing the $s MiB corpus in $corpus"
  fi
  local files bytes
  files=$(manifest_field "$manifest" files)
  bytes=$(manifest_field "$manifest" bytes)
  if [[ -n ${REINDEX:-} || ! -d $index || ! -f $summary || $summary -ot $manifest ]] ||
     [[ $(manifest_field "$summary" bench_index_opts) != "${INDEX_OPTS[*]:-}" ]]; then
    log "indexing the $s MiB corpus into $index (${INDEX_OPTS[*]:-with extraction}) ..."
    rm -rf "$index" "$summary"
    local rc=0 t0 t1
    t0=$EPOCHREALTIME
    "$CORPUS_BIN" index "$corpus" --index "$index" --rebuild "${INDEX_OPTS[@]}" --format json \
      > "$RAW/index-${s}mb.json" 2> "$RAW/index-${s}mb.stderr" || rc=$?
    t1=$EPOCHREALTIME
    # 3: some files failed (reported, not fatal, as in run.sh)
    (( rc == 0 || rc == 3 )) || die "index of the $s MiB corpus failed (exit $rc); see $RAW/index-${s}mb.stderr"
    (( rc == 0 )) || log "WARNING: index of the $s MiB corpus exited with 3 (some files failed)"
    python3 - "$RAW/index-${s}mb.json" "$summary" "$(elapsed "$t0" "$t1")" "$rc" "${INDEX_OPTS[*]:-}" <<'EOF'
import json, sys
src, dst, wall, rc, opts = sys.argv[1:]
try:
    doc = json.load(open(src, encoding="utf-8"))
except ValueError:
    doc = {}
doc = doc if isinstance(doc, dict) else {}
doc.update(bench_wall_seconds=float(wall), bench_exit=int(rc), bench_index_opts=opts)
json.dump(doc, open(dst, "w", encoding="utf-8"), indent=2)
EOF
  else
    log "reusing the index $index (REINDEX=1 rebuilds it)"
  fi
  local idx_s articles
  idx_s=$(manifest_field "$summary" bench_wall_seconds)
  # the number of articles, from the index itself
  "$CORPUS_BIN" stats --index "$index" --json > "$RAW/stats-${s}mb.json" 2>/dev/null ||
    die "'corpus stats' on $index failed"
  articles=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("articles", "?"))' "$RAW/stats-${s}mb.json")
  printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$files" "$bytes" "$articles" "$idx_s" >> "$RAW/sizes.tsv"
}

# ---------------------------------------------------------------- timing ---
# time_cmd LABEL ARGS...: `corpus ARGS... --index INDEX` at every size. First one untimed
# warm-up run per size (its output and stderr kept in raw/), then RUNS rounds of timed runs
# that take the sizes in turn, so that a slow spell of a shared machine falls on all sizes
# alike; a size drops out of the rounds once its timed runs took BUDGET seconds (after at
# least one), or when a run was stopped by TIMEOUT. Each run is taken in wall-clock seconds
# and in CPU seconds (user + system, of the JVM and its threads: GNU time), which a busy
# machine disturbs much less. Appends one line per size to timings.tsv: label, size,
# warm-up exit code, comma-separated wall seconds (">T" for a run stopped after T s),
# comma-separated CPU seconds, the command.
time_cmd() {
  local label=$1; shift
  local cmd="" a s rc t0 t1 t r
  for a in "$@"; do [[ $a == *" "* ]] && a="\"$a\""; cmd+="${cmd:+ }$a"; done
  declare -A RC SPENT TIMES CPUS LIVE
  for s in "${SIZES[@]}"; do
    local out=$RAW/${label}-${s}mb
    rc=0
    log "  $label ($s MiB): warm-up ..."
    timeout "$TIMEOUT" "$CORPUS_BIN" "$@" --index "$WORK/index-${s}mb-$INDEX_TAG" > "$out.json" 2> "$out.stderr" || rc=$?
    RC[$s]=$rc SPENT[$s]=0 TIMES[$s]="" CPUS[$s]="" LIVE[$s]=1
    if (( rc == 124 )); then
      log "  $label ($s MiB): warm-up run stopped after $TIMEOUT s; no timed runs"
      TIMES[$s]=">$TIMEOUT" CPUS[$s]=">$TIMEOUT" LIVE[$s]=""
    elif (( rc != 0 )); then
      log "WARNING: corpus $cmd exited with $rc at $s MiB (see $out.stderr)"
    fi
  done
  for ((r = 0; r < RUNS; r++)); do
    for s in "${SIZES[@]}"; do
      [[ -n ${LIVE[$s]} ]] || continue
      rc=0
      t0=$EPOCHREALTIME
      /usr/bin/time -f '%U %S' -o "$RAW/rusage" \
        timeout "$TIMEOUT" "$CORPUS_BIN" "$@" --index "$WORK/index-${s}mb-$INDEX_TAG" > /dev/null 2>&1 || rc=$?
      t1=$EPOCHREALTIME
      if (( rc == 124 )); then
        TIMES[$s]+="${TIMES[$s]:+,}>$TIMEOUT" CPUS[$s]+="${CPUS[$s]:+,}>$TIMEOUT" LIVE[$s]=""
        continue
      fi
      t=$(elapsed "$t0" "$t1")
      TIMES[$s]+="${TIMES[$s]:+,}$t"
      # the last line: GNU time puts "Command exited with non-zero status N" before it
      CPUS[$s]+="${CPUS[$s]:+,}$(awk 'END { printf "%.2f", $1 + $2 }' "$RAW/rusage")"
      SPENT[$s]=$(awk -v a="${SPENT[$s]}" -v b="$t" 'BEGIN { print a + b }')
      awk -v a="${SPENT[$s]}" -v b="$BUDGET" 'BEGIN { exit !(a >= b) }' && LIVE[$s]=""
    done
  done
  for s in "${SIZES[@]}"; do
    log "  $label ($s MiB): wall ${TIMES[$s]//,/ }; CPU ${CPUS[$s]//,/ }"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$s" "${RC[$s]}" "${TIMES[$s]}" "${CPUS[$s]}" "$cmd" >> "$RAW/timings.tsv"
  done
}

for s in "${SIZES[@]}"; do
  prepare "$s"
done
log "timing ($RUNS runs per command and size after a warm-up; budget $BUDGET s, timeout $TIMEOUT s) ..."
time_cmd stats stats --json
time_cmd entities entities --json
i=0
for e in "${ENTITIES[@]}"; do
  i=$((i + 1))
  time_cmd "entity$i" entity "$e" --json
done

# --------------------------------------------------------------- report ---
{
  echo -e "date\t$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo -e "cpus\t$(nproc)"
  echo -e "load\t$(cut -d' ' -f1-3 /proc/loadavg)"
  echo -e "bin\t$CORPUS_BIN"
  echo -e "commit\t$(git -C "$BIN_HOME" rev-parse --short HEAD 2>/dev/null || echo 'none')$(git -C "$BIN_HOME" status --porcelain -- src pom.xml 2>/dev/null | grep -q . && echo ' + uncommitted changes in src/')"
  echo -e "version\t$CORPUS_VERSION"
  echo -e "runs\t$RUNS"
  echo -e "budget\t$BUDGET"
  echo -e "timeout\t$TIMEOUT"
  echo -e "tag\t$TAG"
  echo -e "index_tag\t$INDEX_TAG"
  echo -e "index_opts\t${INDEX_OPTS[*]:-none (with extraction)}"
} > "$RAW/env.tsv"

python3 - "$RAW" "$RESULTS" <<'EOF'
import statistics, sys
raw, out = sys.argv[1], sys.argv[2]
env = dict(l.rstrip("\n").split("\t", 1) for l in open(f"{raw}/env.tsv", encoding="utf-8"))
MiB = 1048576
sizes = []
for line in open(f"{raw}/sizes.tsv", encoding="utf-8"):
    s, files, nbytes, articles, idx = line.rstrip("\n").split("\t")
    sizes.append(dict(s=s, files=int(files), bytes=int(nbytes), articles=articles, idx=float(idx)))
pairs = list(zip(sizes, sizes[1:]))

def summary(field):
    """(median, None) of the runs, or (None, T) when a run was stopped after T s."""
    ts = field.split(",")
    cut = [float(t[1:]) for t in ts if t.startswith(">")]
    if cut:
        return (None, cut[0])
    return (statistics.median(float(t) for t in ts), None)

rows, rcs, runs, cmds = {}, {}, {}, {}   # label -> size -> ...
for line in open(f"{raw}/timings.tsv", encoding="utf-8"):
    label, s, rc, wall, cpu, cmd = line.rstrip("\n").split("\t")
    rows.setdefault(label, {})[s] = {"wall": summary(wall), "cpu": summary(cpu)}
    rcs.setdefault(label, {})[s] = int(rc)
    runs.setdefault(label, {})[s] = len(wall.split(","))
    cmds[label] = cmd

def cell(v):
    return f"> {v[1]:.0f}" if v[0] is None else f"{v[0]:.2f}"

def growth(a, b):
    if a is None or b is None or a[0] is None:
        return "?"
    return f"> {b[1] / a[0]:.1f}" if b[0] is None else f"{b[0] / a[0]:.2f}"

order = [l for l in ("stats", "entities") if l in rows] + \
        sorted(l for l in rows if l.startswith("entity") and l != "entities")
def name(label):
    n = f"`{cmds[label].replace(' --json', '')}`"
    return n + {"stats": " (fixed cost)", "entities": " (linear reference)"}.get(label, "")

L = [f"# corpus entity scaling — {env['date']}", ""]
L.append(f"CLI: `{env['bin']}` (commit {env['commit']}; {env['version']}); {env['cpus']} CPUs, "
         f"load {env['load']} at the end.  ")
L.append(f"Median of up to {env['runs']} timed runs per command and size after one warm-up "
         f"(fewer once {env['budget']} s are spent; a run is stopped after {env['timeout']} s). "
         f"Index options: {env['index_opts']}; indexes `index-*-{env['index_tag']}`. "
         f"Seconds of the whole command, JVM start included: wall clock, and CPU (user + system).")
L.append("")
L.append("| Corpus | MiB | files | articles | index s (when built) |")
L.append("|---|---|---|---|---|")
for z in sizes:
    L.append(f"| {z['s']} MiB | {z['bytes'] / MiB:.2f} | {z['files']:,} | {z['articles']} | {z['idx']:.1f} |")
for kind, title in (("wall", "Wall-clock seconds"), ("cpu", "CPU seconds (user + system)")):
    L.append("")
    L.append(f"**{title}**")
    L.append("")
    L.append("| Command | " + " | ".join(f"{z['s']} MiB" for z in sizes) + " | " +
             " | ".join(f"growth {a['s']}→{b['s']}" for a, b in pairs) + " |")
    L.append("|---" * (1 + len(sizes) + len(pairs)) + "|")
    L.append("| *corpus (bytes)* | " + " | ".join("" for _ in sizes) + " | " +
             " | ".join(f"*{b['bytes'] / a['bytes']:.2f}*" for a, b in pairs) + " |")
    for label in order:
        r = rows[label]
        get = lambda z: r[z["s"]][kind] if z["s"] in r else None
        L.append(f"| {name(label)} | " + " | ".join(cell(get(z)) if get(z) else "?" for z in sizes) + " | " +
                 " | ".join(growth(get(a), get(b)) for a, b in pairs) + " |")
L.append("")
# Each entity command against the corpus and the linear reference of the same run.
ref = rows.get("entities", {})
for label in order:
    if label in ("stats", "entities"):
        continue
    for a, b in pairs:
        corpus = b["bytes"] / a["bytes"]
        parts = []
        faster = False
        for kind in ("wall", "cpu"):
            x, y = rows[label].get(a["s"], {}).get(kind), rows[label].get(b["s"], {}).get(kind)
            if not x or not y or x[0] is None:
                continue
            if y[0] is None:
                parts.append(f"{kind} > ×{y[1] / x[0]:.1f}")
                faster = True
                continue
            g = y[0] / x[0]
            faster |= g > corpus
            p = f"{kind} ×{g:.2f}"
            rx, ry = ref.get(a["s"], {}).get(kind), ref.get(b["s"], {}).get(kind)
            if rx and ry and rx[0] and ry[0]:
                p += (f" (`entities` ×{ry[0] / rx[0]:.2f}; beyond `entities`"
                      f" {x[0] - rx[0]:.2f} → {y[0] - ry[0]:.2f} s)")
            parts.append(p)
        verdict = "grows FASTER than the corpus" if faster else "grows no faster than the corpus"
        L.append(f"- {name(label)} {a['s']}→{b['s']} MiB (corpus ×{corpus:.2f}): "
                 + "; ".join(parts) + f": {verdict}")
for label in order:
    for s, rc in rcs[label].items():
        if rc not in (0, 124):
            L.append(f"- WARNING: `{cmds[label]}` exited with {rc} at {s} MiB (see raw-{env['tag']}/)")
L.append("")
text = "\n".join(L)
open(out, "w", encoding="utf-8").write(text)
print(text)
EOF
log "results written to $RESULTS"
