package dev.corpus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code $ bin/corpus …} examples of a Markdown page and what the page shows each print, run
 * through the real CLI in-process: the mechanism that keeps README.md ({@link ReadmeExamplesTest})
 * and docs/json.md ({@link JsonDocExamplesTest}) true to the commands (issue 16).
 */
final class DocExamples {

  private DocExamples() {}

  /**
   * One example: the command line (1-based {@code line} of the page), its words, and the lines the
   * page shows under it up to the end of the block or the next command (none for a run of
   * commands shown without their output).
   */
  record Example(int line, List<String> args, List<String> shown) {

    /** The words after {@code bin/corpus}, as typed. */
    String command() {
      return String.join(" ", args);
    }
  }

  /** The page's examples whose command line {@code run} accepts (a line as written, {@code $ bin/corpus …}). */
  static List<Example> read(Path page, Predicate<String> run) throws IOException {
    List<String> lines = Files.readAllLines(page);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("$ bin/corpus ") || !run.test(l)) {
        continue;
      }
      List<String> shown = new ArrayList<>();
      for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("```") && !lines.get(j).startsWith("$ "); j++) {
        shown.add(lines.get(j));
      }
      out.add(new Example(i + 1, args(l.substring("$ bin/corpus ".length())), shown));
    }
    return out;
  }

  /** Shell words: single and double quotes, no escapes (the examples need no more). */
  static List<String> args(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          out.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(word.toString());
    }
    return out;
  }

  /**
   * Runs the example on {@code index} instead of the index it names (or the default one), given
   * before the command so that commands without an index ({@code annotate}) take it too.
   */
  static CliRun run(Example e, String index) {
    List<String> args = new ArrayList<>(List.of("--index", index));
    for (int k = 0; k < e.args().size(); k++) {
      if (e.args().get(k).equals("--index")) {
        k++; // the example's own index folder: ours instead
      } else {
        args.add(e.args().get(k));
      }
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  /**
   * {@code printed} as if run in the clone at /work/main where the pages were written: paths of
   * the clone the test runs in (CI clones elsewhere) read as the pages show them.
   */
  static String asOnThePage(String printed) {
    return printed.replace(Path.of("").toAbsolutePath().toString(), "/work/main");
  }
}
