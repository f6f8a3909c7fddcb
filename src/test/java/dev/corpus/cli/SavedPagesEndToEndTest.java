package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing a folder of saved pages: an app shell is read from its JSON-LD, a page of furniture is
 * skipped, a French page is indexed and searchable but not annotated.
 */
class SavedPagesEndToEndTest {

  private static final String P1 =
      "The island ferry will run a reduced timetable from Monday while one of its two boats is refitted, the operator said, and crossings will be every ninety minutes.";
  private static final String P2 =
      "Islanders who commute to the mainland said the change would make early shifts hard to reach, and the parish council asked for an extra sailing at dawn.";

  @Test
  void appShellFromJsonLdFurnitureOnlyPageSkippedFrenchPageNotAnnotated(@TempDir Path tmp) throws Exception {
    Path pages = Files.createDirectory(tmp.resolve("pages"));
    Files.writeString(pages.resolve("article.html"), "<html><head><meta property='og:site_name' content='Island Times'>"
        + "<title>Ferry timetable cut | Island Times</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
        + "<div class='main-with-sidebar'><h1>Ferry timetable cut</h1><p>" + P1 + "</p><p>" + P2 + "</p></div>"
        + "<div class=sidebar><a href=/a>Harbour fees rise</a> <a href=/b>Lifeboat open day</a></div></body></html>");
    Files.writeString(pages.resolve("app-shell.html"), """
        <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Parish council asks for dawn sailing", "datePublished": "Tue Jan 09 2024 08:15:00 GMT+0000",
        "publisher": {"@type": "Organization", "name": "Island Times"}, "articleBody": "%s %s"}</script></head>
        <body><div id="app"></div><noscript>Please enable JavaScript.</noscript></body></html>""".formatted(P2, P1));
    Files.writeString(pages.resolve("furniture.html"), "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
        + "<div class=promo><a href=/s>Subscribe</a> <a href=/l>Sign in</a></div><footer>© Island Times</footer></body></html>");
    Files.writeString(pages.resolve("french.html"), "<html lang=fr><head><title>La jetée rouvre | Le Courrier</title></head><body>"
        + "<article><h1>La jetée rouvre</h1><p>Le maire de Calais, Jean Dupont, a déclaré mardi que la jetée rouvrirait"
        + " la semaine prochaine, après trois mois de travaux, et que les ferries pourraient de nouveau accoster.</p>"
        + "<p>Les pêcheurs du port, qui attendaient cette réouverture depuis l'automne, se sont dits soulagés.</p>"
        + "</article></body></html>");
    String index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", pages.toString(), "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode summary = run.json();
    assertEquals(3, summary.get("indexed").asInt(), run.out());
    assertEquals(1, summary.get("skipped").asInt(), run.out());
    assertTrue(run.err().contains("skipped " + pages.resolve("furniture.html") + ": no article text found"), run.err());

    JsonNode shell = CliRun.of("show", pages.resolve("app-shell.html").toString(), "--index", index, "--json").json();
    String text = shell.toString();
    assertTrue(text.contains("Parish council asks for dawn sailing"), text);
    assertTrue(text.contains("2024-01-09"), text);
    assertTrue(text.contains("dawn"), text);
    CliRun search = CliRun.of("search", "\"reduced timetable\"", "--index", index, "--json");
    assertEquals(2, search.json().get("total").asInt(), search.out());

    // The French page is searchable, and the English extractors left it alone.
    assertEquals(1, CliRun.of("search", "language:fr", "--index", index, "--json").json().get("total").asInt());
    assertEquals(1, CliRun.of("stats", "--index", index, "--json").json().get("notEnglish").asInt());
    CliRun people = CliRun.of("entities", "--type", "person", "--index", index, "--json");
    assertTrue(!people.out().contains("Dupont"), people.out());
  }
}
