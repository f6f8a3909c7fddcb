#!/usr/bin/env bash
# Benchmark of every corpus-level command against the corpus size (issue 14, deliverable 6):
# does an answer cost what it returns, or what the corpus holds?
#
# Builds two Reuters-derived corpora, SMALL_MB and LARGE_MB (the smaller a prefix of the
# larger), indexes each with extraction (the default `corpus index`: wall time, MB/s, peak RSS),
# then times each corpus-level command with a fixed query and --limit on both indexes:
# `stats`, `entities`, `entity NAME`, `search oil --facets`, `search oil --entity NAME`,
# `dates`, `timeline`, `claims`, `claims --clusters`, `speaker NAME`, all with --format json
# (the answers are kept, not printed). One untimed warm-up per command and size, then RUNS
# rounds that take the two sizes in turn; the median wall time and the largest peak RSS of the
# timed runs are reported, with the growth factor large / small next to the corpus's.
#
# It also times, at each size, a bare Lucene indexer on the same files and cores
# (bench/PlainLuceneIndex.java: the floor corpus's indexing is compared with), and adding 1 %
# new files (ADD_SHARE) to a copy of the large index: `corpus index NEW --index COPY`, whose
# cost, catalog and corpus-level passes included, should stay near 1 % of the full index run.
#
# Usage: bench/commands.sh
# Environment:
#   SMALL_MB=2 LARGE_MB=16  corpus sizes in MiB (LARGE_MB at least 8 x SMALL_MB)
#   RUNS=3                  timed runs per command and size (after one untimed warm-up)
#   ENTITY="United States"  the entity of `entity` and of `search oil --entity`
#   SPEAKER="Clayton Yeutter"  the speaker of `speaker` (the U.S. trade representative: 42
#                           claims in the first 2 MiB of Reuters, more further on)
#   LIMIT=20                --limit of entities, dates, timeline, claims, claims --clusters,
#                           speaker (search keeps its default page of 10)
#   TIMEOUT=900             a run is stopped after this many seconds and shown as "> TIMEOUT"
#   SEED=1987               seed passed to make-corpus.py (SEED+1 for the added files)
#   ADD_SHARE=0.01          the share of the large corpus added to a copy of its index
#   CORPUS_BIN=...          the CLI to measure (default: bin/corpus of this repository)
#   REGEN=1 / REINDEX=1     rebuild the corpora / the indexes even if they exist
# Results: a Markdown table on stdout and in bench/work/commands.md; corpora, indexes and raw
# outputs (every command's first JSON answer and stderr, timings.tsv) in bench/work/commands/.
# Progress goes to stderr. A command that exits non-zero stops the run with a one-line error.
set -euo pipefail
export LC_NUMERIC=C   # "." as decimal separator in $EPOCHREALTIME and printf

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
WORK=$BENCH/work/commands
RAW=$WORK/raw
RESULTS=$BENCH/work/commands.md
CORPUS_BIN=${CORPUS_BIN:-$REPO/bin/corpus}
SMALL_MB=${SMALL_MB:-2}
LARGE_MB=${LARGE_MB:-16}
RUNS=${RUNS:-3}
ENTITY=${ENTITY:-United States}
SPEAKER=${SPEAKER:-Clayton Yeutter}
LIMIT=${LIMIT:-20}
TIMEOUT=${TIMEOUT:-900}
SEED=${SEED:-1987}
ADD_SHARE=${ADD_SHARE:-0.01}

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

# ------------------------------------------------------------ preflight ---
[[ ${BASH_VERSINFO[0]} -ge 5 ]] || die "bash >= 5 is required (for \$EPOCHREALTIME)"
for v in SMALL_MB LARGE_MB; do
  [[ ${!v} =~ ^[0-9]+([.][0-9]+)?$ ]] || die "$v must be a number of MiB, got '${!v}'"
done
awk -v a="$SMALL_MB" -v b="$LARGE_MB" 'BEGIN { exit !(a > 0 && b >= 8 * a) }' ||
  die "LARGE_MB ($LARGE_MB) must be at least 8 x SMALL_MB ($SMALL_MB)"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
[[ $LIMIT =~ ^[1-9][0-9]*$ ]] || die "LIMIT must be a positive integer, got '$LIMIT'"
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be a positive whole number of seconds, got '$TIMEOUT'"
command -v python3 >/dev/null 2>&1 || die "python3 is required"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is required"
[[ -x /usr/bin/time ]] ||
  die "/usr/bin/time (GNU time) is needed for peak RSS. Install it with: apt-get install -y time"
[[ -x $CORPUS_BIN ]] ||
  die "$CORPUS_BIN not found or not executable (set CORPUS_BIN to the CLI to measure)"
CORPUS_BIN=$(readlink -f "$CORPUS_BIN")
BIN_HOME=$(dirname "$(dirname "$CORPUS_BIN")")

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
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
T_START=$EPOCHREALTIME

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }
json_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], "?"))' "$1" "$2"; }

# -------------------------------------------------- corpora and indexes ---
# make-corpus.py writes whole chunks of 1000 stories (~0.8 MiB), so it builds one source
# corpus of LARGE_MB (corpus-src/, manifest corpus-src.manifest.json next to it, written
# last), and the corpus of each size (corpus-<S>mb/) is the shortest prefix of its files, in
# path order, that holds S MiB, hard-linked: sizes as far apart as asked (to a file), and the
# small corpus part of the large one. As in bench/entity.sh.
SRC=$WORK/corpus-src
SRC_MANIFEST=$SRC.manifest.json
if [[ -n ${REGEN:-} || ! -d $SRC || ! -f $SRC_MANIFEST ]] ||
   ! python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))
sys.exit(not (m["bytes"] >= float(sys.argv[2]) * 1048576 and m["seed"] == int(sys.argv[3])))' \
     "$SRC_MANIFEST" "$LARGE_MB" "$SEED"; then
  log "building a $LARGE_MB MiB source corpus in $SRC (make-corpus.py) ..."
  rm -rf "$WORK"/corpus-*mb "$WORK"/corpus-*mb.manifest.json "$WORK"/index-*mb "$WORK"/index-*mb.json
  python3 "$BENCH/make-corpus.py" --size-mb "$LARGE_MB" --out "$SRC" --seed "$SEED" --force >&2
else
  log "reusing the source corpus in $SRC (REGEN=1 rebuilds it)"
fi

# prepare S: links corpus-<S>mb/ and indexes it into index-<S>mb/ (summary index-<S>mb.json,
# written once the index run succeeded, with its wall time and peak RSS); both are reused
# while they are newer than what they were made from. Appends a line to sizes.tsv.
prepare() {
  local s=$1 corpus=$WORK/corpus-${1}mb
  local manifest=$corpus.manifest.json index=$WORK/index-${1}mb
  local summary=$index.json
  if [[ ! -d $corpus || ! -f $manifest || $manifest -ot $SRC_MANIFEST ]] ||
     [[ $(json_field "$manifest" size_mb) != "$(python3 -c "print(float('$s'))")" ]]; then
    log "linking the first $s MiB of $SRC into $corpus ..."
    rm -rf "$corpus" "$manifest" "$index" "$summary"
    python3 "$BENCH/link-prefix.py" "$SRC" "$corpus" "$s" "$SRC_MANIFEST" "$manifest"
  else
    log "reusing the $s MiB corpus in $corpus"
  fi
  # An index of an older schema (stats refuses it) is rebuilt too.
  if [[ -n ${REINDEX:-} || ! -d $index || ! -f $summary || $summary -ot $manifest ]] ||
     ! "$CORPUS_BIN" stats --index "$index" --format json > /dev/null 2>&1; then
    log "indexing the $s MiB corpus into $index with extraction ..."
    rm -rf "$index" "$summary"
    local rc=0 t0 t1
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$RAW/index-${s}mb.rss" \
      "$CORPUS_BIN" index "$corpus" --index "$index" --rebuild --format json \
      > "$RAW/index-${s}mb.json" 2> "$RAW/index-${s}mb.stderr" || rc=$?
    t1=$EPOCHREALTIME
    # 3: some files failed; reported in the table, not fatal (as in run.sh)
    (( rc == 0 || rc == 3 )) || die "corpus index of the $s MiB corpus exited with $rc; see $RAW/index-${s}mb.stderr"
    (( rc == 0 )) || log "WARNING: corpus index of the $s MiB corpus exited with 3 (some files failed)"
    python3 - "$RAW/index-${s}mb.json" "$summary" "$(elapsed "$t0" "$t1")" "$rc" \
      "$(tail -n 1 "$RAW/index-${s}mb.rss")" "$(date -u '+%Y-%m-%d %H:%M UTC')" <<'EOF'
import json, sys
src, dst, wall, rc, rss, when = sys.argv[1:]
try:
    doc = json.load(open(src, encoding="utf-8"))
except ValueError:
    doc = {}
doc = doc if isinstance(doc, dict) else {}
doc.update(bench_wall_seconds=float(wall), bench_exit=int(rc), bench_rss_kb=int(rss),
           bench_date=when)
json.dump(doc, open(dst, "w", encoding="utf-8"), indent=2)
EOF
  else
    log "reusing the index $index (REINDEX=1 rebuilds it)"
  fi
  "$CORPUS_BIN" stats --index "$index" --format json > "$RAW/stats-${s}mb.json" 2>/dev/null ||
    die "corpus stats on $index failed"
  printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$manifest" "$summary" "$RAW/stats-${s}mb.json" \
    "$( [[ $summary -nt $T_START_FILE ]] && echo new || echo reused )" >> "$RAW/sizes.tsv"
}

T_START_FILE=$RAW/.start
: > "$T_START_FILE"
SIZES=("$SMALL_MB" "$LARGE_MB")
for s in "${SIZES[@]}"; do
  prepare "$s"
done

# ------------------------------------------ plain Lucene indexing baseline ---
# The least a Lucene indexer does with the same files and cores, at each size, in this run.
bench_java=${CORPUS_JAVA:-}
if [[ -z $bench_java ]]; then
  read -r _ bench_java < "$BIN_HOME/target/.java" 2>/dev/null || bench_java=""
fi
[[ -n $bench_java && -x $bench_java ]] || die "no JDK 21+ found for the plain Lucene baseline (set CORPUS_JAVA)"
: > "$RAW/plain.tsv"
for s in "${SIZES[@]}"; do
  log "plain Lucene indexing of the $s MiB corpus ..."
  rm -rf "$WORK/plain-index"
  t0=$EPOCHREALTIME
  "$bench_java" -cp "$BIN_HOME/target/lib/*" "$BENCH/PlainLuceneIndex.java" "$WORK/corpus-${s}mb" "$WORK/plain-index" "$(nproc)" \
    > "$RAW/plain-${s}mb.txt" 2>&1 || die "plain Lucene baseline failed; see $RAW/plain-${s}mb.txt"
  t1=$EPOCHREALTIME
  printf '%s\t%s\n' "$s" "$(elapsed "$t0" "$t1")" >> "$RAW/plain.tsv"
  rm -rf "$WORK/plain-index"
done

# ------------------------------------------------------ adding new files ---
# ADD_SHARE of the large corpus, from another seed, indexed into a copy of the large index.
ADD_MB=$(awk -v l="$LARGE_MB" -v a="$ADD_SHARE" 'BEGIN { printf "%.4f", l * a }')
ADD_SRC=$WORK/corpus-add-src
if [[ ! -f $ADD_SRC.manifest.json ]] || ! python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))
sys.exit(not (m["bytes"] >= float(sys.argv[2]) * 1048576 and m["seed"] == int(sys.argv[3])))' \
     "$ADD_SRC.manifest.json" "$ADD_MB" "$((SEED + 1))"; then
  python3 "$BENCH/make-corpus.py" --size-mb "$(awk -v m="$ADD_MB" 'BEGIN { print (m < 1 ? 1 : int(m) + 1) }')" \
    --out "$ADD_SRC" --seed "$((SEED + 1))" --force >&2
fi
rm -rf "$WORK/corpus-add" "$WORK/corpus-add.manifest.json" "$WORK/index-add"
python3 "$BENCH/link-prefix.py" "$ADD_SRC" "$WORK/corpus-add" "$ADD_MB" "$ADD_SRC.manifest.json" "$WORK/corpus-add.manifest.json"
cp -r "$WORK/index-${LARGE_MB}mb" "$WORK/index-add"
log "adding $ADD_MB MiB of new files to a copy of the $LARGE_MB MiB index ..."
t0=$EPOCHREALTIME
/usr/bin/time -f '%M' -o "$RAW/add.rss" "$CORPUS_BIN" index "$WORK/corpus-add" --index "$WORK/index-add" --format json \
  > "$RAW/add.json" 2> "$RAW/add.stderr" || die "adding files failed; see $RAW/add.stderr"
t1=$EPOCHREALTIME
printf '%s\t%s\t%s\n' "$ADD_MB" "$(elapsed "$t0" "$t1")" "$(tail -n 1 "$RAW/add.rss")" > "$RAW/add.tsv"
rm -rf "$WORK/index-add"

# ---------------------------------------------------------------- timing ---
# time_cmd LABEL ARGS...: `corpus ARGS... --format json --index INDEX` at both sizes. One
# untimed warm-up run per size (answer and stderr kept in raw/), then RUNS rounds that take
# the sizes in turn, so that a slow spell of a shared machine falls on both alike. Every run
# is timed in wall-clock seconds ($EPOCHREALTIME) and, by GNU time, in CPU seconds (user +
# system) and peak RSS. Appends one line per size to timings.tsv: label, size, wall seconds,
# CPU seconds, peak RSS KB (each comma-separated, one per timed run; ">T" for a run stopped
# after T seconds), the command.
run_once() { # run_once SIZE OUT ERR ARGS...: sets RC
  local s=$1 out=$2 err=$3; shift 3
  RC=0
  /usr/bin/time -f '%U %S %M' -o "$RAW/rusage" \
    timeout "$TIMEOUT" "$CORPUS_BIN" "$@" --format json --index "$WORK/index-${s}mb" \
    > "$out" 2> "$err" || RC=$?
}
time_cmd() {
  local label=$1; shift
  local cmd="" a s t0 t1 r
  for a in "$@"; do [[ $a == *" "* ]] && a="\"$a\""; cmd+="${cmd:+ }$a"; done
  declare -A WALL CPU RSS LIVE
  for s in "${SIZES[@]}"; do
    local out=$RAW/$label-${s}mb
    log "  $cmd ($s MiB): warm-up ..."
    run_once "$s" "$out.json" "$out.stderr" "$@"
    WALL[$s]="" CPU[$s]="" RSS[$s]="" LIVE[$s]=1
    if (( RC == 124 )); then
      log "  $cmd ($s MiB): warm-up stopped after $TIMEOUT s; no timed runs"
      WALL[$s]=">$TIMEOUT" CPU[$s]=">$TIMEOUT" RSS[$s]="?" LIVE[$s]=""
    elif (( RC != 0 )); then
      die "corpus $cmd exited with $RC on the $s MiB index; see $out.stderr"
    fi
  done
  for ((r = 0; r < RUNS; r++)); do
    for s in "${SIZES[@]}"; do
      [[ -n ${LIVE[$s]} ]] || continue
      t0=$EPOCHREALTIME
      run_once "$s" /dev/null "$RAW/$label-${s}mb.run.stderr" "$@"
      t1=$EPOCHREALTIME
      if (( RC == 124 )); then
        WALL[$s]+="${WALL[$s]:+,}>$TIMEOUT" CPU[$s]+="${CPU[$s]:+,}>$TIMEOUT" LIVE[$s]=""
        continue
      fi
      (( RC == 0 )) || die "corpus $cmd exited with $RC on the $s MiB index (timed run $((r + 1))); see $RAW/$label-${s}mb.run.stderr"
      WALL[$s]+="${WALL[$s]:+,}$(elapsed "$t0" "$t1")"
      # the last line: GNU time may put "Command exited with non-zero status N" before it
      CPU[$s]+="${CPU[$s]:+,}$(awk 'END { printf "%.2f", $1 + $2 }' "$RAW/rusage")"
      RSS[$s]+="${RSS[$s]:+,}$(awk 'END { print $3 }' "$RAW/rusage")"
    done
  done
  for s in "${SIZES[@]}"; do
    log "  $cmd ($s MiB): wall ${WALL[$s]//,/ }; CPU ${CPU[$s]//,/ }; RSS KB ${RSS[$s]//,/ }"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$s" "${WALL[$s]}" "${CPU[$s]}" "${RSS[$s]}" "$cmd" >> "$RAW/timings.tsv"
  done
}

log "timing ($RUNS runs per command and size after a warm-up; timeout $TIMEOUT s) ..."
time_cmd stats stats
time_cmd entities entities --limit "$LIMIT"
time_cmd entity entity "$ENTITY"
time_cmd search-facets search oil --facets
time_cmd search-entity search oil --entity "$ENTITY"
time_cmd dates dates --limit "$LIMIT"
time_cmd timeline timeline --limit "$LIMIT"
time_cmd claims claims --limit "$LIMIT"
time_cmd claims-clusters claims --clusters --limit "$LIMIT"
time_cmd speaker speaker "$SPEAKER" --limit "$LIMIT"

# --------------------------------------------------------------- report ---
{
  echo -e "date\t$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo -e "cpus\t$(nproc)"
  echo -e "load_start\t$LOAD_START"
  echo -e "load_end\t$(cut -d' ' -f1-3 /proc/loadavg)"
  echo -e "minutes\t$(awk -v a="$T_START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) / 60 }')"
  echo -e "commit\t$(git -C "$BIN_HOME" rev-parse --short HEAD 2>/dev/null || echo 'none')$(git -C "$BIN_HOME" status --porcelain -- src pom.xml 2>/dev/null | grep -q . && echo ' + uncommitted changes in src/')"
  echo -e "version\t$CORPUS_VERSION"
  echo -e "runs\t$RUNS"
  echo -e "timeout\t$TIMEOUT"
} > "$RAW/env.tsv"

python3 - "$RAW" "$RESULTS" <<'EOF'
import json, os, statistics, sys
raw, out = sys.argv[1], sys.argv[2]
env = dict(l.rstrip("\n").split("\t", 1) for l in open(f"{raw}/env.tsv", encoding="utf-8"))
MiB = 1048576

sizes = []
for line in open(f"{raw}/sizes.tsv", encoding="utf-8"):
    s, manifest, summary, stats, fresh = line.rstrip("\n").split("\t")
    m, i, st = (json.load(open(p, encoding="utf-8")) for p in (manifest, summary, stats))
    sizes.append(dict(s=s, files=m["files"], bytes=m["bytes"], articles=st.get("articles", "?"),
                      idx=i["bench_wall_seconds"], rss=i.get("bench_rss_kb"), rc=i.get("bench_exit", 0),
                      failed=i.get("failed", "?"), when=i.get("bench_date", "?"), fresh=fresh))
small, large = sizes
ratio = large["bytes"] / small["bytes"]
num = lambda n: f"{n:,}" if isinstance(n, int) else str(n)
articles_ratio = (f"{large['articles'] / small['articles']:.2f}"
                  if all(isinstance(z["articles"], int) and z["articles"] for z in sizes) else "?")

def summary(field):
    """(median, None) of the runs, or (None, T) when a run was stopped after T s."""
    ts = [t for t in field.split(",") if t]
    cut = [float(t[1:]) for t in ts if t.startswith(">")]
    return (None, cut[0]) if cut else (statistics.median(float(t) for t in ts), None)

rows = {}   # label -> size -> dict
order, cmds = [], {}
for line in open(f"{raw}/timings.tsv", encoding="utf-8"):
    label, s, wall, cpu, rss, cmd = line.rstrip("\n").split("\t")
    if label not in rows:
        order.append(label)
    cmds[label] = cmd
    rss_kb = [int(x) for x in rss.split(",") if x.isdigit()]
    answer = f"{raw}/{label}-{s}mb.json"
    rows.setdefault(label, {})[s] = dict(wall=summary(wall), cpu=summary(cpu), n=len(wall.split(",")),
                                         rss=max(rss_kb) if rss_kb else None,
                                         answer=os.path.getsize(answer) if os.path.exists(answer) else None)

def secs(v):
    return f"> {v[1]:.0f}" if v[0] is None else f"{v[0]:.2f}"

def growth(a, b):
    if a[0] is None:
        return None, "?"
    if b[0] is None:
        return b[1] / a[0], f"> {b[1] / a[0]:.2f}"
    return b[0] / a[0], f"{b[0] / a[0]:.2f}"

def mib(kb):
    return "?" if kb is None else f"{kb / 1024:,.0f} MiB"

def kb(n):
    return "?" if n is None else (f"{n / 1024:,.1f} KB" if n >= 1024 else f"{n} B")

S, L_ = small["s"], large["s"]
L = [f"# corpus-level commands by corpus size — {env['date']}", ""]
L.append(f"Commit {env['commit']} ({env['version']}); {env['cpus']} CPUs, load {env['load_start']} at the "
         f"start, {env['load_end']} at the end; {env['minutes']} min in all.  ")
L.append(f"Each command with `--format json`, JVM start included; median wall time of {env['runs']} timed runs "
         f"per size after one warm-up, the sizes taken in turn; CPU = user + system seconds (median), "
         f"peak RSS = the largest of the timed runs (GNU time).")
L.append("")
L.append("| corpus | MiB | files | articles | index with extraction | MB/s | peak RSS of index |")
L.append("|---|---|---|---|---|---|---|")
for z in sizes:
    note = "" if z["fresh"] == "new" else f" (reused, built {z['when']})"
    warn = "" if z["rc"] == 0 else f"; exit {z['rc']}, {z['failed']} files failed"
    L.append(f"| {z['s']} MiB | {z['bytes'] / MiB:.2f} | {z['files']:,} | {num(z['articles'])} | "
             f"{z['idx']:.1f} s{note}{warn} | {z['bytes'] / 1e6 / z['idx']:.2f} | {mib(z['rss'])} |")
plain = dict(l.rstrip("\n").split("\t") for l in open(f"{raw}/plain.tsv", encoding="utf-8"))
L.append("")
L.append("| corpus | bare Lucene indexer (same files, cores) | MB/s | corpus index / bare Lucene time |")
L.append("|---|---|---|---|")
for z in sizes:
    p = float(plain[z["s"]])
    L.append(f"| {z['s']} MiB | {p:.1f} s | {z['bytes'] / 1e6 / p:.2f} | {z['idx'] / p:.1f}× |")
add_mb, add_s, add_rss = open(f"{raw}/add.tsv", encoding="utf-8").read().split()
L.append("")
L.append(f"Adding {float(add_mb):.2f} MiB of new files ({float(add_mb) / (large['bytes'] / MiB) * 100:.1f} % of the "
         f"{large['s']} MiB corpus) to its index: **{float(add_s):.1f} s = {float(add_s) / large['idx'] * 100:.1f} %** of its "
         f"full index time (target ≤ 3 %), peak RSS {mib(int(add_rss))}.")
L.append("")
L.append(f"**Size ratio: {ratio:.2f}× the bytes** ({large['bytes'] / MiB:.2f} / {small['bytes'] / MiB:.2f} MiB; "
         f"articles ×{articles_ratio}). Target of issue 14: each command's time "
         f"grows ≤ 1.5× when the corpus grows 8×, and takes ≤ 1 s on the 1 GiB corpus.")
L.append("")
L.append(f"| command | {S} MiB s | {L_} MiB s | growth | CPU s {S} → {L_} MiB | CPU growth | "
         f"peak RSS {L_} MiB | answer {S} / {L_} MiB | growth ≤ 1.5× |")
L.append("|---|---|---|---|---|---|---|---|---|")
for label in order:
    a, b = rows[label][S], rows[label][L_]
    g, gs = growth(a["wall"], b["wall"])
    _, cgs = growth(a["cpu"], b["cpu"])
    met = "?" if g is None else ("yes" if g <= 1.5 else "**no**")
    L.append(f"| `{cmds[label]}` | {secs(a['wall'])} | {secs(b['wall'])} | **{gs}** | "
             f"{secs(a['cpu'])} → {secs(b['cpu'])} | {cgs} | {mib(b['rss'])} | "
             f"{kb(a['answer'])} / {kb(b['answer'])} | {met} |")
L.append("")
L.append("`stats` reads no annotations: its time is the fixed cost of starting the JVM and opening the "
         "index, which every other row pays too. `answer` is the size of the JSON answer (fixed "
         "query and `--limit`): what the command returns, against what it costs.")
L.append("")
text = "\n".join(L)
open(out, "w", encoding="utf-8").write(text)
print(text)
EOF
log "results written to $RESULTS"
