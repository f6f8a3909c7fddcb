package dev.corpus.index;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The annotation documents of the articles a query matches: a block join from the article (the
 * last document of its block, see {@link IndexSchema#KIND}) to the documents before it, as
 * Lucene's {@code ToChildBlockJoinQuery} does (the join module is not a dependency). Documents
 * that stand alone between blocks (the catalog's, the timeline's) come out too when they precede
 * a matching article: combine with a {@link IndexSchema#KIND} filter.
 *
 * <p>Per segment it costs one pass over the segment's articles (to find block starts) and over
 * the matching ones: what {@code --query} filters on, not the annotations.
 */
public final class ArticleAnnotationsQuery extends Query {

  private final Query articles;

  /** @param articles a query that matches article documents only (it is filtered on {@link IndexSchema#KIND_ARTICLE} anyway) */
  public ArticleAnnotationsQuery(Query articles) {
    this.articles = Objects.requireNonNull(articles);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight matching = searcher.createWeight(searcher.rewrite(articles), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Weight parents = searcher.createWeight(
        searcher.rewrite(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE))), ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        FixedBitSet all = bits(parents, leaf, maxDoc);
        FixedBitSet hits = bits(matching, leaf, maxDoc);
        if (all == null || hits == null) {
          return null;
        }
        FixedBitSet children = new FixedBitSet(maxDoc);
        for (int p = hits.nextSetBit(0); p != DocIdSetIterator.NO_MORE_DOCS; p = p + 1 < maxDoc ? hits.nextSetBit(p + 1) : DocIdSetIterator.NO_MORE_DOCS) {
          if (!all.get(p)) {
            continue; // not an article
          }
          int first = p == 0 ? 0 : all.prevSetBit(p - 1) + 1;
          if (first < p) {
            children.set(first, p);
          }
        }
        long cost = children.cardinality();
        Scorer scorer = new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(children, cost));
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) {
            return scorer;
          }

          @Override
          public long cost() {
            return cost;
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private static FixedBitSet bits(Weight weight, LeafReaderContext leaf, int maxDoc) throws IOException {
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier == null) {
      return null;
    }
    FixedBitSet bits = new FixedBitSet(maxDoc);
    bits.or(supplier.get(Long.MAX_VALUE).iterator());
    return bits;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    articles.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.FILTER, this));
  }

  @Override
  public String toString(String field) {
    return "annotationsOf(" + articles.toString(field) + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && articles.equals(((ArticleAnnotationsQuery) o).articles);
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + articles.hashCode();
  }
}
