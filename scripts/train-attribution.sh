#!/usr/bin/env bash
# Trains the attribution tagger (who said what) from PolNeAR's train split and scores the claim
# extractor on the dev split.
#
#   scripts/train-attribution.sh [--iterations N] [--cutoff N] [--algorithm MAXENT|PERCEPTRON|MAXENT_QN]
#   (the shipped model is MAXENT, GIS; the others are decoded more slowly, for comparisons)
#   scripts/train-attribution.sh --score-held-out   # once, at the end: the held-out tenth of train
#
# Reads ../shared/data/polnear/{train,dev} (POLNEAR_DIR overrides the folder), writes
# src/main/resources/dev/corpus/extract/claim/attribution-tagger.bin.gz, prints the dev scores of
# the rules alone, the tagger alone and both. One train text in ten (by a hash of its name) is
# never trained on: see docs/attribution-model.md (the model card) for the figures and the data.
# The features and the cue list are those of the current sources: retrain after changing them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${POLNEAR_DIR:-$here/../shared/data/polnear}"
[ -d "$data/train/attributions" ] || { echo "train-attribution: no $data/train/attributions (set POLNEAR_DIR)" >&2; exit 3; }
"$here/bin/corpus" --version >/dev/null   # builds the jar and finds a JDK 21+
read -r _ java_bin < "$here/target/.java" 2>/dev/null || java_bin="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
cp="$here/target/corpus.jar:$here/target/lib/*"
if [ "${1:-}" = "--score-held-out" ]; then
  exec "$java_bin" -Xmx8g -cp "$cp" dev.corpus.extract.claim.AttributionTrainer "$data/train" --score-held-out
fi
out="$here/src/main/resources/dev/corpus/extract/claim/attribution-tagger.bin.gz"
tmp="$here/target/attribution-tagger.bin.gz.tmp"   # never a half-written model among the resources
trap 'rm -f "$tmp"' EXIT
"$java_bin" -Xmx10g -cp "$cp" dev.corpus.extract.claim.AttributionTrainer \
  "$data/train" --dev "$data/dev" --out "$tmp" "$@"
mv "$tmp" "$out"
echo "wrote $out; rebuild (bin/corpus does it on next use) to ship it" >&2
