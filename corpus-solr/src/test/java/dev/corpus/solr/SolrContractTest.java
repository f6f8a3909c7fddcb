package dev.corpus.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the two backends: the demo corpus ({@code samples/}) indexed locally by the
 * CLI and pushed into a real 2-node, 2-shard SolrCloud ({@code corpus solr push}); every command
 * that can read SolrCloud ({@code stats}, {@code search}, {@code entities}) is run with the same arguments against {@code --index LOCAL} and
 * {@code --solr URL}, as processes, and the parsed JSON documents must be equal.
 *
 * <p>Documented differences (docs/scale-out.md), and only those, are taken out before comparing:
 * {@code stats}' {@code index} (the folder or the target) and {@code indexBytes} (two different
 * index formats on disk); a hit's {@code score} is compared to 1e-3: the collection's exact global
 * statistics make BM25 the same formula over the same counts, but float sums run in another order;
 * hits that tie on the sort key are compared in id order ({@link #canonicalTies}).
 */
class SolrContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static MiniCluster cluster;
  private static Path local;

  @BeforeAll
  static void indexAndPush() throws Exception {
    Assumptions.assumeTrue(CorpusProcess.available(),
        "skipped: " + CorpusProcess.JAR + " is missing; build the CLI first (mvn -pl cli -am package, or mvn verify from the top)");
    Path dir = Files.createTempDirectory("corpus-contract");
    local = dir.resolve("idx");
    CorpusProcess.Run indexed = CorpusProcess.run("index", CorpusProcess.ROOT.resolve("samples").toString(), "--index", local.toString());
    assertEquals(0, indexed.exit(), indexed.err());
    cluster = MiniCluster.start(2, 2, "corpus", MiniCluster.CONFIGSET);
    CorpusProcess.Run pushed = CorpusProcess.run("solr", "push", "--solr", cluster.url(), "--index", local.toString());
    assertEquals(0, pushed.exit(), pushed.err());
    assertTrue(pushed.err().startsWith("pushed "), pushed.err());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("stats"),
        List.of("search", "treaty"),
        List.of("search", "treaty", "--limit", "5", "--offset", "3"),
        List.of("search", "\"mutual assistance\" AND Pyongyang", "--since", "2024-06"),
        List.of("search", "Putin OR Kim", "--until", "2024-06-19", "--limit", "50"),
        List.of("search", "treaties", "--source", "tass"),
        List.of("search", "pact", "--sort", "date", "--limit", "50"),
        List.of("search", "title:korea -sanctions"),
        List.of("search", "pyongyan~ bridg*"),
        List.of("search", "treaty", "--limit", "0"),
        List.of("search", "treaty", "--facets"),
        List.of("search", "Kim OR Putin OR storm", "--facets", "--since", "2024-06-18", "--limit", "3"),
        List.of("entities"),
        List.of("entities", "--all", "--limit", "1000"),
        List.of("entities", "--type", "person", "--min-docs", "3"),
        List.of("entities", "--type", "loc", "--limit", "3"),
        List.of("entity", "Kim Jong Un"),
        List.of("entity", "Russia"),
        List.of("entity", "Moscow", "--limit", "3", "--snippets", "2"),
        List.of("entity", "Kim", "--pick", "2"),
        List.of("entity", "e77488094159230f", "--limit", "0", "--snippets", "0"),
        List.of("entity", "Ukraine", "--limit", "50", "--snippets", "50"),
        List.of("timeline"),
        List.of("timeline", "--limit", "1000"),
        List.of("timeline", "--since", "2024-06", "--until", "2024-06-20", "--limit", "5"),
        List.of("timeline", "--entity", "Putin"),
        List.of("timeline", "--query", "treaty OR summit", "--limit", "30"),
        List.of("claims"),
        List.of("claims", "--limit", "1000", "--kind", "all"),
        List.of("claims", "--speaker", "Putin"),
        List.of("claims", "--speaker", "Russia", "--limit", "20"),
        List.of("claims", "--limit", "0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void bothBackendsAnswerTheSame(List<String> command) throws Exception {
    JsonNode fromLocal = run(command, "--index", local.toString());
    JsonNode fromSolr = run(command, "--solr", cluster.url());
    if (command.get(0).equals("stats")) {
      assertTrue(fromSolr.get("indexBytes").asLong() > 0, fromSolr.toString());
      for (JsonNode n : List.of(fromLocal, fromSolr)) {
        ((ObjectNode) n).remove(List.of("index", "indexBytes"));
      }
    } else if (command.get(0).equals("search")) {
      assertTrue(fromLocal.get("total").asLong() > 0 || command.contains("0"), "the case matches nothing: " + command);
      assertEquals(fromLocal.get("hits").size(), fromSolr.get("hits").size(), "hits of " + command);
      boolean byDate = command.contains("date");
      canonicalTies((ArrayNode) fromLocal.get("hits"), byDate);
      canonicalTies((ArrayNode) fromSolr.get("hits"), byDate);
      for (int i = 0; i < fromLocal.get("hits").size(); i++) {
        ObjectNode l = (ObjectNode) fromLocal.get("hits").get(i);
        ObjectNode s = (ObjectNode) fromSolr.get("hits").get(i);
        assertEquals(l.get("score").asDouble(), s.get("score").asDouble(), 1e-3, "score of hit " + (i + 1) + " of " + command);
        l.remove("score");
        s.remove("score");
      }
    }
    assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fromLocal),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fromSolr), String.join(" ", command));
  }

  @Test
  void theSameCollectionThroughZooKeeper() throws Exception {
    JsonNode http = run(List.of("search", "treaty"), "--solr", cluster.url());
    JsonNode zk = run(List.of("search", "treaty"), "--solr", cluster.zkTarget());
    assertEquals(http, zk);
  }

  @Test
  void aMalformedQueryIsTheSameUsageErrorOnBothBackends() throws Exception {
    CorpusProcess.Run l = CorpusProcess.run("search", "\"mutual assistance", "--index", local.toString());
    CorpusProcess.Run s = CorpusProcess.run("search", "\"mutual assistance", "--solr", cluster.url());
    assertEquals(2, s.exit(), s.err());
    assertEquals(l.err(), s.err());
  }

  @Test
  void nothingMatchingExitsOneOnBothBackends() throws Exception {
    CorpusProcess.Run l = CorpusProcess.run("search", "zzyzxqq", "--index", local.toString(), "--json");
    CorpusProcess.Run s = CorpusProcess.run("search", "zzyzxqq", "--solr", cluster.url(), "--json");
    assertEquals(1, l.exit());
    assertEquals(1, s.exit(), s.err());
    assertEquals(JSON.readTree(l.out()), JSON.readTree(s.out()));
  }

  @Test
  void anAmbiguousOrUnknownEntityIsTheSameOnBothBackends() throws Exception {
    CorpusProcess.Run l = CorpusProcess.run("entity", "Kim", "--index", local.toString(), "--json");
    CorpusProcess.Run s = CorpusProcess.run("entity", "Kim", "--solr", cluster.url(), "--json");
    assertEquals(2, l.exit(), l.err());
    assertEquals(2, s.exit(), s.err());
    assertTrue(JSON.readTree(l.out()).get("candidates").size() > 1, l.out());
    assertEquals(JSON.readTree(l.out()), JSON.readTree(s.out()));
    assertEquals(l.err(), s.err());
    CorpusProcess.Run none = CorpusProcess.run("entity", "Zzyzx Qq", "--solr", cluster.url(), "--json");
    assertEquals(1, none.exit(), none.err());
    assertEquals(CorpusProcess.run("entity", "Zzyzx Qq", "--index", local.toString(), "--json").err(), none.err());
  }

  @Test
  void aCommandThatCannotReadSolrCloudYetSaysSoAndExitsTwo() throws Exception {
    CorpusProcess.Run run = CorpusProcess.run("dates", "--solr", cluster.url());
    assertEquals(2, run.exit(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("cannot run on SolrCloud"), run.err());
  }

  /**
   * Hits that tie on the sort key (the score, or the publication day with {@code --sort date})
   * put in id order and ranked again: a distributed search breaks ties by shard, the local index
   * by document order (docs/scale-out.md), and neither order means anything.
   */
  private static void canonicalTies(ArrayNode hits, boolean byDate) {
    List<JsonNode> all = new ArrayList<>();
    hits.forEach(all::add);
    java.util.function.Function<JsonNode, String> key = h -> byDate
        ? h.get("published").path("value").asText("").substring(0, Math.min(10, h.get("published").path("value").asText("").length()))
        : String.format(java.util.Locale.ROOT, "%.3f", h.get("score").asDouble());
    int rank0 = all.isEmpty() ? 0 : all.get(0).get("rank").asInt();
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < all.size(); ) {
      int j = i;
      while (j < all.size() && key.apply(all.get(j)).equals(key.apply(all.get(i)))) {
        j++;
      }
      List<JsonNode> group = new ArrayList<>(all.subList(i, j));
      group.sort(java.util.Comparator.comparing(h -> h.get("id").asText()));
      out.addAll(group);
      i = j;
    }
    hits.removeAll();
    for (int i = 0; i < out.size(); i++) {
      ((ObjectNode) out.get(i)).put("rank", rank0 + i);
      hits.add(out.get(i));
    }
  }

  private static JsonNode run(List<String> command, String... backend) throws Exception {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(backend));
    args.add("--json");
    CorpusProcess.Run run = CorpusProcess.run(args.toArray(String[]::new));
    assertTrue(run.exit() == 0, "corpus " + args + " exited " + run.exit() + ": " + run.err());
    return JSON.readTree(run.out());
  }
}
