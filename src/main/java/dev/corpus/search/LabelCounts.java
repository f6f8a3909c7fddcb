package dev.corpus.search;

import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts entity labels over what a query matches, from doc values, segment by segment: ordinals
 * are counted in an array, and only the labels that occur are looked up and merged by their text.
 * No global ordinal map is built, so the cost follows the matching documents and the distinct
 * labels among them, not every label of the index.
 */
final class LabelCounts {

  /** Articles and mentions of one label among the matches. */
  static final class Count {
    int documents;
    long mentions;
  }

  private LabelCounts() {}

  /** For each label of {@link IndexSchema#ARTICLE_LABELS}, the matching articles that carry it. */
  static Map<String, Count> ofArticles(IndexSearcher searcher, Query articles) throws IOException {
    Map<String, Count> out = new HashMap<>();
    searcher.search(articles, new SimpleCollector() {
      SortedSetDocValues labels;
      int[] counts;

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        labels = context.reader().getSortedSetDocValues(IndexSchema.ARTICLE_LABELS);
        counts = labels == null ? null : new int[(int) Math.min(Integer.MAX_VALUE - 8, labels.getValueCount())];
      }

      @Override
      public void collect(int doc) throws IOException {
        if (labels != null && labels.advanceExact(doc)) {
          for (int i = 0; i < labels.docValueCount(); i++) {
            counts[(int) labels.nextOrd()]++;
          }
        }
      }

      void flush() throws IOException {
        if (labels == null) {
          return;
        }
        for (int ord = 0; ord < counts.length; ord++) {
          if (counts[ord] > 0) {
            Count c = out.computeIfAbsent(labels.lookupOrd(ord).utf8ToString(), k -> new Count());
            c.documents += counts[ord];
          }
        }
        labels = null;
      }

      @Override
      public void finish() throws IOException {
        flush();
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return out;
  }

  /**
   * For each {@link IndexSchema#LABEL} of the matching entity annotations, the annotations (one
   * per article) and their mentions.
   */
  static Map<String, Count> ofAnnotations(IndexSearcher searcher, Query annotations) throws IOException {
    Map<String, Count> out = new HashMap<>();
    searcher.search(annotations, new SimpleCollector() {
      SortedDocValues labels;
      NumericDocValues mentions;
      int[] counts;
      long[] sums;

      @Override
      protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        labels = context.reader().getSortedDocValues(IndexSchema.LABEL);
        mentions = context.reader().getNumericDocValues(IndexSchema.MENTIONS);
        int n = labels == null ? 0 : labels.getValueCount();
        counts = new int[n];
        sums = new long[n];
      }

      @Override
      public void collect(int doc) throws IOException {
        if (labels != null && labels.advanceExact(doc)) {
          int ord = labels.ordValue();
          counts[ord]++;
          if (mentions != null && mentions.advanceExact(doc)) {
            sums[ord] += mentions.longValue();
          }
        }
      }

      void flush() throws IOException {
        if (labels == null) {
          return;
        }
        for (int ord = 0; ord < counts.length; ord++) {
          if (counts[ord] > 0) {
            Count c = out.computeIfAbsent(labels.lookupOrd(ord).utf8ToString(), k -> new Count());
            c.documents += counts[ord];
            c.mentions += sums[ord];
          }
        }
        labels = null;
      }

      @Override
      public void finish() throws IOException {
        flush();
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return out;
  }
}
