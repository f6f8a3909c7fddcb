package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus index --no-extract}: searchable at once, extracted by the next ordinary run. */
class NoExtractEndToEndTest {

  @TempDir Path tmp;

  @Test
  void aFastIndexIsSearchableAndTheNextRunExtractsEveryUnchangedFile() {
    String index = tmp.resolve("idx").toString();
    CliRun fast = CliRun.of("index", "samples", "--no-extract", "--index", index, "--json");
    assertEquals(0, fast.exit(), fast.err());
    long files = fast.json().get("indexed").asLong();
    assertTrue(files > 10, fast.out());

    CliRun search = CliRun.of("search", "\"mutual assistance\"", "--index", index, "--json");
    assertEquals(0, search.exit(), search.err());
    assertTrue(search.json().get("hits").size() > 0, search.out());
    assertTrue(search.err().isEmpty(), "plain search needs no extraction: " + search.err());
    CliRun byEntity = CliRun.of("search", "treaty", "--entity", "Vladimir Putin", "--index", index, "--json");
    assertTrue(byEntity.err().contains("--no-extract"), "an entity filter on unextracted articles says so: " + byEntity.err());

    JsonNode stats = CliRun.of("stats", "--index", index, "--json").json();
    assertEquals(stats.get("articles").asLong(), stats.get("notExtracted").asLong(), stats.toString());
    CliRun none = CliRun.of("entities", "--index", index, "--json");
    assertEquals(1, none.exit(), "nothing extracted yet: " + none.out());
    assertTrue(none.err().contains("--no-extract"), "says why the list is empty: " + none.err());

    CliRun full = CliRun.of("index", "samples", "--index", index, "--json");
    assertEquals(0, full.exit(), full.err());
    assertEquals(files, full.json().get("indexed").asLong(), "unchanged files are extracted too: " + full.out());
    assertEquals(0, CliRun.of("stats", "--index", index, "--json").json().get("notExtracted").asLong());
    CliRun people = CliRun.of("entities", "--type", "person", "--index", index, "--json");
    assertEquals(0, people.exit(), people.err());
    assertTrue(people.out().contains("Vladimir Putin"), people.out());
    assertTrue(people.err().isEmpty(), "no warning once extracted: " + people.err());

    CliRun again = CliRun.of("index", "samples", "--no-extract", "--index", index, "--json");
    assertEquals(0, again.json().get("indexed").asLong(), "--no-extract keeps what was extracted: " + again.out());
    assertEquals(0, CliRun.of("stats", "--index", index, "--json").json().get("notExtracted").asLong());
  }
}
