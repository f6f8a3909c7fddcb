package dev.corpus.extract.ml;

import java.util.Map;
import opennlp.tools.ml.model.Context;

/**
 * A maximum-entropy model's weights laid out for look-up speed: each feature's weights for all
 * outcomes side by side in one array, found through an open-addressing table of 64-bit hashes of
 * the feature strings. The model's own map (feature string → outcome list → weight list) costs
 * several memory reads a look-up, and a tagger makes tens of look-ups a token: they were most of
 * the attribution tagger's time. The layout is dense (every outcome of every feature), which suits
 * a model of few outcomes (the attribution tagger's 7); the name finder's 17 outcomes and many
 * more features made it larger and no faster, so it is not used there (the name finder has a
 * sparse table of its own, {@code dev.corpus.extract.ner.NameWeights}).
 *
 * <p>Two different feature strings with the same 64-bit hash would share weights; with the
 * model's quarter of a million features the chance that any string of a text hits a known
 * feature's hash by accident is about 10<sup>-14</sup> a look-up. Immutable, thread-safe.
 */
public final class FeatureWeights {

  private final int outcomes;
  private final long[] keys;
  private final int[] rows; // row + 1 of each slot; 0 for an empty slot
  private final double[] weights; // row * outcomes + outcome
  private final int mask;

  /** The weights of {@code model} (a maximum-entropy model's feature map) over {@code outcomes} outcomes. */
  public FeatureWeights(Map<String, Context> model, int outcomes) {
    this.outcomes = outcomes;
    int capacity = Integer.highestOneBit(Math.max(4, model.size() * 2 - 1)) << 1;
    this.keys = new long[capacity];
    this.rows = new int[capacity];
    this.mask = capacity - 1;
    this.weights = new double[model.size() * outcomes];
    int row = 0;
    for (Map.Entry<String, Context> e : model.entrySet()) {
      long h = hash(e.getKey());
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (rows[slot] != 0) {
        if (keys[slot] == h) {
          throw new IllegalStateException("two features of the model share a 64-bit hash: " + e.getKey());
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = h;
      rows[slot] = row + 1;
      int[] o = e.getValue().getOutcomes();
      double[] w = e.getValue().getParameters();
      for (int j = 0; j < o.length; j++) {
        weights[row * outcomes + o[j]] = w[j];
      }
      row++;
    }
  }

  /** Adds the weights of {@code feature} (none if the model does not know it) to {@code into}. */
  public void add(String feature, double[] into) {
    long h = hash(feature);
    int slot = (int) (h ^ (h >>> 32)) & mask;
    int row;
    while ((row = rows[slot]) != 0) {
      if (keys[slot] == h) {
        int base = (row - 1) * outcomes;
        for (int o = 0; o < outcomes; o++) {
          into[o] += weights[base + o];
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** 64-bit FNV-1a over the string's UTF-16 units, with a final mix. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
