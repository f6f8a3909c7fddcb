package dev.corpus.index;

import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.text.Sentences;
import dev.corpus.extract.time.Timex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * What a statement document carries besides its embedding so that {@link ClaimClusterPass} can
 * tell whether two statements that mean alike speak of the same event ({@link StatementLinks}):
 * the names its sentence mentions ({@link IndexSchema#STATEMENT_NAME}), its speaker's names
 * ({@link IndexSchema#STATEMENT_SPEAKER}), the days its sentence's date expressions cover ({@link
 * IndexSchema#STATEMENT_DAY}), and a hash of its words ({@link IndexSchema#TEXT_HASH}), by which
 * page furniture — one sentence in several articles of one outlet — is recognised.
 *
 * <p>Names are compared across articles as keys, not as an article's entity labels: the name in
 * lower case, and for a person also the surname, so that "Vladimir Putin" in one article and
 * "Putin" in another share the key {@code putin}.
 */
final class StatementEvidence {

  /** Calendar values only (a year, month, day or time of day), which compare by prefix; not weeks, seasons or durations. */
  private static final java.util.regex.Pattern CALENDAR = java.util.regex.Pattern.compile("\\d{4}(-\\d\\d(-\\d\\d(T\\d\\d(:\\d\\d)?)?)?)?");

  private final List<int[]> sentences;
  private final List<DocumentEntity> entities;
  private final List<Timex> timexes;

  /** How many of an article's most mentioned entities say what it is about. */
  static final int ARTICLE_NAMES = 8;

  private final Set<String> articleNames = new TreeSet<>();
  private final int dayOfYear;

  StatementEvidence(List<int[]> sentenceSpans, List<DocumentEntity> entities, List<Timex> timexes, dev.corpus.model.PublishedDate published) {
    this.sentences = sentenceSpans;
    this.entities = entities;
    this.timexes = timexes;
    entities.stream().sorted(java.util.Comparator.comparingInt(DocumentEntity::mentions).reversed().thenComparing(DocumentEntity::name))
        .limit(ARTICLE_NAMES).forEach(e -> articleNames.addAll(keys(e.type(), e.name())));
    this.dayOfYear = dayOfYear(published);
  }

  private static final java.util.regex.Pattern MONTH_DAY = java.util.regex.Pattern.compile(
      "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})\\b|\\b(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)");
  private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /**
   * The day of the year (1–366, in a leap year's calendar) of the publication date, also when
   * only a month and day were printed ("SEOUL, June 20"); 0 when unknown.
   */
  static int dayOfYear(dev.corpus.model.PublishedDate published) {
    if (published == null) {
      return 0;
    }
    if (published.value() != null && published.value().matches("\\d{4}-\\d\\d-\\d\\d.*")) {
      return java.time.MonthDay.parse("--" + published.value().substring(5, 10)).atYear(2000).getDayOfYear();
    }
    if (published.text() != null) {
      java.util.regex.Matcher m = MONTH_DAY.matcher(published.text());
      if (m.find()) {
        String month = (m.group(1) != null ? m.group(1) : m.group(4)).toLowerCase(Locale.ROOT);
        int day = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(3));
        try {
          return java.time.MonthDay.of(MONTHS.indexOf(month) + 1, day).atYear(2000).getDayOfYear();
        } catch (java.time.DateTimeException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  /** Adds the evidence fields of the statement at {@code [start, end)} (code points) spoken by {@code speaker} (or null). */
  void add(Document d, int start, int end, String speaker, String text) {
    int[] sentence = sentences.isEmpty() ? new int[] {start, end} : Sentences.enclosing(sentences, start, end);
    int from = Math.min(start, sentence[0]);
    int to = Math.max(end, sentence[1]);
    Set<String> names = new TreeSet<>();
    Set<String> speakers = new TreeSet<>();
    for (DocumentEntity e : entities) {
      for (int[] span : e.spans()) {
        if (span[0] >= from && span[1] <= to) {
          names.addAll(keys(e.type(), e.name()));
          break;
        }
      }
      if (speaker != null && e.name().equals(speaker)) {
        speakers.addAll(keys(e.type(), e.name()));
      }
    }
    if (speaker != null && speakers.isEmpty()) {
      speakers.addAll(keys("", speaker));
    }
    names.addAll(speakers);
    for (String k : names) {
      d.add(new StringField(IndexSchema.STATEMENT_NAME, k, Field.Store.NO));
      d.add(new SortedSetDocValuesField(IndexSchema.STATEMENT_NAME, new BytesRef(k)));
    }
    for (String k : speakers) {
      d.add(new SortedSetDocValuesField(IndexSchema.STATEMENT_SPEAKER, new BytesRef(k)));
    }
    Set<String> days = new TreeSet<>();
    for (Timex t : timexes) {
      if (t.start() >= from && t.end() <= to) {
        LocalDate[] range = IndexSchema.dayRange(t);
        if (range != null) {
          days.add(range[0].toEpochDay() + ":" + range[1].toEpochDay());
        }
      }
    }
    for (String day : days) {
      d.add(new SortedSetDocValuesField(IndexSchema.STATEMENT_DAY, new BytesRef(day)));
    }
    // What a statement itself dates (a claim's content, an own statement's sentence), for date disagreements.
    Set<String> values = new java.util.LinkedHashSet<>();
    for (Timex t : timexes) {
      if (t.start() >= start && t.end() <= end && (t.type().equals("DATE") || t.type().equals("TIME")) && CALENDAR.matcher(t.value()).matches()) {
        values.add(t.value());
      }
    }
    if (!values.isEmpty()) {
      d.add(new StoredField(IndexSchema.STATEMENT_DATES, String.join(" ", values)));
    }
    for (String k : articleNames) {
      d.add(new SortedSetDocValuesField(IndexSchema.ARTICLE_NAME, new BytesRef(k)));
    }
    if (dayOfYear > 0) {
      d.add(new org.apache.lucene.document.NumericDocValuesField(IndexSchema.ARTICLE_DAY_OF_YEAR, dayOfYear));
    }
    if (speaker != null && text != null && SELF.matcher(text).lookingAt()) {
      d.add(new org.apache.lucene.document.NumericDocValuesField(IndexSchema.OF_ITSELF, 1));
    }
    String hash = textHash(text);
    d.add(new StringField(IndexSchema.TEXT_HASH, hash, Field.Store.NO));
    d.add(new SortedDocValuesField(IndexSchema.TEXT_HASH, new BytesRef(hash)));
  }

  /** The keys a name is compared by across articles: the name in lower case, and a person's surname. */
  static List<String> keys(String type, String name) {
    List<String> out = new ArrayList<>(2);
    String folded = name.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'s\\b", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (folded.isEmpty()) {
      return out;
    }
    out.add(folded);
    int space = folded.lastIndexOf(' ');
    if (type.equals("PERSON") && space > 0 && folded.length() - space > 3) {
      out.add(folded.substring(space + 1));
    }
    return out;
  }

  /** A hash of the statement's words in lower case, punctuation and spacing ignored. */
  static String textHash(String text) {
    String folded = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    long h = 1125899906842597L;
    for (int i = 0; i < folded.length(); i++) {
      h = 31 * h + folded.charAt(i);
    }
    long h2 = 0xcbf29ce484222325L;
    for (int i = 0; i < folded.length(); i++) {
      h2 = (h2 ^ folded.charAt(i)) * 0x100000001b3L;
    }
    return String.format(Locale.ROOT, "%016x%016x", h, h2);
  }

  private static final java.util.regex.Pattern SELF = java.util.regex.Pattern.compile("(?i)\\s*(it|its|it's|he|his|she|her|they|their|we|our|i|my)\\b");
  /** A dateline opening a sentence: "NEW YORK, March 3 - ", "IRVINE, Calif., Feb 26 - ", "LONDON, Jan 16 (Reuters) - ". */
  private static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
      "^\\s*[\\p{Lu}][\\p{Lu} .'-]+,(?:\\s+[\\p{L}.]+,)?\\s+[\\p{L}]+\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?\\s*(?:\\([^)]*\\)\\s*)?[-–—]+\\s*");

  /**
   * Words of a statement, for the shortest that may join a cluster: words of three letters or
   * more after any dateline, so that a line of a table ("NEW YORK, March 3 - Shr 42 cts vs 76
   * cts") is too short.
   */
  static int words(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    int n = 0;
    for (String w : DATELINE.matcher(text).replaceFirst("").strip().split("\\s+")) {
      String letters = w.replaceAll("^[\\p{P}]+|[\\p{P}]+$", "");
      if (letters.length() >= 3 && letters.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’')) {
        n++;
      }
    }
    return n;
  }
}
