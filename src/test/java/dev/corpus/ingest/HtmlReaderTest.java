package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.model.Article;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Body extraction from HTML: each mechanism on a short page written for it. */
class HtmlReaderTest {

  private final Ingestor ingestor = new Ingestor();

  private static final String P1 =
      "The river authority said on Monday that the weir at Eastfield would be rebuilt over the winter, closing the towpath between the lock and the old mill until March.";
  private static final String P2 =
      "Engineers found last year that the stones under the sluice gates had shifted, and the authority, which had patched them twice, decided a full rebuild was cheaper.";
  private static final String P3 =
      "Anglers and rowing clubs, who use the reach most weekends, asked for a temporary landing stage, and the authority said it would consider one if funds allowed.";

  private Article article(String html) throws Exception {
    var result = ingestor.ingest("/t/page.html", html.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, result.articles().size());
    return result.articles().get(0);
  }

  private static String links(String... titles) {
    StringBuilder out = new StringBuilder("<ul>");
    for (String t : titles) {
      out.append("<li><a href='/x'>").append(t).append("</a></li>");
    }
    return out.append("</ul>").toString();
  }

  /** Regression: the wrapper named "content-with-sidebar" held the article and was removed for "sidebar". */
  @Test
  void theWrapperThatHoldsTheProseIsKeptWhateverItsClassSays() throws Exception {
    Article a = article("<html><body><div class='content-with-sidebar-wrp'><div class='comments-and-story'>"
        + "<h1>Weir to be rebuilt</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
        + "<div class='tags'>Tags: <a href='/t/river'>river</a> <a href='/t/weir'>weir</a></div></div>"
        + "<div class='sidebar'><h3>Most read</h3>" + links("Council rejects car park plan", "School wins chess final",
            "Bakery closes after sixty years") + "</div></div></body></html>");
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, a.body());
  }

  @Test
  void densityPicksTheBlockWithMostProseAndFewestLinks() throws Exception {
    Article a = article("<html><body><div id=a>" + links("Weather warning for the coast tonight and tomorrow morning",
            "Ferry timetable changes from next week on the island routes", "New bus lanes open on the ring road")
        + "</div><div id=b><div><p>" + P1 + "</p><p>" + P2 + "</p></div><div><p>" + P3 + "</p></div></div>"
        + "<div id=c><p>Copyright 2024 River News. All rights reserved.</p></div></body></html>");
    assertTrue(a.body().contains(P1) && a.body().contains(P2) && a.body().contains(P3), a.body());
    assertFalse(a.body().contains("Ferry"), a.body());
    assertFalse(a.body().contains("Copyright"), a.body());
  }

  @Test
  void anAppShellIsReadFromItsJsonLd() throws Exception {
    Article a = article("""
        <html><head><title>River News</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "River News"},
          {"@type": ["NewsArticle"], "headline": "Weir to be rebuilt", "datePublished": "2024-10-07T09:30:00+01:00",
           "author": [{"@type": "Person", "name": "Ada Marsh"}, {"@type": "Person", "name": "Tom Reed"}],
           "publisher": {"@type": "Organization", "name": "River News"},
           "articleBody": "%s\\n\\n%s"}]}</script></head>
        <body><div id="root">Loading…</div></body></html>""".formatted(P1, P2));
    assertEquals(P1 + "\n\n" + P2, a.body());
    assertEquals("Weir to be rebuilt", a.title());
    assertEquals("Ada Marsh, Tom Reed", a.byline());
    assertEquals("River News", a.source());
    assertEquals("2024-10-07", a.published().value().substring(0, 10));
  }

  @Test
  void whenTheContainerIsShortTheBroadExtractionIsTaken() {
    String shortText = "x".repeat(150);
    String broad = "y".repeat(900);
    assertEquals(ContentExtractor.Method.BROAD, ContentExtractor.choose(new ContentExtractor.Candidates(shortText, broad, "")).method());
    String container = "z".repeat(800);
    assertEquals(ContentExtractor.Method.CONTAINER,
        ContentExtractor.choose(new ContentExtractor.Candidates(container, "w".repeat(1500), "")).method(),
        "comments make the broad extraction long; a container of half of it stays");
    assertEquals(ContentExtractor.Method.BROAD,
        ContentExtractor.choose(new ContentExtractor.Candidates(container, "w".repeat(4000), "")).method(),
        "a container of a fifth of the page's prose is the wrong one");
    assertEquals(ContentExtractor.Method.JSON_LD,
        ContentExtractor.choose(new ContentExtractor.Candidates(container, "", "v".repeat(1200))).method());
  }

  @Test
  void paragraphsSplitFromTheirContainerAreFoundByTheFallback() throws Exception {
    // Each paragraph in its own table cell of its own table: no element holds more than one.
    String html = "<html><body><table><tr><td><span>" + P1 + "</span></td></tr></table><hr>"
        + "<table><tr><td><span>" + P2 + "</span></td></tr></table><hr>"
        + "<table><tr><td><span>" + P3 + "</span></td></tr></table></body></html>";
    var candidates = new ContentExtractor().candidates(Jsoup.parse(html), null);
    assertTrue(ContentExtractor.length(candidates.container()) < ContentExtractor.MIN_BODY, candidates.container());
    Article a = article(html);
    assertTrue(a.body().contains(P1) && a.body().contains(P2) && a.body().contains(P3), a.body());
  }

  /**
   * Regression: a link wrapped in a span ("the <span><a>weir</a></span> at Eastfield") was removed
   * as a block of links, and a sentence lost its words; a hover card of several links in the same
   * sentence is still a list of links.
   */
  @Test
  void aLinkInsideASentenceStaysAndAHoverCardOfLinksGoes() throws Exception {
    Article a = article("<html><body><div><h1>Weir to be rebuilt</h1>"
        + "<p><span>The river authority said on Monday that the <span class='inline'><a href='/w'>weir at Eastfield</a></span>"
        + " would be rebuilt, and its chair <span class='person'><a href='/p/ames'>Dora Ames</a><span class='card'>"
        + "<a href='/p/ames'>Dora Ames</a> <a href='/s/1'>Ames opens the new lock gates</a> <a href='/s/2'>Authority budget"
        + " approved after long debate</a> <a href='/p/ames'>MORE</a></span></span> said the towpath would close until March.</span></p>"
        + "<p>" + P2 + "</p><p>" + P3 + "</p></div></body></html>");
    assertTrue(a.body().startsWith("The river authority said on Monday that the weir at Eastfield would be rebuilt, and its chair"
        + " Dora Ames said the towpath would close until March."), a.body());
    assertFalse(a.body().contains("budget"), a.body());
  }

  private static String comment(String who, String when, String text) {
    return "<li class='comment depth-1'><div class='comment-author'><b class='fn'>" + who + "</b> says:</div>"
        + "<div class='comment-meta'><time datetime='2024-03-02T10:00'>" + when + "</time></div>"
        + "<div class='comment-body'><p>" + text + "</p></div><a class='reply-link' href='#r'>Reply</a></li>";
  }

  /**
   * Regression: readers' comments, longer than the article they follow, were taken for the
   * article. A list of signed, dated posts of one template in a comment-named block goes; a
   * wrapper merely named after comments does not.
   */
  @Test
  void aThreadOfSignedDatedCommentsIsNotTheArticle() throws Exception {
    String thread = "<div id='comments'><h3>12 responses</h3><ol class='comment-list'>"
        + comment("riverwatcher", "March 2, 2024", "About time, the towpath has been a mess for years, and every winter the puddles by the lock get deeper, so a proper rebuild is welcome news for walkers like me.")
        + comment("Pat K", "March 2, 2024", "Closing the towpath until March is a long time, and nobody has said where cyclists are supposed to go in the meantime, which the authority really should explain.")
        + comment("oarsman", "March 3, 2024", "The rowing club was not consulted at all, and a temporary landing stage should be a condition of the work, not something considered only if funds allow it.")
        + comment("millhouse", "March 3, 2024", "We live by the old mill and the noise of the works will be terrible, but if the weir really is failing then of course it has to be done, I suppose.")
        + comment("towpath_fan", "March 4, 2024", "Engineers said the stones had shifted, and yet the authority patched them twice, spending money, time and goodwill, before admitting what everyone on the river already knew.")
        + comment("Jo", "March 4, 2024", "Does anyone know whether the footbridge by the lock stays open, or whether walkers, dog owners and the school run will have to go round by the main road all winter?")
        + "</ol></div>";
    Article a = article("<html><body><div class='comments-and-story'><article><h1>Weir to be rebuilt</h1><p>" + P1 + "</p><p>" + P2
        + "</p></article>" + thread + "</div></body></html>");
    assertEquals(P1 + "\n\n" + P2, a.body());
  }

  /**
   * Regression: a "Read more" expander in the middle of the article's container (the rest of the
   * story folded below it) ended the article as if a list of other stories followed.
   */
  @Test
  void aReadMoreExpanderInsideTheContainerDoesNotEndTheArticle() throws Exception {
    Article a = article("<html><body><div class='story'><h1>Weir to be rebuilt</h1><p>" + P1 + "</p><p>" + P2 + "</p>"
        + "<div class='expander'><div class='button'>Read more</div></div><div class='folded'><p>" + P3 + "</p></div></div>"
        + "<div class='more'><h3>Read more</h3>" + links("Council rejects car park plan", "School wins chess final") + "</div>"
        + "</body></html>");
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, a.body());
  }

  /**
   * Regression: a copy of the article as microdata, hidden by its style, stood beside the article
   * in the same wrapper and doubled the body, with its dates, sizes and logo address as lines.
   */
  @Test
  void aBlockHiddenByItsStyleIsNotRead() throws Exception {
    Article a = article("<html><body><div class='wrap'><div class='story'><h1>Weir to be rebuilt</h1><p>" + P1 + "</p><p>" + P2
        + "</p><p>" + P3 + "</p></div><div style='display: none' itemscope itemtype='http://schema.org/NewsArticle'>"
        + "<div itemprop='headline'>Weir to be rebuilt</div><div itemprop='datePublished'>2024-03-01T08:00:00Z</div>"
        + "<div itemprop='width'>640</div><div itemprop='articleBody'><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
        + "</p></div></div></div></body></html>");
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, a.body());
  }

  /**
   * Regression: a gallery of photos inside the story, its captions long sentences with commas in
   * blocks classed as captions (not in {@code <figcaption>}), was read as the article's opening.
   */
  @Test
  void captionsMarkedByTheirClassLeaveTheBody() throws Exception {
    String item = "<li class='gallery-item'><img src='/p.jpg' alt=''><div class='photo-caption'><p>Workers, seen from the footbridge,"
        + " lift a stone from the sluice at Eastfield on Monday, March 4, 2024, as the rebuild begins.</p><span>Photo: R. Lake</span>"
        + "</div></li>";
    Article a = article("<html><body><div class='story'><h1>Weir to be rebuilt</h1><ul class='gallery'>" + item + item + "</ul>"
        + "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></body></html>");
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, a.body());
  }

  @Test
  void aPageOfFurnitureOnlyIsSkippedWithItsReason() {
    String html = "<html><body><nav>" + links("Home", "World", "Sport") + "</nav><div class='promo'>"
        + links("Subscribe for one pound a week", "Sign in") + "</div><footer>© 2024 River News</footer></body></html>";
    IngestException e = assertThrows(IngestException.class,
        () -> ingestor.ingest("/t/shell.html", html.getBytes(StandardCharsets.UTF_8)));
    assertEquals(IngestException.Outcome.SKIPPED, e.outcome());
    assertEquals(HtmlReader.NO_TEXT, e.getMessage());
  }

  @Test
  void captionsAndTheLabelOfALinkListLeaveTheBody() throws Exception {
    Article a = article("<html><body><article><p>" + P1 + "</p><figure><img src=w.jpg><figcaption>The weir at Eastfield"
        + " seen from the lock, where the towpath will close.</figcaption></figure><p>" + P2 + "</p>"
        + "<div><h4>Related stories</h4></div>" + links("Lock keeper retires", "Mill museum reopens", "Towpath survey")
        + "<p>" + P3 + "</p></article></body></html>");
    assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, a.body());
  }

  @Test
  void javascriptAndCompactOffsetDatesBecomeIso() throws Exception {
    assertEquals("2019-11-19T05:44:06+00:00", PageMetadata.isoDate("Tue Nov 19 2019 05:44:06 GMT+0000 (Coordinated Universal Time)"));
    assertEquals("2024-10-07T09:30:00+01:00", PageMetadata.isoDate("2024-10-07T09:30:00+0100"));
    Article a = article("<html><head><meta property='article:published_time' content='Mon Oct 07 2024 09:30:00 GMT+0100'>"
        + "</head><body><article><p>" + P1 + "</p></article></body></html>");
    assertEquals("2024-10-07T09:30+01:00", a.published().value());
  }

  @Test
  void theOutletIsThePagesHostWhenNothingNamesItAndNeverAShareLine() throws Exception {
    Article a = article("<html><head><link rel=canonical href='https://www.rivernews.example/2024/weir'>"
        + "</head><body><article><div class=byline>Share on Facebook | Follow us</div><p>" + P1 + "</p><p>" + P2
        + "</p></article></body></html>");
    assertEquals("rivernews.example", a.source());
    assertEquals("https://www.rivernews.example/2024/weir", a.url());
    assertTrue(a.byline() == null || !a.byline().contains("Share"), a.byline());
  }
}
