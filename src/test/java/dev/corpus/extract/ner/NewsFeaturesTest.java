package dev.corpus.extract.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feature parts a decoder sums once per word are the features the trainer sees. */
class NewsFeaturesTest {

  private static List<String> features(NewsFeatures generator, String[] tokens, int index, int parts) {
    List<String> out = new ArrayList<>();
    generator.features(FeatureSink.strings(out), tokens, index, parts);
    return out;
  }

  @Test
  void thePartsTogetherAreTheTrainersFeatures() {
    NewsFeatures generator = new NewsFeatures(NerLexicons.shared());
    for (String[] tokens : List.of(
        "Ferry operator Nordlys Linjer said on Friday it would add a route to Bergen .".split(" "),
        "STORM HITS WESTERN NORWAY".split(" "),
        new String[] {"Hello"})) {
      for (int i = 0; i < tokens.length; i++) {
        List<String> parts = new ArrayList<>();
        for (int part : new int[] {NewsFeatures.OWN, NewsFeatures.PREVIOUS, NewsFeatures.NEXT, NewsFeatures.REST}) {
          parts.addAll(features(generator, tokens, i, part));
        }
        List<String> trainer = new ArrayList<>();
        generator.createFeatures(trainer, tokens, i, null);
        assertEquals(trainer.stream().sorted().toList(), parts.stream().sorted().toList(), tokens[i]);
      }
    }
  }

  @Test
  void aWordsOwnAndNeighbourFeaturesDoNotDependOnItsSentence() {
    NewsFeatures generator = new NewsFeatures(NerLexicons.shared());
    String[] one = "Talks in Bergen ended late .".split(" ");
    String[] other = "BERGEN , Norway - Bergen harbour reopened".split(" ");
    // "Bergen" is token 2 of one and token 4 of other.
    assertEquals(features(generator, one, 2, NewsFeatures.OWN), features(generator, other, 4, NewsFeatures.OWN));
    assertEquals(features(generator, one, 3, NewsFeatures.PREVIOUS), features(generator, other, 5, NewsFeatures.PREVIOUS));
    assertEquals(features(generator, one, 1, NewsFeatures.NEXT), features(generator, other, 3, NewsFeatures.NEXT));
    assertTrue(features(generator, one, 2, NewsFeatures.OWN).contains("w=Bergen"));
    assertTrue(features(generator, one, 3, NewsFeatures.PREVIOUS).contains("w-1=bergen"));
  }
}
