#!/usr/bin/env bash
# Long fuzz campaign: scripts/fuzz.sh N [SEED]
#
# Runs about N inputs in all, split across the Jazzer harnesses (coverage-guided, one JVM each,
# one after the other) and the seeded mutation generator of real articles, with a time limit per
# input (1 s for readers and the query parser, 10 s for the annotate pipeline), and prints a table:
# harness, inputs tried, crashes, hangs, invalid outputs, seconds. Writes only under target/fuzz/
# (corpus, logs, findings). Environment:
#   FUZZ_SHARES    "readers query generator pipeline" per-mille of N (default "700 200 80 20";
#                  readers are split over the five reader targets, pipeline half Jazzer half generator)
#   FUZZ_PIPELINE_SECONDS  wall-time cap for each of the two pipeline harnesses (default 600)
#   FUZZ_GENERATOR_SECONDS wall-time cap for the generator on the readers (default 1200)
#   FUZZ_ONLY      run only the harnesses whose name matches this (bash) regex, e.g. "reader|query"
#   FUZZ_RUN       output folder under target/ (default fuzz), for campaigns run side by side
#   FUZZ_SHARED    data sets for the generator (default ../shared/data when present)
set -euo pipefail

N=${1:?usage: scripts/fuzz.sh N [SEED]}
SEED=${2:-1}
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/${FUZZ_RUN:-fuzz}
mkdir -p "$OUT"/{corpus,findings,logs,tmp,work}

read -r S_READERS S_QUERY S_GEN S_PIPE <<<"${FUZZ_SHARES:-700 200 80 20}"
PIPE_SECONDS=${FUZZ_PIPELINE_SECONDS:-600}
SHARED=${FUZZ_SHARED:-../shared/data}

java_home() {
  for j in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -x "$j/bin/java" ] || continue
    v=$("$j/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ "${v%%.*}" -ge 21 ] 2>/dev/null && { echo "$j"; return; }
  done
  echo "no JDK 21+ found" >&2; exit 3
}
JAVA="$(java_home)/bin/java"

mvn -B -q -o -pl cli -am test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >"$OUT/logs/build.log" 2>&1 \
  || { cat "$OUT/logs/build.log"; exit 3; }
# A snapshot of the classes, so that a build during a long campaign does not change them under it.
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes" && cp -r "$ROOT/target/classes" "$ROOT/target/test-classes" "$OUT/classes/"
CP="$OUT/classes/test-classes:$OUT/classes/classes:$(cat "$OUT/classpath.txt")"
JVM=(-Xmx1g -XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED "-Djava.io.tmpdir=$OUT/tmp" -cp "$CP")
SEEDS=$ROOT/src/test/resources/dev/corpus/fuzz

ROWS=()
# jazzer NAME CLASS METHOD RUNS TIMEOUT_S MAX_LEN MAX_SECONDS: seeds in src/test/resources, Jazzer's layout
jazzer() {
  local name=$1 cls=$2 method=$3 runs=$4 timeout=$5 maxlen=$6 maxsec=$7
  local seeds=$SEEDS/${cls##*.}Inputs/$method
  [ -n "${FUZZ_ONLY:-}" ] && ! [[ $name =~ $FUZZ_ONLY ]] && return
  local corpus=$OUT/corpus/$name findings=$OUT/findings/$name log=$OUT/logs/$name.log
  mkdir -p "$corpus" "$findings"; : >"$log"
  local done_runs=0 hangs=0 start=$SECONDS attempt
  # libFuzzer stops at a hang (time limit); go on from where it stopped, a few times at most.
  for attempt in 1 2 3 4; do
    local left=$((runs - done_runs)) secs_left=$((maxsec - (SECONDS - start)))
    [ "$left" -gt 0 ] && [ "$secs_left" -gt 0 ] || break
    (cd "$OUT/work" && "$JAVA" "${JVM[@]}" com.code_intelligence.jazzer.Jazzer \
      --target_class="$cls" --target_method="$method" \
      '--instrumentation_includes=dev.corpus.**' '--custom_hook_includes=dev.corpus.**' \
      --keep_going=50 -seed=$((SEED + attempt)) -runs="$left" -max_total_time="$secs_left" \
      -timeout="$timeout" -max_len="$maxlen" -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$corpus" "$seeds" >>"$log" 2>&1) || true
    local ran
    ran=$(grep -a 'stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}')
    done_runs=$((done_runs + ${ran:-0}))
    # the line of this attempt only counts once: mark it consumed
    sed -i 's/^stat::number_of_executed_units:/stat::counted_units:/' "$log"
    if grep -aq 'ERROR: libFuzzer: timeout' "$log" && [ "$(grep -ac 'ERROR: libFuzzer: timeout' "$log")" -gt "$hangs" ]; then
      hangs=$(grep -ac 'ERROR: libFuzzer: timeout' "$log")
    else
      break
    fi
  done
  local invalid crashes
  invalid=$(grep -ac '^== Java Exception: dev.corpus.fuzz.InvalidOutput' "$log" || true)
  crashes=$(( $(grep -ac '^== Java Exception:' "$log" || true) - invalid ))
  local known
  known=$({ grep -ao 'KNOWN ISSUE: .*' "$log" || true; } | sort -u | tr ' ' '_' | paste -sd, -)
  ROWS+=("$name $done_runs $crashes $hangs $invalid $((SECONDS - start)) ${known:--}")
}
generator() {
  local mode=$1 inputs=$2 timeout_ms=$3 maxsec=$4 name=generator-$1
  [ -n "${FUZZ_ONLY:-}" ] && ! [[ $name =~ $FUZZ_ONLY ]] && return
  local shared_arg=()
  [ -d "$SHARED" ] && shared_arg=("$SHARED")
  local start=$SECONDS line
  line=$("$JAVA" "${JVM[@]}" dev.corpus.fuzz.GeneratorRun "$mode" "$inputs" "$SEED" "$timeout_ms" \
    "$OUT/findings/$name" "$maxsec" "$ROOT/samples" "${shared_arg[@]}" 2>"$OUT/logs/$name.log" | grep '^RESULT' || true)
  [ -n "$line" ] || { ROWS+=("$name 0 1 0 0 $((SECONDS - start)) run-failed:see_$OUT/logs/$name.log"); return; }
  read -r _ h i c hg inv _secs known <<<"$line"
  ROWS+=("$h $i $c $hg $inv $((SECONDS - start)) $known")
}

READER_RUNS=$((N * S_READERS / 1000 / 5))
for method in plainText markdown html jsonLines unknownExtension; do
  jazzer "reader-$method" dev.corpus.fuzz.ReaderFuzzTest "$method" "$READER_RUNS" 1 8192 1000000
done
jazzer query-parse dev.corpus.fuzz.QueryFuzzTest parse $((N * S_QUERY / 1000)) 1 512 1000000
generator readers $((N * S_GEN / 1000)) 1000 "${FUZZ_GENERATOR_SECONDS:-1200}"
jazzer pipeline-annotate dev.corpus.fuzz.PipelineFuzzTest annotate $((N * S_PIPE / 2000)) 10 4096 "$PIPE_SECONDS"
generator pipeline $((N * S_PIPE / 2000)) 10000 "$PIPE_SECONDS"

{
  printf '%-26s %10s %8s %6s %8s %8s  %s\n' harness inputs crashes hangs invalid seconds known-issues
  total=(0 0 0 0 0)
  for row in "${ROWS[@]}"; do
    read -r h i c hg inv secs known <<<"$row"
    printf '%-26s %10d %8d %6d %8d %8d  %s\n' "$h" "$i" "$c" "$hg" "$inv" "$secs" "$known"
    total=($((total[0] + i)) $((total[1] + c)) $((total[2] + hg)) $((total[3] + inv)) $((total[4] + secs)))
  done
  printf '%-26s %10d %8d %6d %8d %8d\n' TOTAL "${total[@]}"
  echo "findings: $OUT/findings   logs: $OUT/logs   (Jazzer counts distinct findings by stack trace)"
} | { echo "== $(date -u +%FT%TZ) scripts/fuzz.sh $N $SEED ${FUZZ_ONLY:+(FUZZ_ONLY=$FUZZ_ONLY)}"; cat; } | tee -a "$OUT/results.txt"
