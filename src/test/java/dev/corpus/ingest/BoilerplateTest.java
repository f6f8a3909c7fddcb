package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

  private final Boilerplate boilerplate = new Boilerplate();

  private static final String PROSE =
      "The two leaders signed the agreement in the capital on Wednesday after a long day of talks between the delegations.";

  @Test
  void dropsFurnitureLinesAndKeepsProse() {
    var cleaned = boilerplate.clean(List.of(
        "Skip to content", "Home | World | Politics | Business", "Headline here", "Share this article", "",
        PROSE, "Advertisement", "© 2024 Example Media. All rights reserved."));
    assertEquals(List.of("Headline here", "", PROSE), cleaned.lines());
  }

  @Test
  void aWireSignOffOnItsOwnLineIsNotText() {
    var cleaned = boilerplate.clean(List.of(PROSE, "", "REUTER"));
    assertEquals(List.of(PROSE, ""), cleaned.lines());
    var inProse = boilerplate.clean(List.of("Reuter said the talks would resume in the capital next week, according to the agency."));
    assertEquals(1, inProse.lines().size(), "the name inside a sentence stays");
  }

  @Test
  void tailMarkerAfterProseEndsTheArticle() {
    var cleaned = boilerplate.clean(List.of(
        PROSE, "", "Hot this week", "", "Chip Maker Delays Factory", "Oil prices fall as tensions ease in the region today."));
    assertEquals(List.of(PROSE, ""), cleaned.lines());
  }

  @Test
  void inAnIsolatedArticleATailMarkerIsDroppedAlone() {
    var cleaned = boilerplate.clean(List.of(PROSE, "", "Read more", "", PROSE), false);
    assertEquals(List.of(PROSE, "", "", PROSE), cleaned.lines());
  }

  @Test
  void tailMarkerBeforeAnyProseIsDroppedAlone() {
    var cleaned = boilerplate.clean(List.of("Related Articles", "Headline", PROSE));
    assertEquals(List.of("Headline", PROSE), cleaned.lines());
  }

  @Test
  void previousAndNextArticleEndTheArticle() {
    var cleaned = boilerplate.clean(List.of(PROSE, "No time to read?", "Get a summary", "Previous Article", "", "Other Story Headline"));
    assertEquals(List.of(PROSE), cleaned.lines());
  }

  @Test
  void readMoreListsTagsAndRelatedLinesGo() {
    var cleaned = boilerplate.clean(List.of(
        PROSE, "Tags: Russia, North Korea", "Related: Other story · Another story", "", "Read more", "- Council approves cycle path"));
    assertEquals(List.of(PROSE, ""), cleaned.lines());
  }

  @Test
  void updatedLineIsRemovedButKept() {
    var cleaned = boilerplate.clean(List.of(PROSE, "Last Updated:  Jul 9, 2024 1:38 AM"));
    assertEquals(List.of(PROSE), cleaned.lines());
    assertEquals(List.of("Jul 9, 2024 1:38 AM"), cleaned.updatedLines());
  }

  @Test
  void updatedWithoutADateIsProse() {
    var cleaned = boilerplate.clean(List.of("Updated guidance followed the talks"));
    assertEquals(List.of("Updated guidance followed the talks"), cleaned.lines());
  }

  @Test
  void captionLinesWithAMediaLabelGo() {
    var cleaned = boilerplate.clean(List.of(
        "Image: A ferry leaves the harbour at dawn (Harbour Times)", "Photo caption: Delegates arrive for the vote", PROSE,
        "[Photo: Rescue crews on the bridge]", "Video: What the minister said"));
    assertEquals(List.of(PROSE), cleaned.lines());
    var inProse = boilerplate.clean(List.of("Photographers were kept outside: only two were let in to watch the vote."));
    assertEquals(1, inProse.lines().size(), "a sentence about photographers is not a caption");
  }

  @Test
  void shareRowsWithBracketsOrWideGapsGo() {
    var cleaned = boilerplate.clean(List.of(
        "[Facebook] [Bluesky] [Copy link]", "Share   Tweet   Email", PROSE, "[Mastodon](https://m.example) [Email](mailto:x)"));
    assertEquals(List.of(PROSE), cleaned.lines());
    var table = boilerplate.clean(List.of("Team   Won   Lost", "Northport   12   3"));
    assertEquals(List.of("Team   Won   Lost", "Northport   12   3"), table.lines(), "a table's heading over figures is data, not buttons");
  }

  @Test
  void breadcrumbsAndKickersWithPathSeparatorsGo() {
    var cleaned = boilerplate.clean(List.of("WORLD › ASIA", "BUSINESS / MARKETS", "News » Local » Courts", "Headline here", PROSE));
    assertEquals(List.of("Headline here", PROSE), cleaned.lines());
    var prose = boilerplate.clean(List.of("Exports / imports"));
    assertEquals(List.of("Exports / imports"), prose.lines(), "two words joined by a slash are not a path");
  }

  @Test
  void aBylineRowIsLeftForThePageParser() {
    String row = "By Jane Roe | 03.10.2024 · 14:20 | 5 min read";
    assertEquals(List.of(row, PROSE), boilerplate.clean(List.of(row, PROSE)).lines());
  }

  @Test
  void timestampsWithoutDateAndReadTimesGo() {
    var cleaned = boilerplate.clean(List.of("Updated 9:40 a.m. ET", "Listen to this article (4 min)", "7 min read", PROSE));
    assertEquals(List.of(PROSE), cleaned.lines());
    var live = boilerplate.clean(List.of(PROSE, "", "4:15 p.m.", "", PROSE));
    assertEquals(List.of(PROSE, "", "4:15 p.m.", "", PROSE), live.lines(), "a bare time heads a live report's entry");
  }

  @Test
  void wireCreditsGoOnTheirOwnLineAndAtTheEndOfAParagraph() {
    var cleaned = boilerplate.clean(List.of(
        PROSE, "(Reporting by Jane Roe in Ankara; Additional reporting by Tom Vale; Editing by Ann Lee)"));
    assertEquals(List.of(PROSE), cleaned.lines());
    var inline = boilerplate.clean(List.of(PROSE + " (Writing by Jane Roe; Editing by Ann Lee)"));
    assertEquals(List.of(PROSE), inline.lines());
    var aside = boilerplate.clean(List.of("The minister (who spoke by telephone) declined to comment on the figures."));
    assertEquals(1, aside.lines().get(0).length() > 60 ? 1 : 0, "a parenthesis of the story stays");
    assertEquals("The minister (who spoke by telephone) declined to comment on the figures.", aside.lines().get(0));
  }

  @Test
  void aTeaserListUnderAMarkerWithAQualifierEndsTheArticle() {
    var cleaned = boilerplate.clean(List.of(
        PROSE, "", "More from this newsletter", "Harbour fees rise again", "Council delays vote on bridge", "Why the ferry is late"));
    assertEquals(List.of(PROSE, ""), cleaned.lines());
    var subheading = boilerplate.clean(List.of(PROSE, "Read more slowly", PROSE));
    assertEquals(List.of(PROSE, "Read more slowly", PROSE), subheading.lines(), "prose follows: a subheading, not a teaser list");
  }

  @Test
  void authorBiosAndMembershipAppealsAtTheFootGo() {
    var cleaned = boilerplate.clean(List.of(
        PROSE, "",
        "Jane Roe covers energy and shipping for us. Follow her on Bluesky.", "Reach her at jroe@example.com.", "",
        "Independent reporting like this depends on readers. Become a member today and support our journalism."));
    assertEquals(List.of(PROSE, ""), cleaned.lines());
    var embed = boilerplate.clean(List.of(PROSE, "Watch the full interview tonight.@HarbourTV sits down with @JaneRoe."));
    assertEquals(2, embed.lines().size(), "an embedded post quoting handles is not a contact line");
    String story = "The minister said the fund would support local journalism in rural areas, officials told you.";
    var inStory = boilerplate.clean(List.of(story, PROSE));
    assertEquals(List.of(story, PROSE), inStory.lines(), "the same words inside the story are kept");
  }
}
