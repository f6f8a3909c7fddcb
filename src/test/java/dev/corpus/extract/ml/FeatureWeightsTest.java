package dev.corpus.extract.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

/** The flattened weight table adds what the model's own map holds, and nothing for unknown features. */
class FeatureWeightsTest {

  private static final Map<String, Context> MODEL = Map.of(
      "w0=said", new Context(new int[] {0, 2}, new double[] {1.5, -0.25}),
      "cue0", new Context(new int[] {1}, new double[] {2.0}),
      "q=in", new Context(new int[] {0, 1, 2}, new double[] {0.5, 0.5, 0.5}));

  @Test
  void addsEachKnownFeaturesWeightsByOutcome() {
    FeatureWeights w = new FeatureWeights(MODEL, 3);
    double[] sum = new double[3];
    w.add("w0=said", sum);
    w.add("cue0", sum);
    w.add("q=in", sum);
    assertArrayEquals(new double[] {2.0, 2.5, 0.25}, sum, 0.0);
  }

  @Test
  void anUnknownFeatureAddsNothing() {
    FeatureWeights w = new FeatureWeights(MODEL, 3);
    double[] sum = new double[3];
    w.add("w0=told", sum);
    w.add("", sum);
    w.add("cue", sum);
    assertArrayEquals(new double[] {0, 0, 0}, sum, 0.0);
  }

  @Test
  void aLargeTableFindsEveryFeature() {
    java.util.Map<String, Context> many = new java.util.HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      many.put("f" + i, new Context(new int[] {i % 2}, new double[] {i}));
    }
    FeatureWeights w = new FeatureWeights(many, 2);
    for (int i = 0; i < 50_000; i += 997) {
      double[] sum = new double[2];
      w.add("f" + i, sum);
      assertArrayEquals(i % 2 == 0 ? new double[] {i, 0} : new double[] {0, i}, sum, 0.0);
    }
  }
}
