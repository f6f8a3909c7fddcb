package dev.corpus.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the unified highlighter's best passage into a {@link Snippet} with code point offsets,
 * shortened to a window around the first match when the passage is a long sentence. The same
 * shaping serves a passage Solr's highlighter chose ({@link #snippet}), so that both backends
 * show the same snippet.
 */
public final class SnippetFormatter extends PassageFormatter {

  static final int MAX_CHARS = 280;

  @Override
  public Object format(Passage[] passages, String content) {
    if (passages.length == 0) {
      return null;
    }
    Passage p = passages[0];
    return snippet(content, p.getStartOffset(), p.getEndOffset(),
        java.util.Arrays.copyOf(p.getMatchStarts(), p.getNumMatches()), java.util.Arrays.copyOf(p.getMatchEnds(), p.getNumMatches()));
  }

  /**
   * The snippet of the passage {@code [from, to)} of {@code content} (UTF-16 offsets) whose
   * matches are {@code [matchStarts[i], matchEnds[i])}, in order.
   */
  public static Snippet snippet(String content, int from, int to, int[] matchStarts, int[] matchEnds) {
    int numMatches = matchStarts.length;
    // The sentence break iterator runs over a headline or caption with no full stop into the next
    // paragraph: keep only the paragraph holding the first match.
    int anchor = numMatches > 0 ? matchStarts[0] : from;
    int paragraphStart = content.lastIndexOf("\n\n", anchor);
    if (paragraphStart >= from) {
      from = paragraphStart + 2;
    }
    int paragraphEnd = content.indexOf("\n\n", anchor);
    if (paragraphEnd >= 0 && paragraphEnd < to) {
      to = paragraphEnd;
    }
    if (to - from > MAX_CHARS) {
      int firstMatch = numMatches > 0 ? matchStarts[0] : from;
      from = Math.max(from, wordStart(content, firstMatch - MAX_CHARS / 3, from));
      to = Math.min(to, wordEnd(content, from + MAX_CHARS, to));
    }
    String text = content.substring(from, to).strip();
    int lead = content.substring(from, to).indexOf(text);
    int textStart = from + lead;
    int textEnd = textStart + text.length();
    List<Snippet.Highlight> marks = new ArrayList<>();
    int lastEnd = -1;
    for (int i = 0; i < numMatches; i++) {
      int s = matchStarts[i];
      int e = matchEnds[i];
      if (s < textStart || e > textEnd || s < lastEnd) {
        continue;
      }
      marks.add(new Snippet.Highlight(
          content.codePointCount(textStart, s), content.codePointCount(textStart, e)));
      lastEnd = e;
    }
    return new Snippet(text.replace('\n', ' '), content.codePointCount(0, textStart), List.copyOf(marks));
  }

  private static int wordStart(String content, int at, int floor) {
    int i = Math.max(floor, at);
    while (i > floor && !Character.isWhitespace(content.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String content, int at, int ceiling) {
    int i = Math.min(ceiling, at);
    while (i < ceiling && !Character.isWhitespace(content.charAt(i))) {
      i++;
    }
    return i;
  }
}
