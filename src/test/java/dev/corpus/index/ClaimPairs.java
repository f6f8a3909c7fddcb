package dev.corpus.index;

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
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The labelled pairs of statements of {@code bench/claim-pairs/} (a tool of the test sources,
 * run by {@code bench/claim-pairs/score.sh}): gathers candidate pairs from an index, and scores
 * the link decision ({@link StatementLinks}) on labelled pairs at a grid of settings.
 *
 * <pre>
 * ClaimPairs candidates INDEX PER_BUCKET SEED      # TSV of pairs at a spread of similarities, to read and label
 * ClaimPairs score INDEX TEXT_DIR LABELS             # precision and recall of the decision (-Dgrid: per setting)
 * ClaimPairs explain INDEX WORDS_A WORDS_B           # the decision for the statements holding each phrase
 * </pre>
 *
 * Labels name statements by the original file and the character span of their words in it (no
 * text), so the labels file can live in the repository; {@code score} finds each statement again
 * in the index by its article's url (the file name) and its words.
 */
public final class ClaimPairs {

  private static final double[] BUCKETS = {0.45, 0.55, 0.65, 0.75, 0.85, 1.01};

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[1])))) {
      ClaimClusterPass.Statements statements = new ClaimClusterPass.Statements(reader);
      Map<Long, String> urls = urls(statements);
      if (args[0].equals("explain")) {
        explain(statements, args[2], args[3], out);
      } else if (args[0].equals("candidates")) {
        candidates(statements, urls, Integer.parseInt(args[2]), Long.parseLong(args[3]), out);
      } else {
        score(statements, urls, Path.of(args[2]), Path.of(args[3]), out);
      }
    }
  }

  private static Map<Long, String> urls(ClaimClusterPass.Statements statements) throws IOException {
    Map<Long, String> out = new HashMap<>();
    var searcher = statements.searcher;
    for (ScoreDoc sd : searcher.search(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), Integer.MAX_VALUE).scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc, Set.of(IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META));
      var a = IndexSchema.toArticle(d);
      out.put(Long.parseUnsignedLong(a.id(), 16), a.url());
    }
    return out;
  }

  private static String text(ClaimClusterPass.Statements statements, int doc) throws IOException {
    Document d = statements.searcher.storedFields().document(doc, Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE));
    BytesRef json = d.getBinaryValue(IndexSchema.ANNOTATION);
    if (json != null) {
      return IndexSchema.annotation(d, dev.corpus.extract.claim.Claim.class).content();
    }
    return d.get(IndexSchema.SENTENCE);
  }

  private static String fold(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static void candidates(ClaimClusterPass.Statements statements, Map<Long, String> urls, int perBucket, long seed, PrintStream out)
      throws IOException {
    List<Integer> docs = new ArrayList<>();
    for (ScoreDoc sd : statements.searcher.search(new TermQuery(new Term(IndexSchema.JOINS, "1")), Integer.MAX_VALUE).scoreDocs) {
      docs.add(sd.doc);
    }
    Collections.sort(docs);
    Collections.shuffle(docs, new Random(seed));
    int[] filled = new int[BUCKETS.length - 1];
    int id = 0;
    out.println("pair\turl_a\ttext_a\turl_b\ttext_b\tsimilarity\tlinked\tfeatures");
    for (int doc : docs) {
      ClaimClusterPass.Statement s = statements.load(doc);
      if (statements.furniture(s)) {
        continue;
      }
      for (ClaimClusterPass.Statement t : statements.neighbours(s)) {
        StatementLinks.Decision d = statements.decide(s, t);
        int b = bucket(d.similarity());
        if (b < 0 || filled[b] >= perBucket || statements.furniture(t)) {
          continue;
        }
        filled[b]++;
        out.printf(Locale.ROOT, "%d\t%s\t%s\t%s\t%s\t%.3f\t%s\t%s%n", id++, urls.get(s.article()), fold(text(statements, s.doc())),
            urls.get(t.article()), fold(text(statements, t.doc())), d.similarity(), d.linked(), d);
        break; // one pair per statement: a spread of stories, not one story's neighbours
      }
      boolean full = true;
      for (int f : filled) {
        full &= f >= perBucket;
      }
      if (full) {
        break;
      }
    }
  }

  private static void explain(ClaimClusterPass.Statements statements, String wordsA, String wordsB, PrintStream out) throws IOException {
    List<ClaimClusterPass.Statement> as = new ArrayList<>();
    List<ClaimClusterPass.Statement> bs = new ArrayList<>();
    for (ScoreDoc sd : statements.searcher.search(new TermQuery(new Term(IndexSchema.JOINS, "1")), Integer.MAX_VALUE).scoreDocs) {
      String t = text(statements, sd.doc);
      if (t.contains(wordsA)) {
        as.add(statements.load(sd.doc));
      }
      if (t.contains(wordsB)) {
        bs.add(statements.load(sd.doc));
      }
    }
    for (ClaimClusterPass.Statement a : as) {
      for (ClaimClusterPass.Statement b : bs) {
        out.println(a.key() + " ~ " + b.key() + ": " + statements.decide(a, b) + " furniture " + statements.furniture(a) + "/" + statements.furniture(b)
            + " names " + a.unit().names() + " / " + b.unit().names() + " articles " + a.unit().articleNames() + " / " + b.unit().articleNames());
      }
    }
  }

  private static int bucket(double similarity) {
    for (int i = 0; i + 1 < BUCKETS.length; i++) {
      if (similarity >= BUCKETS[i] && similarity < BUCKETS[i + 1]) {
        return i;
      }
    }
    return -1;
  }

  /** A labelled pair found again in the index. */
  private record Labelled(ClaimClusterPass.Statement a, ClaimClusterPass.Statement b, boolean same) {}

  private static void score(ClaimClusterPass.Statements statements, Map<Long, String> urls, Path texts, Path labels, PrintStream out)
      throws IOException {
    Map<String, Long> articleOf = new HashMap<>();
    urls.forEach((article, url) -> articleOf.put(url, article));
    Map<String, List<ClaimClusterPass.Statement>> byArticleText = new HashMap<>();
    for (ScoreDoc sd : statements.searcher.search(new TermQuery(new Term(IndexSchema.JOINS, "1")), Integer.MAX_VALUE).scoreDocs) {
      ClaimClusterPass.Statement s = statements.load(sd.doc);
      byArticleText.computeIfAbsent(s.article() + " " + fold(text(statements, sd.doc)), k -> new ArrayList<>()).add(s);
    }
    List<Labelled> pairs = new ArrayList<>();
    int missing = 0;
    for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank() || line.startsWith("file_a")) {
        continue;
      }
      String[] f = line.split("\t");
      ClaimClusterPass.Statement a = find(texts, f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), articleOf, byArticleText);
      ClaimClusterPass.Statement b = find(texts, f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]), articleOf, byArticleText);
      if (a == null || b == null) {
        missing++;
        continue;
      }
      pairs.add(new Labelled(a, b, f[6].equals("1")));
    }
    long positives = pairs.stream().filter(Labelled::same).count();
    out.printf(Locale.ROOT, "%s: %d labelled pairs (%d the same claim or fact of one event, %d not), %d not found in the index%n",
        labels.getFileName(), pairs.size(), positives, pairs.size() - positives, missing);
    out.println("min_sim  threshold  weight  window    P      R      F1    links");
    List<StatementLinks.Settings> grid = new ArrayList<>();
    grid.add(StatementLinks.SHIPPED);
    for (double min : new double[] {0.55, 0.6, 0.62, 0.65, 0.7}) {
      for (double threshold : new double[] {0.7, 0.75, 0.8, 0.85, 0.9}) {
        for (double weight : new double[] {0, 0.05, 0.08, 0.12}) {
          for (long window : new long[] {3, 10, 30}) {
            grid.add(new StatementLinks.Settings(min, threshold, weight, window));
          }
        }
      }
    }
    boolean all = System.getProperty("grid") != null;
    for (StatementLinks.Settings s : all ? grid : grid.subList(0, 1)) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Labelled p : pairs) {
        boolean linked = StatementLinks.decide(StatementLinks.similarity(p.a().vector(), p.b().vector()), p.a().unit(), p.b().unit(),
            statements::df, statements.n, s).linked();
        tp += linked && p.same() ? 1 : 0;
        fp += linked && !p.same() ? 1 : 0;
        fn += !linked && p.same() ? 1 : 0;
      }
      double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      out.printf(Locale.ROOT, "%7.2f  %9.2f  %6.2f  %6d  %5.3f  %5.3f  %5.3f  %5d%s%n", s.minSimilarity(), s.threshold(), s.evidenceWeight(),
          s.windowDays(), precision, recall, f1, tp + fp, s.equals(StatementLinks.SHIPPED) ? "  (shipped)" : "");
    }
  }

  private static ClaimClusterPass.Statement find(Path texts, String file, int start, int end, Map<String, Long> articleOf,
      Map<String, List<ClaimClusterPass.Statement>> byArticleText) throws IOException {
    Long article = articleOf.get(file);
    if (article == null) {
      return null;
    }
    String original = Files.readString(texts.resolve(file), StandardCharsets.UTF_8);
    String words = fold(original.substring(original.offsetByCodePoints(0, start), original.offsetByCodePoints(0, end)));
    List<ClaimClusterPass.Statement> found = byArticleText.get(article + " " + words);
    return found == null ? null : found.get(0);
  }
}
