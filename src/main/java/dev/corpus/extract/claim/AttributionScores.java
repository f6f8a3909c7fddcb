package dev.corpus.extract.claim;

import java.util.Locale;

/**
 * Scores of the claim extractor on attribution gold: content spans matched by overlap, and
 * content matched together with its source (both overlapping their gold spans, or both absent).
 */
public record AttributionScores(String directory, int documents, int gold, int predicted, Prf content, Prf sourceAndContent) {

  /** Precision, recall, F1, rounded to 4 places. */
  public record Prf(double precision, double recall, double f1) {
    /**
     * @param rightClaims claims that are right (precision's numerator)
     * @param found gold attributions found (recall's numerator)
     */
    static Prf of(int rightClaims, int found, int predicted, int gold) {
      double p = predicted == 0 ? 0 : (double) rightClaims / predicted;
      double r = gold == 0 ? 0 : (double) found / gold;
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      return new Prf(Math.round(p * 10000) / 10000.0, Math.round(r * 10000) / 10000.0, Math.round(f * 10000) / 10000.0);
    }
  }

  public String summary() {
    return String.format(Locale.ROOT,
        "%s: %d documents, %d gold attributions, %d claims found%n"
            + "content             P %.2f  R %.2f  F1 %.2f%n"
            + "source and content  P %.2f  R %.2f  F1 %.2f%n",
        directory, documents, gold, predicted,
        100 * content.precision(), 100 * content.recall(), 100 * content.f1(),
        100 * sourceAndContent.precision(), 100 * sourceAndContent.recall(), 100 * sourceAndContent.f1());
  }
}
