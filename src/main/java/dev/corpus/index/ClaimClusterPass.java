package dev.corpus.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Keeps the clusters of {@code claims --clusters} at index time: statements of different
 * articles that say the same thing about the same event, grouped single-link.
 *
 * <p>Each statement (a claim or an article's own sentence, {@link IndexSchema#UNIT}) carries its
 * embedding ({@link IndexSchema#VECTOR}) and the evidence of what it speaks of ({@link
 * StatementEvidence}). Before each commit, every statement the run added that may join a cluster
 * ({@link IndexSchema#JOINS}) looks up its {@link #NEIGHBOURS} nearest statements by meaning
 * through the index's HNSW graph ({@link KnnFloatVectorQuery}, filtered to joining statements of
 * other articles, the commit's new ones included), and links each one {@link StatementLinks}
 * accepts. Linked statements and the clusters they were in become one cluster: the largest cluster
 * keeps its id (the smaller id on a tie), a new group takes the next id, and each statement whose
 * cluster changed gets its {@link IndexSchema#CLUSTER} doc value updated. Each cluster is one
 * {@link IndexSchema#KIND_CLUSTER} document: its members and, for sorting and filtering without
 * reading them, its article and source counts.
 *
 * <p>Page furniture never links: a statement whose words ({@link IndexSchema#TEXT_HASH}) appear in
 * another article of the same outlet. When a commit makes a statement furniture (its second copy
 * arrives), the cluster it was in is linked again without it.
 *
 * <p>A file replaced or deleted takes its statements out of their clusters; what remains of each
 * such cluster is linked again among itself (all pairs, with the statistics of the commit) and
 * may split. Changes of the names' document frequencies (which names count as specific evidence)
 * do not revisit links made: the clusters can still depend a little on the order statements
 * arrived in (see {@code docs/claims.md}). Statements are processed in key order within a commit,
 * so that a run gives the same clusters whatever order its workers finished in.
 */
final class ClaimClusterPass implements CorpusPass {

  /** Neighbours by meaning each new statement looks at. */
  static final int NEIGHBOURS = 12;

  /**
   * A member of a cluster, as its cluster document stores it.
   *
   * @param key the statement's {@link IndexSchema#UNIT}
   * @param kind the claim kind in lower case, null for an article's own statement
   */
  record Member(String key, String file, String article, String source, String kind, String text) {

    int ordinal() {
      return Integer.parseInt(key.substring(key.indexOf('/') + 1));
    }

    /** In the default view of {@code claims --clusters}: own statements, statements and positions. */
    boolean inDefaultView() {
      return kind == null || kind.equals("statement") || kind.equals("position");
    }
  }

  /** Members in article order (the ids' hex digits), then text order. */
  static final Comparator<Member> ORDER = Comparator.comparing(Member::article).thenComparingInt(Member::ordinal);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Member>> MEMBER_LIST = new TypeReference<>() {};
  /** The first member's text kept for sorting clusters: enough to break ties between clusters. */
  private static final int FIRST_CHARS = 200;

  private final Queue<Member> added = new ConcurrentLinkedQueue<>();
  private final Set<String> gone = ConcurrentHashMap.newKeySet();
  private long nextId = -1;

  @Override
  public void open(DirectoryReader lastCommit) {}

  @Override
  public FileChange begin(String path, boolean replaces) {
    return new Change(path, replaces);
  }

  /** The joining statements of one file, read from its documents as they are written. */
  private static final class Change implements FileChange {
    final String path;
    final boolean replaces;
    final List<Member> members = new ArrayList<>();

    Change(String path, boolean replaces) {
      this.path = path;
      this.replaces = replaces;
    }

    @Override
    public void added(Document doc) {
      String kind = doc.get(IndexSchema.KIND);
      boolean claim = IndexSchema.KIND_CLAIM.equals(kind);
      if (!claim && !IndexSchema.KIND_STATEMENT.equals(kind) || doc.getField(IndexSchema.JOINS) == null
          || doc.getField(IndexSchema.VECTOR) == null) {
        return;
      }
      String key = doc.get(IndexSchema.UNIT);
      String text;
      if (claim) {
        BytesRef json = doc.getBinaryValue(IndexSchema.ANNOTATION);
        try {
          JsonNode node = JSON.readTree(json.bytes, json.offset, json.length);
          text = node.path("content").asText("");
        } catch (IOException e) {
          throw new UncheckedIOException("a claim document holds no claim", e);
        }
      } else {
        text = doc.get(IndexSchema.SENTENCE);
      }
      members.add(new Member(key, path, key.substring(0, key.indexOf('/')), sortedValue(doc, IndexSchema.ARTICLE_SOURCE),
          claim ? sortedValue(doc, IndexSchema.CLAIM_KIND) : null, text));
    }

    private static String sortedValue(Document doc, String field) {
      for (IndexableField f : doc.getFields(field)) {
        if (f instanceof SortedDocValuesField) {
          return f.binaryValue().utf8ToString();
        }
      }
      return null;
    }
  }

  @Override
  public void apply(FileChange change) {
    Change c = (Change) change;
    if (c.replaces) {
      gone.add(c.path);
    }
    added.addAll(c.members);
  }

  @Override
  public void removed(String path) {
    gone.add(path);
  }

  @Override
  public void beforeCommit(IndexWriter writer) throws IOException {
    if (added.isEmpty() && gone.isEmpty()) {
      return;
    }
    List<Member> fresh = new ArrayList<>();
    for (Member m; (m = added.poll()) != null; ) {
      fresh.add(m);
    }
    fresh.sort(ORDER);
    Set<String> deleted = new TreeSet<>(gone);
    gone.clear();
    DirectoryReader reader = DirectoryReader.open(writer);
    try {
      if (nextId < 0) {
        byte[] max = PointValues.getMaxPackedValue(reader, IndexSchema.CLUSTER_ID);
        nextId = max == null ? 0 : LongPoint.decodeDimension(max, 0) + 1;
      }
      Statements statements = new Statements(reader);
      TreeSet<Long> revisit = new TreeSet<>(clustersOfFiles(statements.searcher, deleted));
      // A statement whose second copy in its outlet arrives now is furniture: its cluster is linked again without it.
      for (Member m : fresh) {
        Statement s = statements.byKey(m.key());
        if (s != null && statements.furniture(s)) {
          for (Statement other : statements.sameWords(s)) {
            if (other.cluster() >= 0) {
              revisit.add(other.cluster());
            }
          }
        }
      }
      if (!revisit.isEmpty()) {
        split(statements, writer, revisit, deleted);
        DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
        if (changed != null) {
          reader.close();
          reader = changed;
        }
      }
      link(new Statements(reader), writer, fresh);
    } finally {
      reader.close();
    }
  }

  /** The clusters with a member in one of the {@code files}. */
  private static Set<Long> clustersOfFiles(IndexSearcher searcher, Set<String> files) throws IOException {
    if (files.isEmpty()) {
      return Set.of();
    }
    Query touched = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLUSTER)), BooleanClause.Occur.FILTER)
        .add(new TermInSetQuery(IndexSchema.MEMBER_FILE, files.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
        .build();
    Set<Long> out = new HashSet<>();
    for (var sd : searcher.search(touched, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
      out.add(Long.parseLong(searcher.storedFields().document(sd.doc, Set.of(IndexSchema.CLUSTER_ID)).get(IndexSchema.CLUSTER_ID)));
    }
    return out;
  }

  @Override
  public void close() {}

  /**
   * A statement document as the pass reads it: key, global doc id, its cluster, outlet, article
   * and text hash, its embedding and what {@link StatementLinks} decides on.
   */
  record Statement(String key, int doc, long cluster, String source, long article, String hash, float[] vector,
      StatementLinks.Unit unit) {}

  /**
   * The statements of one reader, read from doc values, with the number of statements and the
   * names' document frequencies, and which statements are page furniture. Public to the tools that
   * measure the links ({@code ClaimPairs}, test sources) through {@link #open}.
   */
  static final class Statements {
    final DirectoryReader reader;
    final IndexSearcher searcher;
    final long n;
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<String, Boolean> furniture = new HashMap<>();

    Statements(DirectoryReader reader) throws IOException {
      this.reader = reader;
      this.searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null); // see Indexer.uncached
      this.n = searcher.count(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLAIM)))
          + searcher.count(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_STATEMENT)));
    }

    int df(String name) {
      return df.computeIfAbsent(name, k -> {
        try {
          return reader.docFreq(new Term(IndexSchema.STATEMENT_NAME, k));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    StatementLinks.Decision decide(Statement a, Statement b) {
      return StatementLinks.decide(StatementLinks.similarity(a.vector(), b.vector()), a.unit(), b.unit(), this::df, n);
    }

    /** The statement with {@code key}, or null. */
    Statement byKey(String key) throws IOException {
      TopDocs hit = searcher.search(new TermQuery(new Term(IndexSchema.UNIT, key)), 1);
      return hit.scoreDocs.length == 0 ? null : load(hit.scoreDocs[0].doc);
    }

    /** The statement document {@code doc} (a global id). */
    Statement load(int doc) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
      LeafReader leaf = ctx.reader();
      int local = doc - ctx.docBase;
      String key = sorted(leaf, IndexSchema.UNIT, local);
      NumericDocValues clusters = DocValues.getNumeric(leaf, IndexSchema.CLUSTER);
      long cluster = clusters.advanceExact(local) ? clusters.longValue() : IndexSchema.NO_CLUSTER;
      NumericDocValues articles = DocValues.getNumeric(leaf, IndexSchema.ARTICLE);
      long article = articles.advanceExact(local) ? articles.longValue() : 0;
      NumericDocValues days = DocValues.getNumeric(leaf, IndexSchema.ARTICLE_DAY);
      long day = days.advanceExact(local) ? days.longValue() : IndexSchema.NO_DAY;
      float[] vector = null;
      FloatVectorValues vectors = leaf.getFloatVectorValues(IndexSchema.VECTOR);
      if (vectors != null) {
        KnnVectorValues.DocIndexIterator it = vectors.iterator();
        if (it.advance(local) == local) {
          vector = vectors.vectorValue(it.index()).clone();
        }
      }
      List<long[]> dated = new ArrayList<>();
      for (String d : sortedSet(leaf, IndexSchema.STATEMENT_DAY, local)) {
        dated.add(StatementLinks.dayRange(d));
      }
      boolean own = sorted(leaf, IndexSchema.CLAIM_KIND, local) == null;
      NumericDocValues ofYear = DocValues.getNumeric(leaf, IndexSchema.ARTICLE_DAY_OF_YEAR);
      int dayOfYear = ofYear.advanceExact(local) ? (int) ofYear.longValue() : 0;
      StatementLinks.Unit unit = new StatementLinks.Unit(day, dayOfYear, own, sortedSet(leaf, IndexSchema.STATEMENT_NAME, local),
          sortedSet(leaf, IndexSchema.ARTICLE_NAME, local), sortedSet(leaf, IndexSchema.STATEMENT_SPEAKER, local), dated,
          DocValues.getNumeric(leaf, IndexSchema.OF_ITSELF).advanceExact(local));
      return new Statement(key, doc, cluster, sorted(leaf, IndexSchema.ARTICLE_SOURCE, local), article,
          sorted(leaf, IndexSchema.TEXT_HASH, local), vector, unit);
    }

    /** The other statements with the words of {@code s}. */
    List<Statement> sameWords(Statement s) throws IOException {
      List<Statement> out = new ArrayList<>();
      if (s.hash() == null) {
        return out;
      }
      for (var sd : searcher.search(new TermQuery(new Term(IndexSchema.TEXT_HASH, s.hash())), 1000).scoreDocs) {
        if (sd.doc != s.doc()) {
          out.add(load(sd.doc));
        }
      }
      return out;
    }

    /** Whether the words of {@code s} are in another article of its outlet: page furniture, or a copy. */
    boolean furniture(Statement s) throws IOException {
      if (s.source() == null || s.hash() == null) {
        return false;
      }
      String k = s.hash() + " " + s.source();
      Boolean known = furniture.get(k);
      if (known == null) {
        known = false;
        for (Statement other : sameWords(s)) {
          known |= other.article() != s.article() && s.source().equals(other.source());
        }
        furniture.put(k, known);
      }
      return known;
    }

    /** The nearest statements by meaning of {@code s} that may join a cluster, in other articles. */
    List<Statement> neighbours(Statement s) throws IOException {
      if (s.vector() == null) {
        return List.of();
      }
      Query filter = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.JOINS, "1")), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, s.article()), BooleanClause.Occur.MUST_NOT)
          .build();
      List<Statement> out = new ArrayList<>();
      for (var sd : searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, s.vector(), NEIGHBOURS, filter), NEIGHBOURS).scoreDocs) {
        out.add(load(sd.doc));
      }
      return out;
    }

    private static String sorted(LeafReader leaf, String field, int doc) throws IOException {
      SortedDocValues dv = DocValues.getSorted(leaf, field);
      return dv.advanceExact(doc) ? dv.lookupOrd(dv.ordValue()).utf8ToString() : null;
    }

    private static Set<String> sortedSet(LeafReader leaf, String field, int doc) throws IOException {
      SortedSetDocValues dv = DocValues.getSortedSet(leaf, field);
      if (!dv.advanceExact(doc)) {
        return Set.of();
      }
      Set<String> out = new TreeSet<>();
      for (int i = 0; i < dv.docValueCount(); i++) {
        out.add(dv.lookupOrd(dv.nextOrd()).utf8ToString());
      }
      return out;
    }
  }

  /**
   * Links each new statement to the neighbours {@link StatementLinks} accepts, merging the
   * clusters they are in.
   */
  private void link(Statements statements, IndexWriter writer, List<Member> fresh) throws IOException {
    if (fresh.isEmpty()) {
      return;
    }
    IndexSearcher searcher = statements.searcher;
    Map<String, Member> known = new HashMap<>();
    fresh.forEach(m -> known.put(m.key(), m));
    UnionFind groups = new UnionFind();
    for (Member m : fresh) {
      Statement u = statements.byKey(m.key());
      if (u == null || statements.furniture(u)) {
        continue;
      }
      for (Statement t : statements.neighbours(u)) {
        if (t.cluster() == IndexSchema.NOT_JOINING || t.article() == u.article() || statements.furniture(t)
            || !statements.decide(u, t).linked()) {
          continue;
        }
        groups.union(u.key(), t.key());
        if (t.cluster() != IndexSchema.NO_CLUSTER) {
          groups.union(t.key(), clusterNode(t.cluster()));
        } else if (!known.containsKey(t.key())) {
          known.put(t.key(), loadMember(searcher, t));
        }
      }
    }
    // Each group of linked statements and clusters becomes one cluster.
    for (List<String> nodes : groups.components()) {
      List<Long> ids = new ArrayList<>();
      Map<String, Member> members = new TreeMap<>();
      for (String node : nodes) {
        if (node.startsWith("#")) {
          ids.add(Long.parseLong(node.substring(1)));
        } else {
          members.put(node, known.get(node));
        }
      }
      Map<Long, List<Member>> old = new HashMap<>();
      for (long id : ids) {
        old.put(id, readCluster(searcher, id));
      }
      long survivor;
      if (ids.isEmpty()) {
        survivor = nextId++;
      } else {
        survivor = ids.stream().min(Comparator.comparingInt((Long id) -> -old.get(id).size()).thenComparingLong(id -> id)).orElseThrow();
      }
      Set<String> unchanged = new HashSet<>();
      for (Map.Entry<Long, List<Member>> e : old.entrySet()) {
        for (Member m : e.getValue()) {
          members.put(m.key(), m);
          if (e.getKey() == survivor) {
            unchanged.add(m.key());
          }
        }
        if (e.getKey() != survivor) {
          writer.deleteDocuments(new Term(IndexSchema.CLUSTER_ID, Long.toString(e.getKey())));
        }
      }
      // A statement found in a cluster is among that cluster's stored members, not among the known.
      members.values().removeIf(java.util.Objects::isNull);
      List<Member> all = new ArrayList<>(members.values());
      all.sort(ORDER);
      writer.updateDocument(new Term(IndexSchema.CLUSTER_ID, Long.toString(survivor)), clusterDocument(survivor, all));
      for (Member m : all) {
        if (!unchanged.contains(m.key())) {
          writer.updateNumericDocValue(new Term(IndexSchema.UNIT, m.key()), IndexSchema.CLUSTER, survivor);
        }
      }
    }
  }

  /**
   * Links the members of each of the {@code clusters} again among themselves, with the
   * statistics of this commit, leaving out the statements of {@code deleted} files and page
   * furniture: each stays one cluster, splits, or dissolves. The largest part keeps the id.
   */
  private void split(Statements statements, IndexWriter writer, TreeSet<Long> clusters, Set<String> deleted) throws IOException {
    // Cluster by cluster in id order, so that new ids come in the same order every run.
    for (long id : clusters) {
      List<Member> remaining = new ArrayList<>();
      List<Statement> loaded = new ArrayList<>();
      for (Member m : readCluster(statements.searcher, id)) {
        if (deleted.contains(m.file())) {
          continue;
        }
        Statement s = statements.byKey(m.key());
        if (s == null) {
          continue;
        }
        if (statements.furniture(s)) {
          writer.updateNumericDocValue(new Term(IndexSchema.UNIT, m.key()), IndexSchema.CLUSTER, IndexSchema.NO_CLUSTER);
          continue;
        }
        remaining.add(m);
        loaded.add(s);
      }
      List<List<Member>> parts = connect(remaining, loaded, statements);
      writer.deleteDocuments(new Term(IndexSchema.CLUSTER_ID, Long.toString(id)));
      boolean first = true;
      for (List<Member> part : parts) {
        if (part.size() < 2) {
          writer.updateNumericDocValue(new Term(IndexSchema.UNIT, part.get(0).key()), IndexSchema.CLUSTER, IndexSchema.NO_CLUSTER);
          continue;
        }
        // The largest part keeps the id and its members their doc values.
        long partId = first ? id : nextId++;
        writer.updateDocument(new Term(IndexSchema.CLUSTER_ID, Long.toString(partId)), clusterDocument(partId, part));
        if (!first) {
          for (Member m : part) {
            writer.updateNumericDocValue(new Term(IndexSchema.UNIT, m.key()), IndexSchema.CLUSTER, partId);
          }
        }
        first = false;
      }
    }
  }

  /** The connected groups of {@code members} (links as in {@link #link}, all pairs), largest first, each in member order. */
  private static List<List<Member>> connect(List<Member> members, List<Statement> loaded, Statements statements) {
    UnionFind groups = new UnionFind();
    for (int i = 0; i < members.size(); i++) {
      groups.find(members.get(i).key());
    }
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        Statement a = loaded.get(i);
        Statement b = loaded.get(j);
        if (a.article() != b.article() && a.vector() != null && b.vector() != null && statements.decide(a, b).linked()) {
          groups.union(members.get(i).key(), members.get(j).key());
        }
      }
    }
    Map<String, Member> byKey = new HashMap<>();
    members.forEach(m -> byKey.put(m.key(), m));
    List<List<Member>> out = new ArrayList<>();
    for (List<String> keys : groups.components()) {
      List<Member> part = new ArrayList<>(keys.stream().map(byKey::get).toList());
      part.sort(ORDER);
      out.add(part);
    }
    out.sort(Comparator.comparingInt((List<Member> p) -> -p.size()).thenComparing(p -> p.get(0), ORDER));
    return out;
  }

  private static String clusterNode(long id) {
    return "#" + id;
  }

  /** The member that statement {@code t} is, for a statement in no cluster yet. */
  private static Member loadMember(IndexSearcher searcher, Statement t) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(t.doc(), leaves));
    int local = t.doc() - ctx.docBase;
    Document d = ctx.reader().storedFields().document(local, Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE));
    String kind = sorted(ctx, IndexSchema.CLAIM_KIND, local);
    String text;
    BytesRef json = d.getBinaryValue(IndexSchema.ANNOTATION);
    if (json != null && kind != null) {
      text = JSON.readTree(json.bytes, json.offset, json.length).path("content").asText("");
    } else {
      text = d.get(IndexSchema.SENTENCE);
    }
    String key = t.key();
    String article = key.substring(0, key.indexOf('/'));
    TopDocs parent = searcher.search(IndexSchema.idQuery(article), 1);
    String file = parent.scoreDocs.length == 0 ? null
        : searcher.storedFields().document(parent.scoreDocs[0].doc, Set.of(IndexSchema.FILE)).get(IndexSchema.FILE);
    return new Member(key, file, article, t.source(), kind, text);
  }

  private static String sorted(LeafReaderContext ctx, String field, int doc) throws IOException {
    SortedDocValues dv = DocValues.getSorted(ctx.reader(), field);
    return dv.advanceExact(doc) ? dv.lookupOrd(dv.ordValue()).utf8ToString() : null;
  }

  private static List<Member> readCluster(IndexSearcher searcher, long id) throws IOException {
    TopDocs hit = searcher.search(new TermQuery(new Term(IndexSchema.CLUSTER_ID, Long.toString(id))), 1);
    if (hit.scoreDocs.length == 0) {
      return List.of();
    }
    return members(searcher.storedFields().document(hit.scoreDocs[0].doc, Set.of(IndexSchema.MEMBERS)));
  }

  /** The members stored in a cluster document. */
  static List<Member> members(Document cluster) {
    BytesRef bytes = cluster.getBinaryValue(IndexSchema.MEMBERS);
    try {
      return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, MEMBER_LIST);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt cluster members", e);
    }
  }

  /** The document of a cluster with its {@code members} in {@link #ORDER}. */
  static Document clusterDocument(long id, List<Member> members) {
    Document d = new Document();
    d.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_CLUSTER, Field.Store.NO));
    d.add(new StringField(IndexSchema.CLUSTER_ID, Long.toString(id), Field.Store.YES));
    d.add(new LongPoint(IndexSchema.CLUSTER_ID, id));
    Set<String> files = new LinkedHashSet<>();
    for (Member m : members) {
      if (m.file() != null) {
        files.add(m.file());
      }
    }
    for (String f : files) {
      d.add(new StringField(IndexSchema.MEMBER_FILE, f, Field.Store.NO));
    }
    view(d, members.stream().filter(Member::inDefaultView).toList(), IndexSchema.ARTICLES_DEFAULT, IndexSchema.SOURCES_DEFAULT, IndexSchema.FIRST_DEFAULT);
    view(d, members, IndexSchema.ARTICLES_ALL, IndexSchema.SOURCES_ALL, IndexSchema.FIRST_ALL);
    try {
      d.add(new StoredField(IndexSchema.MEMBERS, JSON.writeValueAsBytes(members)));
    } catch (IOException e) {
      throw new UncheckedIOException("cluster members cannot be written as JSON", e);
    }
    return d;
  }

  private static void view(Document d, List<Member> members, String articlesField, String sourcesField, String firstField) {
    Set<String> articles = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (Member m : members) {
      articles.add(m.article());
      sources.add(m.source() == null ? m.article() : m.source());
    }
    d.add(new LongPoint(articlesField, articles.size()));
    d.add(new NumericDocValuesField(articlesField, articles.size()));
    d.add(new LongPoint(sourcesField, sources.size()));
    d.add(new NumericDocValuesField(sourcesField, sources.size()));
    String first = members.isEmpty() || members.get(0).text() == null ? "" : members.get(0).text();
    d.add(new SortedDocValuesField(firstField, new BytesRef(first.length() > FIRST_CHARS ? first.substring(0, FIRST_CHARS) : first)));
  }

  /** Union-find over node names, components in the order their first node was seen. */
  private static final class UnionFind {
    private final Map<String, String> parent = new java.util.LinkedHashMap<>();

    String find(String x) {
      String p = parent.putIfAbsent(x, x);
      if (p == null) {
        return x;
      }
      String root = x;
      while (!parent.get(root).equals(root)) {
        root = parent.get(root);
      }
      while (!x.equals(root)) {
        String next = parent.get(x);
        parent.put(x, root);
        x = next;
      }
      return root;
    }

    void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        parent.put(ra, rb);
      }
    }

    List<List<String>> components() {
      Map<String, List<String>> out = new java.util.LinkedHashMap<>();
      for (String x : new ArrayList<>(parent.keySet())) {
        out.computeIfAbsent(find(x), k -> new ArrayList<>()).add(x);
      }
      return new ArrayList<>(out.values());
    }
  }
}
