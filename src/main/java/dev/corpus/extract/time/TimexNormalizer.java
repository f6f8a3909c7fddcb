package dev.corpus.extract.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Computes TIMEX3 values from the named groups of a rule's match, one method per function named
 * in {@code timex-rules.txt}. Underspecified and relative expressions are resolved against the
 * reference date; when there is none, the unknown parts are written as {@code X}
 * ({@code XXXX-06-19}). Stateless.
 */
final class TimexNormalizer {

  /** Group key the tagger adds when an offset's sentence speaks of quarters (company results). */
  static final String QUARTER_CONTEXT = "quartercontext";
  /** Group key the tagger adds when a verb right before a date gives its tense: PAST or FUTURE. */
  static final String ADJACENT_TENSE = "adjacenttense";

  /** The tense of the sentence: which way an underspecified date points from the reference. */
  enum Direction { PAST, FUTURE, NONE }

  // The patterns of the values' small rewrites, compiled once: String.replaceAll and matches
  // compile theirs at every call.
  private static final Pattern IES_END = Pattern.compile("ies$");
  private static final Pattern NON_DIGIT = Pattern.compile("\\D");
  private static final Pattern S_END = Pattern.compile("s$");
  private static final Pattern FEW_START = Pattern.compile("^few\\s+");
  private static final Pattern WORD_GAP = Pattern.compile("[\\s-]+");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern AND_A_HALF = Pattern.compile("\\d+[\\s-]+1/2");
  private static final Pattern FROM_GAP = Pattern.compile("[\\s-].*");
  private static final Pattern NOT_ORDINAL = Pattern.compile("[^a-z1-4]");

  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  private static final String[] NUMBERS = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

  /**
   * The value of a match, or null when the match is not a temporal expression after all.
   *
   * @param function the rule's function
   * @param g the named groups that matched
   * @param text the matched text
   * @param ref the reference date, or null
   */
  String value(String function, Map<String, String> g, String text, LocalDate ref, Direction dir) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String words : new String[] {"yearwords", "yearwords2", "yearwords3"}) {
      if (g.containsKey(words)) { // "nineteen ninety-six": read as digits, then valued like "1996"
        g.put("year", String.valueOf(spelledYear(g.get(words))));
      }
    }
    return switch (function) {
      case "calendar" -> calendar(g, ref, dir);
      case "numeric" -> numeric(g, ref);
      case "iso" -> g.get("year") + "-" + g.get("month") + "-" + g.get("day")
          + (g.containsKey("hour") ? "T" + g.get("hour") + ":" + g.get("minute") : "");
      case "year" -> g.containsKey("year") ? g.get("year") : String.valueOf(fullYear(g.get("yy"), ref));
      case "decade" -> g.containsKey("decade") ? g.get("decade").substring(0, 3)
          : g.containsKey("decadeword") ? "19" + (int) (number(IES_END.matcher(g.get("decadeword")).replaceAll("y")) / 10)
          : "19" + g.get("decade2").charAt(0);
      case "century" -> century(g);
      case "weekday" -> weekday(g, ref, dir);
      case "relday" -> relday(g, ref);
      case "partofday" -> partOfDay(g, ref);
      case "relunit" -> relunit(g, ref);
      case "ago" -> ago(g, lower, ref);
      case "duration" -> duration(g, lower);
      case "present" -> "PRESENT_REF";
      case "past" -> "PAST_REF";
      case "future" -> "FUTURE_REF";
      case "quarter" -> quarter(g, lower, ref, dir);
      case "half" -> year(g, ref) + "-H" + (g.get("ord").equalsIgnoreCase("first") ? 1 : 2);
      case "season" -> season(g, ref, dir);
      case "clock" -> clock(g, ref);
      case "set" -> set(g);
      case "ordinalday" -> ordinalDay(g, ref, dir);
      case "holiday" -> holiday(g, ref);
      default -> throw new IllegalArgumentException("unknown timex function " + function);
    };
  }

  // --- calendar dates -------------------------------------------------------------------------

  static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.length; i++) {
      if (m.startsWith(MONTHS[i])) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }

  private static int day(String text) {
    return Integer.parseInt(NON_DIGIT.matcher(text).replaceAll(""));
  }

  private String calendar(Map<String, String> g, LocalDate ref, Direction dir) {
    int month = month(g.get("month"));
    String day = g.get("day");
    if (day != null && day(day) > LocalDate.of(2000, month, 1).lengthOfMonth()) {
      return null; // "June 31" is not a date
    }
    if (g.containsKey("year")) {
      return g.get("year") + "-" + two(month) + (day == null ? "" : "-" + two(day(day)));
    }
    if (ref == null) {
      return "XXXX-" + two(month) + (day == null ? "" : "-" + two(day(day)));
    }
    if (g.containsKey("ydir")) { // "July of last year"
      int offset = switch (g.get("ydir").toLowerCase(Locale.ROOT)) {
        case "last" -> -1;
        case "next" -> 1;
        default -> 0;
      };
      return (ref.getYear() + offset) + "-" + two(month);
    }
    if (g.containsKey("mdir")) { // "last May": the latest May before this month; "next May": the first after
      int delta = month - ref.getMonthValue();
      int year = switch (g.get("mdir").toLowerCase(Locale.ROOT)) {
        case "last", "past" -> ref.getYear() - (delta >= 0 ? 1 : 0);
        case "next", "coming" -> ref.getYear() + (delta <= 0 ? 1 : 0);
        default -> ref.getYear();
      };
      return year + "-" + two(month);
    }
    if (g.containsKey(ADJACENT_TENSE)) { // "the year ended March 31", "will open Jan. 2"
      Direction adjacent = Direction.valueOf(g.get(ADJACENT_TENSE));
      return day == null ? monthIn(month, ref, adjacent) : resolve(month, day(day), ref, adjacent).toString();
    }
    // A month or day without a year close to the reference (within three months either way
    // round the calendar) is the nearest one; halfway round the year, news reports the past
    // unless the sentence is in the future.
    if (day == null) {
      int delta = month - ref.getMonthValue();
      if (Math.abs(delta) <= 3 || Math.abs(delta) >= 8) {
        return (ref.getYear() + (delta > 6 ? -1 : delta < -6 ? 1 : 0)) + "-" + two(month);
      }
      return monthIn(month, ref, dir == Direction.FUTURE ? Direction.FUTURE : Direction.PAST);
    }
    LocalDate nearest = resolve(month, day(day), ref, Direction.NONE);
    int monthDelta = Math.abs(month - ref.getMonthValue());
    if (monthDelta <= 3 || monthDelta >= 8) {
      return nearest.toString();
    }
    return resolve(month, day(day), ref, dir == Direction.FUTURE ? Direction.FUTURE : Direction.PAST).toString();
  }

  /**
   * The month {@code month} on the {@code dir} side of the reference (PAST or FUTURE), as
   * {@code YYYY-MM}: the reference's own month counts as either side, as {@link #resolve} does
   * for days.
   */
  private static String monthIn(int month, LocalDate ref, Direction dir) {
    int delta = month - ref.getMonthValue();
    int year = ref.getYear() + (dir == Direction.PAST ? (delta > 0 ? -1 : 0) : (delta < 0 ? 1 : 0));
    return year + "-" + two(month);
  }

  /** The date with this month and day nearest the reference in the sentence's direction. */
  static LocalDate resolve(int month, int day, LocalDate ref, Direction dir) {
    LocalDate same = safeDate(ref.getYear(), month, day);
    LocalDate before = safeDate(ref.getYear() - 1, month, day);
    LocalDate after = safeDate(ref.getYear() + 1, month, day);
    return switch (dir) {
      case PAST -> same.isAfter(ref) ? before : same;
      case FUTURE -> same.isBefore(ref) ? after : same;
      case NONE -> {
        LocalDate best = same;
        for (LocalDate c : new LocalDate[] {before, after}) {
          if (Math.abs(c.toEpochDay() - ref.toEpochDay()) < Math.abs(best.toEpochDay() - ref.toEpochDay())) {
            best = c;
          }
        }
        yield best;
      }
    };
  }

  private static LocalDate safeDate(int year, int month, int day) {
    LocalDate first = LocalDate.of(year, month, 1);
    return first.withDayOfMonth(Math.min(day, first.lengthOfMonth()));
  }

  private static String numeric(Map<String, String> g, LocalDate ref) {
    int month = Integer.parseInt(g.get("month"));
    int day = Integer.parseInt(g.get("day"));
    int year = g.containsKey("year") ? Integer.parseInt(g.get("year")) : fullYear(g.get("yy"), ref);
    return year + "-" + two(month) + "-" + two(day);
  }

  /** A two-digit year in the century that puts it at most 20 years after the reference. */
  private static int fullYear(String yy, LocalDate ref) {
    int y = Integer.parseInt(yy);
    int now = ref == null ? 2000 : ref.getYear();
    int century = now / 100 * 100;
    int year = century + y;
    return year > now + 20 ? year - 100 : year;
  }

  // --- days and units relative to the reference ---------------------------------------------

  private static String weekday(Map<String, String> g, LocalDate ref, Direction dir) {
    DayOfWeek wd = weekdayOf(g.get("weekday"));
    String part = partCode(g.get("part")); // "Friday night": 1998-08-07TNI, as the TIMEX3 guidelines say
    if (ref == null) {
      return "XXXX-WXX-" + wd.getValue() + part;
    }
    String d = g.getOrDefault("dir", "").toLowerCase(Locale.ROOT);
    LocalDate date = switch (d) {
      case "last", "past" -> ref.with(TemporalAdjusters.previous(wd));
      case "next", "coming" -> ref.with(TemporalAdjusters.next(wd));
      case "this" -> ref.with(wd);
      default -> {
        // News names the days around its own: the nearest such day, the past one on a tie;
        // a sentence in the future looks ahead.
        LocalDate back = ref.with(TemporalAdjusters.previousOrSame(wd));
        LocalDate ahead = ref.with(TemporalAdjusters.nextOrSame(wd));
        if (dir == Direction.FUTURE) {
          yield ahead;
        }
        yield ahead.toEpochDay() - ref.toEpochDay() < ref.toEpochDay() - back.toEpochDay() && dir != Direction.PAST ? ahead : back;
      }
    };
    return date + part;
  }

  static DayOfWeek weekdayOf(String name) {
    String w = name.toLowerCase(Locale.ROOT).substring(0, 2);
    return switch (w) {
      case "mo" -> DayOfWeek.MONDAY;
      case "tu" -> DayOfWeek.TUESDAY;
      case "we" -> DayOfWeek.WEDNESDAY;
      case "th" -> DayOfWeek.THURSDAY;
      case "fr" -> DayOfWeek.FRIDAY;
      case "sa" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }

  private static String partCode(String part) {
    if (part == null) {
      return "";
    }
    return switch (part.toLowerCase(Locale.ROOT)) {
      case "morning" -> "TMO";
      case "afternoon" -> "TAF";
      case "evening" -> "TEV";
      default -> "TNI";
    };
  }

  private static String relday(Map<String, String> g, LocalDate ref) {
    String d = g.get("day").toLowerCase(Locale.ROOT);
    int offset = switch (d) {
      case "yesterday" -> -1;
      case "tomorrow" -> 1;
      case "the day before yesterday" -> -2;
      case "the day after tomorrow" -> 2;
      default -> 0;
    };
    String part = partCode(g.get("part"));
    return ref == null ? (offset == 0 ? "PRESENT_REF" : "XXXX-XX-XX" + part) : ref.plusDays(offset) + part;
  }

  private static String partOfDay(Map<String, String> g, LocalDate ref) {
    if (g.containsKey("part2")) {
      return ref == null ? "XXXX-XX-XX" : ref.toString(); // "tonight" is the day, as TimeBank does
    }
    String d = g.get("dir").toLowerCase(Locale.ROOT);
    String part = partCode(g.get("part"));
    if (ref == null) {
      return "XXXX-XX-XX" + part;
    }
    LocalDate day = switch (d) {
      case "last", "yesterday" -> ref.minusDays(1);
      case "tomorrow" -> ref.plusDays(1);
      default -> ref;
    };
    return day + part;
  }

  private static String relunit(Map<String, String> g, LocalDate ref) {
    String d = g.get("dir").toLowerCase(Locale.ROOT).replace("the ", "");
    String unit = g.get("unit").toLowerCase(Locale.ROOT);
    if (d.equals("year")) { // "year-earlier", "year-ago": of a quarter when the sentence reports quarters
      if (ref != null && g.containsKey(QUARTER_CONTEXT)) {
        LocalDate q = ref.minusMonths(3).minusYears(1);
        return q.getYear() + "-Q" + q.get(IsoFields.QUARTER_OF_YEAR);
      }
      return ref == null ? "XXXX" : String.valueOf(ref.getYear() - 1);
    }
    int offset = switch (d) {
      case "last", "past", "previous" -> -1;
      case "next", "coming", "following" -> 1;
      default -> 0;
    };
    if (ref != null && unit.equals("weekend") && d.equals("the") && ref.getDayOfWeek().getValue() < 5) {
      offset = -1; // "the weekend" said on a weekday is the one just gone
    }
    if (ref == null) {
      return switch (unit) {
        case "week" -> "XXXX-WXX";
        case "weekend" -> "XXXX-WXX-WE";
        case "month" -> "XXXX-XX";
        case "quarter" -> "XXXX-QX";
        default -> "XXXX";
      };
    }
    return switch (unit) {
      case "week" -> week(ref.plusWeeks(offset));
      case "weekend" -> week(ref.plusWeeks(offset)) + "-WE";
      case "month" -> ref.plusMonths(offset).toString().substring(0, 7);
      case "quarter" -> {
        LocalDate q = ref.plusMonths(3L * offset);
        yield q.getYear() + "-Q" + q.get(IsoFields.QUARTER_OF_YEAR);
      }
      case "decade" -> String.valueOf((ref.getYear() + 10 * offset) / 10);
      case "century" -> String.valueOf((ref.getYear() + 100 * offset) / 100);
      default -> String.valueOf(ref.getYear() + offset);
    };
  }

  private static String week(LocalDate d) {
    return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + two(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static String ago(Map<String, String> g, String lower, LocalDate ref) {
    int sign;
    double n;
    String unit;
    if (!g.containsKey("num")) { // "a year ago", "the year before", "the previous year"
      sign = -1;
      n = 1;
      unit = "year";
    } else {
      String d = g.get("dir").toLowerCase(Locale.ROOT);
      sign = d.equals("later") || d.equals("after") || d.equals("from now") || d.equals("hence") ? 1 : -1;
      n = number(g.get("num"));
      unit = S_END.matcher(g.get("unit").toLowerCase(Locale.ROOT)).replaceAll("").replace("centurie", "century");
    }
    if (ref == null || Double.isNaN(n)) {
      return sign < 0 ? "PAST_REF" : "FUTURE_REF";
    }
    long k = Math.round(n) * sign;
    if (unit.equals("year") && g.containsKey(QUARTER_CONTEXT)) {
      // Results "from a year ago" compare the quarter just reported with the same quarter a
      // year before: the quarter before the reference's, k years off.
      LocalDate q = ref.minusMonths(3).plusYears(k);
      return q.getYear() + "-Q" + q.get(IsoFields.QUARTER_OF_YEAR);
    }
    return switch (unit) {
      case "second", "minute", "hour" -> ref.toString();
      case "day" -> ref.plusDays(k).toString();
      case "week", "fortnight" -> week(ref.plusWeeks(unit.equals("week") ? k : 2 * k));
      case "month" -> ref.plusMonths(k).toString().substring(0, 7);
      case "quarter" -> {
        LocalDate q = ref.plusMonths(3 * k);
        yield q.getYear() + "-Q" + q.get(IsoFields.QUARTER_OF_YEAR);
      }
      case "decade" -> String.valueOf(ref.getYear() + 10 * k);
      case "century" -> String.valueOf(ref.getYear() + 100 * k);
      default -> String.valueOf(ref.getYear() + k);
    };
  }

  // --- durations, quarters, seasons, times, sets ------------------------------------------------

  private static String duration(Map<String, String> g, String lower) {
    String unitText = g.getOrDefault("unit", "months").toLowerCase(Locale.ROOT);
    double n;
    if (g.containsKey("num2")) {
      n = number(g.get("num2"));
      unitText = "months";
    } else if (g.containsKey("num")) {
      n = g.get("num").isEmpty() ? 1 : number(g.get("num")); // "the past decade"
    } else {
      n = Double.NaN; // "years of", "the past few months"
    }
    if (g.containsKey("half")) {
      n += 0.5; // "an hour and a half"
    }
    String unit = S_END.matcher(FEW_START.matcher(unitText).replaceAll("")).replaceAll("").replace("centurie", "century");
    String halves = halves(n, unit);
    if (halves != null) {
      return halves;
    }
    String amount = Double.isNaN(n) ? "X" : (n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n));
    return switch (unit) {
      case "second" -> "PT" + amount + "S";
      case "minute" -> "PT" + amount + "M";
      case "hour" -> "PT" + amount + "H";
      case "day" -> "P" + amount + "D";
      case "week" -> "P" + amount + "W";
      case "fortnight" -> "P" + (amount.equals("X") ? "X" : String.valueOf(2 * (long) n)) + "W";
      case "month" -> "P" + amount + "M";
      case "quarter" -> "P" + amount + "Q";
      case "decade" -> "P" + (amount.equals("X") ? "X" : String.valueOf(10 * (long) n)) + "Y";
      case "century" -> "P" + (amount.equals("X") ? "X" : String.valueOf(100 * (long) n)) + "Y";
      default -> "P" + amount + "Y";
    };
  }

  /**
   * "2 1/2 years" as TIMEX3 writes it, P2Y6M: the half in the next smaller unit; null when
   * {@code n} is whole or the unit has no exact half.
   */
  private static String halves(double n, String unit) {
    if (Double.isNaN(n) || n == Math.rint(n) || n - Math.floor(n) != 0.5) {
      return null;
    }
    long whole = (long) Math.floor(n);
    String w = whole == 0 ? "" : String.valueOf(whole);
    return switch (unit) {
      case "year" -> "P" + (whole == 0 ? "" : w + "Y") + "6M";
      case "day" -> "P" + (whole == 0 ? "" : w + "D") + "T12H";
      case "hour" -> "PT" + (whole == 0 ? "" : w + "H") + "30M";
      case "minute" -> "PT" + (whole == 0 ? "" : w + "M") + "30S";
      default -> null;
    };
  }

  /** "The 20th century" is {@code 19}: TIMEX3 writes a century as its first two digits. */
  private static String century(Map<String, String> g) {
    int n = g.containsKey("ordinal") ? Integer.parseInt(g.get("ordinal")) : switch (g.get("ordword").toLowerCase(Locale.ROOT)) {
      case "eighteenth" -> 18;
      case "nineteenth" -> 19;
      case "twentieth" -> 20;
      default -> 21;
    };
    return two(n - 1);
  }

  /** A year in words: "nineteen ninety-six", "nineteen oh five", "two thousand and one". */
  static int spelledYear(String text) {
    List<String> words = new java.util.ArrayList<>(List.of(WORD_GAP.split(text.toLowerCase(Locale.ROOT))));
    words.removeIf(w -> w.equals("and") || w.equals("oh") || w.equals("hundred"));
    int century = words.get(0).equals("two") ? 2000 : 1900;
    List<String> rest = words.subList(century == 2000 ? 2 : 1, words.size());
    int within = 0;
    for (String w : rest) {
      within += (int) number(w);
    }
    return century + within;
  }

  /** A number written in digits or words; NaN for vague amounts ("several", "a few"). */
  static double number(String text) {
    String t = text.toLowerCase(Locale.ROOT).strip();
    if (DECIMAL.matcher(t).matches()) {
      return Double.parseDouble(t);
    }
    if (AND_A_HALF.matcher(t).matches()) { // "2 1/2"
      return Integer.parseInt(FROM_GAP.matcher(t).replaceAll("")) + 0.5;
    }
    switch (t) {
      case "a", "an", "one", "the" -> { // "the year ended Sept. 30"
        return 1;
      }
      case "a couple of" -> {
        return 2;
      }
      case "a half", "half a", "half an" -> {
        return 0.5;
      }
      default -> { }
    }
    double total = 0;
    boolean any = false;
    for (String w : WORD_GAP.split(t)) {
      int v = -1;
      for (int i = 0; i < NUMBERS.length; i++) {
        if (NUMBERS[i].equals(w)) {
          v = i;
        }
      }
      for (int i = 2; i < TENS.length; i++) {
        if (TENS[i].equals(w)) {
          v = i * 10;
        }
      }
      if (w.equals("hundred")) {
        total = (total == 0 ? 1 : total) * 100;
        any = true;
        continue;
      }
      if (v < 0) {
        return Double.NaN;
      }
      total += v;
      any = true;
    }
    return any ? total : Double.NaN;
  }

  private static String quarter(Map<String, String> g, String lower, LocalDate ref, Direction dir) {
    String ord = g.getOrDefault("ord", "").toLowerCase(Locale.ROOT);
    String d = g.getOrDefault("dir", "").toLowerCase(Locale.ROOT);
    int year = g.containsKey("year") ? Integer.parseInt(g.get("year")) : ref == null ? -1 : ref.getYear();
    String yearDir = g.getOrDefault("yeardir", "").toLowerCase(Locale.ROOT);
    if (d.startsWith("year-") || yearDir.equals("last")) {
      year--;
    } else if (yearDir.equals("next")) {
      year++;
    }
    int q;
    if (ord.isEmpty()) {
      if (ref == null) {
        return "XXXX-QX";
      }
      // "the quarter", "the latest quarter" in a report mean the one just ended; "the current
      // quarter" the one under way; the year-earlier one is that a year before.
      LocalDate r = d.equals("current") || d.equals("this") ? ref : ref.minusMonths(3);
      if (d.startsWith("year-") || lower.contains("year")) {
        r = r.minusYears(1);
      }
      return r.getYear() + "-Q" + r.get(IsoFields.QUARTER_OF_YEAR);
    }
    q = switch (NOT_ORDINAL.matcher(ord).replaceAll("")) {
      case "first", "1st", "q1" -> 1;
      case "second", "2nd", "q2" -> 2;
      case "third", "3rd", "q3" -> 3;
      default -> 4;
    };
    if (ref != null && !g.containsKey("year") && yearDir.isEmpty() && !d.startsWith("year-") && dir != Direction.FUTURE
        && q - ref.get(IsoFields.QUARTER_OF_YEAR) >= 2) {
      year--; // "fourth-quarter profit" reported in January: last year's quarter, not one half a year away
    }
    return (year < 0 ? "XXXX" : String.valueOf(year)) + "-Q" + q;
  }

  private static String year(Map<String, String> g, LocalDate ref) {
    return g.containsKey("year") ? g.get("year") : ref == null ? "XXXX" : String.valueOf(ref.getYear());
  }

  private static String season(Map<String, String> g, LocalDate ref, Direction dir) {
    if (g.containsKey("season2")) {
      return g.get("year2") + "-FA";
    }
    String s = g.get("season").toLowerCase(Locale.ROOT);
    String code = switch (s) {
      case "spring" -> "SP";
      case "summer" -> "SU";
      case "winter" -> "WI";
      default -> "FA";
    };
    if (g.containsKey("year")) {
      return g.get("year") + "-" + code;
    }
    if (ref == null) {
      return "XXXX-" + code;
    }
    int startMonth = switch (code) {
      case "SP" -> 3;
      case "SU" -> 6;
      case "FA" -> 9;
      default -> 12;
    };
    String d = g.getOrDefault("dir", "").toLowerCase(Locale.ROOT).replace("the ", "");
    if (d.equals("following")) {
      d = "next";
    } else if (d.equals("previous")) {
      d = "last";
    }
    int year = ref.getYear();
    boolean started = ref.getMonthValue() >= startMonth;
    if (d.equals("last") || d.equals("past") || (d.isEmpty() && dir == Direction.PAST)) {
      year = started ? year : year - 1;
      if (d.equals("last") && started && ref.getMonthValue() < startMonth + 3) {
        year--; // "last summer" said in July means the previous one
      }
    } else if (d.equals("next") || d.equals("coming") || (d.isEmpty() && dir == Direction.FUTURE)) {
      year = started ? year + 1 : year;
    }
    return year + "-" + code;
  }

  private static String clock(Map<String, String> g, LocalDate ref) {
    String h = g.get("hour").toLowerCase(Locale.ROOT);
    int hour;
    int minute = g.containsKey("minute") ? Integer.parseInt(g.get("minute")) : 0;
    if (h.equals("noon")) {
      hour = 12;
    } else if (h.equals("midnight")) {
      hour = 0;
    } else {
      hour = Integer.parseInt(h);
      String ampm = g.getOrDefault("ampm", "").toLowerCase(Locale.ROOT);
      if (ampm.startsWith("p") && hour < 12) {
        hour += 12;
      } else if (ampm.startsWith("a") && hour == 12) {
        hour = 0;
      }
    }
    return (ref == null ? "XXXX-XX-XX" : ref.toString()) + "T" + two(hour) + ":" + two(minute);
  }

  private static String set(Map<String, String> g) {
    if (g.containsKey("weekday")) {
      return "XXXX-WXX-" + weekdayOf(g.get("weekday")).getValue();
    }
    if (g.containsKey("month")) { // "each July"
      return "XXXX-" + two(month(g.get("month")));
    }
    String u = g.get("unit").toLowerCase(Locale.ROOT);
    return switch (u) {
      case "daily", "day", "nightly", "night", "morning", "evening" -> "P1D";
      case "weekly", "week" -> "P1W";
      case "monthly", "month" -> "P1M";
      case "quarterly", "quarter" -> "P1Q";
      case "hourly", "hour" -> "PT1H";
      default -> "P1Y";
    };
  }

  /**
   * "The 19th": a day of the reference's month when it is not after the reference; a later day
   * is this month's in a future sentence, else last month's.
   */
  private static String ordinalDay(Map<String, String> g, LocalDate ref, Direction dir) {
    int day = day(g.get("day"));
    if (ref == null) {
      return "XXXX-XX-" + two(day);
    }
    if (day <= ref.getDayOfMonth() || dir == Direction.FUTURE) {
      return safeDate(ref.getYear(), ref.getMonthValue(), day).toString();
    }
    LocalDate previous = ref.minusMonths(1);
    return safeDate(previous.getYear(), previous.getMonthValue(), day).toString();
  }

  private static String holiday(Map<String, String> g, LocalDate ref) {
    String h = g.get("holiday").toLowerCase(Locale.ROOT).replace("’", "'");
    if (g.containsKey("year")) {
      return holidayIn(h, Integer.parseInt(g.get("year"))).toString();
    }
    if (ref == null) {
      return h.startsWith("thanksgiving") ? "XXXX-11" : "XXXX-" + holidayIn(h, 2000).toString().substring(5);
    }
    // Without a year: "last Thanksgiving" is the one before the reference, "next Christmas" the
    // one after; otherwise the most recent occurrence, or the coming one when within a month.
    String d = g.getOrDefault("dir", "").toLowerCase(Locale.ROOT);
    LocalDate thisYear = holidayIn(h, ref.getYear());
    LocalDate before = thisYear.isAfter(ref) ? holidayIn(h, ref.getYear() - 1) : thisYear;
    LocalDate after = thisYear.isBefore(ref) ? holidayIn(h, ref.getYear() + 1) : thisYear;
    LocalDate day = switch (d) {
      case "last", "past" -> before.equals(ref) ? holidayIn(h, ref.getYear() - 1) : before;
      case "next", "coming" -> after;
      case "this" -> thisYear;
      default -> after.toEpochDay() - ref.toEpochDay() <= 31 ? after : before;
    };
    return day.toString();
  }

  /** The day of a holiday in {@code year}. */
  private static LocalDate holidayIn(String h, int year) {
    if (h.startsWith("thanksgiving")) { // fourth Thursday of November
      return LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }
    String md = switch (h) {
      case "christmas eve" -> "12-24";
      case "new year's day" -> "01-01";
      case "new year's eve" -> "12-31";
      case "independence day" -> "07-04";
      case "halloween" -> "10-31";
      case "valentine's day" -> "02-14";
      default -> "12-25";
    };
    return LocalDate.parse(year + "-" + md);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }
}
