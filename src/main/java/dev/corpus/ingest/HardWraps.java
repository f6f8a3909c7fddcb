package dev.corpus.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joins the lines of hard-wrapped text (wire copy, e-mail, 72-column saves) back into
 * paragraphs, so that no name, claim or date is cut by a line break from the file ("United" /
 * "States").
 *
 * <p>A file is hard-wrapped when the lines inside its paragraphs end near one width, as a
 * wrapping program leaves them: the 90th percentile of their lengths is at most 100 characters
 * and most of them come within 15 characters of it. An unwrapped save keeps each paragraph on
 * one line, so its paragraph lines are far longer and it is left alone. In a wrapped file, a
 * line is joined to the next when the next line's first word would not have fitted on it (the
 * reason the wrapper broke there), or when it stops mid-sentence and is either half the width
 * long or inside a paragraph already joined (a break made by hand); a shorter line ends its paragraph, as do an indented next
 * line (wire copy's paragraph indent) and a list item. A word hyphenated across the break
 * ("well-" / "known") is joined without a space.
 *
 * <p>Stateless and thread-safe.
 */
final class HardWraps {

  private HardWraps() {}

  private static final int MAX_WIDTH = 100;
  private static final int MIN_WIDTH = 40;
  private static final int NEAR = 15;
  private static final int MIN_WRAPPED_LINES = 4;

  /** {@code lines} with wrapped paragraphs joined; the same list when the text is not wrapped. */
  static List<String> unwrap(List<String> lines) {
    int width = width(lines);
    if (width < 0) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines.size());
    StringBuilder current = null;
    String previous = null;
    boolean joined = false;
    for (String raw : lines) {
      String line = stripTrailing(raw);
      if (current != null && !line.isBlank() && continues(previous, line, width, joined)) {
        joined = true;
        String next = line.strip();
        if (endsWithWordHyphen(current) && Character.isLowerCase(next.codePointAt(0))) {
          current.append(next);
        } else {
          current.append(' ').append(next);
        }
        previous = line;
        continue;
      }
      if (current != null) {
        out.add(current.toString());
      }
      current = line.isBlank() ? null : new StringBuilder(line);
      joined = false;
      if (line.isBlank()) {
        out.add(line);
      }
      previous = line;
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }

  /**
   * The wrap width of {@code lines}, or -1 when they are not hard-wrapped. Measured on the lines
   * followed by another line of the same paragraph: in a wrapped file those are the wrapped ones.
   */
  static int width(List<String> lines) {
    int[] lengths = new int[lines.size()];
    int count = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      String line = lines.get(i);
      int length = trimmedLength(line);
      if (length > 3 * MAX_WIDTH) {
        return -1; // a paragraph on one line: the file is not wrapped
      }
      if (length > 0 && !line.isBlank() && !lines.get(i + 1).isBlank() && !hasColumns(line)) {
        lengths[count++] = length;
      }
    }
    if (count < MIN_WRAPPED_LINES) {
      return -1;
    }
    int[] sorted = Arrays.copyOf(lengths, count);
    Arrays.sort(sorted);
    int width = sorted[(int) Math.floor(0.9 * (count - 1))];
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      return -1;
    }
    int near = 0;
    for (int k = 0; k < count; k++) {
      if (sorted[k] >= width - NEAR && sorted[k] <= width + NEAR) {
        near++;
      }
    }
    return near >= MIN_WRAPPED_LINES && 2 * near > count ? width : -1;
  }

  /** True when {@code next} continues the paragraph whose last line is {@code previous}. */
  private static boolean continues(String previous, String next, int width, boolean inWrappedParagraph) {
    if (previous == null || previous.isBlank() || isFence(previous) || isFence(next)) {
      return false;
    }
    if (indent(next) > indent(previous) || isListItem(next.strip()) || hasColumns(previous) || hasColumns(next)) {
      return false;
    }
    String stripped = next.strip();
    int firstWord = stripped.indexOf(' ');
    int wordLength = firstWord < 0 ? stripped.length() : firstWord;
    // The wrapper broke here because the next word did not fit (with a little slack for a
    // width measured a few characters short).
    if (previous.length() + 1 + wordLength > width - 2) {
      return true;
    }
    // A line that stops mid-sentence (no closing punctuation) inside a wrapped paragraph, or a
    // long one, is continued by the next: an editor broke it by hand.
    char last = previous.charAt(previous.length() - 1);
    return (inWrappedParagraph || 2 * previous.length() >= width) && (Character.isLetterOrDigit(last) || last == ',')
        && Character.isLetterOrDigit(stripped.codePointAt(0));
  }

  private static boolean isListItem(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char c = line.charAt(0);
    if ((c == '-' || c == '*' || c == '+' || c == '•' || c == '>' || c == '#' || c == '|') && line.length() > 1
        && (line.charAt(1) == ' ' || c == '#' || c == '>' || c == '|')) {
      return true;
    }
    int i = 0;
    while (i < line.length() && i < 3 && Character.isDigit(line.charAt(i))) {
      i++;
    }
    return i > 0 && i + 1 < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')') && line.charAt(i + 1) == ' ';
  }

  /**
   * A line of a table or preformatted text, which a wrapping program never produces: a run of
   * spaces or a tab inside it, dot leaders, or mostly figures.
   */
  static boolean hasColumns(String line) {
    int start = indent(line);
    int tokens = 0;
    int numeric = 0;
    boolean inToken = false;
    boolean digit = false;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t' || c == ' ' && i + 2 < line.length() && line.charAt(i + 1) == ' ' && line.charAt(i + 2) == ' ') {
        return true;
      }
      // Two spaces after a word (not after a sentence's end, as typists leave them) or dot
      // leaders ("Bank borrowings.......680") align columns.
      if (c == ' ' && i + 1 < line.length() && line.charAt(i + 1) == ' ' && i > 0 && ".!?:\"'”".indexOf(line.charAt(i - 1)) < 0) {
        return true;
      }
      if (c == '.' && i + 3 < line.length() && line.startsWith("...", i + 1)) {
        return true;
      }
      boolean space = c == ' ';
      if (!space && !inToken) {
        tokens++;
        digit = false;
      }
      if (!space && Character.isDigit(c) && !digit) {
        digit = true;
        numeric++;
      }
      inToken = !space;
    }
    // A line of figures is a table row even without alignment: more than a third numbers.
    return tokens > 0 && 3 * numeric > tokens;
  }

  private static boolean isFence(String line) {
    String s = line.strip();
    return s.startsWith("```") || s.startsWith("~~~");
  }

  private static boolean endsWithWordHyphen(CharSequence text) {
    int n = text.length();
    return n >= 2 && text.charAt(n - 1) == '-' && Character.isLetter(text.charAt(n - 2));
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int trimmedLength(String line) {
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static String stripTrailing(String line) {
    return line.stripTrailing();
  }
}
