#!/usr/bin/env bash
# Trains the entity model from CoNLL-2003 and scores it on the development split.
#
#   scripts/train-ner.sh [--iterations N] [--cutoff N] [--algorithm MAXENT|PERCEPTRON]
#
# Reads ../shared/data/conll2003/eng.train (CONLL_DIR overrides the folder), writes
# src/main/resources/dev/corpus/extract/ner/en-news-ner.bin, prints the eng.testa scores.
# The features and lexicons are those of the current sources: retrain after changing them.
# See docs/ner-model.md (the model card) for the figures of the committed model.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${CONLL_DIR:-$here/../shared/data/conll2003}"
[ -f "$data/eng.train" ] || { echo "train-ner: no $data/eng.train (set CONLL_DIR)" >&2; exit 3; }
"$here/bin/corpus" --version >/dev/null   # builds the jar and finds a JDK 21+
read -r _ java_bin < "$here/target/.java" 2>/dev/null || java_bin="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
out="$here/src/main/resources/dev/corpus/extract/ner/en-news-ner.bin"
"$java_bin" -Xmx8g -cp "$here/target/corpus.jar:$here/target/lib/*" dev.corpus.extract.ner.NerTrainer \
  "$data/eng.train" --dev "$data/eng.testa" --out "$out.tmp" "$@"
mv "$out.tmp" "$out"
echo "wrote $out; rebuild (bin/corpus does it on next use) to ship it" >&2
