package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.corpus.index.CorpusIndex;
import dev.corpus.report.ReportData;
import dev.corpus.search.ArticleScope;
import dev.corpus.search.DateService;
import dev.corpus.search.EntityService;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpus report} in a real browser (issue 16, item 2): the report of the demo corpus is
 * opened by headless Chromium, which runs the inlined ECharts under the page's
 * Content-Security-Policy. The page's {@code #status} must say every chart was built and what the
 * charts hold, read back from them, must be what the services give for the same index; the
 * screenshot must show the charts' colours. Skipped, with the reason, when no Chromium is found
 * ({@code $CHROMIUM}, {@code chromium}, {@code chromium-browser}, {@code google-chrome}).
 */
class ReportBrowserTest {

  @TempDir static Path tmp;
  static String index;
  static Path page;
  static String chromium;

  @BeforeAll
  static void reportOnTheSamples() {
    chromium = chromium();
    assumeTrue(chromium != null, "no Chromium found ($CHROMIUM, chromium, chromium-browser, google-chrome): browser test skipped");
    index = tmp.resolve("idx").toString();
    CliRun indexed = CliRun.of("index", "samples", "--index", index);
    assertEquals(0, indexed.exit(), indexed.err());
    page = tmp.resolve("report.html");
    CliRun run = CliRun.of("report", "--index", index, "--out", page.toString());
    assertEquals(0, run.exit(), run.err());
  }

  /** The first Chromium of $CHROMIUM, then the usual names on the PATH and in /usr/bin. */
  static String chromium() {
    List<String> candidates = new ArrayList<>();
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, name).toString());
        }
      }
    }
    return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
  }

  /** Runs headless Chromium on {@code file} with {@code action} (--dump-dom, --screenshot=…); returns its stdout. */
  static String browse(Path file, String... action) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--virtual-time-budget=10000"));
    command.addAll(List.of(action));
    command.add(file.toUri().toString());
    Path stdout = Files.createTempFile(tmp, "chromium", ".out");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + command);
    }
    assertEquals(0, p.exitValue(), "Chromium exited " + p.exitValue() + ": " + command);
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  @Test
  void everyChartIsBuiltAndHoldsWhatTheServicesGive() throws Exception {
    Element status = Jsoup.parse(browse(page, "--dump-dom")).getElementById("status");
    assertEquals("ok", status.attr("data-state"), "the page's status: " + status.outerHtml());
    CorpusIndex corpus = new CorpusIndex(Path.of(index));
    ReportData.Caps caps = ReportData.Caps.DEFAULT;
    int events = new DateService(corpus, Clock.systemDefaultZone()).events(ArticleScope.ALL, caps.events(), caps.articlesPerItem())
        .events().size();
    EntityService.Network network = new EntityService(corpus).network(ArticleScope.ALL,
        new EntityService.NetworkRequest(caps.entities(), caps.edges(), caps.articlesPerItem(), 0));
    assertTrue(events > 0 && !network.entities().isEmpty() && !network.edges().isEmpty(), "the samples have events and entities");
    assertEquals(Integer.toString(events), status.attr("data-timeline-items"));
    assertEquals(Integer.toString(network.entities().size()), status.attr("data-graph-nodes"));
    assertEquals(Integer.toString(network.edges().size()), status.attr("data-graph-edges"));
  }

  @Test
  void theScreenshotShowsTheCharts() throws Exception {
    Path png = tmp.resolve("report.png");
    browse(page, "--screenshot=" + png, "--window-size=1400,2000");
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1400, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    int chartBlue = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        // The colour of a day on the timeline and of a person in the network (#5b8ff9): only a
        // drawn chart has more than a few pixels of it (the legends' swatches are a few dozen).
        if (Math.abs((rgb >> 16) - 0x5b) < 24 && Math.abs((rgb >> 8 & 0xff) - 0x8f) < 24 && Math.abs((rgb & 0xff) - 0xf9) < 24) {
          chartBlue++;
        }
      }
    }
    assertTrue(colours.size() > 200, "a blank or flat screenshot: " + colours.size() + " colours");
    assertTrue(chartBlue > 200, "the charts are not drawn: " + chartBlue + " sampled pixels of their blue");
  }

  @Test
  void aScriptTheCspDoesNotAllowNeverRunsAndTheStatusSaysSo() throws Exception {
    // The same page with the library's hash changed: the browser must refuse to run ECharts, and
    // the page's own script must report the failure. The CSP is enforced, and #status can fail.
    String html = Files.readString(page, StandardCharsets.UTF_8);
    int csp = html.indexOf("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'");
    int hash = html.indexOf("'sha256-", csp) + "'sha256-".length();
    assertTrue(csp > 0 && hash > csp && hash < html.indexOf("<style>"), "the policy's first hash, in the head");
    Path tampered = tmp.resolve("tampered.html");
    Files.writeString(tampered, html.substring(0, hash) + "AAAA" + html.substring(hash + 4), StandardCharsets.UTF_8);
    Element status = Jsoup.parse(browse(tampered, "--dump-dom")).getElementById("status");
    assertEquals("error", status.attr("data-state"), status.outerHtml());
    assertTrue(status.attr("data-error").contains("echarts"), status.attr("data-error"));
  }
}
