package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 16): {@code search --facets} counted an entity in more articles than {@code
 * entity} and {@code search --entity} when an article named it under two labels it kept apart
 * (the seeds' "North Korea" and "DPRK"): it summed the labels' counts. Here two names a hand
 * correction merges stand for that, in articles written for the test.
 */
class FacetCountsTest {

  @TempDir static Path dir;
  static String index;

  @BeforeAll
  static void indexAndMerge() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Dues rise\n\nThe Harbour Board raised dues on Monday. Critics of Orla Quay Trust said the rise was steep.\n");
    Files.writeString(docs.resolve("b.txt"), "Dues vote\n\nThe Harbour Board voted on the dues in Kelby on Tuesday.\n");
    Files.writeString(docs.resolve("c.txt"), "Quay lease\n\nOrla Quay Trust signed a new lease in Kelby on Friday.\n");
    index = dir.resolve("idx").toString();
    assertEquals(0, CliRun.of("index", "--index", index, docs.toString()).exit());
    CliRun merge = CliRun.of("entity", "merge", "Harbour Board", "Orla Quay Trust", "--index", index);
    assertEquals(0, merge.exit(), merge.err());
  }

  @Test
  void facetsEntitiesAndSearchCountAnArticleOnceWhenItNamesAnEntityTwoWays() {
    JsonNode profile = CliRun.of("entity", "Harbour Board", "--index", index, "--json").json();
    assertEquals(3, profile.get("documents").asInt(), profile.toString());
    JsonNode search = CliRun.of("search", "dues OR lease", "--facets", "--index", index, "--json").json();
    int facet = -1;
    for (JsonNode e : search.get("facets").get("entity")) {
      if (e.get("name").asText().equals(profile.get("name").asText())) {
        facet = e.get("count").asInt();
      }
    }
    assertEquals(3, facet, "article a names both names: counted once; " + search.get("facets"));
    assertEquals(3, CliRun.of("search", "dues OR lease", "--entity", "Harbour Board", "--index", index, "--json").json().get("total").asInt());
    JsonNode listed = CliRun.of("entities", "--query", "dues OR lease", "--index", index, "--json").json();
    for (JsonNode e : listed.get("entities")) {
      if (e.get("name").asText().equals(profile.get("name").asText())) {
        assertEquals(3, e.get("documents").asInt(), e.toString());
      }
    }
  }
}
