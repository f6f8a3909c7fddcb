package dev.corpus.extract.text;

/**
 * Converts UTF-16 indexes of one text (what {@link Tokenizer} and regular expressions give) to
 * the Unicode code point offsets every annotation reports. Free for the common text with no
 * characters outside the Basic Multilingual Plane; otherwise a binary search over where the
 * surrogate pairs are (counting from the start at each call made a long article with one emoji
 * cost its length for every token). Immutable.
 */
public final class CodePoints {

  /** The UTF-16 index of the high surrogate of each surrogate pair, in order. */
  private final int[] pairs;

  public CodePoints(String text) {
    int count = 0;
    int n = text.length();
    for (int i = 0; i + 1 < n; i++) {
      if (Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1))) {
        count++;
        i++;
      }
    }
    pairs = new int[count];
    for (int i = 0, k = 0; k < count; i++) {
      if (Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1))) {
        pairs[k++] = i++;
      }
    }
  }

  /**
   * The code point offset of UTF-16 index {@code utf16Index}: the index less one for each
   * surrogate pair wholly before it (as {@link String#codePointCount} counts).
   */
  public int of(int utf16Index) {
    if (pairs.length == 0) {
      return utf16Index;
    }
    // pairs wholly before the index: those with pairs[k] + 1 < utf16Index
    int lo = 0;
    int hi = pairs.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (pairs[mid] + 1 < utf16Index) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return utf16Index - lo;
  }
}
