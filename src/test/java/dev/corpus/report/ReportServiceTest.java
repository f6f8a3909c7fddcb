package dev.corpus.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.CorpusException;
import dev.corpus.cli.Cli;
import dev.corpus.index.CorpusIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReportService} on four short articles written for the test, from two outlets: the
 * filters select the articles they name, the outlets section counts each outlet's articles and
 * claims and lists as said by one outlet alone only what no other outlet says, and every list
 * stops at its cap while its total counts them all.
 */
class ReportServiceTest {

  @TempDir static Path dir;
  static CorpusIndex index;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T12:00:00Z"), ZoneOffset.UTC);

  @BeforeAll
  static void indexArticles() throws Exception {
    Path feed = dir.resolve("feed.jsonl");
    Files.writeString(feed, String.join("\n",
        "{\"id\":\"r1\",\"title\":\"Bridge vote set\",\"date\":\"2024-03-04\",\"source\":\"Harbour Times\",\"text\":\"Mayor Ingrid Halvorsen said the town council would vote on the new harbour bridge on April 9, 2024. Councillor Tomas Berg said the bridge budget was far too small for the work.\"}",
        "{\"id\":\"r2\",\"title\":\"Council to vote on bridge\",\"date\":\"2024-03-05\",\"source\":\"Valley Courier\",\"text\":\"Mayor Ingrid Halvorsen said the town council would vote on the new harbour bridge on April 9, 2024. The plan was welcomed by shop owners along the quay.\"}",
        "{\"id\":\"r3\",\"title\":\"Ferry fares rise\",\"date\":\"2024-05-10\",\"source\":\"Harbour Times\",\"text\":\"Baltic Ferries said on Wednesday that its fares would rise by ten percent in June. Mayor Ingrid Halvorsen said the rise would hurt families on the islands.\"}",
        "{\"id\":\"r4\",\"title\":\"Crane wanted\",\"date\":\"2023-01-15\",\"source\":\"Valley Courier\",\"text\":\"Councillor Tomas Berg said the harbour needed a second crane before the summer season began.\"}",
        ""));
    String idx = dir.resolve("idx").toString();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new String[] {"index", feed.toString(), "--index", idx}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, exit, err.toString());
    index = new CorpusIndex(Path.of(idx));
  }

  private static ReportData report(String about, String since, String until, String entity, ReportData.Caps caps) {
    ReportService.Outcome o = new ReportService(index, CLOCK, "corpus test").build(new ReportService.Request(about, since, until, entity, null, caps));
    assertNull(o.ambiguous());
    return o.data();
  }

  @Test
  void theWholeIndexIsCovered() {
    ReportData d = report(null, null, null, null, ReportData.Caps.DEFAULT);
    assertEquals(4, d.coverage().articles());
    assertEquals(2, d.coverage().sources());
    assertEquals("2023-01-15", d.coverage().earliest());
    assertEquals("2024-05-10", d.coverage().latest());
    assertEquals("corpus test", d.coverage().generator());
  }

  @Test
  void filtersSelectTheArticlesTheyName() {
    assertEquals(3, report(null, "2024", null, null, ReportData.Caps.DEFAULT).coverage().articles());
    assertEquals(1, report(null, null, "2023-12", null, ReportData.Caps.DEFAULT).coverage().articles());
    assertEquals(2, report("bridge", null, null, null, ReportData.Caps.DEFAULT).coverage().articles());
    ReportData berg = report(null, null, null, "Tomas Berg", ReportData.Caps.DEFAULT);
    assertEquals(2, berg.coverage().articles(), "the two articles naming the councillor");
    assertEquals("Tomas Berg", berg.coverage().filters().entity().name());
    assertEquals(1, report("bridge", "2024-03-05", null, null, ReportData.Caps.DEFAULT).coverage().articles(), "filters combine");
    assertEquals(0, report("volcano", null, null, null, ReportData.Caps.DEFAULT).coverage().articles());
    try {
      report(null, "2024-06", "2024-01", null, ReportData.Caps.DEFAULT);
      throw new AssertionError("dates in the wrong order must be a usage error");
    } catch (CorpusException.Usage expected) {
      assertTrue(expected.getMessage().contains("--since"), expected.getMessage());
    }
  }

  @Test
  void eachOutletWithWhomItQuotesAndWhatOnlyItSays() {
    ReportData d = report(null, null, null, null, ReportData.Caps.DEFAULT);
    List<ReportData.Outlet> outlets = d.outlets().outlets();
    assertEquals(List.of("Harbour Times", "Valley Courier"), outlets.stream().map(ReportData.Outlet::source).toList(), "2 articles each; by name");
    assertEquals(2, d.outlets().total());
    ReportData.Outlet times = outlets.get(0);
    assertEquals(2, times.articles());
    assertTrue(times.claims() >= 3, "the mayor twice, the councillor, the ferry company: " + times);
    assertTrue(times.speakers().stream().anyMatch(q -> q.speaker().equals("Ingrid Halvorsen") && q.claims() == 2), times.speakers().toString());
    // The bridge vote is said by both outlets: a cluster of two outlets, so neither says it alone.
    Set<String> shared = d.clusters().clusters().stream()
        .filter(c -> c.sources().size() >= 2)
        .flatMap(c -> c.members().stream())
        .map(ReportData.Member::text)
        .collect(Collectors.toSet());
    assertTrue(shared.stream().anyMatch(t -> t.contains("vote on the new harbour bridge")), "the shared claim is clustered: " + shared);
    for (ReportData.Outlet o : outlets) {
      assertTrue(o.exclusiveCount() <= o.claims() && o.exclusive().size() <= o.exclusiveCount(), o.toString());
      for (ReportData.Said s : o.exclusive()) {
        assertFalse(shared.contains(s.content()), o.source() + " does not say alone what another outlet says: " + s);
      }
    }
    assertTrue(times.exclusive().stream().anyMatch(s -> s.content().contains("fares would rise")), times.exclusive().toString());
    assertEquals("2024-05-10", d.articles().stream().filter(a -> a.id().equals(times.exclusive().get(0).document())).findFirst()
        .orElseThrow().published(), "the newest first");
  }

  @Test
  void listsStopAtTheirCapsAndCountEverything() {
    ReportData all = report(null, null, null, null, ReportData.Caps.DEFAULT);
    ReportData.Caps one = new ReportData.Caps(1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    ReportData capped = report(null, null, null, null, one);
    assertTrue(all.network().nodes().size() > 2 && all.timeline().events().size() > 1, "the articles have more than the caps");
    assertEquals(2, capped.network().nodes().size());
    assertEquals(all.network().totalEntities(), capped.network().totalEntities());
    assertTrue(capped.network().edges().size() <= 1);
    assertEquals(1, capped.timeline().events().size());
    assertEquals(all.timeline().total(), capped.timeline().total());
    assertEquals(all.timeline().events().stream().mapToInt(ReportData.Event::reports).max().orElseThrow(),
        capped.timeline().events().get(0).reports(), "the most reported event");
    assertEquals(1, capped.outlets().outlets().size());
    assertEquals(2, capped.outlets().total());
    assertTrue(capped.outlets().outlets().get(0).speakers().size() <= 1 && capped.outlets().outlets().get(0).exclusive().size() <= 1);
    for (ReportData.Node n : capped.network().nodes()) {
      assertTrue(n.recent().size() <= 1, n.toString());
    }
    for (ReportData.Event e : capped.timeline().events()) {
      assertTrue(e.articles().size() <= 1 && e.sources().size() <= 1, e.toString());
    }
    ReportData.Event bridge = capped.timeline().events().get(0);
    assertEquals(2, bridge.sourceCount(), "both outlets report the vote, one is listed: " + bridge);
  }
}
