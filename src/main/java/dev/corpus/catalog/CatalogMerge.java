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
 *       variant ("Yuri Ushakov", "Yury Ushakov"), provided the variant words also sound alike
 *       ({@link PersonSound#spellingVariant}: not "Steve Deace" and "Steve Doocy").
 *   <li>Full person names that only sound alike ({@link PersonSound}: "Volodymyr Zelensky",
 *       "Wolodymyr Selenskyj") merge when their articles also share context: one of the names
 *       each article mentions most ({@link CatalogName#context}). Found through the Beider-Morse
 *       codes of the surnames, not by comparing every pair.
 *   <li>A name of one word only ("Putin") joins the one person whose full name starts or ends with
 *       it; when two or more fit ("Kim": Kim Jong Un, Kim Jong Il) it stays apart, because
 *       guessing would merge two people.
 *   <li>Other names merge on their key (known aliases share a key), whatever the type the model
 *       gave them in each article; the entity takes the type it has most often. An acronym merges
 *       with the one name whose initials it is. Nationalities ({@code NORP}) of one country merge
 *       ("Russian", "Russians").
 *   <li>A name that stands for a country ({@link NameRules#standsFor}: a capital, a seat of
 *       government, a demonym) keeps its own entity and carries a {@link Merged#link} to it.
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
   * @param link the country it stands for ("Moscow", "the Kremlin", "Russian": Russia), or null
   */
  public record Merged(String type, String name, List<String> aliases, int mentions, int documents, List<String> labels,
      NameRules.StandsFor link) {}

  private CatalogMerge() {}

  private static final class Group {
    final List<CatalogName> members = new ArrayList<>();
    final List<List<String>> fullNames = new ArrayList<>();
    final boolean person;
    /** Its place in the list of groups: the order phonetic merges keep. */
    int order;

    Group(boolean person) {
      this.person = person;
    }
  }

  /** The entities of {@code names}, the most widely reported first. */
  public static List<Merged> merge(List<CatalogName> given, NameRules rules) {
    List<CatalogName> names = new ArrayList<>(given);
    names.sort(Comparator.comparing(CatalogName::label));
    List<Group> groups = new ArrayList<>();
    PersonSound sound = new PersonSound();
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
      Group g = samePerson(byFirstLast, words, sound);
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
    List<Group> people = soundAlikeMerged(groups, sound);
    groups.clear();
    groups.addAll(people);
    byEdgeWord.clear();
    for (Group g : groups) {
      for (List<String> words : g.fullNames) {
        index(byEdgeWord, NameRules.looseKey(words.get(0)), g);
        index(byEdgeWord, NameRules.looseKey(PersonSound.surname(words)), g);
        index(byEdgeWord, NameRules.looseKey(words.get(words.size() - 1)), g);
      }
    }
    Map<String, Group> byKey = new HashMap<>();
    for (CatalogName m : lonePersons) {
      List<String> words = rules.personWords(m.name());
      String word = words.isEmpty() ? NameRules.normal(m.name()) : words.get(0);
      List<Group> fits = byEdgeWord.getOrDefault(NameRules.looseKey(word), List.of()).stream()
          .filter(g -> g.fullNames.stream().anyMatch(n ->
              sound.spellingVariant(n.get(0), word) || sound.spellingVariant(PersonSound.surname(n), word)))
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
      Group person = asPerson.size() < 2 ? null : samePerson(byFirstLast, asPerson, sound);
      if (person != null) {
        person.members.add(m); // a person the model mistyped in some articles
        continue;
      }
      List<String> keys = new ArrayList<>();
      keys.add(rules.key(m.name()));
      for (String alias : m.aliases().keySet().stream().sorted().toList()) {
        keys.add(rules.key(alias));
      }
      NameRules.StandsFor nation = rules.standsFor(m.name(), m.type());
      if (m.type().equals(EntityType.NORP) && nation != null && nation.relation().equals(NameRules.DEMONYM)) {
        keys.add("demonym of " + rules.key(nation.country())); // "Russian" and "Russians" are one people
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

  /**
   * The person groups with those that sound alike ({@link PersonSound#samePerson}) and share
   * context merged: blocked on the Beider-Morse codes of their surnames, joined as connected
   * components (so the result does not depend on the order pairs are looked at), each component
   * in the place of its first group.
   */
  private static List<Group> soundAlikeMerged(List<Group> groups, PersonSound sound) {
    Map<String, List<Group>> byCode = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      g.order = i;
      for (List<String> words : g.fullNames) {
        for (String code : sound.keys(words)) {
          index(byCode, code, g);
        }
      }
    }
    int[] parent = new int[groups.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<Group, java.util.Set<String>> contexts = new HashMap<>();
    java.util.Set<Long> tried = new java.util.HashSet<>();
    for (String code : byCode.keySet().stream().sorted().toList()) {
      List<Group> block = byCode.get(code);
      if (block.size() > MAX_BLOCK) {
        continue; // a code so common it tells nothing (a name shared by hundreds): no merge on sound alone
      }
      for (int i = 0; i < block.size(); i++) {
        for (int j = i + 1; j < block.size(); j++) {
          Group a = block.get(i);
          Group b = block.get(j);
          long pair = Math.min(a.order, b.order) * (long) groups.size() + Math.max(a.order, b.order);
          if (!tried.add(pair) || find(parent, a.order) == find(parent, b.order)) {
            continue;
          }
          boolean alike = a.fullNames.stream().anyMatch(x -> b.fullNames.stream().anyMatch(y -> sound.samePerson(x, y)));
          if (alike && shareContext(contexts.computeIfAbsent(a, CatalogMerge::context), contexts.computeIfAbsent(b, CatalogMerge::context))) {
            int ra = find(parent, a.order);
            int rb = find(parent, b.order);
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
          }
        }
      }
    }
    List<Group> out = new ArrayList<>();
    for (Group g : groups) {
      int root = find(parent, g.order);
      if (root == g.order) {
        out.add(g);
      } else {
        Group into = groups.get(root);
        into.members.addAll(g.members);
        for (List<String> n : g.fullNames) {
          if (!into.fullNames.contains(n)) {
            into.fullNames.add(n);
          }
        }
      }
    }
    return out;
  }

  /** Blocks larger than this are not compared: see {@link #soundAlikeMerged}. */
  static final int MAX_BLOCK = 200;

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static java.util.Set<String> context(Group g) {
    java.util.Set<String> out = new java.util.HashSet<>();
    g.members.forEach(m -> out.addAll(m.context().keySet()));
    return out;
  }

  private static boolean shareContext(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> small = a.size() <= b.size() ? a : b;
    java.util.Set<String> large = small == a ? b : a;
    return small.stream().anyMatch(large::contains);
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

  /** The first person group with a full name that is {@code words} spelled otherwise ({@link PersonSound#sameSpelling}), or null. */
  private static Group samePerson(Map<String, List<Group>> byFirstLast, List<String> words, PersonSound sound) {
    for (Group g : byFirstLast.getOrDefault(firstLast(words), List.of())) {
      if (g.fullNames.stream().anyMatch(n -> sound.sameSpelling(n, words))) {
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
    return new Merged(type, name, aliases, mentions, documents, List.copyOf(labels), link(type, name, labels, rules));
  }

  /**
   * The country an entity stands for: that of its name, else of its first label that stands for
   * one; none for a country's own entity ("Russia" does not stand for Russia) nor for a person.
   */
  private static NameRules.StandsFor link(String type, String name, List<String> labels, NameRules rules) {
    NameRules.StandsFor link = rules.standsFor(name, type);
    for (int i = 0; link == null && i < labels.size(); i++) {
      link = rules.standsFor(CatalogName.nameOf(labels.get(i)), type);
    }
    return link == null || rules.key(link.country()).equals(rules.key(name)) ? null : link;
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
