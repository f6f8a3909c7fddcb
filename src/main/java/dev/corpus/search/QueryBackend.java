package dev.corpus.search;

/**
 * Where the query commands read a corpus from: the local Lucene index ({@link LocalBackend}) or a
 * SolrCloud collection ({@code dev.corpus.solr.SolrBackend}). Both answer the same typed requests
 * with the same typed results, so a command renders the same JSON whichever answered; the
 * contract test in {@code corpus-solr} runs the commands against both and compares.
 *
 * <p>To make a command work on SolrCloud, add its request here, implement it in both backends,
 * and have the command call the backend instead of its service.
 */
public interface QueryBackend extends AutoCloseable {

  /** What the corpus holds ({@link StatsService}). */
  StatsService.Stats stats();

  /**
   * Ranked search ({@link SearchService}).
   *
   * @throws dev.corpus.CorpusException.Usage for a malformed query or option, or one this backend
   *     cannot answer yet
   */
  SearchResult search(SearchRequest request);

  /**
   * The corpus's entities ({@link EntityService#list}).
   *
   * @throws dev.corpus.CorpusException.Usage for a bad type or count, or a request this backend
   *     cannot answer yet
   */
  EntityService.EntityList entities(EntityService.ListRequest request);

  /**
   * One entity's profile, or the candidates a name fits ({@link EntityService#lookup}).
   *
   * @throws dev.corpus.CorpusException.NotFound when no entity has that name
   * @throws dev.corpus.CorpusException.Usage for a negative limit or a {@code pick} that is no candidate
   */
  EntityService.Lookup entity(String name, String pick, int snippetLimit, int articleLimit);

  /**
   * The timeline of dated events ({@link DateService#timeline}).
   *
   * @throws dev.corpus.CorpusException.Usage for a malformed query or date
   * @throws dev.corpus.CorpusException.NotFound when no entity has the {@code --entity} name
   */
  DateService.Timeline timeline(DateService.TimelineRequest request);

  /**
   * Claims, newest first ({@link ClaimService#claims}).
   *
   * @throws dev.corpus.CorpusException.NotFound when no entity has the {@code --speaker} name
   * @throws dev.corpus.CorpusException.Usage for a bad date, or an option this backend cannot answer yet
   */
  ClaimService.ClaimList claims(ClaimService.ClaimsRequest request);

  /** Releases connections; a local backend holds none. */
  @Override
  void close();
}
