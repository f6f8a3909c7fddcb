package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus index} on real files in temporary folders: incremental runs and bad input. */
class IndexingEndToEndTest {

  @TempDir Path tmp;

  static String article(String title, String sentence) {
    return title + "\n\nBy Test Desk\nJune 19, 2024\n\n" + sentence
        + " The two governments said the agreement would be reviewed by their parliaments before it takes effect next year.\n";
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve("docs").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private JsonNode index(String... extra) {
    List<String> args = new ArrayList<>(List.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--format", "json"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertTrue(run.exit() == 0 || run.exit() == 3, run.err());
    return run.json();
  }

  @Test
  void rerunsProcessOnlyWhatChanged() throws Exception {
    Path a = write("a.txt", article("Alpha pact signed", "Alpha leaders signed a pact."));
    write("b.txt", article("Beta talks held", "Beta ministers held talks."));
    Path c = write("sub/c.md", "---\ntitle: Gamma note\n---\n\nGamma officials met in the capital to discuss the bridge project and its cost.");

    JsonNode first = index();
    assertEquals(3, first.get("indexed").asInt());

    JsonNode again = index();
    assertEquals(0, again.get("indexed").asInt());
    assertEquals(3, again.get("unchanged").asInt());

    Files.writeString(a, article("Alpha pact amended", "Alpha leaders amended the pact."));
    Files.setLastModifiedTime(c, FileTime.fromMillis(Files.getLastModifiedTime(c).toMillis() + 5000)); // touched only
    Files.delete(tmp.resolve("docs/b.txt"));
    JsonNode changed = index();
    assertEquals(1, changed.get("indexed").asInt(), changed.toString());
    assertEquals(1, changed.get("unchanged").asInt(), "touched but same bytes: " + changed);
    assertEquals(1, changed.get("removed").asInt(), changed.toString());
    assertEquals(2, changed.get("documents").asInt());

    JsonNode hits = CliRun.of("search", "amended", "--index", tmp.resolve("idx").toString(), "--json").json();
    assertEquals(1, hits.get("total").asInt());
    assertEquals(1, CliRun.of("search", "Beta", "--index", tmp.resolve("idx").toString()).exit(), "removed file is gone");

    JsonNode touchedAgain = index();
    assertEquals(2, touchedAgain.get("unchanged").asInt(), "touched file's new time was remembered");

    JsonNode rebuilt = index("--rebuild");
    assertEquals(2, rebuilt.get("indexed").asInt());
  }

  @Test
  void badFilesAreNamedCountedAndTheRestIndexed() throws Exception {
    write("good.txt", article("Good article", "The good article is indexed."));
    Path binary = tmp.resolve("docs/binary.txt");
    Files.write(binary, new byte[] {'G', 'I', 'F', '8', 0, 0, 1, 2, 3});
    Files.write(tmp.resolve("docs/legacy.txt"),
        article("Café talks", "Officials met at the café “Lavrov” in Moscow.").getBytes(Charset.forName("windows-1252")));
    Files.write(tmp.resolve("docs/empty.txt"), new byte[0]);
    Files.write(tmp.resolve("docs/photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
    Files.createSymbolicLink(tmp.resolve("docs/dangling.txt"), tmp.resolve("nowhere.txt"));
    try (RandomAccessFile big = new RandomAccessFile(tmp.resolve("docs/huge.txt").toFile(), "rw")) {
      big.setLength(50L * 1024 * 1024);
    }
    write(".hidden/secret.txt", article("Hidden", "Hidden files are not indexed."));

    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--format", "json");
    assertEquals(3, run.exit(), "some files failed");
    JsonNode s = run.json();
    assertEquals(2, s.get("indexed").asInt(), s.toString());
    assertEquals(3, s.get("skipped").asInt(), s.toString());
    assertEquals(2, s.get("failed").asInt(), s.toString());
    String failures = s.get("failures").toString();
    assertTrue(failures.contains("binary.txt") && failures.contains("binary content"), failures);
    assertTrue(failures.contains("huge.txt") && failures.contains("too large"), failures);
    String skips = s.get("skips").toString();
    assertTrue(skips.contains("empty.txt") && skips.contains("photo.png"), skips);
    assertTrue(skips.contains("dangling.txt") && skips.contains("broken symbolic link"), skips);
    assertTrue(run.err().contains("failed " + binary + ": binary content"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());

    JsonNode legacy = CliRun.of("search", "café", "--index", tmp.resolve("idx").toString(), "--json").json();
    assertEquals(1, legacy.get("total").asInt(), "windows-1252 file decoded");
    assertTrue(legacy.get("hits").get(0).get("snippet").get("text").asText().contains("café “Lavrov”"));
    assertEquals(1, CliRun.of("search", "Hidden", "--index", tmp.resolve("idx").toString()).exit());
  }

  @Test
  void unreadableFileFails() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
    write("good.txt", article("Good article", "The good article is indexed."));
    Path locked = write("locked.txt", article("Locked", "Nobody may read this."));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().contains("locked.txt: cannot read: permission denied"), run.err());
  }

  @Test
  void missingPathIsUsageError() {
    CliRun run = CliRun.of("index", tmp.resolve("no-such-folder").toString(), "--index", tmp.resolve("idx").toString());
    assertEquals(2, run.exit());
    assertTrue(run.oneLineError().contains("no such file or folder"), run.err());
  }

  @Test
  void secondIndexRunWhileOneHoldsTheLockFailsFast() throws Exception {
    write("a.txt", article("Alpha", "Alpha text."));
    Path idx = tmp.resolve("idx");
    assertEquals(0, CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString(), "--no-extract").exit());
    try (FSDirectory dir = FSDirectory.open(idx);
        IndexWriter holder = new IndexWriter(dir, new IndexWriterConfig())) {
      // That it fails before the models load is BadInputEndToEndTest.aLockedIndexFailsBeforeTheModelsLoad.
      CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx.toString());
      assertEquals(3, run.exit());
      assertTrue(run.oneLineError().contains("another `corpus index` is already writing"), run.err());
    }
  }

  @Test
  void jsonLinesRecordsThatFailAreReportedAndOthersIndexed() throws Exception {
    write("feed.jsonl", "{\"title\":\"One\",\"text\":\"First wire story about the summit.\"}\n{broken\n{\"title\":\"Two\",\"text\":\"Second wire story about the bridge.\"}\n");
    CliRun run = CliRun.of("index", tmp.resolve("docs").toString(), "--index", tmp.resolve("idx").toString(), "--format", "json");
    assertEquals(3, run.exit());
    JsonNode s = run.json();
    assertEquals(2, s.get("articles").asInt());
    assertTrue(s.get("failures").get(0).get("reason").asText().startsWith("line 2: invalid JSON"), s.toString());
  }

  @Test
  void largeResultSetsCountAtLeastTheLimitOrExactlyOnRequest() throws Exception {
    int files = 1_100;
    for (int i = 0; i < files; i++) {
      write("many/f" + i + ".txt", article("Bridge story " + i, "The bridge over the river was discussed again."));
    }
    index();
    String idx = tmp.resolve("idx").toString();
    JsonNode exact = CliRun.of("search", "bridge", "--index", idx, "--json", "--exact-total").json();
    assertEquals(files, exact.get("total").asInt());
    assertTrue(exact.get("totalExact").asBoolean());
    JsonNode bounded = CliRun.of("search", "bridge", "--index", idx, "--json").json();
    assertTrue(bounded.get("total").asInt() >= 1000 && bounded.get("total").asInt() <= files, bounded.get("total").toString());
    assertTrue(!bounded.get("totalExact").asBoolean() || bounded.get("total").asInt() == files);
    assertEquals(10, bounded.get("hits").size());
  }

  @Test
  void indexOpensAfterAnEmptyRun() throws Exception {
    Files.createDirectories(tmp.resolve("docs"));
    index();
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("idx")); DirectoryReader r = DirectoryReader.open(dir)) {
      assertEquals(0, r.numDocs());
    }
  }

  @Test
  void idsSurviveMovingTheCorpusFolderToAnotherPlace() throws Exception {
    write("a.txt", article("Alpha pact signed", "Alpha leaders signed a pact."));
    write("sub/feed.jsonl", "{\"id\":\"r1\",\"title\":\"Feed item\",\"text\":\"A feed item about the canal.\"}\n");
    Path elsewhere = tmp.resolve("other-machine/checkout/docs");
    Files.createDirectories(elsewhere.resolve("sub"));
    Files.copy(tmp.resolve("docs/a.txt"), elsewhere.resolve("a.txt"));
    Files.copy(tmp.resolve("docs/sub/feed.jsonl"), elsewhere.resolve("sub/feed.jsonl"));
    List<String> ids = new ArrayList<>();
    for (Path root : List.of(tmp.resolve("docs"), elsewhere)) {
      String idx = root.resolveSibling(root.getFileName() + "-idx").toString();
      assertEquals(0, CliRun.of("index", root.toString(), "--index", idx, "--no-extract").exit());
      JsonNode hits = CliRun.of("search", "alpha OR canal", "--index", idx, "--json", "--sort", "date").json();
      List<String> these = new ArrayList<>();
      hits.get("hits").forEach(h -> these.add(h.get("id").asText()));
      these.sort(null);
      ids.add(String.join(",", these));
    }
    assertEquals(ids.get(0), ids.get(1), "the same corpus gives the same ids wherever it lies");
    assertTrue(ids.get(0).contains(dev.corpus.ingest.DocumentIds.of("docs/a.txt")), ids.get(0));
    assertTrue(ids.get(0).contains(dev.corpus.ingest.DocumentIds.of("docs/sub/feed.jsonl", "r1")), ids.get(0));
    // annotate, given the path as indexing sees it, agrees.
    CliRun annotate = CliRun.of("annotate", tmp.resolve("docs").toString() + "/../docs/a.txt");
    assertEquals(0, annotate.exit(), annotate.err());
  }

  @Test
  void aSitesRepeatedLinesAreLearntAcrossTheFolderAndLeaveEveryPage() throws Exception {
    String[] stories = {
        "The lighthouse keeper retired after forty years on the rock, and the trust will run the light from the harbour office.",
        "Fishing boats stayed in port for a third day as the gale kept waves over the breakwater higher than the crane.",
        "The ferry company ordered a second boat, which it expects to enter service before the summer timetable begins.",
        "Parish councillors voted to repair the sea wall first and to leave the new car park until the money is found."};
    for (int i = 0; i < stories.length; i++) {
      write("site/story-" + i + ".txt", "Harbour Herald\nHome | Harbour | Boats | Weather\n\nHeadline number " + (char) ('A' + i)
          + "\n\n" + stories[i] + "\n\nWeekend tide tables and berth notices\nPrivacy settings and reader help\n");
    }
    String idx = tmp.resolve("idx").toString();
    CliRun first = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--no-extract", "--format", "json");
    assertEquals(0, first.exit(), first.err());
    assertEquals(4, first.json().get("indexed").asInt());
    assertEquals(1, CliRun.of("search", "\"privacy settings\"", "--index", idx).exit(), "the site's footer left every page");
    assertEquals(1, CliRun.of("search", "\"tide tables\"", "--index", idx).exit());
    JsonNode shown = CliRun.of("show", tmp.resolve("docs/site/story-0.txt").toString(), "--index", idx, "--json").json().get("articles").get(0);
    String body = shown.get("body").asText();
    assertTrue(body.contains("lighthouse keeper") && !body.contains("Privacy") && !body.contains("Home |"), shown.toString());

    CliRun again = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--no-extract", "--format", "json");
    assertEquals(4, again.json().get("unchanged").asInt(), "nothing changed, nothing read: " + again.out());

    // A fifth page with a new repeated line changes the template: the other pages are done again.
    write("site/story-4.txt", "Harbour Herald\nHome | Harbour | Boats | Weather\n\nHeadline number E\n\n"
        + "The harbour master said the dredging would finish in March if the weather holds.\n\n"
        + "Weekend tide tables and berth notices\nPrivacy settings and reader help\n");
    CliRun added = CliRun.of("index", tmp.resolve("docs").toString(), "--index", idx, "--no-extract", "--format", "json");
    assertEquals(0, added.exit(), added.err());
    assertEquals(5, added.json().get("documents").asInt(), added.out());
    assertEquals(1, CliRun.of("search", "\"privacy settings\"", "--index", idx).exit());
  }
}
