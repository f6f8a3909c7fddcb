package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

  private final DateText dates = new DateText();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Jun 19, 2024 1:10 PM|2024-06-19T13:10|minute",
        "Thursday, June 26, 2025|2025-06-26|day",
        "19 June 2024|2024-06-19|day",
        "Wed 19 June 2024|2024-06-19|day",
        "20.06.2024|2024-06-20|day",
        "06/20/2024|2024-06-20|day",
        "20/06/2024|2024-06-20|day",
        "2024-06-20|2024-06-20|day",
        "2024-06|2024-06-01|month",
        "Published: June 21, 2024 at 09:15 GMT|2024-06-21T09:15Z|minute",
        "2024-06-19T13:10:00+03:00|2024-06-19T13:10+03:00|minute",
        "2024-06-22T08:30:00Z|2024-06-22T08:30Z|minute",
        "19-OCT-1987 10:01:02.00|1987-10-19T10:01:02|second",
        "Sept. 5, 2023|2023-09-05|day",
        "Sat 12 Oct 2024 09.15 BST|2024-10-12T09:15+01:00|minute",
        "Tue Nov 19 2019 05:44:06 GMT+0000 (Coordinated Universal Time)|2019-11-19T05:44:06Z|second",
        "Mon Mar 04 2024 18:05:00 GMT-0500|2024-03-04T18:05-05:00|minute",
        "03.10.2024 14:20|2024-10-03T14:20|minute",
        "March 3, 2024 9:40 a.m. ET|2024-03-03T09:40|minute",
      })
  void readsPrintedDates(String text, String iso, String precision) {
    var parsed = dates.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    assertEquals(iso, parsed.iso());
    assertEquals(precision, parsed.precision());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "June 19 summit in Pyongyang",
        "June 21",
        "The treaty was signed on June 19, 2024.",
        "31.02.2024",
        "Jun 19, 2024 1:10 PM Moscow time and more words",
        "1961",
        "Tue Nov 19 2019 05:44:06 GMT+0000 and the rest",
      })
  void refusesWhatIsNotExactlyADate(String text) {
    assertTrue(dates.parse(text).isEmpty(), text);
  }

  @ParameterizedTest
  @CsvSource({"June 21,6,21", "Friday June 21,6,21", "Sep 13,9,13"})
  void monthAndDayWithoutYear(String text, int month, int day) {
    assertEquals(new DateText.MonthDay(month, day), dates.parseNoYear(text).orElseThrow());
  }
}
