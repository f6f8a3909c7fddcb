package dev.corpus.extract;

import dev.corpus.model.Article;
import java.util.Set;

/**
 * One extraction step: an article and what earlier stages found in, more annotations out.
 *
 * <p>To add an extractor: implement this, declare the keys it {@link #requires()} and {@link
 * #provides()}, and add it to the list in {@link Pipeline#standard()}. Stages must be pure and
 * thread-safe: the indexer runs one pipeline on many threads.
 */
public interface Stage {

  String name();

  Set<AnnotationKey<?>> requires();

  Set<AnnotationKey<?>> provides();

  /** Annotates {@code article}; {@code in} holds at least what {@link #requires()} names. */
  Annotations apply(Article article, Annotations in);
}
