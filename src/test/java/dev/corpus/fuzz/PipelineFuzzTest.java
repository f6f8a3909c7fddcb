package dev.corpus.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of what {@code corpus annotate} does: ingestion, the standard
 * pipeline (entities, dates, claims), and the JSON Lines rendering, parsed back. The first byte
 * of an input picks the file type ({@code h} HTML, {@code m} Markdown, {@code j} JSON Lines,
 * {@code u} unknown extension, anything else plain text); the rest is the file.
 */
class PipelineFuzzTest {

  private static final Invariants CHECK = new Invariants(new Invariants.KnownIssues());

  @FuzzTest
  void annotate(byte[] input) {
    if (input.length == 0) {
      return;
    }
    String path =
        switch (input[0]) {
          case 'h' -> "/fuzz/article.html";
          case 'm' -> "/fuzz/article.md";
          case 'j' -> "/fuzz/feed.jsonl";
          case 'u' -> "/fuzz/article.dat";
          default -> "/fuzz/article.txt";
        };
    CHECK.annotate(SharedPipeline.STANDARD, path, Arrays.copyOfRange(input, 1, input.length));
  }
}
