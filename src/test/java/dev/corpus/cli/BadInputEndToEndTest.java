package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corpus.extract.Pipeline;
import dev.corpus.index.IndexFolder;
import dev.corpus.index.IndexProgress;
import dev.corpus.index.Indexer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input suite of issue 11, each case named after the defect it pins: what a careful user
 * or a hostile file can do, and what {@code corpus} must do then. docs/reliability.md lists them.
 */
class BadInputEndToEndTest {

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve("docs").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String article(String title) {
    return IndexingEndToEndTest.article(title, "Delegates from both ports agreed a schedule for the ferry crossings.");
  }

  /** Every file under {@code dir} with its bytes, to prove nothing was touched. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  @Test
  void indexIntoAFolderOfUserFilesIsRefusedAndDeletesNothing() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    Path site = tmp.resolve("site");
    Files.createDirectories(site.resolve("_posts"));
    Files.writeString(site.resolve("_config.yml"), "title: my site\n");
    Files.writeString(site.resolve("_layout.html"), "<html></html>\n");
    Files.writeString(site.resolve("_notes.txt"), "notes\n");
    Files.writeString(site.resolve("segments.md"), "a page about segments\n");
    Map<String, String> before = snapshot(site);
    for (String[] extra : List.of(new String[0], new String[] {"--rebuild"}, new String[] {"--no-extract"})) {
      List<String> args = new ArrayList<>(List.of("index", tmp.resolve("docs").toString(), "--index", site.toString()));
      args.addAll(List.of(extra));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, run.exit(), run.err());
      String line = run.oneLineError();
      assertTrue(line.contains(site.toString()) && line.contains("not a corpus index"), line);
      assertEquals(before, snapshot(site), "the user's files are untouched");
    }
  }

  @Test
  void aUsersFileNamedLikeTheMarkerDoesNotMakeTheirFolderAnIndex() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    Path notes = tmp.resolve("notes");
    Files.createDirectories(notes);
    Files.writeString(notes.resolve(IndexFolder.MARKER), "my own list of indexes to build\n");
    Files.writeString(notes.resolve("_todo.txt"), "call the harbour office\n");
    Map<String, String> before = snapshot(notes);
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", notes.toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.oneLineError().contains("not a corpus index"), run.err());
    assertEquals(before, snapshot(notes));
  }

  @Test
  void indexOntoAFileIsRefused() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "keep me\n");
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", file.toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.oneLineError().contains("is a file"), run.err());
    assertEquals("keep me\n", Files.readString(file));
  }

  @Test
  void anEmptyFolderAndAKilledFirstRunAreIndexesOfOurs() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    Path idx = tmp.resolve("empty");
    Files.createDirectories(idx);
    CliRun first = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString(), "--no-extract");
    assertEquals(0, first.exit(), first.err());
    assertTrue(Files.exists(idx.resolve(IndexFolder.MARKER)));
    // A run killed after writing the marker and before Lucene's first commit leaves only these.
    Path killed = tmp.resolve("killed");
    Files.createDirectories(killed);
    Files.writeString(killed.resolve(IndexFolder.MARKER), "");
    Files.writeString(killed.resolve("write.lock"), "");
    CliRun again = CliRun.of("index", tmp.resolve("docs").toString(), "--index", killed.toString(), "--no-extract");
    assertEquals(0, again.exit(), again.err());
  }

  @Test
  void aForeignLuceneIndexIsRefusedForWritingAndReading() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    Path foreign = tmp.resolve("foreign");
    try (FSDirectory dir = FSDirectory.open(foreign);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      Document d = new Document();
      d.add(new TextField("text", "somebody else's index", Field.Store.YES));
      w.addDocument(d);
      w.commit();
    }
    Map<String, String> before = snapshot(foreign);
    CliRun index = CliRun.of("index", tmp.resolve("docs").toString(), "--index", foreign.toString());
    assertEquals(2, index.exit(), index.err());
    assertTrue(index.oneLineError().contains("Lucene index that corpus did not write"), index.err());
    CliRun rebuild = CliRun.of("index", tmp.resolve("docs").toString(), "--index", foreign.toString(), "--rebuild");
    assertEquals(2, rebuild.exit(), rebuild.err());
    CliRun search = CliRun.of("search", "index", "--index", foreign.toString());
    assertEquals(3, search.exit(), search.err());
    assertTrue(search.oneLineError().contains("not written by corpus"), search.err());
    assertEquals(before, snapshot(foreign), "the foreign index is untouched");
  }

  @Test
  void aTruncatedIndexIsRefusedAndNotAppendedTo() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    write("b.txt", article("Harbour fees reviewed"));
    Path idx = tmp.resolve("idx");
    assertEquals(0, CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString(), "--no-extract").exit());
    Path segments;
    try (Stream<Path> files = Files.list(idx)) {
      segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(segments.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    write("c.txt", article("Lighthouse repaired"));
    Map<String, String> before = snapshot(idx);
    CliRun index = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString(), "--no-extract");
    assertEquals(3, index.exit(), index.err());
    assertTrue(index.oneLineError().contains("is damaged") && index.err().contains("--rebuild"), index.err());
    CliRun search = CliRun.of("search", "ferry", "--index", idx.toString());
    assertEquals(3, search.exit(), search.err());
    assertTrue(search.oneLineError().contains("is damaged"), search.err());
    assertEquals(before, snapshot(idx), "a damaged index is not written to");
    CliRun rebuild = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString(), "--no-extract", "--rebuild");
    assertEquals(0, rebuild.exit(), rebuild.err());
  }

  @Test
  void aFifoAndALinkToDevZeroAreSkippedNotReadForever() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    Path fifo = tmp.resolve("docs").resolve("x.txt");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
    Files.createSymbolicLink(tmp.resolve("docs").resolve("zero.txt"), Path.of("/dev/zero"));
    Files.createSymbolicLink(tmp.resolve("docs").resolve("gone.txt"), tmp.resolve("no-such-target.txt"));
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--no-extract", "--format", "json"));
    assertEquals(0, run.exit(), run.err());
    JsonNode s = run.json();
    assertEquals(1, s.get("indexed").asInt(), s.toString());
    assertEquals(3, s.get("skipped").asInt(), s.toString());
    assertEquals(0, s.get("failed").asInt(), s.toString());
    assertTrue(run.err().contains("x.txt: not a regular file"), run.err());
    assertTrue(run.err().contains("zero.txt: not a regular file"), run.err());
    assertTrue(run.err().contains("gone.txt: broken symbolic link"), run.err());
  }

  @Test
  void aSymlinkLoopIsCountedAsSkippedAsItsMessageSays() throws Exception {
    write("sub/a.txt", article("Ferry schedule agreed"));
    Files.createSymbolicLink(tmp.resolve("docs").resolve("sub").resolve("loop"), tmp.resolve("docs"));
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--no-extract", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode s = run.json();
    assertEquals(1, s.get("indexed").asInt(), s.toString());
    assertEquals(1, s.get("skipped").asInt(), s.toString());
    assertEquals(0, s.get("failed").asInt(), s.toString());
    assertTrue(run.err().contains("skipped " + tmp.resolve("docs/sub/loop") + ": symbolic link loop"), run.err());
  }

  @Test
  void aFileOfOnlyInvisibleCharactersIsNotAnArticle() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    write("blank.txt", "\uFEFF\u00A0\u00A0\u200B\n\u2060\u3000\n\u00A0\n");
    write("blank.md", "\u200B\u200C\u200D\n");
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--no-extract", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    assertEquals(1, run.json().get("indexed").asInt(), run.out());
    assertEquals(2, run.json().get("skipped").asInt(), run.out());
    assertTrue(run.err().contains("blank.txt: no text (only whitespace or invisible characters)"), run.err());
  }

  @Test
  void duplicateIdsInOneJsonLinesFileGiveOneArticleAndAReason() throws Exception {
    write("feed.jsonl",
        "{\"id\":\"a1\",\"title\":\"First\",\"text\":\"Ferry crossings resume on Monday after repairs.\"}\n"
            + "{\"id\":\"a2\",\"title\":\"Second\",\"text\":\"Harbour fees are to be reviewed next month.\"}\n"
            + "{\"id\":\"a1\",\"title\":\"Again\",\"text\":\"A third record reuses the first record's id.\"}\n");
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--no-extract", "--format", "json");
    assertEquals(3, run.exit(), run.err());
    assertEquals(2, run.json().get("documents").asInt(), run.out());
    assertTrue(run.err().contains("line 3: duplicate id 'a1' (first used on line 1)"), run.err());
  }

  @Test
  void aLockedIndexFailsBeforeTheModelsLoad() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    Path idx = tmp.resolve("idx");
    assertEquals(0, CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString(), "--no-extract").exit());
    try (FSDirectory dir = FSDirectory.open(idx);
        IndexWriter holder = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      AtomicBoolean built = new AtomicBoolean();
      Indexer indexer = new Indexer(true, () -> {
        built.set(true);
        return Pipeline.none();
      });
      dev.corpus.CorpusException e = org.junit.jupiter.api.Assertions.assertThrows(dev.corpus.CorpusException.Data.class, () ->
          indexer.run(new Indexer.Request(List.of(tmp.resolve("docs")), idx, false, 1, 1 << 20, Duration.ofMinutes(1)), new IndexProgress()));
      assertTrue(e.getMessage().contains("already writing"), e.getMessage());
      assertFalse(built.get(), "the pipeline (the models) must not be built when the index is locked");
      CliRun cli = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString());
      assertEquals(3, cli.exit(), cli.err());
      assertTrue(cli.oneLineError().contains("already writing"), cli.err());
    }
  }

  @Test
  void userQueryAndOptionMistakesAreUsageErrorsWithAPosition() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    String idx = tmp.resolve("idx").toString();
    assertEquals(0, CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--no-extract").exit());

    CliRun regex = CliRun.of("search", "/[/", "--index", idx);
    assertEquals(2, regex.exit(), regex.err());
    assertTrue(regex.oneLineError().contains("at character") && regex.err().contains("regular expression"), regex.err());

    CliRun all = CliRun.of("search", "ferry", "--limit", "2147483647", "--offset", "2147483647", "--index", idx);
    assertEquals(0, all.exit(), all.err());
    CliRun everything = CliRun.of("search", "ferry", "--limit", "2147483647", "--index", idx, "--json");
    assertEquals(0, everything.exit(), everything.err());
    assertEquals(1, everything.json().get("hits").size());

    for (String bad : List.of("NaN", "0", "-1", "Infinity", "1e12")) {
      CliRun size = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--max-file-size", bad);
      assertEquals(2, size.exit(), bad + ": " + size.err());
      assertTrue(size.err().startsWith("corpus: --max-file-size"), size.err());
    }

    StringBuilder huge = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      huge.append("w").append(i).append(" OR ");
    }
    huge.append("ferry");
    CliRun clauses = CliRun.of("search", huge.toString(), "--index", idx);
    assertEquals(2, clauses.exit(), clauses.err());
    String line = clauses.oneLineError();
    assertTrue(line.length() < 300, "the message does not echo the whole query: " + line.length() + " characters");
    assertTrue(line.contains("characters)"), line);
  }

  @Test
  void annotateEscapesLineSeparatorsSoEachRecordStaysOnOneLine() throws Exception {
    Path f = write("seps.txt", "Ferry talks\n\nThe port said\u2028the crossings resume\u2029on Monday\u0085after repairs.\n");
    CliRun run = CliRun.of("annotate", f.toString());
    assertEquals(0, run.exit(), run.err());
    assertFalse(run.out().contains("\u2028") || run.out().contains("\u2029") || run.out().contains("\u0085"), run.out());
    assertTrue(run.out().contains("\\u2028") && run.out().contains("\\u0085"), run.out());
    assertEquals(2, run.jsonLines().size(), "one article and the summary, one a line");
    assertTrue(run.messages("article").get(0).get("body").asText().contains("\u2028"), "escaped, not removed");
  }

  @Test
  void aJsonLinesFeedLargerThanTheFileLimitIsReadRecordByRecord() throws Exception {
    StringBuilder feed = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      feed.append("{\"id\":\"f").append(i).append("\",\"title\":\"Harbour note ").append(i)
          .append("\",\"text\":\"The harbour board published note ").append(i).append(" on crane fees.\"}\n");
    }
    feed.append("{\"id\":\"long\",\"text\":\"").append("crane ".repeat(400)).append("\"}\n");
    Path f = write("feed.jsonl", feed.toString());
    assertTrue(Files.size(f) > 20_000);
    String idx = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--no-extract", "--max-file-size", "0.002", "--format", "json");
    assertEquals(3, run.exit(), run.err());
    assertEquals(200, run.json().get("documents").asInt(), run.out());
    assertTrue(run.err().contains("line 201: record over the 0.0 MB limit"), run.err());

    // A changed feed replaces its articles in one update.
    Files.writeString(f, "{\"id\":\"f0\",\"title\":\"Only note\",\"text\":\"The board withdrew all other notes.\"}\n");
    CliRun again = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--no-extract", "--format", "json");
    assertEquals(0, again.exit(), again.err());
    assertEquals(1, again.json().get("documents").asInt(), again.out());
    CliRun unchanged = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--no-extract", "--format", "json");
    assertEquals(1, unchanged.json().get("unchanged").asInt(), unchanged.out());
  }

  @Test
  void annotateReadsAtMostTheLimitFromADeviceOrPipe() {
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("annotate", "/dev/zero", "--max-file-size", "1"));
    assertEquals(3, run.exit(), run.err());
    assertEquals("corpus: failed /dev/zero: too large: over the 1.0 MB limit (raise --max-file-size)", run.oneLineError());
  }

  @Test
  void threadCountsPastAnyMachineAreUsageErrors() throws Exception {
    write("a.txt", article("Ferry schedule agreed"));
    for (String bad : List.of("0", "-3", "99999999")) {
      CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--threads", bad);
      assertEquals(2, run.exit(), bad + ": " + run.err());
      assertTrue(run.oneLineError().startsWith("corpus: --threads must be between 1 and 256"), run.err());
    }
  }
}
