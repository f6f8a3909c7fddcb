package dev.corpus.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.catalog.CatalogMerge;
import dev.corpus.catalog.CatalogName;
import dev.corpus.catalog.Corrections;
import dev.corpus.catalog.CorrectionsFile;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Keeps the entity catalog in the index ({@link IndexSchema#KIND_CATALOG} documents), up to date
 * as articles are added, replaced and deleted, with stable ids.
 *
 * <p>What it keeps is the table of the corpus's distinct names ({@link CatalogName}: label,
 * articles, mentions, aliases): an added article counts its entities up, a replaced or deleted
 * one counts the entities of its last-commit version down. At each commit that changed the table,
 * the catalog is merged again from the table ({@link CatalogMerge}, linear in the number of
 * distinct names, not in the articles) and only the entities whose content changed are
 * rewritten. Because the merge is a function of the table alone, an index built in any order,
 * in one run or many, has the same catalog as {@code corpus index --recatalog}, which rebuilds
 * the table from the entity annotations of the index.
 *
 * <p>Ids: a new entity's id is a hash of its first label, so an index built from scratch always
 * gives the same ids. An entity that already had an id keeps it; when entities merge, the merged
 * one keeps the id of the entity with most articles and records the others ({@link
 * IndexSchema#MERGED_FROM}), so an id once given still finds its entity.
 *
 * <p>User corrections ({@link CorrectionsFile}, kept beside the index) are applied to the merged
 * catalog before ids are given ({@link Corrections}), so a merge by hand keeps ids the way an
 * automatic one does. Each commit records which corrections its catalog applied ({@value
 * #CORRECTIONS_KEY} in the commit data); a run that finds the file changed since merges again even
 * when no article changed.
 */
public final class CatalogPass implements CorpusPass {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<CatalogName>> NAMES = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /** Commit data key: the {@link CorrectionsFile#hash} of the corrections the catalog applied. */
  public static final String CORRECTIONS_KEY = "corpus.corrections";

  private final NameRules rules;
  private final boolean recatalog;
  private final CorrectionsFile corrections;
  /** What each correction did at the last merge; empty until one. */
  private List<Corrections.Outcome> outcomes = List.of();
  private DirectoryReader lastCommit;
  private boolean loaded;
  /** Set when the table changed since the catalog was last written. */
  private boolean dirty;

  /** The table: label to counts. */
  private final Map<String, Counts> names = new HashMap<>();
  /** The catalog as last written: id to its content fingerprint, and each label's id. */
  private final Map<String, Long> written = new HashMap<>();
  private final Map<String, String> idOfLabel = new HashMap<>();
  private final Map<String, List<String>> mergedFrom = new HashMap<>();

  /** Counts of one label, changed in place. */
  private static final class Counts {
    int documents;
    int mentions;
    final Map<String, Integer> aliases = new TreeMap<>();
    final Map<String, Integer> context = new TreeMap<>();

    void add(int sign, int mentions, Iterable<String> aliases, Iterable<String> context) {
      documents += sign;
      this.mentions += sign * mentions;
      count(this.aliases, aliases, sign);
      count(this.context, context, sign);
    }

    private static void count(Map<String, Integer> counts, Iterable<String> keys, int sign) {
      for (String a : keys) {
        counts.merge(a, sign, Integer::sum);
        if (counts.get(a) <= 0) {
          counts.remove(a);
        }
      }
    }
  }

  /** One article entity, as a change counts it; {@code context} as {@link CatalogName#context} counts it. */
  private record Seen(String label, int mentions, List<String> aliases, List<String> context) {
    Seen(String label, int mentions, List<String> aliases) {
      this(label, mentions, aliases, List.of());
    }
  }

  /**
   * The entities of one article with the context of each person's full name: the keys of the
   * {@link CatalogName#CONTEXT_SIZE} other entities the article mentions most (ties: by label).
   */
  private List<Seen> withContext(List<Seen> article) {
    List<Seen> ranked = article.stream()
        .sorted(java.util.Comparator.comparingInt(Seen::mentions).reversed().thenComparing(Seen::label))
        .toList();
    List<Seen> out = new ArrayList<>(article.size());
    for (Seen s : article) {
      String type = CatalogName.typeOf(s.label());
      if (!type.equals(EntityType.PERSON) || rules.personWords(CatalogName.nameOf(s.label())).size() < 2) {
        out.add(s);
        continue;
      }
      Set<String> context = new TreeSet<>();
      for (Seen other : ranked) {
        if (context.size() >= CatalogName.CONTEXT_SIZE) {
          break;
        }
        if (other != s) {
          context.add(rules.key(CatalogName.nameOf(other.label())));
        }
      }
      out.add(new Seen(s.label(), s.mentions(), s.aliases(), List.copyOf(context)));
    }
    return out;
  }

  /**
   * @param recatalog rebuild the table from the index's entity annotations and give every entity
   *     a fresh id ({@code corpus index --recatalog})
   */
  public CatalogPass(NameRules rules, boolean recatalog) {
    this(rules, recatalog, CorrectionsFile.none(CorrectionsFile.NAME));
  }

  /**
   * @param recatalog see {@link #CatalogPass(NameRules, boolean)}
   * @param corrections the user's corrections, applied at every merge
   */
  public CatalogPass(NameRules rules, boolean recatalog, CorrectionsFile corrections) {
    this.rules = rules;
    this.recatalog = recatalog;
    this.corrections = corrections;
  }

  @Override
  public void open(DirectoryReader lastCommit) throws IOException {
    this.lastCommit = lastCommit;
    this.dirty = recatalog || !corrections.hash().equals(appliedCorrections(lastCommit));
  }

  /** The hash of the corrections the catalog of {@code commit} applied ("" for none, or no index). */
  public static String appliedCorrections(DirectoryReader commit) throws IOException {
    return commit == null ? "" : commit.getIndexCommit().getUserData().getOrDefault(CORRECTIONS_KEY, "");
  }

  @Override
  public Map<String, String> commitData() {
    // Every commit's catalog is merged with these corrections: beforeCommit merges when they changed.
    return Map.of(CORRECTIONS_KEY, corrections.hash());
  }

  /** What each correction did at the last merge of this run; empty when the run merged nothing. */
  public synchronized List<Corrections.Outcome> outcomes() {
    return outcomes;
  }

  @Override
  public synchronized List<String> warnings() {
    return outcomes.stream().filter(o -> !o.applied())
        .map(o -> corrections.where() + " line " + o.correction().line() + ": " + o.correction().kind() + " skipped: " + o.detail())
        .toList();
  }

  /** Reads the table lazily: a run that changes nothing (a no-op re-index) never pays for it. */
  private void load() throws IOException {
    if (loaded) {
      return;
    }
    if (lastCommit != null) {
      readTable();
    }
    loaded = true; // only once read whole: a failed read is not taken for an empty table
  }

  private void readTable() throws IOException {
    IndexSearcher searcher = new IndexSearcher(lastCommit);
    searcher.setQueryCache(null); // see Indexer.uncached
    StoredFields stored = searcher.storedFields();
    if (recatalog) {
      // From the annotations themselves; the old catalog documents go at the next commit.
      countByArticle(searcher, kind(IndexSchema.KIND_ENTITY), 1);
      for (int doc : docs(searcher, kind(IndexSchema.KIND_CATALOG))) {
        written.put(stored.document(doc, Set.of(IndexSchema.CATALOG_ID)).get(IndexSchema.CATALOG_ID), 0L);
      }
      return;
    }
    for (int doc : docs(searcher, kind(IndexSchema.KIND_CATALOG))) {
      Document d = stored.document(doc);
      String id = d.get(IndexSchema.CATALOG_ID);
      List<CatalogName> members = read(d.getBinaryValue(IndexSchema.CATALOG_NAMES), NAMES);
      int documents = 0;
      for (CatalogName n : members) {
        Counts c = names.computeIfAbsent(n.label(), k -> new Counts());
        c.documents += n.documents();
        c.mentions += n.mentions();
        n.aliases().forEach((a, k) -> c.aliases.merge(a, k, Integer::sum));
        n.context().forEach((a, k) -> c.context.merge(a, k, Integer::sum));
        idOfLabel.put(n.label(), id);
        documents += n.documents();
      }
      List<String> merged = List.of(d.getValues(IndexSchema.MERGED_FROM));
      mergedFrom.put(id, merged);
      written.put(id, fingerprint(members, merged, d.get(IndexSchema.CATALOG_NAME), d.get(IndexSchema.CATALOG_TYPE)));
      documentsOf.put(id, documents);
    }
  }

  /**
   * Counts the entity annotations of the last commit that {@code query} matches up ({@code sign}
   * 1) or down (-1), an article at a time: an article's annotations come together, in its block.
   */
  private void countByArticle(IndexSearcher searcher, Query query, int sign) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Seen> article = new ArrayList<>();
    long block = Long.MIN_VALUE;
    for (int doc : docs(searcher, query)) {
      long of = articleId(doc);
      if (of != block) {
        withContext(article).forEach(s -> count(s, sign));
        article.clear();
        block = of;
      }
      DocumentEntity e = entity(stored.document(doc, Set.of(IndexSchema.ANNOTATION)));
      article.add(new Seen(IndexSchema.entityLabel(e.type(), e.name()), e.mentions(), e.aliases()));
    }
    withContext(article).forEach(s -> count(s, sign));
  }

  /** The article id ({@link IndexSchema#ARTICLE}) of an annotation document of the last commit. */
  private long articleId(int doc) throws IOException {
    var leaves = lastCommit.leaves();
    var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    var ids = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), IndexSchema.ARTICLE);
    if (!ids.advanceExact(doc - leaf.docBase)) {
      throw new IOException("an entity annotation without its article");
    }
    return ids.longValue();
  }

  /** Articles each id's entity had when last written: in a merge, the one with most keeps its id. */
  private final Map<String, Integer> documentsOf = new HashMap<>();

  private static Query kind(String kind) {
    return new TermQuery(new Term(IndexSchema.KIND, kind));
  }

  /**
   * The live documents matching {@code query}, index-wide numbers in order: walked, not collected
   * into a top-N queue sized by the index (which a search for "all hits" would allocate at every call).
   */
  private static List<Integer> docs(IndexSearcher searcher, Query query) throws IOException {
    List<Integer> out = new ArrayList<>();
    LiveMatches.forEach(searcher, query, new LiveMatches.Visitor() {
      private int base;

      @Override
      public void segment(org.apache.lucene.index.LeafReaderContext leaf) {
        base = leaf.docBase;
      }

      @Override
      public void match(int doc) {
        out.add(base + doc);
      }
    });
    return out;
  }

  private static DocumentEntity entity(Document d) {
    return IndexSchema.annotation(d, DocumentEntity.class);
  }

  private static <T> T read(BytesRef bytes, TypeReference<T> type) {
    try {
      return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, type);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt stored catalog data", e);
    }
  }

  private void count(Seen seen, int sign) {
    Counts c = names.computeIfAbsent(seen.label(), k -> new Counts());
    c.add(sign, seen.mentions(), seen.aliases(), seen.context());
    if (c.documents <= 0) {
      names.remove(seen.label());
    }
    dirty = true;
  }

  /** The entity annotations a file added, an article at a time (a JSON Lines file holds many). */
  private static final class Change implements FileChange {
    final String path;
    final boolean replaces;
    final List<List<Seen>> articles = new ArrayList<>();
    private List<Seen> current = new ArrayList<>();

    Change(String path, boolean replaces) {
      this.path = path;
      this.replaces = replaces;
    }

    @Override
    public void added(Document doc) {
      String kind = doc.get(IndexSchema.KIND);
      if (IndexSchema.KIND_ENTITY.equals(kind)) {
        current.add(new Seen(doc.get(IndexSchema.LABEL), doc.getField(IndexSchema.MENTIONS).numericValue().intValue(),
            List.of(doc.getValues(IndexSchema.ALIAS))));
      } else if (IndexSchema.KIND_ARTICLE.equals(kind)) {
        articles.add(current); // an article's annotations come before it, in its block
        current = new ArrayList<>();
      }
    }

    List<List<Seen>> articles() {
      if (!current.isEmpty()) {
        articles.add(current);
        current = new ArrayList<>();
      }
      return articles;
    }
  }

  @Override
  public FileChange begin(String path, boolean replaces) {
    return new Change(path, replaces);
  }

  @Override
  public synchronized void apply(FileChange change) throws IOException {
    load();
    Change c = (Change) change;
    if (c.replaces) {
      removed(c.path);
    }
    for (List<Seen> article : c.articles()) {
      withContext(article).forEach(s -> count(s, 1));
    }
  }

  @Override
  public synchronized void removed(String path) throws IOException {
    load();
    if (lastCommit == null) {
      return;
    }
    IndexSearcher searcher = new IndexSearcher(lastCommit);
    searcher.setQueryCache(null); // see Indexer.uncached
    Query old = new BooleanQuery.Builder()
        .add(kind(IndexSchema.KIND_ENTITY), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexSchema.FILE, path)), BooleanClause.Occur.FILTER)
        .build();
    countByArticle(searcher, old, -1);
  }

  /**
   * Merges the table again and writes what changed, at every commit that changed it: the table is
   * stored only in the catalog documents, so a commit whose catalog lagged its articles would
   * leave the next run (after a kill, say) counting from a wrong table.
   */
  @Override
  public synchronized void beforeCommit(IndexWriter writer) throws IOException {
    if (dirty) {
      merge(writer);
    }
  }

  private void merge(IndexWriter writer) throws IOException {
    load();
    try {
      mergeAndWrite(writer);
    } finally {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }

  /** The index as of the commit being prepared, opened when a count needs it. */
  private DirectoryReader current;

  /** The articles with an entity of any of {@code labels}. */
  private static Query articlesNaming(List<String> labels) {
    List<BytesRef> terms = labels.stream().map(BytesRef::new).sorted().toList();
    return new BooleanQuery.Builder()
        .add(kind(IndexSchema.KIND_ARTICLE), BooleanClause.Occur.FILTER)
        .add(new org.apache.lucene.search.TermInSetQuery(IndexSchema.ARTICLE_LABELS, terms), BooleanClause.Occur.FILTER)
        .build();
  }

  private void mergeAndWrite(IndexWriter writer) throws IOException {
    List<CatalogName> table = new ArrayList<>(names.size());
    names.forEach((label, c) -> table.add(new CatalogName(label, CatalogName.typeOf(label), CatalogName.nameOf(label),
        c.documents, c.mentions, c.aliases, c.context)));
    Map<String, CatalogName> byLabel = new HashMap<>();
    table.forEach(n -> byLabel.put(n.label(), n));
    Map<String, String> nextIdOfLabel = new HashMap<>();
    Set<String> used = new LinkedHashSet<>();
    Map<String, Long> nextWritten = new HashMap<>();
    Map<String, Integer> nextDocuments = new HashMap<>();
    Corrections.Result corrected = Corrections.apply(CatalogMerge.merge(table, rules), byLabel, corrections.corrections(), rules);
    outcomes = corrected.outcomes();
    for (CatalogMerge.Merged m : corrected.entities()) {
      // The most widely reported entity first: in a split, it keeps the old id.
      TreeSet<String> before = new TreeSet<>();
      for (String label : m.labels()) {
        String id = idOfLabel.get(label);
        if (id != null) {
          before.add(id);
        }
      }
      String id = before.stream().filter(i -> !used.contains(i))
          .max(java.util.Comparator.comparingInt((String i) -> documentsOf.getOrDefault(i, 0)).thenComparing(java.util.Comparator.reverseOrder()))
          .orElse(null);
      if (id == null) {
        id = freshId(m.labels().get(0), used);
      }
      used.add(id);
      List<String> merged = new ArrayList<>(mergedFrom.getOrDefault(id, List.of()));
      for (String other : before) {
        if (!other.equals(id) && !merged.contains(other)) {
          merged.add(other);
          merged.addAll(mergedFrom.getOrDefault(other, List.of()).stream().filter(x -> !merged.contains(x)).toList());
        }
      }
      merged.sort(null);
      List<CatalogName> members = m.labels().stream().map(byLabel::get).toList();
      long print = fingerprint(members, merged, m.name(), m.type());
      Long was = written.get(id);
      if (was == null || was != print) {
        int documents = m.documents();
        if (m.labels().size() > 1) {
          // An article naming it under two labels ("UN" and "United Nations" kept apart in one
          // article) counts once: ask the index, as of this commit.
          if (current == null) {
            current = DirectoryReader.open(writer);
          }
          IndexSearcher counter = new IndexSearcher(current);
          counter.setQueryCache(null); // see Indexer.uncached
          documents = counter.count(articlesNaming(m.labels()));
        }
        writer.updateDocument(new Term(IndexSchema.CATALOG_ID, id), document(id, m, members, merged, documents));
      }
      nextWritten.put(id, print);
      nextDocuments.put(id, m.documents());
      for (String label : m.labels()) {
        nextIdOfLabel.put(label, id);
      }
      mergedFrom.put(id, merged);
    }
    for (String id : written.keySet()) {
      if (!nextWritten.containsKey(id)) {
        writer.deleteDocuments(new Term(IndexSchema.CATALOG_ID, id));
      }
    }
    written.clear();
    written.putAll(nextWritten);
    documentsOf.clear();
    documentsOf.putAll(nextDocuments);
    idOfLabel.clear();
    idOfLabel.putAll(nextIdOfLabel);
    mergedFrom.keySet().retainAll(nextWritten.keySet());
    dirty = false;
  }

  /**
   * A hash of the label, made unique among the ids given in this merge. An id on disk that no
   * entity keeps is free again: the same first label gives the same id, in any index.
   */
  private String freshId(String label, Set<String> used) {
    for (int k = 0; ; k++) {
      String id = hash(k == 0 ? label : label + "#" + k);
      if (!used.contains(id)) {
        return id;
      }
    }
  }

  static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has SHA-256", e);
    }
  }

  /**
   * FNV-1a over what a catalog document is made from: its names with their exact counts and
   * aliases (what the next run reads its table from), the ids merged into it, and its name and
   * type (which a correction can change alone); its aliases follow from those. An entity is
   * rewritten only when this changes.
   */
  private static long fingerprint(List<CatalogName> members, List<String> merged, String name, String type) {
    StringBuilder text = new StringBuilder();
    text.append(type).append('\u0001').append(name).append('\u0002');
    members.stream().sorted(java.util.Comparator.comparing(CatalogName::label)).forEach(n -> text.append(n.label()).append('\u0001')
        .append(n.documents()).append('\u0001').append(n.mentions()).append('\u0001').append(new TreeMap<>(n.aliases()))
        .append('\u0001').append(new TreeMap<>(n.context())).append('\u0002'));
    text.append(String.join("\u0001", merged));
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private Document document(String id, CatalogMerge.Merged m, List<CatalogName> members, List<String> merged, int documents)
      throws IOException {
    Document d = new Document();
    d.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_CATALOG, Field.Store.NO));
    d.add(new StringField(IndexSchema.CATALOG_ID, id, Field.Store.YES));
    d.add(new StringField(IndexSchema.CATALOG_TYPE, m.type(), Field.Store.YES));
    d.add(new SortedDocValuesField(IndexSchema.CATALOG_TYPE, new BytesRef(m.type())));
    d.add(new StoredField(IndexSchema.CATALOG_NAME, m.name()));
    d.add(new SortedDocValuesField(IndexSchema.CATALOG_NAME, new BytesRef(m.name())));
    d.add(new StoredField(IndexSchema.CATALOG_ALIASES, JSON.writeValueAsBytes(m.aliases())));
    d.add(new StoredField(IndexSchema.CATALOG_NAMES, JSON.writeValueAsBytes(members)));
    for (String label : m.labels()) {
      d.add(new StringField(IndexSchema.CATALOG_LABEL, label, Field.Store.NO));
    }
    Set<String> keys = new TreeSet<>();
    keys.add(rules.key(m.name()));
    m.aliases().forEach(a -> keys.add(rules.key(a)));
    for (String key : keys) {
      d.add(new StringField(IndexSchema.CATALOG_KEY, key, Field.Store.NO));
    }
    if (m.type().equals(EntityType.PERSON)) {
      List<String> words = rules.personWords(m.name());
      if (words.size() >= 2) {
        d.add(new StringField(IndexSchema.CATALOG_PERSON,
            NameRules.looseKey(words.get(0)) + "|" + NameRules.looseKey(words.get(words.size() - 1)), Field.Store.NO));
      }
      for (String w : new TreeSet<>(words.stream().map(NameRules::looseKey).toList())) {
        d.add(new StringField(IndexSchema.CATALOG_WORD, w, Field.Store.NO));
      }
    }
    if (m.link() != null) {
      d.add(new StoredField(IndexSchema.CATALOG_LINK_COUNTRY, m.link().country()));
      d.add(new StoredField(IndexSchema.CATALOG_LINK_RELATION, m.link().relation()));
      d.add(new StringField(IndexSchema.CATALOG_LINK_KEY, rules.key(m.link().country()), Field.Store.NO));
    }
    d.add(new NumericDocValuesField(IndexSchema.DOCUMENTS, documents));
    d.add(new LongPoint(IndexSchema.DOCUMENTS, documents));
    d.add(new StoredField(IndexSchema.DOCUMENTS, documents));
    d.add(new NumericDocValuesField(IndexSchema.MENTIONS, m.mentions()));
    for (String old : merged) {
      d.add(new StringField(IndexSchema.MERGED_FROM, old, Field.Store.YES));
    }
    return d;
  }

  @Override
  public void close() {
    lastCommit = null;
  }

  /** The names of a stored catalog entity (for readers). */
  public static List<CatalogName> names(Document d) {
    return read(d.getBinaryValue(IndexSchema.CATALOG_NAMES), NAMES);
  }

  /** The aliases of a stored catalog entity (for readers). */
  public static List<String> aliases(Document d) {
    BytesRef b = d.getBinaryValue(IndexSchema.CATALOG_ALIASES);
    return b == null ? List.of() : read(b, STRINGS);
  }
}
