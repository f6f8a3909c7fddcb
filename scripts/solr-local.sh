#!/usr/bin/env bash
# Starts a SolrCloud on this machine (2 nodes, 2 shards, in one JVM: Solr's MiniSolrCloudCluster
# from the corpus-solr module's test code) with a collection created from the corpus configset,
# prints its addresses and runs until Ctrl-C. Data lives in a temporary folder.
#
#   scripts/solr-local.sh [COLLECTION [NODES [SHARDS]]]
#   # prints http://127.0.0.1:PORT/solr/corpus and zk:127.0.0.1:PORT/solr/corpus, then:
#   bin/corpus solr push --solr http://127.0.0.1:PORT/solr/corpus --index .corpus
#   bin/corpus --solr http://127.0.0.1:PORT/solr/corpus stats
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -pl corpus-solr test-compile >&2
cp_file="$root/corpus-solr/target/test-classpath.txt"
mvn -B -q -pl corpus-solr dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
java_bin="$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
  v="$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')"
  [ "${v%%.*}" -ge 21 ] 2>/dev/null && echo "$j"; done | tail -1)"
java_bin="${JAVA:-${java_bin:-java}}"
cd "$root/corpus-solr"
exec "$java_bin" -Xmx1g -cp "target/test-classes:$(cat "$cp_file")" dev.corpus.solr.SolrLocal "$@"
