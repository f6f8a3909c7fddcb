package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How tagged spans are joined into statements, on tags written by hand. */
class AttributionLinkerTest {

  /**
   * Tags {@code text} from a parallel string of one letter per token: S source, C cue, T
   * content, '.' none; an upper-case letter opens a span, a lower-case one continues it.
   */
  private static List<Draft> link(String text, String letters) {
    List<AttributionFeatures.Passage> passages = AttributionTagger.passages(text, new Tokenizer().sentences(text));
    assertEquals(1, passages.size());
    AttributionFeatures.Passage p = passages.getFirst();
    String[] marks = letters.split(" ");
    assertEquals(p.tokens().size(), marks.length, () -> p.tokens().stream().map(Token::text).toList().toString());
    String[] tags = new String[marks.length];
    for (int i = 0; i < marks.length; i++) {
      char m = marks[i].charAt(0);
      tags[i] = m == '.' ? AttributionTagger.OUTSIDE : (Character.isUpperCase(m) ? "B-" : "I-") + Character.toUpperCase(m);
    }
    return AttributionLinker.drafts(text, List.of(new AttributionTagger.Tagged(p, tags)));
  }

  private static String cut(String text, int from, int to) {
    return from < 0 ? null : text.substring(from, to);
  }

  @Test
  void aContentTakesTheCueBesideItAndTheCueItsSource() {
    String text = "Ana Silva said the port would reopen .";
    List<Draft> d = link(text, "S s C T t t t .");
    assertEquals(1, d.size());
    assertEquals("the port would reopen", cut(text, d.get(0).start, d.get(0).end));
    assertEquals("said", cut(text, d.get(0).cueStart, d.get(0).cueEnd));
    assertEquals("Ana Silva", cut(text, d.get(0).sourceStart, d.get(0).sourceEnd));
    assertFalse(d.get(0).direct);
  }

  @Test
  void twoStatementsOfOneSentenceKeepTheirOwnSpeakers() {
    String text = "Ana said rates would rise , while Tom said they would fall .";
    List<Draft> d = link(text, "S C T t t . . S C T t t .");
    assertEquals(2, d.size());
    assertEquals("Ana", cut(text, d.get(0).sourceStart, d.get(0).sourceEnd));
    assertEquals("Tom", cut(text, d.get(1).sourceStart, d.get(1).sourceEnd));
  }

  @Test
  void aQuotationWithoutACueInItsSentenceTakesTheNextSentencesCue() {
    String text = "“We will win.” She said so twice.";
    List<Draft> d = link(text, ". T t t t . S C . . .");
    assertEquals(1, d.size());
    assertTrue(d.get(0).direct);
    assertEquals("She", cut(text, d.get(0).sourceStart, d.get(0).sourceEnd));
  }

  @Test
  void aNegatedCueIsCutToItsVerbSoTheNegationRuleSeesIt() {
    String text = "The envoy did not confirm that talks had begun .";
    List<Draft> d = link(text, "S s C c c . T t t .");
    assertEquals("confirm", cut(text, d.get(0).cueStart, d.get(0).cueEnd));
  }

  @Test
  void aContentOfPunctuationOnlyIsNoStatement() {
    String text = "Ana said , and left .";
    assertEquals(List.of(), link(text, "S C T . . ."));
  }

  @Test
  void aContentWithNoCueNearbyHasNoSource() {
    String text = "Rates would rise . Tom left . Nobody knew why .";
    List<Draft> d = link(text, "T t t . S . . . . . .");
    assertEquals(1, d.size());
    assertEquals(-1, d.get(0).cueStart);
    assertEquals(-1, d.get(0).sourceStart);
  }

  @Test
  void aCueWithNoTaggedSourceTakesTheSubjectBeforeIt() {
    String text = "The port authority said the ferry would resume .";
    List<Draft> d = link(text, ". . . C T t t t .");
    assertEquals(1, d.size());
    assertEquals("The port authority", cut(text, d.get(0).sourceStart, d.get(0).sourceEnd));
  }

  @Test
  void aDeterminerAloneIsNoSource() {
    String text = "The said the ferry would resume .";
    List<Draft> d = link(text, "S C T t t t .");
    assertEquals(1, d.size());
    assertEquals(-1, d.get(0).sourceStart, "\"The\" names nobody and nothing stands before the cue");
  }

  @Test
  void theSentenceRunsFromTheFirstToTheLastSentenceOfTheStatement() {
    String text = "Rain fell . “We will win .” She said so twice . Nobody cared .";
    List<Draft> d = link(text, ". . . T t t t t t S C . . . . . .");
    assertEquals(1, d.size());
    assertEquals("“We will win .” She said so twice .", cut(text, d.get(0).sentenceStart, d.get(0).sentenceEnd));
    assertEquals("We will win .", cut(text, d.get(0).start, d.get(0).end), "the quotation marks are not content");
  }

  @Test
  void aContentTakesTheCueOfItsOwnSentenceBeforeOneNextToIt() {
    String text = "Ana said rates would rise . Tom added that they would fall .";
    List<Draft> d = link(text, "S C T t t . S C . T t t .");
    assertEquals(2, d.size());
    assertEquals("said", cut(text, d.get(0).cueStart, d.get(0).cueEnd));
    assertEquals("added", cut(text, d.get(1).cueStart, d.get(1).cueEnd));
    assertEquals("Tom", cut(text, d.get(1).sourceStart, d.get(1).sourceEnd));
  }
}
