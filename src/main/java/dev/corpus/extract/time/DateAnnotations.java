package dev.corpus.extract.time;

import dev.corpus.extract.AnnotationKey;
import dev.corpus.model.PublishedDate;
import java.util.List;

/**
 * What the date stage finds in one article.
 *
 * @param published the publication date: as printed, or inferred when the page gives none or
 *     gives it without a year (then {@code inferred} is true and {@code evidence} says how)
 * @param timexes the temporal expressions of the body, in text order, code point offsets
 */
public record DateAnnotations(PublishedDate published, List<Timex> timexes) {

  /** The pipeline key of this annotation. */
  public static final AnnotationKey<DateAnnotations> KEY = new AnnotationKey<>("dates", DateAnnotations.class);
}
