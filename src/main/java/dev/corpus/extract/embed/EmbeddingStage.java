package dev.corpus.extract.embed;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimAnnotations;
import dev.corpus.extract.claim.OwnStatements;
import dev.corpus.extract.text.Sentences;
import dev.corpus.extract.time.DateAnnotations;
import dev.corpus.extract.time.Timex;
import dev.corpus.model.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeds what the cross-document layer compares by meaning: each claim's content, each own
 * statement ({@link OwnStatements}) and each sentence that holds a date, every distinct text once.
 * Runs in the indexer's worker threads like every stage, so the model is used on all cores.
 * Thread-safe.
 */
public final class EmbeddingStage implements Stage {

  private final SentenceEmbedder embedder;

  public EmbeddingStage(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  public static EmbeddingStage shipped() {
    return new EmbeddingStage(SentenceEmbedder.shipped());
  }

  @Override
  public String name() {
    return "embeddings";
  }

  @Override
  public Set<AnnotationKey<?>> requires() {
    return Set.of(Sentences.KEY, ClaimAnnotations.KEY, DateAnnotations.KEY);
  }

  @Override
  public Set<AnnotationKey<?>> provides() {
    return Set.of(SentenceVectors.KEY);
  }

  @Override
  public Annotations apply(Article article, Annotations in) {
    List<String> texts = new ArrayList<>(texts(article.body(), in));
    if (texts.isEmpty()) {
      return in.with(SentenceVectors.KEY, SentenceVectors.NONE);
    }
    List<float[]> vectors = embedder.embed(texts);
    Map<String, float[]> byText = new HashMap<>(texts.size() * 2);
    for (int i = 0; i < texts.size(); i++) {
      byText.put(texts.get(i), vectors.get(i));
    }
    return in.with(SentenceVectors.KEY, new SentenceVectors(byText));
  }

  /** The distinct texts of the article to embed, as {@link SentenceVectors#key} gives them. */
  static Set<String> texts(String body, Annotations in) {
    Set<String> out = new LinkedHashSet<>();
    if (body == null) {
      return out;
    }
    List<Claim> claims = in.get(ClaimAnnotations.KEY).map(ClaimAnnotations::claims).orElse(List.of());
    for (Claim c : claims) {
      if (c.content() != null && !c.content().isBlank()) {
        out.add(SentenceVectors.key(c.content()));
      }
    }
    for (String s : OwnStatements.of(body, in, claims)) {
      out.add(SentenceVectors.key(s));
    }
    List<Timex> timexes = in.get(DateAnnotations.KEY).map(DateAnnotations::timexes).orElse(List.of());
    Sentences sentences = in.get(Sentences.KEY).orElse(null);
    if (!timexes.isEmpty() && sentences != null) {
      List<int[]> spans = sentences.codePointSpans(body);
      for (Timex t : timexes) {
        out.add(SentenceVectors.key(Sentences.text(body, Sentences.enclosing(spans, t.start(), t.end()))));
      }
    }
    out.remove("");
    return out;
  }
}
