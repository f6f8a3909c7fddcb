#!/usr/bin/env bash
# Articles/s per core: the Spark job (corpus-spark, ExtractJob) in local[1] and local[2] against the
# CLI's own indexer (`corpus index --rebuild`, and `--no-extract`) on the same files, at two corpus
# sizes, with the ratios printed in the same run (docs/scale-out.md, "Spark").
#
#   bench/spark-extract.sh                    # 300 and 1000 articles from Reuters-21578
#   SMALL=1000 LARGE=5000 bench/spark-extract.sh   # a quiet machine
#
# The corpus is made by bench/make-corpus.py from ../shared/data/reuters21578 (one ~1 KB article a
# file) into bench/work/spark/. Every run is timed by wall clock from the command's start to its
# end, JVM, Spark and model start-up included; the "marginal" rows divide the extra articles of
# the large corpus by the extra time it took, which leaves the fixed start-up costs out.
# No spark-submit is needed: the job jar runs with Spark's jars from the Maven repository on its
# class path, which is what `spark-submit --master local[N]` does on one machine. (That class path
# is the module's compile and provided dependencies but the CLI's own jar, whose manifest would
# bring the CLI's Jackson: Spark's Jackson, and copies of what the job jar holds, which comes first.)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
SMALL="${SMALL:-300}"
LARGE="${LARGE:-1000}"
work="$here/bench/work/spark"
mkdir -p "$work"

if [ ! -d "$here/../shared/data/reuters21578" ]; then
  echo "spark-extract.sh: ../shared/data/reuters21578 is missing; it is where the corpus comes from" >&2
  exit 2
fi

# The JDK the launcher uses (21+).
java_bin="${CORPUS_JAVA:-}"
if [ -z "$java_bin" ]; then
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null | head -n1)"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then java_bin="${d%/}/bin/java"; break; fi
  done
fi
[ -x "$java_bin" ] || { echo "spark-extract.sh: no JDK 21+ found (set CORPUS_JAVA)" >&2; exit 2; }

echo "building the CLI and the job jar…" >&2
bin/corpus --version >/dev/null
mvn -B -q -o -pl corpus-spark -am -DskipTests package dependency:build-classpath \
  -DincludeScope=compile -DexcludeGroupIds=dev.corpus -Dmdep.outputFile="$work/spark.classpath" >&2
job_cp="$here/corpus-spark/target/corpus-spark-job.jar:$(cat "$work/spark.classpath")"
# What spark-submit adds on Java 17+ (org.apache.spark.launcher.JavaModuleOptions).
spark_opens=(-XX:+IgnoreUnrecognizedVMOptions --enable-native-access=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

# The corpus: enough Reuters stories for LARGE files, and a folder of the first SMALL of them.
if [ ! -f "$work/corpus.manifest.json" ]; then
  mb=$(python3 -c "print(max(1.0, $LARGE * 1.3 / 1024))")
  python3 bench/make-corpus.py --size-mb "$mb" --out "$work/corpus" --jobs 2 >&2
fi
for n in "$SMALL" "$LARGE"; do
  dir="$work/articles-$n"
  if [ ! -d "$dir" ] || [ "$(find "$dir" -type f | wc -l)" -ne "$n" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    mapfile -t files < <(find "$work/corpus" -type f -name '*.txt' | sort)
    [ "${#files[@]}" -ge "$n" ] || { echo "spark-extract.sh: the corpus has ${#files[@]} articles, fewer than $n (rm -r $work and rerun)" >&2; exit 3; }
    cp "${files[@]:0:$n}" "$dir/"
  fi
done

now() { date +%s.%N; }
declare -A secs
run() { # run KEY COMMAND...: times COMMAND, keeps its stderr in $work/KEY.log
  local key="$1"; shift
  local t0 t1
  t0=$(now)
  local rc=0
  "$@" >"$work/$key.out" 2>"$work/$key.log" || rc=$?
  # exit 3 is "some files failed", reported in the log; anything else stops the bench
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    echo "spark-extract.sh: $key exited $rc:" >&2; tail -5 "$work/$key.log" >&2; exit 3
  fi
  t1=$(now)
  secs[$key]=$(python3 -c "print(round($t1 - $t0, 2))")
  echo "  $key: ${secs[$key]} s ($(grep -E '^(indexed|extracted) ' "$work/$key.log" | tail -1 | cut -c1-120))" >&2
}

for n in "$SMALL" "$LARGE"; do
  dir="$work/articles-$n"
  echo "$n articles:" >&2
  run "index-$n" bin/corpus index "$dir" --index "$work/index-$n" --rebuild --threads 2
  run "noextract-$n" bin/corpus index "$dir" --index "$work/index-ne-$n" --rebuild --threads 2 --no-extract
  for cores in 1 2; do
    rm -rf "$work/out-$n-$cores"
    run "spark$cores-$n" "$java_bin" -Xmx3g "${spark_opens[@]}" -cp "$job_cp" dev.corpus.spark.ExtractJob \
      --master "local[$cores]" --partitions $((cores * 4)) --embeddings "$dir" --output "$work/out-$n-$cores"
  done
  rm -rf "$work/out-$n-2-noemb"
  run "spark2noemb-$n" "$java_bin" -Xmx3g "${spark_opens[@]}" -cp "$job_cp" dev.corpus.spark.ExtractJob \
    --master "local[2]" --partitions 8 "$dir" --output "$work/out-$n-2-noemb"
done

python3 - "$SMALL" "$LARGE" <<PY
import sys
small, large = int(sys.argv[1]), int(sys.argv[2])
secs = {$(for k in "${!secs[@]}"; do printf '"%s": %s, ' "$k" "${secs[$k]}"; done)}
rows = [("corpus index --rebuild (2 threads)", "index", 2),
        ("corpus index --rebuild --no-extract (2 threads)", "noextract", 2),
        ("Spark job local[1] --embeddings", "spark1", 1),
        ("Spark job local[2] --embeddings", "spark2", 2),
        ("Spark job local[2] (no embeddings)", "spark2noemb", 2)]
base = {}
print(f"{'run':50} {'cores':>5} {'articles':>8} {'s':>8} {'art/s/core':>11} {'vs index':>9}")
for n in (small, large):
    for label, key, cores in rows:
        t = secs[f"{key}-{n}"]
        rate = n / t / cores
        if key == "index":
            base[n] = rate
        print(f"{label:50} {cores:5d} {n:8d} {t:8.1f} {rate:11.2f} {rate / base[n]:8.2f}x")
print()
print("marginal (the large corpus's extra articles over its extra time; start-up left out):")
for label, key, cores in rows:
    dt = secs[f"{key}-{large}"] - secs[f"{key}-{small}"]
    rate = (large - small) / dt / cores if dt > 0 else float("nan")
    if key == "index":
        base0 = rate
    print(f"{label:50} {cores:5d} {large - small:8d} {dt:8.1f} {rate:11.2f} {rate / base0:8.2f}x")
PY
