package dev.corpus.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.Annotations;
import dev.corpus.extract.Pipeline;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The language of an article, and the English extractors skipping other languages. */
class LanguageStageTest {

  static final String ENGLISH = "The harbour board said on Tuesday that ferry crossings between the two ports would resume"
      + " next week, once repairs to the old pier are finished and inspectors have signed off the work.";
  static final String FRENCH = "Le conseil du port a annoncé mardi que les traversées en ferry entre les deux villes"
      + " reprendront la semaine prochaine, une fois la vieille jetée réparée et les travaux contrôlés par les inspecteurs.";
  static final String GERMAN = "Der Hafenrat teilte am Dienstag mit, dass die Fährverbindungen zwischen den beiden Städten"
      + " nächste Woche wieder aufgenommen werden, sobald der alte Pier repariert und die Arbeiten abgenommen sind.";

  private static LanguageGuesser guesser;

  @BeforeAll
  static void load() {
    guesser = new LanguageGuesser();
  }

  @Test
  void paragraphsGetTheirLanguage() {
    assertEquals("en", guesser.guess("Ferry crossings to resume", ENGLISH));
    assertEquals("fr", guesser.guess("Les ferries reprennent", FRENCH));
    assertEquals("de", guesser.guess("Die Fähren fahren wieder", GERMAN));
  }

  @Test
  void aTextTooShortToJudgeHasNoLanguage() {
    assertNull(guesser.guess("Oil rises", "Oil rose."));
    assertNull(guesser.guess(null, ""));
  }

  @Test
  void theEnglishExtractorsSkipAnArticleInAnotherLanguage() {
    Pipeline pipeline = Pipeline.standard();
    Annotations french = pipeline.run(article("Jean Dupont à Marseille", "Jean Dupont, le maire de Marseille, a déclaré que " + FRENCH));
    assertEquals("fr", french.get(Language.KEY).orElseThrow().code());
    assertTrue(french.get(EntityAnnotations.KEY).isEmpty(), "no entities for a French article");
    Annotations english = pipeline.run(article("Mayor Jane Roe in Dover", "Jane Roe, the mayor of Dover, said " + ENGLISH));
    assertEquals("en", english.get(Language.KEY).orElseThrow().code());
    assertTrue(english.get(EntityAnnotations.KEY).orElseThrow().entities().stream().anyMatch(e -> e.name().equals("Jane Roe")));
  }

  private static Article article(String title, String body) {
    return new Article("0", "/t.txt", 0, "text", "UTF-8", title, null, null, null, PublishedDate.UNKNOWN, null, null, body);
  }
}
