package dev.corpus.extract.text;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Stage;
import dev.corpus.model.Article;
import java.util.Set;

/**
 * Finds the article's language. It runs first: the other stages are built for English, and
 * {@link dev.corpus.extract.Pipeline} stops after this one when the article is in another
 * language (a French article read as English gave "Le" as a person).
 */
public final class LanguageStage implements Stage {

  private final LanguageGuesser guesser;

  public LanguageStage(LanguageGuesser guesser) {
    this.guesser = guesser;
  }

  /** The stage with the model shipped in the {@code opennlp-models-langdetect} artifact. */
  public static LanguageStage shipped() {
    return new LanguageStage(new LanguageGuesser());
  }

  @Override
  public String name() {
    return "language";
  }

  @Override
  public Set<AnnotationKey<?>> requires() {
    return Set.of();
  }

  @Override
  public Set<AnnotationKey<?>> provides() {
    return Set.of(Language.KEY);
  }

  @Override
  public Annotations apply(Article article, Annotations in) {
    return in.with(Language.KEY, new Language(guesser.guess(article.title(), article.body())));
  }
}
