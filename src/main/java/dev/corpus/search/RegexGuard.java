package dev.corpus.search;

/**
 * Refuses a {@code /regular expression/} of a query whose repetitions nest too deep, before
 * Lucene builds its automaton. Lucene expands {@code x+} to {@code xx*} and {@code x{2,3}} to
 * copies of {@code x}, so each quantifier applied to an already repeated expression multiplies
 * the automaton: {@code /x++++++++++++/} took a second and {@code /x{2,3}{2,3}…/} (twelve times)
 * eight, before Lucene's own complexity limit gave up; a fuzzed query with sixty {@code +} never
 * ended. Real searches repeat a letter or a group once ({@code /colou?r/}, {@code /(ab)+c/}).
 *
 * <p>The rule: along any nesting, at most {@value #MAX_DEPTH} quantifiers, and the product of their
 * upper bounds (2 for {@code + * ?}, {@code n} for {@code {m,n}}) at most {@value #MAX_EXPANSION}.
 */
final class RegexGuard {

  static final int MAX_DEPTH = 3;
  static final long MAX_EXPANSION = 1000;

  private RegexGuard() {}

  /** Thrown for a regular expression over the limits; its message says which and where. */
  static final class TooComplex extends IllegalArgumentException {
    TooComplex(String message) {
      super(message);
    }
  }

  /**
   * Checks {@code regex} (without its slashes).
   *
   * @throws TooComplex naming the position ("at position N", 0-based, as Lucene's own messages do)
   */
  static void check(String regex) {
    // For each open group: the deepest nesting and the largest expansion inside it so far.
    int[] depth = new int[regex.length() + 2];
    long[] expansion = new long[regex.length() + 2];
    int level = 0;
    int atomDepth = 0; // of the last atom (a character, a class, a closed group)
    long atomExpansion = 1;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      switch (c) {
        case '\\' -> {
          i++; // an escaped character is one atom
          atomDepth = 0;
          atomExpansion = 1;
        }
        case '[' -> {
          int close = regex.indexOf(']', i + 1);
          i = close < 0 ? regex.length() : close;
          atomDepth = 0;
          atomExpansion = 1;
        }
        case '(' -> {
          level++;
          depth[level] = 0;
          expansion[level] = 1;
          atomDepth = 0;
          atomExpansion = 1;
        }
        case ')' -> {
          atomDepth = level > 0 ? depth[level] : 0;
          atomExpansion = level > 0 ? expansion[level] : 1;
          level = Math.max(0, level - 1);
        }
        case '+', '*', '?', '{' -> {
          long bound = 2;
          if (c == '{') {
            int close = regex.indexOf('}', i);
            bound = upperBound(close < 0 ? "" : regex.substring(i + 1, close));
            i = close < 0 ? regex.length() : close;
          }
          atomDepth++;
          atomExpansion = atomExpansion * Math.max(2, bound);
          if (atomDepth > MAX_DEPTH) {
            throw new TooComplex("repetitions nest " + atomDepth + " deep at position " + i
                + " (at most " + MAX_DEPTH + ", as in /(ab+)+/)");
          }
          if (atomExpansion > MAX_EXPANSION) {
            throw new TooComplex("repetitions multiply the expression " + atomExpansion + " times at position " + i
                + " (at most " + MAX_EXPANSION + ")");
          }
        }
        default -> {
          atomDepth = 0;
          atomExpansion = 1;
        }
      }
      if (level > 0) {
        depth[level] = Math.max(depth[level], atomDepth);
        expansion[level] = Math.max(expansion[level], atomExpansion);
      }
    }
  }

  /** The upper bound of {@code m}, {@code m,} or {@code m,n}: a large number when open or unreadable. */
  private static long upperBound(String inside) {
    String[] parts = inside.split(",", -1);
    String last = parts[parts.length - 1].strip();
    if (last.isEmpty() || !last.chars().allMatch(Character::isDigit) || last.length() > 9) {
      return parts.length > 1 ? 2 : MAX_EXPANSION + 1; // {m,} is like +; {} or {x} is malformed anyway
    }
    return Long.parseLong(last);
  }
}
