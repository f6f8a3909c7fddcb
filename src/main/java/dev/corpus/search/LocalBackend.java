package dev.corpus.search;

import dev.corpus.index.CorpusIndex;
import java.time.Clock;

/** The local Lucene index as a {@link QueryBackend}: each request goes to its service. */
public final class LocalBackend implements QueryBackend {

  private final CorpusIndex index;
  private final Clock clock;

  public LocalBackend(CorpusIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  @Override
  public StatsService.Stats stats() {
    return new StatsService(index).stats();
  }

  @Override
  public SearchResult search(SearchRequest request) {
    return new SearchService(index, clock).search(request);
  }

  @Override
  public EntityService.EntityList entities(EntityService.ListRequest request) {
    return new EntityService(index).list(request);
  }

  @Override
  public EntityService.Lookup entity(String name, String pick, int snippetLimit, int articleLimit) {
    return new EntityService(index).lookup(name, pick, snippetLimit, articleLimit);
  }

  @Override
  public DateService.Timeline timeline(DateService.TimelineRequest request) {
    return new DateService(index, clock).timeline(request);
  }

  @Override
  public ClaimService.ClaimList claims(ClaimService.ClaimsRequest request) {
    return new ClaimService(index, clock).claims(request);
  }

  @Override
  public void close() {
    // Each service opens and closes its own reader.
  }
}
