package dev.corpus.extract.claim;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.text.SentenceStage;
import dev.corpus.extract.text.Tokenizer;
import dev.corpus.model.Article;
import java.util.Set;

/** The claim stage: attributed statements, speakers resolved to the article's entities. Thread-safe. */
public final class ClaimStage implements Stage {

  private final ClaimExtractor extractor;
  private final Tokenizer tokenizer = new Tokenizer();

  public ClaimStage(ClaimExtractor extractor) {
    this.extractor = extractor;
  }

  public static ClaimStage shipped() {
    return new ClaimStage(ClaimExtractor.shipped());
  }

  @Override
  public String name() {
    return "claims";
  }

  @Override
  public Set<AnnotationKey<?>> requires() {
    return Set.of(EntityAnnotations.KEY);
  }

  @Override
  public Set<AnnotationKey<?>> provides() {
    return Set.of(ClaimAnnotations.KEY);
  }

  @Override
  public Annotations apply(Article article, Annotations in) {
    EntityAnnotations entities = in.get(EntityAnnotations.KEY).orElse(EntityAnnotations.NONE);
    String body = article.body();
    return in.with(ClaimAnnotations.KEY, new ClaimAnnotations(extractor.extract(body, SentenceStage.of(in, body, tokenizer), entities)));
  }
}
