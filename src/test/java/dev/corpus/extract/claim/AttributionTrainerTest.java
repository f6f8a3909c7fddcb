package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How brat spans become training tags, on annotations written by hand. */
class AttributionTrainerTest {

  @Test
  void spansArePaintedInCodePointsWithInnerSourcesAndCuesOverContents() {
    // "😀" is two UTF-16 units and one code point: brat offsets count code points.
    String text = "😀 Li said Mo told him it was over.";
    List<String> ann = List.of(
        "T1\tSource 2 4\tLi",
        "T2\tCue 5 9\tsaid",
        "T3\tContent 10 34\tMo told him it was over",
        "T4\tSource 10 12\tMo",
        "T5\tCue 13 21\ttold him",
        "T6\tContent 22 34\tit was over",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1");
    AttributionTrainer.Painted p = AttributionTrainer.goldKinds(text, ann);
    int li = text.indexOf("Li");
    assertEquals("S", p.kinds()[li]);
    assertEquals("C", p.kinds()[text.indexOf("said")]);
    assertEquals("S", p.kinds()[text.indexOf("Mo")], "an inner source stays a source inside the outer content");
    assertEquals("C", p.kinds()[text.indexOf("told")]);
    assertEquals("T", p.kinds()[text.indexOf("over")]);
    assertNull(p.kinds()[text.indexOf("said") - 1]);
    assertNotEquals(p.spans()[text.indexOf("it was")], p.spans()[text.indexOf("Mo")]);
  }

  @Test
  void eachSpanOpensWithABeginTagAndTwoSpansSideBySideStayTwo() {
    String text = "Li said rates rose. Mo and Jo said so.";
    List<String> ann = List.of(
        "T1\tSource 0 2\tLi",
        "T2\tCue 3 7\tsaid",
        "T3\tContent 8 18\trates rose",
        "T4\tSource 20 22\tMo",
        "T5\tSource 27 29\tJo",
        "T6\tCue 30 34\tsaid");
    List<opennlp.tools.ml.model.Event> events = new java.util.ArrayList<>();
    Cues cues = Cues.shipped();
    AttributionTrainer.addEvents(text, ann, dev.corpus.extract.entity.EntityAnnotations.NONE,
        new AttributionFeatures(dev.corpus.extract.ner.NerLexicons.shared(), cues), events);
    List<String> tags = events.stream().map(opennlp.tools.ml.model.Event::getOutcome).toList();
    // Li said rates rose . Mo and Jo said so .
    assertEquals(List.of("B-S", "B-C", "B-T", "I-T", "O", "B-S", "O", "B-S", "B-C", "O", "O"), tags);
  }

  @Test
  void theHeldOutTenthIsFixedByName() {
    long held = java.util.stream.IntStream.range(0, 2000).filter(i -> AttributionTrainer.heldOut("text" + i)).count();
    assertEquals(200, held, 40, "about one name in ten is held out");
  }
}
