package dev.corpus.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** {@link ReportPage} on data written for the test: text that tries to break out of the page, and caps. */
class ReportPageTest {

  private static final String HOSTILE = "</script><script>alert(1)</script><!-- a\u2028b\u2029c & \"q\" 'a'";

  /** One event, one entity and one outlet, with hostile text wherever the page shows text. */
  static ReportData data(long totalEvents, long totalEntities) {
    ReportData.Coverage coverage = new ReportData.Coverage("corpus test", new ReportData.Filters(HOSTILE, "2024", null, null),
        3, 1, "2024-01-02", "2024-02-03", 2);
    ReportData.Timeline timeline = new ReportData.Timeline(totalEvents, List.of(new ReportData.Event("2024-01-05", "day", "2024-01-05",
        "2024-01-05", 2, "on Friday", HOSTILE, List.of("Harbour Times", HOSTILE), 2, List.of("00000000000000a1"), true)), 1,
        List.of(new ReportData.Conflict("00000000000000a1", "2025-01-09", "Friday", "2025-01-10", "2024-01-05", 2)));
    ReportData.Network network = new ReportData.Network(totalEntities, 0, List.of(new ReportData.Node("e1", HOSTILE, "PERSON", 2, 5,
        List.of(HOSTILE), 1, List.of(new ReportData.Role("harbour master", "Harbour Times", "00000000000000a1")),
        List.of("00000000000000a1"))), List.of());
    ReportData.Clusters clusters = new ReportData.Clusters(0, List.of(), List.of());
    ReportData.Outlets outlets = new ReportData.Outlets(2, List.of(new ReportData.Outlet(HOSTILE, 2, 1,
        List.of(new ReportData.Quoted("Ada Quill", "e1", 1)), 1, List.of(new ReportData.Said("00000000000000a1", "Ada Quill", "said", HOSTILE)))));
    return new ReportData(ReportData.VERSION, coverage, ReportData.Caps.DEFAULT, timeline, network, clusters, outlets,
        List.of(new ReportData.ArticleRef("00000000000000a1", HOSTILE, "Harbour Times", "2024-01-05")));
  }

  @Test
  void textFromTheArticlesCannotBreakOutOfThePage() throws Exception {
    String html = new String(new ReportPage().render(data(1, 1)), StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html);
    assertEquals(3, doc.select("script").size(), "only the data, ECharts and the page's script");
    assertFalse(html.contains("alert(1)</script>"), "no hostile markup survives unescaped");
    String json = doc.getElementById("data").data();
    assertFalse(json.contains("</") || json.contains("<!--") || json.contains("\u2028") || json.contains("\u2029"), json);
    JsonNode data = new ObjectMapper().readTree(json);
    assertEquals(HOSTILE, data.at("/timeline/events/0/sentence").asText(), "the data reads back unchanged");
    assertEquals(HOSTILE, data.at("/coverage/filters/about").asText());
    assertEquals(HOSTILE, doc.selectFirst("#timeline-table tbody td:eq(3)").wholeText());
    assertEquals(HOSTILE, doc.selectFirst("#network-table tbody td").wholeText());
    assertEquals(HOSTILE, doc.selectFirst("article.outlet h3").wholeText());
  }

  @Test
  void aCappedListSaysHowManyThereAre() {
    Document doc = Jsoup.parse(new String(new ReportPage().render(data(48_211, 1_500)), StandardCharsets.UTF_8));
    assertTrue(doc.selectFirst("#timeline p.cap").text().startsWith("showing 1 of 48,211 events, the most reported."),
        doc.selectFirst("#timeline p.cap").text());
    assertTrue(doc.selectFirst("#network p.cap").text().startsWith("showing 1 of 1,500 entities, the most widely reported; no links"),
        doc.selectFirst("#network p.cap").text());
    Document whole = Jsoup.parse(new String(new ReportPage().render(data(1, 1)), StandardCharsets.UTF_8));
    assertTrue(whole.selectFirst("#timeline p.cap").text().startsWith("the one event."), whole.selectFirst("#timeline p.cap").text());
    assertTrue(whole.selectFirst("#outlets p.cap").text().startsWith("showing 1 of 2 outlets"), whole.selectFirst("#outlets p.cap").text());
    ReportData.Event cut = new ReportData.Event("2024-01-05", "day", "2024-01-05", "2024-01-05", 9, "on Friday", "A quay opened.",
        List.of("Harbour Times", "Valley Courier"), 7, List.of(), false);
    ReportData d = data(1, 1);
    ReportData withCut = new ReportData(d.version(), d.coverage(), d.caps(), new ReportData.Timeline(1, List.of(cut), 0, List.of()),
        d.network(), d.clusters(), d.outlets(), d.articles());
    assertEquals("Harbour Times, Valley Courier and 5 more",
        Jsoup.parse(new String(new ReportPage().render(withCut), StandardCharsets.UTF_8)).selectFirst("#timeline-table tbody td:eq(2)").text());
  }

  @Test
  void thePolicyAllowsTheTwoInlineScriptsByHashAndNothingElse() {
    ReportPage page = new ReportPage();
    String csp = page.contentSecurityPolicy();
    assertTrue(csp.matches("default-src 'none'; connect-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        + "script-src 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}='; base-uri 'none'; form-action 'none'"), csp);
    assertEquals("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", ReportPage.hash(""), "SHA-256 of nothing, as CSP writes it");
  }
}
