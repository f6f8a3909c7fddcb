package dev.corpus.extract.time;

import java.util.List;

/**
 * Many patterns' {@link StartChars} as one table: for each pair of a first and a second
 * character, which of the patterns may start there. With it {@link RuleScan} reads a text's word
 * starts once for all the rules and triggers, instead of once for each. Only patterns that never
 * start right after a word and cannot match the empty string are in the table ({@link
 * #tabled}); the others are scanned one by one. Immutable.
 */
final class StartTable {

  /** Index of every character from 128 on. */
  static final int NON_ASCII = 128;
  /** Second-character index meaning "the text ends after the first". */
  static final int END = 129;
  private static final int SECONDS = END + 1;

  private final List<StartChars> starts;
  private final int words; // longs per cell
  private final long[] masks; // by cell (first * SECONDS + second), then word
  private final boolean[] tabled;

  StartTable(List<StartChars> starts) {
    this.starts = List.copyOf(starts);
    this.words = (starts.size() + 63) / 64;
    this.masks = new long[(NON_ASCII + 1) * SECONDS * words];
    this.tabled = new boolean[starts.size()];
    for (int k = 0; k < starts.size(); k++) {
      StartChars s = starts.get(k);
      tabled[k] = s.notAfterWord() && !s.anywhere();
      if (!tabled[k]) {
        continue;
      }
      for (int first = 0; first <= NON_ASCII; first++) {
        for (int second = 0; second < SECONDS; second++) {
          if (s.mayStartWith(first, second == END ? -1 : second)) {
            masks[(first * SECONDS + second) * words + k / 64] |= 1L << (k % 64);
          }
        }
      }
    }
  }

  int size() {
    return starts.size();
  }

  StartChars starts(int pattern) {
    return starts.get(pattern);
  }

  /** Whether the pattern is in the table: it never starts after a word and never matches the empty string. */
  boolean tabled(int pattern) {
    return tabled[pattern];
  }

  int words() {
    return words;
  }

  /** Word {@code word} of the set of tabled patterns that may start with characters {@code first}, {@code second} (indexes). */
  long mask(int first, int second, int word) {
    return masks[(first * SECONDS + second) * words + word];
  }

  /** The index of a character in the table. */
  static int index(char c) {
    return c < NON_ASCII ? c : NON_ASCII;
  }
}
