package dev.corpus.search;

import dev.corpus.CorpusException;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.corpus.model.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** The entities of an index: lists, profiles, and the filter {@code search --entity} uses. */
public final class EntityService {

  /**
   * A request for {@code corpus entities}.
   *
   * @param type PERSON, ORG, LOC, MISC or NORP, or null for all but NORP (all when {@code all})
   * @param query only entities of articles matching this search, or null for all articles
   * @param minDocs only entities in at least this many articles
   * @param limit at most this many entities
   * @param all with no type, list nationalities ({@code NORP}) too
   */
  public record ListRequest(String type, String query, int minDocs, int limit, boolean all) {
    public ListRequest(String type, String query, int minDocs, int limit) {
      this(type, query, minDocs, limit, false);
    }
  }

  /** The version of the {@code entities} document (docs/json.md); 3: NORP left out by default, {@code link} added. */
  public static final int LIST_VERSION = 3;
  /** The version of the {@code entity} profile (docs/json.md); 3: {@code link}, {@code linked}, no NORP in {@code cooccurring}. */
  public static final int PROFILE_VERSION = 3;
  /** The version of the candidates an ambiguous {@code entity NAME} lists. */
  public static final int CANDIDATES_VERSION = 1;

  /**
   * The country an entity stands for ({@link EntityCatalog.Link}) with the id of the country's
   * own entity in the catalog, or null when the corpus does not name the country.
   */
  public record Link(String country, String relation, String id) {}

  /** One entity of the list: see {@code docs/json.md}; {@code id} is its stable catalog id. */
  public record Summary(String name, String type, List<String> aliases, int mentions, int documents, String id, Link link) {}

  /** An entity that stands for the profiled country: its capital, seat of government, demonym. */
  public record Linked(String name, String type, String id, String relation, int documents) {}

  /** The entities an ambiguous name may mean, most widely reported first: see {@code docs/json.md}. */
  public record Candidates(int version, String name, List<Summary> candidates) {}

  /** What {@code corpus entity NAME} finds: a profile, or the candidates when the name is ambiguous. */
  public record Lookup(Profile profile, Candidates ambiguous) {}

  /** The result of {@code corpus entities}. */
  public record EntityList(int version, long total, List<Summary> entities) {}

  /** A title or role one article gives the entity. */
  public record Role(String role, String document, String source) {}

  /** An article that mentions the entity. */
  public record DocumentRef(String id, String title, String source, String published, int mentions) {}

  /** An entity that appears in the same articles, with the number of articles they share. */
  public record Cooccurrence(String name, String type, int documents) {}

  /** Text around one mention; {@code start}/{@code end} are code point offsets of the mention in {@code text}. */
  public record MentionSnippet(String document, String text, int start, int end) {}

  /** The result of {@code corpus entity NAME}. */
  public record Profile(
      int version,
      String id,
      String name,
      String type,
      List<String> aliases,
      int mentions,
      int documents,
      String firstPublished,
      String lastPublished,
      Link link,
      List<Linked> linked,
      List<Role> roles,
      List<DocumentRef> articles,
      List<Cooccurrence> cooccurring,
      List<MentionSnippet> snippets) {}

  /**
   * A request for the co-occurrence network of a scope's entities ({@link #network}).
   *
   * @param limit entities (nodes), the most widely reported first; nationalities ({@code NORP}) included
   * @param edgeLimit edges kept, the heaviest first
   * @param articlesPerEntity the newest articles listed with each entity
   * @param rolesPerEntity roles listed with each person, at most
   */
  public record NetworkRequest(int limit, int edgeLimit, int articlesPerEntity, int rolesPerEntity) {}

  /**
   * An entity of a network, with what a reader asks of it.
   *
   * @param documents articles in scope that name it
   * @param mentions its mentions in those articles
   * @param roles roles sources give a person in the newest articles in scope ({@value #ROLE_ARTICLES} at most
   *     read), each role once per source
   * @param articles its newest articles in scope, newest first
   */
  public record NetworkEntity(String id, String name, String type, List<String> aliases, int documents, long mentions,
      List<Role> roles, List<ArticleRef> articles) {}

  /** An article as a list shows it: id, title, outlet, publication value (null when unknown). */
  public record ArticleRef(String id, String title, String source, String published) {}

  /**
   * The co-occurrence network of a scope.
   *
   * @param totalEntities entities named in the scope's articles (the nodes are the first of them)
   * @param totalEdges pairs of nodes named in the same articles (the edges are the heaviest)
   * @param edges weighted by the articles in scope naming both, heaviest first: every entity's
   *     heaviest, then the heaviest of the rest ({@link #strongest}); their {@code articles} are left empty
   */
  public record Network(long totalEntities, List<NetworkEntity> entities, long totalEdges, List<EntityGraph.Edge> edges) {}

  /** Newest annotations of a person read for its roles in {@link #network}. */
  static final int ROLE_ARTICLES = 300;

  private final CorpusIndex index;
  private final java.time.Clock clock;
  private final NameRules rules = NameRules.shared();
  private final QueryParsing parsing = new QueryParsing(new CorpusAnalyzer());

  public EntityService(CorpusIndex index) {
    this(index, java.time.Clock.systemDefaultZone());
  }

  /** @param clock what "today" is for dates in words in a scope ({@link #network}) */
  public EntityService(CorpusIndex index, java.time.Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /**
   * The co-occurrence network of the entities the articles of {@code scope} name most (every
   * type, nationalities included): nodes with their counts in scope, aliases, roles and newest
   * articles; the heaviest edges, weighted by shared articles in scope ({@link EntityGraph}).
   */
  public Network network(ArticleScope scope, NetworkRequest request) {
    if (request.limit() < 0 || request.edgeLimit() < 0 || request.articlesPerEntity() < 0 || request.rolesPerEntity() < 0) {
      throw new CorpusException.Usage("network limits must not be negative");
    }
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.open(searcher);
      Query matching = scope.articles(catalog, clock);
      long total;
      List<Summary> top;
      List<EntityCatalog.Entity> entities;
      Map<String, Long> mentions = new HashMap<>();
      if (matching == null) {
        EntityCatalog.Page page = catalog.top(null, 1, request.limit(), true);
        total = page.total();
        entities = page.entities();
        top = page.entities().stream().map(e -> summary(catalog, e)).toList();
        top.forEach(e -> mentions.put(e.id(), (long) e.mentions()));
      } else {
        Query annotations = new BooleanQuery.Builder()
            .add(new ToChildBlockJoinQuery(matching, Blocks.ARTICLES), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ENTITY)), BooleanClause.Occur.FILTER)
            .build();
        List<Counted> grouped = grouped(catalog, LabelCounts.ofAnnotations(searcher, annotations));
        total = grouped.size();
        List<Counted> counted = exactTop(searcher, matching, grouped, request.limit());
        List<Summary> page = new ArrayList<>();
        entities = new ArrayList<>();
        for (Counted c : counted) {
          EntityCatalog.Entity e = c.entity();
          page.add(new Summary(e.name(), e.type(), e.aliases(), (int) Math.min(Integer.MAX_VALUE, c.mentions()), c.documents(), e.id(),
              link(catalog, e)));
          mentions.put(e.id(), c.mentions());
          entities.add(e);
        }
        top = List.copyOf(page);
      }
      EntityGraph.Graph graph = EntityGraph.of(searcher, top, entities, matching, 0);
      List<NetworkEntity> nodes = new ArrayList<>(top.size());
      for (int i = 0; i < top.size(); i++) {
        Summary s = top.get(i);
        EntityCatalog.Entity e = entities.get(i);
        nodes.add(new NetworkEntity(s.id(), s.name(), s.type(), s.aliases(), s.documents(), mentions.get(s.id()),
            roles(searcher, e, matching, request.rolesPerEntity()), newest(searcher, e, matching, request.articlesPerEntity())));
      }
      List<EntityGraph.Edge> edges = graph.edges();
      return new Network(total, List.copyOf(nodes), edges.size(), strongest(edges, request.edgeLimit()));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The {@code limit} edges a network keeps of {@code edges} (heaviest first): each entity's
   * heaviest edge first, so that no entity that has a link is drawn alone, then the heaviest of
   * the rest; in the order of {@code edges}.
   */
  static List<EntityGraph.Edge> strongest(List<EntityGraph.Edge> edges, int limit) {
    if (edges.size() <= limit) {
      return edges;
    }
    java.util.BitSet kept = new java.util.BitSet(edges.size());
    Set<String> linked = new HashSet<>();
    int n = 0;
    for (int i = 0; i < edges.size() && n < limit; i++) {
      EntityGraph.Edge e = edges.get(i);
      boolean first = linked.add(e.source()) | linked.add(e.target());
      if (first) {
        kept.set(i);
        n++;
      }
    }
    for (int i = kept.nextClearBit(0); i < edges.size() && n < limit; i = kept.nextClearBit(i + 1)) {
      kept.set(i);
      n++;
    }
    List<EntityGraph.Edge> out = new ArrayList<>(n);
    kept.stream().forEach(i -> out.add(edges.get(i)));
    return List.copyOf(out);
  }

  /** The {@code limit} newest articles naming {@code entity} among {@code matching} (all when null). */
  private static List<ArticleRef> newest(IndexSearcher searcher, EntityCatalog.Entity entity, Query matching, int limit) throws IOException {
    if (limit == 0) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(EntityCatalog.articlesOf(entity), BooleanClause.Occur.FILTER)
        .add(articles(), BooleanClause.Occur.FILTER);
    if (matching != null) {
      b.add(matching, BooleanClause.Occur.FILTER);
    }
    Sort newest = new Sort(new SortField(IndexSchema.PUBLISHED_DAY, SortField.Type.LONG, true), SortField.FIELD_DOC);
    List<ArticleRef> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(b.build(), limit, newest).scoreDocs) {
      Article a = IndexSchema.toArticle(article(searcher, sd.doc, false));
      out.add(new ArticleRef(a.id(), a.title(), a.source(), published(a)));
    }
    return List.copyOf(out);
  }

  /**
   * The roles sources give a person in its newest {@value #ROLE_ARTICLES} annotations among the
   * articles {@code matching} selects (all when null): each role once per source, at most {@code
   * limit}. Not a person: none.
   */
  private static List<Role> roles(IndexSearcher searcher, EntityCatalog.Entity entity, Query matching, int limit) throws IOException {
    if (limit == 0 || !entity.type().equals(EntityType.PERSON)) {
      return List.of();
    }
    Query annotations = EntityCatalog.annotationsOf(entity);
    if (matching != null) {
      annotations = new BooleanQuery.Builder()
          .add(annotations, BooleanClause.Occur.FILTER)
          .add(new ToChildBlockJoinQuery(matching, Blocks.ARTICLES), BooleanClause.Occur.FILTER)
          .build();
    }
    Sort newest = new Sort(new SortField(IndexSchema.ARTICLE_DAY, SortField.Type.LONG, true), new SortField(IndexSchema.ARTICLE, SortField.Type.LONG));
    Map<String, Role> out = new LinkedHashMap<>();
    StoredFields stored = searcher.storedFields();
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    for (ScoreDoc sd : searcher.search(annotations, ROLE_ARTICLES, newest).scoreDocs) {
      DocumentEntity e = entity(stored.document(sd.doc, Set.of(IndexSchema.ANNOTATION)));
      if (e.roles().isEmpty()) {
        continue;
      }
      String id = stored.document(Blocks.articleOf(reader, sd.doc), Set.of(IndexSchema.ID)).get(IndexSchema.ID);
      String source = source(reader, sd.doc);
      for (String role : e.roles()) {
        out.putIfAbsent(role + "\u0000" + source, new Role(role, id, source));
        if (out.size() >= limit) {
          return List.copyOf(out.values());
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static Query articles() {
    return new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE));
  }

  private static Query and(Query must, Query... filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(must, BooleanClause.Occur.MUST);
    for (Query f : filters) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /**
   * Lists entities; see {@link ListRequest}. Without a query the catalog answers alone (sorted
   * in the index); with one, the entity annotations of the matching articles are counted by label
   * from doc values and the labels grouped into catalog entities, so the counts are those of the
   * matching articles.
   */
  public EntityList list(ListRequest request) {
    String type = checked(request);
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      return list(searcher, EntityCatalog.open(searcher), request, type);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The co-occurrence network of the entities {@link #list} gives for {@code request} ({@code
   * corpus entities --graph}): see {@link EntityGraph}. With a query, nodes and edges count the
   * matching articles only.
   */
  public EntityGraph.Graph graph(ListRequest request) {
    String type = checked(request);
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.open(searcher);
      EntityList list = list(searcher, catalog, request, type);
      return EntityGraph.of(searcher, catalog, list.entities(), request.query() == null ? null : parsing.parse(request.query()), Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  private EntityList list(IndexSearcher searcher, EntityCatalog catalog, ListRequest request, String type) throws IOException {
    if (request.query() == null) {
      EntityCatalog.Page page = catalog.top(type, request.minDocs(), request.limit(), request.all());
      return new EntityList(LIST_VERSION, page.total(), page.entities().stream().map(e -> summary(catalog, e)).toList());
    }
    Query matching = and(parsing.parse(request.query()), articles());
    Query annotations = new BooleanQuery.Builder()
        .add(new ToChildBlockJoinQuery(matching, Blocks.ARTICLES), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ENTITY)), BooleanClause.Occur.FILTER)
        .build();
    List<Counted> grouped = grouped(catalog, LabelCounts.ofAnnotations(searcher, annotations)).stream()
        .filter(c -> type == null ? request.all() || !c.type().equals(EntityType.NORP) : c.type().equals(type))
        .toList();
    // Exact counts for the page, then --min-docs on them; the total counts by the sums (an upper bound).
    List<Counted> counted = exactTop(searcher, matching, grouped, request.limit()).stream()
        .filter(c -> c.documents() >= request.minDocs())
        .toList();
    long total = grouped.stream().filter(c -> c.documents() >= request.minDocs()).count();
    List<Summary> page = counted.stream()
        .map(c -> new Summary(c.entity().name(), c.entity().type(), c.entity().aliases(), (int) c.mentions(), c.documents(), c.entity().id(),
            link(catalog, c.entity())))
        .toList();
    return new EntityList(LIST_VERSION, total, page);
  }

  /** The entity type {@code request} asks for (null: any); a usage error for a bad type or a negative count. */
  private static String checked(ListRequest request) {
    String type = request.type() == null ? null : EntityType.parse(request.type());
    if (request.type() != null && type == null) {
      throw new CorpusException.Usage("unknown entity type '" + request.type() + "': use person, org, loc, misc or norp");
    }
    if (request.limit() < 0 || request.minDocs() < 0) {
      throw new CorpusException.Usage("--limit and --min-docs must not be negative");
    }
    return type;
  }

  private Summary summary(EntityCatalog catalog, EntityCatalog.Entity e) {
    return new Summary(e.name(), e.type(), e.aliases(), e.mentions(), e.documents(), e.id(), link(catalog, e));
  }

  /** The link of {@code e} with the id of its country's entity, or null. */
  private Link link(EntityCatalog catalog, EntityCatalog.Entity e) {
    if (e.link() == null) {
      return null;
    }
    EntityCatalog.Entity country = catalog.country(e.link().country(), rules);
    return new Link(e.link().country(), e.link().relation(), country == null ? null : country.id());
  }

  /**
   * A catalog entity (its document {@code doc}, name and type) with its counts among some
   * articles; the whole entity is read from the catalog only when asked ({@link #entity}), so a
   * count over thousands of entities reads only the page it shows.
   */
  record Counted(EntityCatalog catalog, int doc, String name, String type, int documents, long mentions, int labels) {
    EntityCatalog.Entity entity() {
      return catalog.load(doc);
    }

    Counted withDocuments(int exact) {
      return new Counted(catalog, doc, name, type, exact, mentions, 1);
    }
  }

  private static final Comparator<Counted> RANK = Comparator.comparingInt(Counted::documents).reversed()
      .thenComparing(Comparator.comparingLong(Counted::mentions).reversed())
      .thenComparing(Counted::name)
      .thenComparing(Counted::type);

  /**
   * The first {@code limit} of {@code ranked} ({@link #grouped}'s order) with exact article counts
   * among the articles {@code matching} selects. A sum over labels overcounts an article that
   * names an entity under two labels it kept apart, so an entity counted from several labels is
   * counted again with a query (its articles among the matches); since a sum is never below the
   * exact count, the walk down the ranking stops once {@code limit} exact counts beat the next sum.
   * A handful of counts for a page, not one per entity.
   */
  static List<Counted> exactTop(IndexSearcher searcher, Query matching, List<Counted> ranked, int limit) throws IOException {
    java.util.PriorityQueue<Integer> best = new java.util.PriorityQueue<>();
    List<Counted> done = new ArrayList<>();
    for (Counted c : ranked) {
      if (best.size() >= limit && (limit == 0 || best.peek() > c.documents())) {
        break;
      }
      Counted exact = c.labels() <= 1 ? c : c.withDocuments(searcher.count(new BooleanQuery.Builder()
          .add(matching, BooleanClause.Occur.FILTER)
          .add(EntityCatalog.articlesOf(c.entity()), BooleanClause.Occur.FILTER)
          .build()));
      done.add(exact);
      best.add(exact.documents());
      if (best.size() > limit) {
        best.poll();
      }
    }
    done.sort(RANK);
    return done.subList(0, Math.min(limit, done.size()));
  }

  /**
   * Label counts grouped into catalog entities, the most named first (then most mentioned, then
   * by name). An entity's count is the sum over its labels, an upper bound: an article that names
   * it under two labels the article kept apart counts twice; {@link #exactTop} makes the counts of
   * a page exact. A label the catalog does not know is left out.
   */
  static List<Counted> grouped(EntityCatalog catalog, Map<String, LabelCounts.Count> counts) {
    Map<String, Integer> docs = catalog.docsOfLabels(counts.keySet());
    Map<Integer, long[]> byEntity = new HashMap<>();
    counts.forEach((label, c) -> {
      Integer doc = docs.get(label);
      if (doc != null) {
        long[] sum = byEntity.computeIfAbsent(doc, k -> new long[3]);
        sum[0] += c.documents;
        sum[1] += c.mentions;
        sum[2]++;
      }
    });
    List<Map.Entry<Integer, long[]>> ranked = new ArrayList<>(byEntity.entrySet());
    ranked.sort(Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> e.getValue()[0]).reversed()
        .thenComparing(Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> e.getValue()[1]).reversed())
        .thenComparing(Map.Entry::getKey));
    List<Counted> out = new ArrayList<>(ranked.size());
    for (Map.Entry<Integer, long[]> e : ranked) {
      String[] nameAndType = catalog.nameAndType(e.getKey());
      out.add(new Counted(catalog, e.getKey(), nameAndType[0], nameAndType[1], (int) e.getValue()[0], e.getValue()[1],
          (int) e.getValue()[2]));
    }
    out.sort(RANK);
    return out;
  }

  /**
   * The {@code limit} entities named in most of the articles {@code matching} selects (articles
   * only), counted from the articles' label doc values.
   */
  static List<Counted> topEntities(IndexSearcher searcher, EntityCatalog catalog, Query matching, int limit) throws IOException {
    return topEntities(searcher, catalog, matching, limit, true);
  }

  /** {@link #topEntities}, nationalities ({@code NORP}) left out unless {@code withNorp}. */
  static List<Counted> topEntities(IndexSearcher searcher, EntityCatalog catalog, Query matching, int limit, boolean withNorp) throws IOException {
    List<Counted> all = grouped(catalog, LabelCounts.ofArticles(searcher, matching)).stream()
        .filter(c -> withNorp || !c.type().equals(EntityType.NORP))
        .toList();
    return exactTop(searcher, matching, all, limit);
  }

  /**
   * The profile of the entity a user names, with its {@code articleLimit} newest articles.
   *
   * @throws CorpusException.NotFound when no entity of the index has that name or alias
   * @throws CorpusException.Usage when a limit is negative
   */
  public Profile profile(String name, int snippetLimit, int articleLimit) {
    Lookup found = lookup(name, null, snippetLimit, articleLimit);
    if (found.ambiguous() != null) {
      throw new CorpusException.Usage(ambiguity(found.ambiguous()));
    }
    return found.profile();
  }

  /** The one-line message for an ambiguous name. */
  public static String ambiguity(Candidates c) {
    return "'" + c.name() + "' may mean " + c.candidates().size() + " entities: choose one with --pick N (its rank) or --pick ID";
  }

  /**
   * The profile of the entity a user names, or the candidates when the name fits several
   * ({@link EntityCatalog#candidates}) and {@code pick} does not choose one.
   *
   * @param pick null, a candidate's id, or its 1-based rank among the candidates
   * @throws CorpusException.NotFound when no entity of the index has that name or alias
   * @throws CorpusException.Usage when a limit is negative or {@code pick} is none of the candidates
   */
  public Lookup lookup(String name, String pick, int snippetLimit, int articleLimit) {
    if (snippetLimit < 0 || articleLimit < 0) {
      throw new CorpusException.Usage("--limit and --snippets must not be negative");
    }
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.open(searcher);
      List<EntityCatalog.Entity> candidates = catalog.candidates(name, rules);
      if (candidates.isEmpty()) {
        throw new CorpusException.NotFound("no entity named '" + name + "' in the index");
      }
      EntityCatalog.Entity entity;
      if (pick != null) {
        entity = picked(candidates, pick, catalog.lookup());
      } else if (candidates.size() == 1) {
        entity = candidates.get(0);
      } else {
        return new Lookup(null, new Candidates(CANDIDATES_VERSION, name, candidates.stream().map(e -> summary(catalog, e)).toList()));
      }
      return new Lookup(profile(searcher, reader, catalog, entity, snippetLimit, articleLimit), null);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    } catch (java.io.UncheckedIOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getCause().getMessage(), e);
    }
  }

  /**
   * The candidate {@code pick} chooses: its 1-based rank, its id, or an old id merged into it.
   *
   * @throws CorpusException.Usage when {@code pick} is none of the candidates
   */
  public static EntityCatalog.Entity picked(List<EntityCatalog.Entity> candidates, String pick, EntityCatalog.Lookup catalog) {
    if (pick.matches("[0-9]{1,9}")) {
      int rank = Integer.parseInt(pick);
      if (rank < 1 || rank > candidates.size()) {
        throw new CorpusException.Usage("--pick " + pick + ": there " + (candidates.size() == 1 ? "is 1 candidate" : "are " + candidates.size() + " candidates"));
      }
      return candidates.get(rank - 1);
    }
    for (EntityCatalog.Entity e : candidates) {
      if (e.id().equals(pick)) {
        return e;
      }
    }
    Optional<EntityCatalog.Entity> merged = EntityCatalog.byId(pick, catalog); // an old id, merged into a candidate since
    if (merged.isPresent() && candidates.stream().anyMatch(e -> e.id().equals(merged.get().id()))) {
      return merged.get();
    }
    throw new CorpusException.Usage("--pick " + pick + " is not the id or rank of a candidate");
  }

  private Profile profile(IndexSearcher searcher, DirectoryReader reader, EntityCatalog catalog, EntityCatalog.Entity entity,
      int snippetLimit, int articleLimit) throws IOException {
    Query annotations = EntityCatalog.annotationsOf(entity);
    StoredFields stored = searcher.storedFields();
    // Newest first; the few an article has under two labels are merged by mentions().
    Sort newest = new Sort(new SortField(IndexSchema.ARTICLE_DAY, SortField.Type.LONG, true),
        new SortField(IndexSchema.ARTICLE, SortField.Type.LONG));
    int wanted = Math.max(articleLimit, snippetLimit);
    TopDocs top = searcher.search(annotations, Math.max(1, 2 * wanted + 8), newest);
    // By article document: the block an annotation is in, not its article id.
    List<Annotated<Integer>> found = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      found.add(new Annotated<>(Blocks.articleOf(reader, sd.doc), entity(stored.document(sd.doc, Set.of(IndexSchema.ANNOTATION)))));
    }
    Mentions mentions = mentions(found, (doc, body) -> {
      try {
        return IndexSchema.toArticle(article(searcher, doc, body));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, articleLimit, snippetLimit);
    List<DocumentRef> articles = mentions.articles();
    List<MentionSnippet> snippets = mentions.snippets();
    List<Linked> linked = entity.link() != null ? List.of() : catalog.linkedTo(entity, rules).stream()
        .map(e -> new Linked(e.name(), e.type(), e.id(), e.link().relation(), e.documents()))
        .toList();
    return new Profile(PROFILE_VERSION, entity.id(), entity.name(), entity.type(), entity.aliases(), entity.mentions(), entity.documents(),
        edge(searcher, annotations, false), edge(searcher, annotations, true), link(catalog, entity), linked,
        roles(searcher, entity, annotations), List.copyOf(articles), cooccurring(searcher, catalog, entity), List.copyOf(snippets));
  }

  /** An entity annotation of a profile's entity and the article it is in ({@code K}: how a backend names that article). */
  public record Annotated<K>(K article, DocumentEntity entity) {}

  /** A profile's articles and mention snippets. */
  public record Mentions(List<DocumentRef> articles, List<MentionSnippet> snippets) {}

  /**
   * A profile's articles and snippets from its entity's annotations, newest article first: the
   * annotations one article has under two labels are merged (mentions summed, the first one's
   * span shown). Each backend reads the annotations its way; the profile is assembled here once.
   *
   * @param newest the entity's annotations, newest article first, at least {@code 2 * max(limits) + 8} of them when there are
   * @param load the article a key names, with its body when the flag is true
   */
  public static <K> Mentions mentions(List<Annotated<K>> newest, java.util.function.BiFunction<K, Boolean, Article> load,
      int articleLimit, int snippetLimit) {
    Map<K, Integer> mentionsOf = new LinkedHashMap<>();
    Map<K, DocumentEntity> first = new LinkedHashMap<>();
    for (Annotated<K> a : newest) {
      mentionsOf.merge(a.article(), a.entity().mentions(), Integer::sum);
      first.putIfAbsent(a.article(), a.entity());
    }
    List<DocumentRef> articles = new ArrayList<>();
    List<MentionSnippet> snippets = new ArrayList<>();
    for (Map.Entry<K, Integer> a : mentionsOf.entrySet()) {
      if (articles.size() >= articleLimit && snippets.size() >= snippetLimit) {
        break;
      }
      Article art = load.apply(a.getKey(), snippets.size() < snippetLimit);
      String id = art.id();
      if (articles.size() < articleLimit) {
        articles.add(new DocumentRef(id, art.title(), art.source(), published(art), a.getValue()));
      }
      DocumentEntity e = first.get(a.getKey());
      if (snippets.size() < snippetLimit && !e.spans().isEmpty() && art.body() != null) {
        snippets.add(snippet(id, art.body(), e.spans().get(0)));
      }
    }
    return new Mentions(List.copyOf(articles), List.copyOf(snippets));
  }

  /**
   * The first or last publication value of an entity's dated articles: {@code days} are their
   * corpus days in order (ascending for the first, descending for the last), {@code article}
   * reads the i-th; the value shown is the article's own (a time when it has one), so the few
   * articles of the edge day are compared on it.
   */
  public static String edge(List<Long> days, java.util.function.IntFunction<Article> article, boolean latest) {
    String best = null;
    Long day = null;
    for (int i = 0; i < days.size(); i++) {
      long d = days.get(i);
      if (day != null && d != day) {
        break;
      }
      day = d;
      String value = published(article.apply(i));
      if (value != null && (best == null || (latest ? value.compareTo(best) > 0 : value.compareTo(best) < 0))) {
        best = value;
      }
    }
    return best;
  }

  /**
   * Adds the roles of one annotation (read newest first) to a person's roles: each distinct role
   * a source gives, with the newest article that gives it.
   *
   * @param article the id of the annotation's article, read only when it has a role
   */
  public static void addRoles(Map<String, Role> out, DocumentEntity e, java.util.function.Supplier<String> article, String source) {
    if (e.roles().isEmpty()) {
      return;
    }
    String id = article.get();
    for (String role : e.roles()) {
      out.putIfAbsent(role + "\u0000" + source, new Role(role, id, source));
    }
  }

  private static String published(Article a) {
    return a.published() != null && a.published().known() ? a.published().value() : null;
  }

  /** The stored article document {@code doc}: the fields a reference shows, and the body when asked. */
  private static Document article(IndexSearcher searcher, int doc, boolean body) throws IOException {
    Set<String> fields = body
        ? Set.of(IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META, IndexSchema.BODY)
        : Set.of(IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META);
    return searcher.storedFields().document(doc, fields);
  }

  /** The earliest ({@code latest} false) or latest publication value of the entity's dated articles. */
  private static String edge(IndexSearcher searcher, Query annotations, boolean latest) throws IOException {
    Query dated = new BooleanQuery.Builder()
        .add(annotations, BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(IndexSchema.ARTICLE_DAY, IndexSchema.NO_DAY + 1, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
        .build();
    Sort byDay = new Sort(new SortField(IndexSchema.ARTICLE_DAY, SortField.Type.LONG, latest), new SortField(IndexSchema.ARTICLE, SortField.Type.LONG));
    // The day orders articles; the value shown is the article's own (a time when it has one), so
    // the few articles of the edge day are compared on it.
    ScoreDoc[] top = searcher.search(dated, 256, byDay).scoreDocs;
    List<Long> days = new ArrayList<>();
    for (ScoreDoc sd : top) {
      days.add(((Number) ((org.apache.lucene.search.FieldDoc) sd).fields[0]).longValue());
    }
    return edge(days, i -> {
      try {
        return IndexSchema.toArticle(article(searcher, Blocks.articleOf(searcher.getIndexReader(), top[i].doc), false));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, latest);
  }

  /**
   * The titles and roles articles give a person: each distinct role a source gives, with the
   * newest article that gives it; sources that disagree show as different roles.
   */
  private static List<Role> roles(IndexSearcher searcher, EntityCatalog.Entity entity, Query annotations) throws IOException {
    if (!entity.type().equals(EntityType.PERSON)) {
      return List.of();
    }
    Sort newest = new Sort(new SortField(IndexSchema.ARTICLE_DAY, SortField.Type.LONG, true), new SortField(IndexSchema.ARTICLE, SortField.Type.LONG));
    TopDocs all = searcher.search(annotations, Math.max(1, searcher.count(annotations)), newest);
    Map<String, Role> out = new LinkedHashMap<>();
    StoredFields stored = searcher.storedFields();
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    for (ScoreDoc sd : all.scoreDocs) {
      DocumentEntity e = entity(stored.document(sd.doc, Set.of(IndexSchema.ANNOTATION)));
      addRoles(out, e, () -> {
        try {
          return searcher.storedFields().document(Blocks.articleOf(reader, sd.doc), Set.of(IndexSchema.ID)).get(IndexSchema.ID);
        } catch (IOException x) {
          throw new java.io.UncheckedIOException(x);
        }
      }, source(reader, sd.doc));
    }
    return List.copyOf(out.values());
  }

  private static String source(DirectoryReader reader, int doc) throws IOException {
    var leaves = reader.leaves();
    var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    var sources = leaf.reader().getSortedDocValues(IndexSchema.ARTICLE_SOURCE);
    return sources != null && sources.advanceExact(doc - leaf.docBase) ? sources.lookupOrd(sources.ordValue()).utf8ToString() : null;
  }

  private static DocumentEntity entity(Document stored) {
    return IndexSchema.annotation(stored, DocumentEntity.class);
  }

  /**
   * The ten entities sharing most articles with {@code entity}: the labels of its articles,
   * counted from doc values and grouped into catalog entities.
   */
  private static List<Cooccurrence> cooccurring(IndexSearcher searcher, EntityCatalog catalog, EntityCatalog.Entity entity) throws IOException {
    Query its = new BooleanQuery.Builder()
        .add(EntityCatalog.articlesOf(entity), BooleanClause.Occur.FILTER)
        .add(articles(), BooleanClause.Occur.FILTER)
        .build();
    Integer self = catalog.docsOfLabels(entity.labels().subList(0, 1)).get(entity.labels().get(0));
    // Nationalities are left out: "Russian" is next to everything about Russia and says little.
    return topEntities(searcher, catalog, its, 11, false).stream()
        .filter(c -> self == null || c.doc() != self)
        .limit(10)
        .map(c -> new Cooccurrence(c.name(), c.type(), c.documents()))
        .toList();
  }

  /** About 80 code points either side of the mention, cut at word boundaries and on one line. */
  static MentionSnippet snippet(String documentId, String body, int[] span) {
    int[] cps = body.codePoints().toArray();
    int from = Math.max(0, span[0] - 80);
    int to = Math.min(cps.length, span[1] + 80);
    while (from > 0 && from < span[0] && !Character.isWhitespace(cps[from - 1])) {
      from++;
    }
    while (to < cps.length && to > span[1] && !Character.isWhitespace(cps[to])) {
      to--;
    }
    for (int k = span[0] - 1; k >= from; k--) {
      if (cps[k] == '\n') {
        from = k + 1;
        break;
      }
    }
    for (int k = span[1]; k < to; k++) {
      if (cps[k] == '\n') {
        to = k;
        break;
      }
    }
    String text = new String(cps, from, to - from);
    return new MentionSnippet(documentId, text, span[0] - from, span[1] - from);
  }

}
