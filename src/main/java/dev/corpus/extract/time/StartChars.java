package dev.corpus.extract.time;

import java.util.regex.Pattern;

/**
 * The characters a match of a regular expression can start with, and the pairs of characters
 * its matches of two characters or more can start with, read from the expression's source:
 * always supersets of the true sets, so that skipping a position whose characters are not in
 * them never loses a match. Lets {@link RuleScan} try a rule's pattern only where it could
 * match, instead of at every character of the text as {@link java.util.regex.Matcher#find} does
 * (most positions of a news text start no month, weekday, number or unit, and a month rule
 * tried at "may" need not be tried at "most"). Immutable.
 *
 * <p>What the reading does not understand, it takes as "any character" (or "any position" for
 * an expression that may match the empty string): such an expression is then tried everywhere,
 * as before. Letters count in both cases whatever the flags, and a letter or any class beyond
 * plain ASCII admits every non-ASCII character too (all of which count as one).
 */
final class StartChars {

  /**
   * The prefix {@link TimexRules} puts before every rule and trigger: a match never starts right
   * after a letter or digit.
   */
  static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";

  /** Index of every character from 128 on in the sets below. */
  private static final int NON_ASCII = 128;

  private final Chars first;
  private final Chars single; // the characters a match of exactly one character can be
  private final Chars[] second; // by first character: what the second can be, or null for nothing
  private final boolean anywhere; // the expression may match the empty string: no position can be skipped
  private final boolean notAfterWord;

  private StartChars(Node node, boolean notAfterWord) {
    this.first = node.first;
    this.single = node.single;
    this.second = node.second;
    this.anywhere = node.nullable;
    this.notAfterWord = notAfterWord;
  }

  /** What {@code pattern}'s source says about where its matches can start. */
  static StartChars of(Pattern pattern) {
    String regex = pattern.pattern();
    boolean notAfterWord = regex.startsWith(NOT_AFTER_WORD);
    Node node;
    try {
      node = new Reader(notAfterWord ? regex.substring(NOT_AFTER_WORD.length()) : regex).read();
    } catch (RuntimeException e) {
      node = Node.of(Chars.any());
      node.nullable = true; // a construct this reading does not know: try everywhere
    }
    return new StartChars(node, notAfterWord);
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
    return first.has(index(c));
  }

  /**
   * Whether a match may start at {@code text[p]}, by that character and the next (not counting
   * the word-start condition of {@link #notAfterWord}).
   */
  boolean mayStartAt(String text, int p) {
    int c = index(text.charAt(p));
    if (!first.has(c)) {
      return false;
    }
    if (single.has(c)) {
      return true;
    }
    Chars next = second[c];
    return next != null && p + 1 < text.length() && next.has(index(text.charAt(p + 1)));
  }

  /**
   * Whether a match may start with the characters of indexes {@code first} and {@code second}
   * (a character below 128, or 128 for any other), {@code second} -1 when the text ends after
   * the first.
   */
  boolean mayStartWith(int first, int second) {
    if (!this.first.has(first)) {
      return false;
    }
    if (single.has(first)) {
      return true;
    }
    return second >= 0 && this.second[first] != null && this.second[first].has(second);
  }

  private static int index(char c) {
    return c < NON_ASCII ? c : NON_ASCII;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("[");
    for (int c = 0; c <= NON_ASCII; c++) {
      if (first.has(c)) {
        out.append(name(c));
        if (second[c] != null && !single.has(c)) {
          out.append('(');
          for (int d = 0; d <= NON_ASCII; d++) {
            if (second[c].has(d)) {
              out.append(name(d));
            }
          }
          out.append(')');
        }
      }
    }
    return out.append(anywhere ? " +empty" : "").append(notAfterWord ? " not after a word" : "").append(']').toString();
  }

  private static String name(int c) {
    return c == NON_ASCII ? "<non-ASCII>" : c < ' ' ? String.format("\\x%02x", c) : String.valueOf((char) c);
  }

  /** A set of characters below 128, with all the others as one more. */
  private static final class Chars {
    long low;
    long high;
    boolean nonAscii;

    static Chars any() {
      Chars c = new Chars();
      c.low = -1L;
      c.high = -1L;
      c.nonAscii = true;
      return c;
    }

    boolean has(int c) {
      return c < 64 ? (low & (1L << c)) != 0 : c < NON_ASCII ? (high & (1L << (c - 64))) != 0 : nonAscii;
    }

    boolean isEmpty() {
      return low == 0 && high == 0 && !nonAscii;
    }

    /** Adds {@code c} in both cases when it is a letter. */
    void add(char c) {
      if (c >= NON_ASCII) {
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

    void addAll(Chars other) {
      low |= other.low;
      high |= other.high;
      nonAscii |= other.nonAscii;
    }
  }

  /**
   * What a piece of the expression can match: its first characters, the characters it can
   * match alone, the pairs its matches of two characters or more begin with, and whether it can
   * match the empty string.
   */
  private static final class Node {
    Chars first = new Chars();
    Chars single = new Chars();
    Chars[] second = new Chars[NON_ASCII + 1];
    boolean nullable;

    /** Matches nothing but the empty string (a lookaround, an anchor, an empty sequence). */
    static Node empty() {
      Node n = new Node();
      n.nullable = true;
      return n;
    }

    /** Matches one character of {@code chars}. */
    static Node of(Chars chars) {
      Node n = new Node();
      n.first.addAll(chars);
      n.single.addAll(chars);
      return n;
    }

    private void addPairs(Chars firsts, Chars seconds) {
      if (seconds.isEmpty()) {
        return;
      }
      for (int c = 0; c <= NON_ASCII; c++) {
        if (firsts.has(c)) {
          if (second[c] == null) {
            second[c] = new Chars();
          }
          second[c].addAll(seconds);
        }
      }
    }

    private void addPairs(Node other) {
      for (int c = 0; c <= NON_ASCII; c++) {
        if (other.second[c] != null) {
          if (second[c] == null) {
            second[c] = new Chars();
          }
          second[c].addAll(other.second[c]);
        }
      }
    }

    /** This, then {@code next}. */
    void then(Node next) {
      addPairs(single, next.first);
      if (nullable) {
        addPairs(next);
      }
      Chars singles = new Chars();
      if (next.nullable) {
        singles.addAll(single);
      }
      if (nullable) {
        singles.addAll(next.single);
        first.addAll(next.first);
      }
      single = singles;
      nullable &= next.nullable;
    }

    /** This, or {@code other}. */
    void or(Node other) {
      first.addAll(other.first);
      single.addAll(other.single);
      addPairs(other);
      nullable |= other.nullable;
    }

    /** This, more than once in a row. */
    void repeated() {
      addPairs(single, first);
    }
  }

  /** A recursive reading of the regular-expression syntax the rules use. */
  private static final class Reader {
    private final String s;
    private int i;

    Reader(String s) {
      this.s = s;
    }

    Node read() {
      Node out = alternation();
      if (i != s.length()) {
        throw new IllegalArgumentException("unbalanced ) at " + i);
      }
      return out;
    }

    private Node alternation() {
      Node out = sequence();
      while (i < s.length() && s.charAt(i) == '|') {
        i++;
        out.or(sequence());
      }
      return out;
    }

    private Node sequence() {
      Node out = Node.empty();
      while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
        out.then(quantified());
      }
      return out;
    }

    private Node quantified() {
      Node atom = atom();
      if (i >= s.length()) {
        return atom;
      }
      char q = s.charAt(i);
      if (q == '?') {
        i++;
        atom.nullable = true;
      } else if (q == '*' || q == '+') {
        i++;
        atom.repeated();
        atom.nullable |= q == '*';
      } else if (q == '{') {
        int close = s.indexOf('}', i);
        String[] bounds = s.substring(i + 1, close).split(",", -1);
        int min = Integer.parseInt(bounds[0].strip());
        int max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
        i = close + 1;
        if (max >= 2) {
          atom.repeated();
        }
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

    private Node atom() {
      char c = s.charAt(i++);
      switch (c) {
        case '(' -> {
          return group();
        }
        case '[' -> {
          return Node.of(charClass());
        }
        case '\\' -> {
          Chars escaped = escape();
          return escaped == null ? Node.empty() : Node.of(escaped);
        }
        case '.' -> {
          return Node.of(Chars.any());
        }
        case '^', '$' -> {
          return Node.empty();
        }
        case ')', '|', '?', '*', '+', '{' -> throw new IllegalArgumentException("unexpected " + c + " at " + (i - 1));
        default -> {
          if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("a supplementary character"); // one code point, two chars
          }
          Chars out = new Chars();
          out.add(c);
          return Node.of(out);
        }
      }
    }

    /** After "(": a group, a lookaround or inline flags. */
    private Node group() {
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
            return Node.empty();
          }
          if (end != ':') {
            throw new IllegalArgumentException("unknown group at " + i);
          }
        }
      }
      Node inner = alternation();
      if (i >= s.length() || s.charAt(i) != ')') {
        throw new IllegalArgumentException("unclosed group");
      }
      i++;
      return zeroWidth ? Node.empty() : inner; // a lookaround consumes nothing
    }

    /** After a backslash: the characters of an escape, or null for a zero-width one (a word boundary). */
    private Chars escape() {
      char c = s.charAt(i++);
      Chars out = new Chars();
      switch (c) {
        case 'b', 'B', 'A', 'G', 'Z', 'z' -> {
          return null;
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
          for (char w = 0; w < NON_ASCII; w++) {
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
            return Chars.any();
          }
          out.add(c); // an escaped dot, dash, quote...
        }
      }
      return out;
    }

    /** After "[": a character class, without intersections or nested classes. */
    private Chars charClass() {
      Chars out = new Chars();
      if (s.charAt(i) == '^') {
        i = classEnd() + 1;
        return Chars.any(); // a negated class: anything, to stay a superset
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
          Chars escaped = escape();
          if (escaped == null) {
            throw new IllegalArgumentException("a boundary in a class");
          }
          out.addAll(escaped);
          continue;
        }
        if (s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          char to = s.charAt(i + 1);
          if (to == '\\' || to == '[') {
            throw new IllegalArgumentException("range to an escape");
          }
          i += 2;
          for (int k = c; k <= to; k++) {
            out.add((char) Math.min(k, NON_ASCII));
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
