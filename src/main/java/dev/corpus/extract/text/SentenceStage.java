package dev.corpus.extract.text;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.model.Article;
import java.util.List;
import java.util.Set;

/** Tokenises the body into sentences once, for every later stage ({@link Sentences}). Thread-safe. */
public final class SentenceStage implements Stage {

  private final Tokenizer tokenizer = new Tokenizer();

  @Override
  public String name() {
    return "sentences";
  }

  @Override
  public Set<AnnotationKey<?>> requires() {
    return Set.of();
  }

  @Override
  public Set<AnnotationKey<?>> provides() {
    return Set.of(Sentences.KEY);
  }

  @Override
  public Annotations apply(Article article, Annotations in) {
    String body = article.body();
    return in.with(Sentences.KEY, new Sentences(body == null ? List.of() : tokenizer.sentences(body)));
  }

  /** The sentences an earlier stage made, or {@code body}'s, tokenised now. */
  public static List<Tokenizer.Sentence> of(Annotations in, String body, Tokenizer tokenizer) {
    return in.get(Sentences.KEY).map(Sentences::sentences).orElseGet(() -> body == null ? List.of() : tokenizer.sentences(body));
  }
}
