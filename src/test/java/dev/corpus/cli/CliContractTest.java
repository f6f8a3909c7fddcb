package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line behaves as shell users expect of it (issue 16): global options anywhere, suggestions, help. */
class CliContractTest {

  @TempDir static Path dir;
  static String index;

  @BeforeAll
  static void indexTwoArticles() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Harbour dues rise\n\nThe port board raised harbour dues on Monday, the chair said.\n");
    Files.writeString(docs.resolve("b.txt"), "Ferry timetable\n\nThe winter ferry timetable starts next week with fewer crossings.\n");
    index = dir.resolve("idx").toString();
    assertEquals(0, CliRun.of("index", "--index", index, docs.toString()).exit());
  }

  @Test
  void globalOptionsWorkBeforeOrAfterTheCommand() {
    CliRun before = CliRun.of("--index", index, "--format", "json", "stats");
    CliRun after = CliRun.of("stats", "--index", index, "--format", "json");
    assertEquals(0, before.exit(), before.err());
    assertEquals(after.out(), before.out());
    assertEquals(2, before.json().path("articles").asInt());
    CliRun json = CliRun.of("--json", "--index", index, "search", "harbour");
    assertEquals(0, json.exit(), json.err());
    assertEquals(1, json.json().path("hits").size());
  }

  @Test
  void theOptionAfterTheCommandWins() {
    CliRun run = CliRun.of("--index", dir.resolve("nowhere").toString(), "stats", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void mistypedCommandsAndOptionsGetSuggestions() {
    CliRun command = CliRun.of("serch", "harbour");
    assertEquals(2, command.exit());
    assertTrue(command.err().contains("Did you mean: corpus search"), command.err());
    CliRun option = CliRun.of("search", "--index", index, "--limt", "3", "harbour");
    assertEquals(2, option.exit());
    assertTrue(option.err().contains("--limit"), option.err());
  }

  @Test
  void helpCommandShowsACommandsHelpWithExamples() {
    CliRun help = CliRun.of("help", "search");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("Usage: corpus search"), help.out());
    assertTrue(help.out().contains("Examples:"), help.out());
  }

  @Test
  void everyCommandsHelpHasExamples() {
    for (String command : CorpusCommand.SUBCOMMANDS.keySet()) {
      if (command.equals("warmup") || command.equals("generate-completion") || command.equals("help")) {
        continue;
      }
      CliRun help = CliRun.of(command, "--help");
      assertEquals(0, help.exit(), command + ": " + help.err());
      assertTrue(help.out().contains("Examples:"), command + " has no examples:\n" + help.out());
    }
  }

  @Test
  void topLevelHelpListsWholeSummariesAndLowerCaseFormats() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.exit());
    assertFalse(help.out().contains("(soon)"), help.out());
    assertTrue(flat(help.out()).contains("table, json, jsonl, csv"), help.out());
    assertFalse(help.out().contains("TABLE"), help.out());
    CliRun search = CliRun.of("search", "--help");
    assertTrue(flat(search.out()).contains("table, json, jsonl, csv"), search.out());
  }

  /** Help text with its wrapping undone. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
