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
 * saved page holds only other stories' headlines. Navigation bars ("Home | World | Politics"),
 * breadcrumbs and the furniture of {@link LineShapes} (captions, credits, share rows, read times)
 * are recognised by shape; teaser headings that extend a tail marker end the article when no
 * prose follows; bios, follow prompts and appeals go from the foot of the page; and the lines of
 * the page's {@link SiteTemplate}, when one is given, from its top and bottom. "Last updated" lines are taken out of the text but handed back, since they
 * carry a date.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Boilerplate {

  /** The article's lines (blank lines kept as paragraph breaks) and any "updated" lines. */
  public record Cleaned(List<String> lines, List<String> updatedLines, String copyrightHolder) {

    /** Lines and "updated" lines, with no copyright holder. */
    public Cleaned(List<String> lines, List<String> updatedLines) {
      this(lines, updatedLines, null);
    }
  }

  /**
   * "© 2024 The Daily Ledger. All rights reserved.": the holder, a site's name, names the outlet
   * of a page that prints it nowhere else.
   */
  private static final Pattern COPYRIGHT =
      Pattern.compile("^(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*,?\\s*)?"
          + "(\\p{Lu}[\\p{L}&'’ .-]{1,60}?)\\s*(?:[.,]\\s*all rights reserved.*|[.,]?)$", Pattern.CASE_INSENSITIVE);

  /** A line this long is article prose, not a heading: it opens the body for tail markers. */
  private static final int PROSE_WORDS = 15;

  private static final Pattern UPDATED =
      Pattern.compile("^(?:last\\s+)?(?:updated|modified)(?:\\s+on)?\\s*:?\\s*(.*\\d.*)$", Pattern.CASE_INSENSITIVE);
  private static final int MAX_PATTERN_LINE = 300;
  private static final Pattern NAV_SEPARATOR = Pattern.compile("\\s+[|•·»›>/]\\s+");
  /** The last lines of a page looked at for a foot of bios, credits and appeals. */
  private static final int FOOT_LINES = 6;

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
    return clean(raw, SiteTemplate.NONE, true);
  }

  /**
   * Removes furniture from {@code raw}; {@code tailEnds} says whether a section marker ends the
   * article (a saved page's text) or is only dropped as a line (text whose structure already
   * isolated the article, as the HTML extractor does).
   */
  public Cleaned clean(List<String> raw, boolean tailEnds) {
    return clean(raw, SiteTemplate.NONE, tailEnds);
  }

  /**
   * Removes furniture from {@code raw}, and the lines of its site's {@code template} near its top
   * and bottom, except the first line (where a site prints its name, the outlet) and bylines.
   */
  public Cleaned clean(List<String> raw, SiteTemplate template) {
    return clean(raw, template, true);
  }

  /** Removes furniture as {@link #clean(List, SiteTemplate)}, with a section marker ending the article when {@code tailEnds}. */
  public Cleaned clean(List<String> raw, SiteTemplate template, boolean tailEnds) {
    List<String> kept = new ArrayList<>(raw.size());
    List<String> updated = new ArrayList<>();
    boolean proseSeen = false;
    String holder = null;
    int nonBlankTotal = 0;
    if (!template.isEmpty()) {
      for (String line : raw) {
        nonBlankTotal += line.isBlank() ? 0 : 1;
      }
    }
    int nonBlank = -1;
    for (int r = 0; r < raw.size(); r++) {
      String trimmed = raw.get(r).replace('\u00A0', ' ').strip();
      if (trimmed.isEmpty()) {
        kept.add("");
        continue;
      }
      nonBlank++;
      if (!template.isEmpty() && nonBlank > 0 && (nonBlank < SiteTemplate.EDGE || nonBlank >= nonBlankTotal - SiteTemplate.EDGE)
          && !trimmed.regionMatches(true, 0, "by ", 0, 3) && template.contains(SiteTemplate.candidateKey(trimmed))) {
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
      if (proseSeen && key != null && startsWithTailMarker(key) && noProseAfter(raw, r + 1)) {
        break; // "More from this newsletter" and the headlines under it
      }
      var updatedLine = UPDATED.matcher(trimmed);
      if (updatedLine.matches() && dates.parse(updatedLine.group(1)).isPresent()) {
        updated.add(updatedLine.group(1).strip());
        continue;
      }
      if (holder == null) {
        holder = copyrightHolder(trimmed);
      }
      if (key != null && lines.contains(key) || matchesPattern(trimmed) || isNavigation(trimmed) || isShapedFurniture(trimmed)
          || LineShapes.isButtonRow(trimmed) && (trimmed.charAt(0) == '[' || !inColumnBlock(raw, r))) {
        continue;
      }
      trimmed = LineShapes.withoutTrailingCredit(trimmed);
      if (!proseSeen && words(trimmed) >= PROSE_WORDS) {
        proseSeen = true;
      }
      kept.add(trimmed);
    }
    dropFoot(kept);
    // The copyright line stands at the very foot, often below the teasers that end the article.
    for (int r = raw.size() - 1, looked = 0; holder == null && r >= 0 && looked < FOOT_LINES; r--) {
      String line = raw.get(r).strip();
      if (!line.isEmpty()) {
        looked++;
        holder = copyrightHolder(line);
      }
    }
    return new Cleaned(kept, updated, holder);
  }

  /** The holder named by a copyright line ("© 2024 The Daily Ledger."), or null. */
  private static String copyrightHolder(String line) {
    if (line.length() >= 120 || line.isEmpty() || "©(Cc".indexOf(line.charAt(0)) < 0) {
      return null;
    }
    var copyright = COPYRIGHT.matcher(line);
    return copyright.matches() && words(copyright.group(1)) <= 6 ? copyright.group(1).strip() : null;
  }

  /**
   * Furniture known by its shape wherever it stands: captions ("Photo: …"), wire credits
   * ("(Reporting by …; Editing by …)"), read-time and listening prompts, dateless timestamps
   * ("Updated 9:40 a.m. ET"). Rows of share buttons without bars are tested apart, with their
   * neighbours.
   */
  private static boolean isShapedFurniture(String line) {
    return LineShapes.isCaption(line)
        || LineShapes.isCreditLine(line)
        || LineShapes.isDurationPrompt(line)
        || LineShapes.isTimestamp(line);
  }

  /**
   * Drops the foot of the page: author bios with follow prompts and contact addresses,
   * membership appeals, working backwards from the last line while they last. Only the foot:
   * the same words inside the story (a report on funding journalism) stay.
   */
  private static void dropFoot(List<String> kept) {
    int looked = 0;
    for (int i = kept.size() - 1; i >= 0 && looked < FOOT_LINES; i--) {
      String line = kept.get(i);
      if (line.isEmpty()) {
        continue;
      }
      looked++;
      if (LineShapes.isFollowOrContact(line) || LineShapes.isAppeal(line)) {
        kept.remove(i);
        continue;
      }
      break;
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty() && kept.size() > 1 && kept.get(kept.size() - 2).isEmpty()) {
      kept.remove(kept.size() - 1);
    }
  }

  /**
   * A teaser heading that extends a tail marker of two words or more ("More from this
   * newsletter", "Related coverage on trade"): a short line with no sentence punctuation.
   */
  private boolean startsWithTailMarker(String key) {
    if (key.length() > 60 || words(key) > 6 || Outlets.endsLikeSentence(key)) {
      return false;
    }
    int space = key.indexOf(' ');
    while (space > 0) {
      if (tails.contains(key.substring(0, space)) && key.substring(0, space).indexOf(' ') > 0) {
        return true;
      }
      space = key.indexOf(' ', space + 1);
    }
    return false;
  }

  /**
   * True when a line next to line {@code r} is also set in columns: the row heads a table
   * ("Month   Buyer   Seller" over rows of prices), it is not a lone row of buttons.
   */
  private static boolean inColumnBlock(List<String> raw, int r) {
    return r > 0 && hasGap(raw.get(r - 1).strip()) || r + 1 < raw.size() && hasGap(raw.get(r + 1).strip());
  }

  /** Words or figures in columns (checked only next to a row of widely spaced words). */
  private static boolean hasGap(String line) {
    return line.contains("  ") || line.indexOf('\t') >= 0;
  }

  /**
   * True when no paragraph of prose follows line {@code from} of {@code raw}: what follows is a
   * list of headlines, not the rest of the story under a subheading.
   */
  private static boolean noProseAfter(List<String> raw, int from) {
    for (int i = from; i < raw.size(); i++) {
      if (words(raw.get(i)) >= PROSE_WORDS) {
        return false;
      }
    }
    return true;
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
  private boolean isNavigation(String line) {
    if (line.length() > 200 || !hasSeparator(line)) {
      return false; // the cheap test first: this runs on every line of every file
    }
    if (line.contains("   ")) {
      return false; // aligned columns: a table's heading ("PERIODS     BID /   OFFERED")
    }
    String[] items = NAV_SEPARATOR.split(line);
    // Bars and breadcrumb arrows ("World › Asia") separate links; "/" and "·" also join words
    // in prose, so they need three items, or two in capitals ("BUSINESS / MARKETS", a kicker).
    boolean linkSeparator = line.contains(" | ") || line.contains(" › ") || line.contains(" » ") || line.contains(" • ");
    // ">" also closes a ticker in wire headlines ("<ACME CORP> SETS DIVIDEND"): three items.
    int needed = linkSeparator || isAllCaps(line) && !line.contains(">") ? 2 : 3;
    if (items.length < needed) {
      return false;
    }
    for (String item : items) {
      if (item.isBlank() || words(item) > (needed == 2 ? 3 : 4)) {
        return false;
      }
      if (isMetadataItem(item)) {
        return false; // "By Jane Roe | 03.10.2024 · 14:20": a byline row, read by the page parser
      }
    }
    return true;
  }

  /** A byline, date, time or read time: an item of a byline row, not a link. */
  private boolean isMetadataItem(String item) {
    String s = item.strip();
    if (s.regionMatches(true, 0, "by ", 0, 3)) {
      return true;
    }
    return LineShapes.hasDigit(s) && (dates.parse(s).isPresent() || LineShapes.isTimeOnly(s) || LineShapes.isDurationPrompt(s));
  }

  private static boolean isAllCaps(String line) {
    boolean letter = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  private static boolean hasSeparator(String line) {
    for (int i = 1; i < line.length() - 1; i++) {
      char c = line.charAt(i);
      if ((c == '|' || c == '•' || c == '·' || c == '»' || c == '›' || c == '>' || c == '/') && line.charAt(i - 1) == ' ') {
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
