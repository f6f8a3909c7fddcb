package dev.corpus.search;

import dev.corpus.extract.time.Timex;
import dev.corpus.extract.time.TimexRanges;
import dev.corpus.extract.time.TimexRules;
import dev.corpus.extract.time.TimexTagger;
import java.util.List;

import dev.corpus.CorpusException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Parses the date options ({@code --since}, {@code --until}, {@code --mentions-since}, …): a year
 * ({@code 2024}), a month ({@code 2024-06}), a day ({@code 2024-06-19}), or simple words read
 * like a temporal expression of an article published today ({@code "last month"}, {@code
 * "this year"}, {@code "June 2024"}, {@code yesterday}). A start option takes the first day of
 * the period, an end option the last, so {@code --until 2024-06} includes all of June.
 */
public final class DateRange {

  private static final TimexTagger WORDS = new TimexTagger(TimexRules.shipped());

  private DateRange() {}

  /** First day of the period {@code text} names; words are read relative to {@code today}. */
  public static LocalDate start(String option, String text, LocalDate today) {
    return parse(option, text, true, today);
  }

  /** Last day of the period {@code text} names. */
  public static LocalDate end(String option, String text, LocalDate today) {
    return parse(option, text, false, today);
  }

  private static LocalDate parse(String option, String text, boolean start, LocalDate today) {
    String t = text.strip();
    try {
      if (t.matches("\\d{4}")) {
        int year = Integer.parseInt(t);
        return start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        YearMonth month = YearMonth.parse(t);
        return start ? month.atDay(1) : month.atEndOfMonth();
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t);
      }
    } catch (DateTimeException e) {
      // falls through to the words, then to the usage error
    }
    List<Timex> found = WORDS.tag(t, today);
    if (found.size() == 1 && found.get(0).end() - found.get(0).start() >= t.length() - 3) {
      LocalDate[] range = TimexRanges.range(found.get(0).value());
      if (range != null) {
        return start ? range[0] : range[1];
      }
    }
    throw new CorpusException.Usage(
        option + ": '" + text + "' is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or words like \"last month\"");
  }
}
