package dev.corpus.index;

import dev.corpus.ingest.PageParser;
import dev.corpus.model.Article;

/**
 * Where the dateline at the head of an article's body is ("PYONGYANG, June 19 (AFP) — "), in
 * code points: the date in it dates the page, and the timeline counts no event from it (see
 * docs/dates.md, "Events").
 */
final class Datelines {

  /** Lines of the body, counting only non-empty ones, in which ingestion looks for a dateline. */
  private static final int HEAD_LINES = 3;

  private Datelines() {}

  /**
   * The code point span {@code [start, end)} of the dateline ingestion found ({@link
   * Article#dateline()}), or null when the article has none or its body does not open with it.
   */
  static int[] span(Article article) {
    String body = article.body();
    if (article.dateline() == null || body == null) {
      return null;
    }
    int lineStart = 0;
    int seen = 0;
    while (lineStart < body.length() && seen < HEAD_LINES) {
      int nl = body.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? body.length() : nl;
      String line = body.substring(lineStart, lineEnd);
      if (!line.isBlank()) {
        seen++;
        int end = PageParser.datelineEnd(line);
        if (end > 0 && line.startsWith(article.dateline())) {
          int start = body.codePointCount(0, lineStart);
          return new int[] {start, start + line.codePointCount(0, end)};
        }
      }
      lineStart = lineEnd + 1;
    }
    return null;
  }
}
