package dev.corpus.solr;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.IndexSchema;
import dev.corpus.model.Article;
import dev.corpus.catalog.CatalogName;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.index.TimelineEvents;
import dev.corpus.index.TimelinePass;
import dev.corpus.extract.claim.Claim;
import dev.corpus.search.ClaimService;
import dev.corpus.search.DateRange;
import dev.corpus.search.DateService;
import dev.corpus.search.EntityCatalog;
import dev.corpus.search.EntityService;
import dev.corpus.search.QueryBackend;
import dev.corpus.search.QueryParsing;
import dev.corpus.search.SearchRequest;
import dev.corpus.search.SearchResult;
import dev.corpus.search.SearchService;
import dev.corpus.search.Snippet;
import dev.corpus.search.SnippetFormatter;
import dev.corpus.search.StatsService;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.util.QueryBuilder;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.util.NamedList;

/**
 * A corpus collection in SolrCloud as a {@link QueryBackend}: the same requests as the local
 * index, answered by Solr's distributed search, highlighting and JSON Facet API. Aggregations run
 * in the cluster; the client reads a page of hits and the counts, never every document.
 *
 * <p>Where the answer differs from the local index's, it is by what a distributed index is
 * (docs/scale-out.md): scores of equal relevance may order ties differently, {@code index} is the
 * target and {@code indexBytes} the size of the shards' leader replicas.
 */
public final class SolrBackend implements QueryBackend {

  /** Marks around the matches of a highlighted passage: private-use characters no article holds. */
  private static final String PRE = "\uE000";
  private static final String POST = "\uE001";

  private final SolrTarget target;
  private final Clock clock;
  private final CloudSolrClient solr;
  private final CorpusAnalyzer analyzer = new CorpusAnalyzer();
  private NameRules rules;

  public SolrBackend(SolrTarget target, Clock clock) {
    this.target = target;
    this.clock = clock;
    this.solr = target.client();
  }

  @Override
  public StatsService.Stats stats() {
    SolrQuery q = new SolrQuery("*:*");
    q.setRows(0);
    long noDay = IndexSchema.NO_DAY;
    q.add("json.facet", """
        {articles: {type: query, q: "kind:article", facet: {
           undated: {type: query, q: "published_day:\\"%d\\""},
           dated: {type: query, q: "published_day:[%d TO *]", facet: {earliest: "min(published_day)", latest: "max(published_day)"}},
           files: {type: query, q: "file_head:1"},
           notExtracted: {type: query, q: "not_extracted:1"},
           notEnglish: {type: query, q: "language:* -language:en"},
           sources: {type: terms, field: source_exact, limit: -1, refine: true}}},
         entities: {type: query, q: "kind:catalog"}}
        """.formatted(noDay, noDay + 1));
    NamedList<?> facets = (NamedList<?>) query(q).getResponse().get("facets");
    // An empty collection answers with counts only, without the sub-facets.
    NamedList<?> articles = facets != null && facets.get("articles") instanceof NamedList<?> a ? a : new NamedList<>();
    NamedList<?> dated = (NamedList<?>) articles.get("dated");
    List<StatsService.SourceCount> sources = new ArrayList<>();
    for (Bucket b : buckets((NamedList<?>) articles.get("sources"))) {
      sources.add(new StatsService.SourceCount(b.value(), b.count()));
    }
    sources.sort(Comparator.comparingLong(StatsService.SourceCount::articles).reversed().thenComparing(StatsService.SourceCount::source));
    return new StatsService.Stats(
        1,
        target.text(),
        count(articles),
        count(articles.get("files")),
        count(articles.get("undated")),
        count(articles.get("notExtracted")),
        count(articles.get("notEnglish")),
        day(dated == null ? null : dated.get("earliest")),
        day(dated == null ? null : dated.get("latest")),
        List.copyOf(sources),
        SolrIndexSize.of(solr, target.collection()),
        count(facets == null ? null : facets.get("entities")),
        0); // the corrections file stays with the local index: see docs/scale-out.md
  }

  @Override
  public SearchResult search(SearchRequest request) {
    if (request.limit() < 0 || request.offset() < 0) {
      throw new CorpusException.Usage("--limit and --offset must not be negative");
    }
    new QueryParsing(analyzer).parse(request.query()); // the same one-line errors as the local index
    if (request.entity() != null || request.mentionsSince() != null || request.mentionsUntil() != null) {
      throw new CorpusException.Usage("search --entity and --mentions-since/--mentions-until cannot run on SolrCloud yet;"
          + " run them on a local index (--index DIR)");
    }
    SolrQuery q = matching(request.query());
    filters(request, q);
    int wanted = (int) Math.min((long) request.offset() + request.limit(), Integer.MAX_VALUE);
    q.setStart(request.offset());
    q.setRows(request.limit() == 0 ? 0 : Math.max(0, wanted - request.offset()));
    if (!request.exactTotal()) {
      q.set("minExactCount", Math.max(SearchService.COUNT_LIMIT, wanted));
    }
    q.setFields(SolrPush.UID, IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META, IndexSchema.BODY, "score");
    if (request.sort() == SearchRequest.Sort.DATE) {
      q.setSort(IndexSchema.PUBLISHED_DAY, SolrQuery.ORDER.desc);
    }
    SearchResult.Facets facets = request.facets() ? facets(q) : null;
    highlight(q);
    QueryResponse response = query(q);
    SolrDocumentList docs = response.getResults();
    Map<String, Map<String, List<String>>> highlighting = response.getHighlighting();
    List<SearchResult.Hit> hits = new ArrayList<>();
    int rank = request.offset();
    for (SolrDocument d : docs) {
      Article a = article(d);
      List<String> passages = highlighting == null ? null
          : highlighting.getOrDefault((String) d.getFieldValue(SolrPush.UID), Map.of()).get(IndexSchema.BODY);
      Snippet snippet = passages == null || passages.isEmpty() ? null : snippet((String) d.getFieldValue(IndexSchema.BODY), passages.get(0));
      float score = ((Number) d.getFieldValue("score")).floatValue();
      hits.add(new SearchResult.Hit(++rank, a.id(), a.path(), a.title(), a.source(), a.byline(), a.published(),
          Math.round(score * 10000) / 10000.0, snippet));
    }
    Boolean exact = docs.getNumFoundExact();
    return new SearchResult(1, request.query(), docs.getNumFound(), exact == null || exact, request.offset(), request.limit(),
        List.copyOf(hits), facets);
  }

  /** The articles matching a user query, parsed as {@code QueryParsing} parses it. */
  private static SolrQuery matching(String query) {
    SolrQuery q = new SolrQuery(query);
    q.set("defType", "edismax");
    // As QueryParsing: title and body, title double, all words required; tie 1 makes each word's
    // clause the sum over both fields, as Lucene's multi-field parser builds it.
    q.set("qf", IndexSchema.TITLE + "^2 " + IndexSchema.BODY);
    q.set("q.op", "AND");
    q.set("tie", "1.0");
    q.set("sow", "true");
    q.addFilterQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_ARTICLE);
    return q;
  }

  /**
   * {@code search --facets} as {@code SearchService} counts them: outlets and entity types by a
   * JSON terms facet each; entities by the labels of the matching articles (a terms facet),
   * grouped into catalog entities (one catalog request for the labels), nationalities left out,
   * and the page's counts made exact where an entity has several labels (one count each), as
   * {@code EntityService.exactTop} does.
   */
  private SearchResult.Facets facets(SolrQuery search) {
    SolrQuery q = search.getCopy();
    q.setRows(0);
    q.setStart(0);
    q.remove("sort");
    q.remove("fl");
    q.remove("minExactCount");
    q.add("json.facet", "{source: {type: terms, field: source_exact, limit: -1, refine: true},"
        + " type: {type: terms, field: type, limit: -1, refine: true},"
        + " labels: {type: terms, field: entity_labels, limit: -1, refine: true}}");
    NamedList<?> f = (NamedList<?>) query(q).getResponse().get("facets");
    List<SearchResult.Count> sources = counts(f == null ? null : (NamedList<?>) f.get("source"));
    List<SearchResult.Count> types = counts(f == null ? null : (NamedList<?>) f.get("type"));
    List<SearchResult.EntityCount> entities = topEntities(search, labelCounts(f), SearchService.FACET_VALUES).stream()
        .map(c -> new SearchResult.EntityCount(c.entity().name(), c.entity().type(), c.documents()))
        .toList();
    return new SearchResult.Facets(sources.stream().limit(SearchService.FACET_VALUES).toList(), types, entities);
  }

  /** The counts of a {@code labels} terms facet on {@code entity_labels}, by label. */
  private static Map<String, Long> labelCounts(NamedList<?> facets) {
    Map<String, Long> labels = new java.util.HashMap<>();
    for (Bucket b : buckets(facets == null ? null : (NamedList<?>) facets.get("labels"))) {
      labels.put(b.value(), b.count());
    }
    return labels;
  }

  private static List<SearchResult.Count> counts(NamedList<?> facet) {
    List<SearchResult.Count> out = new ArrayList<>();
    for (Bucket b : buckets(facet)) {
      out.add(new SearchResult.Count(b.value(), b.count()));
    }
    out.sort(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value));
    return out;
  }

  /** A catalog entity with its count of matching articles, and how many of its labels made the count. */
  private record Counted(EntityCatalog.Entity entity, long documents, int labels) {}

  private static final Comparator<Counted> RANK = Comparator.comparingLong(Counted::documents).reversed()
      .thenComparing(c -> c.entity().name())
      .thenComparing(c -> c.entity().type());

  private List<Counted> topEntities(SolrQuery search, Map<String, Long> labelCounts, int limit) {
    if (labelCounts.isEmpty()) {
      return List.of();
    }
    SolrQuery catalog = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_CATALOG);
    catalog.addFilterQuery("{!terms f=" + IndexSchema.CATALOG_LABEL + " separator=\u0001}" + String.join("\u0001", labelCounts.keySet()));
    catalog.setFields(CATALOG_FIELDS);
    catalog.setRows(labelCounts.size());
    List<Counted> grouped = new ArrayList<>();
    for (SolrDocument d : query(catalog, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults()) {
      EntityCatalog.Entity e = catalogEntity(d);
      long sum = 0;
      int n = 0;
      for (String label : e.labels()) {
        Long c = labelCounts.get(label);
        if (c != null) {
          sum += c;
          n++;
        }
      }
      if (n > 0 && !e.type().equals(EntityType.NORP)) {
        grouped.add(new Counted(e, sum, n));
      }
    }
    grouped.sort(RANK);
    // A sum over labels is an upper bound; walk down until the page's exact counts beat the next sum.
    java.util.PriorityQueue<Long> best = new java.util.PriorityQueue<>();
    List<Counted> done = new ArrayList<>();
    for (Counted c : grouped) {
      if (best.size() >= limit && (limit == 0 || best.peek() > c.documents())) {
        break;
      }
      Counted exact = c.labels() <= 1 ? c : new Counted(c.entity(), articlesOf(search, c.entity()), 1);
      done.add(exact);
      best.add(exact.documents());
      if (best.size() > limit) {
        best.poll();
      }
    }
    done.sort(RANK);
    return done.subList(0, Math.min(limit, done.size()));
  }

  /** The matching articles that name {@code e} under any of its names ({@code EntityCatalog.articlesOf}). */
  private long articlesOf(SolrQuery search, EntityCatalog.Entity e) {
    SolrQuery q = search.getCopy();
    q.setRows(0);
    q.setStart(0);
    q.remove("sort");
    q.remove("fl");
    q.remove("minExactCount");
    q.addFilterQuery(articlesOf(e));
    return query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults().getNumFound();
  }

  /** The articles that name {@code e} under any of its names: a filter query ({@code EntityCatalog.articlesOf}). */
  private static String articlesOf(EntityCatalog.Entity e) {
    java.util.Set<String> terms = new java.util.LinkedHashSet<>();
    for (String label : e.labels()) {
      terms.add(IndexSchema.entityTerm(CatalogName.typeOf(label), CatalogName.nameOf(label)));
    }
    return terms(IndexSchema.ENTITY, terms);
  }

  /** A filter on documents whose {@code field} holds any of {@code values}: a terms query, values taken verbatim. */
  private static String terms(String field, Collection<String> values) {
    return "{!terms f=" + field + " separator=\u0001}" + String.join("\u0001", values);
  }

  @Override
  public EntityService.EntityList entities(EntityService.ListRequest request) {
    String type = request.type() == null ? null : EntityType.parse(request.type());
    if (request.type() != null && type == null) {
      throw new CorpusException.Usage("unknown entity type '" + request.type() + "': use person, org, loc, misc or norp");
    }
    if (request.limit() < 0 || request.minDocs() < 0) {
      throw new CorpusException.Usage("--limit and --min-docs must not be negative");
    }
    if (request.query() != null) {
      throw new CorpusException.Usage("entities --query cannot run on SolrCloud yet; run it on a local index (--index DIR)");
    }
    // As EntityCatalog.top: the catalog documents, most widely reported first.
    SolrQuery q = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_CATALOG);
    if (type != null) {
      q.addFilterQuery(IndexSchema.CATALOG_TYPE + ":" + type);
    } else if (!request.all()) {
      q.addFilterQuery("-" + IndexSchema.CATALOG_TYPE + ":" + EntityType.NORP);
    }
    if (request.minDocs() > 0) {
      q.addFilterQuery(IndexSchema.DOCUMENTS + ":[" + request.minDocs() + " TO *]");
    }
    q.setRows(request.limit());
    q.addSort(IndexSchema.DOCUMENTS, SolrQuery.ORDER.desc);
    q.addSort(IndexSchema.MENTIONS, SolrQuery.ORDER.desc);
    q.addSort(IndexSchema.CATALOG_NAME, SolrQuery.ORDER.asc);
    q.addSort(IndexSchema.CATALOG_TYPE, SolrQuery.ORDER.asc);
    q.setFields(CATALOG_FIELDS);
    SolrDocumentList docs = query(q).getResults();
    List<EntityService.Summary> out = new ArrayList<>();
    for (SolrDocument d : docs) {
      EntityCatalog.Entity e = catalogEntity(d);
      out.add(new EntityService.Summary(e.name(), e.type(), e.aliases(), e.mentions(), e.documents(), e.id(), link(e)));
    }
    return new EntityService.EntityList(EntityService.LIST_VERSION, docs.getNumFound(), List.copyOf(out));
  }

  private static final String[] CATALOG_FIELDS = {
    IndexSchema.CATALOG_ID, IndexSchema.CATALOG_TYPE, IndexSchema.CATALOG_NAME, IndexSchema.CATALOG_NAMES,
    IndexSchema.CATALOG_ALIASES, IndexSchema.DOCUMENTS, IndexSchema.CATALOG_LINK_COUNTRY, IndexSchema.CATALOG_LINK_RELATION
  };

  /** A catalog entity read from its Solr document as {@code EntityCatalog} reads it from Lucene's. */
  private static EntityCatalog.Entity catalogEntity(SolrDocument d) {
    Document stored = new Document();
    for (String f : CATALOG_FIELDS) {
      Object v = d.getFieldValue(f);
      if (v instanceof Collection<?> several) {
        v = several.iterator().next(); // the link fields: one value each
      }
      if (v instanceof byte[] bytes) {
        stored.add(new StoredField(f, bytes));
      } else if (v instanceof Number n) {
        stored.add(new StoredField(f, n.intValue()));
      } else if (v != null) {
        stored.add(new StoredField(f, v.toString()));
      }
    }
    return EntityCatalog.entity(stored);
  }

  /** As {@code EntityService}'s: the entity's country with the id of the country's own entity. */
  private EntityService.Link link(EntityCatalog.Entity e) {
    if (e.link() == null) {
      return null;
    }
    EntityCatalog.Entity country = EntityCatalog.country(e.link().country(), rules(), this::catalog);
    return new EntityService.Link(e.link().country(), e.link().relation(), country == null ? null : country.id());
  }

  /**
   * The catalog as an {@link EntityCatalog.Lookup}: the entities holding any of the terms in
   * {@code field}, at most 1000 in the catalog's order, then the most mentioned first, as the
   * local catalog's lookup answers.
   */
  private List<EntityCatalog.Entity> catalog(String field, Collection<String> values) {
    SolrQuery q = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_CATALOG);
    q.addFilterQuery(terms(field, values));
    q.setRows(1000);
    q.addSort(IndexSchema.DOCUMENTS, SolrQuery.ORDER.desc);
    q.addSort(IndexSchema.MENTIONS, SolrQuery.ORDER.desc);
    q.addSort(IndexSchema.CATALOG_NAME, SolrQuery.ORDER.asc);
    q.addSort(IndexSchema.CATALOG_TYPE, SolrQuery.ORDER.asc);
    q.setFields(CATALOG_FIELDS);
    List<EntityCatalog.Entity> out = new ArrayList<>();
    for (SolrDocument d : query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults()) {
      out.add(catalogEntity(d));
    }
    out.sort(Comparator.comparingInt(EntityCatalog.Entity::mentions).reversed());
    return out;
  }

  @Override
  public EntityService.Lookup entity(String name, String pick, int snippetLimit, int articleLimit) {
    if (snippetLimit < 0 || articleLimit < 0) {
      throw new CorpusException.Usage("--limit and --snippets must not be negative");
    }
    List<EntityCatalog.Entity> candidates = EntityCatalog.candidates(name, rules(), this::catalog);
    if (candidates.isEmpty()) {
      throw new CorpusException.NotFound("no entity named '" + name + "' in the index");
    }
    EntityCatalog.Entity entity;
    if (pick != null) {
      entity = EntityService.picked(candidates, pick, this::catalog);
    } else if (candidates.size() == 1) {
      entity = candidates.get(0);
    } else {
      return new EntityService.Lookup(null, new EntityService.Candidates(EntityService.CANDIDATES_VERSION, name,
          candidates.stream().map(e -> new EntityService.Summary(e.name(), e.type(), e.aliases(), e.mentions(), e.documents(), e.id(), link(e)))
              .toList()));
    }
    return new EntityService.Lookup(profile(entity, snippetLimit, articleLimit), null);
  }

  /**
   * {@code corpus entity}'s profile as {@code EntityService} builds it: the entity's annotation
   * documents newest first (a page of them), their articles read by id in one request, the first
   * and last publication by two sorted requests, a person's roles from all its annotations (one
   * entity's, not the corpus's), and the entities sharing most articles as {@code search --facets}
   * counts them; assembled by the same {@code EntityService} helpers.
   */
  private EntityService.Profile profile(EntityCatalog.Entity entity, int snippetLimit, int articleLimit) {
    int wanted = Math.max(articleLimit, snippetLimit);
    SolrQuery page = annotationsOf(entity, false);
    page.setRows(Math.max(1, 2 * wanted + 8));
    SolrDocumentList newest = query(page, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults();
    List<EntityService.Annotated<Long>> found = new ArrayList<>();
    for (SolrDocument d : newest) {
      found.add(new EntityService.Annotated<>((Long) d.getFieldValue(IndexSchema.ARTICLE), annotation(d)));
    }
    // Bodies only for the articles that may give a snippet; the rest without.
    List<Long> keys = found.stream().map(EntityService.Annotated::article).distinct().toList();
    Map<Long, Article> withBody = articles(keys.subList(0, Math.min(keys.size(), snippetLimit)), true);
    Map<Long, Article> plain = articles(keys.subList(Math.min(keys.size(), snippetLimit), Math.min(keys.size(), wanted)), false);
    EntityService.Mentions mentions = EntityService.mentions(found, (key, body) -> {
      Article a = withBody.containsKey(key) ? withBody.get(key) : !body && plain.containsKey(key) ? plain.get(key) : null;
      return a != null ? a : articles(List.of(key), body).get(key);
    }, articleLimit, snippetLimit);
    List<EntityService.Role> roles = List.of();
    if (entity.type().equals(EntityType.PERSON)) {
      SolrQuery all = annotationsOf(entity, false);
      all.setRows((int) Math.max(1, newest.getNumFound()));
      Map<String, EntityService.Role> out = new java.util.LinkedHashMap<>();
      for (SolrDocument d : query(all, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults()) {
        long article = (Long) d.getFieldValue(IndexSchema.ARTICLE);
        EntityService.addRoles(out, annotation(d), () -> String.format(java.util.Locale.ROOT, "%016x", article),
            (String) d.getFieldValue(IndexSchema.ARTICLE_SOURCE));
      }
      roles = List.copyOf(out.values());
    }
    List<EntityService.Linked> linked = entity.link() != null ? List.of() : EntityCatalog.linkedTo(entity, rules(), this::catalog).stream()
        .map(e -> new EntityService.Linked(e.name(), e.type(), e.id(), e.link().relation(), e.documents()))
        .toList();
    SolrQuery its = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_ARTICLE);
    its.addFilterQuery(articlesOf(entity));
    SolrQuery labels = its.getCopy();
    labels.setRows(0);
    labels.add("json.facet", "{labels: {type: terms, field: entity_labels, limit: -1, refine: true}}");
    NamedList<?> f = (NamedList<?>) query(labels, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResponse().get("facets");
    List<EntityService.Cooccurrence> cooccurring = topEntities(its, labelCounts(f), 11).stream()
        .filter(c -> !c.entity().id().equals(entity.id()))
        .limit(10)
        .map(c -> new EntityService.Cooccurrence(c.entity().name(), c.entity().type(), (int) c.documents()))
        .toList();
    return new EntityService.Profile(EntityService.PROFILE_VERSION, entity.id(), entity.name(), entity.type(), entity.aliases(),
        entity.mentions(), entity.documents(), edge(entity, false), edge(entity, true), link(entity), linked, roles,
        mentions.articles(), cooccurring, mentions.snippets());
  }

  /** The entity's annotation documents newest first ({@code EntityCatalog.annotationsOf}); only dated ones when asked. */
  private static SolrQuery annotationsOf(EntityCatalog.Entity entity, boolean dated) {
    SolrQuery q = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_ENTITY);
    q.addFilterQuery(terms(IndexSchema.LABEL, entity.labels()));
    if (dated) {
      q.addFilterQuery(IndexSchema.ARTICLE_DAY + ":[" + (IndexSchema.NO_DAY + 1) + " TO *]");
    }
    q.addSort(IndexSchema.ARTICLE_DAY, SolrQuery.ORDER.desc);
    q.addSort(IndexSchema.ARTICLE, SolrQuery.ORDER.asc);
    q.setFields(IndexSchema.ARTICLE, IndexSchema.ARTICLE_DAY, IndexSchema.ARTICLE_SOURCE, IndexSchema.ANNOTATION);
    return q;
  }

  /** The first ({@code latest} false) or last publication value of the entity's dated articles, as {@code EntityService.edge}. */
  private String edge(EntityCatalog.Entity entity, boolean latest) {
    SolrQuery q = annotationsOf(entity, true);
    q.clearSorts();
    q.addSort(IndexSchema.ARTICLE_DAY, latest ? SolrQuery.ORDER.desc : SolrQuery.ORDER.asc);
    q.addSort(IndexSchema.ARTICLE, SolrQuery.ORDER.asc);
    q.setFields(IndexSchema.ARTICLE, IndexSchema.ARTICLE_DAY);
    q.setRows(256);
    List<Long> days = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    for (SolrDocument d : query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults()) {
      days.add((Long) d.getFieldValue(IndexSchema.ARTICLE_DAY));
      keys.add((Long) d.getFieldValue(IndexSchema.ARTICLE));
    }
    // Only the articles of the edge day are read.
    Map<Long, Article> edgeDay = articles(keys.subList(0, (int) days.stream().takeWhile(d -> d.equals(days.get(0))).count()), false);
    return EntityService.edge(days, i -> edgeDay.get(keys.get(i)), latest);
  }

  /** The articles of some {@code article} keys, by key: one request. */
  private Map<Long, Article> articles(List<Long> keys, boolean body) {
    Map<Long, Article> out = new java.util.HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    SolrQuery q = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_ARTICLE);
    q.addFilterQuery(terms(IndexSchema.ID_POINT, keys.stream().distinct().map(String::valueOf).toList()));
    q.setRows(keys.size());
    if (body) {
      q.setFields(IndexSchema.ID_POINT, IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META, IndexSchema.BODY);
    } else {
      q.setFields(IndexSchema.ID_POINT, IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META);
    }
    for (SolrDocument d : query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults()) {
      out.put((Long) d.getFieldValue(IndexSchema.ID_POINT), article(d));
    }
    return out;
  }

  @Override
  public DateService.Timeline timeline(DateService.TimelineRequest request) {
    LocalDate[] window = DateService.window(request.since(), request.until(), "--since", "--until", clock);
    if (request.query() != null) {
      new QueryParsing(analyzer).parse(request.query()); // the same one-line errors as the local index
    }
    EntityCatalog.Entity focus = request.entity() == null ? null : EntityCatalog.find(request.entity(), rules(), this::catalog)
        .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + request.entity() + "' in the index"));
    return DateService.timeline(request, focus, new TimelineReads(request, window, focus));
  }

  /**
   * The timeline's reads as Solr requests: the stored events of the window by a filtered, sorted
   * request paged with {@code start}; {@code --query} as one {@code rows=0} request per article
   * of the events read (cached by the caller); the reporters' articles and the datings by id.
   */
  private final class TimelineReads implements DateService.TimelineReads {
    private final SolrQuery events;
    private final SolrQuery matching;
    private final int page;

    TimelineReads(DateService.TimelineRequest request, LocalDate[] window, EntityCatalog.Entity focus) {
      events = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_EVENT);
      // An event is in the window when its time overlaps it: "2024-06" is in --since 2024-06-15.
      events.addFilterQuery(IndexSchema.EVENT_FROM + ":[* TO " + window[1].toEpochDay() + "]");
      events.addFilterQuery(IndexSchema.EVENT_TO + ":[" + window[0].toEpochDay() + " TO *]");
      if (focus != null) {
        events.addFilterQuery(terms(IndexSchema.EVENT_ENTITY, focus.labels()));
      }
      events.addSort(IndexSchema.EVENT_FROM, SolrQuery.ORDER.asc);
      events.addSort(IndexSchema.EVENT_TO, SolrQuery.ORDER.desc);
      events.addSort(IndexSchema.EVENT_REPORTS, SolrQuery.ORDER.desc);
      events.addSort(IndexSchema.EVENT_KEY, SolrQuery.ORDER.asc);
      events.setFields(IndexSchema.EVENT_RECORD);
      page = (int) Math.min(10_000, Math.max(64, 2L * Math.max(0, request.limit())));
      events.setRows(page);
      matching = request.query() == null ? null : SolrBackend.matching(request.query());
    }

    @Override
    public java.util.Iterator<TimelineEvents.Event> events() {
      return new java.util.Iterator<>() {
        private SolrDocumentList hits;
        private int next;
        private long start;

        @Override
        public boolean hasNext() {
          if (hits == null || next == hits.size() && hits.size() == page) {
            SolrQuery q = events.getCopy();
            q.setStart((int) start);
            hits = query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults();
            start += hits.size();
            next = 0;
          }
          return next < hits.size();
        }

        @Override
        public TimelineEvents.Event next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return TimelineEvents.event(new org.apache.lucene.util.BytesRef((byte[]) hits.get(next++).getFieldValue(IndexSchema.EVENT_RECORD)));
        }
      };
    }

    @Override
    public boolean matches(long article) {
      SolrQuery q = matching.getCopy();
      q.addFilterQuery(IndexSchema.ID_POINT + ":\"" + article + '"');
      q.setRows(0);
      return query(q).getResults().getNumFound() > 0;
    }

    @Override
    public Article article(long article) {
      return articles(List.of(article), false).get(article);
    }

    @Override
    public List<TimelinePass.Dating> datings(java.util.Set<Long> articles) {
      SolrQuery q = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_DATING);
      q.addFilterQuery(terms(IndexSchema.ARTICLE, articles.stream().map(String::valueOf).toList()));
      q.setFields(IndexSchema.TIE_RECORD);
      q.setRows(articles.size());
      List<TimelinePass.Dating> out = new ArrayList<>();
      for (SolrDocument d : query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults()) {
        out.add(TimelinePass.dating(new org.apache.lucene.util.BytesRef((byte[]) d.getFieldValue(IndexSchema.TIE_RECORD))));
      }
      return out;
    }
  }

  /**
   * {@code claims} as {@code ClaimService.claims} lists them: the {@code kind:claim} documents of
   * the kinds asked (and the speaker's labels, with the entities standing for it), sorted in the
   * cluster as locally ({@code claim_published} newest first, or a speaker's oldest first, undated
   * last either way; then {@code article_order}, {@code claim_start}), {@code rows=--limit}; the
   * page's articles by id in one request and its speakers' corpus names by one catalog request.
   */
  @Override
  public ClaimService.ClaimList claims(ClaimService.ClaimsRequest request) {
    if (request.about() != null || request.since() != null || request.until() != null) {
      throw new CorpusException.Usage("claims --about, --since and --until cannot run on SolrCloud yet; run them on a local index (--index DIR)");
    }
    EntityCatalog.Entity speaker = request.speaker() == null ? null : EntityCatalog.find(request.speaker(), rules(), this::catalog)
        .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + request.speaker() + "' in the index"));
    SolrQuery q = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_CLAIM);
    q.addFilterQuery(terms(IndexSchema.CLAIM_KIND, request.kinds().stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()));
    if (speaker != null) {
      java.util.TreeSet<String> labels = new java.util.TreeSet<>(speaker.labels());
      if (request.withLinked()) {
        EntityCatalog.linkedTo(speaker, rules(), this::catalog).forEach(e -> labels.addAll(e.labels()));
      }
      q.addFilterQuery(terms(IndexSchema.SPEAKER, labels));
    }
    // The string type sorts missing values last in both directions: undated last, as locally.
    q.addSort(IndexSchema.CLAIM_PUBLISHED, speaker == null ? SolrQuery.ORDER.desc : SolrQuery.ORDER.asc);
    q.addSort(IndexSchema.ARTICLE_ORDER, SolrQuery.ORDER.asc);
    q.addSort(IndexSchema.CLAIM_START, SolrQuery.ORDER.asc);
    q.setRows(Math.max(0, request.limit()));
    q.setFields(IndexSchema.ARTICLE, IndexSchema.SPEAKER, IndexSchema.ANNOTATION);
    SolrDocumentList docs = query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults();
    Map<Long, Article> articles = articles(docs.stream().map(d -> (Long) d.getFieldValue(IndexSchema.ARTICLE)).distinct().toList(), false);
    List<String> speakerLabels = docs.stream().map(d -> (String) d.getFieldValue(IndexSchema.SPEAKER)).filter(java.util.Objects::nonNull).distinct().toList();
    Map<String, String> names = new java.util.HashMap<>();
    if (!speakerLabels.isEmpty()) {
      for (EntityCatalog.Entity e : catalog(IndexSchema.CATALOG_LABEL, speakerLabels)) {
        e.labels().forEach(l -> names.putIfAbsent(l, e.name()));
      }
    }
    List<ClaimService.Item> items = new ArrayList<>();
    for (SolrDocument d : docs) {
      Document stored = new Document();
      stored.add(new StoredField(IndexSchema.ANNOTATION, (byte[]) d.getFieldValue(IndexSchema.ANNOTATION)));
      Claim c = IndexSchema.annotation(stored, Claim.class);
      String label = (String) d.getFieldValue(IndexSchema.SPEAKER);
      Article a = articles.get((Long) d.getFieldValue(IndexSchema.ARTICLE));
      if (a == null) {
        throw new CorpusException.Data("no article " + d.getFieldValue(IndexSchema.ARTICLE) + " for its annotations in " + target.text());
      }
      items.add(ClaimService.item(c, label == null ? c.speaker() : names.getOrDefault(label, c.speaker()), a));
    }
    return new ClaimService.ClaimList(Claim.JSON_VERSION, speaker == null ? null : speaker.name(), docs.getNumFound(), List.copyOf(items));
  }

  /** A stored entity annotation. */
  private static DocumentEntity annotation(SolrDocument d) {
    Document stored = new Document();
    stored.add(new StoredField(IndexSchema.ANNOTATION, (byte[]) d.getFieldValue(IndexSchema.ANNOTATION)));
    return IndexSchema.annotation(stored, DocumentEntity.class);
  }

  private NameRules rules() {
    if (rules == null) {
      rules = NameRules.shared(); // word lists: loaded only when an entity has a country
    }
    return rules;
  }

  /** The date and outlet filters, as {@code SearchService} applies them. */
  private void filters(SearchRequest request, SolrQuery q) {
    LocalDate today = LocalDate.now(clock);
    if (request.since() != null || request.until() != null) {
      long from = request.since() == null ? Long.MIN_VALUE + 1 : DateRange.start("--since", request.since(), today).toEpochDay();
      long to = request.until() == null ? Long.MAX_VALUE : DateRange.end("--until", request.until(), today).toEpochDay();
      if (from > to) {
        throw new CorpusException.Usage("--since " + request.since() + " is after --until " + request.until());
      }
      q.addFilterQuery(published(from, to));
    }
    if (request.source() != null) {
      if (new QueryBuilder(analyzer).createPhraseQuery(IndexSchema.SOURCE, request.source()) == null) {
        throw new CorpusException.Usage("--source '" + request.source() + "' has no words to match");
      }
      q.addFilterQuery("{!field f=" + IndexSchema.SOURCE + "}" + request.source());
    }
  }

  /**
   * The articles published in {@code [from, to]}, the year-less ones by the year the corpus gives
   * them (their dating document), as {@code PublishedQuery} does: the datings of the range are
   * few, read first, and their articles added by id.
   */
  private String published(long from, long to) {
    SolrQuery datings = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_DATING);
    datings.addFilterQuery(IndexSchema.DATED_DAY + ":[" + from + " TO " + to + "]");
    datings.setFields(IndexSchema.ARTICLE);
    datings.setRows(10_000);
    List<String> ids = new ArrayList<>();
    for (SolrDocument d : query(datings).getResults()) {
      ids.add('"' + d.getFieldValue(IndexSchema.ARTICLE).toString() + '"'); // quoted: a leading minus would negate
    }
    String printed = IndexSchema.PUBLISHED_DAY + ":[" + from + " TO " + to + "]";
    return ids.isEmpty() ? printed : printed + " OR " + IndexSchema.ID_POINT + ":(" + String.join(" OR ", ids) + ")";
  }

  /**
   * Solr's unified highlighter set up as {@code SearchService}'s: the best sentence of the body
   * (no length goal), matches of the query's words in any field, the first sentence when none.
   */
  private static void highlight(SolrQuery q) {
    q.setHighlight(true);
    q.set("hl.method", "unified");
    q.set("hl.fl", IndexSchema.BODY);
    q.set("hl.snippets", 1);
    q.set("hl.bs.type", "SENTENCE");
    q.set("hl.fragsize", 1); // 0 would be the whole field; 1 is the sentence itself
    q.set("hl.requireFieldMatch", false);
    q.set("hl.maxAnalyzedChars", 200_000);
    q.set("hl.defaultSummary", true);
    q.set("hl.tag.pre", PRE);
    q.set("hl.tag.post", POST);
    q.set("hl.tag.ellipsis", "");
  }

  /** The snippet of a passage Solr marked, located in the article's body. */
  static Snippet snippet(String body, String marked) {
    StringBuilder plain = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == PRE.charAt(0)) {
        starts.add(plain.length());
      } else if (c == POST.charAt(0)) {
        ends.add(plain.length());
      } else {
        plain.append(c);
      }
    }
    int from = body == null ? -1 : body.indexOf(plain.toString());
    if (from < 0) {
      return null;
    }
    int[] s = new int[starts.size()];
    int[] e = new int[starts.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = from + starts.get(i);
      e[i] = from + ends.get(i);
    }
    return SnippetFormatter.snippet(body, from, from + plain.length(), s, e);
  }

  /** The article of a hit, rebuilt from the same stored fields as the local index's. */
  private static Article article(SolrDocument d) {
    Document doc = new Document();
    doc.add(new StoredField(IndexSchema.ID, (String) d.getFieldValue(IndexSchema.ID)));
    doc.add(new StoredField(IndexSchema.FILE, (String) d.getFieldValue(IndexSchema.FILE)));
    if (d.getFieldValue(IndexSchema.TITLE) instanceof String title) {
      doc.add(new StoredField(IndexSchema.TITLE, title));
    }
    doc.add(new StoredField(IndexSchema.META, (byte[]) d.getFieldValue(IndexSchema.META)));
    if (d.getFieldValue(IndexSchema.BODY) instanceof String body) {
      doc.add(new StoredField(IndexSchema.BODY, body));
    }
    return IndexSchema.toArticle(doc);
  }

  private QueryResponse query(SolrQuery q) {
    return query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.GET);
  }

  private QueryResponse query(SolrQuery q, org.apache.solr.client.solrj.SolrRequest.METHOD method) {
    try {
      return solr.query(q, method);
    } catch (SolrServerException | IOException | org.apache.solr.common.SolrException e) {
      throw new CorpusException.Data("cannot query " + target.text() + ": " + reason(e), e);
    }
  }

  /** A one-line reason for a failed request. */
  static String reason(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private record Bucket(String value, long count) {}

  private static List<Bucket> buckets(NamedList<?> facet) {
    List<Bucket> out = new ArrayList<>();
    if (facet == null || facet.get("buckets") == null) {
      return out;
    }
    for (Object o : (List<?>) facet.get("buckets")) {
      NamedList<?> b = (NamedList<?>) o;
      out.add(new Bucket(b.get("val").toString(), ((Number) b.get("count")).longValue()));
    }
    return out;
  }

  private static long count(Object facet) {
    if (facet instanceof NamedList<?> n && n.get("count") instanceof Number c) {
      return c.longValue();
    }
    return 0;
  }

  private static String day(Object value) {
    return value instanceof Number n ? LocalDate.ofEpochDay(n.longValue()).toString() : null;
  }

  @Override
  public void close() {
    try {
      solr.close();
    } catch (IOException e) {
      throw new CorpusException.Data("cannot close the connection to " + target.text() + ": " + e.getMessage(), e);
    }
  }
}
