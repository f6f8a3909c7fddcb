package dev.corpus.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** UTF-16 indexes to code point offsets, against the JDK's own count at every index. */
class CodePointsTest {

  private static void agreesWithTheJdk(String text) {
    CodePoints cp = new CodePoints(text);
    for (int i = 0; i <= text.length(); i++) {
      assertEquals(text.codePointCount(0, i), cp.of(i), "index " + i + " of " + text);
    }
  }

  @Test
  void plainTextIsUnchanged() {
    agreesWithTheJdk("The ferry left at noon.");
  }

  @Test
  void eachPairBeforeAnIndexCountsOnce() {
    agreesWithTheJdk("😀 Li said 𝒜 and 😀😀 then.");
    agreesWithTheJdk("😀");
    agreesWithTheJdk("");
  }

  @Test
  void loneSurrogatesCountAsCharacters() {
    agreesWithTheJdk("a\uD83D b \uDE00 c \uD83D\uDE00\uD83D");
  }
}
