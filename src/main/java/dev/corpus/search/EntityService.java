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
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
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
   * @param type PERSON, ORG, LOC or MISC, or null for all
   * @param query only entities of articles matching this search, or null for all articles
   * @param minDocs only entities in at least this many articles
   * @param limit at most this many entities
   */
  public record ListRequest(String type, String query, int minDocs, int limit) {}

  /** One entity of the list: see {@code docs/json.md}. */
  public record Summary(String name, String type, List<String> aliases, int mentions, int documents) {}

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
      String name,
      String type,
      List<String> aliases,
      int mentions,
      int documents,
      String firstPublished,
      String lastPublished,
      List<Role> roles,
      List<DocumentRef> articles,
      List<Cooccurrence> cooccurring,
      List<MentionSnippet> snippets) {}

  private final CorpusIndex index;
  private final NameRules rules = NameRules.shared();
  private final QueryParsing parsing = new QueryParsing(new CorpusAnalyzer());

  public EntityService(CorpusIndex index) {
    this.index = index;
  }

  private static Query articles() {
    return new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE));
  }

  /** Lists entities; see {@link ListRequest}. */
  public EntityList list(ListRequest request) {
    String type = request.type() == null ? null : EntityType.parse(request.type());
    if (request.type() != null && type == null) {
      throw new CorpusException.Usage("unknown entity type '" + request.type() + "': use person, org, loc or misc");
    }
    if (request.limit() < 0 || request.minDocs() < 0) {
      throw new CorpusException.Usage("--limit and --min-docs must not be negative");
    }
    Query filter = articles();
    if (request.query() != null) {
      filter = new BooleanQuery.Builder()
          .add(parsing.parse(request.query()), BooleanClause.Occur.MUST)
          .add(articles(), BooleanClause.Occur.FILTER)
          .build();
    }
    try (DirectoryReader reader = index.openReader()) {
      EntityCatalog catalog = EntityCatalog.build(new IndexSearcher(reader), filter, rules);
      List<Summary> matching = catalog.entities().stream()
          .filter(e -> type == null || e.type().equals(type))
          .filter(e -> e.documents() >= request.minDocs())
          .map(e -> new Summary(e.name(), e.type(), e.aliases(), e.mentions(), e.documents()))
          .toList();
      return new EntityList(1, matching.size(), matching.subList(0, Math.min(request.limit(), matching.size())));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The profile of the entity a user names.
   *
   * @throws CorpusException.NotFound when no entity of the index has that name or alias
   */
  public Profile profile(String name, int snippetLimit) {
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.build(searcher, articles(), rules);
      EntityCatalog.Entity entity = catalog.find(name, rules)
          .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + name + "' in the index"));
      List<Role> roles = new ArrayList<>();
      Map<String, DocumentRef> docs = new LinkedHashMap<>();
      String first = null;
      String last = null;
      for (EntityCatalog.Member m : entity.members()) {
        for (String role : m.entity().roles()) {
          roles.add(new Role(role, m.documentId(), m.source()));
        }
        docs.merge(m.documentId(), new DocumentRef(m.documentId(), m.title(), m.source(), m.published(), m.entity().mentions()),
            (a, b) -> new DocumentRef(a.id(), a.title(), a.source(), a.published(), a.mentions() + b.mentions()));
        if (m.published() != null) {
          first = first == null || m.published().compareTo(first) < 0 ? m.published() : first;
          last = last == null || m.published().compareTo(last) > 0 ? m.published() : last;
        }
      }
      List<DocumentRef> articles = docs.values().stream()
          .sorted(Comparator.comparing((DocumentRef d) -> d.published() == null ? "" : d.published()).reversed()
              .thenComparing(DocumentRef::id))
          .toList();
      return new Profile(1, entity.name(), entity.type(), entity.aliases(), entity.mentions(), entity.documents(),
          first, last, roles, articles, cooccurring(catalog, entity), snippets(searcher, entity, snippetLimit));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The ten entities sharing most articles with {@code entity}. One pass over the catalog's
   * members, so the cost grows with the corpus: the count per entity is kept in a local set, never
   * in a map keyed by the {@code Entity} record, whose hash covers its whole member list (that
   * made every lookup as costly as the entity's mentions, and the whole call quadratic).
   */
  private static List<Cooccurrence> cooccurring(EntityCatalog catalog, EntityCatalog.Entity entity) {
    Set<String> ours = new HashSet<>();
    entity.members().forEach(m -> ours.add(m.documentId()));
    List<Cooccurrence> shared = new ArrayList<>();
    Set<String> common = new HashSet<>();
    for (EntityCatalog.Entity other : catalog.entities()) {
      if (other == entity) {
        continue;
      }
      common.clear();
      for (EntityCatalog.Member m : other.members()) {
        if (ours.contains(m.documentId())) {
          common.add(m.documentId());
        }
      }
      if (!common.isEmpty()) {
        shared.add(new Cooccurrence(other.name(), other.type(), common.size()));
      }
    }
    return shared.stream()
        .sorted(Comparator.comparingInt(Cooccurrence::documents).reversed().thenComparing(Cooccurrence::name))
        .limit(10)
        .toList();
  }

  private static List<MentionSnippet> snippets(IndexSearcher searcher, EntityCatalog.Entity entity, int limit) throws IOException {
    List<MentionSnippet> out = new ArrayList<>();
    for (EntityCatalog.Member m : entity.members()) {
      if (out.size() >= limit) {
        break;
      }
      var hits = searcher.search(IndexSchema.idQuery(m.documentId()), 1);
      if (hits.scoreDocs.length == 0) {
        continue;
      }
      String body = searcher.storedFields().document(hits.scoreDocs[0].doc, Set.of(IndexSchema.BODY)).get(IndexSchema.BODY);
      DocumentEntity e = m.entity();
      if (!e.spans().isEmpty() && body != null) {
        out.add(snippet(m.documentId(), body, e.spans().get(0)));
      }
    }
    return out;
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

  /**
   * The filter of {@code search --entity NAME}: articles that mention any name of the entity.
   * Matches nothing when no entity has that name.
   */
  public Query filter(IndexSearcher searcher, String name) {
    EntityCatalog catalog = EntityCatalog.build(searcher, articles(), rules);
    return catalog.find(name, rules).map(EntityService::termsOf).orElseGet(MatchNoDocsQuery::new);
  }

  static Query termsOf(EntityCatalog.Entity entity) {
    Set<BytesRef> terms = new LinkedHashSet<>();
    for (EntityCatalog.Member m : entity.members()) {
      terms.add(new BytesRef(IndexSchema.entityTerm(m.entity().type(), m.entity().name())));
    }
    return new TermInSetQuery(IndexSchema.ENTITY, terms);
  }
}
