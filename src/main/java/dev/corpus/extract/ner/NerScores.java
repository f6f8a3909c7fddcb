package dev.corpus.extract.ner;

import java.util.List;
import java.util.Locale;

/**
 * Scores of the entity recogniser on a labelled file, with conlleval's semantics: a name counts
 * as found only when its span and its type are both exact.
 *
 * @param file the scored file
 * @param documents documents in it
 * @param tokens tokens in it
 * @param overall scores over all types
 * @param types scores per type, in alphabetical order of type
 */
public record NerScores(String file, int documents, int tokens, Score overall, List<Score> types) {

  /**
   * Counts and scores of one type (or {@code ALL}).
   *
   * @param gold names in the file
   * @param predicted names the recogniser found
   * @param correct names found with exact span and type
   */
  public record Score(String type, int gold, int predicted, int correct, double precision, double recall, double f1) {

    static Score of(String type, int gold, int predicted, int correct) {
      double p = predicted == 0 ? 0 : (double) correct / predicted;
      double r = gold == 0 ? 0 : (double) correct / gold;
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      return new Score(type, gold, predicted, correct, round(p), round(r), round(f));
    }

    private static double round(double x) {
      return Math.round(x * 10000) / 10000.0;
    }
  }

  /** A few lines for a terminal, like conlleval's. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %d documents, %d tokens, %d names%n", file, documents, tokens, overall.gold()));
    for (Score s : types) {
      b.append(line(s));
    }
    b.append(line(overall));
    return b.toString();
  }

  private static String line(Score s) {
    return String.format(Locale.ROOT, "%-7s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (gold %d, found %d, correct %d)%n",
        s.type(), 100 * s.precision(), 100 * s.recall(), 100 * s.f1(), s.gold(), s.predicted(), s.correct());
  }
}
