package dev.corpus.search;

import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.index.IndexSchema;
import dev.corpus.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * The entities of a set of articles, merged across documents (rules in {@code docs/entities.md}):
 *
 * <ul>
 *   <li>Full person names merge when {@link NameRules#samePerson} says so, whatever the spelling
 *       variant ("Yuri Ushakov", "Yury Ushakov").
 *   <li>An article that names someone by one word only ("Putin") joins the one entity whose full
 *       name starts or ends with it; when two or more fit ("Kim": Kim Jong Un, Kim Jong Il) it
 *       stays apart, because guessing would merge two people.
 *   <li>Other names merge on their key (known aliases share a key), whatever the type the model
 *       gave them in each article; the entity takes the type it has most often. An acronym merges
 *       with the one name whose initials it is.
 * </ul>
 */
public final class EntityCatalog {

  /** One article's view of an entity. */
  public record Member(String documentId, String title, String source, String published, DocumentEntity entity) {}

  /**
   * An entity of the corpus.
   *
   * @param aliases its other spellings, most frequent first
   * @param members the articles that mention it, in index order
   */
  public record Entity(String type, String name, List<String> aliases, int mentions, int documents, List<Member> members) {

    /**
     * Identity: an entity is one object of its catalog. A record's generated equality would hash
     * and compare its whole member list, which made every map keyed by an entity cost as much as
     * the entity's mentions per lookup, and {@code corpus entity} quadratic in the corpus size.
     */
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    /** The article-level labels ({@code TYPE|name}, see {@code IndexSchema.entityLabel}) merged into this entity. */
    public List<String> labels() {
      return members.stream().map(m -> IndexSchema.entityLabel(m.entity().type(), m.entity().name())).distinct().toList();
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  private final List<Entity> entities;
  private final Map<String, Entity> byLabel;

  private EntityCatalog(List<Entity> entities) {
    this.entities = entities;
    this.byLabel = new HashMap<>();
    for (Entity e : entities) {
      for (Member m : e.members()) {
        byLabel.putIfAbsent(IndexSchema.entityLabel(m.entity().type(), m.entity().name()), e);
      }
    }
  }

  /** The catalog of the whole index. */
  public static EntityCatalog open(IndexSearcher searcher) {
    return build(searcher, new org.apache.lucene.search.TermQuery(
        new org.apache.lucene.index.Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), NameRules.shared());
  }

  /** The catalog of the articles that match {@code filter}. */
  public static EntityCatalog build(IndexSearcher searcher, Query filter, NameRules rules) {
    try {
      int max = Math.max(1, searcher.getIndexReader().maxDoc());
      TopDocs docs = searcher.search(filter, max, new Sort(SortField.FIELD_DOC));
      StoredFields stored = searcher.storedFields();
      Set<String> fields = Set.of(IndexSchema.ID, IndexSchema.TITLE, IndexSchema.META, IndexSchema.ENTITIES, IndexSchema.FILE);
      List<Member> members = new ArrayList<>();
      for (ScoreDoc sd : docs.scoreDocs) {
        Document doc = stored.document(sd.doc, fields);
        Article a = IndexSchema.toArticle(doc);
        String published = a.published() != null && a.published().known() ? a.published().value() : null;
        for (DocumentEntity e : IndexSchema.entities(doc)) {
          members.add(new Member(a.id(), a.title(), a.source(), published, e));
        }
      }
      // Index order depends on which indexing thread finished first: merge in id order instead,
      // so the same articles always give the same entities.
      members.sort(Comparator.comparing(Member::documentId));
      return merge(members, rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index", e);
    }
  }

  private static final class Group {
    final List<Member> members = new ArrayList<>();
    final List<List<String>> fullNames = new ArrayList<>();
    final boolean person;

    Group(boolean person) {
      this.person = person;
    }
  }

  /**
   * Merges article entities into corpus entities. Candidates are found through hash indexes on
   * {@link NameRules#looseKey} (first and last words of full names) and on initials, so the work
   * grows with the number of entities, not with its square.
   */
  static EntityCatalog merge(List<Member> members, NameRules rules) {
    List<Group> groups = new ArrayList<>();
    Map<String, List<Group>> byFirstLast = new HashMap<>();
    Map<String, List<Group>> byEdgeWord = new HashMap<>();
    List<Member> lonePersons = new ArrayList<>();
    for (Member m : members) {
      if (!m.entity().type().equals(EntityType.PERSON)) {
        continue;
      }
      List<String> words = rules.personWords(m.entity().name());
      if (words.size() < 2) {
        lonePersons.add(m);
        continue;
      }
      Group g = samePerson(byFirstLast, words);
      if (g == null) {
        g = new Group(true);
        groups.add(g);
      }
      if (!g.fullNames.contains(words)) {
        g.fullNames.add(words);
        index(byFirstLast, firstLast(words), g);
        index(byEdgeWord, NameRules.looseKey(words.get(0)), g);
        index(byEdgeWord, NameRules.looseKey(words.get(words.size() - 1)), g);
      }
      g.members.add(m);
    }
    Map<String, Group> byKey = new HashMap<>();
    for (Member m : lonePersons) {
      List<String> words = rules.personWords(m.entity().name());
      String word = words.isEmpty() ? NameRules.normal(m.entity().name()) : words.get(0);
      List<Group> fits = byEdgeWord.getOrDefault(NameRules.looseKey(word), List.of()).stream()
          .filter(g -> g.fullNames.stream().anyMatch(n ->
              NameRules.sameWord(n.get(0), word) || NameRules.sameWord(n.get(n.size() - 1), word)))
          .distinct()
          .toList();
      Group g = fits.size() == 1 ? fits.get(0) : byKey.computeIfAbsent("PERSON|" + word, k -> {
        Group fresh = new Group(true);
        groups.add(fresh);
        return fresh;
      });
      g.members.add(m);
    }
    Map<String, List<Group>> byInitials = new HashMap<>();
    for (Member m : members) {
      if (m.entity().type().equals(EntityType.PERSON)) {
        continue;
      }
      List<String> asPerson = rules.personWords(m.entity().name());
      Group person = asPerson.size() < 2 ? null : samePerson(byFirstLast, asPerson);
      if (person != null) {
        person.members.add(m); // a person the model mistyped in this article
        continue;
      }
      Group g = null;
      List<String> keys = new ArrayList<>();
      keys.add(rules.key(m.entity().name()));
      for (String alias : m.entity().aliases()) {
        keys.add(rules.key(alias));
      }
      for (String key : keys) {
        g = byKey.get("NAME|" + key);
        if (g != null) {
          break;
        }
      }
      if (g == null) {
        g = new Group(false);
        groups.add(g);
      }
      for (String key : keys) {
        byKey.putIfAbsent("NAME|" + key, g);
      }
      g.members.add(m);
      index(byInitials, NameRules.initials(m.entity().name()), g);
    }
    mergeAcronyms(groups, byInitials);
    List<Entity> entities = new ArrayList<>();
    for (Group g : groups) {
      if (!g.members.isEmpty()) {
        entities.add(entity(g, rules));
      }
    }
    entities.sort(Comparator.comparingInt(Entity::documents).reversed()
        .thenComparing(Comparator.comparingInt(Entity::mentions).reversed())
        .thenComparing(Entity::name)
        .thenComparing(Entity::type));
    return new EntityCatalog(List.copyOf(entities));
  }

  private static String firstLast(List<String> words) {
    return NameRules.looseKey(words.get(0)) + "|" + NameRules.looseKey(words.get(words.size() - 1));
  }

  private static void index(Map<String, List<Group>> index, String key, Group g) {
    List<Group> list = index.computeIfAbsent(key, k -> new ArrayList<>(2));
    if (!list.contains(g)) {
      list.add(g);
    }
  }

  /** The first person group with a full name that {@link NameRules#samePerson} matches, or null. */
  private static Group samePerson(Map<String, List<Group>> byFirstLast, List<String> words) {
    for (Group g : byFirstLast.getOrDefault(firstLast(words), List.of())) {
      if (g.fullNames.stream().anyMatch(n -> NameRules.samePerson(n, words))) {
        return g;
      }
    }
    return null;
  }

  private static void mergeAcronyms(List<Group> groups, Map<String, List<Group>> byInitials) {
    for (Group small : groups) {
      if (small.person || small.members.isEmpty()) {
        continue;
      }
      String acronym = small.members.get(0).entity().name();
      if (!small.members.stream().allMatch(m -> m.entity().name().equals(acronym))) {
        continue;
      }
      String key = acronym.replace(".", "").toLowerCase(java.util.Locale.ROOT);
      List<Group> fits = byInitials.getOrDefault(key, List.of()).stream()
          .filter(g -> g != small && !g.person && !g.members.isEmpty()
              && g.members.stream().anyMatch(m -> NameRules.isAcronymOf(acronym, m.entity().name())))
          .distinct()
          .toList();
      if (fits.size() == 1) {
        fits.get(0).members.addAll(small.members);
        small.members.clear();
      }
    }
  }

  private static Entity entity(Group g, NameRules rules) {
    Map<String, Integer> typeVotes = new HashMap<>();
    Map<String, Integer> nameVotes = new LinkedHashMap<>();
    Map<String, Integer> spellings = new LinkedHashMap<>();
    int mentions = 0;
    Set<String> docs = new java.util.HashSet<>();
    for (Member m : g.members) {
      DocumentEntity e = m.entity();
      typeVotes.merge(e.type(), e.mentions(), Integer::sum);
      nameVotes.merge(e.name(), 1, Integer::sum);
      spellings.merge(e.name(), e.mentions(), Integer::sum);
      for (String a : e.aliases()) {
        spellings.merge(a, 1, Integer::sum);
      }
      mentions += e.mentions();
      docs.add(m.documentId());
    }
    String type = g.person ? EntityType.PERSON : typeVotes.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .get().getKey();
    // A spelling in ordinary case beats the capitals of datelines and headlines ("NEW YORK").
    Comparator<Map.Entry<String, Integer>> byVotes = Comparator.comparing((Map.Entry<String, Integer> e) -> hasLowerCase(e.getKey()))
        .thenComparing(Map.Entry.comparingByValue())
        .thenComparing(e -> e.getKey().length())
        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()); // ties: the first alphabetically
    String name = nameVotes.entrySet().stream()
        .filter(e -> !g.person || rules.personWords(e.getKey()).size() >= 2)
        .max(byVotes)
        .or(() -> nameVotes.entrySet().stream().max(byVotes))
        .get().getKey();
    if (!g.person) {
      for (String candidate : nameVotes.keySet()) {
        String known = rules.aliasCanonical(candidate);
        if (known != null) {
          name = known; // "DPRK" and "North Korea" are shown as the alias list's canonical name
          break;
        }
      }
    }
    String finalName = name;
    List<String> aliases = spellings.entrySet().stream()
        .filter(e -> !e.getKey().equals(finalName))
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
    return new Entity(type, name, aliases, mentions, docs.size(), List.copyOf(g.members));
  }

  static boolean hasLowerCase(String name) {
    return name.chars().anyMatch(Character::isLowerCase);
  }

  /** All entities, the most widely reported first. */
  public List<Entity> entities() {
    return entities;
  }

  /** The entity an article's facet label ({@code TYPE|name}) belongs to. */
  public Optional<Entity> ofLabel(String label) {
    return Optional.ofNullable(byLabel.get(label));
  }

  /**
   * The entity a user means by {@code name}: one whose name or an alias has the same normal form
   * (the most mentioned when several do), else a person whose full name matches it with
   * spelling variants allowed.
   */
  public Optional<Entity> find(String name, NameRules rules) {
    String key = rules.key(name);
    Optional<Entity> exact = entities.stream()
        .filter(e -> rules.key(e.name()).equals(key) || e.aliases().stream().anyMatch(a -> rules.key(a).equals(key)))
        .max(Comparator.comparingInt(Entity::mentions));
    if (exact.isPresent()) {
      return exact;
    }
    List<String> words = rules.personWords(name);
    return entities.stream()
        .filter(e -> e.type().equals(EntityType.PERSON))
        .filter(e -> words.size() >= 2
            ? NameRules.samePerson(words, rules.personWords(e.name()))
            : rules.personWords(e.name()).stream().anyMatch(w -> NameRules.sameWord(w, words.isEmpty() ? "" : words.get(0))))
        .max(Comparator.comparingInt(Entity::mentions));
  }
}
