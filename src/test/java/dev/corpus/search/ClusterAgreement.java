package dev.corpus.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimKind;
import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Measures how far the clusters the index keeps ({@code ClaimClusterPass}: statements linked as
 * they arrive, document frequencies of their commit) agree with the all-pairs reference ({@link
 * ClaimClusters} over every statement of the index at once), in the default view of {@code
 * claims --clusters} (own statements, asserted statements and positions): cluster counts, and the
 * pairwise precision and recall of "in one cluster" taking the reference as truth.
 *
 * <p>Run: {@code java -cp target/corpus.jar:target/test-classes dev.corpus.search.ClusterAgreement INDEX [all]}
 * ({@code all}: every asserted claim, the view of {@code --kind all}).
 */
public final class ClusterAgreement {

  private record Unit(String key, String article, int ordinal, String text, boolean joins, long cluster) {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    // "all": every asserted claim joins (the view of --kind all), else the default kinds.
    boolean allKinds = args.length > 1 && args[1].equals("all");
    List<Unit> units = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
      for (LeafReaderContext ctx : reader.leaves()) {
        Bits live = ctx.reader().getLiveDocs();
        SortedDocValues keys = DocValues.getSorted(ctx.reader(), IndexSchema.UNIT);
        NumericDocValues clusters = DocValues.getNumeric(ctx.reader(), IndexSchema.CLUSTER);
        var stored = ctx.reader().storedFields();
        for (int doc = 0; doc < ctx.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc) || !keys.advanceExact(doc)) {
            continue;
          }
          String key = keys.lookupOrd(keys.ordValue()).utf8ToString();
          long cluster = clusters.advanceExact(doc) ? clusters.longValue() : IndexSchema.NO_CLUSTER;
          Document d = stored.document(doc, Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE));
          BytesRef a = d.getBinaryValue(IndexSchema.ANNOTATION);
          String text;
          boolean joins;
          if (a != null) {
            Claim c = json.readValue(a.bytes, a.offset, a.length, Claim.class);
            text = c.content();
            joins = !c.negated() && !c.denies() && (allKinds || ClaimService.DEFAULT_KINDS.contains(c.kind()));
          } else {
            text = d.get(IndexSchema.SENTENCE);
            joins = true;
          }
          int slash = key.indexOf('/');
          units.add(new Unit(key, key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)), text, joins, cluster));
        }
      }
    }
    units.sort(Comparator.comparing(Unit::article).thenComparingInt(Unit::ordinal));
    // The reference: every statement at once, as `claims --clusters` computed it before issue 14.
    List<ClaimClusters.Unit> input = new ArrayList<>();
    Map<ClaimService.Member, Unit> unitOf = new java.util.IdentityHashMap<>();
    for (Unit u : units) {
      ClaimService.Member m = new ClaimService.Member(u.article(), null, null, null, null, null, null, false, false, u.text());
      unitOf.put(m, u);
      input.add(new ClaimClusters.Unit(m, u.joins()));
    }
    long t0 = System.nanoTime();
    List<List<ClaimService.Member>> reference = new ClaimClusters().cluster(input);
    long referenceMs = (System.nanoTime() - t0) / 1_000_000;
    Map<String, Integer> refOf = new HashMap<>();
    for (int i = 0; i < reference.size(); i++) {
      for (ClaimService.Member m : reference.get(i)) {
        refOf.put(unitOf.get(m).key(), i);
      }
    }
    // The index's clusters in the same view: members of the default kinds, two articles or more.
    Map<Long, List<Unit>> kept = new HashMap<>();
    for (Unit u : units) {
      if (u.joins() && u.cluster() != IndexSchema.NO_CLUSTER) {
        kept.computeIfAbsent(u.cluster(), k -> new ArrayList<>()).add(u);
      }
    }
    kept.values().removeIf(g -> g.stream().map(Unit::article).distinct().count() < 2);
    Map<String, Long> keptOf = new HashMap<>();
    kept.forEach((id, g) -> g.forEach(u -> keptOf.put(u.key(), id)));
    // Pairs in one cluster, from the contingency table of (reference cluster, kept cluster).
    Map<String, Integer> both = new HashMap<>();
    for (Map.Entry<String, Long> e : keptOf.entrySet()) {
      Integer r = refOf.get(e.getKey());
      if (r != null) {
        both.merge(r + ":" + e.getValue(), 1, Integer::sum);
      }
    }
    long refPairs = reference.stream().mapToLong(g -> pairs(g.size())).sum();
    long keptPairs = kept.values().stream().mapToLong(g -> pairs(g.size())).sum();
    long common = both.values().stream().mapToLong(ClusterAgreement::pairs).sum();
    Set<String> inRef = new HashSet<>(refOf.keySet());
    Set<String> inKept = new HashSet<>(keptOf.keySet());
    long members = inRef.stream().filter(inKept::contains).count();
    System.out.printf(java.util.Locale.ROOT,
        "statements %d (joining, default kinds: %d)%nreference clusters %d (%d members, %d ms)%nindex clusters %d (%d members)%n"
            + "members in both %d%npairs: reference %d, index %d, common %d%nprecision %.4f recall %.4f%n",
        units.size(), units.stream().filter(Unit::joins).count(), reference.size(), refOf.size(), referenceMs, kept.size(), keptOf.size(),
        members, refPairs, keptPairs, common, keptPairs == 0 ? 1.0 : (double) common / keptPairs, refPairs == 0 ? 1.0 : (double) common / refPairs);
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  private ClusterAgreement() {}
}
