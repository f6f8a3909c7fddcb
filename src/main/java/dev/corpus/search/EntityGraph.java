package dev.corpus.search;

import dev.corpus.index.IndexSchema;
import dev.corpus.index.LiveMatches;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The co-occurrence network of a list of entities ({@code corpus entities --graph}): the entities
 * as nodes with their type and counts, and an edge between two of them for each article that
 * names both, weighted by how many do, with those articles' ids. Built from the articles each
 * entity's labels index ({@link EntityCatalog#articlesOf}) as bit sets, so an edge costs one
 * intersection, not a scan of the corpus.
 */
public final class EntityGraph {

  /** Version of the JSON shape ({@code docs/json.md}). */
  public static final int VERSION = 1;

  /** An entity: its catalog id, name, type, and articles and mentions (among the articles asked about). */
  public record Node(String id, String name, String type, int documents, int mentions) {}

  /**
   * Two entities named in the same articles.
   *
   * @param weight how many articles name both
   * @param articles their ids, in id order
   */
  public record Edge(String source, String target, String sourceName, String targetName, int weight, List<String> articles) {}

  /** Nodes in the order of the entity list, edges by weight (then by the nodes' order). */
  public record Graph(int version, List<Node> nodes, List<Edge> edges) {}

  private EntityGraph() {}

  /**
   * The graph of {@code entities} (a page of {@code corpus entities}), counting only articles
   * that match {@code within} when it is not null.
   */
  static Graph of(IndexSearcher searcher, EntityCatalog catalog, List<EntityService.Summary> entities, Query within) throws IOException {
    int maxDoc = searcher.getIndexReader().maxDoc();
    FixedBitSet allowed = within == null ? null : bits(searcher, within, maxDoc);
    List<Node> nodes = new ArrayList<>(entities.size());
    List<FixedBitSet> articles = new ArrayList<>(entities.size());
    for (EntityService.Summary s : entities) {
      nodes.add(new Node(s.id(), s.name(), s.type(), s.documents(), s.mentions()));
      FixedBitSet set = catalog.byId(s.id()).map(e -> {
        try {
          return bits(searcher, EntityCatalog.articlesOf(e), maxDoc);
        } catch (IOException io) {
          throw new java.io.UncheckedIOException(io);
        }
      }).orElseGet(() -> new FixedBitSet(maxDoc));
      if (allowed != null) {
        set.and(allowed);
      }
      articles.add(set);
    }
    Map<Integer, String> ids = new HashMap<>();
    List<Edge> edges = new ArrayList<>();
    for (int a = 0; a < nodes.size(); a++) {
      for (int b = a + 1; b < nodes.size(); b++) {
        long shared = FixedBitSet.intersectionCount(articles.get(a), articles.get(b));
        if (shared == 0) {
          continue;
        }
        FixedBitSet both = articles.get(a).clone();
        both.and(articles.get(b));
        List<String> support = new ArrayList<>((int) shared);
        for (int doc = both.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = doc + 1 < maxDoc ? both.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
          String id = ids.get(doc);
          if (id == null) {
            id = searcher.storedFields().document(doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID);
            ids.put(doc, id);
          }
          support.add(id);
        }
        support.sort(null);
        Node x = nodes.get(a);
        Node y = nodes.get(b);
        edges.add(new Edge(x.id(), y.id(), x.name(), y.name(), (int) shared, List.copyOf(support)));
      }
    }
    // Heaviest first; ties keep the order of the list (the nodes are ranked already).
    List<Edge> sorted = new ArrayList<>(edges);
    sorted.sort(java.util.Comparator.comparingInt(Edge::weight).reversed());
    return new Graph(VERSION, List.copyOf(nodes), List.copyOf(sorted));
  }

  /** The article documents matching {@code query}, as a bit set over the whole index. */
  private static FixedBitSet bits(IndexSearcher searcher, Query query, int maxDoc) throws IOException {
    Query articles = new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.FILTER)
        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)),
            BooleanClause.Occur.FILTER)
        .build();
    FixedBitSet out = new FixedBitSet(maxDoc);
    LiveMatches.forEach(searcher, articles, new LiveMatches.Visitor() {
      int base;

      @Override
      public void segment(LeafReaderContext leaf) {
        base = leaf.docBase;
      }

      @Override
      public void match(int doc) {
        out.set(base + doc);
      }
    });
    return out;
  }
}
