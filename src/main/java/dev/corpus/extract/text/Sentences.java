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

  /**
   * The span of {@code spans} (code point sentence spans in text order, as {@link
   * #codePointSpans} gives) that holds {@code [start, end)}, or that range itself when no sentence
   * holds it whole.
   */
  public static int[] enclosing(List<int[]> spans, int start, int end) {
    // Sentences are in text order: the last one starting at or before the expression.
    int lo = 0;
    int hi = spans.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid)[0] <= start) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && end <= spans.get(found)[1] ? spans.get(found) : new int[] {start, end};
  }

  /** The text of the code point span {@code span} of {@code body}, white space folded to single spaces. */
  public static String text(String body, int[] span) {
    int from = body.offsetByCodePoints(0, span[0]);
    int to = body.offsetByCodePoints(from, span[1] - span[0]);
    return body.substring(from, to).replaceAll("\\s+", " ");
  }
}
