package dev.corpus.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the search query parser: the input, decoded as UTF-8, is a user's
 * query. A malformed one must be a one-line {@code CorpusException.Usage}; any other exception
 * is a bug.
 */
class QueryFuzzTest {

  private static final Invariants CHECK = new Invariants(new Invariants.KnownIssues());

  @FuzzTest
  void parse(byte[] query) {
    CHECK.query(new String(query, StandardCharsets.UTF_8));
  }
}
