package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.model.Article;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteTemplateTest {

  private static final String SHARED =
      "The port authority has published its annual figures, which show traffic rising for a third year in a row.";

  /** A page of an invented site: its name, a menu without bars, a story, a footer. */
  private static String page(int n) {
    return String.join("\n",
        "The Quayside Ledger", "World Politics Harbour Weather", "Explore our coverage", "",
        "Headline number " + "one two three four".split(" ")[n % 4] + " about the harbour", "By Staff Writer", "",
        "The harbour master said on Tuesday that story " + n + " would be told in full, with every detail checked twice before print.",
        "", SHARED, "", "Ledger Podcasts", "Ledger Puzzles and Games", "Contact the newsroom");
  }

  private static Map<String, byte[]> folder(int pages) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int n = 0; n < pages; n++) {
      files.put("/site/story-" + n + ".txt", page(n).getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  @Test
  void linesRepeatedAtTheEdgesOfMostPagesAreTheTemplate() {
    Ingestor ingestor = new Ingestor();
    SiteTemplate template = ingestor.template(folder(4));
    assertTrue(template.lines().containsAll(List.of(
        "world politics harbour weather", "explore our coverage", "ledger podcasts", "ledger puzzles and games", "contact the newsroom")),
        template.lines().toString());
    assertFalse(template.lines().stream().anyMatch(l -> l.contains("port authority")), "prose is never template");
  }

  @Test
  void theTemplateLeavesTheBodyButNotTheSiteNameBylineOrRepeatedProse() throws Exception {
    Ingestor ingestor = new Ingestor();
    Map<String, byte[]> files = folder(4);
    SiteTemplate template = ingestor.template(files);
    Article a = ingestor.ingest("/site/story-1.txt", files.get("/site/story-1.txt"), template).articles().get(0);
    assertEquals("Headline number two about the harbour", a.title());
    assertEquals("The Quayside Ledger", a.source(), "the first line, the site's name, is kept for the outlet");
    assertEquals("Staff Writer", a.byline());
    assertTrue(a.body().startsWith("The harbour master said"), a.body());
    assertTrue(a.body().endsWith(SHARED), "a sentence several pages repeat is still text: " + a.body());
    Article alone = ingestor.ingest("/site/story-1.txt", files.get("/site/story-1.txt")).articles().get(0);
    assertTrue(alone.body().contains("Ledger Podcasts"), "without the folder, the same page keeps its footer");
  }

  @Test
  void theTemplateDependsOnTheSetOfPagesNotTheirOrder() {
    List<List<String>> pages = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      pages.add(page(n).lines().toList());
    }
    SiteTemplate forward = SiteTemplate.learn(pages);
    Collections.reverse(pages);
    assertEquals(forward.fingerprint(), SiteTemplate.learn(pages).fingerprint());
    assertEquals(forward.lines(), SiteTemplate.learn(pages).lines());
  }

  @Test
  void twoPagesTeachNothing() {
    assertSame(SiteTemplate.NONE, new Ingestor().template(folder(2)));
  }
}
