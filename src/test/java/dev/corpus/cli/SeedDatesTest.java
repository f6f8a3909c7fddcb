package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dates of {@code ../shared/seeds/EXPECTED.md}. Skipped without {@code ../shared}. */
class SeedDatesTest {

  private static final Path SEEDS = Path.of("..", "shared", "seeds");

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexSeeds() throws Exception {
    assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds absent: skipped");
    index = CliRun.indexSeeds(SEEDS, tmp);
  }

  private static JsonNode annotate(String prefix) throws Exception {
    try (Stream<Path> files = Files.list(SEEDS)) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
      CliRun run = CliRun.of("annotate", file.toString());
      assertEquals(0, run.exit(), run.err());
      return run.messages("article").get(0);
    }
  }

  @Test
  void printedDatesAndRelativeWeekdays() throws Exception {
    JsonNode doc = annotate("002_");
    assertEquals("2024-06-19", doc.get("published").get("value").asText().substring(0, 10));
    boolean wednesday = false;
    for (JsonNode d : doc.get("dates")) {
      if (d.get("text").asText().equals("Wednesday")) {
        assertEquals("2024-06-19", d.get("value").asText());
        wednesday = true;
      }
    }
    assertTrue(wednesday, doc.get("dates").toString());
  }

  @Test
  void aYearlessDatelineIsInferred() throws Exception {
    JsonNode published = annotate("001_").get("published");
    assertEquals("2024-06-21", published.get("value").asText());
    assertTrue(published.get("inferred").asBoolean());
    assertEquals("June 21", published.get("text").asText());
  }

  @Test
  void timelineTiesThe19thToTheSigningAndFlagsThePageDate() {
    CliRun run = CliRun.of("timeline", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode t = run.json();
    JsonNode signing = null;
    for (JsonNode e : t.get("events")) {
      // The day's most reported event comes first: the signing, with its reports from every outlet.
      if (signing == null && e.get("date").asText().equals("2024-06-19")) {
        signing = e;
      }
      assertFalse(e.get("date").asText().equals("2025-06-19"), "the misdated event must not stand alone: " + e);
    }
    assertTrue(signing != null, run.out());
    Set<String> sources = new HashSet<>();
    signing.get("articles").forEach(a -> sources.add(a.get("source").asText()));
    assertTrue(sources.containsAll(List.of("TASS", "Anadolu Agency", "AFP-Yonhap News")), sources.toString());
    boolean undatedPlaced = false;
    for (JsonNode d : t.get("datings")) {
      undatedPlaced |= d.get("year").asText().equals("2024") && d.get("printed").isNull();
    }
    assertTrue(undatedPlaced, "the undated 000 gets 2024 from the corpus: " + t.get("datings"));
    JsonNode conflicts = t.get("conflicts");
    assertEquals(1, conflicts.size(), conflicts.toString());
    assertEquals("2025-06-26", conflicts.get(0).get("published").asText());
    assertEquals("2024-06-19", conflicts.get(0).get("corpusDate").asText());
  }
}
