package dev.corpus.extract.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds temporal expressions with the rules of {@link TimexRules} and values them with {@link
 * TimexNormalizer} against a reference date (the article's publication date). Thread-safe.
 */
public final class TimexTagger {

  /** Verbs and words that put a sentence in the future ("will meet on Friday"). */
  private static final Pattern FUTURE = Pattern.compile(
      "\\b(?:will|shall|'ll|going to|is to|are to|scheduled|upcoming|next|to be held|set to)\\b",
      Pattern.CASE_INSENSITIVE);
  /** Words that put it in the past ("met on Friday"). */
  private static final Pattern PAST = Pattern.compile(
      "\\b(?:said|was|were|had|did|ago|last|earlier|previously|yesterday)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Past-tense verbs, regular and common irregular ones: for weekdays, where a past verb is the
   * best cue that "Friday" is the one before the article ("met on Friday").
   */
  private static final Pattern PAST_VERB = Pattern.compile(
      "\\b(?:\\p{L}{3,}ed|met|went|came|made|gave|took|saw|held|told|said|began|won|lost|flew|left|spoke|wrote|sent|struck|fell|rose|hit|led|paid|sold|bought|brought|thought|felt|kept|fought|found)\\b",
      Pattern.CASE_INSENSITIVE);

  private final TimexRules rules;
  private final TimexNormalizer normalizer = new TimexNormalizer();

  public TimexTagger(TimexRules rules) {
    this.rules = rules;
  }

  /** A match before overlaps are resolved. */
  private record Candidate(TimexRules.Rule rule, int start, int end, Map<String, String> groups) {}

  /**
   * The temporal expressions of {@code text}, in text order, with UTF-16 offsets.
   *
   * @param reference the date relative expressions are resolved against, or null when unknown
   */
  public List<Timex> tag(String text, LocalDate reference) {
    List<Candidate> candidates = new ArrayList<>();
    Map<Pattern, Boolean> triggered = new java.util.IdentityHashMap<>();
    for (TimexRules.Rule rule : rules.rules()) {
      if (rule.trigger() != null && !triggered.computeIfAbsent(rule.trigger(), p -> p.matcher(text).find())) {
        continue; // no month name (or unit, or weekday...) in the text: the rule cannot match
      }
      Matcher m = rule.pattern().matcher(text);
      Map<String, Integer> names = rule.pattern().namedGroups();
      while (m.find()) {
        if (m.end() == m.start()) {
          continue;
        }
        Map<String, String> groups = new java.util.HashMap<>();
        for (String name : names.keySet()) {
          String g = m.group(name);
          if (g != null) {
            groups.put(name, g);
          }
        }
        candidates.add(new Candidate(rule, m.start(), m.end(), groups));
      }
    }
    // Longest first, then the earlier rule; a match overlapping one already taken is dropped.
    candidates.sort(Comparator.comparingInt((Candidate c) -> c.start() - c.end()).thenComparingInt(c -> c.rule().order()));
    List<Candidate> taken = new ArrayList<>();
    boolean[] used = new boolean[text.length()];
    for (Candidate c : candidates) {
      boolean free = true;
      for (int i = c.start(); i < c.end() && free; i++) {
        free = !used[i];
      }
      if (free) {
        taken.add(c);
        for (int i = c.start(); i < c.end(); i++) {
          used[i] = true;
        }
      }
    }
    taken.sort(Comparator.comparingInt(Candidate::start));
    List<Timex> out = new ArrayList<>(taken.size());
    LocalDate narrative = null; // the last date the text stated in full
    boolean quarterReport = QUARTER_CONTEXT.matcher(text).results().limit(2).count() >= 2;
    for (Candidate c : taken) {
      String type = c.rule().type();
      String matched = text.substring(c.start(), c.end());
      int from = sentenceStart(text, c.start());
      String sentence = text.substring(from, sentenceEnd(text, c.end()));
      TimexNormalizer.Direction direction = direction(sentence, c.start() - from, c.end() - from);
      if (c.rule().function().equals("weekday") && direction == TimexNormalizer.Direction.NONE
          && PAST_VERB.matcher(sentence).find()) {
        direction = TimexNormalizer.Direction.PAST;
      }
      if ((c.rule().function().equals("ago") || c.rule().function().equals("relunit")) && quarterly(sentence, quarterReport)) {
        c.groups().put(TimexNormalizer.QUARTER_CONTEXT, "yes"); // "profit rose from a year ago": the year-earlier quarter
      }
      LocalDate anchor = reference;
      if (narrative != null && countsFromAnotherTime(c, matched)) {
        anchor = narrative;
      }
      String value = normalizer.value(c.rule().function(), c.groups(), matched, anchor, direction);
      if (value == null) {
        continue; // the rule matched something it cannot value: not a temporal expression
      }
      String unresolved = normalizer.value(c.rule().function(), c.groups(), matched, null, direction);
      boolean relative = anchor != null && !value.equals(unresolved);
      if (!relative && type.equals("DATE")) {
        LocalDate[] range = TimexRanges.range(value);
        narrative = range == null ? narrative : range[0];
      }
      if (type.equals("DATE") && value.matches("\\d{4}-\\d\\d-\\d\\dT\\d.*")) {
        type = "TIME";
      }
      out.add(new Timex(matched, type, value, c.start(), c.end(), relative));
    }
    return out;
  }

  /** "The following summer", "a year later", "two days earlier": relative to the story's time, not the page's. */
  private static boolean countsFromAnotherTime(Candidate c, String matched) {
    String lower = matched.toLowerCase(java.util.Locale.ROOT);
    return switch (c.rule().function()) {
      case "relunit", "season", "weekday" -> lower.startsWith("the following") || lower.startsWith("the next") || lower.startsWith("the previous");
      case "ago" -> lower.endsWith("later") || lower.endsWith("earlier") || lower.endsWith("after") || lower.endsWith("before");
      default -> false;
    };
  }

  private static final Pattern QUARTER_CONTEXT = Pattern.compile("\\bquarter", Pattern.CASE_INSENSITIVE);

  private static final Pattern RESULTS = Pattern.compile(
      "\\b(?:profit|earnings|income|revenue|sales|loss|cents a share|per share)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Whether an offset ("a year ago") compares company results by quarter: its sentence speaks of
   * a quarter, or of results in an article that reports quarters.
   */
  private static boolean quarterly(String sentence, boolean quarterReport) {
    return QUARTER_CONTEXT.matcher(sentence).find() || quarterReport && RESULTS.matcher(sentence).find();
  }

  /** Where the sentence holding {@code text[at]} starts. */
  private static int sentenceStart(String text, int at) {
    int from = at;
    while (from > 0 && !(isStop(text, from - 1) && (from == text.length() || Character.isWhitespace(text.charAt(from))))) {
      from--;
    }
    return from;
  }

  /** Where the sentence holding {@code text[at - 1]} ends (exclusive). */
  private static int sentenceEnd(String text, int at) {
    int to = at;
    while (to < text.length() && !isStop(text, to)) {
      to++;
    }
    return to;
  }

  /**
   * Tense of {@code sentence} around the expression at {@code [start, end)} of it (the
   * expression's own words do not count): the future wins over the past.
   */
  static TimexNormalizer.Direction direction(String sentence, int start, int end) {
    String without = sentence.substring(0, start) + " " + sentence.substring(end);
    if (FUTURE.matcher(without).find()) {
      return TimexNormalizer.Direction.FUTURE;
    }
    if (PAST.matcher(without).find()) {
      return TimexNormalizer.Direction.PAST;
    }
    return TimexNormalizer.Direction.NONE;
  }

  /** Whether a sentence ends at {@code text[i]}: final punctuation, or a blank line (a single line break is wrapping). */
  private static boolean isStop(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return i + 1 < text.length() && text.charAt(i + 1) == '\n' || i > 0 && text.charAt(i - 1) == '\n';
    }
    return c == '.' || c == '!' || c == '?';
  }
}
