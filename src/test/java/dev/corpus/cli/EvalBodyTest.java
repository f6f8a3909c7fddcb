package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus eval body}: the benchmark's metric over our bodies or another tool's. */
class EvalBodyTest {

  private static final Path BENCHMARK = Path.of("..", "shared", "data", "article-extraction-benchmark");

  private static final String PARAGRAPH =
      "The harbour board voted on Tuesday to close the north quay for repairs, a decision that"
          + " fishing crews said would cost them most of the spring season and push boats to the"
          + " neighbouring port for at least three months.";

  @Test
  void scoresSavedPagesGzippedOrNotAgainstTheTruth(@TempDir Path dir) throws Exception {
    Path pages = Files.createDirectory(dir.resolve("html"));
    String page = "<html><head><title>Quay to close</title></head><body><nav><a href=/>Home</a></nav>"
        + "<article><h1>Quay to close</h1><p>" + PARAGRAPH + "</p></article></body></html>";
    Files.writeString(pages.resolve("a.html"), page);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(pages.resolve("b.html.gz")))) {
      out.write(page.getBytes(StandardCharsets.UTF_8));
    }
    Path truth = dir.resolve("truth.json");
    Files.writeString(truth, "{\"a\": {\"articleBody\": \"" + PARAGRAPH + "\"}, \"b\": {\"articleBody\": \"" + PARAGRAPH + "\"}}");
    CliRun run = CliRun.of("eval", "body", "--truth", truth.toString(), "--html", pages.toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode scores = run.json();
    assertEquals(2, scores.get("documents").asInt());
    assertEquals(1.0, scores.get("f1").asDouble(), run.out());
    assertEquals(0, scores.get("nearEmpty").asInt());
  }

  @Test
  void scoresAPeersPredictionsAndCountsNearEmptyBodies(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.json");
    Files.writeString(truth, "{\"a\": {\"articleBody\": \"" + PARAGRAPH + "\"}, \"b\": {\"articleBody\": \"" + PARAGRAPH + "\"}}");
    Path peer = dir.resolve("peer.json");
    Files.writeString(peer, "{\"version\": \"1.0\", \"output\": {\"a\": {\"articleBody\": \"" + PARAGRAPH
        + "\"}, \"b\": {\"articleBody\": \"\"}}}");
    CliRun run = CliRun.of("eval", "body", "--truth", truth.toString(), "--predictions", peer.toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode scores = run.json();
    assertEquals(1.0, scores.get("precision").asDouble());
    assertEquals(0.5, scores.get("recall").asDouble());
    assertEquals(1, scores.get("nearEmpty").asInt());
  }

  @Test
  void perPageGivesOneLinePerPageOnStderrAndLeavesStdoutAlone(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.json");
    Files.writeString(truth, "{\"a\": {\"articleBody\": \"" + PARAGRAPH + "\"}, \"b\": {\"articleBody\": \"" + PARAGRAPH + "\"}}");
    Path peer = dir.resolve("peer.json");
    Files.writeString(peer, "{\"a\": {\"articleBody\": \"" + PARAGRAPH + "\"}, \"b\": {\"articleBody\": \"\"}}");
    CliRun run = CliRun.of("eval", "body", "--truth", truth.toString(), "--predictions", peer.toString(), "--per-page", "--json");
    assertEquals(0, run.exit(), run.err());
    assertEquals(0.5, run.json().get("recall").asDouble());
    assertEquals(
        "a\t" + PARAGRAPH.length() + "\tP 1.000\tR 1.000\tF1 1.000\nb\t0\tP 0.000\tR 0.000\tF1 0.000",
        run.err().strip().replace("\r\n", "\n"));
  }

  @Test
  void oneSourceOfBodiesIsRequiredAndKeysMustMatch(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.json");
    Files.writeString(truth, "{\"a\": {\"articleBody\": \"x\"}}");
    assertEquals(2, CliRun.of("eval", "body", "--truth", truth.toString()).exit());
    Path peer = dir.resolve("peer.json");
    Files.writeString(peer, "{\"z\": {\"articleBody\": \"x\"}}");
    CliRun run = CliRun.of("eval", "body", "--truth", truth.toString(), "--predictions", peer.toString());
    assertEquals(3, run.exit());
    assertTrue(run.oneLineError().contains("page z has no truth"), run.err());
  }

  /** The port gives evaluate.py's figure for trafilatura's output (0.9629870575212451). */
  @Test
  void reproducesTheBenchmarkScriptOnAPeer() {
    assumeTrue(Files.isDirectory(BENCHMARK), "../shared is absent");
    CliRun run = CliRun.of("eval", "body", "--truth", BENCHMARK.resolve("ground-truth.json").toString(),
        "--predictions", BENCHMARK.resolve("peer-outputs/trafilatura.json").toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    assertEquals(0.9629870575212451, run.json().get("f1").asDouble());
    assertEquals(0.9403028589054947, run.json().get("precision").asDouble());
    assertEquals(0.9867927958116058, run.json().get("recall").asDouble());
  }
}
