package dev.corpus.extract.ner;

import java.util.Map;
import opennlp.tools.ml.model.Context;

/**
 * The name finder's maximum-entropy weights, found by a 64-bit hash of the feature name instead of
 * the name itself: an open-addressing table of hashes holds each feature's weights, kept sparse
 * (only the outcomes the feature has a weight for, as in the model) because the name finder has
 * 17 outcomes and nine features in ten carry a weight for one of them. A feature is hashed as it is
 * generated, piece by piece ({@link Accumulator}), so decoding builds no strings and the model's
 * {@code HashMap<String, Context>} is not read at all.
 *
 * <p>Two feature names with the same 64-bit hash would share weights: construction refuses a
 * model where two of its own features collide, and a text's feature hitting a model feature's hash
 * by accident has a chance of about 10<sup>-14</sup> a look-up. Immutable, thread-safe.
 */
final class NameWeights {

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  /**
   * Three longs a slot, so that one look-up reads one cache line: the feature's hash (0 for an
   * empty slot), then, for a feature with one weight (nine in ten of the model's), the weight's
   * bits and its outcome; for a feature with several, 0 and {@code -1 - r} where {@code r} is its
   * row in {@link #starts}.
   */
  private final long[] table;
  private final int mask;
  private final int[] starts; // row r's weights are [starts[r], starts[r + 1]) of the two arrays below
  private final byte[] outcomes;
  private final double[] weights;

  /** The weights of a maximum-entropy model's feature map (feature name → outcomes and weights). */
  NameWeights(Map<String, Context> model, int outcomeCount) {
    if (outcomeCount > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("too many outcomes: " + outcomeCount);
    }
    int capacity = Integer.highestOneBit(Math.max(4, model.size() * 2 - 1)) << 1;
    table = new long[capacity * 3];
    mask = capacity - 1;
    int rows = 0;
    int total = 0;
    for (Context c : model.values()) {
      if (c.getOutcomes().length > 1) {
        rows++;
        total += c.getOutcomes().length;
      }
    }
    starts = new int[rows + 1];
    outcomes = new byte[total];
    weights = new double[total];
    int row = 0;
    int at = 0;
    for (Map.Entry<String, Context> e : model.entrySet()) {
      long h = hash(e.getKey());
      int slot = slot(h);
      while (table[3 * slot] != 0) {
        if (table[3 * slot] == h) {
          throw new IllegalStateException("two features of the model share a 64-bit hash: " + e.getKey());
        }
        slot = (slot + 1) & mask;
      }
      int[] o = e.getValue().getOutcomes();
      double[] w = e.getValue().getParameters();
      table[3 * slot] = h;
      if (o.length == 1) {
        table[3 * slot + 1] = Double.doubleToRawLongBits(w[0]);
        table[3 * slot + 2] = o[0];
      } else {
        table[3 * slot + 2] = -1 - row;
        starts[row] = at;
        for (int j = 0; j < o.length; j++) {
          outcomes[at] = (byte) o[j];
          weights[at] = w[j];
          at++;
        }
        row++;
      }
    }
    starts[row] = at;
  }

  private int slot(long h) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The slot of the feature whose finished hash is {@code h}, or -1 when the model does not know it. */
  int find(long h) {
    int slot = slot(h);
    long key;
    while ((key = table[3 * slot]) != 0) {
      if (key == h) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Adds the weights of the feature in {@code slot} (none for -1) to {@code into[offset + outcome]}. */
  void addSlot(int slot, double[] into, int offset) {
    if (slot >= 0) {
      addFound(slot, into, offset);
    }
  }

  private void addFound(int slot, double[] into, int offset) {
    long info = table[3 * slot + 2];
    if (info >= 0) {
      into[offset + (int) info] += Double.longBitsToDouble(table[3 * slot + 1]);
      return;
    }
    int row = (int) (-1 - info);
    for (int k = starts[row], end = starts[row + 1]; k < end; k++) {
      into[offset + outcomes[k]] += weights[k];
    }
  }

  /** Adds the weights of the feature whose finished hash is {@code h} (none if unknown) to {@code into[offset + outcome]}. */
  void addFeature(long h, double[] into, int offset) {
    int slot = slot(h);
    long key;
    while ((key = table[3 * slot]) != 0) {
      if (key == h) {
        addFound(slot, into, offset);
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The hash of a feature name: 64-bit FNV-1a over its UTF-16 units, then a final mix. */
  static long hash(String feature) {
    return finish(step(OFFSET, feature));
  }

  /** The hash state before any piece. */
  static long start() {
    return OFFSET;
  }

  /** The hash state {@code h} continued over the characters of {@code s}. */
  static long step(long h, String s) {
    return step(h, s, 0, s.length());
  }

  /** The hash state {@code h} continued over {@code s.substring(from, to)}. */
  static long step(long h, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= PRIME;
    }
    return h;
  }

  /** The final hash of a state. */
  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == 0 ? 1 : h; // 0 marks an empty slot
  }

  /**
   * A feature sink that adds the weights of each feature written to it to a slice of an array:
   * {@code into[offset + outcome]}. Not thread-safe; cheap to keep one per decoder.
   */
  static final class Accumulator implements FeatureSink {
    private final NameWeights weights;
    private double[] into;
    private int offset;

    Accumulator(NameWeights weights) {
      this.weights = weights;
    }

    /** Where the next features' weights are added. */
    void target(double[] into, int offset) {
      this.into = into;
      this.offset = offset;
    }

    private void found(long state) {
      weights.addFeature(finish(state), into, offset);
    }

    @Override
    public void add(String a) {
      found(step(OFFSET, a));
    }

    @Override
    public void add(String a, String b) {
      found(step(step(OFFSET, a), b));
    }

    @Override
    public void add(String a, String b, String c, String d) {
      found(step(step(step(step(OFFSET, a), b), c), d));
    }

    @Override
    public void add(String a, String b, String c, String d, String e, String f) {
      found(step(step(step(step(step(step(OFFSET, a), b), c), d), e), f));
    }

    @Override
    public void addRange(String a, String b, int from, int to) {
      found(step(step(OFFSET, a), b, from, to));
    }
  }
}
