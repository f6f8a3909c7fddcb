package dev.corpus.extract.text;

import dev.corpus.extract.AnnotationKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The body's tokens in sentences, made once by {@link SentenceStage} and read by every later
 * stage and by the index (a date's sentence), instead of each tokenising the body again.
 *
 * @param sentences in text order; token offsets are UTF-16 indexes into the body
 */
public record Sentences(List<Tokenizer.Sentence> sentences) {

  public static final AnnotationKey<Sentences> KEY = new AnnotationKey<>("sentences", Sentences.class);

  public Sentences {
    sentences = List.copyOf(sentences);
  }

  /**
   * Each sentence as code point offsets {@code [start, end)} into {@code body}, from its first
   * token's start to its last token's end.
   */
  public List<int[]> codePointSpans(String body) {
    CodePoints cp = new CodePoints(body);
    List<int[]> out = new ArrayList<>(sentences.size());
    for (Tokenizer.Sentence s : sentences) {
      List<Token> t = s.tokens();
      out.add(new int[] {cp.of(t.get(0).start()), cp.of(t.get(t.size() - 1).end())});
    }
    return out;
  }
}
