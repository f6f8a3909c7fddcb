package dev.corpus.extract.embed;

import dev.corpus.extract.AnnotationKey;
import java.util.Map;

/**
 * The embeddings ({@link SentenceEmbedder}) of the texts of one article that are compared across
 * articles: its claims' contents, its own statements and the sentences that date something,
 * keyed by the text with white space folded ({@link #key}).
 */
public record SentenceVectors(Map<String, float[]> byText) {

  public static final AnnotationKey<SentenceVectors> KEY = new AnnotationKey<>("sentence-vectors", SentenceVectors.class);

  public static final SentenceVectors NONE = new SentenceVectors(Map.of());

  public SentenceVectors {
    byText = Map.copyOf(byText);
  }

  /** The lookup key of {@code text}: white space folded to single spaces, trimmed. */
  public static String key(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The embedding of {@code text}, or null when it was not embedded. */
  public float[] of(String text) {
    return text == null ? null : byText.get(key(text));
  }
}
