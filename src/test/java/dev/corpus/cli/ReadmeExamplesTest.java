package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  static List<DocExamples.Example> examples() throws Exception {
    return DocExamples.read(Path.of("README.md"), l -> !(l.contains("../shared") || l.contains("$B") || l.contains(">")
        || l.contains("|") || l.contains("#") || l.startsWith("$ bin/corpus index") || l.contains(" merge ") || l.contains(" split ")
        || l.contains(" rename ") || l.contains(" corrections")));
  }

  @Test
  void everyExampleOnTheSamplesPrintsWhatTheReadmeShows() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("COLUMNS") == null && System.getenv("CORPUS_COLUMNS") == null,
        "COLUMNS is set: tables print at that width, the README's at a pipe's 100 columns");
    List<DocExamples.Example> examples = examples();
    assertTrue(examples.size() >= 8, "the README's examples were not found: " + examples.size());
    List<String> drifted = new ArrayList<>();
    for (DocExamples.Example e : examples) {
      if (e.shown().isEmpty()) {
        continue; // a run of commands without their output
      }
      CliRun run = DocExamples.run(e, index);
      List<String> printed = new ArrayList<>();
      for (String p : DocExamples.asOnThePage(run.out() + run.err()).split("\n")) {
        printed.add(p.stripTrailing());
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
          drifted.add("README line " + e.line() + " (" + e.command() + "): " + want);
        }
      }
    }
    assertTrue(drifted.isEmpty(), drifted.size() + " README lines differ from what the commands print:\n" + String.join("\n", drifted));
  }
}
