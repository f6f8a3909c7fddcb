package dev.corpus.search;

import dev.corpus.index.CorpusIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Times the claim commands' services in one warm JVM, with the part spent building the entity
 * catalog ({@link EntityCatalog#open}, which issue 14 replaces with a persisted catalog) apart:
 * what the claim documents and the cluster documents cost by themselves.
 *
 * <p>Run: {@code java -cp target/corpus.jar:target/test-classes dev.corpus.search.ClaimTiming INDEX SPEAKER LIMIT}.
 */
public final class ClaimTiming {

  public static void main(String[] args) throws Exception {
    CorpusIndex index = new CorpusIndex(Path.of(args[0]));
    String speaker = args[1];
    int limit = Integer.parseInt(args[2]);
    ClaimService service = new ClaimService(index, Clock.systemUTC());
    Set<dev.corpus.extract.claim.ClaimKind> kinds = ClaimService.DEFAULT_KINDS;
    for (int round = 0; round < 6; round++) {
      long t0 = System.nanoTime();
      try (DirectoryReader reader = index.openReader()) {
        EntityCatalog.open(new IndexSearcher(reader));
      }
      long t1 = System.nanoTime();
      service.claims(new ClaimService.ClaimsRequest(null, null, null, null, kinds, limit));
      long t2 = System.nanoTime();
      service.claims(new ClaimService.ClaimsRequest(speaker, null, null, null, kinds, limit));
      long t3 = System.nanoTime();
      ClaimService.ClusterList clusters = service.clusters(null, kinds, 2, limit);
      long t4 = System.nanoTime();
      if (round >= 3) { // the first rounds warm the JIT
        double catalog = (t1 - t0) / 1e6;
        System.out.printf(java.util.Locale.ROOT,
            "catalog %.0f ms | claims %.0f ms (%.0f without catalog) | speaker %.0f (%.0f) | clusters %.0f (%.0f), total %d, members shown %d%n",
            catalog, (t2 - t1) / 1e6, (t2 - t1) / 1e6 - catalog, (t3 - t2) / 1e6, (t3 - t2) / 1e6 - catalog,
            (t4 - t3) / 1e6, (t4 - t3) / 1e6 - catalog, clusters.total(),
            clusters.clusters().stream().mapToInt(c -> c.members().size()).sum());
      }
    }
  }

  private ClaimTiming() {}
}
