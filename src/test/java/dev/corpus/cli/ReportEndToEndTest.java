package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.index.CorpusIndex;
import dev.corpus.search.StatsService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpus report} (issue 16) on the demo corpus, through the CLI in-process: the page is
 * self-contained (no external resource, a Content-Security-Policy whose script hashes are those of
 * its inline scripts), carries its data as JSON and its figures as HTML tables, is the same bytes
 * twice, and the command keeps its exit codes and never writes anything but {@code --out}. What
 * the charts draw in a browser is {@link ReportBrowserTest}'s.
 */
class ReportEndToEndTest {

  @TempDir static Path tmp;
  static String index;
  static Path page;
  static Document html;
  static JsonNode data;

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void indexSamplesAndReport() throws Exception {
    index = tmp.resolve("idx").toString();
    CliRun indexed = CliRun.of("index", "samples", "--index", index);
    assertEquals(0, indexed.exit(), indexed.err());
    page = tmp.resolve("out").resolve("report.html");
    Files.createDirectories(page.getParent());
    CliRun run = CliRun.of("report", "--index", index, "--out", page.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("wrote " + page), run.err());
    html = Jsoup.parse(page.toFile(), "UTF-8");
    data = JSON.readTree(html.getElementById("data").data());
  }

  @Test
  void thePageCoversEveryArticleAndSaysSo() {
    long articles = new StatsService(new CorpusIndex(Path.of(index))).stats().articles();
    assertEquals(articles, data.at("/coverage/articles").asLong());
    assertTrue(html.selectFirst("p.lede").text().startsWith(articles + " articles from "), html.selectFirst("p.lede").text());
    assertEquals("Corpus report: all articles", html.title());
    assertTrue(data.at("/timeline/events").size() > 0 && data.at("/network/nodes").size() > 0 && data.at("/clusters/clusters").size() > 0
        && data.at("/outlets/outlets").size() > 0, "every section has something on the samples");
  }

  @Test
  void nothingIsFetchedAndOnlyTheInlineScriptsMayRun() throws Exception {
    assertTrue(html.select("link, iframe, object, embed, img, [src], [srcset]").isEmpty(), "no external resource");
    String csp = html.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(csp.startsWith("default-src 'none'; connect-src 'none'; img-src data:;"), csp);
    Matcher scriptSrc = Pattern.compile("script-src ([^;]*)").matcher(csp);
    assertTrue(scriptSrc.find(), csp);
    assertFalse(scriptSrc.group(1).contains("unsafe"), "no unsafe-inline or unsafe-eval for scripts: " + csp);
    List<String> hashes = new ArrayList<>();
    for (Element script : html.select("script")) {
      if (script.attr("type").equals("application/json")) {
        continue;
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.data().getBytes(StandardCharsets.UTF_8));
      hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
    }
    assertEquals(2, hashes.size(), "ECharts and the page's script");
    assertEquals(String.join(" ", hashes), scriptSrc.group(1).strip());
    assertTrue(html.select("script").get(1).data().contains("Apache"), "ECharts is inlined with its licence header");
  }

  @Test
  void everyFigureIsInATableToo() {
    assertEquals(data.at("/timeline/events").size(), html.select("#timeline-table tbody tr").size());
    assertEquals(data.at("/network/nodes").size(), html.select("#network-table tbody tr").size());
    assertEquals(data.at("/clusters/clusters").size(), html.select("ol.clusters > li").size());
    assertEquals(data.at("/outlets/outlets").size(), html.select("article.outlet").size());
    JsonNode first = data.at("/network/nodes/0");
    Element row = html.selectFirst("#network-table tbody tr");
    assertEquals(first.get("name").asText(), row.child(0).text());
    assertEquals(first.get("articles").asText(), row.child(2).text());
    for (Element focusable : html.select("#timeline-table tbody tr, #network-table tbody tr, ol.clusters > li, article.outlet")) {
      assertEquals("0", focusable.attr("tabindex"), "keyboard-focusable: " + focusable.outerHtml().substring(0, 40));
    }
  }

  @Test
  void theSameIndexGivesTheSameBytes() throws Exception {
    Path again = tmp.resolve("again.html");
    CliRun run = CliRun.of("report", "--index", index, "--out", again.toString());
    assertEquals(0, run.exit(), run.err());
    assertArrayEquals(Files.readAllBytes(page), Files.readAllBytes(again));
  }

  @Test
  void formatJsonPrintsThePagesData() throws Exception {
    CliRun run = CliRun.of("report", "--index", index, "--format", "json");
    assertEquals(0, run.exit(), run.err());
    assertEquals(data, run.json());
    assertEquals(1, run.json().get("version").asInt());
    Path file = tmp.resolve("data.json");
    CliRun toFile = CliRun.of("--json", "report", "--index", index, "--out", file.toString());
    assertEquals(0, toFile.exit(), toFile.err());
    assertEquals(data, JSON.readTree(file.toFile()));
  }

  @Test
  void filtersNarrowTheArticles() {
    CliRun run = CliRun.of("report", "--index", index, "--about", "treaty", "--since", "2024-06", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode d = run.json();
    long all = data.at("/coverage/articles").asLong();
    long narrowed = d.at("/coverage/articles").asLong();
    assertTrue(narrowed > 0 && narrowed < all, narrowed + " of " + all);
    assertEquals("treaty", d.at("/coverage/filters/about").asText());
    assertTrue(d.at("/coverage/earliest").asText().compareTo("2024-06-01") >= 0, d.at("/coverage").toString());
    CliRun search = CliRun.of("search", "treaty", "--since", "2024-06", "--index", index, "--json", "--limit", "0");
    assertEquals(search.json().get("total").asLong(), narrowed, "the articles search finds");
  }

  @Test
  void anAmbiguousEntityListsItsCandidatesAndPickChoosesOne() throws Exception {
    Path out = tmp.resolve("kim.html");
    CliRun run = CliRun.of("report", "--index", index, "--entity", "Kim", "--out", out.toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.out().contains("Kim Jong Un") && run.out().contains("Kim Jong Il"), run.out());
    assertTrue(run.err().contains("may mean"), run.err());
    assertFalse(Files.exists(out), "nothing written");
    CliRun picked = CliRun.of("report", "--index", index, "--entity", "Kim", "--pick", "1", "--format", "json");
    assertEquals(0, picked.exit(), picked.err());
    assertEquals("Kim Jong Un", picked.json().at("/coverage/filters/entity/name").asText());
    CliRun entity = CliRun.of("entity", "Kim Jong Un", "--index", index, "--json");
    assertEquals(entity.json().get("documents").asLong(), picked.json().at("/coverage/articles").asLong(), "the articles naming him");
  }

  @Test
  void noMatchingArticleWritesNothingAndExitsOne() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("empty-run"));
    Path out = folder.resolve("r.html");
    CliRun run = CliRun.of("report", "--index", index, "--about", "zeppelinfootballxyz", "--out", out.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.oneLineError().contains("no article matches"), run.err());
    assertEquals(List.of(), list(folder));
  }

  @Test
  void theTargetIsReplacedAndNothingElseIsTouched() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("replace"));
    Path out = folder.resolve("r.html");
    Files.writeString(out, "old report");
    Files.writeString(folder.resolve("notes.txt"), "mine");
    CliRun run = CliRun.of("report", "--index", index, "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
    assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
    assertEquals(List.of("notes.txt", "r.html"), list(folder), "no temporary file left");
  }

  @Test
  void aFileThatCannotBeWrittenIsNamedOnOneLine() throws Exception {
    CliRun missing = CliRun.of("report", "--index", index, "--out", tmp.resolve("no-such-folder/r.html").toString());
    assertEquals(3, missing.exit());
    assertTrue(missing.oneLineError().contains("no-such-folder/r.html"), missing.err());
    Path folder = Files.createDirectories(tmp.resolve("a-folder"));
    CliRun isFolder = CliRun.of("report", "--index", index, "--out", folder.toString());
    assertEquals(3, isFolder.exit());
    assertTrue(isFolder.oneLineError().contains("is a folder"), isFolder.err());
  }

  @Test
  void usageErrors() {
    CliRun noOut = CliRun.of("report", "--index", index);
    assertEquals(2, noOut.exit());
    assertTrue(noOut.oneLineError().contains("--out"), noOut.err());
    CliRun csv = CliRun.of("report", "--index", index, "--format", "csv", "--out", tmp.resolve("x.csv").toString());
    assertEquals(2, csv.exit());
    CliRun pickAlone = CliRun.of("report", "--index", index, "--pick", "1", "--out", tmp.resolve("p.html").toString());
    assertEquals(2, pickAlone.exit());
    assertTrue(pickAlone.oneLineError().contains("--entity"), pickAlone.err());
    CliRun solr = CliRun.of("report", "--solr", "http://127.0.0.1:9/solr/none", "--out", tmp.resolve("s.html").toString());
    assertEquals(2, solr.exit());
    assertTrue(solr.oneLineError().contains("cannot run on SolrCloud"), solr.err());
    CliRun badQuery = CliRun.of("report", "--index", index, "--about", "\"unclosed", "--out", tmp.resolve("q.html").toString());
    assertEquals(2, badQuery.exit());
    assertTrue(badQuery.oneLineError().contains("malformed query"), badQuery.err());
  }

  @Test
  void helpHasExamples() {
    CliRun help = CliRun.of("help", "report");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("Examples:") && help.out().contains("corpus report --out report.html"), help.out());
    assertTrue(CliRun.of("--help").out().contains("report"), "listed among the commands");
  }

  private static List<String> list(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
