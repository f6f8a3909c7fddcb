package dev.corpus.ingest;

import dev.corpus.ResourceLines;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises news outlet names: known agencies ({@code outlets.txt}) and short names ending in
 * an outlet word such as "News" or "Agency" ({@code outlet-words.txt}).
 */
final class Outlets {

  private static final java.util.regex.Pattern PART_SEPARATOR = java.util.regex.Pattern.compile("\\s*[-/]\\s*");
  private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "&", "for");

  private final Set<String> names = new HashSet<>();
  private final Set<String> words = new HashSet<>();

  Outlets() {
    for (String name : ResourceLines.read(Outlets.class, "outlets.txt")) {
      names.add(normal(name));
    }
    for (String word : ResourceLines.read(Outlets.class, "outlet-words.txt")) {
      words.add(word.toLowerCase(Locale.ROOT));
    }
  }

  /** True when {@code text} is one of the known outlet names. */
  boolean isKnown(String text) {
    return names.contains(normal(text));
  }

  /**
   * True when {@code text}, a whole short line or byline part, names an outlet: a known name, a
   * combination of known names ("AFP-Yonhap"), or up to six capitalised words ending in an outlet
   * word.
   */
  boolean isOutlet(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty() || Boilerplate.words(stripped) > 6 || endsLikeSentence(stripped)) {
      return !stripped.isEmpty() && names.contains(normal(text));
    }
    String n = normal(text);
    if (names.contains(n)) {
      return true;
    }
    String[] tokens = stripped.split(" +");
    String last = lettersOnly(tokens[tokens.length - 1]).toLowerCase(Locale.ROOT);
    boolean capitalised = true;
    for (String token : tokens) {
      char c = token.charAt(0);
      if (!Character.isUpperCase(c) && !Character.isDigit(c) && !CONNECTORS.contains(token)) {
        capitalised = false;
      }
    }
    if (capitalised && words.contains(last)) {
      return true;
    }
    // "AFP-Yonhap", "Reuters/AP": every part a known outlet.
    String[] parts = PART_SEPARATOR.split(n);
    if (parts.length > 1) {
      for (String part : parts) {
        if (!names.contains(part)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** True when {@code line} ends in sentence punctuation or a quote: prose, not a name. */
  static boolean endsLikeSentence(String line) {
    return !line.isEmpty() && ".!?,;:\"“”".indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  private static String lettersOnly(String token) {
    StringBuilder out = new StringBuilder(token.length());
    token.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String normal(String text) {
    String key = Boilerplate.key(text);
    return key.startsWith("the ") ? key.substring(4) : key;
  }
}
