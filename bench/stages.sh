#!/usr/bin/env bash
# Entity, date, claim and embedding stage speed on one thread, against Lucene's tokeniser in the same run
# (the embedding stage on the first EMBED articles: EMBED=300 by default, as it is slow).
#   bench/stages.sh [ARTICLES=3000] [ROUNDS=5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bin/corpus --version >/dev/null   # builds the jar if sources changed
read -r _ java_bin < target/.java 2>/dev/null || java_bin="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
exec "$java_bin" -Xmx2g -Dembed="${EMBED:-300}" -cp "target/corpus.jar:target/lib/*" bench/StageBench.java "$@"
