package dev.corpus.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * The articles published between two epoch days, the year-less ones by the year the corpus gives
 * them: an article's {@link IndexSchema#PUBLISHED_DAY} in the range, or, for an article that
 * prints no date, its {@link IndexSchema#KIND_DATING} document's {@link IndexSchema#DATED_DAY}
 * (the first day of the year {@link TimelinePass} gives it, as a year-precision date is indexed).
 *
 * <p>What {@code --since}/{@code --until} should filter on so that they agree with {@code
 * timeline}'s datings: one algorithm ({@link TimelinePass}), one stored answer (the dating
 * document). Rewritten per searcher into a point range on the articles or their ids, so it costs
 * the dated articles of the range, not the corpus.
 */
public final class PublishedQuery extends Query {

  private final long from;
  private final long to;

  /** Articles published in {@code [from, to]} (epoch days, inclusive). */
  public PublishedQuery(long from, long to) {
    this.from = from;
    this.to = to;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query dated = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_DATING)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(IndexSchema.DATED_DAY, from, to), BooleanClause.Occur.FILTER)
        .build();
    List<Long> ids = new ArrayList<>();
    LiveMatches.forEach(searcher, dated, new LiveMatches.Visitor() {
      NumericDocValues article;

      @Override
      public void segment(LeafReaderContext leaf) throws IOException {
        article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
      }

      @Override
      public void match(int doc) throws IOException {
        if (article != null && article.advanceExact(doc)) {
          ids.add(article.longValue());
        }
      }
    });
    Query printed = LongPoint.newRangeQuery(IndexSchema.PUBLISHED_DAY, from, to);
    if (ids.isEmpty()) {
      return printed;
    }
    return new BooleanQuery.Builder()
        .add(printed, BooleanClause.Occur.SHOULD)
        .add(LongPoint.newSetQuery(IndexSchema.ID_POINT, ids), BooleanClause.Occur.SHOULD)
        .build();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "published:[" + from + " TO " + to + "]";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && from == ((PublishedQuery) o).from && to == ((PublishedQuery) o).to;
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + Long.hashCode(from) * 17 + Long.hashCode(to);
  }
}
