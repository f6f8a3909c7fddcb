package dev.corpus.spark;

import dev.corpus.extract.Annotations;
import dev.corpus.extract.embed.SentenceVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One text of an article the embedding stage embedded (a claim's content, an own statement, a
 * sentence that holds a date) with its vector ({@code --embeddings}).
 *
 * @param text the text as {@link SentenceVectors#key} keys it
 * @param vector the sentence embedding (all-MiniLM-L6-v2, 384 dimensions)
 */
public record Embedding(String text, float[] vector) {

  /** The article's embeddings, sorted by text so that output is deterministic. */
  static List<Embedding> of(Annotations annotations) {
    Map<String, float[]> sorted = new TreeMap<>(annotations.get(SentenceVectors.KEY).map(SentenceVectors::byText).orElse(Map.of()));
    List<Embedding> out = new ArrayList<>(sorted.size());
    sorted.forEach((text, vector) -> out.add(new Embedding(text, vector)));
    return out;
  }
}
