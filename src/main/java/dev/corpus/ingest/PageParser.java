package dev.corpus.ingest;

import dev.corpus.model.PublishedDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's metadata in its text and assembles the cleaned body.
 *
 * <p>The header zone is the run of short lines before the first paragraph of prose. In it, each
 * line is a date ("Jun 19, 2024 1:10 PM"), a byline ("By Anadolu Agency"), an outlet name on a
 * line of its own ("AFP-Yonhap News"), or else the first such line is the headline; these lines
 * leave the body, other short lines (a standfirst, a photo caption) stay in it. The first
 * paragraph is then read for a dateline ("MOSCOW, June 21. /TASS/.", "SEOUL, June 20 (Yonhap)
 * -"), which gives the place, the outlet and a date that may lack its year. Metadata in {@link
 * PageHints} wins over all of these.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PageParser {

  /** What was found: any field but {@code body} may be null. */
  public record Parsed(
      String title,
      String source,
      String byline,
      String dateline,
      PublishedDate published,
      PublishedDate updated,
      String body) {}

  private static final int PROSE_WORDS = 25;
  private static final java.util.Set<String> MASTHEAD_CONNECTORS = java.util.Set.of("of", "the", "and", "&", "for", "on");
  private static final int MAX_HEADER_LINES = 15;
  private static final int MAX_TITLE_CHARS = 250;

  private static final Pattern BYLINE_OUTLET = Pattern.compile("^(.+?)\\s*(?:,|\\||\\s-\\s|\\bfor\\b)\\s*([^,|]+)$");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’]?\\s+(?=[\"“A-Z])");
  /**
   * "By Jane Roe", and a byline led by the piece's genre or the author's role: "Commentary by
   * Jane Roe", "Analysis by …", "Story and photos by …". The genre words are a closed class, so
   * a headline such as "Killed by lightning" is not a byline.
   */
  private static final Pattern BYLINE =
      Pattern.compile(
          "^(?:(?:written|words|story|text|reporting|report|commentary|analysis|opinion|column|essay|review|interview|"
              + "feature|editorial|explainer|perspective|newsletter|posted|published|compiled|edited)"
              + "(?:\\s+(?:and|&)\\s+(?:photos?|pictures|video|graphics|reporting))?\\s+)?by\\s+(.+)$",
          Pattern.CASE_INSENSITIVE);
  /** Separators of a byline row: "By Jane Roe | 03.10.2024 · 14:20 | 5 min read". */
  private static final Pattern ROW_SEPARATOR = Pattern.compile("\\s+[|·•]\\s+");
  /** The start of an author's bio at the foot: the byline's name, then what the author does. */
  private static final Pattern BIO_VERB =
      Pattern.compile("^\\s+(?:is|was|covers|reports|writes|has\\s+(?:been|covered|reported|written)|joined|edits)\\b.*");
  private static final String PLACE = "([A-Z][A-Z'./\\-]*(?:\\s+[A-Z][A-Z'./\\-]*){0,3})";
  private static final String SOURCE_TAG = "(?:\\s*[(/]\\s*([A-Za-z][A-Za-z .&\\-]{0,40}?)\\s*[)/]\\s*\\.?)";
  private static final Pattern DATELINE =
      Pattern.compile(
          "^" + PLACE + "(?:,\\s+[A-Z][A-Za-z.]+(?:\\s+[A-Z][A-Za-z.]+)?)?,\\s+"
              + "((?i:" + DateText.monthPattern() + ")\\s+\\d{1,2}(?:,\\s*\\d{4})?)"
              + "\\s*[.,]?" + SOURCE_TAG + "?\\s*(?:[-–—]+|:|\\.)?\\s+");
  private static final Pattern DATELINE_NO_DATE =
      Pattern.compile("^" + PLACE + "(?:,\\s+[A-Z][A-Za-z.]+)?(?:" + SOURCE_TAG + "\\s*[-–—]+|\\s+[–—]|\\s+--)\\s+");

  private final DateText dates = new DateText();
  private final Outlets outlets = new Outlets();

  /** Reads metadata from {@code lines} (already free of boilerplate) and {@code hints}. */
  public Parsed parse(List<String> lines, List<String> updatedLines, PageHints hints) {
    return parse(lines, updatedLines, hints, null);
  }

  /**
   * Reads metadata as {@link #parse(List, List, PageHints)} does; {@code copyrightHolder}, the
   * name in the page's copyright line or null, is the outlet when nothing else names one.
   */
  public Parsed parse(List<String> lines, List<String> updatedLines, PageHints hints, String copyrightHolder) {
    List<String> body = new ArrayList<>(lines);
    String title = null;
    String source = null;
    String byline = null;
    PublishedDate published = null;
    String masthead = null;

    int nonBlank = 0;
    int prose = 0;
    List<Integer> kickers = new ArrayList<>(2);
    int titleLine = -1;
    for (int i = 0; i < body.size() && nonBlank < MAX_HEADER_LINES; i++) {
      String line = body.get(i);
      if (line.isEmpty()) {
        continue;
      }
      nonBlank++;
      if (isProse(line) || isDateline(line)) {
        // A photo caption can stand between headline and byline; the second paragraph of
        // prose is surely the article itself.
        if (++prose >= 2) {
          break;
        }
        continue;
      }
      Row row = metadataRow(line);
      if (row != null) {
        if (published == null && row.date() != null) {
          published = new PublishedDate(row.date().iso(), row.dateText(), row.date().precision(), false, "header");
        }
        if (row.byline() != null) {
          Byline parsed = splitByline(row.byline());
          byline = byline == null ? parsed.people() : byline;
          source = source == null ? parsed.outlet() : source;
        }
        body.set(i, null);
        continue;
      }
      Optional<DateText.Parsed> date = dates.parse(line);
      Matcher by = BYLINE.matcher(line);
      if (date.isPresent()) {
        if (published == null) {
          published = new PublishedDate(date.get().iso(), line, date.get().precision(), false, "header");
        }
      } else if (by.matches() && words(line) <= 16) {
        Byline parsed = splitByline(by.group(1));
        byline = byline == null ? parsed.people() : byline;
        source = source == null ? parsed.outlet() : source;
      } else if (words(line) <= 6 && isOutletLine(line) && (title != null || hints.title() != null)) {
        source = source == null ? line : source;
      } else if (hints.title() != null && Boilerplate.key(line).equals(Boilerplate.key(hints.title()))) {
        title = hints.title();
      } else if (prose == 0 && isSectionLabel(line)) {
        // "FOOTBALL", "ANALYSIS": a section kicker above the prose, neither masthead nor
        // headline; it leaves the body below, once a headline or prose shows it was a label.
        if (title == null && !LineShapes.hasDigit(line)) {
          kickers.add(i); // above the headline only: below it, capitals are a table's or the text's
        }
        continue;
      } else if (prose == 0 && title == null && hints.title() == null && line.length() <= MAX_TITLE_CHARS && words(line) >= 2) {
        if (masthead == null && isMasthead(line) && nextHeadline(body, i) != null) {
          masthead = line; // the site's name above its navigation; the headline follows
        } else {
          title = line;
          titleLine = i;
        }
      } else {
        continue; // a standfirst or caption: stays in the body
      }
      body.set(i, null);
    }
    if (title == null) {
      title = hints.title();
    }
    if (title == null && !kickers.isEmpty()) {
      // No headline under the capitals: they are the headline ("BLIZZARD CLOSES BOSPHORUS").
      title = body.get(kickers.get(0));
      body.set(kickers.remove(0), null);
    }
    for (int k : kickers) {
      // A label stands right above the headline it labels; with the headline in metadata, it
      // opens the page. Capitals elsewhere (a table's heading, a wire item's slug over its
      // date line) stay.
      if (title != null && nextLine(body, k) == titleLine && mostlyWords(title) || hints.title() != null && firstKept(body) == k) {
        body.set(k, null);
      }
    }
    body.removeIf(line -> line == null);
    stripRepeatedTitle(body, title);
    dropAuthorBio(body, hints.byline() != null ? hints.byline() : byline);

    String dateline = null;
    PublishedDate datelineDate = null;
    Matcher m = null;
    int looked = 0;
    for (String line : body) {
      if (line.isEmpty()) {
        continue;
      }
      if (++looked > 3) {
        break;
      }
      if (!mayBeDateline(line)) {
        continue;
      }
      Matcher withDate = DATELINE.matcher(line);
      Matcher withoutDate = DATELINE_NO_DATE.matcher(line);
      if (withDate.find()) {
        m = withDate;
        dateline = m.group(1);
        datelineDate = datelineDate(m.group(2));
        break;
      }
      if (withoutDate.find()) {
        m = withoutDate;
        dateline = m.group(1);
        break;
      }
    }
    if (m != null && source == null && m.group(m.groupCount()) != null) {
      source = m.group(m.groupCount()).strip();
    }

    String text = assemble(body);
    if (title == null) {
      title = firstSentence(text);
    }
    PublishedDate fromHints = hints.publishedText() == null ? null : metadataDate(hints.publishedText());
    PublishedDate finalDate = firstKnown(fromHints, published, datelineDate);
    PublishedDate updated = null;
    if (!updatedLines.isEmpty()) {
      String u = updatedLines.get(0);
      updated = dates.parse(u).map(p -> new PublishedDate(p.iso(), u, p.precision(), false, "updated")).orElse(null);
    }
    if (source == null) {
      source = masthead; // an agency named in the byline or dateline is the story's own source
    }
    if (source == null && copyrightHolder != null && isMasthead(copyrightHolder)) {
      source = copyrightHolder; // "© 2024 The Daily Ledger": the site's name at the foot
    }
    if (finalDate == PublishedDate.UNKNOWN && updated != null && updated.known()) {
      // Only a "last updated" date: publication was no later. Shown, but marked as inferred.
      finalDate = new PublishedDate(updated.value(), updated.text(), updated.precision(), true, "updated");
    }
    return new Parsed(
        title,
        hints.source() != null ? hints.source() : source,
        hints.byline() != null ? hints.byline() : byline,
        dateline,
        finalDate,
        updated,
        text);
  }

  private PublishedDate metadataDate(String text) {
    return dates
        .parseMetadata(text)
        .map(p -> new PublishedDate(p.iso(), text, p.precision(), false, "metadata"))
        .orElse(new PublishedDate(null, text, null, false, "metadata"));
  }

  /**
   * A dateline date: with a year it is a full date; without one ("June 21") only the printed
   * text is kept and the value stays unknown until something places it in a year.
   */
  private PublishedDate datelineDate(String text) {
    Optional<DateText.Parsed> full = dates.parse(text);
    if (full.isPresent()) {
      return new PublishedDate(full.get().iso(), text, full.get().precision(), false, "dateline");
    }
    return dates.parseNoYear(text).map(md -> new PublishedDate(null, text, null, false, "dateline")).orElse(null);
  }

  /** The first date with a value, else the first with printed text, else unknown. */
  private static PublishedDate firstKnown(PublishedDate... candidates) {
    for (PublishedDate c : candidates) {
      if (c != null && c.known()) {
        return c;
      }
    }
    for (PublishedDate c : candidates) {
      if (c != null) {
        return c;
      }
    }
    return PublishedDate.UNKNOWN;
  }

  private record Byline(String people, String outlet) {}

  /** "Kim Min-seo and Pavel Orlov, Reuters" → people and outlet; "Anadolu Agency" → both. */
  private Byline splitByline(String text) {
    String t = text.strip();
    if (outlets.isOutlet(t)) {
      return new Byline(t, t);
    }
    Matcher tail = BYLINE_OUTLET.matcher(t);
    if (tail.matches() && outlets.isOutlet(tail.group(2).strip())) {
      return new Byline(tail.group(1).strip(), tail.group(2).strip());
    }
    return new Byline(t, null);
  }

  /** Datelines start with a place in capitals; test that before the regular expressions. */
  private static boolean isDateline(String line) {
    return mayBeDateline(line) && (DATELINE.matcher(line).find() || DATELINE_NO_DATE.matcher(line).find());
  }

  /**
   * Where the dateline at the head of {@code line} ends ("PYONGYANG, June 19 (AFP) — "), as a
   * UTF-16 index into the line, or -1 when the line does not open with one. What the date stage
   * finds there dates the page, not an event.
   */
  public static int datelineEnd(String line) {
    if (!mayBeDateline(line)) {
      return -1;
    }
    Matcher m = DATELINE.matcher(line);
    if (m.find()) {
      return m.end();
    }
    m = DATELINE_NO_DATE.matcher(line);
    return m.find() ? m.end() : -1;
  }

  private static boolean mayBeDateline(String line) {
    return line.length() > 2 && Character.isUpperCase(line.charAt(0)) && Character.isUpperCase(line.charAt(1));
  }

  private boolean isOutletLine(String line) {
    // All-caps lines such as "LOCAL NEWS" are section labels, unless a known agency ("AFP").
    return outlets.isOutlet(line) && (!isAllCaps(line) || outlets.isKnown(line));
  }

  private static boolean isSectionLabel(String line) {
    return words(line) <= 3 && line.length() <= 40 && isAllCaps(line);
  }

  private static boolean isAllCaps(String line) {
    return line.chars().anyMatch(Character::isLetter) && line.equals(line.toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * A site name standing above the headline: up to four capitalised words ("The Harbour Herald",
   * "SportsDesk Live") with no sentence punctuation.
   */
  private static boolean isMasthead(String line) {
    String[] tokens = line.strip().split(" +");
    if (tokens.length > 4 || Outlets.endsLikeSentence(line) || line.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    for (String t : tokens) {
      if (!Character.isUpperCase(t.codePointAt(0)) && !MASTHEAD_CONNECTORS.contains(t)) {
        return false;
      }
    }
    return true;
  }

  /** The next headline-like line after {@code from} in the header: five words or more, no full stop. */
  private String nextHeadline(List<String> lines, int from) {
    for (int j = from + 1, seen = 0; j < lines.size() && seen < 4; j++) {
      String next = lines.get(j);
      if (next == null || next.isEmpty()) {
        continue;
      }
      seen++;
      if (isSectionLabel(next) || dates.parse(next).isPresent() || BYLINE.matcher(next).matches()) {
        continue;
      }
      return words(next) >= 5 && !isProse(next) && !next.endsWith(".") ? next : null;
    }
    return null;
  }

  /** The next line after {@code from} that is not blank (a header line already taken counts). */
  private static int nextLine(List<String> lines, int from) {
    for (int j = from + 1; j < lines.size(); j++) {
      if (lines.get(j) == null || !lines.get(j).isEmpty()) {
        return j;
      }
    }
    return -1;
  }

  /** The first line still in the body. */
  private static int firstKept(List<String> lines) {
    for (int j = 0; j < lines.size(); j++) {
      if (lines.get(j) != null && !lines.get(j).isEmpty()) {
        return j;
      }
    }
    return -1;
  }

  /**
   * A headline is mostly words; a line of figures taken for a title ("APR7 69.52 UP 0.12")
   * shows the capitals above it head a table, not a story.
   */
  private static boolean mostlyWords(String title) {
    int tokens = 0;
    int numeric = 0;
    for (String token : title.strip().split("\\s+")) {
      tokens++;
      if (LineShapes.hasDigit(token)) {
        numeric++;
      }
    }
    return numeric <= 1 || 3 * numeric < tokens;
  }

  /** A byline row's parts: the byline and the date, either may be null. */
  private record Row(String byline, DateText.Parsed date, String dateText) {}

  /**
   * Reads a byline row, parts between bars or dots: each part must be a byline, a date, a time
   * (joined to the date before it), a read time or an "Updated" stamp, and one at least a byline
   * or a date. Null when the line is anything else.
   */
  private Row metadataRow(String line) {
    if (line.length() > 200 || !(line.contains(" | ") || line.contains(" · ") || line.contains(" • "))) {
      return null;
    }
    String[] parts = ROW_SEPARATOR.split(line.strip());
    if (parts.length < 2) {
      return null;
    }
    String byline = null;
    DateText.Parsed date = null;
    String dateText = null;
    for (int k = 0; k < parts.length; k++) {
      String part = parts[k].strip();
      Matcher by = BYLINE.matcher(part);
      Optional<DateText.Parsed> d = dates.parse(part);
      if (by.matches() && byline == null) {
        byline = by.group(1).strip();
      } else if (d.isPresent() && date == null) {
        date = d.get();
        dateText = part;
        if (k + 1 < parts.length && LineShapes.isTimeOnly(parts[k + 1].strip())) {
          String joined = part + " " + parts[k + 1].strip();
          Optional<DateText.Parsed> withTime = dates.parse(joined);
          if (withTime.isPresent()) {
            date = withTime.get();
            dateText = joined;
            k++;
          }
        }
      } else if (!(LineShapes.isTimeOnly(part) || LineShapes.isDurationPrompt(part) || d.isPresent()
          || part.regionMatches(true, 0, "updated", 0, 7) && LineShapes.hasDigit(part))) {
        return null;
      }
    }
    return byline == null && date == null ? null : new Row(byline, date, dateText);
  }

  /**
   * Removes the author's bio from the foot of the story: a short last paragraph that opens with
   * the byline's first name and says what the author does ("Jane Roe covers energy for us").
   * The reporter is not the subject of the report, so such a paragraph is never the story.
   */
  private static void dropAuthorBio(List<String> body, String byline) {
    if (byline == null || byline.isBlank()) {
      return;
    }
    String author = byline.split("\\s+(?:and|&)\\s+|,")[0].strip();
    if (Boilerplate.words(author) < 2) {
      return;
    }
    for (int i = body.size() - 1; i >= 0; i--) {
      String line = body.get(i);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith(author) && words(line) <= 60 && BIO_VERB.matcher(line.substring(author.length())).matches()) {
        body.remove(i);
      }
      return;
    }
  }

  /** A saved page often repeats the headline before a photo caption on the same line. */
  private static void stripRepeatedTitle(List<String> body, String title) {
    if (title == null) {
      return;
    }
    for (int i = 0, seen = 0; i < body.size() && seen < 3; i++) {
      String line = body.get(i);
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      if (line.length() > title.length() + 20 && line.startsWith(title + " ")) {
        body.set(i, line.substring(title.length()).strip());
      }
    }
  }

  /** Lines of a block joined by newlines, blocks by blank lines; no blank runs at the ends. */
  private static String assemble(List<String> lines) {
    StringBuilder out = new StringBuilder();
    boolean pendingBreak = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        pendingBreak = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(pendingBreak ? "\n\n" : "\n");
      }
      out.append(line);
      pendingBreak = false;
    }
    return out.toString();
  }

  private static String firstSentence(String text) {
    if (text.isEmpty()) {
      return null;
    }
    String para = text.lines().findFirst().orElse(text);
    Matcher end = SENTENCE_END.matcher(para);
    String sentence = end.find() ? para.substring(0, end.start() + 1) : para;
    if (sentence.length() > 160) {
      int cut = sentence.lastIndexOf(' ', 157);
      sentence = sentence.substring(0, cut > 80 ? cut : 157) + "…";
    }
    return sentence;
  }

  /**
   * A paragraph of the article: a long line, or a full sentence of a dozen words or more (a lead
   * that would otherwise be taken for a headline and lost from the body; headlines do not end
   * with a full stop).
   */
  private static boolean isProse(String line) {
    int words = words(line);
    return words >= PROSE_WORDS || words >= 12 && line.endsWith(".") && !line.endsWith("...");
  }

  private static int words(String line) {
    return Boilerplate.words(line);
  }
}
