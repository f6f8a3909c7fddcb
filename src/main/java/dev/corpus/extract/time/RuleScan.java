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
  private final int[] wordStarts; // ascending
  private final int wordStartCount;
  /**
   * The text holds surrogates. {@link Matcher#find} may step over the second half of a pair or
   * not, depending on the pattern; such texts are scanned by it as they always were.
   */
  private final boolean plain;

  RuleScan(String text) {
    this.text = text;
    int n = text.length();
    int[] starts = new int[Math.max(16, n / 4)];
    int count = 0;
    boolean surrogates = false;
    char previous = ' ';
    for (int p = 0; p < n; p++) {
      char c = text.charAt(p);
      surrogates |= Character.isSurrogate(c);
      if (!isAsciiLetterOrDigit(previous)) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = p;
      }
      previous = c;
    }
    this.wordStarts = starts;
    this.wordStartCount = count;
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
    // The pattern cannot match the empty string, so each search goes on from the last match's
    // end, and a match starting at p needs p < to.
    int pos = from;
    int k = firstWordStartAtOrAfter(pos);
    while (true) {
      int p;
      if (starts.notAfterWord()) {
        while (k < wordStartCount && wordStarts[k] < pos) {
          k++;
        }
        if (k == wordStartCount) {
          return;
        }
        p = wordStarts[k];
      } else {
        p = pos;
      }
      if (p >= to) {
        return;
      }
      if (starts.mayStartAt(text, p)) {
        m.region(p, to);
        if (m.lookingAt()) {
          int end = m.end();
          each.accept(m);
          pos = end;
          continue;
        }
      }
      pos = p + 1;
    }
  }

  private int firstWordStartAtOrAfter(int pos) {
    int i = Arrays.binarySearch(wordStarts, 0, wordStartCount, pos);
    return i >= 0 ? i : -i - 1;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
