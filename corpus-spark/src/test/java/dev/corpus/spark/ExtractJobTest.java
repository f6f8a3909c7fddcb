package dev.corpus.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corpus.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in Spark's {@code local[2]} on {@code samples/}: every file comes out, each article as
 * {@code corpus annotate} gives it for the same file, and a bad file is counted in the errors
 * output. One session for the class: starting Spark takes seconds.
 */
class ExtractJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES = Path.of("samples");

  private static SparkSession spark;

  @TempDir static Path tmp;

  /** samples/ copied under a folder of the same name, plus one bad file. */
  private static Path input;

  /** What the job wrote for {@link #input} as JSON Lines. */
  private static Run jsonl;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws IOException {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("ExtractJobTest")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    input = tmp.resolve("in").resolve("samples");
    for (Path file : sampleFiles()) {
      Path copy = input.resolve(SAMPLES.relativize(file).toString());
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy);
    }
    // Binary content under a text extension: a file that fails, as corpus index says.
    Files.write(input.resolve("wire/garbled.txt"), new byte[] {'a', 0, 0, 0, 1, 2, 3, 0, 'b', 0, 0, 0});
    jsonl = job(input.toString(), "--output", tmp.resolve("out").toString(), "--partitions", "3");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void everyArticleIsWhatAnnotateGivesForTheSameFile() throws IOException {
    assertEquals(3, jsonl.exit(), "a failed file makes exit 3: " + jsonl.err());
    Map<String, JsonNode> job = byId(articleLines(tmp.resolve("out/articles")));

    // corpus annotate, in-process, on the same files named as `corpus index samples` names them
    // (so the ids, which follow the path below the indexed folder, agree).
    List<String> args = new ArrayList<>(List.of("annotate"));
    sampleFiles().forEach(f -> args.add(f.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
    // annotate's JSONL: an article message a line, then a summary; each line of the job is the data of one.
    List<String> articles = new ArrayList<>();
    for (String line : out.toString().lines().filter(l -> !l.isBlank()).toList()) {
      JsonNode message = parse(line);
      if (message.get("type").asText().equals("article")) {
        articles.add(message.get("data").toString());
      }
    }
    Map<String, JsonNode> annotate = byId(articles);

    assertEquals(annotate.keySet(), job.keySet(), "the same articles, by id");
    int entities = 0;
    for (var e : annotate.entrySet()) {
      JsonNode expected = e.getValue();
      JsonNode actual = job.get(e.getKey());
      String file = expected.get("path").asText();
      assertTrue(actual.get("path").asText().endsWith(file.substring(file.indexOf("/samples/"))), actual.get("path").asText());
      // The path is where each read the file; everything else is the same, field for field.
      ((ObjectNode) expected).remove("path");
      ((ObjectNode) actual).remove("path");
      assertEquals(expected, actual, "article " + e.getKey() + " of " + file);
      entities += expected.get("entities").size();
    }
    assertTrue(entities > 100, "samples have entities to compare: " + entities);
  }

  @Test
  void everyFileComesOutAsArticlesOrAnError() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (Path file : sampleFiles()) {
      expected.add(SAMPLES.relativize(file).toString());
    }
    expected.add("wire/garbled.txt");
    Set<String> seen = new TreeSet<>();
    for (String line : articleLines(tmp.resolve("out/articles"))) {
      seen.add(below(JSON.readTree(line).get("path").asText()));
    }
    List<JsonNode> errors = new ArrayList<>();
    for (String line : articleLines(tmp.resolve("out/errors"))) {
      JsonNode problem = JSON.readTree(line);
      errors.add(problem);
      seen.add(below(problem.get("path").asText()));
    }
    assertEquals(expected, seen);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("failed", errors.get(0).get("outcome").asText());
    assertTrue(errors.get(0).get("path").asText().endsWith("/samples/wire/garbled.txt"), errors.toString());
    assertFalse(errors.get(0).get("reason").asText().isBlank());

    int articles = articleLines(tmp.resolve("out/articles")).size();
    String summary = jsonl.err().lines().filter(l -> l.startsWith("extracted ")).findFirst().orElseThrow(() -> new AssertionError(jsonl.err()));
    assertTrue(summary.startsWith("extracted " + articles + " articles from " + expected.size() + " files; skipped 0, failed 1 files, 0 broken records"),
        summary);
    assertTrue(jsonl.err().contains("corpus-spark: failed " + input.resolve("wire/garbled.txt").toAbsolutePath()), jsonl.err());
  }

  @Test
  void parquetHoldsTheSameArticles() throws IOException {
    Path out = tmp.resolve("parquet");
    Run run = job(input.resolve("wire").toString(), "--output", out.toString(), "--output-format", "parquet");
    assertEquals(3, run.exit(), run.err());
    // Ids differ (they follow the path below the folder given: wire/… here, samples/wire/… there),
    // so the articles are compared by what they hold.
    List<String> fromJsonl = new ArrayList<>();
    for (String line : articleLines(tmp.resolve("out/articles"))) {
      JsonNode doc = JSON.readTree(line);
      if (doc.get("path").asText().contains("/samples/wire/")) {
        fromJsonl.add(summary(doc.get("path").asText(), doc.get("title").asText(null), doc.get("body").asText(), doc.get("entities").size()));
      }
    }
    List<String> fromParquet = new ArrayList<>();
    for (Row row : spark.read().parquet(out.resolve("articles").toString()).select("path", "title", "body", "entities").collectAsList()) {
      fromParquet.add(summary(row.getString(0), row.getString(1), row.getString(2), row.getList(3).size()));
    }
    assertFalse(fromJsonl.isEmpty());
    assertEquals(fromJsonl.stream().sorted().toList(), fromParquet.stream().sorted().toList());
  }

  private static String summary(String path, String title, String body, int entities) {
    return below(path) + " | " + title + " | " + body.hashCode() + " | " + entities;
  }

  @Test
  void embeddingsAreAddedToTheSameDocument() throws IOException {
    Path out = tmp.resolve("embedded");
    Path file = input.resolve("wire/afp-2024-06-19-pyongyang-signing.txt");
    Run run = job(file.toString(), "--output", out.toString(), "--embeddings");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = articleLines(out.resolve("articles"));
    assertEquals(1, lines.size());
    JsonNode doc = JSON.readTree(lines.get(0));
    JsonNode plain = byId(articleLines(tmp.resolve("out/articles"))).values().stream()
        .filter(d -> d.get("path").asText().equals(file.toString())).findFirst().orElseThrow();
    // The annotate fields as without --embeddings (the id follows the file given alone), then the vectors.
    for (String field : List.of("title", "source", "published", "body", "entities", "dates", "claims")) {
      assertEquals(plain.get(field), doc.get(field), field);
    }
    JsonNode embeddings = doc.get("embeddings");
    assertTrue(embeddings.size() > 0, doc.toString());
    String previous = "";
    for (JsonNode e : embeddings) {
      assertEquals(384, e.get("vector").size(), e.get("text").asText());
      assertTrue(e.get("text").asText().compareTo(previous) > 0, "sorted by text");
      previous = e.get("text").asText();
    }
  }

  @Test
  void anExistingOutputIsRefused() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("exists"));
    Run run = job(input.toString(), "--output", out.toString());
    assertEquals(2, run.exit());
    assertEquals("corpus-spark: output " + out + " exists; give a new folder", run.err().strip());
  }

  @Test
  void helpNamesTheOptions() {
    Run run = job("--help");
    assertEquals(0, run.exit());
    for (String option : List.of("--output", "--output-format", "--embeddings", "--max-file-size", "--partitions")) {
      assertTrue(run.out().contains(option), option + " in " + run.out());
    }
  }

  private static Run job(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ExtractJob.run(args, new PrintWriter(out, true), new PrintWriter(err, true), spark);
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<Path> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  /** The lines of every part file Spark wrote in {@code dir}. */
  private static List<String> articleLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        Files.readAllLines(part).stream().filter(l -> !l.isBlank()).forEach(lines::add);
      }
    }
    return lines;
  }

  private static Map<String, JsonNode> byId(List<String> lines) {
    return lines.stream().map(ExtractJobTest::parse).collect(Collectors.toMap(d -> d.get("id").asText(), d -> d, (a, b) -> {
      throw new AssertionError("two articles with id " + a.get("id"));
    }, TreeMap::new));
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }

  /** The path below the copied samples/ folder. */
  private static String below(String path) {
    return path.substring(path.indexOf("/samples/") + "/samples/".length());
  }
}
