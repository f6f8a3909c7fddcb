package dev.corpus.index;

import dev.corpus.ResourceLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a statement is about, for grouping statements of different articles that say the same
 * thing: the set of its stemmed content words (Lucene's English analyzer), with words of one
 * meaning in news mapped to one concept ({@code concepts.txt}: "assistance", "aid" and
 * "support"; "aggression" and "invaded"), and the IDF-weighted Jaccard similarity of two sets.
 *
 * <p>One definition shared by the index, which stores each statement's concepts ({@link
 * IndexSchema#CONCEPT}) and links statements as they arrive ({@link ClaimClusterPass}), and by
 * the all-pairs reference ({@code ClaimClusters}), so that the two can be compared. Thread-safe:
 * the analyzer keeps its token streams per thread.
 */
public final class StatementConcepts {

  /** Two statements are linked when their weighted Jaccard similarity reaches this. */
  public static final double THRESHOLD = 0.30;
  /** ... and they share at least this many concepts that are not too common ({@link #maxPostings}). */
  public static final int MIN_SHARED = 3;
  /** A concept in more statements than this links nothing by itself. */
  public static final int MAX_POSTINGS = 200;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Map<String, String> concepts;

  public StatementConcepts() {
    Map<String, String> out = new HashMap<>();
    for (String line : ResourceLines.read(StatementConcepts.class, "/dev/corpus/extract/claim/concepts.txt")) {
      String concept = null;
      for (String word : line.split("\\s+")) {
        for (String stem : stems(word)) {
          if (concept == null) {
            concept = "#" + stem;
          }
          out.putIfAbsent(stem, concept);
        }
      }
    }
    this.concepts = Map.copyOf(out);
  }

  private List<String> stems(String text) {
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

  /** The concepts of {@code text}, in text order: no one-letter stems, no bare numbers. */
  public Set<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String stem : stems(text)) {
      if (stem.length() > 1 && !stem.chars().allMatch(Character::isDigit)) {
        out.add(concepts.getOrDefault(stem, stem));
      }
    }
    return out;
  }

  /**
   * The document frequency above which a concept links nothing by itself, among {@code n}
   * statements: a tenth of them, at least 50 and at most {@link #MAX_POSTINGS}. It keeps the
   * candidate pairs, and the time, close to linear in the statements.
   */
  public static int maxPostings(long n) {
    return (int) Math.min(Math.max(50, n / 10), MAX_POSTINGS);
  }

  /** IDF-weighted Jaccard similarity of two concept sets among {@code n} statements. */
  public static double similarity(Collection<String> a, Collection<String> b, ToIntFunction<String> df, long n) {
    double inter = 0;
    double union = 0;
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    for (String c : all) {
      double w = Math.log(1.0 + (double) n / Math.max(1, df.applyAsInt(c)));
      union += w;
      if (a.contains(c) && b.contains(c)) {
        inter += w;
      }
    }
    return union == 0 ? 0 : inter / union;
  }
}
