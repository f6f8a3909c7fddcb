package dev.corpus.extract.time;

/**
 * A temporal expression (TimeML TIMEX3).
 *
 * @param text the expression as written
 * @param type DATE, TIME, DURATION or SET
 * @param value TIMEX3 value: {@code 2024-06-19}, {@code 2024-06}, {@code 2024-W25}, {@code
 *     2024-06-19T13:10}, {@code P24Y}, {@code PRESENT_REF}, {@code XXXX-06-19} when the year
 *     cannot be known
 * @param start first code point, an offset into the body
 * @param end code point after the last, exclusive
 * @param relative true when the value was resolved against the reference date ("on Wednesday",
 *     "the 19th", "last year"); false when the text says it all ("June 19, 2024", "1961")
 */
public record Timex(String text, String type, String value, int start, int end, boolean relative) {

  /** This expression with other offsets (code points instead of UTF-16 indexes). */
  public Timex at(int start, int end) {
    return new Timex(text, type, value, start, end, relative);
  }
}
