package dev.corpus.extract.ner;

import java.util.List;

/**
 * Where the name finder's feature generation writes each feature, given as the pieces whose
 * concatenation is the feature's name. Training needs the names as strings (OpenNLP's trainer
 * reads them; {@link #strings}); decoding needs only the model's weights for them, which {@link
 * NameWeights.Accumulator} finds by hashing the pieces without building a string. Writing every
 * feature through one generator keeps the two the same by construction.
 */
interface FeatureSink {

  void add(String a);

  void add(String a, String b);

  void add(String a, String b, String c, String d);

  void add(String a, String b, String c, String d, String e, String f);

  /** The feature {@code a + b.substring(from, to)}. */
  void addRange(String a, String b, int from, int to);

  /** A sink appending each feature's name to {@code into}. */
  static FeatureSink strings(List<String> into) {
    return new FeatureSink() {
      @Override
      public void add(String a) {
        into.add(a);
      }

      @Override
      public void add(String a, String b) {
        into.add(a.concat(b));
      }

      @Override
      public void add(String a, String b, String c, String d) {
        into.add(a + b + c + d);
      }

      @Override
      public void add(String a, String b, String c, String d, String e, String f) {
        into.add(a + b + c + d + e + f);
      }

      @Override
      public void addRange(String a, String b, int from, int to) {
        into.add(a + b.substring(from, to));
      }
    };
  }
}
