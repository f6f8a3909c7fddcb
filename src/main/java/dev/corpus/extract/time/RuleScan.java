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

  /**
   * Texts longer than this are scanned pattern by pattern: the table's lists of where each
   * pattern may start take about four bytes a character (one position a character in news),
   * too much for a text of tens of megabytes; the word starts alone take one.
   */
  static final int MAX_TABLED_CHARS = 1 << 20;

  private final String text;
  /**
   * The text holds surrogates. {@link Matcher#find} may step over the second half of a pair or
   * not, depending on the pattern; such texts are scanned by it as they always were.
   */
  private final boolean plain;
  private int[] wordStarts; // ascending; found at the first pattern that needs them
  private int wordStartCount;
  private final StartTable table; // or null
  private final int[][] candidates; // by pattern of the table: where it may start, ascending
  private final int[] candidateCounts;

  /** A text to scan for patterns one by one. */
  RuleScan(String text) {
    this(text, null);
  }

  /**
   * A text to scan for the patterns of {@code table} (by their index there, with {@link
   * #each(Matcher, int, int, int, Consumer)}): where each may start is found in one pass for all.
   */
  RuleScan(String text, StartTable table) {
    this.text = text;
    boolean surrogates = false;
    for (int p = 0; p < text.length() && !surrogates; p++) {
      surrogates = Character.isSurrogate(text.charAt(p));
    }
    this.plain = surrogates;
    this.table = table;
    if (table == null || plain || text.length() > MAX_TABLED_CHARS) {
      this.candidates = null;
      this.candidateCounts = null;
      return;
    }
    int[][] at = new int[table.size()][];
    int[] counts = new int[table.size()];
    int n = text.length();
    char previous = ' ';
    for (int p = 0; p < n; p++) {
      char c = text.charAt(p);
      if (!isAsciiLetterOrDigit(previous)) {
        int first = StartTable.index(c);
        int second = p + 1 < n ? StartTable.index(text.charAt(p + 1)) : StartTable.END;
        for (int w = 0; w < table.words(); w++) {
          long mask = table.mask(first, second, w);
          while (mask != 0) {
            int k = w * 64 + Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            if (at[k] == null) {
              at[k] = new int[16];
            } else if (counts[k] == at[k].length) {
              at[k] = Arrays.copyOf(at[k], 2 * counts[k]);
            }
            at[k][counts[k]++] = p;
          }
        }
      }
      previous = c;
    }
    this.candidates = at;
    this.candidateCounts = counts;
  }

  /**
   * As {@link #each(Matcher, StartChars, int, int, Consumer)}, for the pattern of index {@code
   * pattern} in the table this scan was made with.
   */
  void each(Matcher m, int pattern, int from, int to, Consumer<Matcher> each) {
    if (candidates == null || !table.tabled(pattern)) {
      each(m, table.starts(pattern), from, to, each);
      return;
    }
    int[] at = candidates[pattern];
    int count = candidateCounts[pattern];
    if (at == null) {
      return;
    }
    int k = Arrays.binarySearch(at, 0, count, from);
    k = k >= 0 ? k : -k - 1;
    while (k < count && at[k] < to) {
      if (matchesAt(m, at[k], to)) {
        int end = m.end();
        each.accept(m);
        while (k < count && at[k] < end) {
          k++; // the next search goes on from the match's end
        }
      } else {
        k++;
      }
    }
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
