package dev.corpus.search;

import dev.corpus.index.StatementConcepts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups statements of different articles that say the same thing, with lexical means only:
 * each statement becomes the set of its stemmed content words (Lucene's English analyzer), with
 * words of one meaning in news mapped to one concept ({@code concepts.txt}: "assistance", "aid"
 * and "support"; "aggression" and "invaded"). Two statements of different articles are linked
 * when the IDF-weighted overlap of their concepts (weighted Jaccard) reaches {@link #THRESHOLD}
 * and they share at least {@link #MIN_SHARED} concepts; clusters are the connected groups.
 * Statements that may not join a cluster (a denied or negated claim, a kind not asked for) still
 * count in the concepts' document frequencies, so which claims are asked for never changes how
 * the others group.
 *
 * <p>This is the all-pairs grouping of every statement at once, which {@code claims --clusters}
 * ran at each call before issue 14; the index now keeps the clusters as statements arrive
 * ({@code ClaimClusterPass}, with the same {@link StatementConcepts}). It stays as the reference
 * the kept clusters are measured against ({@code ClusterAgreement}) and for {@link #contradicted}.
 */
final class ClaimClusters {

  static final double THRESHOLD = StatementConcepts.THRESHOLD;
  static final int MIN_SHARED = StatementConcepts.MIN_SHARED;

  /**
   * A statement to cluster.
   *
   * @param joins false for a statement that only counts in the document frequencies: a claim
   *     whose speaker does not assert it, or of a kind not asked for
   */
  record Unit(ClaimService.Member member, boolean joins) {

    Unit(ClaimService.Member member) {
      this(member, true);
    }
  }

  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "denied", "denies", "deny", "n't", "nothing", "neither");

  private final StatementConcepts concepts;

  ClaimClusters() {
    this(new StatementConcepts());
  }

  ClaimClusters(StatementConcepts concepts) {
    this.concepts = concepts;
  }

  /** The groups of two or more statements from different articles, in input order. */
  List<List<ClaimService.Member>> cluster(List<Unit> units) {
    int n = units.size();
    List<Set<String>> sets = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Set<String> s = concepts.of(units.get(i).member().text());
      sets.add(s);
      for (String c : s) {
        df.merge(c, 1, Integer::sum);
        List<Integer> p = postings.computeIfAbsent(c, k -> new ArrayList<>());
        if (units.get(i).joins()) {
          p.add(i);
        }
      }
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    // Words in a tenth of all statements (and in more than MAX_POSTINGS) link nothing by
    // themselves: this keeps the candidate pairs, and the time, close to linear in the corpus.
    int maxPostings = StatementConcepts.maxPostings(n);
    for (int i = 0; i < n; i++) {
      if (!units.get(i).joins()) {
        continue;
      }
      Map<Integer, Integer> shared = new HashMap<>();
      for (String c : sets.get(i)) {
        List<Integer> p = postings.get(c);
        if (df.get(c) > maxPostings) {
          continue;
        }
        for (int j : p) {
          if (j > i) {
            shared.merge(j, 1, Integer::sum);
          }
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int j = e.getKey();
        if (e.getValue() < MIN_SHARED || units.get(i).member().document().equals(units.get(j).member().document())) {
          continue;
        }
        if (similarity(sets.get(i), sets.get(j), df, n) >= THRESHOLD) {
          union(parent, i, j);
        }
      }
    }
    Map<Integer, List<ClaimService.Member>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (units.get(i).joins()) {
        groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(units.get(i).member());
      }
    }
    List<List<ClaimService.Member>> out = new ArrayList<>();
    for (List<ClaimService.Member> g : groups.values()) {
      if (g.size() > 1) {
        out.add(List.copyOf(g));
      }
    }
    return out;
  }

  /** IDF-weighted Jaccard similarity of two concept sets. */
  static double similarity(Set<String> a, Set<String> b, Map<String, Integer> df, int n) {
    return StatementConcepts.similarity(a, b, c -> df.getOrDefault(c, 1), n);
  }

  /** Whether some members deny what others state: a negation in some, none in others. */
  static boolean contradicted(List<ClaimService.Member> members) {
    int negated = 0;
    for (ClaimService.Member m : members) {
      String lower = " " + m.text().toLowerCase(java.util.Locale.ROOT).replace("’", "'") + " ";
      boolean has = NEGATIONS.stream().anyMatch(w -> lower.contains(" " + w + " ") || lower.contains(w.equals("n't") ? "n't" : " " + w + ","));
      negated += has ? 1 : 0;
    }
    return negated > 0 && negated < members.size();
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
