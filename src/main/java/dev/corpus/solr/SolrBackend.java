package dev.corpus.solr;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.IndexSchema;
import dev.corpus.model.Article;
import dev.corpus.catalog.CatalogName;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.search.DateRange;
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
    SolrQuery q = new SolrQuery(request.query());
    q.set("defType", "edismax");
    // As QueryParsing: title and body, title double, all words required; tie 1 makes each word's
    // clause the sum over both fields, as Lucene's multi-field parser builds it.
    q.set("qf", IndexSchema.TITLE + "^2 " + IndexSchema.BODY);
    q.set("q.op", "AND");
    q.set("tie", "1.0");
    q.set("sow", "true");
    q.addFilterQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_ARTICLE);
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
    Map<String, Long> labels = new java.util.HashMap<>();
    for (Bucket b : buckets(f == null ? null : (NamedList<?>) f.get("labels"))) {
      labels.put(b.value(), b.count());
    }
    List<SearchResult.EntityCount> entities = topEntities(search, labels, SearchService.FACET_VALUES).stream()
        .map(c -> new SearchResult.EntityCount(c.entity().name(), c.entity().type(), c.documents()))
        .toList();
    return new SearchResult.Facets(sources.stream().limit(SearchService.FACET_VALUES).toList(), types, entities);
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
    java.util.Set<String> terms = new java.util.LinkedHashSet<>();
    for (String label : e.labels()) {
      terms.add(IndexSchema.entityTerm(CatalogName.typeOf(label), CatalogName.nameOf(label)));
    }
    q.addFilterQuery("{!terms f=" + IndexSchema.ENTITY + " separator=\u0001}" + String.join("\u0001", terms));
    return query(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).getResults().getNumFound();
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
    SolrQuery q = new SolrQuery(IndexSchema.KIND + ":" + IndexSchema.KIND_CATALOG);
    q.addFilterQuery("{!term f=" + IndexSchema.CATALOG_KEY + "}" + rules().key(e.link().country()));
    q.setFields(CATALOG_FIELDS);
    q.setRows(1000);
    EntityCatalog.Entity country = query(q).getResults().stream()
        .map(SolrBackend::catalogEntity)
        .filter(c -> !c.type().equals(EntityType.PERSON) && c.link() == null)
        .sorted(EntityCatalog.BY_REACH)
        .findFirst().orElse(null);
    return new EntityService.Link(e.link().country(), e.link().relation(), country == null ? null : country.id());
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
