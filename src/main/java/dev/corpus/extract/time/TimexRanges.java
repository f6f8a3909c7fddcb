package dev.corpus.extract.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The days a DATE value covers: {@code 2024} is the whole year, {@code 2024-W25} a week. */
public final class TimexRanges {

  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)(T.*)?");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d\\d)");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})(-WE)?");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
  private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");
  private static final Pattern DECADE = Pattern.compile("(\\d{3})");

  private TimexRanges() {}

  /** First and last day of {@code value}, or null when it names no definite period ({@code XXXX-06-19}, {@code PAST_REF}). */
  public static LocalDate[] range(String value) {
    try {
      Matcher m;
      if ((m = DAY.matcher(value)).matches()) {
        LocalDate d = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        return new LocalDate[] {d, d};
      }
      if ((m = MONTH.matcher(value)).matches()) {
        YearMonth ym = YearMonth.of(num(m, 1), num(m, 2));
        return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
      }
      if ((m = YEAR.matcher(value)).matches()) {
        return new LocalDate[] {LocalDate.of(num(m, 1), 1, 1), LocalDate.of(num(m, 1), 12, 31)};
      }
      if ((m = WEEK.matcher(value)).matches()) {
        LocalDate monday = LocalDate.of(num(m, 1), 6, 1)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, num(m, 2))
            .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        return m.group(3) != null ? new LocalDate[] {monday.plusDays(5), monday.plusDays(6)} : new LocalDate[] {monday, monday.plusDays(6)};
      }
      if ((m = QUARTER.matcher(value)).matches()) {
        YearMonth first = YearMonth.of(num(m, 1), 3 * num(m, 2) - 2);
        return new LocalDate[] {first.atDay(1), first.plusMonths(2).atEndOfMonth()};
      }
      if ((m = HALF.matcher(value)).matches()) {
        YearMonth first = YearMonth.of(num(m, 1), num(m, 2) == 1 ? 1 : 7);
        return new LocalDate[] {first.atDay(1), first.plusMonths(5).atEndOfMonth()};
      }
      if ((m = SEASON.matcher(value)).matches()) {
        int startMonth = switch (m.group(2)) {
          case "SP" -> 3;
          case "SU" -> 6;
          case "FA" -> 9;
          default -> 12;
        };
        YearMonth first = YearMonth.of(num(m, 1), startMonth);
        return new LocalDate[] {first.atDay(1), first.plusMonths(2).atEndOfMonth()};
      }
      if ((m = DECADE.matcher(value)).matches()) {
        int y = num(m, 1) * 10;
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y + 9, 12, 31)};
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /** The precision of a value with a range: {@code day}, {@code week}, {@code month}, … */
  public static String granularity(String value) {
    if (DAY.matcher(value).matches()) {
      return "day";
    }
    if (WEEK.matcher(value).matches()) {
      return "week";
    }
    if (MONTH.matcher(value).matches()) {
      return "month";
    }
    if (YEAR.matcher(value).matches()) {
      return "year";
    }
    if (DECADE.matcher(value).matches()) {
      return "decade";
    }
    return "period";
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
