package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults beyond {@code kill -9}: a disk that fills up, a file system that turns read-only, and
 * permissions as a non-root user (CI runs as root, where {@code chmod 000} proves nothing). The
 * disks are small tmpfs mounts the test makes; where it may not mount (not root, no
 * CAP_SYS_ADMIN) or cannot switch user, the case is skipped with a message.
 */
class IndexFaultsTest {

  @TempDir Path tmp;
  private final List<Path> mounts = new ArrayList<>();

  @AfterEach
  void unmount() throws Exception {
    for (Path m : mounts) {
      run("umount", "-l", m.toString());
    }
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  /** Mounts a tmpfs of {@code size} at {@code dir}, or skips the test. */
  private Path tmpfs(String name, String size) throws Exception {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    int exit = run("mount", "-t", "tmpfs", "-o", "size=" + size, "corpus-test", dir.toString());
    assumeTrue(exit == 0, "cannot mount a tmpfs here (needs root with mount rights): skipped");
    mounts.add(dir);
    return dir;
  }

  private Path corpus(String folder, int files, int from) throws IOException {
    Path docs = tmp.resolve(folder);
    Files.createDirectories(docs);
    String filler = " The harbour board met again to weigh the cost of new cranes against the fees that shipping lines pay.".repeat(20);
    for (int i = from; i < from + files; i++) {
      Files.writeString(docs.resolve("story-" + i + ".txt"),
          IndexingEndToEndTest.article("Harbour story " + i, "Story " + i + " reports on the port." + filler), StandardCharsets.UTF_8);
    }
    return docs;
  }

  private static long documents(Path idx) throws IOException {
    try (FSDirectory dir = FSDirectory.open(idx); DirectoryReader reader = DirectoryReader.open(dir)) {
      return reader.numDocs();
    }
  }

  @Test
  void aFullDiskKeepsTheLastCommitAndTheNextRunConverges() throws Exception {
    Path disk = tmpfs("disk", "1m");
    Path idx = disk.resolve("idx");
    Path docs = corpus("docs", 20, 0);
    CliRun first = CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract");
    assertEquals(0, first.exit(), first.err());
    assertEquals(20, documents(idx));

    corpus("docs", 1500, 20); // about 3.5 MB of text: more than the disk holds once indexed
    CliRun full = CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract");
    assertEquals(3, full.exit(), full.err());
    String line = full.oneLineError();
    assertTrue(line.contains("cannot write index at " + idx) && line.contains("No space left"), line);
    assertEquals(20, documents(idx), "the last commit is intact");
    CliRun search = CliRun.of("search", "harbour", "--index", idx.toString(), "--json");
    assertEquals(0, search.exit(), search.err());
    assertEquals(20, search.json().get("total").asInt());

    assertEquals(0, run("mount", "-o", "remount,size=64m", disk.toString()));
    CliRun resumed = CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract", "--format", "json");
    assertEquals(0, resumed.exit(), resumed.err());
    JsonNode s = resumed.json();
    assertEquals(1520, s.get("documents").asInt(), s.toString());
    assertEquals(20, s.get("unchanged").asInt(), s.toString());
  }

  @Test
  void aReadOnlyIndexIsRefusedWithAReasonAndStillSearchable() throws Exception {
    Path disk = tmpfs("ro", "16m");
    Path idx = disk.resolve("idx");
    Path docs = corpus("docs", 5, 0);
    assertEquals(0, CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract").exit());
    Map<String, String> before = BadInputEndToEndTest.snapshot(idx);
    assertEquals(0, run("mount", "-o", "remount,ro", disk.toString()));
    corpus("docs", 1, 5);

    CliRun again = CliRun.of("index", docs.toString(), "--index", idx.toString(), "--no-extract");
    assertEquals(3, again.exit(), again.err());
    String line = again.oneLineError();
    assertTrue(line.contains(idx.toString()) && line.contains("Read-only file system"), line);
    assertEquals(before, BadInputEndToEndTest.snapshot(idx));
    CliRun search = CliRun.of("search", "harbour", "--index", idx.toString(), "--json");
    assertEquals(0, search.exit(), search.err());
    assertEquals(5, search.json().get("total").asInt());
  }

  /**
   * As user {@code nobody}: an unreadable file fails with its reason and the others are indexed;
   * an index folder the user may not write is refused with a reason and left as it was.
   */
  @Test
  void permissionsAsANonRootUser() throws Exception {
    assumeTrue(run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true") == 0,
        "cannot run as user nobody here (not root, or no setpriv): skipped");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    String classpath = readableClasspath(tmp.resolve("cp"));
    Path docs = corpus("docs", 3, 0);
    Path secret = docs.resolve("story-1.txt");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Path idx = tmp.resolve("idx");
    Files.createDirectories(idx);
    run("chown", "65534:65534", idx.toString());

    Child child = asNobody(classpath, "index", docs.toString(), "--index", idx.toString(), "--no-extract");
    assertEquals(3, child.exit(), child.output());
    assertTrue(child.output().contains("failed " + secret + ": cannot read: permission denied"), child.output());
    assertTrue(child.output().contains("indexed 2,"), child.output());

    Path rootOwned = tmp.resolve("root-owned");
    Files.createDirectories(rootOwned);
    Files.writeString(rootOwned.resolve("keep.txt"), "keep\n");
    Map<String, String> before = BadInputEndToEndTest.snapshot(rootOwned);
    Child refused = asNobody(classpath, "index", docs.toString(), "--index", rootOwned.resolve("idx").toString(), "--no-extract");
    assertEquals(3, refused.exit(), refused.output());
    assertTrue(refused.output().strip().lines().count() == 1 && refused.output().contains("permission denied"), refused.output());
    assertEquals(before, BadInputEndToEndTest.snapshot(rootOwned));
  }

  private record Child(int exit, String output) {}

  private Child asNobody(String classpath, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
        ProcessHandle.current().info().command().orElse("java"), "-cp", classpath, "dev.corpus.cli.Main"));
    command.addAll(List.of(args));
    Path log = tmp.resolve("child-" + System.nanoTime() + ".log");
    Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
    return new Child(p.exitValue(), Files.readString(log));
  }

  /** The test's class path copied where user nobody may read it (root's home is private). */
  private static String readableClasspath(Path into) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path from = Path.of(entry);
      if (!Files.exists(from)) {
        continue;
      }
      Path to = into.resolve(n++ + "-" + from.getFileName());
      try (Stream<Path> all = Files.walk(from)) {
        for (Path p : all.toList()) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(p, target);
          }
        }
      }
      entries.add(to.toString());
    }
    try (Stream<Path> all = Files.walk(into)) {
      for (Path p : all.toList()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** A file too large for the memory given fails with its reason; it was once dropped silently. */
  @Test
  void aFileThatRunsOutOfMemoryIsCountedAsFailedNotDropped() throws Exception {
    Path docs = corpus("docs", 2, 0);
    Path huge = docs.resolve("huge.txt");
    String paragraph = "Cranes, fees and berths were discussed at length by the harbour board and the shipping lines.\n\n";
    try (var out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      out.write("A very long report\n\n");
      for (int i = 0; i < 400_000; i++) {
        out.write(paragraph);
      }
    }
    Path idx = tmp.resolve("idx");
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx96m",
            "-cp", System.getProperty("java.class.path"), "dev.corpus.cli.Main",
            "index", docs.toString(), "--index", idx.toString(), "--no-extract", "--max-file-size", "100", "--threads", "1")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("oom.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
    String log = Files.readString(tmp.resolve("oom.log"));
    assertEquals(3, p.exitValue(), log);
    assertTrue(log.contains("failed " + huge + ": out of memory while indexing"), log);
    assertTrue(log.contains("indexed 2,"), log);
  }
}
