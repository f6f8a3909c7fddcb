#!/usr/bin/env bash
# Precision and recall of the clusters' link decision (StatementLinks) on labelled pairs of
# PolNeAR statements (docs/claims.md, "Thresholds, measured on labelled pairs").
#   bench/claim-pairs/score.sh train|dev        GRID=1 for every setting of the grid
# Indexes the split into /tmp/claim-pairs-<split> first if that index is absent (a few minutes).
# Candidates to label: ClaimPairs candidates INDEX PER_BUCKET SEED > /tmp/candidates.tsv, read
# them, write "pair label" lines, then labels.py turns them into a labels file without text.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
split=${1:?train or dev}
data=../shared/data/polnear/$split/text
work=/tmp/claim-pairs-$split
[ -d "$data" ] || { echo "score.sh: $data absent" >&2; exit 3; }
bin/corpus --version >/dev/null
if [ ! -d "$work/index" ]; then
  mkdir -p "$work/articles"
  python3 bench/claim-pairs/polnear-jsonl.py "$data" > "$work/articles/articles.jsonl"
  bin/corpus index "$work/articles" --index "$work/index"
fi
mvn -B -q -o -pl cli -am test-compile >/dev/null
read -r _ java_bin < target/.java 2>/dev/null || java_bin=java
exec "$java_bin" ${GRID:+-Dgrid=1} -cp "target/corpus.jar:target/lib/*:target/test-classes" dev.corpus.index.ClaimPairs \
  score "$work/index" "$data" "bench/claim-pairs/$split-labels.tsv" 2>/dev/null
