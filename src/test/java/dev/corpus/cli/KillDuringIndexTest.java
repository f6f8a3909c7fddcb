package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI as a separate process, killed with SIGKILL in the middle of indexing: the index
 * still opens, keeps what was committed, and the next run completes the job. While the process
 * holds the index, a second index run fails at once.
 *
 * <p>What makes it prove something: the test waits for a real commit with documents and fails
 * when it sees none; the child is frozen with SIGSTOP right then, so the second writer always
 * meets a live lock and the kill always lands before the run could finish. {@code --no-extract}
 * keeps it to seconds: extraction has nothing to do with commit safety.
 */
class KillDuringIndexTest {

  private static final int FILES = 12_000;

  @TempDir Path tmp;

  @Test
  void killNineMidIndexLeavesAnIndexThatTheNextRunCompletes() throws Exception {
    Path docs = tmp.resolve("docs");
    for (int i = 0; i < FILES; i++) {
      Path p = docs.resolve("d" + (i / 1000)).resolve("story-" + i + ".txt");
      if (i % 1000 == 0) {
        Files.createDirectories(p.getParent());
      }
      Files.writeString(p, IndexingEndToEndTest.article("Story number " + i, "Report " + i + " covers the summit and bridge talks."), StandardCharsets.UTF_8);
    }
    Path idx = tmp.resolve("idx");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), "dev.corpus.cli.Main",
                "index", docs.toString(), "--index", idx.toString(), "--no-extract", "--threads", "1", "--commit-interval", "0.05")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();

    long committed;
    try {
      committed = waitForCommittedDocuments(idx, process);
      assertTrue(process.isAlive(), "the child finished before a commit was seen; raise FILES: " + Files.readString(tmp.resolve("child.log")));
      signal("STOP", process.pid());
      assertTrue(committed > 0, "no commit with documents was seen within the wait");
      assertTrue(committed < FILES, "the run was killed mid-way, not at its end: " + committed);

      CliRun concurrent = CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract");
      assertEquals(3, concurrent.exit(), concurrent.err());
      assertTrue(concurrent.err().contains("already writing"), concurrent.err());
    } finally {
      process.destroyForcibly(); // SIGKILL on Unix, which also ends a stopped process
      process.waitFor(30, TimeUnit.SECONDS);
    }

    long afterKill;
    try (FSDirectory dir = FSDirectory.open(idx); DirectoryReader reader = DirectoryReader.open(dir)) {
      afterKill = reader.numDocs();
    }
    assertTrue(afterKill >= committed, "committed work survives the kill: " + afterKill + " < " + committed);
    assertTrue(afterKill < FILES, "the kill landed before the end: " + afterKill);

    CliRun resume = CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract", "--format", "json");
    assertEquals(0, resume.exit(), resume.err());
    JsonNode s = resume.json();
    assertEquals(FILES, s.get("documents").asLong(), s.toString());
    assertEquals(FILES, s.get("indexed").asLong() + s.get("unchanged").asLong(), s.toString());
    assertTrue(s.get("unchanged").asLong() >= afterKill, "what was committed is not redone: " + s);
    assertTrue(s.get("indexed").asLong() > 0, "the resumed run had work left: " + s);
    JsonNode hits = CliRun.of("search", "\"Story number " + (FILES - 1) + "\"", "--index", idx.toString(), "--json").json();
    assertEquals(List.of(1L), List.of(hits.get("total").asLong()));
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + name);
  }

  /** Waits until a commit with some documents exists (or the child ends); returns its count. */
  static long waitForCommittedDocuments(Path idx, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (Files.exists(idx)) {
        try (FSDirectory dir = FSDirectory.open(idx)) {
          if (DirectoryReader.indexExists(dir)) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
              if (reader.numDocs() > 0) {
                return reader.numDocs();
              }
            }
          }
        } catch (java.io.IOException racingWithCommit) {
          // a commit in progress: look again
        }
      }
      Thread.sleep(10);
    }
    return 0;
  }
}
