package dev.corpus.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which dated mentions of one time slot (a day, a month, a year) report the same event: the
 * grouping behind {@code corpus timeline}, pure and deterministic.
 *
 * <p><b>The score of two mentions</b> is the similarity of their sentences' embeddings (dot
 * product of unit vectors, i.e. cosine) when the sentences name at least one entity in common,
 * else 0. Both are needed, for a reason that holds for news in general: a report of an event says
 * who did what (and where); two reports of one event name at least one of its participants or its
 * place, and describe the same action. Same-day sentences that share an entity but not the
 * action ("Putin arrived in Pyongyang" / "Putin left for Vietnam") differ in embedding; sentences
 * with the same shape of action but other actors ("X signed a deal on Wednesday" / "Y signed a
 * deal on Wednesday") share no entity. Entities are compared by a loose key of the name (case,
 * accents, spaces and punctuation ignored: "Kim Jong-un" is "Kim Jong Un"; a person's last name
 * also counts, as reports often give it alone); the entity's type is ignored, because taggers of
 * different sentences disagree on it more often than two events share a name spelt alike.
 *
 * <p><b>Groups</b> are made by average-link agglomerative clustering: the two groups with the
 * highest mean similarity over all their cross pairs merge while that mean is at least {@link
 * #THRESHOLD} and some report of one names an entity that some report of the other names ({@link
 * Entities#BETWEEN_GROUPS}). Single links would chain two events through one sentence that
 * mentions both; the mean asks every report of a group to resemble the others on the whole.
 * Requiring the entity between groups rather than between every two reports lets "Russia and
 * North Korea signed …" join "Putin and Kim signed …" once each has joined a report naming both
 * the countries and the leaders, as reports of one event name its participants in turn. That
 * costs the square of a slot's mentions; a slot of more than {@value #DENSE_LIMIT} is grouped with
 * {@link Entities#EVERY_PAIR} (a pair without a shared entity scores 0, only pairs sharing one are
 * scored), whose cost follows those pairs.
 *
 * <p><b>The representative</b> of a group is its medoid: the member with the highest total score
 * to the other members, the sentence that says best what the reports have in common; the first
 * in input order on a tie.
 */
public final class EventGrouping {

  /**
   * Mean similarity at or above which two groups are one event. Chosen on labelled pairs of
   * same-day mentions of different articles (bench/event-pairs/README.md).
   */
  public static final double THRESHOLD = 0.45;

  /** A mention to group: its sentence's unit vector (null when it has none) and its entity labels ({@code TYPE|name}). */
  public record Item(float[] vector, Set<String> labels) {}

  /**
   * A group of mentions: their indexes in the input, ascending; the representative's index; and
   * each member's mean score to the others (1 for a group of one), in {@code members} order.
   */
  public record Group(List<Integer> members, int representative, List<Double> centrality) {}

  private EventGrouping() {}

  /** The loose keys of entity labels ({@code TYPE|name}) that two mentions must share one of. */
  public static Set<String> keys(Set<String> labels) {
    Set<String> out = new TreeSet<>();
    for (String label : labels) {
      int bar = label.indexOf('|');
      String type = bar < 0 ? "" : label.substring(0, bar);
      String name = bar < 0 ? label : label.substring(bar + 1);
      String key = loose(name);
      if (key.isEmpty()) {
        continue;
      }
      out.add(key);
      String[] words = name.strip().split("[\\s]+");
      // A person also by the last word of the name, whether written alone ("Okafor") or in full.
      if (type.equals("PERSON")) {
        String last = loose(words[words.length - 1]);
        if (last.length() > 1) {
          out.add("~" + last);
        }
      }
    }
    return out;
  }

  private static String loose(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(folded.length());
    folded.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** The score of two mentions (see the class comment); their keys as {@link #keys} gives them. */
  public static double score(float[] a, Set<String> keysA, float[] b, Set<String> keysB) {
    if (a == null || b == null || !intersects(keysA, keysB)) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String k : small) {
      if (large.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** The groups of {@code items} at {@link #THRESHOLD}, as the timeline makes them, in the order of their first member. */
  public static List<Group> group(List<Item> items) {
    return group(items, THRESHOLD, Entities.BETWEEN_GROUPS);
  }

  /** Where a shared entity is required: between every two mentions, or between two groups that merge. */
  public enum Entities { EVERY_PAIR, BETWEEN_GROUPS }

  /** Above this many mentions a slot is grouped with {@link Entities#EVERY_PAIR}: {@code BETWEEN_GROUPS} costs the square. */
  static final int DENSE_LIMIT = 2000;

  /** The groups of {@code items} at {@code threshold}, in the order of their first member. */
  public static List<Group> group(List<Item> items, double threshold) {
    return group(items, threshold, Entities.EVERY_PAIR);
  }

  /** The groups of {@code items} at {@code threshold} with {@code entities}, in the order of their first member. */
  public static List<Group> group(List<Item> items, double threshold, Entities entities) {
    if (entities == Entities.BETWEEN_GROUPS && items.size() <= DENSE_LIMIT) {
      return dense(items, threshold);
    }
    int n = items.size();
    List<Set<String>> keys = new ArrayList<>(n);
    // Sorted: the pairs are scored, and merges found, in the same order on every run.
    Map<String, List<Integer>> postings = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Set<String> k = keys(items.get(i).labels());
      keys.add(k);
      if (items.get(i).vector() != null) {
        for (String key : k) {
          postings.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
        }
      }
    }
    List<Map<Integer, Double>> pair = new ArrayList<>(n);
    List<Map<Integer, Double>> sum = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pair.add(new HashMap<>());
      sum.add(new HashMap<>());
    }
    for (List<Integer> list : postings.values()) {
      for (int x = 0; x < list.size(); x++) {
        int i = list.get(x);
        for (int y = x + 1; y < list.size(); y++) {
          int j = list.get(y);
          if (!pair.get(i).containsKey(j)) {
            double s = score(items.get(i).vector(), keys.get(i), items.get(j).vector(), keys.get(j));
            pair.get(i).put(j, s);
            pair.get(j).put(i, s);
            sum.get(i).put(j, s);
            sum.get(j).put(i, s);
          }
        }
      }
    }
    int[] size = new int[n];
    int[] version = new int[n];
    boolean[] alive = new boolean[n];
    List<List<Integer>> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      alive[i] = true;
      members.add(new ArrayList<>(List.of(i)));
    }
    record Candidate(double mean, int a, int b, int va, int vb) {}
    PriorityQueue<Candidate> queue = new PriorityQueue<>((x, y) -> x.mean() != y.mean() ? Double.compare(y.mean(), x.mean())
        : x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
    for (int i = 0; i < n; i++) {
      for (Map.Entry<Integer, Double> e : new TreeMap<>(sum.get(i)).entrySet()) {
        if (e.getKey() > i && e.getValue() >= threshold) {
          queue.add(new Candidate(e.getValue(), i, e.getKey(), 0, 0));
        }
      }
    }
    while (!queue.isEmpty()) {
      Candidate c = queue.poll();
      int a = c.a();
      int b = c.b();
      if (!alive[a] || !alive[b] || version[a] != c.va() || version[b] != c.vb()) {
        continue;
      }
      // b joins a (a is the lower index): a's sums with every neighbour of either.
      alive[b] = false;
      size[a] += size[b];
      version[a]++;
      members.get(a).addAll(members.get(b));
      Map<Integer, Double> sa = sum.get(a);
      sa.remove(b);
      for (Map.Entry<Integer, Double> e : sum.get(b).entrySet()) {
        if (e.getKey() != a) {
          sa.merge(e.getKey(), e.getValue(), Double::sum);
        }
      }
      sum.set(b, Map.of());
      for (int other : new TreeSet<>(sa.keySet())) {
        Map<Integer, Double> so = sum.get(other);
        so.remove(b);
        so.put(a, sa.get(other));
        double mean = sa.get(other) / ((double) size[a] * size[other]);
        if (mean >= threshold) {
          int lo = Math.min(a, other);
          int hi = Math.max(a, other);
          queue.add(new Candidate(mean, lo, hi, version[lo], version[hi]));
        }
      }
    }
    return groups(n, alive, members, (x, y) -> pair.get(x).getOrDefault(y, 0.0));
  }

  /**
   * The groups left alive, each with its members in order, its representative (the member most
   * similar to the others in total: the most central) and each member's mean similarity to the
   * others.
   */
  private static List<Group> groups(int n, boolean[] alive, List<List<Integer>> members, PairSimilarity similarity) {
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!alive[i]) {
        continue;
      }
      List<Integer> m = new ArrayList<>(members.get(i));
      m.sort(null);
      int best = m.get(0);
      double bestTotal = Double.NEGATIVE_INFINITY;
      List<Double> centrality = new ArrayList<>(m.size());
      for (int x : m) {
        double total = 0;
        for (int y : m) {
          if (y != x) {
            total += similarity.of(x, y);
          }
        }
        centrality.add(m.size() == 1 ? 1.0 : total / (m.size() - 1));
        if (total > bestTotal) {
          bestTotal = total;
          best = x;
        }
      }
      out.add(new Group(List.copyOf(m), best, List.copyOf(centrality)));
    }
    return List.copyOf(out);
  }

  /** The similarity of two mentions, by their positions. */
  private interface PairSimilarity {
    double of(int x, int y);
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }

  /**
   * Average link over the similarity of every pair (0 for a mention without a vector), merging
   * two groups only when some mention of one shares an entity with some mention of the other.
   */
  private static List<Group> dense(List<Item> items, double threshold) {
    int n = items.size();
    double[][] sim = new double[n][n];
    double[][] sum = new double[n][n];
    List<Set<String>> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(new TreeSet<>(keys(items.get(i).labels())));
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        float[] a = items.get(i).vector();
        float[] b = items.get(j).vector();
        double s = a == null || b == null ? 0 : dot(a, b);
        sim[i][j] = sim[j][i] = sum[i][j] = sum[j][i] = s;
      }
    }
    int[] size = new int[n];
    int[] version = new int[n];
    boolean[] alive = new boolean[n];
    List<List<Integer>> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      alive[i] = true;
      members.add(new ArrayList<>(List.of(i)));
    }
    record Candidate(double mean, int a, int b, int va, int vb) {}
    PriorityQueue<Candidate> queue = new PriorityQueue<>((x, y) -> x.mean() != y.mean() ? Double.compare(y.mean(), x.mean())
        : x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (sum[i][j] >= threshold && intersects(keys.get(i), keys.get(j))) {
          queue.add(new Candidate(sum[i][j], i, j, 0, 0));
        }
      }
    }
    while (!queue.isEmpty()) {
      Candidate c = queue.poll();
      int a = c.a();
      int b = c.b();
      if (!alive[a] || !alive[b] || version[a] != c.va() || version[b] != c.vb()) {
        continue;
      }
      alive[b] = false;
      size[a] += size[b];
      version[a]++;
      members.get(a).addAll(members.get(b));
      keys.get(a).addAll(keys.get(b));
      for (int o = 0; o < n; o++) {
        if (!alive[o] || o == a) {
          continue;
        }
        sum[a][o] += sum[b][o];
        sum[o][a] = sum[a][o];
        double mean = sum[a][o] / ((double) size[a] * size[o]);
        if (mean >= threshold && intersects(keys.get(a), keys.get(o))) {
          int lo = Math.min(a, o);
          int hi = Math.max(a, o);
          queue.add(new Candidate(mean, lo, hi, version[lo], version[hi]));
        }
      }
    }
    return groups(n, alive, members, (x, y) -> sim[x][y]);
  }
}
