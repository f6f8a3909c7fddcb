package dev.corpus.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the clusters the index keeps ({@code ClaimClusterPass}): the members of a cluster
 * document, or the statements of a query grouped by their cluster's doc value.
 */
final class ClusterMembers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterMembers() {}

  /** A member as a cluster document lists it: its statement key and kind (null for an article's own statement). */
  record Stored(String key, String kind) {

    boolean inDefaultView() {
      return kind == null || kind.equals("statement") || kind.equals("position");
    }
  }

  /** The members of cluster document {@code doc}, in their order (article, then text order). */
  static List<Stored> stored(IndexSearcher searcher, int doc) throws IOException {
    BytesRef bytes = searcher.storedFields().document(doc, Set.of(IndexSchema.MEMBERS)).getBinaryValue(IndexSchema.MEMBERS);
    List<Stored> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(bytes.bytes, bytes.offset, bytes.length)) {
      out.add(new Stored(m.path("key").asText(), m.path("kind").isNull() || m.path("kind").isMissingNode() ? null : m.path("kind").asText()));
    }
    return out;
  }

  /**
   * Clusters from the statements that {@code statements} matches, grouped by their {@link
   * IndexSchema#CLUSTER}: those spanning two articles or more and {@code minSources} sources,
   * how many, and the {@code limit} with most articles (ties by their first member's text), each
   * as its statement keys in member order.
   */
  record Grouped(long total, List<List<String>> shown) {}

  private static final class Group {
    final Set<String> articles = new HashSet<>();
    final Set<String> sources = new HashSet<>();
    final List<String> keys = new ArrayList<>();
    String firstText;
  }

  /** Statement keys in article order (the ids' hex digits), then text order. */
  static final Comparator<String> KEY_ORDER = Comparator.comparing((String k) -> k.substring(0, k.indexOf('/')))
      .thenComparingInt(k -> Integer.parseInt(k.substring(k.indexOf('/') + 1)));

  static Grouped group(IndexSearcher searcher, Query statements, int minSources, int limit) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Map<Long, Group> groups = new HashMap<>();
    Weight w = searcher.createWeight(searcher.rewrite(statements), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext ctx : reader.leaves()) {
      Scorer s = w.scorer(ctx);
      if (s == null) {
        continue;
      }
      Bits live = ctx.reader().getLiveDocs();
      NumericDocValues clusters = DocValues.getNumeric(ctx.reader(), IndexSchema.CLUSTER);
      SortedDocValues units = DocValues.getSorted(ctx.reader(), IndexSchema.UNIT);
      SortedDocValues sources = DocValues.getSorted(ctx.reader(), IndexSchema.ARTICLE_SOURCE);
      DocIdSetIterator it = s.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc) || !clusters.advanceExact(doc) || !units.advanceExact(doc)) {
          continue;
        }
        String key = units.lookupOrd(units.ordValue()).utf8ToString();
        String article = key.substring(0, key.indexOf('/'));
        Group g = groups.computeIfAbsent(clusters.longValue(), k -> new Group());
        g.articles.add(article);
        g.sources.add(sources.advanceExact(doc) ? sources.lookupOrd(sources.ordValue()).utf8ToString() : article);
        g.keys.add(key);
      }
    }
    List<Group> kept = new ArrayList<>();
    for (Group g : groups.values()) {
      if (g.articles.size() >= 2 && g.sources.size() >= minSources) {
        g.keys.sort(KEY_ORDER);
        kept.add(g);
      }
    }
    kept.sort(Comparator.comparingInt((Group g) -> -g.articles.size()));
    List<List<String>> shown = new ArrayList<>();
    if (limit > 0 && !kept.isEmpty()) {
      // Ties are broken by the first member's text: read only for the clusters that can be shown.
      int cut = kept.get(Math.min(limit, kept.size()) - 1).articles.size();
      List<Group> candidates = new ArrayList<>();
      for (Group g : kept) {
        if (g.articles.size() < cut) {
          break;
        }
        g.firstText = text(searcher, g.keys.get(0));
        candidates.add(g);
      }
      candidates.sort(Comparator.comparingInt((Group g) -> -g.articles.size()).thenComparing(g -> g.firstText));
      for (Group g : candidates.subList(0, Math.min(limit, candidates.size()))) {
        shown.add(List.copyOf(g.keys));
      }
    }
    return new Grouped(kept.size(), shown);
  }

  /**
   * The live document of each statement of {@code keys} that the index holds, found in one pass
   * (a term query per key seeks every segment's terms, which for the thousands of members of a
   * report's clusters was much of their cost).
   */
  static Map<String, Integer> docs(IndexSearcher searcher, java.util.Collection<String> keys) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    Query q = new org.apache.lucene.search.TermInSetQuery(IndexSchema.UNIT, keys.stream().distinct().map(BytesRef::new).toList());
    dev.corpus.index.LiveMatches.forEach(searcher, q, new dev.corpus.index.LiveMatches.Visitor() {
      int base;
      SortedDocValues units;

      @Override
      public void segment(LeafReaderContext leaf) throws IOException {
        base = leaf.docBase;
        units = DocValues.getSorted(leaf.reader(), IndexSchema.UNIT);
      }

      @Override
      public void match(int doc) throws IOException {
        if (units.advanceExact(doc)) {
          out.put(units.lookupOrd(units.ordValue()).utf8ToString(), base + doc);
        }
      }
    });
    return out;
  }

  /** The embedding of the statement in document {@code doc} (see {@link #docs}), or null when there is none. */
  static float[] vector(IndexSearcher searcher, Integer doc) throws IOException {
    if (doc == null) {
      return null;
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext ctx = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    org.apache.lucene.index.FloatVectorValues values = ctx.reader().getFloatVectorValues(IndexSchema.VECTOR);
    if (values == null) {
      return null;
    }
    var it = values.iterator();
    int local = doc - ctx.docBase;
    return it.advance(local) == local ? values.vectorValue(it.index()).clone() : null;
  }

  /** The text of statement {@code key}: a claim's content or an own statement's sentence. */
  private static String text(IndexSearcher searcher, String key) throws IOException {
    TopDocs hit = searcher.search(new TermQuery(new Term(IndexSchema.UNIT, key)), 1);
    if (hit.scoreDocs.length == 0) {
      return "";
    }
    var d = searcher.storedFields().document(hit.scoreDocs[0].doc, Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE));
    BytesRef json = d.getBinaryValue(IndexSchema.ANNOTATION);
    if (json != null) {
      return JSON.readTree(json.bytes, json.offset, json.length).path("content").asText("");
    }
    String s = d.get(IndexSchema.SENTENCE);
    return s == null ? "" : s;
  }
}
