package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events on the timeline once (issue 15): reports of one event in different words are one event
 * with all of them, other things on the same day stay apart, years and months stand at their
 * precision, a dateline is no event, and runs that add and delete articles give the events of one
 * run. Short articles written for the test about a town tram line opened on Tuesday 6 May 2031.
 */
class TimelineEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path base;
  static Path extra;

  @BeforeAll
  static void writeArticles() throws IOException {
    base = Files.createDirectories(tmp.resolve("base"));
    extra = Files.createDirectories(tmp.resolve("extra"));
    article(base.resolve("harbor.jsonl"), "Tram line opens", "Harbor Wire", "2031-05-07",
        "Mayor Lena Okafor opened the Riverside tram line in Castleton on May 6, 2031, cutting a ribbon at the central depot.\n\n"
            + "Heavy rain flooded several streets in the old quarter of Castleton on Tuesday, and two primary schools closed early.\n\n"
            + "The bridge over the Aldmoor River, which the trams cross, was completed in 1987.\n\n"
            + "The town council first proposed the tram line in March 2029.");
    article(extra.resolve("valley.jsonl"), "Trams run at last", "Valley Post", "2031-05-07",
        "Passengers rode the first Riverside trams through Castleton on Tuesday after Mayor Lena Okafor declared the line open at a ceremony.\n\n"
            + "Tickets will cost the same as a bus fare.\n\n"
            + "The operator expects ridership to double by the end of the year, and more ticket machines will be added later this month.");
    Files.writeString(base.resolve("dateline.txt"), String.join("\n",
        "Dockers return to work",
        "",
        "May 8, 2031",
        "",
        "PORT SELWYN, May 8 (Coast Courier) - The dockers' union of Port Selwyn ended its strike on Tuesday after a pay offer from the harbour board.",
        "",
        "Container traffic is expected to recover within a week.",
        ""));
  }

  private static void article(Path file, String title, String source, String date, String text) throws IOException {
    ObjectNode a = JSON.createObjectNode().put("title", title).put("source", source).put("text", text);
    if (date != null) {
      a.put("date", date);
    }
    Files.writeString(file, JSON.writeValueAsString(a) + "\n");
  }

  private static String index(String name, Path... roots) {
    String index = tmp.resolve(name).toString();
    List<String> args = new ArrayList<>(List.of("index"));
    for (Path root : roots) {
      args.add(root.toString());
    }
    args.addAll(List.of("--index", index));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    return index;
  }

  private static JsonNode timeline(String index, String... options) {
    List<String> args = new ArrayList<>(List.of("timeline", "--index", index, "--json"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    return run.json();
  }

  private static List<JsonNode> events(JsonNode timeline, String date) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : timeline.get("events")) {
      if (e.get("date").asText().equals(date)) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean mentions(JsonNode event, String words) {
    for (JsonNode s : event.get("sentences")) {
      if (s.get("sentence").asText().contains(words)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void twoReportsOfOneEventAreOneEventAndAnotherThingThatDayStaysApart() {
    JsonNode t = timeline(index("two", base, extra));
    assertEquals(3, t.get("version").asInt());
    List<JsonNode> day = events(t, "2031-05-06");
    assertEquals(3, day.size(), "the tram line, the rain, the dockers' strike: " + day);
    JsonNode tram = day.get(0);
    assertEquals("day", tram.get("precision").asText());
    assertEquals(2, tram.get("reports").asInt(), tram.toString());
    assertEquals(2, tram.get("sentences").size());
    assertEquals(2, tram.get("articles").size());
    assertTrue(mentions(tram, "Riverside tram line") && mentions(tram, "Riverside trams"), tram.toString());
    assertTrue(tram.get("representative").get("sentence").asText().contains("Okafor"));
    for (JsonNode other : day.subList(1, 3)) {
      assertEquals(1, other.get("reports").asInt());
      assertFalse(mentions(other, "tram"), other.toString());
    }
    assertTrue(day.stream().anyMatch(e -> mentions(e, "Heavy rain")) && day.stream().anyMatch(e -> mentions(e, "strike")));
  }

  @Test
  void yearsAndMonthsStandAtTheirPrecisionAndWindowsFilterByOverlap() {
    String index = index("precision", base, extra);
    JsonNode t = timeline(index);
    List<JsonNode> year = events(t, "1987");
    assertEquals(1, year.size(), t.toString());
    assertEquals("year", year.get(0).get("precision").asText());
    assertEquals("1987-01-01", year.get(0).get("from").asText());
    assertEquals("1987-12-31", year.get(0).get("to").asText());
    List<JsonNode> month = events(t, "2029-03");
    assertEquals(1, month.size(), t.toString());
    assertEquals("month", month.get(0).get("precision").asText());
    // The order: by first day, the longer period first.
    List<String> dates = new ArrayList<>();
    t.get("events").forEach(e -> dates.add(e.get("date").asText()));
    assertTrue(dates.indexOf("1987") < dates.indexOf("2029-03") && dates.indexOf("2029-03") < dates.indexOf("2031-05-06"), dates.toString());
    // A window that overlaps the period holds it.
    assertEquals(1, events(timeline(index, "--since", "2029-03-15", "--until", "2029-04-30"), "2029-03").size());
    assertEquals(1, events(timeline(index, "--since", "1987-06", "--until", "1987-06"), "1987").size());
    assertTrue(events(timeline(index, "--since", "2029-04-01"), "2029-03").isEmpty());
  }

  @Test
  void aRelativeYearOrMonthFramesAStatementAndDatesNoEvent() {
    JsonNode t = timeline(index("relative", base, extra));
    for (JsonNode e : t.get("events")) {
      assertFalse(mentions(e, "ridership to double"), "'by the end of the year' and 'later this month' date no event: " + e);
    }
  }

  @Test
  void aDatelineIsNoEventAndTheSentenceAfterItCountsByItsOwnDate() {
    JsonNode t = timeline(index("dateline", base));
    for (JsonNode e : t.get("events")) {
      assertFalse(e.get("date").asText().equals("2031-05-08") && mentions(e, "dockers"), "the dateline's day is no event: " + e);
    }
    List<JsonNode> strike = events(t, "2031-05-06").stream().filter(e -> mentions(e, "ended its strike")).toList();
    assertEquals(1, strike.size(), "the strike ended on Tuesday the 6th: " + t);
    // Shown without the dateline, which is the page's, not the event's.
    assertTrue(strike.get(0).get("representative").get("sentence").asText().startsWith("The dockers' union"), strike.toString());
  }

  @Test
  void addingThenDeletingAnArticleGivesTheEventsOfOneRun() throws IOException {
    String runs = index("runs", base);
    JsonNode alone = timeline(runs);
    index("runs", base, extra);
    assertEquals(timeline(index("once", base, extra)), timeline(runs));
    Path gone = extra.resolve("valley.jsonl");
    Path away = tmp.resolve("valley.jsonl.away");
    Files.move(gone, away);
    try {
      index("runs", base, extra);
      assertEquals(alone, timeline(runs));
      assertEquals(1, events(alone, "2031-05-06").get(0).get("reports").asInt());
    } finally {
      Files.move(away, gone);
    }
  }
}
