package dev.corpus.ingest;

import dev.corpus.ResourceLines;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Separates an article's lines from the page furniture saved around them.
 *
 * <p>Three kinds of rule, each in a resource file so they can be read and extended without
 * touching code: whole lines that are furniture ({@code boilerplate-lines.txt}: "Skip to
 * content", "Share this article"), line patterns ({@code boilerplate-patterns.txt}: copyright
 * notices, "5 min read"), and section markers that end the article ({@code
 * boilerplate-tail.txt}: "Hot this week", "Related Articles", "Previous Article"), after which a
 * saved page holds only other stories' headlines. Navigation bars ("Home | World | Politics") are
 * recognised by shape. "Last updated" lines are taken out of the text but handed back, since they
 * carry a date.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Boilerplate {

  /** The article's lines (blank lines kept as paragraph breaks) and any "updated" lines. */
  public record Cleaned(List<String> lines, List<String> updatedLines) {}

  /** A line this long is article prose, not a heading: it opens the body for tail markers. */
  private static final int PROSE_WORDS = 15;

  private static final Pattern UPDATED =
      Pattern.compile("^(?:last\\s+)?(?:updated|modified)(?:\\s+on)?\\s*:?\\s*(.*\\d.*)$", Pattern.CASE_INSENSITIVE);
  private static final int MAX_PATTERN_LINE = 300;
  private static final Pattern NAV_SEPARATOR = Pattern.compile("\\s+[|•·»/]\\s+");

  private final Set<String> lines = new HashSet<>();
  private final Set<String> tails = new HashSet<>();
  /** All line patterns as one alternation: one matcher per line instead of one per pattern. */
  private final Pattern patterns;
  /** Longer lines cannot be a listed line or tail marker. */
  private final int maxListedLine;
  private final DateText dates = new DateText();

  public Boilerplate() {
    int longest = 0;
    for (String line : ResourceLines.read(Boilerplate.class, "boilerplate-lines.txt")) {
      lines.add(key(line));
      longest = Math.max(longest, line.length());
    }
    for (String line : ResourceLines.read(Boilerplate.class, "boilerplate-tail.txt")) {
      tails.add(key(line));
      longest = Math.max(longest, line.length());
    }
    // A line four times longer than any listed one is prose whatever its spacing: no key needed.
    maxListedLine = 4 * longest;
    List<String> alternatives = new ArrayList<>();
    for (String regex : ResourceLines.read(Boilerplate.class, "boilerplate-patterns.txt")) {
      Pattern.compile(regex); // fail on the faulty line, not on the combined pattern
      alternatives.add("(?:" + regex + ")");
    }
    patterns = Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** Removes furniture from {@code raw}, a page's text lines in order. */
  public Cleaned clean(List<String> raw) {
    return clean(raw, true);
  }

  /**
   * Removes furniture from {@code raw}; {@code tailEnds} says whether a section marker ends the
   * article (a saved page's text) or is only dropped as a line (text whose structure already
   * isolated the article, as the HTML extractor does).
   */
  public Cleaned clean(List<String> raw, boolean tailEnds) {
    List<String> kept = new ArrayList<>(raw.size());
    List<String> updated = new ArrayList<>();
    boolean proseSeen = false;
    for (String line : raw) {
      String trimmed = line.replace('\u00A0', ' ').strip();
      if (trimmed.isEmpty()) {
        kept.add("");
        continue;
      }
      // Keys are built for short lines only: building and hashing one for every paragraph of
      // every file was a twentieth of indexing time.
      String key = trimmed.length() <= maxListedLine ? key(trimmed) : null;
      if (key != null && tails.contains(key)) {
        if (proseSeen && tailEnds) {
          break;
        }
        continue;
      }
      var updatedLine = UPDATED.matcher(trimmed);
      if (updatedLine.matches() && dates.parse(updatedLine.group(1)).isPresent()) {
        updated.add(updatedLine.group(1).strip());
        continue;
      }
      if (key != null && lines.contains(key) || matchesPattern(trimmed) || isNavigation(trimmed)) {
        continue;
      }
      if (words(trimmed) >= PROSE_WORDS) {
        proseSeen = true;
      }
      kept.add(trimmed);
    }
    return new Cleaned(kept, updated);
  }

  private boolean matchesPattern(String line) {
    if (line.length() > MAX_PATTERN_LINE) {
      return false; // every pattern describes a short line of furniture
    }
    return patterns.matcher(line).matches();
  }

  /**
   * "Home | World | Politics | Business", "Subscribe | Sign in": short items between separators,
   * at least two with bars, three with other separators (a "/" or "·" joins two words in prose).
   */
  private static boolean isNavigation(String line) {
    if (line.length() > 200 || !hasSeparator(line)) {
      return false; // the cheap test first: this runs on every line of every file
    }
    String[] items = NAV_SEPARATOR.split(line);
    int needed = line.contains(" | ") ? 2 : 3;
    if (items.length < needed) {
      return false;
    }
    for (String item : items) {
      if (item.isBlank() || words(item) > (needed == 2 ? 3 : 4)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasSeparator(String line) {
    for (int i = 1; i < line.length() - 1; i++) {
      char c = line.charAt(i);
      if ((c == '|' || c == '•' || c == '·' || c == '»' || c == '/') && line.charAt(i - 1) == ' ') {
        return true;
      }
    }
    return false;
  }

  /** Number of whitespace-separated words. */
  static int words(String line) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      boolean space = Character.isWhitespace(line.charAt(i));
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }

  /**
   * Comparison key: lower case, single spaces, no trailing punctuation. Hand-written rather than
   * regular expressions: it runs on every line of every file.
   */
  static String key(String line) {
    int end = line.length();
    while (end > 0 && (Character.isWhitespace(line.charAt(end - 1)) || TRAILING.indexOf(line.charAt(end - 1)) >= 0)) {
      end--;
    }
    StringBuilder out = new StringBuilder(end);
    boolean space = false;
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  private static final String TRAILING = ":.!?»›>|…";
}
