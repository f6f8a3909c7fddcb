package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim commands on the demo corpus, through the real CLI and a real index. */
class ClaimsEndToEndTest {

  private static final Path POLNEAR = Path.of("..", "shared", "data", "polnear", "dev");

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexSamples() {
    index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", "samples", "--index", index);
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void claimsHaveSpeakersCuesAndArticles() {
    CliRun run = CliRun.of("claims", "--about", "treaty", "--index", index, "--format", "jsonl");
    assertEquals(0, run.exit(), run.err());
    int named = 0;
    assertFalse(run.messages("claim").isEmpty(), run.out());
    for (JsonNode c : run.messages("claim")) {
      assertFalse(c.get("content").asText().isBlank());
      assertEquals(16, c.get("document").asText().length());
      if (!c.get("speaker").isNull()) {
        named++;
      }
    }
    assertTrue(named >= 10, "most claims name their speaker: " + named);
  }

  @Test
  void speakerListsOneEntitysClaimsOldestFirstUnderAnySpelling() {
    CliRun run = CliRun.of("speaker", "Yury Ushakov", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode list = run.json();
    assertEquals("Yuri Ushakov", list.get("speaker").asText());
    String previous = "";
    for (JsonNode c : list.get("claims")) {
      assertEquals("Yuri Ushakov", c.get("speaker").asText());
      String published = c.get("published").asText("9999");
      assertTrue(published.compareTo(previous) >= 0, "oldest first");
      previous = published;
    }
    assertTrue(list.get("total").asInt() >= 1);
    CliRun unknown = CliRun.of("speaker", "Nobody Anywhere", "--index", index);
    assertEquals(1, unknown.exit());
    assertTrue(unknown.oneLineError().contains("Nobody Anywhere"));
  }

  @Test
  void clustersSpanSeveralSources() {
    CliRun run = CliRun.of("claims", "--clusters", "--min-sources", "3", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode clusters = run.json().get("clusters");
    assertFalse(clusters.isEmpty());
    int previous = Integer.MAX_VALUE;
    for (JsonNode c : clusters) {
      assertTrue(c.get("sources").size() >= 3, c.toString());
      assertTrue(c.get("articles").asInt() <= previous, "largest first");
      previous = c.get("articles").asInt();
    }
    CliRun bad = CliRun.of("claims", "--clusters", "--speaker", "Putin", "--index", index);
    assertEquals(2, bad.exit());
  }

  @Test
  void annotateFillsClaimsWithCodePointOffsets() {
    JsonNode doc = CliRun.annotateOne("samples/wire/tass-2024-06-21-treaty-expert.txt");
    for (JsonNode c : CliRun.spansInBody(doc, "claims", "content")) {
      assertFalse(c.get("content").asText().isBlank());
    }
  }

  /** Guards the PolNeAR figures of the README against regressions. */
  @Test
  void polnearScoresStayAboveTheirFloor() {
    assumeTrue(Files.isDirectory(POLNEAR), "../shared/data absent: skipped");
    CliRun run = CliRun.of("eval", "attribution", "--brat", POLNEAR.toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.json().get("sourceAndContent").get("f1").asDouble() >= 0.72, run.out());
    assertTrue(run.json().get("content").get("f1").asDouble() >= 0.78, run.out());
    assertTrue(run.json().get("content").get("precision").asDouble() >= 0.90, run.out());
  }
}
