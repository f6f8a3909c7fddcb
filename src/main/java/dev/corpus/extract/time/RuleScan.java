package dev.corpus.extract.time;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * One text, scanned for the matches of many patterns: {@link #each} yields exactly the matches
 * that {@code matcher.region(from, to)} and repeated {@link Matcher#find} would, but tries the
 * pattern only at the positions where its {@link StartChars} say a match can start, instead of
 * at every character. The word starts of the text (positions not right after an ASCII letter or
 * digit) are found once and shared by all the patterns. Not thread-safe: one per text and thread.
 */
final class RuleScan {

  private final String text;
  /**
   * The text holds surrogates. {@link Matcher#find} may step over the second half of a pair or
   * not, depending on the pattern; such texts are scanned by it as they always were.
   */
  private final boolean plain;
  private int[] wordStarts; // ascending; found at the first pattern that needs them
  private int wordStartCount;

  RuleScan(String text) {
    this.text = text;
    boolean surrogates = false;
    for (int p = 0; p < text.length() && !surrogates; p++) {
      surrogates = Character.isSurrogate(text.charAt(p));
    }
    this.plain = surrogates;
  }

  /**
   * Gives {@code each} the matches of {@code m}'s pattern in {@code [from, to)} in text order,
   * as {@code m.region(from, to)} then {@code m.find()} until false would (with the bounds
   * transparency and anchoring {@code m} has), {@code m} holding each match while {@code each}
   * runs.
   */
  void each(Matcher m, StartChars starts, int from, int to, Consumer<Matcher> each) {
    if (plain || starts.anywhere()) {
      m.region(from, to);
      while (m.find()) {
        each.accept(m);
      }
      return;
    }
    // The pattern cannot match the empty string, so each search goes on from the last match's end.
    int pos = from;
    while (search(m, starts, pos, to)) {
      int end = m.end();
      each.accept(m);
      pos = end;
    }
  }

  /**
   * Whether {@code m}'s pattern matches in {@code [from, to)}, as {@code m.region(from,
   * to).find()} would say, {@code m} holding the first match when it does.
   */
  boolean finds(Matcher m, StartChars starts, int from, int to) {
    if (plain || starts.anywhere()) {
      m.region(from, to);
      return m.find();
    }
    return search(m, starts, from, to);
  }

  /** The first match starting in {@code [pos, to)} of a pattern that cannot match the empty string. */
  private boolean search(Matcher m, StartChars starts, int pos, int to) {
    if (!starts.notAfterWord()) {
      for (int p = pos; p < to; p++) {
        if (starts.mayStartAt(text, p) && matchesAt(m, p, to)) {
          return true;
        }
      }
      return false;
    }
    if (wordStarts == null) {
      findWordStarts();
    }
    for (int k = firstWordStartAtOrAfter(pos); k < wordStartCount; k++) {
      int p = wordStarts[k];
      if (p >= to) {
        return false; // a match needs a character
      }
      if (starts.mayStartAt(text, p) && matchesAt(m, p, to)) {
        return true;
      }
    }
    return false;
  }

  /** What {@link Matcher#find} tries at each position: a match starting there. */
  private static boolean matchesAt(Matcher m, int p, int to) {
    m.region(p, to);
    return m.lookingAt();
  }

  /** The positions not right after an ASCII letter or digit: a superset of where a match not after a word can start. */
  private void findWordStarts() {
    int n = text.length();
    int[] starts = new int[Math.max(16, n / 4)];
    int count = 0;
    char previous = ' ';
    for (int p = 0; p < n; p++) {
      if (!isAsciiLetterOrDigit(previous)) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = p;
      }
      previous = text.charAt(p);
    }
    wordStarts = starts;
    wordStartCount = count;
  }

  private int firstWordStartAtOrAfter(int pos) {
    int i = Arrays.binarySearch(wordStarts, 0, wordStartCount, pos);
    return i >= 0 ? i : -i - 1;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
