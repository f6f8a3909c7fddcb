package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --solr} without a cluster: what cannot run on SolrCloud says so in one line and exits 2,
 * before anything is read or connected. The commands that do run there are tested against a real
 * cluster in the corpus-solr module (SolrContractTest).
 */
class SolrOptionTest {

  private static final String TARGET = "http://127.0.0.1:9/solr/none";

  @Test
  void aCommandThatCannotRunOnSolrCloudSaysSoInOneLine() {
    for (List<String> args : List.of(
        List.of("speaker", "Putin", "--solr", TARGET),
        List.of("--solr", TARGET, "claims", "--clusters"),
        List.of("dates", "--solr", TARGET, "--json"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, run.exit(), args + ": " + run.err());
      assertEquals("", run.out());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().contains("cannot run on SolrCloud (--solr or $CORPUS_SOLR) yet"), run.err());
    }
  }

  @Test
  void indexWithSolrPointsToSolrPush() {
    CliRun run = CliRun.of("index", "samples", "--solr", TARGET);
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("corpus solr push --solr TARGET --index DIR"), run.err());
  }

  @Test
  void pushWithoutATargetAndAMalformedTargetAreUsageErrors() {
    CliRun none = CliRun.of("solr", "push", "--index", "nowhere");
    assertEquals(2, none.exit(), none.err());
    assertTrue(none.err().startsWith("corpus: corpus solr push needs a collection"), none.err());
    CliRun bad = CliRun.of("stats", "--solr", "localhost:8983");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("is not a SolrCloud collection"), bad.err());
  }
}
