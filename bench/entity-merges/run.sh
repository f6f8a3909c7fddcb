#!/usr/bin/env bash
# Merge precision of the entity catalog before and after issue 15 item 3 (see README.md).
#
# Usage: bench/entity-merges/run.sh BEFORE_DIR
#   BEFORE_DIR  a build of the code to compare with, e.g. commit 865950c:
#                 mkdir /tmp/base && git archive 865950c | tar -x -C /tmp/base
#                 (cd /tmp/base && mvn -B -q -o -DskipTests -pl cli -am package)
# Indexes PolNeAR dev and train (../shared/data/polnear/*/text, read in place) and samples/ with
# both builds into bench/work/entity-merges/ (kept: delete it to re-index), prints each catalog
# with Merges.java and scores the merges against judgements.tsv and namesakes.tsv (score.py).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$(dirname "$HERE")")
BEFORE=$(cd "$1" && pwd)
WORK=$REPO/bench/work/entity-merges
DATA=$REPO/../shared/data/polnear
mkdir -p "$WORK"
"$REPO/bin/corpus" --version >/dev/null   # builds this checkout's jar when its sources changed
JAVA=$(awk '{print $2}' "$REPO/target/.java" 2>/dev/null || command -v java)
for side in before after; do
  dir=$([ "$side" = before ] && echo "$BEFORE" || echo "$REPO")
  for set in polnear:$DATA/dev/text samples:$REPO/samples train:$DATA/train/text; do
    name=${set%%:*} path=${set#*:}
    idx=$WORK/$side-$name
    if [ ! -d "$idx" ]; then
      "$JAVA" -jar "$dir/target/corpus.jar" index --index "$idx" "$path" >&2
    fi
    "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$dir/target/corpus.jar:$dir/target/lib/*" "$HERE/Merges.java" "$idx" > "$WORK/$side-$name.tsv"
  done
done
python3 "$HERE/score.py" "$WORK"
