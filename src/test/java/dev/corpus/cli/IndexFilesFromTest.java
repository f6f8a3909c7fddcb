package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.CorpusException;
import dev.corpus.index.IndexSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpus index --files-from FILE|-} (and {@code -0}): the paths to index read from a list,
 * as {@code find}, {@code find -print0} or a script writes one (issue 16).
 */
class IndexFilesFromTest {

  @TempDir Path tmp;

  private static List<String> written(PathList list) {
    return list.entries().stream().map(PathList.Entry::written).toList();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aListIsOnePathALineWithCrlfAndBlankLinesReadAsAShellUserMeansThem() {
    PathList list = PathList.parse("files.txt", bytes("a.txt\r\n\n  \ndir/b c.md\nlast"), false);
    assertEquals(List.of("a.txt", "dir/b c.md", "last"), written(list));
    // blank lines still count: line numbers are those of the file
    assertEquals(List.of(1, 4, 5), list.entries().stream().map(PathList.Entry::number).toList());
    assertEquals("line 4 of files.txt", list.where(list.entries().get(1)));
    assertEquals(List.of(), written(PathList.parse("empty", bytes(""), false)));
    assertEquals(List.of(), written(PathList.parse("blank", bytes("\n\r\n"), false)));
  }

  @Test
  void nulSeparatedListsKeepNewlinesInNamesAndAreRecognisedWithoutTheFlag() {
    PathList flagged = PathList.parse("standard input", bytes("x y.txt\0two\nlines.md\0"), true);
    assertEquals(List.of("x y.txt", "two\nlines.md"), written(flagged));
    assertEquals("entry 2 of standard input", flagged.where(flagged.entries().get(1)));
    // no path holds a NUL: a list that has one is NUL-separated, -0 or not
    assertEquals(List.of("p\r", "q"), written(PathList.parse("l", bytes("p\r\0q\0"), false)));
    // -0 with no NUL: the whole list is one name, newline and all
    assertEquals(List.of("a\nb"), written(PathList.parse("l", bytes("a\nb"), true)));
  }

  @Test
  void inputsKeepTheGivenPathsAddTheListedOnesThatExistAndReportTheOthersWithTheirLine() throws Exception {
    Path here = Files.writeString(tmp.resolve("here.txt"), "x");
    Path list = Files.writeString(tmp.resolve("list.txt"), here + "\n" + tmp.resolve("gone.txt") + "\n");
    IndexCommand.Inputs inputs = IndexCommand.inputs(List.of(Path.of("docs")), list.toString(), false, stdin(""));
    assertEquals(List.of(Path.of("docs"), here), inputs.roots());
    assertEquals(List.of(new IndexSummary.Problem(tmp.resolve("gone.txt").toString(), "no such file or folder (line 2 of " + list + ")")),
        inputs.missing());

    // `-` and `--files-from -` both read standard input, once
    IndexCommand.Inputs stdin = IndexCommand.inputs(List.of(Path.of("-")), "-", false, stdin(here + "\n"));
    assertEquals(List.of(here), stdin.roots());

    // an empty list is not a mistake (find -newer found nothing new); nothing at all is
    assertEquals(List.of(), IndexCommand.inputs(List.of(), "-", false, stdin("")).roots());
    assertThrows(CorpusException.Usage.class, () -> IndexCommand.inputs(List.of(), null, false, stdin("")));
    CorpusException.Usage noList =
        assertThrows(CorpusException.Usage.class, () -> IndexCommand.inputs(List.of(), tmp.resolve("nope.txt").toString(), false, stdin("")));
    assertTrue(noList.getMessage().contains("nope.txt"), noList.getMessage());
  }

  private static ByteArrayInputStream stdin(String s) {
    return new ByteArrayInputStream(bytes(s));
  }

  /** Three short articles of our own in {@code tmp/docs}. */
  private Path docs() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("one.txt"), "Tram fares\n\nThe city froze tram fares for another year, the council said.\n");
    Files.writeString(docs.resolve("two words.txt"), "Ferry times\n\nThe island ferry adds a late crossing on Fridays from June.\n");
    Files.writeString(docs.resolve("three.txt"), "Bridge works\n\nThe old bridge closes for repairs in the spring.\n");
    return docs;
  }

  @Test
  void aListFileIsIndexedAndAMissingFileFailsWithItsLineWhileTheOthersAreIndexed() throws Exception {
    Path docs = docs();
    Path list = Files.writeString(tmp.resolve("list.txt"),
        docs.resolve("one.txt") + "\r\n\r\n" + docs.resolve("gone.txt") + "\r\n" + docs.resolve("two words.txt") + "\r\n");
    Path idx = tmp.resolve("idx");
    CliRun run = CliRun.of("index", "--files-from", list.toString(), "--index", idx.toString(), "--no-extract", "--json");
    assertEquals(3, run.exit(), run.err());
    assertTrue(run.err().contains("corpus: failed " + docs.resolve("gone.txt") + ": no such file or folder (line 3 of " + list + ")\n"),
        run.err());
    JsonNode summary = run.json();
    assertEquals(2, summary.get("indexed").asInt(), run.out());
    assertEquals(1, summary.get("failed").asInt(), run.out());
    assertEquals(1, CliRun.of("search", "--index", idx.toString(), "bridge").exit(), "three.txt is not listed");
    assertEquals(0, CliRun.of("search", "--index", idx.toString(), "ferry").exit(), "a name with a space is read whole");
  }

  @Test
  void aListedFileInsideAFolderGivenTooIsIndexedOnce() throws Exception {
    Path docs = docs();
    Path list = Files.writeString(tmp.resolve("list.txt"), docs.resolve("one.txt") + "\n" + docs.resolve("one.txt") + "\n");
    CliRun run = CliRun.of("index", docs.toString(), "--files-from", list.toString(), "--index", tmp.resolve("idx").toString(),
        "--no-extract", "--json");
    assertEquals(0, run.exit(), run.err());
    assertEquals(3, run.json().get("indexed").asInt(), run.out());
    assertEquals(3, run.json().get("documents").asInt(), run.out());
  }

  /** The cleaned body of the article of {@code file} in {@code idx}. */
  private static String body(Path idx, Path file) {
    CliRun shown = CliRun.of("show", file.toString(), "--index", idx.toString(), "--json");
    assertEquals(0, shown.exit(), shown.err());
    return shown.json().get("articles").get(0).get("body").asText();
  }

  @Test
  void aListedPageLosesItsSitesTemplateLinesAsWhenItsFolderIsIndexed() throws Exception {
    Path site = Files.createDirectories(tmp.resolve("site"));
    StringBuilder list = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      Path page = site.resolve("p" + i + ".txt");
      Files.writeString(page, "Lakeside Courier | Home | Rowing | Weather\n\nRowing club story " + i + "\n\n"
          + "The rowing club repainted boat number " + i + " and moved the spring regatta to the north shore.\n"
          + "Volunteers will mark the course on day " + i + " of the month.\n\n"
          + "Get the Lakeside Courier in your inbox\nAll rights reserved, Lakeside Courier\n");
      list.append(page).append('\n');
    }
    Path byFolder = tmp.resolve("by-folder");
    Path byList = tmp.resolve("by-list");
    assertEquals(0, CliRun.of("index", site.toString(), "--index", byFolder.toString(), "--no-extract").exit());
    Path listFile = Files.writeString(tmp.resolve("list.txt"), list);
    assertEquals(0, CliRun.of("index", "--files-from", listFile.toString(), "--index", byList.toString(), "--no-extract").exit());
    String folderBody = body(byFolder, site.resolve("p3.txt"));
    assertTrue(!folderBody.contains("inbox") && folderBody.contains("regatta"), folderBody);
    assertEquals(folderBody, body(byList, site.resolve("p3.txt")));

    // find -newer: one page changed, listed alone, learns the template from the pages beside it
    Files.writeString(site.resolve("p3.txt"), Files.readString(site.resolve("p3.txt")).replace("north shore", "south shore"));
    Path one = Files.writeString(tmp.resolve("one.txt"), site.resolve("p3.txt") + "\n");
    CliRun again = CliRun.of("index", "--files-from", one.toString(), "--index", byFolder.toString(), "--no-extract", "--json");
    assertEquals(1, again.json().get("indexed").asInt(), again.out());
    assertEquals(folderBody.replace("north shore", "south shore"), body(byFolder, site.resolve("p3.txt")));
  }

  @Test
  void nothingToIndexIsAUsageErrorAndAnEmptyListIsNot() throws Exception {
    Path idx = tmp.resolve("idx");
    CliRun none = CliRun.of("index", "--index", idx.toString(), "--no-extract");
    assertEquals(2, none.exit(), none.err());
    assertTrue(none.err().startsWith("corpus: nothing to index"), none.err());
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n");
    CliRun nothingNew = CliRun.of("index", "--files-from", empty.toString(), "--index", idx.toString(), "--no-extract", "--json");
    assertEquals(0, nothingNew.exit(), nothingNew.err());
    assertEquals(0, nothingNew.json().get("indexed").asInt());
  }

  /**
   * The CLI as a process fed by a pipe, run in {@code dir}: relative paths in the list are
   * relative to it. Returns stdout (the JSON summary); asserts the exit code.
   */
  private String indexFromPipe(Path dir, byte[] list, int exit, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), "dev.corpus.cli.Main", "index"));
    command.addAll(List.of(options));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
    p.getOutputStream().write(list);
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(exit, p.exitValue(), out + err);
    return out;
  }

  @Test
  void standardInputNulSeparatedWithRelativePathsAsFindPrint0WritesThem() throws Exception {
    docs();
    Path idx = tmp.resolve("idx");
    // find docs -type f -print0, run in tmp: paths relative to the current folder
    String out = indexFromPipe(tmp, bytes("docs/one.txt\0docs/two words.txt\0"), 0,
        "--files-from", "-", "-0", "--index", idx.toString(), "--no-extract", "--format", "json");
    JsonNode summary = new ObjectMapper().readTree(out);
    assertEquals(2, summary.get("indexed").asInt(), out);
    CliRun hit = CliRun.of("search", "--index", idx.toString(), "ferry", "--json");
    assertEquals(tmp.resolve("docs/two words.txt").toString(), hit.json().get("hits").get(0).get("path").asText());
  }

  @Test
  void standardInputWithAMissingFileFailsWithExit3AndIndexesTheRest() throws Exception {
    docs();
    Path idx = tmp.resolve("idx");
    String out = indexFromPipe(tmp, bytes("docs/three.txt\ndocs/nothing.txt\n"), 3,
        "--files-from", "-", "--index", idx.toString(), "--no-extract", "--format", "json");
    JsonNode summary = new ObjectMapper().readTree(out);
    assertEquals(1, summary.get("indexed").asInt(), out);
    assertEquals(1, summary.get("failed").asInt(), out);
    JsonNode failure = summary.get("failures").get(0);
    assertEquals(tmp.resolve("docs/nothing.txt").toString(), failure.get("path").asText());
    assertEquals("no such file or folder (line 2 of standard input)", failure.get("reason").asText());
  }
}
