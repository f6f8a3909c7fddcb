package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples on {@code samples/} print what the commands print (issue 16: examples had
 * drifted). Each {@code $ bin/corpus …} block that reads the sample index is run in-process; every
 * line the README shows must be a line of the output, or its start when the README cuts it with
 * "…" (tables as they print to a pipe, 100 columns wide). Examples that change the index, read
 * {@code ../shared} or redirect are left out, and so are lines naming a path of the machine.
 */
class ReadmeExamplesTest {

  @TempDir static Path dir;
  static String index;

  @BeforeAll
  static void indexSamples() {
    index = dir.resolve("idx").toString();
    CliRun run = CliRun.of("index", "samples", "--index", index);
    assertEquals(0, run.exit(), run.err());
  }

  record Example(int line, List<String> args, List<String> shown) {}

  static List<Example> examples() throws Exception {
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      String l = readme.get(i);
      if (!l.startsWith("$ bin/corpus ") || l.contains("../shared") || l.contains("$B") || l.contains(">") || l.contains("|")
          || l.contains("#") || l.startsWith("$ bin/corpus index") || l.contains(" merge ") || l.contains(" split ")
          || l.contains(" rename ") || l.contains(" corrections")) {
        continue;
      }
      if (i + 1 < readme.size() && readme.get(i + 1).startsWith("$ ")) {
        continue; // a run of commands without their output
      }
      List<String> shown = new ArrayList<>();
      for (int j = i + 1; j < readme.size() && !readme.get(j).startsWith("```") && !readme.get(j).startsWith("$ "); j++) {
        shown.add(readme.get(j));
      }
      out.add(new Example(i + 1, args(l.substring("$ bin/corpus ".length())), shown));
    }
    return out;
  }

  /** Shell words: single and double quotes, no escapes (the README's examples need no more). */
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

  @Test
  void everyExampleOnTheSamplesPrintsWhatTheReadmeShows() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("COLUMNS") == null && System.getenv("CORPUS_COLUMNS") == null,
        "COLUMNS is set: tables print at that width, the README's at a pipe's 100 columns");
    List<Example> examples = examples();
    assertTrue(examples.size() >= 8, "the README's examples were not found: " + examples.size());
    List<String> drifted = new ArrayList<>();
    for (Example e : examples) {
      List<String> args = new ArrayList<>();
      for (int k = 0; k < e.args().size(); k++) {
        if (e.args().get(k).equals("--index")) {
          k++; // the example's own index folder: ours instead
        } else {
          args.add(e.args().get(k));
        }
      }
      args.add("--index");
      args.add(index);
      CliRun run = CliRun.of(args.toArray(String[]::new));
      List<String> printed = new ArrayList<>();
      // The README was written in a clone at /work/main: paths in the output are read as if there.
      String here = Path.of("").toAbsolutePath().toString();
      for (String p : (run.out() + run.err()).split("\n")) {
        printed.add(p.replace(here, "/work/main").stripTrailing());
      }
      for (String shown : e.shown()) {
        String want = shown.stripTrailing();
        // A path on the machine the README was written on ("index: /work/main/.corpus") is not compared.
        // Nor the index's size, which depends on how its segments happened to merge.
        if (want.isEmpty() || want.equals("…") || want.equals("...") || want.startsWith("index:") || want.startsWith("path:")
            || want.startsWith("index size:")) {
          continue;
        }
        boolean cut = want.endsWith("…");
        String prefix = cut ? want.substring(0, want.length() - 1).stripTrailing() : want;
        boolean found = printed.stream().anyMatch(p -> cut ? p.startsWith(prefix) : p.equals(prefix));
        if (!found) {
          drifted.add("README line " + e.line() + " (" + String.join(" ", e.args()) + "): " + want);
        }
      }
    }
    assertTrue(drifted.isEmpty(), drifted.size() + " README lines differ from what the commands print:\n" + String.join("\n", drifted));
  }
}
