package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: statements cluster by meaning with evidence of one event. A paraphrase told by two
 * outlets is one cluster; the same words about another event (months apart) are not; page
 * furniture and one outlet's copies are never reported.
 */
class ClaimClustersByMeaningEndToEndTest {

  @TempDir static Path tmp;
  static String index;

  private static void article(Path dir, String name, String source, String date, String title, String body) throws Exception {
    Files.writeString(dir.resolve(name), "---\ntitle: " + title + "\nsource: " + source + "\ndate: " + date + "\n---\n\n" + body + "\n",
        StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void indexArticles() throws Exception {
    Path docs = tmp.resolve("docs");
    Files.createDirectories(docs);
    String furnitureA = "Sign up for the Harbour Times morning letter to get every story from Lisbon first.";
    String furnitureB = "Sign up for the Coast Daily morning letter to get every story from Lisbon first.";
    article(docs, "a.md", "Harbour Times", "2024-03-04", "Tram line date set",
        "Mayor Ana Sorel said the new tram line through Alfama would open to passengers in September. " + furnitureA);
    article(docs, "b.md", "Coast Daily", "2024-03-05", "Trams by autumn",
        "The tram line through Alfama will start carrying passengers in September, Mayor Ana Sorel told reporters. " + furnitureB);
    // The same words about another storm, seven months later: another event.
    article(docs, "c.md", "Harbour Times", "2024-02-10", "Storm shuts port",
        "Storm Kalla forced the port of Setubal to close for two days, the harbour master Rui Pena said on Saturday. " + furnitureA);
    article(docs, "d.md", "Coast Daily", "2024-09-21", "Port closed again",
        "Storm Kalla forced the port of Setubal to close for two days, the harbour master Rui Pena said on Saturday. " + furnitureB);
    // One outlet's copy of its own story: one report, not agreement.
    String copy = "The Lisbon aquarium welcomed a pair of rescued sea otters from Galicia on Monday, its director Marta Vaz said.";
    article(docs, "e.md", "Harbour Times", "2024-03-04", "Otters arrive", copy + " " + furnitureA);
    article(docs, "f.md", "Harbour Times", "2024-03-05", "Otters arrive (update)", copy + " " + furnitureA);
    index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", docs.toString(), "--index", index);
    assertEquals(0, run.exit(), run.err());
  }

  private static List<String> texts(JsonNode cluster) {
    List<String> out = new ArrayList<>();
    cluster.get("members").forEach(m -> out.add(m.get("text").asText()));
    return out;
  }

  @Test
  void aParaphraseByTwoOutletsIsOneClusterAndNothingElseIs() {
    CliRun run = CliRun.of("claims", "--clusters", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode clusters = run.json().get("clusters");
    assertEquals(1, run.json().get("total").asInt(), clusters.toString());
    List<String> texts = texts(clusters.get(0));
    assertEquals(2, texts.size(), texts.toString());
    assertTrue(texts.get(0).contains("tram line") && texts.get(1).contains("tram line"), texts.toString());
    assertEquals(List.of(), new ArrayList<JsonNode>() {{ clusters.get(0).get("disagreements").forEach(this::add); }});
  }

  @Test
  void furnitureTheSameWordsOfAnotherEventAndOneOutletsCopiesAreNotReported() {
    String all = CliRun.of("claims", "--clusters", "--min-sources", "1", "--kind", "all", "--index", index, "--json").out();
    assertFalse(all.contains("morning letter"), "page furniture of two outlets: " + all);
    assertFalse(all.contains("Storm Kalla"), "the same words seven months apart: " + all);
    assertFalse(all.contains("sea otters"), "one outlet's copy is furniture of that outlet: " + all);
  }
}
