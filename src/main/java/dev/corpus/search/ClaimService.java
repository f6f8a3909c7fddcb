package dev.corpus.search;


import dev.corpus.CorpusException;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimKind;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import dev.corpus.index.LiveMatches;
import dev.corpus.model.Article;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** The claims of an index: listed, by speaker, grouped across articles, and where sources disagree. */
public final class ClaimService {

  /**
   * A request for {@code corpus claims} or {@code corpus speaker}.
   *
   * @param speaker only claims of this entity (any of its names), or null
   * @param about only claims of articles matching this search, or null
   * @param since only articles published on or after, or null (also words: "last month")
   * @param until only articles published on or before, or null
   * @param kinds only claims of these kinds ({@link #DEFAULT_KINDS} unless asked otherwise)
   * @param withLinked with a speaker, also the claims of the entities that stand for it in the
   *     catalog (a country's capital, seat of government, nationality: "the Kremlin said" for
   *     Russia)
   */
  public record ClaimsRequest(String speaker, String about, String since, String until, Set<ClaimKind> kinds, int limit,
      boolean withLinked) {
    public ClaimsRequest {
      kinds = Set.copyOf(kinds);
    }

    public ClaimsRequest(String speaker, String about, String since, String until, Set<ClaimKind> kinds, int limit) {
      this(speaker, about, since, until, kinds, limit, false);
    }
  }

  /** What {@code corpus claims}, {@code speaker} and {@code claims --clusters} list unless {@code --kind} says otherwise. */
  public static final Set<ClaimKind> DEFAULT_KINDS = Set.copyOf(EnumSet.of(ClaimKind.STATEMENT, ClaimKind.POSITION));

  /**
   * The kinds named by a {@code --kind} value: a comma-separated list of {@code statement},
   * {@code position}, {@code belief}, {@code intention}, or {@code all}; null means {@link
   * #DEFAULT_KINDS}.
   *
   * @throws CorpusException.Usage naming the value that is no kind
   */
  public static Set<ClaimKind> kinds(String option) {
    if (option == null) {
      return DEFAULT_KINDS;
    }
    Set<ClaimKind> kinds = EnumSet.noneOf(ClaimKind.class);
    for (String value : option.split(",", -1)) {
      String v = value.strip().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("all")) {
        kinds.addAll(EnumSet.allOf(ClaimKind.class));
      } else {
        kinds.add(ClaimKind.of(v).orElseThrow(() -> new CorpusException.Usage(
            "unknown claim kind '" + value.strip() + "' in --kind: use statement, position, belief, intention (comma-separated) or all")));
      }
    }
    return Set.copyOf(kinds);
  }

  /** One claim with its article. */
  public record Item(
      String speaker, String speakerText, String cue, String content, boolean direct, ClaimKind kind, boolean negated,
      boolean denies, String sentence, String document, String title, String source, String published, int start, int end) {}

  /** The result of {@code corpus claims} and {@code corpus speaker}. */
  public record ClaimList(int version, String speaker, long total, List<Item> claims) {}

  /**
   * A member of a cluster: a claim, or a statement an article makes in its own voice (no speaker,
   * no cue, no kind). A negated or denied claim is a member, marked: it is how sources disagree.
   *
   * @param dates the calendar values (ISO: a year, month, day or time) of the date expressions
   *     the statement holds, as the date stage normalised them
   */
  public record Member(
      String document, String title, String source, String published, String speaker, String cue, ClaimKind kind,
      boolean negated, boolean denies, String text, List<String> dates) {

    public Member {
      dates = dates == null ? List.of() : List.copyOf(dates);
    }

    /** A statement the article makes in its own voice. */
    static Member ownVoice(String document, String title, String source, String published, String text, List<String> dates) {
      return new Member(document, title, source, published, null, null, null, false, false, text, dates);
    }
  }

  /**
   * Statements of several articles that say the same thing about one event.
   *
   * @param disagreements pairs of members that give it differently ({@link Conflict}): each
   *     difference once, those the most pairs of members give first, at most {@value
   *     #DISAGREEMENTS_SHOWN}
   * @param disagreementCount how many differences there are in all
   */
  public record Cluster(int articles, List<String> sources, List<String> speakers, List<Member> members,
      List<Conflict> disagreements, int disagreementCount) {}

  /**
   * Differences listed per cluster. A large cluster of near-copies (wire notes of one kind, each
   * with its own figures) can hold thousands; the most shared are what a reader checks first.
   */
  public static final int DISAGREEMENTS_SHOWN = 20;

  /**
   * One member's side of a disagreement.
   *
   * @param member the member's index in {@link Cluster#members()}
   * @param value what it gives: its polarity and cue ("denies (denied)", "asserts (said)"), its
   *     figures of the unit compared, or its dates
   */
  public record Side(int member, String document, String source, String value) {}

  /**
   * Two members of one cluster that disagree.
   *
   * @param kind {@code polarity} (one asserts, the other denies or negates), {@code number}
   *     (different figures of one unit) or {@code date} (different days or times)
   * @param pairs how many pairs of members give these two values; {@code first} and {@code
   *     second} are the first of them
   */
  public record Conflict(String kind, Side first, Side second, int pairs) {

    /** One pair of members. */
    public Conflict(String kind, Side first, Side second) {
      this(kind, first, second, 1);
    }
  }

  /** One value a source gives. */
  public record Given(String value, String source, String document) {}

  /**
   * A person's role that sources give differently.
   *
   * @param kind {@code role} (a person's role differs in kind between articles)
   * @param entity the person
   */
  public record Disagreement(String kind, String entity, List<Given> values) {}

  /** The result of {@code corpus claims --clusters}. */
  public record ClusterList(int version, long total, List<Cluster> clusters, List<Disagreement> disagreements) {}

  /**
   * Version of the JSON of {@code claims --clusters}: 4 since clusters are linked by meaning and
   * evidence, carry their own disagreements (two members each, with the values), and members
   * their dates and polarity (issue 15).
   */
  public static final int CLUSTERS_JSON_VERSION = 4;

  private static final Set<String> ARTICLE_FIELDS = Set.of(IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META);

  private final CorpusIndex index;
  private final Clock clock;
  private final NameRules rules = NameRules.shared();
  private final QueryParsing parsing = new QueryParsing(new CorpusAnalyzer());

  public ClaimService(CorpusIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /**
   * The annotation documents of the articles that match {@code about} (a search): the articles
   * found, then joined to the annotations before each of them in its block.
   */
  private Query ofArticlesAbout(String about) {
    Query articles = new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE));
    Query matching = new BooleanQuery.Builder()
        .add(articles, BooleanClause.Occur.FILTER)
        .add(parsing.parse(about), BooleanClause.Occur.MUST)
        .build();
    return new ToChildBlockJoinQuery(matching, Blocks.ARTICLES);
  }

  private static Query kindsQuery(Set<ClaimKind> kinds) {
    return new TermInSetQuery(IndexSchema.CLAIM_KIND, kinds.stream()
        .map(k -> new BytesRef(k.name().toLowerCase(Locale.ROOT))).sorted().toList());
  }

  /**
   * Claims, newest article first (undated last), in text order within an article; a speaker's
   * oldest first. Filters are queries over the claim documents and the sort is Lucene's, so only
   * the page's claims (and their articles) are read.
   */
  public ClaimList claims(ClaimsRequest request) {
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.open(searcher);
      EntityCatalog.Entity speaker = null;
      if (request.speaker() != null) {
        speaker = catalog.find(request.speaker(), rules)
            .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + request.speaker() + "' in the index"));
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLAIM)), BooleanClause.Occur.FILTER)
          .add(kindsQuery(request.kinds()), BooleanClause.Occur.FILTER);
      if (speaker != null) {
        java.util.TreeSet<String> labels = new java.util.TreeSet<>(speaker.labels());
        if (request.withLinked()) {
          catalog.linkedTo(speaker, rules).forEach(e -> labels.addAll(e.labels()));
        }
        b.add(new TermInSetQuery(IndexSchema.SPEAKER, labels.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
      }
      if (request.since() != null || request.until() != null) {
        LocalDate today = LocalDate.now(clock);
        long from = request.since() == null ? Long.MIN_VALUE + 1 : DateRange.start("--since", request.since(), today).toEpochDay();
        long to = request.until() == null ? Long.MAX_VALUE : DateRange.end("--until", request.until(), today).toEpochDay();
        // The claims of the articles published then: by the page's date, or for a page without one
        // the year the corpus gives it (as timeline and search --since do).
        Query articles = new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE));
        Query published = new BooleanQuery.Builder()
            .add(articles, BooleanClause.Occur.FILTER)
            .add(new dev.corpus.index.PublishedQuery(from, to), BooleanClause.Occur.FILTER)
            .build();
        b.add(new ToChildBlockJoinQuery(published, Blocks.ARTICLES), BooleanClause.Occur.FILTER);
      }
      if (request.about() != null) {
        b.add(ofArticlesAbout(request.about()), BooleanClause.Occur.FILTER);
      }
      Query query = b.build();
      long total = searcher.count(query);
      int limit = Math.max(0, request.limit());
      List<Item> items = new ArrayList<>();
      if (limit > 0 && total > 0) {
        // A speaker's claims oldest first (undated last), else newest first (undated last).
        boolean newestFirst = speaker == null;
        SortField published = new SortField(IndexSchema.CLAIM_PUBLISHED, SortField.Type.STRING, newestFirst);
        published.setMissingValue(newestFirst ? SortField.STRING_FIRST : SortField.STRING_LAST);
        Sort sort = new Sort(published, new SortField(IndexSchema.ARTICLE_ORDER, SortField.Type.LONG),
            new SortField(IndexSchema.CLAIM_START, SortField.Type.LONG));
        Articles articles = new Articles(searcher);
        for (ScoreDoc sd : searcher.search(query, limit, sort).scoreDocs) {
          Claim c = claim(searcher, sd.doc);
          Article a = articles.of(articleId(reader, sd.doc));
          items.add(item(c, speakerName(reader, sd.doc, c, catalog), a));
        }
      }
      return new ClaimList(Claim.JSON_VERSION, speaker == null ? null : speaker.name(), total, List.copyOf(items));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** A listed claim: the stored claim, its speaker's corpus name and its article. */
  public static Item item(Claim c, String speaker, Article a) {
    return new Item(speaker, c.speakerText(), c.cue(), c.content(), c.direct(), c.kind(),
        c.negated(), c.denies(), c.sentence(), a.id(), a.title(), a.source(), published(a), c.start(), c.end());
  }

  private static String published(Article a) {
    return a.published() == null ? null : a.published().value();
  }

  /** The claim stored in annotation document {@code doc}. */
  private static Claim claim(IndexSearcher searcher, int doc) throws IOException {
    return IndexSchema.annotation(searcher.storedFields().document(doc, Set.of(IndexSchema.ANNOTATION)), Claim.class);
  }

  /** The corpus name of a claim's speaker: the catalog's name for its entity label, else its name in the article. */
  private static String speakerName(IndexReader reader, int doc, Claim c, EntityCatalog catalog) throws IOException {
    String label = sortedValue(reader, doc, IndexSchema.SPEAKER);
    if (label != null) {
      return catalog.ofLabel(label).map(EntityCatalog.Entity::name).orElse(c.speaker());
    }
    return c.speaker();
  }

  private static LeafReaderContext leaf(IndexReader reader, int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }

  private static String sortedValue(IndexReader reader, int doc, String field) throws IOException {
    LeafReaderContext ctx = leaf(reader, doc);
    SortedDocValues dv = DocValues.getSorted(ctx.reader(), field);
    return dv.advanceExact(doc - ctx.docBase) ? dv.lookupOrd(dv.ordValue()).utf8ToString() : null;
  }

  private static long numericValue(IndexReader reader, int doc, String field, long missing) throws IOException {
    LeafReaderContext ctx = leaf(reader, doc);
    NumericDocValues dv = DocValues.getNumeric(ctx.reader(), field);
    return dv.advanceExact(doc - ctx.docBase) ? dv.longValue() : missing;
  }

  private static String articleId(IndexReader reader, int doc) throws IOException {
    return String.format(Locale.ROOT, "%016x", numericValue(reader, doc, IndexSchema.ARTICLE, 0));
  }

  /** Articles by id, each read once per request (without its body). */
  private static final class Articles {
    private final IndexSearcher searcher;
    private final Map<String, Article> byId = new HashMap<>();

    Articles(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    /**
     * Reads the articles with these ids (16 hex digits) in one query: a point lookup per article
     * walks the id points of every segment, which for the thousands of members of many clusters
     * was most of the time.
     */
    void prefetch(java.util.Collection<String> ids) throws IOException {
      Set<Long> missing = new HashSet<>();
      for (String id : ids) {
        if (!byId.containsKey(id)) {
          missing.add(Long.parseUnsignedLong(id, 16));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
          .add(LongPoint.newSetQuery(IndexSchema.ID_POINT, missing), BooleanClause.Occur.FILTER)
          .build();
      org.apache.lucene.index.StoredFields stored = searcher.storedFields();
      LiveMatches.forEachDoc(searcher, q, doc -> {
        Article a = IndexSchema.toArticle(stored.document(doc, ARTICLE_FIELDS));
        byId.putIfAbsent(a.id(), a);
      });
    }

    Article of(String id) throws IOException {
      Article a = byId.get(id);
      if (a == null) {
        TopDocs hit = searcher.search(IndexSchema.idQuery(id), 1);
        if (hit.scoreDocs.length == 0) {
          throw new IOException("no article " + id + " for its annotations");
        }
        a = IndexSchema.toArticle(searcher.storedFields().document(hit.scoreDocs[0].doc, ARTICLE_FIELDS));
        byId.put(id, a);
      }
      return a;
    }
  }

  /**
   * Clusters of statements several articles make, largest first, with the number disagreements
   * of the clusters shown and the role disagreements of the articles in scope. Claims of the
   * {@code kinds} asked are members (negated and denied ones marked), beside the articles' own
   * statements (sentences holding no claim).
   *
   * <p>The clusters are kept by the index ({@code ClaimClusterPass}); this reads them. Without
   * {@code about}, for the default kinds or all kinds, the cluster documents' counts answer,
   * so only the clusters shown are read; otherwise the statements in scope are grouped by their
   * cluster's doc value, a cost that follows the statements matched.
   */
  public ClusterList clusters(String about, Set<ClaimKind> kinds, int minSources, int limit) {
    return clustersOf(about == null ? ArticleScope.ALL : new ArticleScope(about, null, null, null), kinds, minSources, limit);
  }

  /**
   * {@link #clusters(String, Set, int, int)} of the articles of {@code scope}: the members, the
   * counts and the role disagreements are those of its articles.
   */
  public ClusterList clustersOf(ArticleScope scope, Set<ClaimKind> kinds, int minSources, int limit) {
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.open(searcher);
      Query inScope = scope.annotations(catalog, clock);
      Articles articles = new Articles(searcher);
      int page = Math.max(0, limit);
      List<List<String>> shown = new ArrayList<>();
      long total;
      boolean all = kinds.containsAll(EnumSet.allOf(ClaimKind.class));
      if (inScope == null && (kinds.equals(DEFAULT_KINDS) || all)) {
        String articlesField = all ? IndexSchema.ARTICLES_ALL : IndexSchema.ARTICLES_DEFAULT;
        String sourcesField = all ? IndexSchema.SOURCES_ALL : IndexSchema.SOURCES_DEFAULT;
        String firstField = all ? IndexSchema.FIRST_ALL : IndexSchema.FIRST_DEFAULT;
        Query q = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLUSTER)), BooleanClause.Occur.FILTER)
            .add(LongPoint.newRangeQuery(articlesField, 2, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
            .add(LongPoint.newRangeQuery(sourcesField, Math.max(0, minSources), Long.MAX_VALUE), BooleanClause.Occur.FILTER)
            .build();
        total = searcher.count(q);
        if (page > 0 && total > 0) {
          Sort sort = new Sort(new SortField(articlesField, SortField.Type.LONG, true), new SortField(firstField, SortField.Type.STRING));
          for (ScoreDoc sd : searcher.search(q, page, sort).scoreDocs) {
            List<String> keys = new ArrayList<>();
            for (ClusterMembers.Stored m : ClusterMembers.stored(searcher, sd.doc)) {
              if (all || m.inDefaultView()) {
                keys.add(m.key());
              }
            }
            shown.add(keys);
          }
        }
      } else {
        ClusterMembers.Grouped grouped = ClusterMembers.group(searcher, scopeOfStatements(inScope, kinds), minSources, page);
        total = grouped.total();
        shown.addAll(grouped.shown());
      }
      List<String> memberArticles = new ArrayList<>();
      shown.forEach(keys -> keys.forEach(k -> memberArticles.add(k.substring(0, k.indexOf('/')))));
      articles.prefetch(memberArticles);
      List<String> allKeys = new ArrayList<>();
      shown.forEach(allKeys::addAll);
      Map<String, Integer> docOf = ClusterMembers.docs(searcher, allKeys);
      List<Cluster> clusters = new ArrayList<>();
      for (List<String> keys : shown) {
        List<Member> members = new ArrayList<>();
        for (String key : keys) {
          members.add(member(searcher, key, docOf.get(key), catalog, articles));
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Set<String> speakers = new LinkedHashSet<>();
        for (Member m : members) {
          ids.add(m.document());
          sources.add(m.source() == null ? m.document() : m.source());
          if (m.speaker() != null) {
            speakers.add(m.speaker());
          }
        }
        List<float[]> vectors = new ArrayList<>();
        for (String key : keys) {
          vectors.add(ClusterMembers.vector(searcher, docOf.get(key)));
        }
        List<Conflict> differences = new ArrayList<>(ClusterDisagreements.of(members, (i, j) -> vectors.get(i) == null
            || vectors.get(j) == null ? 0 : dev.corpus.index.StatementLinks.similarity(vectors.get(i), vectors.get(j))));
        differences.sort(Comparator.comparingInt(Conflict::pairs).reversed()); // stable: member order among equals
        clusters.add(new Cluster(ids.size(), List.copyOf(sources), List.copyOf(speakers), List.copyOf(members),
            List.copyOf(differences.subList(0, Math.min(DISAGREEMENTS_SHOWN, differences.size()))), differences.size()));
      }
      List<Disagreement> disagreements = roleDisagreements(searcher, catalog, inScope);
      return new ClusterList(CLUSTERS_JSON_VERSION, total, List.copyOf(clusters), List.copyOf(disagreements));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A request for the comparison of outlets ({@link #outlets}).
   *
   * @param kinds the claims counted ({@link #DEFAULT_KINDS} unless asked otherwise)
   * @param outlets outlets listed, those with most articles in scope first
   * @param speakers speakers listed per outlet, the most quoted first
   * @param exclusive claims listed per outlet among those no other outlet shares, the newest first
   */
  public record OutletsRequest(Set<ClaimKind> kinds, int outlets, int speakers, int exclusive) {
    public OutletsRequest {
      kinds = Set.copyOf(kinds);
    }
  }

  /** A speaker (an entity, by its corpus name and id) an outlet quotes, with the number of its claims there. */
  public record Quoted(String speaker, String id, long claims) {}

  /**
   * What one outlet says, against the others.
   *
   * @param articles its articles in scope
   * @param claims its claims of the kinds asked in those articles
   * @param speakers the entities it quotes most
   * @param exclusiveCount its claims that no other outlet makes: long enough to be compared ({@link
   *     IndexSchema#MIN_JOINING_WORDS} words or more) and in no cluster of statements from two
   *     outlets or more (clusters as the whole index holds them)
   * @param exclusive the newest of those
   */
  public record Outlet(String source, long articles, long claims, List<Quoted> speakers, long exclusiveCount, List<Item> exclusive) {}

  /** The outlets of a scope, those with most articles first, and how many there are. */
  public record OutletList(long total, List<Outlet> outlets) {}

  /**
   * For each outlet of the articles of {@code scope}, the most with articles first: who it quotes
   * and what it says that no other outlet does. Counted from the doc values of the articles and
   * claims in scope (outlet, speaker, cluster); only the claims listed are read.
   */
  public OutletList outlets(ArticleScope scope, OutletsRequest request) {
    if (request.outlets() < 0 || request.speakers() < 0 || request.exclusive() < 0) {
      throw new CorpusException.Usage("outlet limits must not be negative");
    }
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.open(searcher);
      Query articles = scope.articles(catalog, clock);
      Map<String, Long> perSource = new HashMap<>();
      LiveMatches.forEach(searcher, articles != null ? articles : new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)),
          new LiveMatches.Visitor() {
            SortedDocValues sources;

            @Override
            public void segment(LeafReaderContext leaf) throws IOException {
              sources = DocValues.getSorted(leaf.reader(), IndexSchema.SOURCE_EXACT);
            }

            @Override
            public void match(int doc) throws IOException {
              if (sources.advanceExact(doc)) {
                perSource.merge(sources.lookupOrd(sources.ordValue()).utf8ToString(), 1L, Long::sum);
              }
            }
          });
      List<String> top = perSource.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(request.outlets())
          .map(Map.Entry::getKey)
          .toList();
      OutletCounter counter = new OutletCounter(top, sharedClusters(searcher), request.exclusive());
      BooleanQuery.Builder claims = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLAIM)), BooleanClause.Occur.FILTER)
          .add(kindsQuery(request.kinds()), BooleanClause.Occur.FILTER);
      Query inScope = scope.annotations(catalog, clock);
      if (inScope != null) {
        claims.add(inScope, BooleanClause.Occur.FILTER);
      }
      if (!top.isEmpty()) {
        LiveMatches.forEach(searcher, claims.build(), counter);
        counter.flush();
      }
      Articles read = new Articles(searcher);
      List<Outlet> out = new ArrayList<>();
      for (int i = 0; i < top.size(); i++) {
        OutletCounter.Counts c = counter.counts[i];
        Map<String, EntityCatalog.Entity> entities = catalog.ofLabels(c.labels.keySet());
        Map<EntityCatalog.Entity, Long> bySpeaker = new HashMap<>();
        c.labels.forEach((label, n) -> {
          EntityCatalog.Entity e = entities.get(label);
          if (e != null) {
            bySpeaker.merge(e, n, Long::sum);
          }
        });
        List<Quoted> speakers = bySpeaker.entrySet().stream()
            .map(e -> new Quoted(e.getKey().name(), e.getKey().id(), e.getValue()))
            .sorted(Comparator.comparingLong(Quoted::claims).reversed().thenComparing(Quoted::speaker).thenComparing(Quoted::id))
            .limit(request.speakers())
            .toList();
        List<Item> exclusive = new ArrayList<>();
        for (OutletCounter.Pick p : c.newest.stream().sorted(OutletCounter.NEWEST).toList()) {
          Claim claim = claim(searcher, p.doc());
          Article a = read.of(articleId(reader, p.doc()));
          exclusive.add(new Item(speakerName(reader, p.doc(), claim, catalog), claim.speakerText(), claim.cue(), claim.content(), claim.direct(),
              claim.kind(), claim.negated(), claim.denies(), claim.sentence(), a.id(), a.title(), a.source(), published(a), claim.start(),
              claim.end()));
        }
        out.add(new Outlet(top.get(i), perSource.get(top.get(i)), c.claims, speakers, c.exclusive, List.copyOf(exclusive)));
      }
      return new OutletList(perSource.size(), List.copyOf(out));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** The ids of the clusters whose statements come from two outlets or more (over all kinds). */
  private static Set<Long> sharedClusters(IndexSearcher searcher) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLUSTER)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(IndexSchema.SOURCES_ALL, 2, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
        .build();
    Set<Long> out = new HashSet<>();
    org.apache.lucene.index.StoredFields stored = searcher.storedFields();
    LiveMatches.forEachDoc(searcher, q, doc -> {
      out.add(Long.parseLong(stored.document(doc, Set.of(IndexSchema.CLUSTER_ID)).get(IndexSchema.CLUSTER_ID)));
    });
    return out;
  }

  /**
   * Counts the claims of the listed outlets from doc values: claims, speaker labels, and the
   * claims in no shared cluster, keeping the newest of those per outlet.
   */
  private static final class OutletCounter implements LiveMatches.Visitor {

    /** One outlet's counts. */
    static final class Counts {
      long claims;
      long exclusive;
      final Map<String, Long> labels = new HashMap<>();
      final java.util.PriorityQueue<Pick> newest = new java.util.PriorityQueue<>(NEWEST.reversed());
    }

    /** A claim document (index-wide) with what orders it: its article's day, the article, its start. */
    record Pick(int doc, long day, long article, long start) {}

    /** Newest article first, then the claim list's order (article id, text order). */
    static final Comparator<Pick> NEWEST = Comparator.comparingLong(Pick::day).reversed()
        .thenComparingLong(Pick::article).thenComparingLong(Pick::start);

    private final Map<String, Integer> outletIndex = new HashMap<>();
    private final Set<Long> shared;
    private final int keep;
    final Counts[] counts;
    private int base;
    private SortedDocValues sources;
    private SortedDocValues speakers;
    private NumericDocValues clusters;
    private NumericDocValues days;
    private NumericDocValues order;
    private NumericDocValues starts;
    private int[] outletOfOrd;
    private long[][] speakerCounts;

    OutletCounter(List<String> outlets, Set<Long> shared, int keep) {
      for (int i = 0; i < outlets.size(); i++) {
        outletIndex.put(outlets.get(i), i);
      }
      this.shared = shared;
      this.keep = keep;
      this.counts = new Counts[outlets.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new Counts();
      }
    }

    @Override
    public void segment(LeafReaderContext leaf) throws IOException {
      flush();
      base = leaf.docBase;
      sources = DocValues.getSorted(leaf.reader(), IndexSchema.ARTICLE_SOURCE);
      speakers = DocValues.getSorted(leaf.reader(), IndexSchema.SPEAKER);
      clusters = DocValues.getNumeric(leaf.reader(), IndexSchema.CLUSTER);
      days = DocValues.getNumeric(leaf.reader(), IndexSchema.ARTICLE_DAY);
      order = DocValues.getNumeric(leaf.reader(), IndexSchema.ARTICLE_ORDER);
      starts = DocValues.getNumeric(leaf.reader(), IndexSchema.CLAIM_START);
      outletOfOrd = new int[sources.getValueCount()];
      java.util.Arrays.fill(outletOfOrd, -2);
      speakerCounts = new long[counts.length][];
    }

    @Override
    public void match(int doc) throws IOException {
      if (!sources.advanceExact(doc)) {
        return;
      }
      int ord = sources.ordValue();
      if (outletOfOrd[ord] == -2) {
        outletOfOrd[ord] = outletIndex.getOrDefault(sources.lookupOrd(ord).utf8ToString(), -1);
      }
      int outlet = outletOfOrd[ord];
      if (outlet < 0) {
        return;
      }
      Counts c = counts[outlet];
      c.claims++;
      if (speakers.advanceExact(doc)) {
        if (speakerCounts[outlet] == null) {
          speakerCounts[outlet] = new long[speakers.getValueCount()];
        }
        speakerCounts[outlet][speakers.ordValue()]++;
      }
      long cluster = clusters.advanceExact(doc) ? clusters.longValue() : IndexSchema.NOT_JOINING;
      if (cluster == IndexSchema.NOT_JOINING || cluster >= 0 && shared.contains(cluster)) {
        return;
      }
      c.exclusive++;
      if (keep == 0) {
        return;
      }
      Pick p = new Pick(base + doc, days.advanceExact(doc) ? days.longValue() : IndexSchema.NO_DAY,
          order.advanceExact(doc) ? order.longValue() : 0, starts.advanceExact(doc) ? starts.longValue() : 0);
      c.newest.add(p);
      if (c.newest.size() > keep) {
        c.newest.poll(); // the oldest of them
      }
    }

    /** Adds the current segment's speaker counts by label (ordinals are the segment's own). */
    void flush() throws IOException {
      if (speakerCounts == null) {
        return;
      }
      for (int outlet = 0; outlet < counts.length; outlet++) {
        long[] n = speakerCounts[outlet];
        if (n == null) {
          continue;
        }
        for (int ord = 0; ord < n.length; ord++) {
          if (n[ord] > 0) {
            counts[outlet].labels.merge(speakers.lookupOrd(ord).utf8ToString(), n[ord], Long::sum);
          }
        }
      }
      speakerCounts = null;
    }
  }

  /** The statements that may be members: own ones, and claims of {@code kinds}, among the annotations {@code inScope} (all when null). */
  private static Query scopeOfStatements(Query inScope, Set<ClaimKind> kinds) {
    Query claims = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CLAIM)), BooleanClause.Occur.FILTER)
        .add(kindsQuery(kinds), BooleanClause.Occur.FILTER)
        .build();
    Query units = new BooleanQuery.Builder()
        .add(claims, BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_STATEMENT)), BooleanClause.Occur.SHOULD)
        .build();
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(units, BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexSchema.JOINS, "1")), BooleanClause.Occur.FILTER)
        .add(NumericDocValuesField.newSlowRangeQuery(IndexSchema.CLUSTER, 0, Long.MAX_VALUE), BooleanClause.Occur.FILTER);
    if (inScope != null) {
      b.add(inScope, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** The member that statement {@code key} is: a claim with its speaker's corpus name, or an article's own statement. */
  private static Member member(IndexSearcher searcher, String key, Integer doc, EntityCatalog catalog, Articles articles) throws IOException {
    if (doc == null) {
      throw new IOException("cluster member " + key + " is not in the index");
    }
    IndexReader reader = searcher.getIndexReader();
    Article a = articles.of(key.substring(0, key.indexOf('/')));
    Document d = searcher.storedFields().document(doc, Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE, IndexSchema.STATEMENT_DATES));
    String dated = d.get(IndexSchema.STATEMENT_DATES);
    List<String> dates = dated == null ? List.of() : List.of(dated.split(" "));
    if (d.getBinaryValue(IndexSchema.ANNOTATION) != null) {
      Claim c = IndexSchema.annotation(d, Claim.class);
      return new Member(a.id(), a.title(), a.source(), published(a), speakerName(reader, doc, c, catalog), c.cue(), c.kind(),
          c.negated(), c.denies(), c.content(), dates);
    }
    return Member.ownVoice(a.id(), a.title(), a.source(), published(a), d.get(IndexSchema.SENTENCE), dates);
  }

  /**
   * People whose role differs in kind between sources ("Deputy Foreign Minister" against
   * "presidential aide"; not "President" against "Russian leader"), among the articles about
   * {@code about} (all when null): the entity documents with a role family ({@link
   * IndexSchema#ROLE_FAMILY}) are grouped by corpus entity from their doc values; only the
   * entities with two families or more are read. Sorted by name, each one's roles by article.
   * {@code inScope}: the annotations of the articles in scope, or null for all.
   */
  private List<Disagreement> roleDisagreements(IndexSearcher searcher, EntityCatalog catalog, Query inScope) throws IOException {
    Query entities = new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ENTITY));
    Query scope = inScope == null ? entities : new BooleanQuery.Builder()
        .add(entities, BooleanClause.Occur.FILTER).add(inScope, BooleanClause.Occur.FILTER).build();
    Query withRoles = new BooleanQuery.Builder()
        .add(scope, BooleanClause.Occur.FILTER)
        .add(new TermRangeQuery(IndexSchema.ROLE_FAMILY, null, null, true, true), BooleanClause.Occur.FILTER)
        .build();
    Map<String, Set<String>> familiesOfLabel = new HashMap<>();
    IndexReader reader = searcher.getIndexReader();
    Weight w = searcher.createWeight(searcher.rewrite(withRoles), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext ctx : reader.leaves()) {
      Scorer s = w.scorer(ctx);
      if (s == null) {
        continue;
      }
      Bits live = ctx.reader().getLiveDocs();
      SortedDocValues labels = DocValues.getSorted(ctx.reader(), IndexSchema.LABEL);
      SortedSetDocValues families = DocValues.getSortedSet(ctx.reader(), IndexSchema.ROLE_FAMILY);
      DocIdSetIterator it = s.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc) || !labels.advanceExact(doc) || !families.advanceExact(doc)) {
          continue;
        }
        Set<String> f = familiesOfLabel.computeIfAbsent(labels.lookupOrd(labels.ordValue()).utf8ToString(), k -> new HashSet<>());
        for (int i = 0; i < families.docValueCount(); i++) {
          f.add(families.lookupOrd(families.nextOrd()).utf8ToString());
        }
      }
    }
    Map<EntityCatalog.Entity, Set<String>> familiesOfEntity = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : familiesOfLabel.entrySet()) {
      catalog.ofLabel(e.getKey()).filter(x -> x.type().equals(EntityType.PERSON))
          .ifPresent(x -> familiesOfEntity.computeIfAbsent(x, k -> new HashSet<>()).addAll(e.getValue()));
    }
    List<EntityCatalog.Entity> disagreeing = new ArrayList<>();
    familiesOfEntity.forEach((x, f) -> {
      if (f.size() > 1) {
        disagreeing.add(x);
      }
    });
    disagreeing.sort(Comparator.comparing(EntityCatalog.Entity::name));
    List<Disagreement> out = new ArrayList<>();
    for (EntityCatalog.Entity x : disagreeing) {
      Query docs = new BooleanQuery.Builder()
          .add(scope, BooleanClause.Occur.FILTER)
          .add(new TermInSetQuery(IndexSchema.LABEL, x.labels().stream().map(BytesRef::new).sorted().toList()), BooleanClause.Occur.FILTER)
          .build();
      TreeMap<String, List<Given>> byArticle = new TreeMap<>();
      for (ScoreDoc sd : searcher.search(docs, Math.max(1, reader.maxDoc()), new Sort(SortField.FIELD_DOC)).scoreDocs) {
        DocumentEntity entity = IndexSchema.annotation(searcher.storedFields().document(sd.doc, Set.of(IndexSchema.ANNOTATION)), DocumentEntity.class);
        String document = articleId(reader, sd.doc);
        String source = sortedValue(reader, sd.doc, IndexSchema.ARTICLE_SOURCE);
        for (String role : entity.roles()) {
          byArticle.computeIfAbsent(document, k -> new ArrayList<>()).add(new Given(role, source, document));
        }
      }
      List<Given> given = new ArrayList<>();
      byArticle.values().forEach(given::addAll);
      out.add(new Disagreement("role", x.name(), List.copyOf(given)));
    }
    return out;
  }
}
