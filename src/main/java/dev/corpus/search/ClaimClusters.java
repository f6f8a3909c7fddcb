package dev.corpus.search;

import dev.corpus.ResourceLines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

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
 */
final class ClaimClusters {

  static final double THRESHOLD = 0.30;
  static final int MIN_SHARED = 3;
  static final int MAX_POSTINGS = 200;

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

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Map<String, String> concepts = loadConcepts(analyzer);

  private static Map<String, String> loadConcepts(Analyzer analyzer) {
    Map<String, String> out = new HashMap<>();
    for (String line : ResourceLines.read(ClaimClusters.class, "/dev/corpus/extract/claim/concepts.txt")) {
      String concept = null;
      for (String word : line.split("\\s+")) {
        for (String stem : stems(analyzer, word)) {
          if (concept == null) {
            concept = "#" + stem;
          }
          out.putIfAbsent(stem, concept);
        }
      }
    }
    return out;
  }

  private static List<String> stems(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private Set<String> conceptsOf(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String stem : stems(analyzer, text)) {
      if (stem.length() > 1 && !stem.chars().allMatch(Character::isDigit)) {
        out.add(concepts.getOrDefault(stem, stem));
      }
    }
    return out;
  }

  /** The groups of two or more statements from different articles, in input order. */
  List<List<ClaimService.Member>> cluster(List<Unit> units) {
    int n = units.size();
    List<Set<String>> sets = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Set<String> s = conceptsOf(units.get(i).member().text());
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
    int maxPostings = Math.min(Math.max(50, n / 10), MAX_POSTINGS);
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
    double inter = 0;
    double union = 0;
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    for (String c : all) {
      double w = Math.log(1.0 + (double) n / df.getOrDefault(c, 1));
      union += w;
      if (a.contains(c) && b.contains(c)) {
        inter += w;
      }
    }
    return union == 0 ? 0 : inter / union;
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
