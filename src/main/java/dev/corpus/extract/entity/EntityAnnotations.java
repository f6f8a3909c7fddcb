package dev.corpus.extract.entity;

import dev.corpus.extract.AnnotationKey;
import java.util.List;

/**
 * What the entity stage finds in one article.
 *
 * @param mentions every name mention, in text order
 * @param entities the mentions merged into entities, most mentioned first
 */
public record EntityAnnotations(List<EntityMention> mentions, List<DocumentEntity> entities) {

  /** The pipeline key of this annotation. */
  public static final AnnotationKey<EntityAnnotations> KEY = new AnnotationKey<>("entities", EntityAnnotations.class);

  public static final EntityAnnotations NONE = new EntityAnnotations(List.of(), List.of());
}
