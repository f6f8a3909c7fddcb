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
}
