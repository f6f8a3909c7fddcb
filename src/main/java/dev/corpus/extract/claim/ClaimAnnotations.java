package dev.corpus.extract.claim;

import dev.corpus.extract.AnnotationKey;
import java.util.List;

/** The claims of one article, in text order. */
public record ClaimAnnotations(List<Claim> claims) {

  /** The pipeline key of this annotation. */
  public static final AnnotationKey<ClaimAnnotations> KEY = new AnnotationKey<>("claims", ClaimAnnotations.class);
}
