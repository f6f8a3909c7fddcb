package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexes the demo corpus {@code samples/} into a temporary index and runs every command on it. */
class SamplesEndToEndTest {

  @TempDir static Path tmp;
  static String index;
  static JsonNode summary;

  @BeforeAll
  static void indexSamples() {
    index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", "samples", "--index", index, "--format", "json");
    assertEquals(0, run.exit(), run.err());
    summary = run.json();
  }

  private static long sampleFiles() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("samples"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void everySampleFileIsIndexedAndNothingFails() throws Exception {
    assertEquals(sampleFiles(), summary.get("indexed").asLong());
    assertEquals(0, summary.get("failed").asLong());
    assertEquals(0, summary.get("skipped").asLong());
    assertTrue(summary.get("documents").asLong() >= 18, summary.toString());
    assertEquals(1, summary.get("version").asInt());
  }

  @Test
  void phraseSearchReturnsHighlightedHitsAsJson() {
    CliRun run = CliRun.of("search", "\"mutual assistance\"", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode result = run.json();
    assertTrue(result.get("total").asLong() >= 2, run.out());
    assertTrue(result.get("totalExact").asBoolean(), "small result sets are counted exactly");
    for (JsonNode hit : result.get("hits")) {
      assertEquals(16, hit.get("id").asText().length());
      assertTrue(hit.get("score").asDouble() > 0);
      JsonNode snippet = hit.get("snippet");
      String text = snippet.get("text").asText();
      assertFalse(snippet.get("highlights").isEmpty(), "no highlight in " + text);
      for (JsonNode h : snippet.get("highlights")) {
        int[] cps = text.codePoints().toArray();
        String marked = new String(cps, h.get("start").asInt(), h.get("end").asInt() - h.get("start").asInt());
        // The phrase is marked as one span.
        assertEquals("mutual assistance", marked.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), marked);
      }
      assertTrue(hit.has("published") && hit.get("published").has("value"));
    }
  }

  @Test
  void snippetOffsetPointsIntoTheBody() {
    JsonNode hit = CliRun.of("search", "Vostochny", "--index", index, "--json").json().get("hits").get(0);
    JsonNode shown = CliRun.of("show", hit.get("id").asText(), "--index", index, "--json").json().get("articles").get(0);
    int[] body = shown.get("body").asText().codePoints().toArray();
    JsonNode snippet = hit.get("snippet");
    String text = snippet.get("text").asText();
    int start = snippet.get("start").asInt();
    String inBody = new String(body, start, text.codePointCount(0, text.length())).replace('\n', ' ');
    assertEquals(text, inBody);
  }

  @Test
  void noMatchExitsOne() {
    CliRun run = CliRun.of("search", "zzzyzzy", "--index", index, "--json");
    assertEquals(1, run.exit());
    assertEquals(0, run.json().get("total").asInt());
  }

  @Test
  void publicationDateFiltersAndDateSort() {
    JsonNode hits = CliRun.of("search", "treaty", "--index", index, "--since", "2024-06-20", "--until", "2024-06", "--json", "--limit", "50").json().get("hits");
    assertFalse(hits.isEmpty());
    for (JsonNode h : hits) {
      String day = h.get("published").get("value").asText().substring(0, 10);
      assertTrue(day.compareTo("2024-06-20") >= 0 && day.compareTo("2024-06-30") <= 0, day);
    }
    JsonNode byDate = CliRun.of("search", "treaty OR summit", "--index", index, "--sort", "date", "--json", "--limit", "50").json().get("hits");
    String previous = "9999";
    boolean undatedSeen = false;
    for (JsonNode h : byDate) {
      JsonNode v = h.get("published").get("value");
      if (v.isNull()) {
        undatedSeen = true;
        continue;
      }
      assertFalse(undatedSeen, "undated articles must come last");
      String day = v.asText().substring(0, 10);
      assertTrue(day.compareTo(previous) <= 0, day + " after " + previous);
      previous = day;
    }
  }

  @Test
  void sourceFilterAndFieldQuery() {
    JsonNode hits = CliRun.of("search", "treaty OR agreement OR pact", "--index", index, "--source", "tass", "--json").json().get("hits");
    assertFalse(hits.isEmpty());
    for (JsonNode h : hits) {
      assertTrue(h.get("source").asText().toLowerCase(Locale.ROOT).contains("tass"), h.toString());
    }
    CliRun titleOnly = CliRun.of("search", "title:treaty", "--index", index, "--format", "jsonl");
    assertFalse(titleOnly.messages("hit").isEmpty(), titleOnly.out());
    for (JsonNode h : titleOnly.messages("hit")) {
      assertTrue(h.get("title").asText().toLowerCase(Locale.ROOT).contains("treat"), h.toString());
    }
  }

  @Test
  void everyFormatOfSearch() {
    CliRun jsonl = CliRun.of("search", "Pyongyang", "--index", index, "--format", "jsonl", "--limit", "3");
    assertEquals(3, jsonl.messages("hit").size());
    assertEquals(4, jsonl.messages().size(), "three hits and the summary");
    assertEquals("Pyongyang", jsonl.summary().get("query").asText());
    assertEquals(3, jsonl.summary().get("limit").asInt());
    CliRun csv = CliRun.of("search", "Pyongyang", "--index", index, "--format", "csv", "--limit", "3");
    String[] lines = csv.out().split("\r?\n");
    assertEquals("rank,published,source,title,id,score,path,snippet", lines[0]);
    assertTrue(lines.length >= 4);
    CliRun table = CliRun.of("search", "Pyongyang", "--index", index, "--limit", "3");
    assertTrue(table.out().startsWith("rank"), table.out());
    assertTrue(table.out().contains("**Pyongyang**"), table.out());
  }

  @Test
  void malformedQueryIsOneLineExitTwo() {
    CliRun run = CliRun.of("search", "\"mutual assistance", "--index", index);
    assertEquals(2, run.exit());
    String error = run.oneLineError();
    assertTrue(error.startsWith("corpus: malformed query"), error);
    CliRun dangling = CliRun.of("search", "treaty AND", "--index", index);
    assertEquals(2, dangling.exit());
    assertTrue(dangling.oneLineError().contains("at character"), dangling.err());
  }

  @Test
  void badDateOptionIsUsageError() {
    CliRun run = CliRun.of("search", "treaty", "--index", index, "--since", "whenever");
    assertEquals(2, run.exit());
    assertTrue(run.oneLineError().contains("--since"), run.err());
    CliRun words = CliRun.of("search", "treaty", "--index", index, "--since", "June 2024", "--until", "June 2024", "--json");
    CliRun iso = CliRun.of("search", "treaty", "--index", index, "--since", "2024-06", "--until", "2024-06", "--json");
    assertEquals(0, words.exit(), words.err());
    assertEquals(iso.json().get("total"), words.json().get("total"), "dates in words read like ISO dates");
  }

  @Test
  void showByIdAndByPath() throws Exception {
    JsonNode hit = CliRun.of("search", "Pyongyang", "--index", index, "--json", "--limit", "1").json().get("hits").get(0);
    CliRun byId = CliRun.of("show", hit.get("id").asText(), "--index", index, "--json");
    assertEquals(0, byId.exit());
    JsonNode article = byId.json().get("articles").get(0);
    assertEquals(hit.get("title").asText(), article.get("title").asText());
    assertFalse(article.get("body").asText().isBlank());
    CliRun byPath = CliRun.of("show", Path.of(hit.get("path").asText()).toString(), "--index", index, "--json");
    assertTrue(byPath.json().get("articles").size() >= 1);
    CliRun table = CliRun.of("show", hit.get("id").asText(), "--index", index);
    assertTrue(table.out().contains("title:"), table.out());
    CliRun missing = CliRun.of("show", "0000000000000000", "--index", index);
    assertEquals(1, missing.exit());
  }

  @Test
  void statsCountWhatWasIndexed() throws Exception {
    JsonNode stats = CliRun.of("stats", "--index", index, "--json").json();
    assertEquals(summary.get("documents").asLong(), stats.get("articles").asLong());
    assertEquals(sampleFiles(), stats.get("files").asLong());
    assertTrue(stats.get("undated").asLong() >= 1, "samples include an undated article");
    assertNotNull(stats.get("earliest").textValue());
    assertFalse(stats.get("sources").isEmpty());
    assertTrue(stats.get("indexBytes").asLong() > 0);
  }

  @Test
  void annotatePrintsOneDocumentPerLine() throws Exception {
    Path jsonl;
    try (Stream<Path> files = Files.walk(Path.of("samples"))) {
      jsonl = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    CliRun run = CliRun.of("annotate", jsonl.toString());
    assertEquals(0, run.exit(), run.err());
    List<JsonNode> docs = run.messages("article");
    assertTrue(docs.size() >= 2);
    for (JsonNode d : docs) {
      for (String field : List.of("id", "path", "title", "source", "byline", "published", "body", "entities", "dates", "claims")) {
        assertTrue(d.has(field), field + " missing in " + d);
      }
      assertTrue(d.get("published").has("inferred"));
      assertTrue(d.get("entities").isArray());
    }
  }

  @Test
  void missingIndexIsExitThree() {
    CliRun run = CliRun.of("search", "treaty", "--index", tmp.resolve("nothing-here").toString());
    assertEquals(3, run.exit());
    assertTrue(run.oneLineError().contains("no index at"), run.err());
  }

  @Test
  void helpAndVersion() {
    CliRun help = CliRun.of("search", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--since"));
    CliRun top = CliRun.of("--help");
    assertTrue(top.out().contains("Exit codes"), top.out());
    assertEquals(0, CliRun.of("--version").exit());
    CliRun unknown = CliRun.of("search", "--frobnicate", "x");
    assertEquals(2, unknown.exit());
    CliRun completion = CliRun.of("generate-completion");
    assertEquals(0, completion.exit());
    assertTrue(completion.out().contains("complete"), "bash completion script expected");
  }
}
