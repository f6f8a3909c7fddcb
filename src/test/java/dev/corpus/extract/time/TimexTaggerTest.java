package dev.corpus.extract.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.model.PublishedDate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of temporal expression, on short texts with a fixed document date. */
class TimexTaggerTest {

  private static final TimexTagger TAGGER = new TimexTagger(TimexRules.shipped());
  /** A Wednesday. */
  private static final LocalDate JUNE_19 = LocalDate.of(2024, 6, 19);

  private static List<Timex> tag(String text, LocalDate ref) {
    return TAGGER.tag(text, ref);
  }

  /** The only expression of {@code text}, as "text|TYPE|value". */
  private static String one(String text, LocalDate ref) {
    List<Timex> found = tag(text, ref);
    assertEquals(1, found.size(), () -> text + " -> " + found);
    Timex t = found.get(0);
    assertEquals(t.text(), text.substring(t.start(), t.end()));
    return t.text() + "|" + t.type() + "|" + t.value();
  }

  @Test
  void explicitDatesNeedNoReference() {
    assertEquals("June 19, 2024|DATE|2024-06-19", one("The pact was signed on June 19, 2024 in Pyongyang.", null));
    assertEquals("19 June 2024|DATE|2024-06-19", one("Signed 19 June 2024.", null));
    assertEquals("September 2023|DATE|2023-09", one("Kim visited Russia in September 2023.", null));
    assertEquals("1961|DATE|1961", one("It replaces the treaty of 1961.", null));
    assertEquals("11/02/89|DATE|1989-11-02", one("Filed 11/02/89 with the SEC.", null));
    assertEquals("the 1990s|DATE|199", one("Trade grew through the 1990s.", null));
  }

  @Test
  void weekdaysFollowTheTenseOfTheSentence() {
    assertEquals("Wednesday|DATE|2024-06-19", one("The two leaders signed the agreement on Wednesday.", JUNE_19));
    assertEquals("Friday|DATE|2024-06-14", one("Officials met on Friday to prepare the visit.", JUNE_19));
    assertEquals("Friday|DATE|2024-06-21", one("Putin will fly to Hanoi on Friday.", JUNE_19));
    assertEquals("last Monday|DATE|2024-06-17", one("It began last Monday.", JUNE_19));
  }

  @Test
  void theTenseCueNearestAWeekdayDecides() {
    assertEquals("Wednesday|DATE|2024-06-19",
        one("Exiles will fight the ruling in every court, the government predicted Wednesday.", JUNE_19));
    assertEquals("Saturday|DATE|2024-06-22", one("Protesters plan to march on Saturday.", JUNE_19));
    assertEquals("Monday|DATE|2024-06-17", one("Monday's ruling will be appealed.", JUNE_19));
    assertEquals("Friday|DATE|2024-06-21", one("Rallies were held ahead of Friday's vote.", JUNE_19));
    assertEquals("Friday|DATE|2024-06-14", one("The deal had been due to expire Friday.", JUNE_19));
  }

  @Test
  void partsOfDayAndClockTimesTakeTheirDay() {
    assertEquals("Tuesday night|TIME|2024-06-18TNI", one("Shelling resumed Tuesday night.", JUNE_19));
    assertEquals("10 p.m. Monday|TIME|2024-06-17T22:00", one("The polls closed at 10 p.m. Monday.", JUNE_19));
    assertEquals("5 p.m. EST, June 24|TIME|2024-06-24T17:00", one("Bids are due by 5 p.m. EST, June 24.", JUNE_19));
    assertEquals("noon|TIME|2024-06-19T12:00", one("They met at noon.", JUNE_19));
  }

  @Test
  void monthsNamedRelativeToTheDocument() {
    LocalDate february27 = LocalDate.of(1998, 2, 27);
    assertEquals("last May|DATE|1997-05", one("Shareholders approved the plan last May.", february27));
    assertEquals("last January|DATE|1998-01", one("Shareholders approved the plan last January.", february27));
    assertEquals("this September|DATE|1998-09", one("Elections are held this September.", february27));
    assertEquals("July of last year|DATE|1997-07", one("He resigned in July of last year.", february27));
    assertEquals("each July|SET|XXXX-07", one("The festival is held each July.", february27));
    assertEquals("Oct. 23|DATE|1997-10-23", one("The attack came last Oct. 23.", february27));
  }

  @Test
  void companyResultsComparePeriodsWithNow() {
    List<Timex> year = tag("Revenue was $76 million for the year ended March 31.", LocalDate.of(1989, 11, 1));
    assertEquals(List.of("the year|DURATION|P1Y", "March 31|DATE|1989-03-31"),
        year.stream().map(t -> t.text() + "|" + t.type() + "|" + t.value()).toList());
    List<Timex> found = tag("The plant opened in March 1985. Profit rose to 6 pence from 4 pence a year earlier.",
        LocalDate.of(1989, 11, 2));
    assertEquals(List.of("1985-03", "1988"), found.stream().map(Timex::value).toList());
  }

  @Test
  void yearsInWordsAndHalvesAsTranscriptsWriteThem() {
    assertEquals("nineteen ninety-six|DATE|1996", one("The law was passed in nineteen ninety-six.", JUNE_19));
    assertEquals("January nineteen ninety-seven|DATE|1997-01", one("It began in January nineteen ninety-seven.", JUNE_19));
    assertEquals("the year two thousand|DATE|2000", one("Computers may fail in the year two thousand.", JUNE_19));
    assertTrue(tag("About two thousand people marched.", JUNE_19).isEmpty(), "a count is not a year");
    assertEquals("2 1/2 years|DURATION|P2Y6M", one("The talks took 2 1/2 years.", JUNE_19));
    assertEquals("an hour and a half|DURATION|PT1H30M", one("He spoke for an hour and a half.", JUNE_19));
    assertEquals("half an hour|DURATION|PT30M", one("He spoke for half an hour.", JUNE_19));
  }

  @Test
  void anOffsetFromAnEventIsADuration() {
    assertEquals("twenty years|DURATION|P20Y", one("The bridge was rebuilt twenty years after the war.", JUNE_19));
    assertEquals("four years ago|DATE|2020", one("The war ended almost four years ago.", JUNE_19));
    assertEquals("the current fiscal year|DATE|2024", one("Sales will rise in the current fiscal year.", JUNE_19));
  }

  @Test
  void holidaysCenturiesAndYearEnds() {
    LocalDate april3 = LocalDate.of(2000, 4, 3);
    assertEquals("Thanksgiving Day|DATE|1999-11-25", one("Elian arrived on Thanksgiving Day.", april3));
    assertEquals("last Christmas|DATE|1999-12-25", one("He flew home last Christmas.", april3));
    assertEquals("Christmas|DATE|2024-12-25", one("Shops expect record sales at Christmas.", LocalDate.of(2024, 12, 2)));
    assertEquals("the 20th century|DATE|19", one("It was the bloodiest war of the 20th century.", april3));
    assertEquals("the nineties|DATE|199", one("Prices rose through the nineties.", april3));
    assertTrue(tag("A man in his fifties was hurt.", april3).isEmpty(), "an age is not a decade");
    assertEquals("year-end|DATE|2000", one("The deal should close by year-end.", april3));
    assertEquals("the past decade|DURATION|P10Y", one("Wages stalled over the past decade.", april3));
    assertTrue(tag("About three-quarters of the food is imported.", april3).isEmpty(), "a fraction is not a duration");
    assertTrue(tag("He won a second term.", april3).isEmpty(), "an ordinal is not a duration");
    assertEquals("the fourth quarter|DATE|1999-Q4", one("Profit rose in the fourth quarter.", LocalDate.of(2000, 1, 26)));
  }

  @Test
  void thatYearIsTheStorysYear() {
    List<Timex> found = tag("The plant opened in March 1998. Later that year it closed.", LocalDate.of(2000, 1, 28));
    assertEquals(List.of("1998-03", "1998"), found.stream().map(Timex::value).toList());
    assertTrue(tag("That year was hard.", LocalDate.of(2000, 1, 28)).isEmpty(), "no year stated before: unknowable");
  }

  @Test
  void rulesRunAroundTheirTriggerWordsWithoutLosingMatches() {
    String filler = "The talks went on without any agreement being reached by either side. ".repeat(40);
    List<Timex> found = tag(filler + "The pact was signed on June 19, 2024. " + filler
        + "It takes effect in the third quarter, at midnight Friday, and lasts 2 1/2 years.", JUNE_19);
    assertEquals(List.of("June 19, 2024", "the third quarter", "midnight Friday", "2 1/2 years"),
        found.stream().map(Timex::text).toList());
  }

  @Test
  void relativeDaysAndPeriodsResolveAgainstTheDocumentDate() {
    assertEquals("yesterday|DATE|2024-06-18", one("He arrived yesterday.", JUNE_19));
    assertEquals("last year|DATE|2023", one("Kim visited Russia last year.", JUNE_19));
    assertEquals("this month|DATE|2024-06", one("The summit held this month was not aimed at Seoul.", JUNE_19));
    assertEquals("next week|DATE|2024-W26", one("Talks resume next week.", JUNE_19));
    assertEquals("two years ago|DATE|2022", one("The talks collapsed two years ago.", JUNE_19));
    assertEquals("third quarter|DATE|2024-Q3", one("Results for the third quarter are due.", JUNE_19).replace("the ", ""));
  }

  @Test
  void monthsAndDaysWithoutAYearTakeTheNearestOrThePast() {
    LocalDate june26 = LocalDate.of(2024, 6, 26);
    assertEquals("Jun 19|DATE|2024-06-19", one("The treaty signed Jun 19 takes effect later.", june26).replace(".", ""));
    assertEquals("the 19th|DATE|2024-06-19", one("He signed the agreement on the 19th.", june26));
    assertEquals("the 25th|DATE|2024-05-25", one("Rudenko spoke on the 25th.", LocalDate.of(2024, 6, 20)));
    assertEquals("January|DATE|2025-01", one("Elections are planned for January.", LocalDate.of(2024, 11, 10)));
    assertEquals("March|DATE|2024-03", one("Prices fell in March, the ministry said.", LocalDate.of(2024, 10, 2)));
  }

  @Test
  void durationsSetsTimesAndVagueReferences() {
    assertEquals("24 years|DURATION|P24Y", one("It was his first visit in 24 years.", JUNE_19));
    assertEquals("three months|DURATION|P3M", one("The review took three months.", JUNE_19));
    assertTrue(tag("A 6-year-old boy was hurt.", JUNE_19).isEmpty(), "an age is not a duration");
    assertEquals("every week|SET|P1W", one("Envoys meet every week.", JUNE_19));
    assertEquals("3:30 p.m.|TIME|2024-06-19T15:30", one("The plane landed at 3:30 p.m. local time.", JUNE_19));
    assertEquals("now|DATE|PRESENT_REF", one("Relations are now allied.", JUNE_19));
  }

  @Test
  void expressionsCountingFromAnotherTimeUseTheLastDateStated() {
    List<Timex> found = tag("Kim Jong Il visited Moscow in August 2001. He came back the following summer, "
        + "and a year later again. Kim Jong Un visited last year.", JUNE_19);
    assertEquals(List.of("2001-08", "2002-SU", "2002", "2023"), found.stream().map(Timex::value).toList());
    // A bare year in a relative clause does not displace the more precise date of its sentence.
    List<Timex> history = tag("Putin went to Pyongyang in July 2000 and met Kim Jong Il, who had ruled since 1994. "
        + "Kim returned the visit the next summer.", JUNE_19);
    assertEquals("2001-SU", history.get(history.size() - 1).value());
  }

  @Test
  void aFootballHalfIsNotADate() {
    assertTrue(tag("The first half was goalless.", JUNE_19).isEmpty());
    assertEquals("the first half of 2024|DATE|2024-H1", one("Growth slowed in the first half of 2024.", JUNE_19));
  }

  @Test
  void withoutAReferenceUnknownPartsAreX() {
    assertEquals("Wednesday|DATE|XXXX-WXX-3", one("They signed it on Wednesday.", null));
    assertEquals("June 19|DATE|XXXX-06-19", one("They signed it on June 19.", null));
  }

  @Test
  void spansLeavePrepositionsOutAndMarkWhatWasResolved() {
    List<Timex> found = tag("On Friday, in 2023 and since last year", JUNE_19);
    assertEquals(List.of("Friday", "2023", "last year"), found.stream().map(Timex::text).toList());
    assertTrue(found.get(0).relative());
    assertFalse(found.get(1).relative());
    assertTrue(found.get(2).relative());
  }

  @Test
  void aYearlessDatelineGetsTheYearAfterTheLatestDateTheTextStates() {
    DateStage stage = DateStage.shipped();
    PublishedDate printed = new PublishedDate(null, "June 21", null, false, "dateline");
    DateAnnotations a = stage.find("The ministers met at a northern launch site in September 2023. The 1961 treaty lapsed.", printed);
    assertEquals("2024-06-21", a.published().value());
    assertTrue(a.published().inferred());
    assertTrue(a.published().evidence().contains("September 2023"), a.published().evidence());
    DateAnnotations none = stage.find("No dates here at all.", printed);
    assertEquals(null, none.published().value(), "no clue, no guess");
    DateAnnotations history = stage.find("It replaces the treaty of 1961.", printed);
    assertEquals(null, history.published().value(), "a bare year is history, not a bound");
  }

  @Test
  void aYearlessDatelineGetsItsYearFromTheWeekdayOfItsLead() {
    DateStage stage = DateStage.shipped();
    PublishedDate printed = new PublishedDate(null, "Mar 3", null, false, "dateline");
    // 3 March fell on a Sunday in 2024, on a Friday in 2023 and on a Monday in 2025.
    String body = "ANKARA, Mar 3 (Agency) - The coalition talks broke down late on Sunday, officials said.\n\n"
        + "The parties had governed together since the 2023 election.";
    DateAnnotations a = stage.find(body, printed);
    assertEquals("2024-03-03", a.published().value());
    assertTrue(a.published().inferred());
    assertTrue(a.published().evidence().contains("Sunday") && a.published().evidence().contains("2023"), a.published().evidence());
  }

  @Test
  void aWeekdayThatFitsNoMentionedYearLeavesTheDatelineUndated() {
    DateStage stage = DateStage.shipped();
    PublishedDate printed = new PublishedDate(null, "Mar 3", null, false, "dateline");
    String otherDay = "ANKARA, Mar 3 (Agency) - The talks broke down on Tuesday.\n\nThey began after the 2023 election.";
    assertEquals(null, stage.find(otherDay, printed).published().value(), "no mentioned year has 3 March on a Tuesday");
    String noYears = "ANKARA, Mar 3 (Agency) - The talks broke down late on Sunday.";
    assertEquals(null, stage.find(noYears, printed).published().value(), "a weekday alone pins no year");
    String lastWeek = "ANKARA, Mar 3 (Agency) - Talks that broke down last Sunday resumed.\n\nThey began after the 2023 election.";
    assertEquals(null, stage.find(lastWeek, printed).published().value(), "\"last Sunday\" is not the dateline's day");
  }

  @Test
  void aWeekdayNeverOverridesTheLatestStatedDate() {
    DateStage stage = DateStage.shipped();
    PublishedDate printed = new PublishedDate(null, "June 21", null, false, "dateline");
    // 21 June 2024 was a Friday: the lead's "Thursday" is the day before, and the year stays.
    String body = "MOSCOW, June 21 - The envoy said on Thursday the talks were over.\n\nThey began in September 2023.";
    assertEquals("2024-06-21", stage.find(body, printed).published().value());
    String friday = body.replace("Thursday", "Friday");
    assertTrue(stage.find(friday, printed).published().evidence().endsWith("a Friday as the lead says"));
  }

  @Test
  void malformedRulesNameTheirLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimexRules.parse("# rules\nDATE\tcalendar\t{NOPE}\n"));
    assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TimexRules.parse("DATE\tmagic\tfoo\n"));
  }

  @Test
  void longLineIsExtractedInBoundedUnits() {
    // Issue 11: no sentence end anywhere, so each expression's sentence is bounded by the
    // tokenizer's character cap instead of running to the ends of the text.
    String filler = "the council went over the budget for roads and schools and the library ".repeat(300);
    String text = filler + "and the mayor will speak on Friday " + filler + "and the bridge reopened on June 21, 2024 after repairs " + filler;
    assertTrue(text.length() > 4 * dev.corpus.extract.text.Tokenizer.MAX_SENTENCE_CHARS);
    List<Timex> found = tag(text, JUNE_19);
    assertEquals(2, found.size(), found::toString);
    assertEquals(text.indexOf("Friday"), found.get(0).start());
    assertEquals("2024-06-21", found.get(0).value(), "'will' in its bounded sentence puts Friday ahead");
    assertEquals(text.indexOf("June 21, 2024"), found.get(1).start());
    assertEquals("2024-06-21", found.get(1).value());
  }
}
