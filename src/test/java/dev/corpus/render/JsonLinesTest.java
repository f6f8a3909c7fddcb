package dev.corpus.render;

import static dev.corpus.render.Report.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --format jsonl}: typed messages that lose nothing of the JSON document (issue 16, item 7). */
class JsonLinesTest {

  record Ferry(String name, String type, List<String> ports) {}

  record Count(String value, long count) {}

  record Groups(long ports, List<Count> port) {}

  record Timetable(int version, String route, long total, List<String> notes, Count busiest, List<Ferry> ferries,
      @JsonInclude(JsonInclude.Include.NON_NULL) Groups groups) {}

  private static final Timetable TIMETABLE = new Timetable(3, "Harbour line", 2, List.of("winter hours"), new Count("Quay", 9),
      List.of(new Ferry("Tern", "ferry", List.of("Quay", "Isle")), new Ferry("Gull", "launch", List.of())),
      new Groups(7, List.of(new Count("Isle", 4))));

  private static String jsonl(Report report) {
    StringWriter out = new StringWriter();
    new Renderer(false).render(report, OutputFormat.JSONL, new PrintWriter(out));
    return out.toString();
  }

  private static Report report(Timetable t, List<Report.Part> parts) {
    return new Report(t, parts, () -> new TableView(List.of(), List.of()));
  }

  @Test
  void eachPartElementIsATypedMessageAndTheSummaryHoldsEveryOtherField() {
    String out = jsonl(report(TIMETABLE, List.of(part("ferries", "ferry", TIMETABLE.ferries()),
        part("groups.port", "group", List.of(new Reports.Facet("port", new Count("Isle", 4)))))));
    assertEquals("""
        {"type":"ferry","data":{"name":"Tern","type":"ferry","ports":["Quay","Isle"]}}
        {"type":"ferry","data":{"name":"Gull","type":"launch","ports":[]}}
        {"type":"group","data":{"facet":"port","value":"Isle","count":4}}
        {"type":"summary","data":{"version":3,"route":"Harbour line","total":2,"notes":["winter hours"],\
        "busiest":{"value":"Quay","count":9},"groups":{"ports":7},"jsonlVersion":2}}
        """, out);
  }

  @Test
  void aGroupThatIsAbsentLeavesNothingBehind() {
    Timetable t = new Timetable(3, "Night line", 0, List.of(), null, List.of(), null);
    assertEquals("{\"type\":\"summary\",\"data\":{\"version\":3,\"route\":\"Night line\",\"total\":0,\"notes\":[],\"busiest\":null,"
        + "\"jsonlVersion\":2}}\n", jsonl(report(t, List.of(part("ferries", "ferry", t.ferries()), part("groups.port", "group", List.of())))));
  }

  @Test
  void aReportThatForgetsAnArrayOfRecordsIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> jsonl(report(TIMETABLE, List.of(part("ferries", "ferry", TIMETABLE.ferries())))));
    assertTrue(e.getMessage().contains("'groups.port'"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> jsonl(report(TIMETABLE, List.of(part("groups.port", "group", List.of())))));
    assertTrue(e.getMessage().contains("'ferries'"), e.getMessage());
    // A whole object of the document as one part covers the arrays in it.
    String whole = jsonl(report(TIMETABLE, List.of(part("ferries", "ferry", List.of()), part("groups", "group", List.of()))));
    assertTrue(whole.endsWith("\"busiest\":{\"value\":\"Quay\",\"count\":9},\"jsonlVersion\":2}}\n"), whole);
  }

  @Test
  void aPartForAFieldTheDocumentLacksOrGivenTwiceIsRefused() {
    List<Report.Part> ok = List.of(part("ferries", "ferry", List.of()), part("groups.port", "group", List.of()));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> jsonl(report(TIMETABLE,
        List.of(ok.get(0), ok.get(1), part("boats", "boat", List.of())))));
    assertTrue(e.getMessage().contains("'boats'"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> jsonl(report(TIMETABLE, List.of(ok.get(0), ok.get(1), part("groups.boats", "boat",
        List.of())))));
    assertTrue(e.getMessage().contains("'groups.boats'"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> jsonl(report(TIMETABLE, List.of(ok.get(0), ok.get(1), ok.get(0)))));
    assertTrue(e.getMessage().contains("two"), e.getMessage());
  }

  @Test
  void onlyTheFieldsOfTheObjectsHoldingThePartsAreLeftOut() {
    // A record inside a message that has a field named like a part keeps it.
    record Leg(String ferries) {}
    record Plan(int version, List<Leg> ferries) {}
    Plan plan = new Plan(1, List.of(new Leg("both")));
    String out = jsonl(new Report(plan, List.of(part("ferries", "leg", plan.ferries())), () -> null));
    assertEquals("{\"type\":\"leg\",\"data\":{\"ferries\":\"both\"}}\n{\"type\":\"summary\",\"data\":{\"version\":1,\"jsonlVersion\":2}}\n", out);
  }

  @Test
  void lineSeparatorsInAMessageAreEscaped() {
    Timetable t = new Timetable(3, "Bay\u2028line\u0085", 0, List.of(), null, List.of(new Ferry("Tern\u2029", "ferry", List.of())), null);
    String out = jsonl(report(t, List.of(part("ferries", "ferry", t.ferries()), part("groups.port", "group", List.of()))));
    assertEquals(2, out.lines().count(), out);
    assertTrue(out.contains("Tern\\u2029") && out.contains("Bay\\u2028line\\u0085"), out);
  }
}
