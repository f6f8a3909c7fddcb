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
import org.apache.lucene.util.FixedBitSet;

/**
 * The co-occurrence network of a list of entities ({@code corpus entities --graph}): the entities
 * as nodes with their type and counts, and an edge between two of them for each article that
 * names both, weighted by how many do, with those articles' ids. Built from the articles each
 * entity's labels index ({@link EntityCatalog#articlesOf}) as sorted arrays, so an edge costs one
 * merge of two entities' articles, not a scan of the corpus.
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
   * that match {@code within} when it is not null; each edge lists at most {@code articlesPerEdge}
   * of its articles' ids (the first by document order, then sorted by id: all of them unless a
   * caller caps them, as a report of a large corpus does, where an edge may hold thousands).
   */
  static Graph of(IndexSearcher searcher, EntityCatalog catalog, List<EntityService.Summary> entities, Query within, int articlesPerEdge)
      throws IOException {
    List<EntityCatalog.Entity> read = new ArrayList<>(entities.size());
    for (EntityService.Summary s : entities) {
      read.add(catalog.byId(s.id()).orElse(null));
    }
    return of(searcher, entities, read, within, articlesPerEdge);
  }

  /**
   * {@link #of(IndexSearcher, EntityCatalog, List, Query, int)} with each summary's catalog
   * entity already read ({@code catalog.get(i)} is {@code entities.get(i)}'s, or null when the
   * catalog no longer has it).
   */
  static Graph of(IndexSearcher searcher, List<EntityService.Summary> entities, List<EntityCatalog.Entity> catalog, Query within,
      int articlesPerEdge) throws IOException {
    int maxDoc = searcher.getIndexReader().maxDoc();
    FixedBitSet allowed = null;
    if (within != null) {
      allowed = new FixedBitSet(maxDoc);
      for (int doc : docs(searcher, within)) {
        allowed.set(doc);
      }
    }
    List<Node> nodes = new ArrayList<>(entities.size());
    List<int[]> articles = new ArrayList<>(entities.size());
    for (int i = 0; i < entities.size(); i++) {
      EntityService.Summary s = entities.get(i);
      nodes.add(new Node(s.id(), s.name(), s.type(), s.documents(), s.mentions()));
      EntityCatalog.Entity e = catalog.get(i);
      int[] docs = e == null ? new int[0] : docs(searcher, EntityCatalog.articlesOf(e));
      if (allowed != null) {
        FixedBitSet only = allowed;
        docs = java.util.Arrays.stream(docs).filter(only::get).toArray();
      }
      articles.add(docs);
    }
    Map<Integer, String> ids = new HashMap<>();
    List<Edge> edges = new ArrayList<>();
    for (int a = 0; a < nodes.size(); a++) {
      for (int b = a + 1; b < nodes.size(); b++) {
        int[] both = shared(articles.get(a), articles.get(b));
        if (both.length == 0) {
          continue;
        }
        List<String> support = new ArrayList<>(Math.min(both.length, articlesPerEdge));
        for (int k = 0; k < both.length && k < articlesPerEdge; k++) {
          int doc = both[k];
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
        edges.add(new Edge(x.id(), y.id(), x.name(), y.name(), both.length, List.copyOf(support)));
      }
    }
    // Heaviest first; ties keep the order of the list (the nodes are ranked already).
    List<Edge> sorted = new ArrayList<>(edges);
    sorted.sort(java.util.Comparator.comparingInt(Edge::weight).reversed());
    return new Graph(VERSION, List.copyOf(nodes), List.copyOf(sorted));
  }

  /** The documents in both sorted arrays, in order. */
  private static int[] shared(int[] x, int[] y) {
    int[] out = new int[Math.min(x.length, y.length)];
    int n = 0;
    for (int i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] < y[j]) {
        i++;
      } else if (x[i] > y[j]) {
        j++;
      } else {
        out[n++] = x[i];
        i++;
        j++;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * The article documents matching {@code query}, in increasing order: an array as long as the
   * matches (an entity's articles), not a bit set as long as the index, so a graph of many
   * entities over a large index costs memory by what they are named in.
   */
  private static int[] docs(IndexSearcher searcher, Query query) throws IOException {
    Query articles = new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.FILTER)
        .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)),
            BooleanClause.Occur.FILTER)
        .build();
    org.apache.lucene.util.IntsRefBuilder out = new org.apache.lucene.util.IntsRefBuilder();
    LiveMatches.forEachDoc(searcher, articles, doc -> {
      out.append(doc);
    });
    return java.util.Arrays.copyOf(out.ints(), out.length());
  }
}
