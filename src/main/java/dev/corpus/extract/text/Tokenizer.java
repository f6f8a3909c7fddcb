package dev.corpus.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences of tokens the way newswire treebanks (and so CoNLL-2003, which the
 * entity model is trained on) do: punctuation apart, clitics ({@code 's}, {@code n't}) apart,
 * abbreviations and initials ({@code U.S.}, {@code Mr.}, {@code J.}) whole, hyphenated words and
 * numbers ({@code Jong-un}, {@code 1,000}, {@code 3.5}) whole.
 *
 * <p>Sentences end after {@code .}, {@code !} or {@code ?} (and any closing quotes) when the next
 * token opens like a sentence, and always at a blank line; none is longer than {@link
 * #MAX_SENTENCE_TOKENS}. Stateless and thread-safe.
 */
public final class Tokenizer {

  private static final String OPENING = "\"'([{“‘«";
  private static final String CLOSING = "\"')]}”’»,;:!?";
  private static final String[] CLITICS = {"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"};

  /** Capitalised words that keep their period: titles, company suffixes, months, states. */
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "maj", "capt",
      "cmdr", "adm", "sgt", "cpl", "sen", "rep", "gov", "pres", "rev", "hon", "inc", "corp", "co", "ltd",
      "plc", "bros", "dept", "univ", "assn", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "mon", "tue", "tues", "thu", "thur", "thurs", "fri", "no", "nos", "vs", "etc", "approx", "vol", "ave", "blvd", "rd",
      "calif", "fla", "conn", "penn", "ariz", "colo", "kan", "mich", "minn",
      "nev", "okla", "tenn", "tex", "wis", "ala", "ark", "ga", "ky", "md",
      "mont", "neb", "va", "vt", "wyo", "a.m", "p.m");

  /**
   * The most tokens a sentence gets. Text that never ends a sentence (an article flattened onto
   * one line by a feed, a run of figures, a list without final stops) would otherwise be one
   * sentence of the whole article, and the name finder's beam search costs more per token the
   * longer its sentence: measured on Reuters text cut into sentences of a fixed length (one
   * thread), about 47,000 tokens/s up to 400 tokens, 36,000 at 800, 7,000 at 12,800 and 1,800
   * for one sentence of 55,000. Real sentences stay well below: the longest in CoNLL-2003 has 113
   * tokens, in PolNeAR's articles 320, in {@code samples/} 61. A longer run is cut at its last
   * clause mark in the final quarter of the cap ({@link #CLAUSE_MARKS}), else at the cap.
   */
  public static final int MAX_SENTENCE_TOKENS = 400;

  /**
   * The most characters a rule that scans the raw text for a sentence's ends (the date and claim
   * stages) looks on either side of a position: the character counterpart of {@link
   * #MAX_SENTENCE_TOKENS}, so that a text without sentence ends costs such a rule a bounded scan
   * per expression, not the rest of the article. The longest real sentence seen is 1,920
   * characters (PolNeAR's training articles); 4,000 is twice that, and 400 tokens of ten.
   */
  public static final int MAX_SENTENCE_CHARS = 4_000;

  /** Where an over-long sentence is preferably cut: after a clause mark. */
  private static final Set<String> CLAUSE_MARKS = Set.of(",", ";", ":", "—", "–", "--");

  /** A sentence: its tokens, in order. */
  public record Sentence(List<Token> tokens) {}

  /** The tokens of {@code text}, in sentences. */
  public List<Sentence> sentences(String text) {
    List<Sentence> sentences = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int i = 0;
    int n = text.length();
    int lastEnd = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      if (!current.isEmpty() && blankLineBetween(text, lastEnd, start)) {
        sentences.add(new Sentence(List.copyOf(current)));
        current.clear();
      }
      int before = current.size();
      split(text, start, i, current);
      lastEnd = i;
      // A sentence boundary can only fall before a chunk's first token: look at what closed the
      // previous chunk and what opens this one.
      if (before > 0 && endsSentence(current, before)) {
        List<Token> head = new ArrayList<>(current.subList(0, before));
        List<Token> tail = new ArrayList<>(current.subList(before, current.size()));
        sentences.add(new Sentence(List.copyOf(head)));
        current = tail;
      }
      while (current.size() > MAX_SENTENCE_TOKENS) {
        int cut = cutPoint(current);
        sentences.add(new Sentence(List.copyOf(current.subList(0, cut))));
        current = new ArrayList<>(current.subList(cut, current.size()));
      }
    }
    if (!current.isEmpty()) {
      sentences.add(new Sentence(List.copyOf(current)));
    }
    return sentences;
  }

  /** Where a sentence over {@link #MAX_SENTENCE_TOKENS} is cut: its first part's token count. */
  private static int cutPoint(List<Token> tokens) {
    for (int k = MAX_SENTENCE_TOKENS; k > MAX_SENTENCE_TOKENS * 3 / 4; k--) {
      if (CLAUSE_MARKS.contains(tokens.get(k - 1).text())) {
        return k;
      }
    }
    return MAX_SENTENCE_TOKENS;
  }

  /** All tokens of {@code text}, ignoring sentences. */
  public List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    for (Sentence s : sentences(text)) {
      tokens.addAll(s.tokens());
    }
    return tokens;
  }

  /**
   * Whitespace, including the no-break and other Unicode spaces and the zero-width space that
   * pasted web text carries ("schools.\u00a0\n“Nobody"): Java's {@code isWhitespace} leaves
   * those in a word, which then hid a sentence end.
   */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
  }

  /** Whether {@code text} holds a blank line (two line breaks) between {@code from} and {@code to}: a paragraph break. */
  public static boolean blankLineBetween(String text, int from, int to) {
    int newlines = 0;
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == '\n' && ++newlines >= 2) {
        return true;
      }
    }
    return false;
  }

  /** Whether a sentence ends between token {@code at - 1} and token {@code at}. */
  private static boolean endsSentence(List<Token> tokens, int at) {
    int k = at - 1;
    while (k >= 0 && isClosingQuote(tokens.get(k).text())) {
      k--;
    }
    if (k < 0) {
      return false;
    }
    String last = tokens.get(k).text();
    if (!(last.equals(".") || last.equals("!") || last.equals("?") || last.equals("..."))) {
      return false;
    }
    String next = tokens.get(at).text();
    int cp = next.codePointAt(0);
    return Character.isUpperCase(cp) || Character.isDigit(cp) || OPENING.indexOf(cp) >= 0;
  }

  private static boolean isClosingQuote(String t) {
    return t.equals("\"") || t.equals("'") || t.equals("”") || t.equals("’") || t.equals(")");
  }

  /** Splits the whitespace-free chunk {@code text[start, end)} into tokens. */
  private static void split(String text, int start, int end, List<Token> out) {
    List<Token> trailing = new ArrayList<>();
    // Leading punctuation, one character a token.
    while (start < end && OPENING.indexOf(text.charAt(start)) >= 0) {
      out.add(new Token(text.substring(start, start + 1), start, start + 1));
      start++;
    }
    while (start < end) {
      char c = text.charAt(end - 1);
      if (CLOSING.indexOf(c) >= 0) {
        trailing.add(0, new Token(String.valueOf(c), end - 1, end));
        end--;
      } else if (end - start >= 3 && text.startsWith("...", end - 3)) {
        trailing.add(0, new Token("...", end - 3, end));
        end -= 3;
      } else if (c == '.' && !keepsPeriod(text.substring(start, end - 1))) {
        trailing.add(0, new Token(".", end - 1, end));
        end--;
      } else {
        break;
      }
    }
    if (start < end) {
      splitDashes(text, start, end, out);
    }
    out.addAll(trailing);
  }

  /** Splits em dashes and double hyphens out of a word, then its clitic. */
  private static void splitDashes(String text, int start, int end, List<Token> out) {
    int from = start;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      int width = c == '—' || c == '–' ? 1 : (c == '-' && k + 1 < end && text.charAt(k + 1) == '-') ? 2 : 0;
      if (width > 0 && (k > start || k + width < end)) {
        if (k > from) {
          splitClitic(text, from, k, out);
        }
        out.add(new Token(text.substring(k, k + width), k, k + width));
        from = k + width;
        k += width - 1;
      }
    }
    if (from < end) {
      splitClitic(text, from, end, out);
    }
  }

  private static void splitClitic(String text, int start, int end, List<Token> out) {
    String word = text.substring(start, end);
    String lower = word.toLowerCase(Locale.ROOT);
    for (String clitic : CLITICS) {
      if (lower.endsWith(clitic) && lower.length() > clitic.length()) {
        int cut = end - clitic.length();
        out.add(new Token(text.substring(start, cut), start, cut));
        out.add(new Token(text.substring(cut, end), cut, end));
        return;
      }
    }
    if ((lower.endsWith("s'") || lower.endsWith("s’")) && lower.length() > 2) {
      out.add(new Token(text.substring(start, end - 1), start, end - 1));
      out.add(new Token(text.substring(end - 1, end), end - 1, end));
      return;
    }
    out.add(new Token(word, start, end));
  }

  /** Titles before a name: a period after them never ends a sentence ("Mr. Podesta said"). */
  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl",
      "sen", "rep", "gov", "pres", "rev", "hon", "st", "mt");

  /**
   * Whether a period after {@code word} cannot end a sentence: after a title ("Mr.") or an
   * initial ("John F."). Company suffixes and months can end one, so they do not count.
   */
  public static boolean periodNeverEnds(String word) {
    if (word.length() == 1) {
      return Character.isUpperCase(word.charAt(0));
    }
    return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && TITLES.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code word} (without its final period) is an abbreviation or an initial. */
  private static boolean keepsPeriod(String word) {
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true;
    }
    if (word.indexOf('.') > 0 && Character.isLetter(word.charAt(word.length() - 1))) {
      return true; // U.S, N.Y, a.m
    }
    // Only capitalised: "no." or "est." ending a sentence must still end it.
    return Character.isUpperCase(word.charAt(0)) && ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }
}
