package dev.corpus.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grouping of one slot's mentions, on hand-made unit vectors, and what makes a slot and a report. */
class EventGroupingTest {

  /** A unit vector at {@code degrees} from the first axis, in the plane of the first two. */
  private static float[] at(double degrees) {
    double r = Math.toRadians(degrees);
    return new float[] {(float) Math.cos(r), (float) Math.sin(r), 0f};
  }

  private static EventGrouping.Item item(double degrees, String... labels) {
    return new EventGrouping.Item(at(degrees), Set.of(labels));
  }

  @Test
  void namesMatchLooselyAndAPersonBySurname() {
    assertTrue(EventGrouping.keys(Set.of("PERSON|Kim Jong-un")).contains("kimjongun"));
    assertTrue(EventGrouping.keys(Set.of("PERSON|Kim Jong Un")).contains("kimjongun"));
    assertTrue(EventGrouping.keys(Set.of("PERSON|Lena Okafor")).contains("~okafor"));
    assertTrue(EventGrouping.keys(Set.of("LOC|São Tomé")).contains("saotome"));
    assertFalse(EventGrouping.keys(Set.of("ORG|Harbor Board")).contains("~board"), "only a person goes by a surname");
  }

  @Test
  void similarReportsSharingAnEntityAreOneEventOthersStayApart() {
    List<EventGrouping.Group> groups = EventGrouping.group(List.of(
        item(0, "PERSON|Lena Okafor", "LOC|Castleton"),
        item(20, "PERSON|Okafor"),        // cos 0.94, shares the surname
        item(25, "ORG|Dock Union"),       // similar enough, but names no one the others name
        item(85, "LOC|Castleton")));      // shares the town, says something else (cos 0.09)
    assertEquals(3, groups.size(), groups.toString());
    assertEquals(List.of(0, 1), groups.get(0).members());
    assertEquals(List.of(2), groups.get(1).members());
    assertEquals(List.of(3), groups.get(2).members());
  }

  @Test
  void theEntityIsRequiredBetweenGroupsNotBetweenEveryTwoReports() {
    // The countries, then the leaders, then a report naming both: one event.
    List<EventGrouping.Item> items = List.of(
        item(0, "LOC|Norland", "LOC|Ostmark"),
        item(50, "PERSON|Ada Varn", "PERSON|Ivo Kestrel"),
        item(20, "LOC|Norland", "PERSON|Ada Varn"));
    assertEquals(1, EventGrouping.group(items).size());
    assertEquals(2, EventGrouping.group(items, EventGrouping.THRESHOLD, EventGrouping.Entities.EVERY_PAIR).size(),
        "pair by pair, the first two share nothing and pull the mean down");
    // The representative is the medoid: the report most like the others.
    assertEquals(2, EventGrouping.group(items).get(0).representative());
  }

  @Test
  void aMentionWithoutAVectorStandsAlone() {
    List<EventGrouping.Group> groups = EventGrouping.group(List.of(
        item(0, "LOC|Castleton"), new EventGrouping.Item(null, Set.of("LOC|Castleton"))));
    assertEquals(2, groups.size());
  }

  @Test
  void slotsAreDaysCalendarMonthsAndYears() {
    long june1 = LocalDate.of(2031, 6, 1).toEpochDay();
    long june30 = LocalDate.of(2031, 6, 30).toEpochDay();
    assertEquals("2031-06-01", TimelineEvents.Slot.of(june1, june1).date());
    assertEquals("2031-06", TimelineEvents.Slot.of(june1, june30).date());
    assertEquals("month", TimelineEvents.Slot.of(june1, june30).precision());
    assertEquals("2031", TimelineEvents.Slot.of(LocalDate.of(2031, 1, 1).toEpochDay(), LocalDate.of(2031, 12, 31).toEpochDay()).date());
    assertNull(TimelineEvents.Slot.of(june1, june1 + 6), "a week is no slot");
    assertNull(TimelineEvents.Slot.of(LocalDate.of(2031, 4, 1).toEpochDay(), june30), "nor a quarter");
  }

  @Test
  void aSentenceThatIsOnlyADateReportsNothing() {
    assertFalse(TimelineEvents.reports("CASTLETON, May 6. /Wire/.", "May 6"));
    assertFalse(TimelineEvents.reports("Updated Tuesday, May 6, 2031", "May 6, 2031"));
    assertTrue(TimelineEvents.reports("The tram line opened on May 6.", "May 6"));
    assertEquals("The dockers ended the strike on Tuesday.",
        TimelineEvents.withoutDateline("PORT SELWYN, May 8 (Coast Courier) - The dockers ended the strike on Tuesday."));
  }
}
