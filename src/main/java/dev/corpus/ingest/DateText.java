package dev.corpus.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates that pages print in their headers and metadata.
 *
 * <p>Accepts ISO 8601 (with or without time and offset), "Jun 19, 2024 1:10 PM", "Wednesday,
 * June 19, 2024", "19 June 2024", "20.06.2024", "06/20/2024" (US order unless the first number
 * is over 12), "19-OCT-1987 10:01:02.00", "Sat 12 Oct 2024 09.15 BST", JavaScript's "Tue Nov 19
 * 2019 05:44:06 GMT+0000 (Coordinated Universal Time)", optionally after a label such as
 * "Published:" and followed by a time zone abbreviation ("ET" and the other US zones printed
 * without saying whether summer time applies keep the local time, with no offset). A whole string must be a date: "June 19 summit" is not.
 * Month-and-day without a year is recognised by {@link #parseNoYear} for datelines.
 */
public final class DateText {

  /** A date read from text; {@code time} and {@code offset} may be null. */
  public record Parsed(LocalDate date, LocalTime time, String offset, String precision) {

    /** ISO 8601 form at the precision printed. */
    public String iso() {
      StringBuilder out = new StringBuilder(date.toString());
      if (time != null) {
        // Not String.format: this runs for every page header, and format costs more than parsing.
        out.append('T');
        twoDigits(out, time.getHour()).append(':');
        twoDigits(out, time.getMinute());
        if ("second".equals(precision)) {
          twoDigits(out.append(':'), time.getSecond());
        }
        if (offset != null) {
          out.append(offset);
        }
      }
      return out.toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int n) {
      return out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
  }

  /** Month and day without a year, as in the dateline "MOSCOW, June 21". */
  public record MonthDay(int month, int day) {}

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String WEEKDAY =
      "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
  /** A clock time; "09.15" as British papers print it, "14:20" after a "·" in a byline row. */
  private static final String TIME =
      "(?:(?:,|\\s+at|\\s*-|\\s*\\||\\s*·)?\\s*(\\d{1,2})[:.](\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*([ap]\\.?\\s?m\\.?)?)?";
  /**
   * A zone: an abbreviation, a numeric offset, or JavaScript's "GMT+0000 (Coordinated Universal
   * Time)" (the offset counts; the name in parentheses is only its label).
   */
  private static final String ZONE =
      "(?:\\s*\\(?((?:gmt|utc)?[+-]\\d{2}:?\\d{2}|[a-z]{1,4})\\)?(?:\\s+\\([a-z][a-z .]{2,60}\\))?)?";
  private static final String LABEL =
      "^(?:(?:first\\s+)?published(?:\\s+on)?|posted(?:\\s+on)?|date|dated|released)\\s*:?\\s*";

  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "^" + WEEKDAY + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME + ZONE + "\\.?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_FIRST =
      Pattern.compile(
          "^" + WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})" + TIME + ZONE + "\\.?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_MON_YEAR_DASHED =
      Pattern.compile("^(\\d{1,2})-" + MONTH + "-(\\d{4})" + TIME + ZONE + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMERIC =
      Pattern.compile("^" + WEEKDAY + "(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})" + TIME + ZONE + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO =
      Pattern.compile(
          "^(\\d{4})-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(z|[+-]\\d{2}:?\\d{2})?)?)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL_PATTERN = Pattern.compile(LABEL, Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NUMERIC_OFFSET = Pattern.compile("[+-]\\d{2}:?\\d{2}");
  private static final Pattern NO_YEAR =
      Pattern.compile("^" + WEEKDAY + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?$", Pattern.CASE_INSENSITIVE);

  private static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("z", "Z"), Map.entry("gmt", "Z"), Map.entry("utc", "Z"),
          Map.entry("bst", "+01:00"), Map.entry("cet", "+01:00"), Map.entry("cest", "+02:00"),
          Map.entry("msk", "+03:00"), Map.entry("kst", "+09:00"), Map.entry("jst", "+09:00"),
          Map.entry("est", "-05:00"), Map.entry("edt", "-04:00"), Map.entry("pst", "-08:00"),
          Map.entry("pdt", "-07:00"), Map.entry("ist", "+05:30"), Map.entry("trt", "+03:00"),
          // US zones printed without saying whether summer time applies: known, offset unknown.
          Map.entry("et", ""), Map.entry("ct", ""), Map.entry("mt", ""), Map.entry("pt", ""));

  /**
   * Parses a whole string as a date, after an optional label such as "Published:".
   *
   * @return empty when the string is not exactly a date with a year
   */
  public Optional<Parsed> parse(String raw) {
    if (raw.length() > 100 || !hasDigit(raw)) {
      return Optional.empty(); // most lines tried are prose: reject them before any regex
    }
    String text = clean(raw);
    if (text.isEmpty() || text.length() > 80) {
      return Optional.empty();
    }
    text = LABEL_PATTERN.matcher(text).replaceFirst("");
    try {
      Matcher m = ISO.matcher(text);
      if (m.matches()) {
        return iso(m);
      }
      m = MONTH_FIRST.matcher(text);
      if (m.matches()) {
        return build(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)), m, 4);
      }
      m = DAY_FIRST.matcher(text);
      if (m.matches()) {
        return build(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), m, 4);
      }
      m = DAY_MON_YEAR_DASHED.matcher(text);
      if (m.matches()) {
        return build(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), m, 4);
      }
      m = NUMERIC.matcher(text);
      if (m.matches()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        boolean dayFirst = ".".equals(m.group(2)) || a > 12;
        return build(year(m.group(4)), dayFirst ? b : a, dayFirst ? a : b, m, 5);
      }
    } catch (DateTimeException | NumberFormatException notADate) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Parses "June 21" or "Friday, June 21": a month and day with no year. */
  public Optional<MonthDay> parseNoYear(String raw) {
    Matcher m = NO_YEAR.matcher(clean(raw));
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = month(m.group(1));
    int day = Integer.parseInt(m.group(2));
    if (day < 1 || day > 31) {
      return Optional.empty();
    }
    return Optional.of(new MonthDay(month, day));
  }

  /** The regular expression of an English month name or abbreviation, as one group. */
  static String monthPattern() {
    return MONTH;
  }

  /** Month number of an English month name or abbreviation. */
  static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT);
    return switch (m.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new DateTimeException("not a month: " + name);
    };
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String clean(String raw) {
    return SPACES.matcher(raw.replace('\u00A0', ' ').strip()).replaceAll(" ");
  }

  private static int year(String digits) {
    int year = Integer.parseInt(digits);
    if (year < 1800 || year > 2200) {
      throw new DateTimeException("implausible year " + year);
    }
    return year;
  }

  private static Optional<Parsed> iso(Matcher m) {
    int year = year(m.group(1));
    int month = Integer.parseInt(m.group(2));
    if (m.group(3) == null) {
      LocalDate first = LocalDate.of(year, month, 1);
      return Optional.of(new Parsed(first, null, null, "month"));
    }
    LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
    if (m.group(4) == null) {
      return Optional.of(new Parsed(date, null, null, "day"));
    }
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second);
    String offset = m.group(7) == null ? null : offset(m.group(7));
    return Optional.of(new Parsed(date, time, offset, second == 0 ? "minute" : "second"));
  }

  /** Builds a result from date parts and the TIME+ZONE groups starting at {@code timeGroup}. */
  private static Optional<Parsed> build(int year, int month, int day, Matcher m, int timeGroup) {
    LocalDate date = LocalDate.of(year, month, day);
    String hour = m.group(timeGroup);
    if (hour == null) {
      return m.group(timeGroup + 4) == null ? Optional.of(new Parsed(date, null, null, "day")) : Optional.empty();
    }
    int h = Integer.parseInt(hour);
    String ampm = m.group(timeGroup + 3);
    if (ampm != null) {
      boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
      if (h < 1 || h > 12) {
        return Optional.empty();
      }
      h = h % 12 + (pm ? 12 : 0);
    }
    int second = m.group(timeGroup + 2) == null ? 0 : Integer.parseInt(m.group(timeGroup + 2));
    LocalTime time = LocalTime.of(h, Integer.parseInt(m.group(timeGroup + 1)), second);
    String zone = m.group(timeGroup + 4);
    String offset = zone == null ? null : offset(zone);
    if (zone != null && offset == null) {
      return Optional.empty(); // trailing word that is not a known zone: not a pure date line
    }
    if (offset != null && offset.isEmpty()) {
      offset = null; // "ET": a zone whose offset depends on the season; the time stays local
    }
    return Optional.of(new Parsed(date, time, offset, second == 0 ? "minute" : "second"));
  }

  private static String offset(String zone) {
    String z = zone.toLowerCase(Locale.ROOT);
    if ((z.startsWith("gmt") || z.startsWith("utc")) && z.length() > 3) {
      z = z.substring(3);
    }
    if (ZONES.containsKey(z)) {
      return ZONES.get(z);
    }
    if (NUMERIC_OFFSET.matcher(z).matches()) {
      String normal = z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z;
      return "+00:00".equals(normal) ? "Z" : normal;
    }
    return null;
  }

  /** Parses a full ISO-8601 offset date-time, as found in HTML metadata. */
  public Optional<Parsed> parseMetadata(String raw) {
    Optional<Parsed> simple = parse(raw);
    if (simple.isPresent()) {
      return simple;
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(raw.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      String offset = t.getOffset().getId();
      return Optional.of(
          new Parsed(t.toLocalDate(), t.toLocalTime(), offset, t.getSecond() == 0 ? "minute" : "second"));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
