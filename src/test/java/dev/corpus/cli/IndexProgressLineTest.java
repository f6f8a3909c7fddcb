package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line of {@code corpus index} (issue 16): done/total, rate, ETA once the total is known. */
class IndexProgressLineTest {

  @Test
  void whileCountingItSaysSoAndGuessesNoEta() {
    assertEquals("12 files of 40+ (counting), 0.5 MB, 6 files/s, 2s elapsed", IndexCommand.progressLine(12, 40, -1, 500_000, 2.0));
  }

  @Test
  void withTheTotalItShowsTheShareAndTheTimeLeft() {
    assertEquals("250/1000 files (25%), 3.2 MB, 50 files/s, ETA 15s, 5s elapsed", IndexCommand.progressLine(250, 300, 1000, 3_200_000, 5.0));
    assertEquals("100/6100 files (1%), 0.0 MB, 1 files/s, ETA 1h40m, 1m40s elapsed", IndexCommand.progressLine(100, 100, 6100, 0, 100.0));
  }

  @Test
  void theTotalIsNeverBelowWhatTheWalkFound() {
    assertEquals("5/9 files (55%), 0.0 MB, 5 files/s, 1s elapsed", IndexCommand.progressLine(5, 9, 7, 0, 1.0));
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertEquals("42s", IndexCommand.duration(42.2));
    assertEquals("3m05s", IndexCommand.duration(185));
    assertEquals("1h02m", IndexCommand.duration(3720));
  }
}
