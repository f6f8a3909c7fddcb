package dev.corpus.extract.time;

import dev.corpus.extract.text.Tokenizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
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
      "\\b(?:will|shall|'ll|going to|is to|are to|scheduled|upcoming|next|to be held|set to"
          + "|plans? to|planning to|expected to|(?<!had been )due to|likely to|intends? to|would|as early as|as soon as)\\b",
      Pattern.CASE_INSENSITIVE);
  /** Words that put it in the past ("met on Friday"). */
  private static final Pattern PAST = Pattern.compile(
      "\\b(?:said|was|were|had|did|ago|last|earlier|previously|yesterday)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Past-tense verbs, regular and common irregular ones: for weekdays, where a past verb is the
   * best cue that "Friday" is the one before the article ("met on Friday"). Words in -ed that are
   * not verbs ("United", "hundred", "need") are left out.
   */
  private static final Pattern PAST_VERB = Pattern.compile(
      "\\b(?:(?!(?:united|hundred|need|needed|proceed|exceed|succeed|indeed|speed|feed|seed|breed|embed|shed|bed|red|fled|wed)\\b)\\p{L}{3,}ed"
          + "|met|went|came|made|gave|took|saw|held|told|said|began|won|lost|flew|left|spoke|wrote|sent|struck|fell|rose|hit|led|paid|sold|bought|brought|thought|felt|kept|fought|found)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final StartChars FUTURE_STARTS = StartChars.of(FUTURE);
  private static final StartChars PAST_STARTS = StartChars.of(PAST);

  /** "Wednesday's ruling", "Thursday's closing price": news names a finished day this way. */
  private static final Pattern POSSESSIVE = Pattern.compile("^['’]s\\b");
  /** "Ahead of Friday's vote", "until Monday's deadline": a possessive day still to come. */
  private static final Pattern AHEAD_OF = Pattern.compile(
      "\\b(?:ahead of|until|till|by|for|will|to)\\s+(?:the\\s+|this\\s+)?$", Pattern.CASE_INSENSITIVE);

  private final TimexRules rules;
  private final TimexNormalizer normalizer = new TimexNormalizer();
  /** Each rule's group names, by rule order ({@link Pattern#namedGroups} copies its map at every call). */
  private final List<List<String>> groupNames;
  /** Where the rules (by their order) and then the triggers can start. */
  private final StartTable starts;
  /** Each trigger's index in {@link #starts}. */
  private final Map<Pattern, Integer> triggerIndex = new IdentityHashMap<>();

  public TimexTagger(TimexRules rules) {
    this.rules = rules;
    List<TimexRules.Rule> all = rules.rules();
    List<StartChars> startChars = new ArrayList<>();
    List<List<String>> names = new ArrayList<>();
    for (TimexRules.Rule rule : all) { // in order: rule k is pattern k of the table
      startChars.add(StartChars.of(rule.pattern()));
      names.add(List.copyOf(rule.pattern().namedGroups().keySet()));
    }
    for (TimexRules.Rule rule : all) {
      if (rule.trigger() != null && !triggerIndex.containsKey(rule.trigger())) {
        triggerIndex.put(rule.trigger(), startChars.size());
        startChars.add(StartChars.of(rule.trigger()));
      }
    }
    this.groupNames = List.copyOf(names);
    this.starts = new StartTable(startChars);
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
    Map<Pattern, List<int[]>> windowsOf = new IdentityHashMap<>();
    List<int[]> wholeText = List.of(new int[] {0, text.length()});
    RuleScan scan = new RuleScan(text, starts);
    for (TimexRules.Rule rule : rules.rules()) {
      // A rule with a trigger runs only around the trigger's words (a month name, a unit, a
      // weekday...): every match of the rule holds one, and the rest of the text cannot match.
      List<int[]> windows = rule.trigger() == null ? wholeText
          : windowsOf.computeIfAbsent(rule.trigger(), p -> windows(p, triggerIndex.get(p), scan, text));
      Matcher m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      List<String> names = groupNames.get(rule.order());
      for (int[] window : windows) {
        scan.each(m, rule.order(), window[0], window[1], match -> {
          if (match.end() == match.start()) {
            return;
          }
          Map<String, String> groups = new HashMap<>();
          for (String name : names) {
            String g = match.group(name);
            if (g != null) {
              groups.put(name, g);
            }
          }
          candidates.add(new Candidate(rule, match.start(), match.end(), groups));
        });
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
    int narrativeSentence = -1; // where the sentence that stated it starts
    int narrativePrecision = 0; // the length of its value: 4 for a year, 7 for a month, 10 for a day
    int[] quarterMentions = {0};
    scan.each(matcher(QUARTER_CONTEXT, text), QUARTER_STARTS, 0, text.length(), m -> quarterMentions[0]++);
    boolean quarterReport = quarterMentions[0] >= 2;
    for (Candidate c : taken) {
      String type = c.rule().type();
      String matched = text.substring(c.start(), c.end());
      int from = sentenceStart(text, c.start());
      String sentence = text.substring(from, sentenceEnd(text, c.end()));
      boolean weekday = c.rule().function().equals("weekday");
      TimexNormalizer.Direction direction = weekday
          ? weekdayDirection(sentence, c.start() - from, c.end() - from)
          : direction(sentence, c.start() - from, c.end() - from);
      if (c.rule().function().equals("calendar")) {
        TimexNormalizer.Direction adjacent = adjacentTense(sentence, c.start() - from, c.end() - from);
        if (adjacent != TimexNormalizer.Direction.NONE) {
          c.groups().put(TimexNormalizer.ADJACENT_TENSE, adjacent.name()); // "the year ended March 31"
        }
      }
      if ((c.rule().function().equals("ago") || c.rule().function().equals("relunit")) && quarterly(sentence, quarterReport)) {
        c.groups().put(TimexNormalizer.QUARTER_CONTEXT, "yes"); // "profit rose from a year ago": the year-earlier quarter
      }
      if (c.rule().function().equals("relunit") && thatUnit(matched.toLowerCase(Locale.ROOT)) && narrative == null) {
        continue; // "that year" with no year stated before: unknowable, and not the article's year
      }
      LocalDate anchor = reference;
      // "Profit rose from 4 pence a year earlier" compares with now, whatever date came before.
      if (narrative != null && countsFromAnotherTime(c, matched) && !RESULTS.matcher(sentence).find()) {
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
        // Within one sentence the most precise date sets the story's time: in "he went in July
        // 2000 and met a man who had ruled since 1994", "the next summer" follows July 2000.
        boolean sameSentence = from == narrativeSentence;
        if (range != null && (!sameSentence || value.length() >= narrativePrecision)) {
          narrative = range[0];
          narrativeSentence = from;
          narrativePrecision = value.length();
        }
      }
      if (type.equals("DATE") && TIME_VALUE.matcher(value).matches()) {
        type = "TIME";
      }
      out.add(new Timex(matched, type, value, c.start(), c.end(), relative));
    }
    return withClockDays(text, out);
  }

  /** A DATE value with a time of day is a TIME. */
  private static final Pattern TIME_VALUE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT(?:\\d|MO|AF|EV|NI).*");
  private static final Pattern CLOCK_DAY_GAP = Pattern.compile("\\s*,?\\s*(?:on\\s+)?");
  private static final Pattern CLOCK_VALUE = Pattern.compile("[\\dX]{4}-[\\dX]{2}-[\\dX]{2}(T\\d\\d:\\d\\d)");
  private static final Pattern DAY_VALUE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");

  /**
   * A clock time followed by its day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 9") is one TIME on
   * that day: the rules value the clock against the article's day, which is wrong whenever the
   * day is named.
   */
  private static List<Timex> withClockDays(String text, List<Timex> timexes) {
    List<Timex> out = new ArrayList<>(timexes.size());
    for (int i = 0; i < timexes.size(); i++) {
      Timex t = timexes.get(i);
      Matcher clock = CLOCK_VALUE.matcher(t.value());
      if (t.type().equals("TIME") && clock.matches() && i + 1 < timexes.size()) {
        Timex day = timexes.get(i + 1);
        if (day.type().equals("DATE") && DAY_VALUE.matcher(day.value()).matches()
            && CLOCK_DAY_GAP.matcher(text.substring(t.end(), day.start())).matches()) {
          out.add(new Timex(text.substring(t.start(), day.end()), "TIME", day.value() + clock.group(1),
              t.start(), day.end(), day.relative()));
          i++;
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  /** How far a match may reach from the trigger word it holds, on either side (in chars). */
  private static final int TRIGGER_REACH = 100;

  /** The stretches of {@code text} within {@link #TRIGGER_REACH} of a match of {@code trigger}, merged. */
  private static List<int[]> windows(Pattern trigger, int index, RuleScan scan, String text) {
    List<int[]> out = new ArrayList<>();
    Matcher t = trigger.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    scan.each(t, index, 0, text.length(), match -> {
      int from = Math.max(0, match.start() - TRIGGER_REACH);
      int to = Math.min(text.length(), match.end() + TRIGGER_REACH);
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && from <= last[1]) {
        last[1] = Math.max(last[1], to);
      } else {
        out.add(new int[] {from, to});
      }
    });
    return out;
  }

  /** "That year", "later that month": the story's time, and nothing when the text stated none. */
  private static boolean thatUnit(String lower) {
    return lower.startsWith("that ") || lower.contains(" that ");
  }

  /** "The following summer", "a year later", "two days earlier": relative to the story's time, not the page's. */
  private static boolean countsFromAnotherTime(Candidate c, String matched) {
    String lower = matched.toLowerCase(Locale.ROOT);
    return switch (c.rule().function()) {
      case "relunit", "season", "weekday" -> lower.startsWith("the following") || lower.startsWith("the next") || lower.startsWith("the previous")
          || thatUnit(lower);
      case "ago" -> lower.endsWith("later") || lower.endsWith("earlier") || lower.endsWith("after") || lower.endsWith("before");
      default -> false;
    };
  }

  private static final Pattern QUARTER_CONTEXT = Pattern.compile("\\bquarter", Pattern.CASE_INSENSITIVE);
  private static final StartChars QUARTER_STARTS = StartChars.of(QUARTER_CONTEXT);

  private static final Pattern RESULTS = Pattern.compile(
      "\\b(?:profit|earnings|income|revenue|sales|loss|a share|per share|pence)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Whether an offset ("a year ago") compares company results by quarter: its sentence speaks of
   * a quarter, or of results in an article that reports quarters.
   */
  private static boolean quarterly(String sentence, boolean quarterReport) {
    return QUARTER_CONTEXT.matcher(sentence).find() || quarterReport && RESULTS.matcher(sentence).find();
  }

  /**
   * Where the sentence holding {@code text[at]} starts, at most {@link
   * Tokenizer#MAX_SENTENCE_CHARS} before it: a text without sentence ends must not make every
   * expression's sentence the whole text before it.
   */
  private static int sentenceStart(String text, int at) {
    int from = at;
    int limit = Math.max(0, at - Tokenizer.MAX_SENTENCE_CHARS);
    while (from > limit && !(isStop(text, from - 1) && (from == text.length() || Character.isWhitespace(text.charAt(from))))) {
      from--;
    }
    return from;
  }

  /** Where the sentence holding {@code text[at - 1]} ends (exclusive), at most {@link Tokenizer#MAX_SENTENCE_CHARS} after it. */
  private static int sentenceEnd(String text, int at) {
    int to = at;
    int limit = Math.min(text.length(), at + Tokenizer.MAX_SENTENCE_CHARS);
    while (to < limit && !isStop(text, to)) {
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
    RuleScan scan = new RuleScan(without);
    if (scan.finds(matcher(FUTURE, without), FUTURE_STARTS, 0, without.length())) {
      return TimexNormalizer.Direction.FUTURE;
    }
    if (scan.finds(matcher(PAST, without), PAST_STARTS, 0, without.length())) {
      return TimexNormalizer.Direction.PAST;
    }
    return TimexNormalizer.Direction.NONE;
  }

  /**
   * A matcher of {@code text} whose region can start anywhere and still see the text around it,
   * as {@link RuleScan} needs: over the whole text, it finds what a plain matcher finds.
   */
  private static Matcher matcher(Pattern pattern, String text) {
    return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * The tense of a verb right before the expression ("ended March 31", "will open Jan. 2"), else
   * NONE: a cue that close decides even where the calendar would take the nearest date.
   */
  static TimexNormalizer.Direction adjacentTense(String sentence, int start, int end) {
    // The last few words are enough, and an end-anchored pattern over a long sentence is slow.
    String before = sentence.substring(Math.max(0, start - 48), start);
    Matcher verb = ADJACENT_VERB.matcher(before);
    if (!verb.find()) {
      return TimexNormalizer.Direction.NONE;
    }
    String auxiliary = verb.group(1) == null ? "" : verb.group(1).toLowerCase(Locale.ROOT);
    String word = verb.group(2);
    switch (auxiliary) { // a passive takes its tense from the auxiliary: "will be paid Dec. 14"
      case "was", "were", "had", "been" -> {
        return TimexNormalizer.Direction.PAST;
      }
      case "be", "will" -> {
        return TimexNormalizer.Direction.FUTURE;
      }
      case "is", "are", "am" -> {
        return TimexNormalizer.Direction.NONE;
      }
      default -> { }
    }
    if (FUTURE.matcher(word).matches()) {
      return TimexNormalizer.Direction.FUTURE;
    }
    return PAST_VERB.matcher(word).matches() || PAST.matcher(word).matches()
        ? TimexNormalizer.Direction.PAST : TimexNormalizer.Direction.NONE;
  }

  /** The word before an expression, past a preposition ("ended on", "ended in"), and its auxiliary. */
  private static final Pattern ADJACENT_VERB = Pattern.compile(
      "(?:\\b(\\p{L}+)\\s+)?\\b(\\p{L}+)\\s+(?:(?:on|in|until|by)\\s+)?$");

  /**
   * Tense for a weekday, which news uses for days on both sides of the article ("met on Friday",
   * "will meet on Friday"): the tense cue nearest the weekday decides, since a sentence often
   * holds both ("exiles will fight the ruling, Cuba predicted Wednesday"). A possessive
   * ("Wednesday's ruling") points back, unless it comes right after "ahead of", "until" and the like.
   */
  static TimexNormalizer.Direction weekdayDirection(String sentence, int start, int end) {
    int bestDistance = Integer.MAX_VALUE;
    TimexNormalizer.Direction best = TimexNormalizer.Direction.NONE;
    for (var cue : List.of(Map.entry(FUTURE, TimexNormalizer.Direction.FUTURE),
        Map.entry(PAST, TimexNormalizer.Direction.PAST), Map.entry(PAST_VERB, TimexNormalizer.Direction.PAST))) {
      Matcher m = cue.getKey().matcher(sentence);
      while (m.find()) {
        if (m.end() > start && m.start() < end) {
          continue; // the expression's own words ("last Friday") are not a cue
        }
        int distance = m.end() <= start ? start - m.end() : m.start() - end;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = cue.getValue();
        }
      }
    }
    if (POSSESSIVE.matcher(sentence.substring(end)).find()) {
      return AHEAD_OF.matcher(sentence.substring(Math.max(0, start - 24), start)).find()
          ? TimexNormalizer.Direction.FUTURE : TimexNormalizer.Direction.PAST;
    }
    return best;
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
