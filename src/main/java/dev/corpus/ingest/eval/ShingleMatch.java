package dev.corpus.ingest.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark,
 * {@code evaluate.py}), ported line for line and frozen: change it only to follow that script.
 *
 * <p>Texts are split into words ({@code \w+} in Python's Unicode sense: letters, numbers and the
 * underscore; case kept), words into overlapping 4-word shingles (a text of 1 to 3 words is one
 * shingle), and the two multisets of shingles are compared: true positives, false positives and
 * false negatives, normalised by their sum so that a long article weighs no more than a short one.
 * Precision is the mean over pages that predicted anything, recall the mean over pages whose truth
 * has text, F1 their harmonic mean. Accuracy is the share of pages whose words are all the same.
 */
public final class ShingleMatch {

  /** Shingle length of the benchmark. */
  public static final int NGRAM = 4;

  private ShingleMatch() {}

  /** Normalised true positives, false positives and false negatives of one page. */
  public record Counts(double tp, double fp, double fn) {

    /** As {@code precision_score}: 1 when nothing is wrong, 0 when nothing was predicted right. */
    public double precision() {
      if (fp == 0 && fn == 0) {
        return 1.0;
      }
      if (tp == 0 && fp == 0) {
        return 0.0;
      }
      return tp / (tp + fp);
    }

    /** As {@code recall_score}. */
    public double recall() {
      if (fp == 0 && fn == 0) {
        return 1.0;
      }
      if (tp == 0 && fn == 0) {
        return 0.0;
      }
      return tp / (tp + fn);
    }
  }

  /** Precision, recall and F1 over pages, as {@code metrics_from_tp_fp_fns}. */
  public record Prf(double precision, double recall, double f1) {}

  /** {@code string_shingle_matching(true, pred)}. */
  public static Counts match(String truth, String predicted) {
    Map<List<String>, Integer> trueShingles = shingles(truth);
    Map<List<String>, Integer> predShingles = shingles(predicted);
    double tp = 0;
    double fp = 0;
    double fn = 0;
    Map<List<String>, Integer> all = new HashMap<>(trueShingles);
    predShingles.forEach((k, v) -> all.putIfAbsent(k, 0));
    for (List<String> key : all.keySet()) {
      int t = trueShingles.getOrDefault(key, 0);
      int p = predShingles.getOrDefault(key, 0);
      tp += Math.min(t, p);
      fp += Math.max(0, p - t);
      fn += Math.max(0, t - p);
    }
    double sum = tp + fp + fn;
    if (sum > 0) {
      return new Counts(tp / sum, fp / sum, fn / sum);
    }
    return new Counts(tp, fp, fn);
  }

  /** {@code get_accuracy}: true when both texts have the same words in the same order. */
  public static boolean sameWords(String truth, String predicted) {
    return tokens(truth).equals(tokens(predicted));
  }

  /**
   * {@code metrics_from_tp_fp_fns}: the mean precision over pages with {@code tp + fp > 0}, the
   * mean recall over pages with {@code tp + fn > 0}. Means are exact, as Python's {@code
   * statistics.mean}.
   *
   * @throws IllegalArgumentException when no page predicted anything or no truth has text (the
   *     script fails there too)
   */
  public static Prf overall(List<Counts> pages) {
    List<Double> precisions = new ArrayList<>();
    List<Double> recalls = new ArrayList<>();
    for (Counts c : pages) {
      if (c.tp() + c.fp() > 0) {
        precisions.add(c.precision());
      }
      if (c.tp() + c.fn() > 0) {
        recalls.add(c.recall());
      }
    }
    if (precisions.isEmpty() || recalls.isEmpty()) {
      throw new IllegalArgumentException("no page to average over");
    }
    double p = mean(precisions);
    double r = mean(recalls);
    return new Prf(p, r, 2 * p * r / (p + r));
  }

  /** The correctly rounded mean, as {@code statistics.mean} computes it from exact fractions. */
  public static double mean(List<Double> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      sum = sum.add(new BigDecimal(v));
    }
    return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128).doubleValue();
  }

  /** {@code _all_shingles}: each shingle with its count. */
  static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - NGRAM + 1); i++) {
      List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + NGRAM));
      if (!shingle.isEmpty()) {
        counts.merge(List.copyOf(shingle), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * {@code _tokenize}: runs of word characters. Python's {@code \w} on text is a code point that
   * is alphanumeric ({@code str.isalnum}: a letter of any case, a digit or any other number) or
   * the underscore; unlike Java's Unicode {@code \w} it takes no combining marks, so an accent
   * written as a separate mark splits a word, as it does in the script.
   */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean word = isWord(c);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static boolean isWord(int c) {
    if (c == '_') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }
}
