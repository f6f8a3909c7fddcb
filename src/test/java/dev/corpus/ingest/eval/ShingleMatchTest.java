package dev.corpus.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The port of the benchmark's {@code evaluate.py}; expected values are what the script gives. */
class ShingleMatchTest {

  @Test
  void wordsAreRunsOfLettersNumbersAndUnderscoresAsInPython() {
    assertEquals(List.of("Don", "t", "stop", "now_ok", "3½", "café", "cafe", "x²"),
        ShingleMatch.tokens("Don't stop—now_ok 3½ café, cafe\u0301 x²"));
  }

  @Test
  void shinglesAreOverlappingFourWordRunsCountedWithRepeats() {
    assertEquals(new ShingleMatch.Counts(0.5, 0, 0.5), ShingleMatch.match("a b c d e", "a b c d"));
    assertEquals(new ShingleMatch.Counts(0.2, 0, 0.8), ShingleMatch.match("w x y z w x y z", "w x y z"));
  }

  @Test
  void aTextOfFewerThanFourWordsIsOneShingle() {
    assertEquals(new ShingleMatch.Counts(1, 0, 0), ShingleMatch.match("one two", "one two"));
    assertEquals(new ShingleMatch.Counts(0, 0.5, 0.5), ShingleMatch.match("one two", "one two three"));
  }

  @Test
  void wordsAreCaseSensitive() {
    assertEquals(new ShingleMatch.Counts(0, 0.5, 0.5), ShingleMatch.match("Rain fell on Monday", "rain fell on Monday"));
  }

  @Test
  void anEmptyPredictionCountsForRecallOnly() {
    ShingleMatch.Counts empty = ShingleMatch.match("a b c d e", "");
    assertEquals(0.0, empty.precision());
    assertEquals(0.0, empty.recall());
    ShingleMatch.Prf prf = ShingleMatch.overall(List.of(
        new ShingleMatch.Counts(1, 0, 0), new ShingleMatch.Counts(0.5, 0, 0.5), empty));
    assertEquals(1.0, prf.precision());
    assertEquals(0.5, prf.recall());
    assertEquals(2.0 / 3, prf.f1(), 1e-15);
  }

  @Test
  void bothEmptyIsPerfectButAveragedNowhere() {
    ShingleMatch.Counts none = ShingleMatch.match("", " — ");
    assertEquals(1.0, none.precision());
    assertEquals(1.0, none.recall());
  }

  @Test
  void meansAreExactLikeStatisticsMean() {
    assertEquals(0.2, ShingleMatch.mean(List.of(0.1, 0.2, 0.3)));
  }

  @Test
  void accuracyComparesTheWordsOnly() {
    assertTrue(ShingleMatch.sameWords("It rained.\n\nThen it stopped", "It rained Then, it stopped."));
    assertFalse(ShingleMatch.sameWords("It rained", "It rained again"));
  }
}
