package dev.corpus.extract.claim;

import java.util.Locale;

/**
 * Scores of the claim extractor on attribution gold, by two rules (defined in {@link
 * AttributionEvaluation}). Lenient: content spans matched by overlap, and content matched
 * together with its source (both overlapping their gold spans, or both absent). Strict: the same,
 * but every span must equal its gold span after trimming whitespace, dashes and edge punctuation.
 *
 * @param content lenient content
 * @param sourceAndContent lenient content with its source
 * @param strictContent strict content
 * @param strictSourceAndContent strict content with its source
 */
public record AttributionScores(String directory, int documents, int gold, int predicted, Prf content, Prf sourceAndContent,
    Prf strictContent, Prf strictSourceAndContent) {

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

    /** As percentages for a terminal: {@code P 94.38  R 62.23  F1 75.00}. */
    String percent() {
      return String.format(Locale.ROOT, "P %.2f  R %.2f  F1 %.2f", 100 * precision, 100 * recall, 100 * f1);
    }
  }

  /** A few lines for a terminal: lenient figures, strict ones beside them. */
  public String summary() {
    return String.format(Locale.ROOT,
        "%s: %d documents, %d gold attributions, %d claims found%n"
            + "%-20s%-26s   %s%n"
            + "%-20s%-26s   %s%n"
            + "%-20s%-26s   %s%n",
        directory, documents, gold, predicted,
        "", "lenient (overlap)", "strict (equal spans)",
        "content", content.percent(), strictContent.percent(),
        "source and content", sourceAndContent.percent(), strictSourceAndContent.percent());
  }
}
