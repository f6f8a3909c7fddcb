package dev.corpus.search;

import dev.corpus.extract.entity.NameRules;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.lucene.document.LongRange;
import java.util.Comparator;
import java.util.LinkedHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.MatchNoDocsQuery;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import dev.corpus.model.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/** Ranked full-text search over the articles of an index, with snippets. */
public final class SearchService {

  /**
   * Matches counted exactly by default. Past it the count is a lower bound and Lucene may skip
   * documents that cannot reach the page, which saves a short search a twentieth of its time.
   */
  public static final int COUNT_LIMIT = 1000;

  private final CorpusIndex index;
  private final Clock clock;
  private final CorpusAnalyzer analyzer = new CorpusAnalyzer();
  private final QueryParsing parsing = new QueryParsing(analyzer);

  private static final java.util.Set<String> HIT_FIELDS =
      java.util.Set.of(IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META);

  /** Values listed per facet dimension. */
  public static final int FACET_VALUES = 20;

  public SearchService(CorpusIndex index) {
    this(index, Clock.systemDefaultZone());
  }

  /** @param clock what "today" is for date options in words ("last month") */
  public SearchService(CorpusIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /**
   * Runs {@code request}.
   *
   * @throws CorpusException.Usage for a malformed query or option
   * @throws CorpusException.Data when the index is missing or unreadable
   */
  public SearchResult search(SearchRequest request) {
    if (request.limit() < 0 || request.offset() < 0) {
      throw new CorpusException.Usage("--limit and --offset must not be negative");
    }
    Query userQuery = parsing.parse(request.query());
    Query query = withFilters(userQuery, request);
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // The name rules (word lists) load only when a search needs entities: plain searches stay fast.
      NameRules rules = request.entity() != null ? NameRules.shared() : null;
      EntityCatalog catalog = EntityCatalog.open(searcher);
      if (request.entity() != null) {
        query = new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(catalog.find(request.entity(), rules).map(EntityCatalog::articlesOf).orElseGet(MatchNoDocsQuery::new),
                BooleanClause.Occur.FILTER)
            .build();
      }
      // Never more than the index holds: --limit 2147483647 means "all of them", not a queue of
      // two billion slots.
      int wanted = (int) Math.max(1, Math.min((long) request.offset() + request.limit(), Math.max(1, reader.maxDoc())));
      int countUpTo = request.exactTotal() ? Integer.MAX_VALUE : Math.max(COUNT_LIMIT, wanted);
      TopDocs top;
      if (request.sort() == SearchRequest.Sort.DATE) {
        Sort byDate = new Sort(new SortField(IndexSchema.PUBLISHED_DAY, SortField.Type.LONG, true), SortField.FIELD_DOC);
        top = searcher.search(query, new TopFieldCollectorManager(byDate, wanted, countUpTo));
        TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
      } else {
        top = searcher.search(query, new TopScoreDocCollectorManager(wanted, countUpTo));
      }
      ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length), top.scoreDocs.length);
      if (request.limit() == 0) {
        page = new ScoreDoc[0];
      }
      Snippet[] snippets = snippets(searcher, userQuery, page);
      StoredFields stored = searcher.storedFields();
      List<SearchResult.Hit> hits = new ArrayList<>();
      for (int i = 0; i < page.length; i++) {
        // Only the fields a hit shows: not the body (the highlighter reads it) nor the stored annotations.
        Article a = IndexSchema.toArticle(stored.document(page[i].doc, HIT_FIELDS));
        double score = Float.isNaN(page[i].score) ? 0 : Math.round(page[i].score * 10000) / 10000.0;
        hits.add(new SearchResult.Hit(
            request.offset() + i + 1, a.id(), a.path(), a.title(), a.source(), a.byline(), a.published(), score, snippets[i]));
      }
      boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
      SearchResult.Facets facets = request.facets() ? facets(searcher, query, catalog) : null;
      return new SearchResult(
          1, request.query(), top.totalHits.value(), exact, request.offset(), request.limit(), List.copyOf(hits), facets);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new CorpusException.Usage("query " + QueryParsing.quoted(request.query())
          + " expands to too many terms; make wildcards or fuzzy terms more specific");
    } catch (IOException e) {
      throw new CorpusException.Data("cannot search index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Facet counts over every match, with entity labels of articles grouped into corpus entities. */
  private static SearchResult.Facets facets(IndexSearcher searcher, Query query, EntityCatalog catalog) throws IOException {
    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), IndexSchema.facetsConfig());
    } catch (IllegalArgumentException noFacetsYet) {
      return new SearchResult.Facets(List.of(), List.of(), List.of()); // an empty index has no facet field
    }
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, hits);
    List<SearchResult.Count> sources = values(counts, IndexSchema.FACET_SOURCE);
    List<SearchResult.Count> types = values(counts, IndexSchema.FACET_TYPE);
    // Nationalities (NORP) are left out as in `corpus entities`: "Russian" beside Russia says nothing more.
    List<SearchResult.EntityCount> entities = EntityService.topEntities(searcher, catalog, query, FACET_VALUES, false).stream()
        .map(e -> new SearchResult.EntityCount(e.name(), e.type(), e.documents()))
        .toList();
    return new SearchResult.Facets(sources.stream().limit(FACET_VALUES).toList(), types, entities);
  }

  private static List<SearchResult.Count> values(SortedSetDocValuesFacetCounts counts, String dim) throws IOException {
    FacetResult all;
    try {
      all = counts.getAllChildren(dim);
    } catch (IllegalArgumentException dimensionNotIndexed) {
      return List.of();
    }
    if (all == null) {
      return List.of();
    }
    List<SearchResult.Count> out = new ArrayList<>();
    for (LabelAndValue lv : all.labelValues) {
      out.add(new SearchResult.Count(lv.label, lv.value.longValue()));
    }
    out.sort(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value));
    return out;
  }

  private Query withFilters(Query userQuery, SearchRequest request) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(userQuery, BooleanClause.Occur.MUST);
    b.add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), BooleanClause.Occur.FILTER);
    LocalDate today = LocalDate.now(clock);
    if (request.since() != null || request.until() != null) {
      long from = request.since() == null ? Long.MIN_VALUE + 1 : DateRange.start("--since", request.since(), today).toEpochDay();
      long to = request.until() == null ? Long.MAX_VALUE : DateRange.end("--until", request.until(), today).toEpochDay();
      if (from > to) {
        throw new CorpusException.Usage("--since " + request.since() + " is after --until " + request.until());
      }
      // The page's date, or for a page without one the year the corpus gives it (as timeline does).
      b.add(new dev.corpus.index.PublishedQuery(from, to), BooleanClause.Occur.FILTER);
    }
    if (request.mentionsSince() != null || request.mentionsUntil() != null) {
      long from = request.mentionsSince() == null ? Long.MIN_VALUE + 1
          : DateRange.start("--mentions-since", request.mentionsSince(), today).toEpochDay();
      long to = request.mentionsUntil() == null ? Long.MAX_VALUE
          : DateRange.end("--mentions-until", request.mentionsUntil(), today).toEpochDay();
      if (from > to) {
        throw new CorpusException.Usage("--mentions-since " + request.mentionsSince() + " is after --mentions-until " + request.mentionsUntil());
      }
      b.add(LongRange.newIntersectsQuery(IndexSchema.MENTIONED, new long[] {from}, new long[] {to}), BooleanClause.Occur.FILTER);
    }
    if (request.source() != null) {
      Query source = new QueryBuilder(analyzer).createPhraseQuery(IndexSchema.SOURCE, request.source());
      if (source == null) {
        throw new CorpusException.Usage("--source '" + request.source() + "' has no words to match");
      }
      b.add(source, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private Snippet[] snippets(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
    Snippet[] out = new Snippet[docs.length];
    if (docs.length == 0) {
      return out;
    }
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    Highlighter highlighter = new Highlighter(searcher, analyzer);
    Object[] found = highlighter.highlight(query, ids);
    for (int i = 0; i < docs.length; i++) {
      out[i] = found[i] instanceof Snippet s ? s : null;
    }
    return out;
  }

  /** Lucene's unified highlighter, returning our {@link Snippet} objects instead of strings. */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(IndexSearcher searcher, CorpusAnalyzer analyzer) {
      super(UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new SnippetFormatter())
          .withFieldMatcher(field -> true)
          .withMaxLength(200_000));
    }

    Object[] highlight(Query query, int[] docIds) throws IOException {
      Map<String, Object[]> byField =
          highlightFieldsAsObjects(new String[] {IndexSchema.BODY}, query, docIds, new int[] {1});
      return byField.get(IndexSchema.BODY);
    }
  }
}
