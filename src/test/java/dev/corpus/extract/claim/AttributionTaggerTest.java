package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.EntityStage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped attribution model alone (no rules), on short texts written for these tests. */
class AttributionTaggerTest {

  private static final Cues CUES = Cues.shipped();
  private static final ClaimExtractor TAGGER = ClaimExtractor.withTagger(CUES, AttributionTagger.shipped(CUES), ClaimExtractor.Mode.TAGGER);
  private static final EntityStage ENTITIES = EntityStage.shipped();

  private static Claim only(String text) {
    List<Claim> found = TAGGER.extract(text, ENTITIES.find(text));
    assertEquals(1, found.size(), () -> text + " -> " + found);
    return found.getFirst();
  }

  @Test
  void reportedSpeechHasSourceCueAndContent() {
    Claim c = only("Lena Ortiz, the harbour master, said the ferry would resume on Monday.");
    assertTrue(c.speakerText().startsWith("Lena Ortiz"), c.speakerText()); // PolNeAR's sources take in the apposition
    assertEquals("Lena Ortiz", c.speaker());
    assertEquals("said", c.cue());
    assertTrue(c.content().startsWith("the ferry would resume"), c.content());
  }

  @Test
  void aQuotationWithItsSpeakerAfter() {
    Claim c = only("“We are ready for the storm,” the minister told reporters.");
    assertEquals("the minister", c.speakerText());
    assertEquals("We are ready for the storm", c.content(), "the words, without the quotation marks and comma");
    assertTrue(c.direct());
  }

  @Test
  void aCueOutsideTheListIsLearnt() {
    assertTrue(!CUES.listed("voiced"), "the case is only worth testing while the list lacks the word");
    Claim c = only("Residents have voiced fears that the river will flood again this spring.");
    assertEquals("Residents", c.speakerText());
    assertTrue(c.cue().startsWith("voiced"), c.cue());
    assertTrue(c.content().contains("the river will flood again this spring"), c.content());
  }

  @Test
  void aNegatedCueIsMarked() {
    Claim c = only("The envoy did not confirm that talks had begun in the capital.");
    assertTrue(c.negated());
    assertEquals("did not confirm", c.cue());
  }

  @Test
  void aSentenceWithoutAttributionHasNone() {
    String text = "The ferry left the harbour at noon and reached the island two hours later.";
    assertEquals(List.of(), TAGGER.extract(text, ENTITIES.find(text)));
  }

  @Test
  void decodingFromTheWeightsGivesTheTagsOfTheModelsOwnEvaluation() throws Exception {
    // The same model behind a plain MaxentModel is decoded through MaxentModel.eval.
    opennlp.tools.ml.model.MaxentModel gis;
    try (var in = AttributionTagger.class.getResourceAsStream(AttributionTagger.RESOURCE)) {
      gis = AttributionTagger.read(in);
    }
    opennlp.tools.ml.model.MaxentModel plain = new opennlp.tools.ml.model.MaxentModel() {
      public double[] eval(String[] context) { return gis.eval(context); }
      public double[] eval(String[] context, double[] probs) { return gis.eval(context, probs); }
      public double[] eval(String[] context, float[] values) { return gis.eval(context, values); }
      public String getBestOutcome(double[] outcomes) { return gis.getBestOutcome(outcomes); }
      public String getAllOutcomes(double[] outcomes) { return gis.getAllOutcomes(outcomes); }
      public String getOutcome(int i) { return gis.getOutcome(i); }
      public int getIndex(String outcome) { return gis.getIndex(outcome); }
      public int getNumOutcomes() { return gis.getNumOutcomes(); }
    };
    AttributionFeatures features = new AttributionFeatures(dev.corpus.extract.ner.NerLexicons.shared(), CUES);
    AttributionTagger fast = new AttributionTagger(gis, features);
    AttributionTagger slow = new AttributionTagger(plain, features);
    String text = "“We are ready for the storm,” the minister told reporters on Friday. Critics said the plan "
        + "came too late, and the union warned that workers would strike.\n\nThe mayor, who spoke after "
        + "the vote, did not confirm that the bridge would close. She added: “Nobody will be left behind.”";
    var mentions = ENTITIES.find(text).mentions();
    var a = fast.tag(text, mentions);
    var b = slow.tag(text, mentions);
    assertEquals(a.size(), b.size());
    for (int k = 0; k < a.size(); k++) {
      assertEquals(List.of(a.get(k).tags()), List.of(b.get(k).tags()));
    }
    assertTrue(a.stream().anyMatch(t -> List.of(t.tags()).contains("B-T")), "the text has contents to tag");
  }
}
