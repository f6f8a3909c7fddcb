package dev.corpus.extract.time;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date stage: dates the article, then finds and values the temporal expressions of its body
 * against that date. Thread-safe.
 *
 * <p>A page dated without a year ("MOSCOW, June 21 (TASS) -") gets the first year that puts
 * every month or day the text states in full ("September 2023", "June 19, 2024") before its
 * publication: a report does not mention dates after its own. Bare years ("1961") do not count:
 * they are as often history as news. The value is marked {@code inferred}, with the
 * latest such date as evidence. A weekday named in the lead picks the one year, among those the
 * text mentions, in which the dateline's day fell on it ({@link #inferYear}). A page with no date at all stays undated: its relative
 * expressions keep {@code X} for what cannot be known.
 */
public final class DateStage implements Stage {

  private static final Pattern FULL = Pattern.compile("(\\d{4})(?:-(\\d\\d)(?:-(\\d\\d))?)?");
  /** A weekday with no year, as the tagger values it without a reference date. */
  private static final Pattern WEEKDAY = Pattern.compile("XXXX-WXX-([1-7])(?:T.*)?");
  /** "last Sunday", "next Monday": another week's day, not the dateline's. */
  private static final Pattern DIRECTED = Pattern.compile("(?i)(?:last|next|this|coming|past|previous|following)\\b");

  /** A value with at least day precision. */
  private static final Pattern DAY_VALUE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d.*");
  /** A month and day without a year. */
  private static final Pattern MONTH_DAY_VALUE = Pattern.compile("XXXX-\\d\\d-\\d\\d");

  private final TimexTagger tagger;

  public DateStage(TimexTagger tagger) {
    this.tagger = tagger;
  }

  /** The stage with the rules shipped in the jar. */
  public static DateStage shipped() {
    return new DateStage(new TimexTagger(TimexRules.shipped()));
  }

  @Override
  public String name() {
    return "dates";
  }

  @Override
  public Set<AnnotationKey<?>> requires() {
    return Set.of();
  }

  @Override
  public Set<AnnotationKey<?>> provides() {
    return Set.of(DateAnnotations.KEY);
  }

  @Override
  public Annotations apply(Article article, Annotations in) {
    return in.with(DateAnnotations.KEY, find(article.body(), article.published()));
  }

  /** The dates of {@code body} published on {@code printed}. */
  public DateAnnotations find(String body, PublishedDate printed) {
    if (printed == null) {
      printed = PublishedDate.UNKNOWN;
    }
    PublishedDate published = printed;
    LocalDate reference = day(printed.value());
    if (reference == null && printed.value() == null && printed.text() != null && body != null) {
      published = inferYear(body, printed);
      reference = day(published.value());
    }
    List<Timex> timexes = new ArrayList<>();
    if (body != null && !body.isEmpty()) {
      CodePoints cp = new CodePoints(body);
      for (Timex t : tagger.tag(body, reference)) {
        timexes.add(t.at(cp.of(t.start()), cp.of(t.end())));
      }
    }
    return new DateAnnotations(published, List.copyOf(timexes));
  }

  /** The day of an ISO value with at least day precision, or null. */
  static LocalDate day(String value) {
    if (value == null || value.length() < 10 || !DAY_VALUE.matcher(value).matches()) {
      return null;
    }
    return LocalDate.parse(value.substring(0, 10));
  }

  /**
   * A year for a month and day printed without one; unchanged when the text gives no clue.
   *
   * <p>Two clues, each for a reason that holds for news in general. A report does not mention
   * dates after its own, so the publication is the first such day after the latest month or day
   * the text states in full. And a wire lead names the day it reports ("ANKARA, Mar 3 - … late on
   * Sunday"): when no month or day stated in full gives the first clue, the weekdays of the
   * first paragraph, read as the dateline's day, pick among the years the text mentions and the
   * years after them (a story mentions its own year or the last one) the single year in which
   * that day fell on that weekday. When none or several fit, the weekday was about another day
   * (leads often report the day before) or cannot decide, and the date stays unknown. A weekday
   * never overrides the first clue: it only confirms it in the evidence.
   */
  private PublishedDate inferYear(String body, PublishedDate printed) {
    List<Timex> printedAs = tagger.tag(printed.text(), null);
    if (printedAs.isEmpty() || !MONTH_DAY_VALUE.matcher(printedAs.get(0).value()).matches()) {
      return printed;
    }
    String md = printedAs.get(0).value().substring(5);
    int month = Integer.parseInt(md.substring(0, 2));
    int dayOfMonth = Integer.parseInt(md.substring(3, 5));
    LocalDate latest = null;
    String latestText = null;
    List<Timex> tagged = tagger.tag(body, null);
    TreeSet<Integer> mentioned = new TreeSet<>();
    Set<DayOfWeek> named = EnumSet.noneOf(DayOfWeek.class);
    List<String> namedText = new ArrayList<>();
    int lead = leadEnd(body);
    for (Timex t : tagged) {
      Matcher weekday = WEEKDAY.matcher(t.value());
      if (t.start() < lead && weekday.matches() && !DIRECTED.matcher(t.text()).lookingAt()) {
        named.add(DayOfWeek.of(Integer.parseInt(weekday.group(1))));
        namedText.add(t.text());
      }
      Matcher m = FULL.matcher(t.value());
      if (!t.type().equals("DATE") || !m.matches()) {
        continue;
      }
      int year = Integer.parseInt(m.group(1));
      mentioned.add(year);
      // Only dates stated to the month or day count: a bare year is as often history ("the
      // 1961 treaty") as news, and would date a 2024 report to 1962.
      if (m.group(2) == null) {
        continue;
      }
      // The last day the expression covers: "September 2023" reaches 2023-09-30.
      LocalDate end = m.group(3) != null ? LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          : YearMonth.of(year, Integer.parseInt(m.group(2))).atEndOfMonth();
      if (latest == null || end.isAfter(latest)) {
        latest = end;
        latestText = t.text();
      }
    }
    LocalDate afterLatest = null;
    if (latest != null) {
      int year = latest.getYear();
      afterLatest = LocalDate.of(year, month, Math.min(dayOfMonth, YearMonth.of(year, month).lengthOfMonth()));
      if (afterLatest.isBefore(latest)) {
        afterLatest = afterLatest.plusYears(1);
      }
    }
    if (afterLatest == null && !named.isEmpty()) {
      TreeSet<Integer> candidates = new TreeSet<>();
      for (int y : mentioned) {
        candidates.add(y);
        candidates.add(y + 1);
      }
      List<LocalDate> fitting = new ArrayList<>();
      for (int y : candidates) {
        if (dayOfMonth > YearMonth.of(y, month).lengthOfMonth()) {
          continue; // February 29 only in leap years
        }
        LocalDate d = LocalDate.of(y, month, dayOfMonth);
        if (named.contains(d.getDayOfWeek())) {
          fitting.add(d);
        }
      }
      if (fitting.size() == 1) {
        LocalDate chosen = fitting.get(0);
        String weekdayName = dayName(chosen.getDayOfWeek());
        return new PublishedDate(chosen.toString(), printed.text(), "day", true,
            printed.evidence() + "; year inferred: " + printed.text() + " was a " + weekdayName + " (the lead: \""
                + namedText.get(namedText.size() - 1) + "\") in " + chosen.getYear() + " alone of the years the text mentions ("
                + mentionedText(mentioned) + ") and the years after them");
      }
    }
    if (latest == null) {
      return printed;
    }
    String confirmed = named.contains(afterLatest.getDayOfWeek())
        ? ", a " + dayName(afterLatest.getDayOfWeek()) + " as the lead says"
        : "";
    return new PublishedDate(afterLatest.toString(), printed.text(), "day", true,
        printed.evidence() + "; year inferred: the first after the latest date the text states (\"" + latestText + "\")" + confirmed);
  }

  /** Where the first paragraph ends: the lead, whose weekdays name the dateline's day. */
  private static int leadEnd(String body) {
    int end = body.indexOf("\n\n");
    return end < 0 ? body.length() : end;
  }

  /** "Sunday": English, whatever the default locale. */
  private static String dayName(DayOfWeek day) {
    String name = day.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String mentionedText(TreeSet<Integer> years) {
    StringBuilder out = new StringBuilder();
    for (int y : years) {
      out.append(out.length() == 0 ? "" : ", ").append(y);
    }
    return out.length() == 0 ? "none" : out.toString();
  }
}
