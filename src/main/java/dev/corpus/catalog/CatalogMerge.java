package dev.corpus.catalog;

import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges the distinct names of a corpus into its entities (rules in {@code docs/entities.md}):
 *
 * <ul>
 *   <li>Full person names merge when {@link NameRules#samePerson} says so, whatever the spelling
 *       variant ("Yuri Ushakov", "Yury Ushakov").
 *   <li>A name of one word only ("Putin") joins the one person whose full name starts or ends with
 *       it; when two or more fit ("Kim": Kim Jong Un, Kim Jong Il) it stays apart, because
 *       guessing would merge two people.
 *   <li>Other names merge on their key (known aliases share a key), whatever the type the model
 *       gave them in each article; the entity takes the type it has most often. An acronym merges
 *       with the one name whose initials it is.
 * </ul>
 *
 * <p>Candidates are found through hash indexes on blocking keys ({@link NameRules#looseKey} of
 * the first and last words of full names, the name keys, initials), so the work grows with the
 * number of names, not with its square. The result depends only on the set of names given: they
 * are taken in label order, so the catalog of a corpus is the same whatever order its articles
 * were indexed in.
 */
public final class CatalogMerge {

  /**
   * An entity of the corpus.
   *
   * @param aliases its other spellings, most frequent first
   * @param labels the labels merged into it, in label order
   */
  public record Merged(String type, String name, List<String> aliases, int mentions, int documents, List<String> labels) {}

  private CatalogMerge() {}

  private static final class Group {
    final List<CatalogName> members = new ArrayList<>();
    final List<List<String>> fullNames = new ArrayList<>();
    final boolean person;

    Group(boolean person) {
      this.person = person;
    }
  }

  /** The entities of {@code names}, the most widely reported first. */
  public static List<Merged> merge(List<CatalogName> given, NameRules rules) {
    List<CatalogName> names = new ArrayList<>(given);
    names.sort(Comparator.comparing(CatalogName::label));
    List<Group> groups = new ArrayList<>();
    Map<String, List<Group>> byFirstLast = new HashMap<>();
    Map<String, List<Group>> byEdgeWord = new HashMap<>();
    List<CatalogName> lonePersons = new ArrayList<>();
    for (CatalogName m : names) {
      if (!m.type().equals(EntityType.PERSON)) {
        continue;
      }
      List<String> words = rules.personWords(m.name());
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
    for (CatalogName m : lonePersons) {
      List<String> words = rules.personWords(m.name());
      String word = words.isEmpty() ? NameRules.normal(m.name()) : words.get(0);
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
    for (CatalogName m : names) {
      if (m.type().equals(EntityType.PERSON)) {
        continue;
      }
      List<String> asPerson = rules.personWords(m.name());
      Group person = asPerson.size() < 2 ? null : samePerson(byFirstLast, asPerson);
      if (person != null) {
        person.members.add(m); // a person the model mistyped in some articles
        continue;
      }
      List<String> keys = new ArrayList<>();
      keys.add(rules.key(m.name()));
      for (String alias : m.aliases().keySet().stream().sorted().toList()) {
        keys.add(rules.key(alias));
      }
      Group g = null;
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
      index(byInitials, NameRules.initials(m.name()), g);
    }
    mergeAcronyms(groups, byInitials);
    List<Merged> entities = new ArrayList<>();
    for (Group g : groups) {
      if (!g.members.isEmpty()) {
        entities.add(entity(g, rules));
      }
    }
    entities.sort(Comparator.comparingInt(Merged::documents).reversed()
        .thenComparing(Comparator.comparingInt(Merged::mentions).reversed())
        .thenComparing(Merged::name)
        .thenComparing(Merged::type));
    return entities;
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
      String acronym = small.members.get(0).name();
      if (!small.members.stream().allMatch(m -> m.name().equals(acronym))) {
        continue;
      }
      String key = acronym.replace(".", "").toLowerCase(Locale.ROOT);
      List<Group> fits = byInitials.getOrDefault(key, List.of()).stream()
          .filter(g -> g != small && !g.person && !g.members.isEmpty()
              && g.members.stream().anyMatch(m -> NameRules.isAcronymOf(acronym, m.name())))
          .distinct()
          .toList();
      if (fits.size() == 1) {
        fits.get(0).members.addAll(small.members);
        small.members.clear();
      }
    }
  }

  private static Merged entity(Group g, NameRules rules) {
    Map<String, Integer> typeVotes = new HashMap<>();
    Map<String, Integer> nameVotes = new LinkedHashMap<>();
    Map<String, Integer> spellings = new LinkedHashMap<>();
    int mentions = 0;
    int documents = 0;
    List<String> labels = new ArrayList<>();
    for (CatalogName m : g.members) {
      typeVotes.merge(m.type(), m.mentions(), Integer::sum);
      nameVotes.merge(m.name(), m.documents(), Integer::sum);
      spellings.merge(m.name(), m.mentions(), Integer::sum);
      m.aliases().forEach((a, n) -> spellings.merge(a, n, Integer::sum));
      mentions += m.mentions();
      documents += m.documents();
      labels.add(m.label());
    }
    labels.sort(null);
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
      for (String candidate : nameVotes.keySet().stream().sorted().toList()) {
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
    return new Merged(type, name, aliases, mentions, documents, List.copyOf(labels));
  }

  static boolean hasLowerCase(String name) {
    return name.chars().anyMatch(Character::isLowerCase);
  }

  /** The order {@link #merge} returns entities in: the most widely reported first. */
  public static final Comparator<Merged> RANKING = Comparator.comparingInt(Merged::documents).reversed()
      .thenComparing(Comparator.comparingInt(Merged::mentions).reversed())
      .thenComparing(Merged::name)
      .thenComparing(Merged::type);

  /**
   * The entity {@code members} make when grouped by hand ({@link Corrections}): named and typed by
   * the rules of {@link #merge}, as a person when {@code person}.
   */
  public static Merged entity(List<CatalogName> members, boolean person, NameRules rules) {
    Group g = new Group(person);
    g.members.addAll(members);
    return entity(g, rules);
  }
}
