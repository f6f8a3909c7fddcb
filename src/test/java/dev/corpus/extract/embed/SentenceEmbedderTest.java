package dev.corpus.extract.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {

  static SentenceEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = SentenceEmbedder.shipped();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void wordPiecesFollowTheBertUncasedVocabulary() {
    WordPiece t = embedder.tokenizer();
    // [CLS]=101, "hello"=7592, "world"=2088, [SEP]=102 in the BERT uncased vocabulary.
    assertArrayEquals(new int[] {101, 7592, 2088, 102}, t.encode("Hello World", 128));
    assertEquals(List.of("hello", ",", "world", "!"), t.tokens("Hello, world!"));
    assertEquals(List.of("cafe", "in", "zurich"), t.tokens("Café in Zürich"));
    assertEquals(List.of("em", "##bed", "##ding", "##s"), t.tokens("embeddings"));
    assertEquals(List.of("[UNK]"), t.tokens("\u2603\u2603"), "a word of no known pieces is one [UNK]");
  }

  @Test
  void longTextsAreCutAtTheModelsLength() {
    String longText = "word ".repeat(400);
    int[] ids = embedder.tokenizer().encode(longText, SentenceEmbedder.MAX_TOKENS);
    assertEquals(SentenceEmbedder.MAX_TOKENS, ids.length);
    assertEquals(102, ids[ids.length - 1]);
  }

  @Test
  void paraphrasesAreCloserThanUnrelatedSentences() {
    List<float[]> v = embedder.embed(List.of(
        "The minister called the budget deal a poor bargain for farmers.",
        "According to the minister, farmers got far less than they needed from the budget agreement.",
        "Heavy rain flooded the stadium car park before the cup final.",
        "The minister called the budget deal a poor bargain for farmers."));
    float paraphrase = SentenceEmbedder.similarity(v.get(0), v.get(1));
    float unrelated = SentenceEmbedder.similarity(v.get(0), v.get(2));
    assertTrue(paraphrase > 0.5f, "paraphrase " + paraphrase);
    assertTrue(unrelated < 0.2f, "unrelated " + unrelated);
    assertEquals(1f, SentenceEmbedder.similarity(v.get(0), v.get(3)), 1e-5f, "same text, same vector, whatever its batch");
    assertEquals(1f, SentenceEmbedder.similarity(v.get(0), v.get(0)), 1e-5f, "unit length");
  }

  @Test
  void batchingDoesNotChangeAnEmbedding() {
    String text = "A ferry strike stopped crossings to the islands on Monday.";
    float[] alone = embedder.embed(text);
    List<float[]> inBatch = embedder.embed(List.of("Short.", text, "A much longer sentence about a different matter entirely, with many more words in it than the others have."));
    assertArrayEquals(alone, inBatch.get(1), "no padding: the same vector in any company");
  }
}
