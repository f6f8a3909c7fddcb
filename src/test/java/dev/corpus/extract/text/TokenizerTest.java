package dev.corpus.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private final Tokenizer tokenizer = new Tokenizer();

  private List<String> words(String text) {
    return tokenizer.tokens(text).stream().map(Token::text).toList();
  }

  @Test
  void splitsPunctuationAndCliticsButKeepsAbbreviationsAndHyphens() {
    assertEquals(List.of("Kim", "Jong-un", "’s", "visit", "to", "the", "U.S.", "in", "Sept.", "cost", "$", "1,000", "."),
        words("Kim Jong-un’s visit to the U.S. in Sept. cost $ 1,000."));
    assertEquals(List.of("\"", "It", "is", "n't", "aimed", "at", "us", ",", "\"", "he", "said", "."),
        words("\"It isn't aimed at us,\" he said."));
    assertEquals(List.of("Moscow", "—", "Pyongyang"), words("Moscow—Pyongyang"));
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "Mr. Lavrov met (Choe Son Hui).";
    for (Token t : tokenizer.tokens(text)) {
      assertEquals(t.text(), text.substring(t.start(), t.end()));
    }
  }

  @Test
  void sentencesEndAtFinalPunctuationBeforeACapitalAndAtBlankLines() {
    List<Tokenizer.Sentence> s = tokenizer.sentences("Putin arrived. He met Kim.\n\nA new line without a stop\nstill goes on");
    assertEquals(3, s.size());
    assertEquals("Putin", s.get(0).tokens().get(0).text());
    assertEquals("He", s.get(1).tokens().get(0).text());
    assertEquals(9, s.get(2).tokens().size());
    assertEquals(1, tokenizer.sentences("Mr. Putin met Dr. Kim in the U.S. on Friday.").size());
  }

  /** {@code n} words without punctuation: "word0 word1 …". */
  private static String words(int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      b.append(k == 0 ? "" : " ").append("word").append(k);
    }
    return b.toString();
  }

  @Test
  void longLineWithoutSentenceEndsIsCutAtTheTokenCap() {
    String text = words(1000);
    List<Tokenizer.Sentence> sentences = tokenizer.sentences(text);
    assertEquals(List.of(400, 400, 200), sentences.stream().map(s -> s.tokens().size()).toList());
    assertEquals("word400", sentences.get(1).tokens().get(0).text());
    Token first = sentences.get(2).tokens().get(0);
    assertEquals("word800", text.substring(first.start(), first.end()));
  }

  @Test
  void longLineIsCutAfterItsLastClauseMarkInTheFinalQuarterOfTheCap() {
    // word349 is followed by a comma, the 351st token: the cut falls after it, not at 400.
    String text = words(350) + ", " + words(300).replace("word", "more");
    List<Tokenizer.Sentence> sentences = tokenizer.sentences(text);
    assertEquals(List.of(351, 300), sentences.stream().map(s -> s.tokens().size()).toList());
    assertEquals(",", sentences.get(0).tokens().get(350).text());
    // A clause mark earlier than the final quarter does not count: the cut is at the cap.
    String early = words(100) + ", " + words(500).replace("word", "more");
    assertEquals(List.of(400, 201), tokenizer.sentences(early).stream().map(s -> s.tokens().size()).toList());
  }

  @Test
  void sentencesUnderTheCapAreLeftWhole() {
    String text = words(399) + ". Then " + words(10);
    assertEquals(List.of(400, 11), tokenizer.sentences(text).stream().map(s -> s.tokens().size()).toList());
  }
}
