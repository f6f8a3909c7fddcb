package dev.corpus.extract.time;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * latest such date as evidence. A page with no date at all stays undated: its relative
 * expressions keep {@code X} for what cannot be known.
 */
public final class DateStage implements Stage {

  private static final Pattern FULL = Pattern.compile("(\\d{4})(?:-(\\d\\d)(?:-(\\d\\d))?)?");

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
    if (value == null || value.length() < 10 || !value.matches("\\d{4}-\\d\\d-\\d\\d.*")) {
      return null;
    }
    return LocalDate.parse(value.substring(0, 10));
  }

  /** A year for a month and day printed without one; unchanged when the text gives no clue. */
  private PublishedDate inferYear(String body, PublishedDate printed) {
    List<Timex> printedAs = tagger.tag(printed.text(), null);
    if (printedAs.isEmpty() || !printedAs.get(0).value().matches("XXXX-\\d\\d-\\d\\d")) {
      return printed;
    }
    String md = printedAs.get(0).value().substring(5);
    int month = Integer.parseInt(md.substring(0, 2));
    int dayOfMonth = Integer.parseInt(md.substring(3, 5));
    LocalDate latest = null;
    String latestText = null;
    for (Timex t : tagger.tag(body, null)) {
      Matcher m = FULL.matcher(t.value());
      // Only dates stated to the month or day count: a bare year is as often history ("the
      // 1961 treaty") as news, and would date a 2024 report to 1962.
      if (!t.type().equals("DATE") || !m.matches() || m.group(2) == null) {
        continue;
      }
      int year = Integer.parseInt(m.group(1));
      // The last day the expression covers: "September 2023" reaches 2023-09-30.
      LocalDate end = m.group(3) != null ? LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          : m.group(2) != null ? YearMonth.of(year, Integer.parseInt(m.group(2))).atEndOfMonth()
          : LocalDate.of(year, 12, 31);
      if (latest == null || end.isAfter(latest)) {
        latest = end;
        latestText = t.text();
      }
    }
    if (latest == null) {
      return printed;
    }
    int year = latest.getYear();
    LocalDate candidate = LocalDate.of(year, month, Math.min(dayOfMonth, YearMonth.of(year, month).lengthOfMonth()));
    if (candidate.isBefore(latest)) {
      candidate = candidate.plusYears(1);
    }
    return new PublishedDate(candidate.toString(), printed.text(), "day", true,
        printed.evidence() + "; year inferred: the first after the latest date the text states (\"" + latestText + "\")");
  }
}
