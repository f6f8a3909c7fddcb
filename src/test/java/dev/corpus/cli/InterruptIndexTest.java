package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of {@code corpus index} (issue 16): the real CLI as a process gets SIGINT
 * once it has committed some files; it stops taking files, commits the ones it
 * finished, says so, exits 130, and the next run indexes only the rest. Files the stopped walk
 * never reached are not taken for deleted.
 */
class InterruptIndexTest {

  private static final int FILES = 12_000;

  @TempDir Path tmp;

  @Test
  void ctrlCCommitsWhatIsDoneAndTheNextRunIndexesTheRest() throws Exception {
    Path docs = tmp.resolve("docs");
    for (int i = 0; i < FILES; i++) {
      Path p = docs.resolve("d" + (i / 1000)).resolve("note-" + i + ".txt");
      if (i % 1000 == 0) {
        Files.createDirectories(p.getParent());
      }
      Files.writeString(p, IndexingEndToEndTest.article("Ferry note " + i, "Crossing " + i + " left the harbour on time."), StandardCharsets.UTF_8);
    }
    Path idx = tmp.resolve("idx");
    Path log = tmp.resolve("child.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), "dev.corpus.cli.Main",
            "index", docs.toString(), "--index", idx.toString(), "--no-extract", "--threads", "1", "--commit-interval", "0.05")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long seen = KillDuringIndexTest.waitForCommittedDocuments(idx, process); // into the run: files are being indexed
    assertTrue(seen > 0, "no commit with documents was seen within the wait: " + Files.readString(log));
    assertTrue(process.isAlive(), "the child finished before the signal; raise FILES: " + Files.readString(log));
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child did not stop");
    String out = Files.readString(log);
    assertEquals(130, process.exitValue(), out);
    assertTrue(out.contains("corpus: stopping:"), out);
    assertTrue(out.contains("corpus: interrupted:") && out.contains("run the same command again"), out);

    long committed;
    try (FSDirectory dir = FSDirectory.open(idx); DirectoryReader reader = DirectoryReader.open(dir)) {
      committed = reader.numDocs();
    }
    assertTrue(committed >= seen, "the files finished before the stop are committed: " + committed + " < " + seen);
    assertTrue(committed < FILES, "the stop landed mid-run: " + committed);

    CliRun resume = CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract", "--format", "json");
    assertEquals(0, resume.exit(), resume.err());
    JsonNode s = resume.json();
    assertEquals(FILES, s.get("documents").asLong(), s.toString());
    assertEquals(committed, s.get("unchanged").asLong(), "what was committed is not redone, nothing was taken for deleted: " + s);
    assertEquals(FILES - committed, s.get("indexed").asLong(), s.toString());
    assertEquals(0, s.get("removed").asLong(), s.toString());
  }
}
