package dev.corpus.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.corpus.model.PublishedDate;
import java.util.List;

/**
 * Hits of a search, best first (or newest first).
 *
 * @param version JSON shape version
 * @param total matching articles, not only those returned: exact when {@code totalExact}, else a
 *     lower bound (counting stops past {@link SearchService#COUNT_LIMIT} unless asked for all)
 */
public record SearchResult(
    int version, String query, long total, boolean totalExact, int offset, int limit, List<Hit> hits,
    @JsonInclude(JsonInclude.Include.NON_NULL) Facets facets) {

  /**
   * Counts of matching articles per facet value, most first ({@code --facets}).
   *
   * @param source articles per outlet
   * @param type articles per entity type they mention
   * @param entity articles per entity they mention (names merged across articles)
   */
  public record Facets(List<Count> source, List<Count> type, List<EntityCount> entity) {}

  /** Articles with one facet value. */
  public record Count(String value, long count) {}

  /** Articles that mention one entity. */
  public record EntityCount(String name, String type, long count) {}

  /**
   * One matching article.
   *
   * @param rank 1-based position in the whole result list
   * @param score BM25 score (title matches count double)
   */
  public record Hit(
      int rank,
      String id,
      String path,
      String title,
      String source,
      String byline,
      PublishedDate published,
      double score,
      Snippet snippet) {}
}
