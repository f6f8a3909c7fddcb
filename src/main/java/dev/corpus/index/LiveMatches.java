package dev.corpus.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Walks the live documents a query matches, segment by segment and in document order within a
 * segment, without scoring or collecting them: what reads doc values of every match (grouping
 * dates by value, looking up the mentions of a day) needs, at the cost of the matches alone.
 */
public final class LiveMatches {

  /** Told each segment, then each of its matching documents in increasing order. */
  public interface Visitor {
    /** A segment starts; its matches follow. */
    void segment(LeafReaderContext leaf) throws IOException;

    /** A live document of the current segment matches (a segment-relative id). */
    void match(int doc) throws IOException;
  }

  /** Told each matching document by its index-wide id (the id {@code StoredFields} reads). */
  @FunctionalInterface
  public interface DocAction {
    void accept(int doc) throws IOException;
  }

  private LiveMatches() {}

  /**
   * Tells {@code action} every live document {@code query} matches, by its index-wide id, in
   * increasing order: for callers that only read stored fields of the matches and need no
   * segment of their own.
   */
  public static void forEachDoc(IndexSearcher searcher, Query query, DocAction action) throws IOException {
    forEach(searcher, query, new Visitor() {
      private int base;

      @Override
      public void segment(LeafReaderContext leaf) {
        base = leaf.docBase;
      }

      @Override
      public void match(int doc) throws IOException {
        action.accept(base + doc);
      }
    });
  }

  /** Visits every live document {@code query} matches; segments with no match are not announced. */
  public static void forEach(IndexSearcher searcher, Query query, Visitor visitor) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier == null) {
        continue;
      }
      Scorer scorer = supplier.get(Long.MAX_VALUE);
      DocIdSetIterator it = scorer.iterator();
      Bits live = leaf.reader().getLiveDocs();
      boolean announced = false;
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (!announced) {
          visitor.segment(leaf);
          announced = true;
        }
        visitor.match(doc);
      }
    }
  }
}
