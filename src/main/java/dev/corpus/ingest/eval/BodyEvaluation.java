package dev.corpus.ingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.ingest.IngestException;
import dev.corpus.ingest.Ingestor;
import dev.corpus.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Scores article bodies against the article-extraction benchmark's truth file ({@code {"key":
 * {"articleBody": "..."}}}): either the bodies {@link Ingestor} finds in a folder of saved pages
 * ({@code KEY.html} or {@code KEY.html.gz}), or another tool's predictions in the same JSON shape
 * (optionally wrapped as {@code {"version": ..., "output": {...}}}, as the benchmark's peers are).
 */
public final class BodyEvaluation {

  /** A body shorter than this is counted as near-empty. */
  public static final int NEAR_EMPTY_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private BodyEvaluation() {}

  /** A page's predicted body, and whether the reader skipped it. */
  public record Predicted(String body, boolean skipped) {}

  /** {@code key → articleBody} of a truth or predictions file. */
  public static Map<String, String> readBodies(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException("not a JSON object of pages");
    }
    if (root.size() == 2 && root.has("version") && root.path("output").isObject()) {
      root = root.get("output");
    }
    Map<String, String> bodies = new TreeMap<>();
    for (Map.Entry<String, JsonNode> page : root.properties()) {
      if (!page.getValue().isObject()) {
        throw new IOException("page " + page.getKey() + " is not a JSON object");
      }
      JsonNode body = page.getValue().get("articleBody");
      bodies.put(page.getKey(), body == null || body.isNull() ? "" : body.asText());
    }
    return bodies;
  }

  /** The saved pages of {@code dir} by key (file name without {@code .html}/{@code .html.gz}). */
  public static Map<String, Path> pages(Path dir) throws IOException {
    Map<String, Path> pages = new TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        for (String ext : List.of(".html.gz", ".htm.gz", ".html", ".htm")) {
          if (name.endsWith(ext) && Files.isRegularFile(f)) {
            pages.put(name.substring(0, name.length() - ext.length()), f);
            break;
          }
        }
      }
    }
    return pages;
  }

  /** The body {@code ingestor} finds in one saved page (gzipped or not); empty when skipped. */
  public static Predicted extract(Ingestor ingestor, Path page) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(page)) {
      bytes = page.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
    }
    String name = page.getFileName().toString().replaceFirst("\\.gz$", "");
    try {
      List<Article> articles = ingestor.ingest(page.toAbsolutePath().getParent().resolve(name).toString(), bytes).articles();
      return articles.isEmpty() ? new Predicted("", true) : new Predicted(articles.get(0).body(), false);
    } catch (IngestException e) {
      return new Predicted("", true);
    }
  }

  /**
   * Scores {@code predicted} against {@code truth}; both must hold the same keys.
   *
   * @param pageReport when not null, gets one line per page (key, characters, P, R, F1)
   * @throws IllegalArgumentException naming a key that one side lacks
   */
  public static BodyScores score(Map<String, String> truth, Map<String, Predicted> predicted, String source,
      Consumer<String> pageReport) {
    for (String key : predicted.keySet()) {
      if (!truth.containsKey(key)) {
        throw new IllegalArgumentException("page " + key + " has no truth");
      }
    }
    List<ShingleMatch.Counts> counts = new ArrayList<>();
    List<BodyScores.Page> pages = new ArrayList<>();
    int same = 0;
    int nearEmpty = 0;
    int skipped = 0;
    for (Map.Entry<String, String> t : new TreeMap<>(truth).entrySet()) {
      Predicted p = predicted.get(t.getKey());
      if (p == null) {
        throw new IllegalArgumentException("no prediction for page " + t.getKey());
      }
      ShingleMatch.Counts c = ShingleMatch.match(t.getValue(), p.body());
      counts.add(c);
      same += ShingleMatch.sameWords(t.getValue(), p.body()) ? 1 : 0;
      int chars = p.body().strip().length();
      nearEmpty += chars < NEAR_EMPTY_CHARS ? 1 : 0;
      skipped += p.skipped() ? 1 : 0;
      double pr = c.precision();
      double re = c.recall();
      BodyScores.Page page = new BodyScores.Page(t.getKey(), chars, pr, re, pr + re == 0 ? 0 : 2 * pr * re / (pr + re));
      pages.add(page);
      if (pageReport != null) {
        pageReport.accept(String.format(java.util.Locale.ROOT, "%s\t%d\tP %.3f\tR %.3f\tF1 %.3f", page.key(), chars, pr, re, page.f1()));
      }
    }
    ShingleMatch.Prf prf = ShingleMatch.overall(counts);
    return new BodyScores(source, counts.size(), prf.precision(), prf.recall(), prf.f1(), (double) same / counts.size(),
        NEAR_EMPTY_CHARS, nearEmpty, skipped, List.copyOf(pages));
  }
}
