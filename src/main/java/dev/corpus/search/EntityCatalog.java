package dev.corpus.search;

import dev.corpus.catalog.CatalogName;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.index.CatalogPass;
import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The corpus's entity catalog as the index holds it ({@link IndexSchema#KIND_CATALOG} documents,
 * kept by {@link CatalogPass}): article-level entities merged across documents under stable ids
 * (rules in {@code docs/entities.md}). Every lookup reads only the entities it returns, so
 * opening the catalog costs nothing and answers do not grow with the corpus. Entities read are
 * cached for the life of the object (one command).
 */
public final class EntityCatalog {

  /**
   * An entity of the corpus.
   *
   * @param id stable id (16 hex digits)
   * @param aliases its other spellings, most frequent first
   * @param documents articles that name it, each counted once (under any of its labels)
   * @param labels the article-level labels ({@code TYPE|name}) merged into it
   * @param link the country it stands for, or null (see {@link Link})
   */
  public record Entity(String id, String type, String name, List<String> aliases, int mentions, int documents, List<String> labels,
      Link link) {}

  /**
   * The country an entity stands for in the news ("Moscow said", "the Kremlin said", "Russian
   * officials": Russia), kept by the catalog ({@code NameRules.standsFor}).
   *
   * @param country the country's canonical name
   * @param relation {@code capital}, {@code seat} (of government) or {@code demonym}
   */
  public record Link(String country, String relation) {}

  /** A page of entities and how many match in all. */
  public record Page(long total, List<Entity> entities) {}

  private final IndexSearcher searcher;
  private final Map<Integer, Entity> byDoc = new HashMap<>();

  private EntityCatalog(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** The catalog of the index {@code searcher} reads. */
  public static EntityCatalog open(IndexSearcher searcher) {
    return new EntityCatalog(searcher);
  }

  private static Query catalog() {
    return new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CATALOG));
  }

  private static Query and(Query... clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : clauses) {
      b.add(q, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** The most widely reported first: articles, then mentions, then name and type. */
  private static final Sort RANKING = new Sort(
      new SortField(IndexSchema.DOCUMENTS, SortField.Type.LONG, true),
      new SortField(IndexSchema.MENTIONS, SortField.Type.LONG, true),
      new SortField(IndexSchema.CATALOG_NAME, SortField.Type.STRING),
      new SortField(IndexSchema.CATALOG_TYPE, SortField.Type.STRING));

  /**
   * The most widely reported entities of {@code type} (null: any) named in at least {@code
   * minDocs} articles.
   */
  public Page top(String type, int minDocs, int limit) {
    return top(type, minDocs, limit, true);
  }

  /**
   * The most widely reported entities of {@code type} (null: any; then nationalities, {@code
   * NORP}, only when {@code withNorp}) named in at least {@code minDocs} articles.
   */
  public Page top(String type, int minDocs, int limit, boolean withNorp) {
    List<Query> filters = new ArrayList<>(List.of(catalog()));
    if (type != null) {
      filters.add(new TermQuery(new Term(IndexSchema.CATALOG_TYPE, type)));
    }
    if (minDocs > 0) {
      filters.add(LongPoint.newRangeQuery(IndexSchema.DOCUMENTS, minDocs, Long.MAX_VALUE));
    }
    Query q = and(filters.toArray(Query[]::new));
    if (type == null && !withNorp) {
      q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(IndexSchema.CATALOG_TYPE, EntityType.NORP)), BooleanClause.Occur.MUST_NOT)
          .build();
    }
    try {
      long total = searcher.count(q);
      List<Entity> out = new ArrayList<>();
      if (limit > 0 && total > 0) {
        for (ScoreDoc sd : searcher.search(q, (int) Math.min(limit, total), RANKING).scoreDocs) {
          out.add(load(sd.doc));
        }
      }
      return new Page(total, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog", e);
    }
  }

  /** The entity an article-level label ({@code TYPE|name}) was merged into. */
  public Optional<Entity> ofLabel(String label) {
    Map<String, Entity> found = ofLabels(List.of(label));
    return Optional.ofNullable(found.get(label));
  }

  /** The entities of many labels at once: one terms-dictionary lookup per label, no query each. */
  public Map<String, Entity> ofLabels(Collection<String> labels) {
    Map<String, Integer> docs = docsOfLabels(labels);
    Map<String, Entity> out = new LinkedHashMap<>();
    docs.forEach((label, doc) -> out.put(label, load(doc)));
    return out;
  }

  /** Catalog document number of each label that has one. */
  Map<String, Integer> docsOfLabels(Collection<String> labels) {
    Map<String, Integer> out = new HashMap<>();
    try {
      List<BytesRef> sorted = labels.stream().distinct().sorted().map(BytesRef::new).toList();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Terms terms = leaf.reader().terms(IndexSchema.CATALOG_LABEL);
        if (terms == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef label : sorted) {
          if (!te.seekExact(label)) {
            continue;
          }
          postings = te.postings(postings, PostingsEnum.NONE);
          for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
            if (live == null || live.get(d)) {
              out.put(label.utf8ToString(), leaf.docBase + d);
              break;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog", e);
    }
    return out;
  }

  /** The name and type of a catalog document, from doc values: without reading the stored entity. */
  String[] nameAndType(int doc) {
    try {
      var leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
      String[] out = new String[2];
      String[] fields = {IndexSchema.CATALOG_NAME, IndexSchema.CATALOG_TYPE};
      for (int i = 0; i < 2; i++) {
        var values = leaf.reader().getSortedDocValues(fields[i]);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
          throw new IOException("a catalog entity without its " + fields[i]);
        }
        out[i] = values.lookupOrd(values.ordValue()).utf8ToString();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog", e);
    }
  }

  /** The entity of a catalog document number. */
  Entity load(int doc) {
    return byDoc.computeIfAbsent(doc, d -> {
      try {
        return entity(searcher.storedFields().document(d));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the catalog", e);
      }
    });
  }

  /** The entity a catalog document stores (its stored fields; another backend rebuilds them from its own). */
  public static Entity entity(Document stored) {
    List<CatalogName> names = CatalogPass.names(stored); // parsed once: an entity of many names holds a long list
    List<String> labels = names.stream().map(CatalogName::label).toList();
    int mentions = 0;
    int documents = 0;
    for (CatalogName n : names) {
      mentions += n.mentions();
      documents += n.documents();
    }
    if (stored.getField(IndexSchema.DOCUMENTS) != null) {
      documents = stored.getField(IndexSchema.DOCUMENTS).numericValue().intValue(); // articles, each once
    }
    String country = stored.get(IndexSchema.CATALOG_LINK_COUNTRY);
    Link link = country == null ? null : new Link(country, stored.get(IndexSchema.CATALOG_LINK_RELATION));
    return new Entity(stored.get(IndexSchema.CATALOG_ID), stored.get(IndexSchema.CATALOG_TYPE), stored.get(IndexSchema.CATALOG_NAME),
        CatalogPass.aliases(stored), mentions, documents, labels, link);
  }

  /**
   * The catalog entities whose {@code field} holds any of {@code terms}, as a backend finds them:
   * at most 1000, the most mentioned first (ties the most widely reported first). The name
   * lookups below ({@link #candidates}, {@link #byId}, {@link #linkedTo}, {@link #country}) are
   * written once over this, so the local index and SolrCloud resolve a name the same way.
   */
  @FunctionalInterface
  public interface Lookup {
    List<Entity> matching(String field, Collection<String> terms);
  }

  /** This catalog as a {@link Lookup}. */
  public Lookup lookup() {
    return this::matching;
  }

  private List<Entity> matching(String field, Collection<String> terms) {
    List<BytesRef> bytes = terms.stream().map(BytesRef::new).toList();
    return matching(bytes.size() == 1 ? new TermQuery(new Term(field, bytes.get(0))) : new TermInSetQuery(field, bytes));
  }

  /** The entity with this id, or the one an entity of this id was merged into. */
  public Optional<Entity> byId(String id) {
    return byId(id, this::matching);
  }

  /** {@link #byId(String)} over any backend's catalog. */
  public static Optional<Entity> byId(String id, Lookup lookup) {
    for (String field : List.of(IndexSchema.CATALOG_ID, IndexSchema.MERGED_FROM)) {
      Optional<Entity> e = first(lookup.matching(field, List.of(id)));
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  private static Optional<Entity> first(List<Entity> all) {
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Catalog entities matching {@code q}, the most mentioned first. */
  private List<Entity> matching(Query q) {
    try {
      TopDocs top = searcher.search(and(catalog(), q), 1000, RANKING);
      List<Entity> out = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(load(sd.doc));
      }
      out.sort(Comparator.comparingInt(Entity::mentions).reversed());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog", e);
    }
  }

  /**
   * The entities that stand for {@code country} ({@link Link}): its capital, seat of government,
   * demonyms; the most widely reported first.
   */
  public List<Entity> linkedTo(Entity country, NameRules rules) {
    return linkedTo(country, rules, this::matching);
  }

  /** {@link #linkedTo(Entity, NameRules)} over any backend's catalog. */
  public static List<Entity> linkedTo(Entity country, NameRules rules, Lookup lookup) {
    Set<String> keys = new java.util.TreeSet<>();
    keys.add(rules.key(country.name()));
    country.aliases().forEach(a -> keys.add(rules.key(a)));
    return lookup.matching(IndexSchema.CATALOG_LINK_KEY, keys).stream()
        .filter(e -> !e.id().equals(country.id()))
        .sorted(BY_REACH)
        .toList();
  }

  /** The catalog entity named {@code country} (its name or an alias), the most widely reported; or null. */
  public Entity country(String country, NameRules rules) {
    return country(country, rules, this::matching);
  }

  /** {@link #country(String, NameRules)} over any backend's catalog. */
  public static Entity country(String country, NameRules rules, Lookup lookup) {
    return lookup.matching(IndexSchema.CATALOG_KEY, List.of(rules.key(country))).stream()
        .filter(e -> !e.type().equals(EntityType.PERSON) && e.link() == null)
        .sorted(BY_REACH)
        .findFirst().orElse(null);
  }

  /** The most widely reported first: articles, mentions, then name, type and id. */
  public static final Comparator<Entity> BY_REACH = Comparator.comparingInt(Entity::documents).reversed()
      .thenComparing(Comparator.comparingInt(Entity::mentions).reversed())
      .thenComparing(Entity::name).thenComparing(Entity::type).thenComparing(Entity::id);

  /**
   * The entities {@code name} may mean, the most widely reported first; one when the name says
   * which. An id, or the exact name of one entity (its normal form; a name of one word only when
   * it is not a person's: the lone surname "Kim" is kept apart precisely because several people
   * bear it), is one entity. Otherwise every entity with that name or alias, and every person
   * whose full name matches it with spelling variants allowed, or of whose name it is one word.
   */
  public List<Entity> candidates(String name, NameRules rules) {
    return candidates(name, rules, this::matching);
  }

  /** {@link #candidates(String, NameRules)} over any backend's catalog. */
  public static List<Entity> candidates(String name, NameRules rules, Lookup lookup) {
    if (name.matches("[0-9a-f]{16}")) {
      Optional<Entity> byId = byId(name, lookup);
      if (byId.isPresent()) {
        return List.of(byId.get());
      }
    }
    String key = rules.key(name);
    List<Entity> byKey = lookup.matching(IndexSchema.CATALOG_KEY, List.of(key));
    List<Entity> exact = byKey.stream()
        .filter(e -> rules.key(e.name()).equals(key))
        .filter(e -> !(e.type().equals(EntityType.PERSON) && rules.personWords(e.name()).size() < 2))
        .toList();
    if (exact.size() == 1) {
      return exact;
    }
    Map<String, Entity> out = new LinkedHashMap<>();
    byKey.forEach(e -> out.putIfAbsent(e.id(), e));
    List<String> words = rules.personWords(name);
    if (words.size() >= 2) {
      String loose = NameRules.looseKey(words.get(0)) + "|" + NameRules.looseKey(words.get(words.size() - 1));
      lookup.matching(IndexSchema.CATALOG_PERSON, List.of(loose)).stream()
          .filter(e -> e.type().equals(EntityType.PERSON) && NameRules.samePerson(words, rules.personWords(e.name())))
          .forEach(e -> out.putIfAbsent(e.id(), e));
    } else if (words.size() == 1) {
      String word = words.get(0);
      lookup.matching(IndexSchema.CATALOG_WORD, List.of(NameRules.looseKey(word))).stream()
          .filter(e -> e.type().equals(EntityType.PERSON) && rules.personWords(e.name()).stream().anyMatch(w -> NameRules.sameWord(w, word)))
          .forEach(e -> out.putIfAbsent(e.id(), e));
    }
    return out.values().stream().sorted(BY_REACH).toList();
  }

  /**
   * The entity a user means by {@code name}: one whose name or an alias has the same normal form
   * (the most mentioned when several do), else a person whose full name matches it with spelling
   * variants allowed, else an id ({@link #byId}).
   */
  public Optional<Entity> find(String name, NameRules rules) {
    return find(name, rules, this::matching);
  }

  /** {@link #find(String, NameRules)} over any backend's catalog. */
  public static Optional<Entity> find(String name, NameRules rules, Lookup lookup) {
    Optional<Entity> exact = first(lookup.matching(IndexSchema.CATALOG_KEY, List.of(rules.key(name))));
    if (exact.isPresent()) {
      return exact;
    }
    List<String> words = rules.personWords(name);
    if (words.size() >= 2) {
      String key = NameRules.looseKey(words.get(0)) + "|" + NameRules.looseKey(words.get(words.size() - 1));
      Optional<Entity> person = lookup.matching(IndexSchema.CATALOG_PERSON, List.of(key)).stream()
          .filter(e -> e.type().equals(EntityType.PERSON) && NameRules.samePerson(words, rules.personWords(e.name())))
          .findFirst();
      if (person.isPresent()) {
        return person;
      }
    } else if (words.size() == 1) {
      String word = words.get(0);
      Optional<Entity> person = lookup.matching(IndexSchema.CATALOG_WORD, List.of(NameRules.looseKey(word))).stream()
          .filter(e -> e.type().equals(EntityType.PERSON) && rules.personWords(e.name()).stream().anyMatch(w -> NameRules.sameWord(w, word)))
          .findFirst();
      if (person.isPresent()) {
        return person;
      }
    }
    return name.matches("[0-9a-f]{16}") ? byId(name, lookup) : Optional.empty();
  }

  /** The articles that name {@code entity} (any of its labels): a filter over article documents. */
  public static Query articlesOf(Entity entity) {
    Set<BytesRef> terms = new LinkedHashSet<>();
    for (String label : entity.labels()) {
      terms.add(new BytesRef(IndexSchema.entityTerm(CatalogName.typeOf(label), CatalogName.nameOf(label))));
    }
    return new TermInSetQuery(IndexSchema.ENTITY, terms);
  }

  /** The entity annotations of {@code entity}: one per article naming it under each label. */
  public static Query annotationsOf(Entity entity) {
    List<BytesRef> labels = entity.labels().stream().map(BytesRef::new).toList();
    return and(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ENTITY)), new TermInSetQuery(IndexSchema.LABEL, labels));
  }
}
