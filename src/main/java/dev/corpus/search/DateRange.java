package dev.corpus.search;

import dev.corpus.CorpusException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Parses the date options {@code --since} and {@code --until}: a year ({@code 2024}), a month
 * ({@code 2024-06}) or a day ({@code 2024-06-19}). {@code --since} takes the first day of the
 * period, {@code --until} the last, so {@code --until 2024-06} includes all of June.
 */
public final class DateRange {

  private DateRange() {}

  /** First day of the period {@code text} names. */
  public static LocalDate start(String option, String text) {
    return parse(option, text, true);
  }

  /** Last day of the period {@code text} names. */
  public static LocalDate end(String option, String text) {
    return parse(option, text, false);
  }

  private static LocalDate parse(String option, String text, boolean start) {
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
      // falls through to the usage error
    }
    throw new CorpusException.Usage(
        option + ": '" + text + "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
  }
}
