package dev.corpus.search;

import java.util.List;

/**
 * A passage of an article's body around the best match.
 *
 * @param text the passage
 * @param start code point offset of the passage in the article body
 * @param highlights the matched terms: code point offsets into {@code text}, end exclusive
 */
public record Snippet(String text, int start, List<Highlight> highlights) {

  /** One matched span of a snippet. */
  public record Highlight(int start, int end) {}
}
