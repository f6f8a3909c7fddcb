package dev.corpus.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of ingestion, one target per reader: the input is a file's bytes,
 * read under a name whose extension picks the reader ({@code .dat} makes the ingestor sniff).
 * In a normal {@code mvn test} each target runs once on its seeds in
 * {@code src/test/resources/dev/corpus/fuzz/ReaderFuzzTestInputs/<target>/}; {@code
 * scripts/fuzz.sh} fuzzes them.
 */
class ReaderFuzzTest {

  /** One ingestor per JVM: Jazzer calls a target millions of times. */
  private static final Invariants CHECK = new Invariants(new Invariants.KnownIssues());

  @FuzzTest
  void plainText(byte[] file) {
    CHECK.ingest("/fuzz/article.txt", file);
  }

  @FuzzTest
  void markdown(byte[] file) {
    CHECK.ingest("/fuzz/article.md", file);
  }

  @FuzzTest
  void html(byte[] file) {
    CHECK.ingest("/fuzz/article.html", file);
  }

  @FuzzTest
  void jsonLines(byte[] file) {
    CHECK.ingest("/fuzz/feed.jsonl", file);
  }

  @FuzzTest
  void unknownExtension(byte[] file) {
    CHECK.ingest("/fuzz/article.dat", file);
  }
}
