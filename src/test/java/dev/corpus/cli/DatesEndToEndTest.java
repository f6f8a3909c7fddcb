package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The date commands on the demo corpus, through the real CLI and a real index. */
class DatesEndToEndTest {

  private static final Path TBAQ = Path.of("..", "shared", "data", "tempeval3", "TBAQ-cleaned");

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexSamples() {
    index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", "samples", "--index", index);
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void datesAreGroupedInOrderWithArticleCounts() {
    CliRun run = CliRun.of("dates", "--since", "2024-06", "--until", "2024-06", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode dates = run.json().get("dates");
    assertFalse(dates.isEmpty());
    String previous = "";
    for (JsonNode d : dates) {
      assertTrue(d.get("from").asText().compareTo(previous) >= 0, "in order: " + dates);
      previous = d.get("from").asText();
      assertTrue(d.get("to").asText().compareTo("2024-06-01") >= 0 && d.get("from").asText().compareTo("2024-06-30") <= 0, d.toString());
      assertTrue(d.get("articles").asInt() >= 1 && d.get("mentions").asInt() >= d.get("articles").asInt());
      assertFalse(d.get("samples").isEmpty());
    }
    CliRun bad = CliRun.of("dates", "--since", "someday soon", "--index", index);
    assertEquals(2, bad.exit());
    assertTrue(bad.oneLineError().contains("someday soon"));
  }

  @Test
  void searchFiltersOnDatesMentionedNotPublished() {
    CliRun all = CliRun.of("search", "treaty", "--index", index, "--json");
    CliRun y1961 = CliRun.of("search", "treaty", "--mentions-since", "1961", "--mentions-until", "1961", "--index", index, "--json");
    assertEquals(0, y1961.exit(), y1961.err());
    long some = y1961.json().get("total").asLong();
    assertTrue(some >= 1 && some < all.json().get("total").asLong(), some + " of " + all.json().get("total"));
    CliRun none = CliRun.of("search", "treaty", "--mentions-since", "1800", "--mentions-until", "1801", "--index", index, "--json");
    assertEquals(1, none.exit());
  }

  @Test
  void timelineListsEventsInOrderAndFiltersByEntity() {
    CliRun run = CliRun.of("timeline", "--entity", "Kim Jong-un", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode events = run.json().get("events");
    assertFalse(events.isEmpty());
    String previous = "";
    for (JsonNode e : events) {
      // In order of their first day, a year or month before the days it holds; a day may hold several events.
      assertTrue(e.get("date").asText().compareTo(previous) >= 0, "events in order: " + previous + " then " + e.get("date"));
      previous = e.get("date").asText();
      for (JsonNode s : e.get("sentences")) {
        assertTrue(s.get("sentence").asText().contains("Kim"), s.toString());
      }
      assertFalse(e.get("articles").isEmpty());
    }
    CliRun table = CliRun.of("timeline", "--since", "2024-06-19", "--until", "2024-06-19", "--index", index);
    assertEquals(0, table.exit(), table.err());
    // The Daily Ledger's page names its outlet only in its copyright line, which ingestion now reads.
    assertTrue(table.out().contains("The Daily Ledger"), "the outlet of the copyright line names the article: " + table.out());
    assertFalse(table.out().matches("(?s).*\\[[0-9a-f]{16}\\].*"), "never by a bare id: " + table.out());
    CliRun unknown = CliRun.of("timeline", "--entity", "Nobody Anywhere", "--index", index);
    assertEquals(1, unknown.exit());
    assertTrue(unknown.oneLineError().contains("Nobody Anywhere"));
  }

  @Test
  void annotateReportsDatesWithCodePointOffsets() {
    JsonNode doc = CliRun.annotateOne("samples/wire/tass-2024-06-21-treaty-expert.txt");
    for (JsonNode d : CliRun.spansInBody(doc, "dates", "text")) {
      assertTrue(List.of("DATE", "TIME", "DURATION", "SET").contains(d.get("type").asText()));
    }
  }

  /** Guards the TBAQ figures of the README against regressions. */
  @Test
  void tbaqScoresStayAboveTheirFloor() {
    assumeTrue(Files.isDirectory(TBAQ), "../shared/data absent: skipped");
    CliRun run = CliRun.of("eval", "timex", "--timeml", TBAQ.toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode s = run.json();
    assertTrue(s.get("relaxed").get("f1").asDouble() >= 0.90, run.out());
    assertTrue(s.get("value").get("f1").asDouble() >= 0.78, run.out());
  }
}
