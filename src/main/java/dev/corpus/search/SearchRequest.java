package dev.corpus.search;

/**
 * A full-text search.
 *
 * @param query Lucene query syntax
 * @param limit hits to return
 * @param offset hits to skip first
 * @param since publication date lower bound (YYYY[-MM[-DD]]) or null
 * @param until publication date upper bound or null
 * @param source outlet filter (matched as a phrase in the source name) or null
 * @param sort {@link Sort#RELEVANCE} or {@link Sort#DATE} (newest first)
 * @param exactTotal count every match; otherwise counting stops past {@link
 *     SearchService#COUNT_LIMIT} matches, which lets Lucene skip documents that cannot make the page
 * @param entity only articles that mention this entity under any of its names, or null
 * @param facets also count the matching articles per source, entity type and entity
 * @param mentionsSince only articles whose text mentions a date on or after this one, or null
 * @param mentionsUntil only articles whose text mentions a date on or before this one, or null
 */
public record SearchRequest(
    String query, int limit, int offset, String since, String until, String source, Sort sort, boolean exactTotal,
    String entity, boolean facets, String mentionsSince, String mentionsUntil) {

  /** A request with no entity or mention filter and no facets. */
  public SearchRequest(String query, int limit, int offset, String since, String until, String source, Sort sort, boolean exactTotal) {
    this(query, limit, offset, since, until, source, sort, exactTotal, null, false, null, null);
  }

  /** Order of hits. */
  public enum Sort {
    RELEVANCE,
    DATE
  }
}
