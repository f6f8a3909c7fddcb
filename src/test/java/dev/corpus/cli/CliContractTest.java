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
  void colourFollowsColorNoColorAndTerm() {
    java.util.Map<String, String> tty = java.util.Map.of("CORPUS_STDOUT_TTY", "1");
    assertTrue(Terminal.color(Terminal.When.auto, tty));
    assertFalse(Terminal.color(Terminal.When.auto, java.util.Map.of()), "not a terminal");
    assertFalse(Terminal.color(Terminal.When.auto, java.util.Map.of("CORPUS_STDOUT_TTY", "1", "NO_COLOR", "1")));
    assertTrue(Terminal.color(Terminal.When.auto, java.util.Map.of("CORPUS_STDOUT_TTY", "1", "NO_COLOR", "")), "NO_COLOR empty: unset");
    assertFalse(Terminal.color(Terminal.When.auto, java.util.Map.of("CORPUS_STDOUT_TTY", "1", "TERM", "dumb")));
    assertTrue(Terminal.color(Terminal.When.always, java.util.Map.of("NO_COLOR", "1")));
    assertFalse(Terminal.color(Terminal.When.never, tty));
    CliRun always = CliRun.of("search", "--index", index, "--color", "always", "harbour");
    assertEquals(0, always.exit(), always.err());
    assertTrue(always.out().contains("\u001b[1m"), always.out());
    CliRun before = CliRun.of("--color", "always", "search", "--index", index, "harbour");
    assertEquals(always.out(), before.out());
    CliRun never = CliRun.of("search", "--index", index, "--color", "never", "harbour");
    assertFalse(never.out().contains("\u001b["), never.out());
    assertEquals(2, CliRun.of("search", "--index", index, "--color", "sometimes", "harbour").exit());
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
