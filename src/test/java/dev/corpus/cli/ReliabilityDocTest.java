package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command of the bad-query table in docs/reliability.md and checks the exit code the
 * table gives, one error line (plus picocli's "Try … --help" hint for option parsing errors) and
 * no stack trace: the document cannot drift from the CLI.
 */
class ReliabilityDocTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*\\| (\\d) \\|$");

  @TempDir Path tmp;

  @Test
  void everyCommandOfTheBadQueryTableDoesWhatTheTableSays() throws Exception {
    Path docs = tmp.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("a.txt"),
        IndexingEndToEndTest.article("Ferry schedule agreed", "Delegates agreed a ferry schedule."), StandardCharsets.UTF_8);
    String idx = tmp.resolve("idx").toString();
    assertEquals(0, CliRun.of("index", docs.toString(), "--index", idx, "--no-extract").exit());

    String doc = Files.readString(Path.of("docs/reliability.md"), StandardCharsets.UTF_8);
    String table = doc.substring(doc.indexOf("## Bad queries and options"), doc.indexOf("## Faults beyond"));
    int checked = 0;
    for (String line : table.lines().toList()) {
      Matcher row = ROW.matcher(line);
      if (!row.matches() || row.group(1).contains("…")) {
        continue;
      }
      List<String> args = new ArrayList<>();
      for (String word : words(row.group(1))) {
        args.add(word.equals("docs") ? docs.toString() : word);
      }
      if (!args.get(0).equals("annotate")) {
        args.addAll(List.of("--index", idx));
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      String where = row.group(1) + " → exit " + run.exit() + ", stderr: " + run.err();
      assertEquals(Integer.parseInt(row.group(2)), run.exit(), where);
      if (run.exit() >= 2) {
        List<String> lines = run.err().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("corpus: "), where);
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Try '"), where);
      }
      assertFalse(run.err().contains("Exception") || run.err().contains("\tat ") || run.err().contains("internal error"), where);
      checked++;
    }
    assertTrue(checked >= 20, "the table was read: " + checked + " rows");
  }

  /** Splits a command as a shell would for single-quoted words. */
  private static List<String> words(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(word.toString());
    }
    return out;
  }
}
