package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clusters the index keeps as statements arrive ({@code ClaimClusterPass}) do not depend on
 * how the corpus was split into runs, and follow files that are deleted: the answer of {@code
 * claims --clusters} is the one a fresh index of the same files gives.
 */
class ClaimClustersIncrementalEndToEndTest {

  @TempDir Path tmp;

  /** Six short articles on three stories, each told in other words by several of them. */
  private static final Map<String, String> ARTICLES = new LinkedHashMap<>();

  static {
    // Dated, and naming the place of each story: a sentence in an article's own voice links only
    // with a name in common and within days of the other (issue 15).
    ARTICLES.put("a.txt", "Reservoir at record low\n\nBy Desk One\n\nMarch 2, 2024\n\n"
        + "The reservoir near Leeds dropped to its lowest level in forty years after the dry winter. "
        + "The county library in York will extend its opening hours on weekends starting in April.\n");
    ARTICLES.put("b.txt", "Dry winter drains lake\n\nBy Desk Two\n\nMarch 3, 2024\n\n"
        + "After a dry winter the reservoir near Leeds fell to the lowest level seen in forty years. "
        + "A freight train derailed near Durham and blocked the line for two days.\n");
    ARTICLES.put("c.txt", "Library hours grow\n\nBy Desk Three\n\nMarch 2, 2024\n\n"
        + "Starting in April the county library in York extends its weekend opening hours for readers. "
        + "Local bakers expect a busy season of weddings and garden parties this summer.\n");
    ARTICLES.put("d.txt", "Freight line blocked\n\nBy Desk Four\n\nMarch 4, 2024\n\n"
        + "A derailed freight train blocked the line near Durham for two full days. "
        + "The reservoir near Leeds is at its lowest level in forty years following a dry winter.\n");
    ARTICLES.put("e.txt", "Weekend reading\n\nBy Desk Five\n\nMarch 3, 2024\n\n"
        + "The county library in York is to extend weekend opening hours starting in April, officials noted in a letter. "
        + "Stargazers gathered on the hill to watch the meteor shower late into the night.\n");
    ARTICLES.put("f.txt", "Rail disruption\n\nBy Desk Six\n\nMarch 4, 2024\n\n"
        + "Near Durham a freight train derailed, and the line stayed blocked for two days. "
        + "The museum unveiled a restored steam engine in its main hall on Sunday afternoon.\n");
  }

  private void write(Path dir, String... names) throws IOException {
    Files.createDirectories(dir);
    for (String name : names) {
      Files.writeString(dir.resolve(name), ARTICLES.get(name), StandardCharsets.UTF_8);
    }
  }

  private static void index(Path docs, Path index) {
    CliRun run = CliRun.of("index", docs.toString(), "--index", index.toString());
    assertEquals(0, run.exit(), run.err());
  }

  /** The clusters of {@code index} for each way of asking, without the disagreements. */
  private static String clusters(Path index) {
    StringBuilder out = new StringBuilder();
    for (List<String> options : List.of(List.<String>of(), List.of("--kind", "all"), List.of("--kind", "statement"), List.of("--about", "reservoir OR library"))) {
      String[] args = new java.util.ArrayList<>(List.of("claims", "--clusters", "--index", index.toString(), "--json")) {{ addAll(options); }}
          .toArray(String[]::new);
      CliRun run = CliRun.of(args);
      JsonNode json = run.json();
      out.append(options).append(' ').append(json.get("total")).append(' ').append(json.get("clusters")).append('\n');
    }
    return out.toString();
  }

  @Test
  void twoRunsGiveTheClustersOfOne() throws IOException {
    // One folder (article ids follow the paths): indexed in two runs, three files each, then all
    // six at once into a new index.
    Path docs = tmp.resolve("docs");
    write(docs, "a.txt", "b.txt", "c.txt");
    Path twice = tmp.resolve("twice");
    index(docs, twice);
    write(docs, "d.txt", "e.txt", "f.txt");
    index(docs, twice);
    Path once = tmp.resolve("once");
    index(docs, once);

    String expected = clusters(once);
    JsonNode first = CliRun.of("claims", "--clusters", "--index", once.toString(), "--json").json();
    assertEquals(3, first.get("total").asInt(), expected);
    for (JsonNode c : first.get("clusters")) {
      assertEquals(c.get("members").size(), c.get("articles").asInt(), "one statement of each article: " + c);
    }
    assertTrue(expected.contains("reservoir") && expected.contains("library") && expected.contains("freight"), expected);
    assertEquals(expected, clusters(twice));
  }

  @Test
  void aDeletedOrChangedFileLeavesTheClustersOfAFreshIndex() throws IOException {
    Path docs = tmp.resolve("docs");
    write(docs, ARTICLES.keySet().toArray(String[]::new));
    Path index = tmp.resolve("idx");
    index(docs, index);
    // b.txt leaves; d.txt now tells of something else, so the reservoir story keeps one article (a):
    // its cluster dissolves, the others lose a member or stay.
    Files.delete(docs.resolve("b.txt"));
    Files.writeString(docs.resolve("d.txt"), "Freight line blocked\n\nBy Desk Four\n\nMarch 4, 2024\n\n"
        + "A derailed freight train blocked the line near Durham for two full days. "
        + "The harvest festival drew record crowds to the market square this weekend.\n", StandardCharsets.UTF_8);
    index(docs, index);

    Path fresh = tmp.resolve("fresh");
    index(docs, fresh);
    String expected = clusters(fresh);
    assertEquals(2, CliRun.of("claims", "--clusters", "--index", fresh.toString(), "--json").json().get("total").asInt(), expected);
    assertEquals(expected, clusters(index));
  }
}
