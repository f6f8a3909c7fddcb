package dev.corpus.extract;

import dev.corpus.extract.text.Language;

import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimAnnotations;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.time.DateAnnotations;
import dev.corpus.extract.time.Timex;
import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import java.util.List;

/**
 * One document as {@code corpus annotate} prints it: metadata, the cleaned body, and what the
 * extraction stages found. Every {@code start}/{@code end} in the annotation lists is a Unicode
 * code point offset into {@code body}, end exclusive.
 */
public record AnnotatedDocument(
    String id,
    String path,
    String title,
    String source,
    String byline,
    String dateline,
    PublishedDate published,
    String language,
    String body,
    List<EntityMention> entities,
    List<Timex> dates,
    List<Claim> claims) {

  /** The JSON document of {@code --format json}: all annotated documents with a version. */
  public record Batch(int version, List<AnnotatedDocument> documents) {}

  /** Combines an article with its annotations. */
  public static AnnotatedDocument of(Article article, Annotations annotations) {
    return new AnnotatedDocument(
        article.id(), article.path(), article.title(), article.source(), article.byline(), article.dateline(),
        annotations.get(DateAnnotations.KEY).map(DateAnnotations::published).orElse(article.published()),
        annotations.get(Language.KEY).map(Language::code).orElse(null),
        article.body(),
        annotations.get(EntityAnnotations.KEY).map(EntityAnnotations::mentions).orElse(List.of()),
        annotations.get(DateAnnotations.KEY).map(DateAnnotations::timexes).orElse(List.of()),
        annotations.get(ClaimAnnotations.KEY).map(ClaimAnnotations::claims).orElse(List.of()));
  }
}
