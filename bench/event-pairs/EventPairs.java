import dev.corpus.extract.time.Timex;
import dev.corpus.index.EventGrouping;
import dev.corpus.index.IndexSchema;
import dev.corpus.index.TimelineEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Labelled pairs of same-day mentions for the timeline's event threshold (see README.md here).
 *
 * <pre>
 * java -cp target/corpus.jar bench/event-pairs/EventPairs.java candidates INDEX ROOT N SEED > /tmp/pairs-to-label.txt
 * java -cp target/corpus.jar bench/event-pairs/EventPairs.java score INDEX ROOT bench/event-pairs/labels.tsv
 * </pre>
 *
 * {@code candidates} prints pairs of single-day mentions of different articles on the same day,
 * sampled evenly over bands of embedding similarity, with their sentences (to read and label,
 * outside the repository) and the reference line to keep (file, offsets, no text). {@code score}
 * reads the labels, finds each mention again in an index of the same files and prints precision
 * and recall of "same event" per threshold of {@link EventGrouping#score}, and of the embedding
 * similarity alone.
 */
public final class EventPairs {

  record Mention(String file, int start, int end, long day, String text, String sentence, Set<String> labels, float[] vector) {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path index = Path.of(args[1]);
    Path root = Path.of(args[2]).toAbsolutePath().normalize();
    List<Mention> mentions = read(index, root);
    if (args[0].equals("matrix")) { // matrix DAY...: similarity and shared entity of every pair of those days' mentions
      Set<String> days = Set.of(java.util.Arrays.copyOfRange(args, 3, args.length));
      List<Mention> ms = mentions.stream().filter(m -> days.contains(java.time.LocalDate.ofEpochDay(m.day()).toString())).toList();
      for (int i = 0; i < ms.size(); i++) {
        out.println(i + " " + ms.get(i).file() + " " + ms.get(i).labels() + " | " + ms.get(i).sentence().substring(0, Math.min(80, ms.get(i).sentence().length())));
      }
      for (int i = 0; i < ms.size(); i++) {
        for (int j = i + 1; j < ms.size(); j++) {
          out.printf(Locale.ROOT, "%d-%d %.3f %s%n", i, j, dot(ms.get(i).vector(), ms.get(j).vector()), shares(ms.get(i), ms.get(j)));
        }
      }
      return;
    }
    if (args[0].equals("show")) { // show DAY THRESHOLD MODE: the groups of one day, to look at
      List<Mention> day = mentions.stream().filter(m -> java.time.LocalDate.ofEpochDay(m.day()).toString().equals(args[3])).toList();
      List<EventGrouping.Item> items = day.stream().map(m -> new EventGrouping.Item(m.vector(), m.labels())).toList();
      for (EventGrouping.Group g : EventGrouping.group(items, Double.parseDouble(args[4]), EventGrouping.Entities.valueOf(args[5]))) {
        out.println("--");
        for (int i : g.members()) {
          out.println("  " + day.get(i).file() + " | " + day.get(i).sentence().substring(0, Math.min(90, day.get(i).sentence().length())));
        }
      }
      return;
    }
    if (args[0].equals("candidates")) {
      candidates(mentions, Integer.parseInt(args[3]), Long.parseLong(args[4]), out);
    } else {
      score(mentions, Path.of(args[3]), out);
      grouped(mentions, Path.of(args[3]), out);
    }
  }

  /** Every single-day DATE or TIME mention outside datelines, with its file relative to {@code root}. */
  static List<Mention> read(Path index, Path root) throws IOException {
    List<Mention> out = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      Map<Long, String> files = new HashMap<>();
      StoredFields stored = reader.storedFields();
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        NumericDocValues idPoint = null;
        for (int d = 0; d < r.maxDoc(); d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          Document doc = stored.document(leaf.docBase + d, Set.of(IndexSchema.ID, IndexSchema.FILE));
          if (doc.get(IndexSchema.ID) != null && doc.get(IndexSchema.FILE) != null) {
            files.put(Long.parseUnsignedLong(doc.get(IndexSchema.ID), 16), root.relativize(Path.of(doc.get(IndexSchema.FILE))).toString());
          }
        }
      }
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        NumericDocValues day = r.getNumericDocValues(IndexSchema.EVENT_DAY);
        NumericDocValues article = r.getNumericDocValues(IndexSchema.ARTICLE);
        FloatVectorValues vectors = r.getFloatVectorValues(IndexSchema.VECTOR);
        if (day == null || vectors == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator it = vectors.iterator();
        // The dates in datelines, as the index marks them: they date the page, not an event.
        java.util.BitSet dateline = new java.util.BitSet();
        org.apache.lucene.index.PostingsEnum marked = r.postings(new org.apache.lucene.index.Term(IndexSchema.DATELINE, "1"));
        if (marked != null) {
          for (int d = marked.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = marked.nextDoc()) {
            dateline.set(d);
          }
        }
        for (int d = day.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = day.nextDoc()) {
          if (live != null && !live.get(d) || !article.advanceExact(d)) {
            continue;
          }
          Document doc = stored.document(leaf.docBase + d, Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE, IndexSchema.SENTENCE_ENTITY));
          if (doc.getField(IndexSchema.ANNOTATION) == null || doc.get(IndexSchema.SENTENCE) == null) {
            continue; // a tie document: not an article's own mention
          }
          int at = it.docID() < d ? it.advance(d) : it.docID();
          if (at != d) {
            continue;
          }
          Timex t = IndexSchema.annotation(doc, Timex.class);
          String file = files.get(article.longValue());
          if (file == null || dateline.get(d) || !TimelineEvents.reports(doc.get(IndexSchema.SENTENCE), t.text())) {
            continue;
          }
          out.add(new Mention(file, t.start(), t.end(), day.longValue(), t.text(), doc.get(IndexSchema.SENTENCE),
              new TreeSet<>(List.of(doc.getValues(IndexSchema.SENTENCE_ENTITY))), vectors.vectorValue(it.index()).clone()));
        }
      }
    }
    out.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.start(), b.start()) : a.file().compareTo(b.file()));
    return out;
  }

  static void candidates(List<Mention> mentions, int n, long seed, PrintStream out) {
    Map<Long, List<Mention>> byDay = new TreeMap<>();
    for (Mention m : mentions) {
      byDay.computeIfAbsent(m.day(), k -> new ArrayList<>()).add(m);
    }
    // Pools sampled alike, so that the rare similar pairs are labelled too: pairs whose sentences
    // share an entity, by bands of similarity, and similar pairs that share none (what requiring
    // a shared entity may lose).
    double[][] bands = {{0.0, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {0.6, 0.7}, {0.7, 1.01}, {0.5, 0.6}, {0.6, 0.7}, {0.7, 1.01}};
    List<List<String[]>> pools = new ArrayList<>();
    for (int i = 0; i < bands.length; i++) {
      pools.add(new ArrayList<>());
    }
    for (List<Mention> day : byDay.values()) {
      for (int i = 0; i < day.size(); i++) {
        for (int j = i + 1; j < day.size(); j++) {
          Mention a = day.get(i);
          Mention b = day.get(j);
          if (a.file().equals(b.file())) {
            continue;
          }
          double cos = dot(a.vector(), b.vector());
          boolean shared = EventGrouping.score(a.vector(), EventGrouping.keys(a.labels()), b.vector(), EventGrouping.keys(b.labels())) != 0;
          for (int k = shared ? 0 : 5; k < (shared ? 5 : bands.length); k++) {
            if (cos >= bands[k][0] && cos < bands[k][1]) {
              String ref = String.join("\t", a.file(), Integer.toString(a.start()), Integer.toString(a.end()),
                  b.file(), Integer.toString(b.start()), Integer.toString(b.end()));
              pools.get(k).add(new String[] {ref, String.format(Locale.ROOT, "cos %.3f shared %s %s | %s", cos, shared, a.labels(), b.labels()),
                  "A [" + a.text() + "] " + a.sentence().replace('\n', ' '), "B [" + b.text() + "] " + b.sentence().replace('\n', ' ')});
            }
          }
        }
      }
    }
    Random random = new Random(seed);
    int per = (n + pools.size() - 1) / pools.size();
    for (List<String[]> pool : pools) {
      Collections.shuffle(pool, random);
      for (String[] p : pool.subList(0, Math.min(per, pool.size()))) {
        out.println("REF\t" + p[0]);
        out.println("  " + p[1]);
        out.println("  " + p[2]);
        out.println("  " + p[3]);
      }
    }
  }

  /** The pool a pair was drawn from by {@code candidates}: 0-4 share an entity (by similarity band), 5-7 do not; -1 none. */
  static int pool(double cos, boolean shared) {
    double[][] bands = {{0.0, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {0.6, 0.7}, {0.7, 1.01}, {0.5, 0.6}, {0.6, 0.7}, {0.7, 1.01}};
    for (int k = shared ? 0 : 5; k < (shared ? 5 : bands.length); k++) {
      if (cos >= bands[k][0] && cos < bands[k][1]) {
        return k;
      }
    }
    return -1;
  }

  static void score(List<Mention> mentions, Path labels, PrintStream out) throws IOException {
    Map<String, Mention> byRef = new HashMap<>();
    for (Mention m : mentions) {
      byRef.put(m.file() + "\t" + m.start() + "\t" + m.end(), m);
    }
    // How many pairs each pool holds in the corpus: the weight of a labelled pair is its pool's
    // size over the labelled pairs of that pool, so the weighted figures estimate the corpus's.
    long[] poolSize = new long[8];
    Map<Long, List<Mention>> byDay = new TreeMap<>();
    for (Mention m : mentions) {
      byDay.computeIfAbsent(m.day(), k -> new ArrayList<>()).add(m);
    }
    for (List<Mention> day : byDay.values()) {
      for (int i = 0; i < day.size(); i++) {
        for (int j = i + 1; j < day.size(); j++) {
          Mention a = day.get(i);
          Mention b = day.get(j);
          if (!a.file().equals(b.file())) {
            int k = pool(dot(a.vector(), b.vector()), shares(a, b));
            if (k >= 0) {
              poolSize[k]++;
            }
          }
        }
      }
    }
    List<double[]> scored = new ArrayList<>(); // {strict score, penalised score, cosine, label, pool}
    int missing = 0;
    int[] labelled = new int[8];
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      Mention a = byRef.get(f[0] + "\t" + f[1] + "\t" + f[2]);
      Mention b = byRef.get(f[3] + "\t" + f[4] + "\t" + f[5]);
      if (a == null || b == null) {
        missing++;
        continue;
      }
      double cos = dot(a.vector(), b.vector());
      boolean shared = shares(a, b);
      int k = pool(cos, shared);
      labelled[k]++;
      scored.add(new double[] {shared ? cos : 0, shared ? cos : cos - PENALTY, cos, f[6].equals("same") ? 1 : 0, k});
    }
    double[] weight = new double[scored.size()];
    for (int i = 0; i < scored.size(); i++) {
      int k = (int) scored.get(i)[4];
      weight[i] = poolSize[k] / (double) labelled[k];
    }
    int positives = (int) scored.stream().filter(x -> x[3] == 1).count();
    int sharedPositives = (int) scored.stream().filter(x -> x[3] == 1 && x[0] != 0).count();
    out.printf(Locale.ROOT, "pairs %d (same event %d, of which %d share an entity; different %d); not found in the index %d%n",
        scored.size(), positives, sharedPositives, scored.size() - positives, missing);
    out.printf(Locale.ROOT, "pool sizes in the corpus (shared: <0.4, 0.4-0.5, 0.5-0.6, 0.6-0.7, >=0.7; none: 0.5-0.6, 0.6-0.7, >=0.7): %s%n",
        java.util.Arrays.toString(poolSize));
    out.println("labelled pairs as drawn (pools sampled alike): precision recall f1 (true/predicted)");
    out.printf(Locale.ROOT, "threshold  %-36s %-36s %-36s%n", "entity AND similarity", "similarity - " + PENALTY + " without entity", "similarity alone");
    for (int t = 30; t <= 80; t += 5) {
      double th = t / 100.0;
      out.printf(Locale.ROOT, "%.2f       %-36s %-36s %-36s%n", th, prf(scored, null, 0, th), prf(scored, null, 1, th), prf(scored, null, 2, th));
    }
    out.println("weighted by pool size (estimates over all such pairs of the corpus; pairs below 0.5 without a shared entity unlabelled, counted as different)");
    for (int t = 30; t <= 80; t += 5) {
      double th = t / 100.0;
      out.printf(Locale.ROOT, "%.2f       %-36s %-36s %-36s%n", th, prf(scored, weight, 0, th), prf(scored, weight, 1, th), prf(scored, weight, 2, th));
    }
  }

  static final double PENALTY = 0.15;

  /**
   * The labelled pairs judged by the grouping itself: every mention of each labelled day is
   * grouped as the timeline groups a slot, and a pair is predicted "same" when both mentions land
   * in one group. Precision, recall and F1 per threshold, for both ways of requiring an entity.
   */
  static void grouped(List<Mention> mentions, Path labels, PrintStream out) throws IOException {
    Map<String, Mention> byRef = new HashMap<>();
    Map<Long, List<Mention>> byDay = new TreeMap<>();
    for (Mention m : mentions) {
      byRef.put(m.file() + "\t" + m.start() + "\t" + m.end(), m);
      byDay.computeIfAbsent(m.day(), k -> new ArrayList<>()).add(m);
    }
    List<Mention[]> pairs = new ArrayList<>();
    List<Boolean> same = new ArrayList<>();
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      Mention a = byRef.get(f[0] + "\t" + f[1] + "\t" + f[2]);
      Mention b = byRef.get(f[3] + "\t" + f[4] + "\t" + f[5]);
      if (a != null && b != null) {
        pairs.add(new Mention[] {a, b});
        same.add(f[6].equals("same"));
      }
    }
    out.println("grouped (the pair is one event when both land in one group): precision recall f1 (true/predicted)");
    out.printf(Locale.ROOT, "threshold  %-36s %-36s%n", "entity in every pair", "entity between groups (shipped)");
    for (int t = 35; t <= 70; t += 5) {
      double th = t / 100.0;
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.2f       ", th));
      for (EventGrouping.Entities mode : EventGrouping.Entities.values()) {
        Map<Mention, Integer> group = new HashMap<>();
        for (Mention[] p : pairs) {
          long day = p[0].day();
          if (group.containsKey(p[0])) {
            continue;
          }
          List<Mention> ms = byDay.get(day);
          List<EventGrouping.Item> items = new ArrayList<>();
          for (Mention m : ms) {
            items.add(new EventGrouping.Item(m.vector(), m.labels()));
          }
          int g = 0;
          for (EventGrouping.Group gr : EventGrouping.group(items, th, mode)) {
            for (int i : gr.members()) {
              group.put(ms.get(i), (int) (day * 100_000 + g));
            }
            g++;
          }
        }
        int tp = 0;
        int predicted = 0;
        int positives = 0;
        for (int i = 0; i < pairs.size(); i++) {
          boolean together = group.get(pairs.get(i)[0]).equals(group.get(pairs.get(i)[1]));
          positives += same.get(i) ? 1 : 0;
          if (together) {
            predicted++;
            tp += same.get(i) ? 1 : 0;
          }
        }
        double p = predicted == 0 ? 1 : tp / (double) predicted;
        double r = tp / (double) positives;
        row.append(String.format(Locale.ROOT, "%-36s ", String.format(Locale.ROOT, "%.3f %.3f %.3f (%d/%d)", p, r,
            p + r == 0 ? 0 : 2 * p * r / (p + r), tp, predicted)));
      }
      out.println(row.toString().stripTrailing());
    }
  }

  static boolean shares(Mention a, Mention b) {
    return EventGrouping.score(a.vector(), EventGrouping.keys(a.labels()), b.vector(), EventGrouping.keys(b.labels())) != 0;
  }

  static String prf(List<double[]> scored, double[] weight, int column, double th) {
    double tp = 0;
    double fp = 0;
    double pos = 0;
    for (int i = 0; i < scored.size(); i++) {
      double[] x = scored.get(i);
      double w = weight == null ? 1 : weight[i];
      if (x[3] == 1) {
        pos += w;
      }
      if (x[column] >= th) {
        if (x[3] == 1) {
          tp += w;
        } else {
          fp += w;
        }
      }
    }
    double p = tp + fp == 0 ? 1 : tp / (tp + fp);
    double r = pos == 0 ? 0 : tp / pos;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return weight == null ? String.format(Locale.ROOT, "%.3f %.3f %.3f (%d/%d)", p, r, f, (int) tp, (int) (tp + fp))
        : String.format(Locale.ROOT, "%.3f %.3f %.3f", p, r, f);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
