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
}
