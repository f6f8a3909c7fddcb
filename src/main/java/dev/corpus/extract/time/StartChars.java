package dev.corpus.extract.time;

import java.util.regex.Pattern;

/**
 * The characters a match of a regular expression can start with, read from the expression's
 * source: always a superset of the true set, so that skipping a position whose character is not
 * in it never loses a match. Lets {@link RuleScan} try a rule's pattern only where it could
 * match, instead of at every character of the text as {@link java.util.regex.Matcher#find} does
 * (most positions of a news text start no month, weekday, number or unit). Immutable.
 *
 * <p>What the reading does not understand, it takes as "any character" (or "any position" for
 * an expression that may match the empty string): such an expression is then tried everywhere,
 * as before. Letters count in both cases whatever the flags, and a letter or any class beyond
 * plain ASCII admits every non-ASCII character too.
 */
final class StartChars {

  /**
   * The prefix {@link TimexRules} puts before every rule and trigger: a match never starts right
   * after a letter or digit.
   */
  static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";

  private final long low; // characters 0-63
  private final long high; // characters 64-127
  private final boolean nonAscii; // every character from 128 on
  private final boolean anywhere; // the expression may match the empty string: no position can be skipped
  private final boolean notAfterWord;

  private StartChars(long low, long high, boolean nonAscii, boolean anywhere, boolean notAfterWord) {
    this.low = low;
    this.high = high;
    this.nonAscii = nonAscii;
    this.anywhere = anywhere;
    this.notAfterWord = notAfterWord;
  }

  /** What {@code pattern}'s source says about where its matches can start. */
  static StartChars of(Pattern pattern) {
    String regex = pattern.pattern();
    boolean notAfterWord = regex.startsWith(NOT_AFTER_WORD);
    Set first;
    try {
      first = new Reader(notAfterWord ? regex.substring(NOT_AFTER_WORD.length()) : regex).read();
    } catch (RuntimeException e) {
      first = Set.any(true); // a construct this reading does not know: try everywhere
    }
    return new StartChars(first.low, first.high, first.nonAscii, first.nullable, notAfterWord);
  }

  /** Whether every position must be tried (the expression may match the empty string). */
  boolean anywhere() {
    return anywhere;
  }

  /** Whether a match cannot start right after a letter or digit. */
  boolean notAfterWord() {
    return notAfterWord;
  }

  /** Whether a match may start with {@code c}. */
  boolean admits(char c) {
    if (c < 64) {
      return (low & (1L << c)) != 0;
    }
    if (c < 128) {
      return (high & (1L << (c - 64))) != 0;
    }
    return nonAscii;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("[");
    for (char c = 0; c < 128; c++) {
      if (admits(c)) {
        out.append(c < ' ' ? String.format("\\x%02x", (int) c) : String.valueOf(c));
      }
    }
    return out.append(nonAscii ? " +non-ASCII" : "").append(anywhere ? " +empty" : "")
        .append(notAfterWord ? " not after a word" : "").append(']').toString();
  }

  /** A set of first characters, and whether the empty string matches. */
  private static final class Set {
    long low;
    long high;
    boolean nonAscii;
    boolean nullable;

    static Set empty(boolean nullable) {
      Set s = new Set();
      s.nullable = nullable;
      return s;
    }

    static Set any(boolean nullable) {
      Set s = empty(nullable);
      s.low = -1L;
      s.high = -1L;
      s.nonAscii = true;
      return s;
    }

    void add(char c) {
      if (c >= 128) {
        nonAscii = true;
        return;
      }
      set(c);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        set(Character.toLowerCase(c));
        set(Character.toUpperCase(c));
        nonAscii = true; // case-insensitive matching may fold a non-ASCII letter (the Kelvin sign) to it
      }
    }

    private void set(char c) {
      if (c < 64) {
        low |= 1L << c;
      } else {
        high |= 1L << (c - 64);
      }
    }

    void addAll(Set other) {
      low |= other.low;
      high |= other.high;
      nonAscii |= other.nonAscii;
    }
  }

  /** A recursive reading of the regular-expression syntax the rules use. */
  private static final class Reader {
    private final String s;
    private int i;

    Reader(String s) {
      this.s = s;
    }

    Set read() {
      Set out = alternation();
      if (i != s.length()) {
        throw new IllegalArgumentException("unbalanced ) at " + i);
      }
      return out;
    }

    private Set alternation() {
      Set out = sequence();
      while (i < s.length() && s.charAt(i) == '|') {
        i++;
        Set next = sequence();
        out.addAll(next);
        out.nullable |= next.nullable;
      }
      return out;
    }

    private Set sequence() {
      Set out = Set.empty(true);
      while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
        Set item = quantified();
        if (out.nullable) { // every item so far may be empty: this one may start the match
          out.addAll(item);
          out.nullable = item.nullable;
        }
      }
      return out;
    }

    private Set quantified() {
      Set atom = atom();
      if (i >= s.length()) {
        return atom;
      }
      char q = s.charAt(i);
      if (q == '?' || q == '*') {
        i++;
        atom.nullable = true;
      } else if (q == '+') {
        i++;
      } else if (q == '{') {
        int close = s.indexOf('}', i);
        String bounds = s.substring(i + 1, close);
        int min = Integer.parseInt(bounds.split(",", -1)[0].strip());
        i = close + 1;
        if (min == 0) {
          atom.nullable = true;
        }
      } else {
        return atom;
      }
      if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '+')) {
        i++; // lazy or possessive: the same characters
      }
      return atom;
    }

    private Set atom() {
      char c = s.charAt(i++);
      switch (c) {
        case '(' -> {
          return group();
        }
        case '[' -> {
          return charClass();
        }
        case '\\' -> {
          return escape();
        }
        case '.' -> {
          return Set.any(false);
        }
        case '^', '$' -> {
          return Set.empty(true);
        }
        case ')', '|', '?', '*', '+', '{' -> throw new IllegalArgumentException("unexpected " + c + " at " + (i - 1));
        default -> {
          Set out = Set.empty(false);
          out.add(c);
          if (Character.isHighSurrogate(c) && i < s.length()) {
            i++; // a supplementary character: non-ASCII either way
          }
          return out;
        }
      }
    }

    /** After "(": a group, a lookaround or inline flags. */
    private Set group() {
      boolean zeroWidth = false;
      if (s.startsWith("?", i)) {
        i++;
        char k = s.charAt(i);
        if (k == ':' || k == '>') {
          i++;
        } else if (k == '=' || k == '!') {
          i++;
          zeroWidth = true;
        } else if (k == '<') {
          char n = s.charAt(i + 1);
          if (n == '=' || n == '!') {
            i += 2;
            zeroWidth = true;
          } else { // a named group: (?<name>
            i = s.indexOf('>', i) + 1;
            if (i == 0) {
              throw new IllegalArgumentException("unclosed group name");
            }
          }
        } else { // flags: (?-i:...) or (?i)
          while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
          }
          char end = s.charAt(i++);
          if (end == ')') {
            return Set.empty(true);
          }
          if (end != ':') {
            throw new IllegalArgumentException("unknown group at " + i);
          }
        }
      }
      Set inner = alternation();
      if (i >= s.length() || s.charAt(i) != ')') {
        throw new IllegalArgumentException("unclosed group");
      }
      i++;
      return zeroWidth ? Set.empty(true) : inner; // a lookaround consumes nothing
    }

    /** After "\": an escaped character or a predefined class. */
    private Set escape() {
      char c = s.charAt(i++);
      Set out = Set.empty(false);
      switch (c) {
        case 'b', 'B', 'A', 'G', 'Z', 'z' -> {
          return Set.empty(true);
        }
        case 'd' -> {
          for (char d = '0'; d <= '9'; d++) {
            out.add(d);
          }
          out.nonAscii = true; // as if digits were Unicode ones too: a superset is safe
        }
        case 's' -> {
          for (char w : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
            out.add(w);
          }
          out.nonAscii = true;
        }
        case 'w' -> {
          for (char w = 0; w < 128; w++) {
            if (Character.isLetterOrDigit(w) || w == '_') {
              out.add(w);
            }
          }
        }
        case 't' -> out.add('\t');
        case 'n' -> out.add('\n');
        case 'r' -> out.add('\r');
        case 'f' -> out.add('\f');
        default -> {
          if (Character.isLetterOrDigit(c)) {
            // \p{..}, \D, \S, \W, hexadecimal and octal escapes, back references: anything
            if ((c == 'p' || c == 'P') && i < s.length() && s.charAt(i) == '{') {
              i = s.indexOf('}', i) + 1;
            } else if (c == 'p' || c == 'P') {
              i++;
            } else if (c != 'D' && c != 'S' && c != 'W') {
              throw new IllegalArgumentException("unknown escape \\" + c);
            }
            return Set.any(false);
          }
          out.add(c); // \. \- \' \$ ...
        }
      }
      return out;
    }

    /** After "[": a character class, without intersections or nested classes. */
    private Set charClass() {
      Set out = Set.empty(false);
      if (s.charAt(i) == '^') {
        int close = classEnd();
        i = close + 1;
        return Set.any(false); // a negated class: anything, to stay a superset
      }
      boolean first = true;
      while (true) {
        char c = s.charAt(i++);
        if (c == ']' && !first) {
          return out;
        }
        if (c == '[' || c == '&' && s.charAt(i) == '&') {
          throw new IllegalArgumentException("nested class");
        }
        first = false;
        if (c == '\\') {
          out.addAll(escape());
          continue;
        }
        if (s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          char to = s.charAt(i + 1);
          if (to == '\\' || to == '[') {
            throw new IllegalArgumentException("range to an escape");
          }
          i += 2;
          for (int k = c; k <= to; k++) {
            out.add((char) Math.min(k, 128));
          }
          continue;
        }
        out.add(c);
      }
    }

    private int classEnd() {
      int k = i + 1;
      while (s.charAt(k) != ']' || k == i + 1) {
        if (s.charAt(k) == '\\') {
          k++;
        } else if (s.charAt(k) == '[') {
          throw new IllegalArgumentException("nested class");
        }
        k++;
      }
      return k;
    }
  }
}
