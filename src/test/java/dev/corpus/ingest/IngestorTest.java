package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.model.Article;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ingestion of short inline pages in each format: metadata found, furniture gone, text kept. */
class IngestorTest {

  private final Ingestor ingestor = new Ingestor();

  private static final String LEDE =
      "MOSCOW, June 21 (TASS) - The partnership treaty signed in Pyongyang provides for mutual assistance if either side is attacked, an analyst told the agency on Friday.";
  private static final String SECOND =
      "\"It is a step toward stability on the peninsula and it is not aimed at third countries,\" the analyst said in an interview, adding that talks would continue.";

  private Article one(String path, String text) throws Exception {
    var result = ingestor.ingest(path, text.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, result.articles().size());
    return result.articles().get(0);
  }

  @Test
  void bylineRowWithEuropeanDateAndTimeGivesBylineAndDate() throws Exception {
    Article a = one("/c/row.txt", String.join("\n",
        "Subscribe | Sign in", "", "ANALYSIS", "", "Harbour tolls to double under new port plan", "",
        "By Jane Roe | 03.10.2024 · 14:20 | 5 min read", "", SECOND));
    assertEquals("Harbour tolls to double under new port plan", a.title());
    assertEquals("Jane Roe", a.byline());
    assertEquals("2024-10-03T14:20", a.published().value());
    assertEquals("03.10.2024 14:20", a.published().text());
    assertEquals(SECOND, a.body(), "kicker, row and navigation leave the body");
  }

  @Test
  void genreBylineAndGuardianStyleDate() throws Exception {
    Article a = one("/c/comment.txt", String.join("\n",
        "Why the port plan will fail", "Commentary by Tom Vale", "Sat 12 Oct 2024 09.15 BST", "Updated 9:40 a.m. ET", "", SECOND));
    assertEquals("Why the port plan will fail", a.title());
    assertEquals("Tom Vale", a.byline());
    assertEquals("2024-10-12T09:15+01:00", a.published().value());
    assertEquals(SECOND, a.body());
    Article killed = one("/c/killed.txt", String.join("\n", "Two hikers killed by lightning", "", SECOND));
    assertEquals("Two hikers killed by lightning", killed.title(), "a headline with \"by\" is not a byline");
  }

  @Test
  void yearlessDatelineWithAnAgencyInParentheses() throws Exception {
    Article a = one("/c/ankara.txt", String.join("\n",
        "Coalition talks collapse", "", "ANKARA, Mar 3 (Agency) - The coalition talks collapsed late on Sunday, two officials said, after a day of meetings.",
        "", "(Reporting by Jane Roe; Editing by Ann Lee)"));
    assertEquals("ANKARA", a.dateline());
    assertEquals("Agency", a.source());
    assertEquals("Mar 3", a.published().text());
    assertFalse(a.body().contains("Reporting by"));
  }

  @Test
  void authorBioAtTheFootNamedByTheBylineGoes() throws Exception {
    Article a = one("/c/bio.txt", String.join("\n",
        "Harbour tolls to double", "By Jane Roe", "", SECOND, "", "Jane Roe is our transport correspondent and has covered ports since 2015."));
    assertEquals(SECOND, a.body());
    Article quoted = one("/c/quoted.txt", String.join("\n",
        "Harbour tolls to double", "By Jane Roe", "", SECOND, "", "Tom Vale is the harbour master and has run the port since 2015."));
    assertTrue(quoted.body().endsWith("since 2015."), "a paragraph about someone else stays");
  }

  @Test
  void hardWrappedPlainTextIsUnwrapped() throws Exception {
    Article a = one("/c/wrapped.txt", String.join("\n",
        "Ferry talks collapse", "",
        "PORTSMOUTH, June 3 - Talks between the ferry operator and the United",
        "States shipping regulator broke down on Monday after the two sides",
        "failed to agree on inspection fees for the coming year, officials",
        "said.", "",
        "The operator said it would appeal against the decision. Its chief",
        "executive told staff the company had budgeted for higher fees but not",
        "for a second inspection regime running alongside the first one."));
    assertFalse(a.body().contains("United\nStates"), a.body());
    assertTrue(a.body().contains("the United States shipping regulator"), a.body());
  }

  @Test
  void copyrightHolderIsTheOutletWhenNothingElseNamesOne() throws Exception {
    Article a = one("/c/foot.txt", String.join("\n",
        "Harbour tolls to double", "", SECOND, "", "Read more", "Ferry fares rise", "", "© 2024 The Quayside Ledger. All rights reserved."));
    assertEquals("The Quayside Ledger", a.source());
    assertEquals(SECOND, a.body());
    Article wire = one("/c/wire.txt", String.join("\n", "Talks resume", "", LEDE, "", "© Some Media Group Ltd"));
    assertEquals("TASS", wire.source(), "the dateline's agency comes first");
  }

  @Test
  void plainTextPageWithDatelineWithoutYear() throws Exception {
    Article a = one("/c/tass.txt", String.join("\n",
        "All news", "", "Treaty to balance regional forces — expert", "", LEDE, "", SECOND, "", "Related articles", "Other headline"));
    assertEquals("Treaty to balance regional forces — expert", a.title());
    assertEquals("TASS", a.source());
    assertEquals("MOSCOW", a.dateline());
    assertNull(a.published().value(), "no year printed: not guessed");
    assertEquals("June 21", a.published().text());
    assertEquals(LEDE + "\n\n" + SECOND, a.body());
  }

  @Test
  void headerDateBylineAndCaptionRepeatingTheTitle() throws Exception {
    Article a = one("/c/aa.txt", String.join("\n",
        "Skip to content", "", "Leaders sign partnership pact", "",
        "Leaders sign partnership pact The two presidents greet each other beside a launch pad, September 12, 2023 (Reuters Photo)",
        "By Anadolu Agency", "Jun 19, 2024 1:10 PM", "", SECOND, "", "Last Updated:  Jul 9, 2024 1:38 AM"));
    assertEquals("Leaders sign partnership pact", a.title());
    assertEquals("Anadolu Agency", a.source());
    assertEquals("Anadolu Agency", a.byline());
    assertEquals("2024-06-19T13:10", a.published().value());
    assertEquals("minute", a.published().precision());
    assertEquals("2024-07-09T01:38", a.updated().value());
    assertTrue(a.body().startsWith("The two presidents greet each other beside a launch pad"), a.body());
    assertFalse(a.body().contains("Last Updated"));
    assertFalse(a.body().contains("By Anadolu"));
  }

  @Test
  void pageWithoutHeadlineTakesItsFirstSentence() throws Exception {
    Article a = one("/c/none.txt", SECOND.replace("\"", "") + " More words follow here.");
    assertTrue(a.title().startsWith("It is a step toward stability"), a.title());
    assertNull(a.published().value());
    assertNull(a.published().text());
  }

  @Test
  void aShortLeadSentenceIsBodyNotAHeadline() throws Exception {
    String lead = "Cilcorp said the units to be acquired had revenue of $76 million last year.";
    Article a = one("/c/short.txt", String.join("\n", "Briefs", "", "Date: November 1, 1989", "", lead, "", SECOND));
    assertTrue(a.body().contains(lead), "a sentence of the article is never lost: " + a.body());
    assertEquals("1989-11-01", a.published().value());
  }

  @Test
  void mastheadAboveNavigationIsTheSourceNotTheTitle() throws Exception {
    Article a = one("/c/herald.txt", String.join("\n",
        "The Harbour Herald", "Home | News | Weather | Sport", "", "WEATHER", "",
        "Storm batters coast, leaving thousands without power", "", "By Callum Fraser", "", SECOND));
    assertEquals("Storm batters coast, leaving thousands without power", a.title());
    assertEquals("The Harbour Herald", a.source());
    assertEquals("Callum Fraser", a.byline());
  }

  @Test
  void shortHeadlineFollowedByStandfirstStaysTheTitle() throws Exception {
    Article a = one("/c/short.txt", String.join("\n",
        "Putin visits Pyongyang", "", "The visit is the first in 24 years and comes amid warnings from Seoul", "", SECOND));
    assertEquals("Putin visits Pyongyang", a.title());
    assertNull(a.source());
    assertTrue(a.body().startsWith("The visit is the first in 24 years"));
  }

  @Test
  void onlyAnUpdatedDateIsUsedButMarkedInferred() throws Exception {
    Article a = one("/c/upd.txt", String.join("\n", "Allies weigh their response", "", "Updated 2024-06-22T08:30:00Z", "", SECOND));
    assertEquals("2024-06-22T08:30Z", a.published().value());
    assertTrue(a.published().inferred());
    assertEquals("updated", a.published().evidence());
  }

  @Test
  void datelinesWithSeveralPlacesOrNoDate() throws Exception {
    Article slash = one("/c/r.txt", "Allies react\n\nWASHINGTON/TOKYO (Reuters) - " + SECOND);
    assertEquals("WASHINGTON/TOKYO", slash.dateline());
    assertEquals("Reuters", slash.source());
    Article place = one("/c/v.txt", "Leaders meet\n\nVOSTOCHNY COSMODROME, Russia — " + SECOND);
    assertEquals("VOSTOCHNY COSMODROME", place.dateline());
    assertNull(place.source());
  }

  @Test
  void bylineWithPeopleAndOutlet() throws Exception {
    Article a = one("/c/r.txt", String.join("\n", "Allies react to pact", "By Kim Min-seo and Pavel Orlov, Reuters", "", SECOND));
    assertEquals("Kim Min-seo and Pavel Orlov", a.byline());
    assertEquals("Reuters", a.source());
  }

  @Test
  void markdownFrontMatterWins() throws Exception {
    Article a = one("/c/post.md", String.join("\n",
        "---", "title: \"What the treaty says\"", "date: 2024-06-19T13:10:00+03:00", "source: East Asia Notes",
        "author: [Ana Ruiz, Li Wei]", "url: https://example.org/treaty", "---", "",
        "# What the treaty says", "", "The *treaty* has **twenty-three** articles, see [the text](https://example.org/text).", "",
        "- Article 4 covers [mutual assistance](https://x.org).", "", "![map](map.png)"));
    assertEquals("What the treaty says", a.title());
    assertEquals("East Asia Notes", a.source());
    assertEquals("Ana Ruiz and Li Wei", a.byline());
    assertEquals("2024-06-19T13:10+03:00", a.published().value());
    assertEquals("metadata", a.published().evidence());
    assertEquals("https://example.org/treaty", a.url());
    assertEquals("The treaty has twenty-three articles, see the text.\n\nArticle 4 covers mutual assistance.", a.body());
  }

  @Test
  void htmlArticleWithoutNavigationAndAsides() throws Exception {
    String html = """
        <!doctype html><html><head><title>Pact signed | Global Post</title>
        <meta property="og:site_name" content="Global Post">
        <meta property="article:published_time" content="2024-06-19T15:20:00Z">
        <meta name="author" content="Jane Doe"></head>
        <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <div class="cookie-banner">We use cookies. Accept?</div>
        <article><h1>Pact signed in Pyongyang</h1><p class="byline">By Jane Doe</p>
        <p>Russia and North Korea signed a pact on Wednesday that promises mutual assistance&nbsp;in case of attack.</p>
        <figure><img src="a.jpg"><figcaption>The leaders at the ceremony.</figcaption></figure>
        <p>Officials said the treaty replaces the 1961 agreement &amp; the 2000 treaty.</p>
        <div class="share-tools">Share on X</div></article>
        <aside><h3>Related</h3><ul><li>Unrelated headline about chips</li></ul></aside>
        <footer>© 2024 Global Post</footer></body></html>
        """;
    Article a = one("/c/page.html", html);
    assertEquals("Pact signed in Pyongyang", a.title());
    assertEquals("Global Post", a.source());
    assertEquals("Jane Doe", a.byline());
    assertEquals("2024-06-19T15:20Z", a.published().value());
    // A photo caption describes the picture, not the story (issue 12): it is not body text.
    assertEquals(
        "Russia and North Korea signed a pact on Wednesday that promises mutual assistance in case of attack.\n\n"
            + "Officials said the treaty replaces the 1961 agreement & the 2000 treaty.",
        a.body());
  }

  @Test
  void htmlWithoutArticleElementFindsTheDensestBlock() throws Exception {
    String html = "<html><body><div id=menu><p>Home</p><p>World</p></div><div class=content><div class=text>"
        + "<p>" + LEDE + "</p><p>" + SECOND + "</p></div></div><div class=footer-links><p>About us</p></div></body></html>";
    Article a = one("/c/divs.htm", html);
    assertEquals(LEDE + "\n\n" + SECOND, a.body());
  }

  @Test
  void jsonLinesRecordsAndBrokenLines() throws Exception {
    String jsonl = String.join("\n",
        "{\"id\":\"w1\",\"title\":\"One\",\"date\":\"2024-06-19\",\"source\":\"Wire\",\"text\":\"First story text here.\"}",
        "not json",
        "",
        "{\"title\":\"Two\",\"body\":\"Second story.\\n\\nSecond paragraph.\"}",
        "{\"title\":\"Three\"}");
    var result = ingestor.ingest("/c/feed.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, result.articles().size());
    Article first = result.articles().get(0);
    assertEquals("One", first.title());
    assertEquals("Wire", first.source());
    assertEquals("2024-06-19", first.published().value());
    assertEquals(1, first.record());
    assertEquals(DocumentIds.of("/c/feed.jsonl", "w1"), first.id());
    Article second = result.articles().get(1);
    assertEquals(4, second.record());
    assertEquals(DocumentIds.of("/c/feed.jsonl", "4"), second.id());
    assertEquals("Second story.\n\nSecond paragraph.", second.body());
    assertEquals(2, result.brokenRecords().size());
    assertTrue(result.brokenRecords().get(0).startsWith("line 2: invalid JSON"), result.brokenRecords().get(0));
    assertTrue(result.brokenRecords().get(1).startsWith("line 5: no \"text\""), result.brokenRecords().get(1));
  }

  @Test
  void emptyAndImageFilesAreSkippedNotFailed() {
    IngestException empty = assertThrows(IngestException.class, () -> ingestor.ingest("/c/e.txt", new byte[0]));
    assertEquals(IngestException.Outcome.SKIPPED, empty.outcome());
    IngestException png = assertThrows(IngestException.class, () -> ingestor.ingest("/c/p.png", new byte[] {1, 2}));
    assertEquals(IngestException.Outcome.SKIPPED, png.outcome());
  }

  @Test
  void binaryUnderTextExtensionFails() {
    IngestException e = assertThrows(IngestException.class, () -> ingestor.ingest("/c/b.txt", new byte[] {'a', 0, 'b'}));
    assertEquals(IngestException.Outcome.FAILED, e.outcome());
  }

  @Test
  void unknownExtensionIsSniffed() throws Exception {
    Article a = one("/c/story.article", "<html><body><article><h1>Sniffed</h1><p>" + SECOND + "</p></article></body></html>");
    assertEquals("html", a.format());
    assertEquals("Sniffed", a.title());
  }

  @Test
  void idsAreStableAndDependOnPathOnly() throws Exception {
    Article a = one("/c/x.txt", "Title one\n\n" + SECOND);
    Article b = one("/c/x.txt", "Title two\n\n" + SECOND + " Edited.");
    assertEquals(a.id(), b.id());
    assertEquals(16, a.id().length());
  }
}
