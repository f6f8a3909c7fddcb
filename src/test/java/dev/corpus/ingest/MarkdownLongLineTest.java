package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression: a long Markdown line with many unclosed emphasis, link or tag openers took time
 * quadratic in its length (each opener scanned to the end of the line for its closer): a 93 KB
 * mutated article took over a second, found by the fuzz generator.
 */
class MarkdownLongLineTest {

  private final Ingestor ingestor = new Ingestor();

  @Test
  void longLineWithUnclosedMarkupIsReadInLinearTime() {
    for (String unit : new String[] {"word **a ", "word _a ", "word *a ", "word [a ", "x <a ", "word ![a](", "word [a](b "}) {
      String line = "Officials said on Monday. " + unit.repeat(60_000 / unit.length());
      assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
        var result = ingestor.ingest("/c/long.md", ("# Title\n\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, result.articles().size());
      }, unit);
    }
  }

  @Test
  void markupIsStillReduced() throws Exception {
    var pages = new MarkdownReader().read("The **mayor** said _yes_ to [the plan](https://x.org) and <b>more</b> ![p](i.png).");
    assertEquals(List.of("The mayor said yes to the plan and more ."), ((RawPage.Page) pages.get(0)).lines());
  }
}
