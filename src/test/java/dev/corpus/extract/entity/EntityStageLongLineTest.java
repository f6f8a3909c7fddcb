package dev.corpus.extract.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11: a long line without sentence ends is read in bounded units, and its names keep their offsets. */
class EntityStageLongLineTest {

  private static final EntityStage STAGE = EntityStage.shipped();

  /** {@code n} lowercase words of council business, with no sentence-final punctuation. */
  private static String filler(int n) {
    String[] words = "the council went over the budget for roads and schools and the library".split(" ");
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      b.append(words[k % words.length]).append(' ');
    }
    return b.toString();
  }

  @Test
  void longLineIsExtractedInBoundedUnits() {
    // Two names, in the first and in the third unit of the tokenizer's cap, on one line.
    String text = filler(150) + "and Marta Olsen spoke for Brightwater Harbour " + filler(2 * Tokenizer.MAX_SENTENCE_TOKENS)
        + "while Marta Olsen left for Lisbon " + filler(30);
    EntityAnnotations found = STAGE.find(text);
    List<String> spans = found.mentions().stream()
        .map(m -> m.text() + "@" + m.start() + "=" + text.substring(m.start(), m.end()))
        .toList();
    int first = text.indexOf("Marta Olsen");
    int second = text.indexOf("Marta Olsen", first + 1);
    assertTrue(spans.contains("Marta Olsen@" + first + "=Marta Olsen"), spans::toString);
    assertTrue(spans.contains("Marta Olsen@" + second + "=Marta Olsen"), spans::toString);
    int lisbon = text.indexOf("Lisbon");
    assertTrue(spans.contains("Lisbon@" + lisbon + "=Lisbon"), spans::toString);
    assertEquals(1, found.entities().stream().filter(e -> e.name().equals("Marta Olsen")).count());
  }
}
