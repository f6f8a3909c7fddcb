package dev.corpus.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Keeps the clusters of {@code claims --clusters} at index time: statements of different
 * articles that say the same thing ({@link StatementConcepts}), grouped single-link.
 *
 * <p>Each statement (a claim or an article's own sentence, {@link IndexSchema#UNIT}) carries its
 * concepts as terms. Before each commit, every statement the run added that may join a cluster
 * ({@link IndexSchema#JOINS}) looks up its neighbours through the index: a query for its concepts
 * that are not too common ({@link StatementConcepts#maxPostings}), at least {@link
 * StatementConcepts#MIN_SHARED} of them, over every statement of the index, the commit's new ones
 * included; a neighbour of another article whose IDF-weighted Jaccard similarity reaches {@link
 * StatementConcepts#THRESHOLD}, with the document frequencies of the index at that commit, is
 * linked. Linked statements and the clusters they were in become one cluster: the largest
 * cluster keeps its id (the smaller id on a tie), a new group takes the next id, and each
 * statement whose cluster changed gets its {@link IndexSchema#CLUSTER} doc value updated. Each
 * cluster is one {@link IndexSchema#KIND_CLUSTER} document: its members and, for sorting and
 * filtering without reading them, its article and source counts.
 *
 * <p>A file replaced or deleted takes its statements out of their clusters; what remains of each
 * such cluster is linked again among itself (all pairs, with the statistics of the commit) and
 * may split. So is a cluster one of whose concepts the commit made too common to link on its own
 * (past {@link StatementConcepts#maxPostings}): a link it made while rare would not be made now.
 * Other changes of the document frequencies (the weights of the similarity) do not revisit links
 * made: the clusters can still depend a little on the order statements arrived in (see {@code
 * docs/claims.md}). Statements are processed in key order within a commit, so that a run gives
 * the same clusters whatever order its workers finished in.
 */
final class ClaimClusterPass implements CorpusPass {

  /**
   * A member of a cluster, as its cluster document stores it.
   *
   * @param key the statement's {@link IndexSchema#UNIT}
   * @param kind the claim kind in lower case, null for an article's own statement
   * @param concepts its concepts, space-separated
   */
  record Member(String key, String file, String article, String source, String kind, String text, String concepts) {

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
  /** Statements added since the last commit, and how many of them hold each concept. */
  private final java.util.concurrent.atomic.AtomicLong addedUnits = new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, Integer> addedConcepts = new ConcurrentHashMap<>();
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
    /** Statements written (joining or not) and, per concept, how many of them hold it. */
    int units;
    final Map<String, Integer> concepts = new HashMap<>();

    Change(String path, boolean replaces) {
      this.path = path;
      this.replaces = replaces;
    }

    @Override
    public void added(Document doc) {
      String kind = doc.get(IndexSchema.KIND);
      boolean claim = IndexSchema.KIND_CLAIM.equals(kind);
      if (!claim && !IndexSchema.KIND_STATEMENT.equals(kind)) {
        return;
      }
      units++;
      for (IndexableField f : doc.getFields(IndexSchema.CONCEPT)) {
        concepts.merge(f.stringValue(), 1, Integer::sum);
      }
      if (doc.getField(IndexSchema.JOINS) == null) {
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
          claim ? sortedValue(doc, IndexSchema.CLAIM_KIND) : null, text, sortedOrBinary(doc, IndexSchema.CONCEPTS)));
    }

    private static String sortedValue(Document doc, String field) {
      for (IndexableField f : doc.getFields(field)) {
        if (f instanceof SortedDocValuesField) {
          return f.binaryValue().utf8ToString();
        }
      }
      return null;
    }

    private static String sortedOrBinary(Document doc, String field) {
      IndexableField f = doc.getField(field);
      return f == null ? "" : f.binaryValue().utf8ToString();
    }
  }

  @Override
  public void apply(FileChange change) {
    Change c = (Change) change;
    if (c.replaces) {
      gone.add(c.path);
    }
    added.addAll(c.members);
    addedUnits.addAndGet(c.units);
    c.concepts.forEach((concept, n) -> addedConcepts.merge(concept, n, Integer::sum));
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
    long units = addedUnits.getAndSet(0);
    Map<String, Integer> batch = new HashMap<>(addedConcepts);
    addedConcepts.clear();
    DirectoryReader reader = DirectoryReader.open(writer);
    try {
      if (nextId < 0) {
        byte[] max = PointValues.getMaxPackedValue(reader, IndexSchema.CLUSTER_ID);
        nextId = max == null ? 0 : LongPoint.decodeDimension(max, 0) + 1;
      }
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null); // see Indexer.uncached
      searcher.setQueryCache(null);
      Stats stats = new Stats(searcher);
      TreeSet<Long> revisit = new TreeSet<>(clustersOfFiles(searcher, deleted));
      revisit.addAll(clustersOfCommonConcepts(reader, stats, batch, units));
      if (!revisit.isEmpty()) {
        split(searcher, writer, revisit, deleted, stats);
        DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
        if (changed != null) {
          reader.close();
          reader = changed;
        }
      }
      link(reader, writer, fresh);
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

  /**
   * The clusters whose links may rest on a concept that this commit's statements made too common
   * to link on its own ({@link StatementConcepts#maxPostings}): such a link would not be made now,
   * and the all-pairs grouping would not make it. Each concept crosses that line once as the
   * corpus grows, so a cluster is looked at again only when one of its words does.
   */
  private static Set<Long> clustersOfCommonConcepts(DirectoryReader reader, Stats stats, Map<String, Integer> batch, long units)
      throws IOException {
    int maxBefore = StatementConcepts.maxPostings(Math.max(0, stats.n - units));
    Set<String> crossed = new TreeSet<>();
    batch.forEach((concept, added) -> {
      int df = stats.df(concept);
      if (df > stats.maxPostings && df - added <= maxBefore && df - added >= 2) {
        crossed.add(concept); // rare enough to link before this commit (in two statements or more), no longer
      }
    });
    if (crossed.isEmpty()) {
      return Set.of();
    }
    TreeSet<Integer> docs = new TreeSet<>();
    postings(reader, crossed).values().forEach(docs::addAll);
    Set<Long> out = new HashSet<>();
    for (Neighbour n : neighbours(reader, docs).values()) {
      if (n.cluster() >= 0) {
        out.add(n.cluster());
      }
    }
    return out;
  }

  @Override
  public void close() {}

  /** Document frequencies and the number of statements of one reader. */
  private static final class Stats {
    final DirectoryReader reader;
    final long n;
    final int maxPostings;
    final Map<String, Integer> df = new HashMap<>();

    Stats(IndexSearcher searcher) throws IOException {
      this.reader = (DirectoryReader) searcher.getIndexReader();
      this.n = searcher.count(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLAIM)))
          + searcher.count(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_STATEMENT)));
      this.maxPostings = StatementConcepts.maxPostings(n);
    }

    int df(String concept) {
      return df.computeIfAbsent(concept, c -> {
        try {
          return reader.docFreq(new Term(IndexSchema.CONCEPT, c));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    boolean linked(Set<String> a, Set<String> b) {
      return StatementConcepts.similarity(a, b, this::df, n) >= StatementConcepts.THRESHOLD;
    }
  }

  private static Set<String> concepts(String joined) {
    return joined.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(joined.split(" ")));
  }

  /** What the pass reads of a statement document that shares concepts with a new one. */
  private record Neighbour(String key, Set<String> concepts, long cluster) {}

  /**
   * Links each new statement to its neighbours, merging the clusters they are in. The work goes
   * by commit, not by statement: the postings of every rare concept of the commit's statements
   * are read once (each holds at most {@link StatementConcepts#MAX_POSTINGS} statements, being
   * rare), the statements sharing enough of them with a new one counted in memory, and those
   * candidates' keys, concepts and clusters read from doc values in one ordered pass.
   */
  private void link(DirectoryReader reader, IndexWriter writer, List<Member> fresh) throws IOException {
    if (fresh.isEmpty()) {
      return;
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null); // see Indexer.uncached
    searcher.setQueryCache(null);
    Stats stats = new Stats(searcher);
    Map<String, Member> known = new HashMap<>();
    fresh.forEach(m -> known.put(m.key(), m));
    Map<String, Set<String>> conceptsOf = new HashMap<>();
    Map<String, List<String>> rareOf = new HashMap<>();
    TreeSet<String> wanted = new TreeSet<>();
    for (Member u : fresh) {
      Set<String> mine = concepts(u.concepts());
      List<String> rare = mine.stream().filter(c -> stats.df(c) <= stats.maxPostings).toList();
      if (rare.size() >= StatementConcepts.MIN_SHARED) {
        conceptsOf.put(u.key(), mine);
        rareOf.put(u.key(), rare);
        wanted.addAll(rare);
      }
    }
    Map<String, List<Integer>> postings = postings(reader, wanted);
    Map<String, List<Integer>> candidatesOf = new HashMap<>();
    TreeSet<Integer> candidates = new TreeSet<>();
    for (Member u : fresh) {
      List<String> rare = rareOf.get(u.key());
      if (rare == null) {
        continue;
      }
      Map<Integer, Integer> shared = new HashMap<>();
      for (String c : rare) {
        for (int doc : postings.getOrDefault(c, List.of())) {
          shared.merge(doc, 1, Integer::sum);
        }
      }
      List<Integer> mine = new ArrayList<>();
      shared.forEach((doc, n) -> {
        if (n >= StatementConcepts.MIN_SHARED) {
          mine.add(doc);
        }
      });
      mine.sort(null);
      candidatesOf.put(u.key(), mine);
      candidates.addAll(mine);
    }
    Map<Integer, Neighbour> neighbours = neighbours(reader, candidates);
    UnionFind groups = new UnionFind();
    for (Member u : fresh) {
      for (int doc : candidatesOf.getOrDefault(u.key(), List.of())) {
        Neighbour t = neighbours.get(doc);
        if (t == null || t.cluster() == IndexSchema.NOT_JOINING || t.key().startsWith(u.article() + "/")) {
          continue; // statements of one article never link
        }
        if (!stats.linked(conceptsOf.get(u.key()), t.concepts())) {
          continue;
        }
        groups.union(u.key(), t.key());
        if (t.cluster() != IndexSchema.NO_CLUSTER) {
          groups.union(t.key(), clusterNode(t.cluster()));
        } else if (!known.containsKey(t.key())) {
          known.put(t.key(), loadMember(searcher, doc, t));
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
   * statistics of this commit, leaving out the statements of {@code deleted} files: each stays one
   * cluster, splits, or dissolves. The largest part keeps the cluster's id.
   */
  private void split(IndexSearcher searcher, IndexWriter writer, TreeSet<Long> clusters, Set<String> deleted, Stats stats)
      throws IOException {
    // Cluster by cluster in id order, so that new ids come in the same order every run.
    for (long id : clusters) {
      List<Member> remaining = readCluster(searcher, id).stream().filter(m -> !deleted.contains(m.file())).toList();
      List<List<Member>> parts = connect(remaining, stats);
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

  /** The connected groups of {@code members} (links as in {@link #link}), largest first, each in member order. */
  private static List<List<Member>> connect(List<Member> members, Stats stats) {
    UnionFind groups = new UnionFind();
    List<Set<String>> sets = new ArrayList<>();
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Set<String> s = concepts(members.get(i).concepts());
      sets.add(s);
      groups.find(members.get(i).key());
      for (String c : s) {
        if (stats.df(c) <= stats.maxPostings) {
          postings.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
        }
      }
    }
    for (int i = 0; i < members.size(); i++) {
      Map<Integer, Integer> shared = new HashMap<>();
      for (String c : sets.get(i)) {
        for (int j : postings.getOrDefault(c, List.of())) {
          if (j > i) {
            shared.merge(j, 1, Integer::sum);
          }
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        Member a = members.get(i);
        Member b = members.get(e.getKey());
        if (e.getValue() >= StatementConcepts.MIN_SHARED && !a.article().equals(b.article()) && stats.linked(sets.get(i), sets.get(e.getKey()))) {
          groups.union(a.key(), b.key());
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

  /** The live statement documents (global ids, ascending) holding each of the {@code concepts}. */
  private static Map<String, List<Integer>> postings(DirectoryReader reader, Set<String> concepts) throws IOException {
    Map<String, List<Integer>> out = new HashMap<>();
    for (LeafReaderContext ctx : reader.leaves()) {
      Terms terms = ctx.reader().terms(IndexSchema.CONCEPT);
      if (terms == null) {
        continue;
      }
      Bits live = ctx.reader().getLiveDocs();
      TermsEnum te = terms.iterator();
      PostingsEnum pe = null;
      for (String c : concepts) { // in term order: each seek goes forward in the terms dictionary
        if (!te.seekExact(new BytesRef(c))) {
          continue;
        }
        pe = te.postings(pe, PostingsEnum.NONE);
        List<Integer> list = out.computeIfAbsent(c, k -> new ArrayList<>());
        for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
          if (live == null || live.get(doc)) {
            list.add(ctx.docBase + doc);
          }
        }
      }
    }
    return out;
  }

  /** Key, concepts and cluster of each of the {@code docs} (global ids), read in doc order. */
  private static Map<Integer, Neighbour> neighbours(DirectoryReader reader, TreeSet<Integer> docs) throws IOException {
    Map<Integer, Neighbour> out = new HashMap<>();
    List<LeafReaderContext> leaves = reader.leaves();
    for (LeafReaderContext ctx : leaves) {
      var inLeaf = docs.subSet(ctx.docBase, ctx.docBase + ctx.reader().maxDoc());
      if (inLeaf.isEmpty()) {
        continue;
      }
      SortedDocValues units = DocValues.getSorted(ctx.reader(), IndexSchema.UNIT);
      BinaryDocValues conceptsDv = DocValues.getBinary(ctx.reader(), IndexSchema.CONCEPTS);
      NumericDocValues clusters = DocValues.getNumeric(ctx.reader(), IndexSchema.CLUSTER);
      for (int global : inLeaf) {
        int doc = global - ctx.docBase;
        if (!units.advanceExact(doc)) {
          continue;
        }
        String key = units.lookupOrd(units.ordValue()).utf8ToString();
        Set<String> theirs = conceptsDv.advanceExact(doc) ? concepts(conceptsDv.binaryValue().utf8ToString()) : Set.of();
        long cluster = clusters.advanceExact(doc) ? clusters.longValue() : IndexSchema.NO_CLUSTER;
        out.put(global, new Neighbour(key, theirs, cluster));
      }
    }
    return out;
  }

  /** The member that statement document {@code doc} (a global id) is, for a statement in no cluster yet. */
  private static Member loadMember(IndexSearcher searcher, int doc, Neighbour t) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - ctx.docBase;
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
    return new Member(key, file, article, sorted(ctx, IndexSchema.ARTICLE_SOURCE, local), kind, text, String.join(" ", new TreeSet<>(t.concepts())));
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
