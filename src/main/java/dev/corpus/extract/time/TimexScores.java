package dev.corpus.extract.time;

import java.util.Locale;

/**
 * Scores of the temporal tagger on TimeML files, with TempEval-3's definitions: strict (exact
 * span) and relaxed (overlapping span) precision, recall and F1; type and value accuracy over the
 * relaxed matches; and value F1, where a predicted expression counts only when it overlaps a gold
 * one and has its value.
 */
public record TimexScores(
    String directory, int documents, int gold, int predicted, Prf strict, Prf relaxed,
    double typeAccuracy, double valueAccuracy, Prf value) {

  /** Precision, recall, F1 (each rounded to 4 places). */
  public record Prf(double precision, double recall, double f1) {
    static Prf of(int correct, int predicted, int gold) {
      double p = predicted == 0 ? 0 : (double) correct / predicted;
      double r = gold == 0 ? 0 : (double) correct / gold;
      return new Prf(round(p), round(r), round(p + r == 0 ? 0 : 2 * p * r / (p + r)));
    }
  }

  static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }

  /** A few lines for a terminal. */
  public String summary() {
    return String.format(Locale.ROOT,
        "%s: %d documents, %d gold expressions, %d found%n"
            + "strict span   P %.2f  R %.2f  F1 %.2f%n"
            + "relaxed span  P %.2f  R %.2f  F1 %.2f%n"
            + "type accuracy %.2f   value accuracy %.2f%n"
            + "value         P %.2f  R %.2f  F1 %.2f%n",
        directory, documents, gold, predicted,
        100 * strict.precision(), 100 * strict.recall(), 100 * strict.f1(),
        100 * relaxed.precision(), 100 * relaxed.recall(), 100 * relaxed.f1(),
        100 * typeAccuracy, 100 * valueAccuracy,
        100 * value.precision(), 100 * value.recall(), 100 * value.f1());
  }
}
