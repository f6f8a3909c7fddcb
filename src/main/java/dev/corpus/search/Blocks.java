package dev.corpus.search;

import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * An article and its annotations as the block they are indexed in (annotations first, the article
 * last): the article of an annotation is the next article document in its segment, and the
 * annotations of an article are the documents between the article before it and itself. Going by
 * the block, never by the article id, keeps two articles that share an id (two folders of the same
 * name given as roots) apart.
 */
final class Blocks {

  /** Which documents are articles: the parents of every join from articles to their annotations. */
  static final BitSetProducer ARTICLES = new QueryBitSetProducer(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)));

  private Blocks() {}

  /** The article document (index-wide number) of the block that annotation document {@code doc} is in. */
  static int articleOf(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    BitSet articles = ARTICLES.getBitSet(leaf);
    int local = doc - leaf.docBase;
    int parent = articles == null || local >= articles.length() ? DocIdSetIterator.NO_MORE_DOCS : articles.nextSetBit(local);
    if (parent == DocIdSetIterator.NO_MORE_DOCS) {
      throw new IOException("an annotation document without its article");
    }
    return leaf.docBase + parent;
  }

  /** The live annotation documents of {@code kind} in the block the article document {@code article} closes, in order. */
  static List<Integer> annotationsOf(IndexReader reader, int article, String kind) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(article, reader.leaves()));
    BitSet articles = ARTICLES.getBitSet(leaf);
    int local = article - leaf.docBase;
    int first = local == 0 ? 0 : articles.prevSetBit(local - 1) + 1;
    List<Integer> out = new ArrayList<>();
    var terms = leaf.reader().terms(IndexSchema.KIND);
    if (terms == null || first >= local) {
      return out;
    }
    var te = terms.iterator();
    if (!te.seekExact(new BytesRef(kind))) {
      return out;
    }
    PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
    Bits live = leaf.reader().getLiveDocs();
    for (int d = postings.advance(first); d < local; d = postings.nextDoc()) {
      if (live == null || live.get(d)) {
        out.add(leaf.docBase + d);
      }
    }
    return out;
  }
}
