package dev.corpus.extract.entity;

import dev.corpus.extract.ner.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges the name mentions of one document into entities (the rules are in {@link NameRules}
 * and {@code docs/entities.md}):
 *
 * <ol>
 *   <li>A name written the same way keeps one type in a document: its most frequent one.
 *   <li>Full person names (two words or more) merge when {@link NameRules#samePerson} says so.
 *   <li>A one-word person name ("Putin", "Kim") joins the full name it is the first or last word
 *       of; when several full names fit (Kim Jong Un and Kim Jong Il), the one mentioned last
 *       before it, else the most mentioned.
 *   <li>Other names merge on {@link NameRules#key} (known aliases share a key), and an acronym
 *       joins the name whose initials it is ("KCNA", "Korean Central News Agency"), or the name
 *       the document spells it out as ("National Intelligence Directorate (DINA)").
 * </ol>
 */
public final class MentionMerger {

  /** A mention as the recogniser found it, with the roles its sentence gives a person (else none). */
  public record Found(String text, String type, int start, int end, List<String> roles) {}

  private final NameRules rules;

  public MentionMerger(NameRules rules) {
    this.rules = rules;
  }

  private static final class Cluster {
    final String type;
    final int order; // its place in the document's list of clusters
    final List<Found> members = new ArrayList<>();
    final List<List<String>> fullNames = new ArrayList<>();
    String key;
    /** The starts of the full names, in text order, once all are known. */
    int[] fullNameStarts = new int[0];
    /** The start of the last mention joined after the full names, or -1. */
    int lastJoined = -1;

    Cluster(String type, int order) {
      this.type = type;
      this.order = order;
    }

    /** Where the last of its mentions before {@code at} starts, or -1. */
    int lastStartBefore(int at) {
      int lo = 0;
      int hi = fullNameStarts.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (fullNameStarts[mid] < at) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int full = lo == 0 ? -1 : fullNameStarts[lo - 1];
      return lastJoined >= 0 && lastJoined < at ? Math.max(full, lastJoined) : full;
    }
  }

  /**
   * The person clusters by the {@link NameRules#looseKey} of the first and of the last word of
   * their full names: the only clusters {@link NameRules#samePerson} or a one-word name can match,
   * so that a name is compared with those and not with every cluster of a long document.
   */
  private static final class PersonIndex {
    private final Map<String, List<Cluster>> byFirst = new HashMap<>();
    private final Map<String, List<Cluster>> byFirstOrLast = new HashMap<>();

    void add(Cluster c, List<String> fullName) {
      addOnce(byFirst, NameRules.looseKey(fullName.get(0)), c);
      addOnce(byFirstOrLast, NameRules.looseKey(fullName.get(0)), c);
      addOnce(byFirstOrLast, NameRules.looseKey(fullName.get(fullName.size() - 1)), c);
      addOnce(byFirstOrLast, NameRules.looseKey(NameRules.surname(fullName)), c); // "Brenner" of "Tomas Brenner Jr."
    }

    /** The clusters one of whose full names may be the same person as {@code words}, in cluster order. */
    List<Cluster> samePersonCandidates(List<String> words) {
      return byFirst.getOrDefault(NameRules.looseKey(words.get(0)), List.of());
    }

    /** The clusters one of whose full names may start or end with {@code word}, in cluster order. */
    List<Cluster> wordCandidates(String word) {
      return byFirstOrLast.getOrDefault(NameRules.looseKey(word), List.of());
    }

    /** Adds {@code c} to the clusters under {@code key}, kept in cluster order and each once. */
    private static void addOnce(Map<String, List<Cluster>> index, String key, Cluster c) {
      List<Cluster> list = index.computeIfAbsent(key, k -> new ArrayList<>());
      int at = list.size(); // a later full name may join an earlier cluster
      while (at > 0 && list.get(at - 1).order > c.order) {
        at--;
      }
      if (at == 0 || list.get(at - 1) != c) {
        list.add(at, c);
      }
    }
  }

  /** The merged mentions and entities of one document; {@code found} in text order. */
  public EntityAnnotations merge(List<Found> found) {
    return merge(found, Map.of());
  }

  /**
   * The merged mentions and entities of one document, {@code found} in text order, where the
   * document defines some acronyms: each acronym of {@code longForms} merges with the name it
   * stands for there ("ILO" with "International Labour Organization", "DINA" with "National
   * Intelligence Directorate"), whatever its letters.
   */
  public EntityAnnotations merge(List<Found> found, Map<String, String> longForms) {
    List<Found> typed = consistentTypes(found);
    List<Cluster> clusters = new ArrayList<>();
    Map<Found, Cluster> clusterOf = new HashMap<>();
    PersonIndex people = new PersonIndex();
    // Full person names first, so that a lone surname before the full name still finds it.
    for (Found f : typed) {
      if (f.type().equals(EntityType.PERSON)) {
        List<String> words = rules.personWords(f.text());
        if (words.size() >= 2) {
          Cluster c = samePerson(words, people);
          if (c == null) {
            c = newCluster(EntityType.PERSON, clusters);
          }
          if (!c.fullNames.contains(words)) {
            c.fullNames.add(words);
            people.add(c, words);
          }
          c.members.add(f);
          clusterOf.put(f, c);
        }
      }
    }
    for (Cluster c : clusters) {
      c.fullNameStarts = c.members.stream().mapToInt(Found::start).toArray();
    }
    Map<String, Cluster> byKey = new HashMap<>();
    for (int i = 0; i < typed.size(); i++) {
      Found f = typed.get(i);
      if (clusterOf.containsKey(f)) {
        continue;
      }
      Cluster c;
      if (f.type().equals(EntityType.PERSON)) {
        List<String> words = rules.personWords(f.text());
        c = words.isEmpty() ? null : personFor(words.get(0), f, people);
        if (c == null) {
          String key = "PERSON|" + String.join(" ", words);
          c = byKey.computeIfAbsent(key, k -> newCluster(EntityType.PERSON, clusters));
        }
      } else if ((c = personNamed(f, people)) != null) {
        f = new Found(f.text(), EntityType.PERSON, f.start(), f.end(), f.roles()); // the model mistyped a person
      } else {
        String longForm = longForms.get(f.text());
        String key = f.type() + "|" + rules.key(longForm != null ? longForm : f.text());
        String type = f.type();
        c = byKey.computeIfAbsent(key, k -> newCluster(type, clusters));
        c.key = key;
      }
      typed.set(i, f);
      c.members.add(f);
      c.lastJoined = f.start();
      clusterOf.put(f, c);
    }
    mergeAcronyms(clusters, clusterOf);
    return build(typed, clusters, clusterOf);
  }

  private static Cluster newCluster(String type, List<Cluster> clusters) {
    Cluster c = new Cluster(type, clusters.size());
    clusters.add(c);
    return c;
  }

  /**
   * The person cluster a one-word mention belongs to, or null. With several candidates, a full
   * name in the last {@link #NEARBY} characters wins (the text has just named that person);
   * otherwise the person named in full first: news introduces its subject in the lead and a
   * namesake (a father, a predecessor) later, in background paragraphs, where counting mentions
   * can favour the namesake.
   */
  private static Cluster personFor(String word, Found f, PersonIndex people) {
    List<Cluster> fits = people.wordCandidates(word).stream()
        .filter(c -> c.type.equals(EntityType.PERSON) && c.fullNames.stream().anyMatch(n ->
            NameRules.sameWord(NameRules.surname(n), word) || NameRules.sameWord(n.get(0), word)))
        .toList();
    if (fits.size() <= 1) {
      return fits.isEmpty() ? null : fits.get(0);
    }
    // The mentions joined so far are the full names and those before f (mentions come in text order).
    Cluster latest = null;
    int latestStart = -1;
    for (Cluster c : fits) {
      int start = c.lastStartBefore(f.start());
      if (start > latestStart) {
        latest = c;
        latestStart = start;
      }
    }
    if (latest != null && f.start() - latestStart <= NEARBY) {
      return latest;
    }
    return fits.stream().min(Comparator.comparingInt(c -> c.members.get(0).start())).get();
  }

  /** The person cluster whose full name a name of another type spells ("Choi Song Hui" tagged ORG), or null. */
  private Cluster personNamed(Found f, PersonIndex people) {
    List<String> words = rules.personWords(f.text());
    return words.size() < 2 ? null : samePerson(words, people);
  }

  /** The first person cluster with a full name {@link NameRules#samePerson} as {@code words}, or null. */
  private static Cluster samePerson(List<String> words, PersonIndex people) {
    for (Cluster c : people.samePersonCandidates(words)) {
      if (c.type.equals(EntityType.PERSON) && c.fullNames.stream().anyMatch(n -> NameRules.samePerson(n, words))) {
        return c;
      }
    }
    return null;
  }

  /** How close (in characters) a full name must be for a one-word name to mean that person. */
  static final int NEARBY = 150;

  private static void mergeAcronyms(List<Cluster> clusters, Map<Found, Cluster> clusterOf) {
    // The clusters by the initials of their names: the only ones an acronym can be of. An acronym
    // joining a cluster adds no initials (one word has one), so the index stays true.
    Map<String, List<Cluster>> byInitials = new HashMap<>();
    for (Cluster c : clusters) {
      for (Found f : c.members) {
        String initials = NameRules.initials(f.text());
        if (initials.length() >= 2) {
          List<Cluster> list = byInitials.computeIfAbsent(initials, k -> new ArrayList<>());
          if (list.isEmpty() || list.get(list.size() - 1) != c) {
            list.add(c);
          }
        }
      }
    }
    for (Cluster small : List.copyOf(clusters)) {
      if (small.type.equals(EntityType.PERSON) || !small.members.stream().allMatch(f -> isAcronymLike(f.text()))) {
        continue;
      }
      String acronym = small.members.get(0).text();
      for (Cluster big : byInitials.getOrDefault(acronym.replace(".", "").toLowerCase(Locale.ROOT), List.of())) {
        if (big != small && big.type.equals(small.type)
            && big.members.stream().anyMatch(f -> NameRules.isAcronymOf(acronym, f.text()))) {
          big.members.addAll(small.members);
          small.members.forEach(f -> clusterOf.put(f, big));
          small.members.clear();
          break;
        }
      }
    }
    clusters.removeIf(c -> c.members.isEmpty());
  }

  private static boolean isAcronymLike(String text) {
    String s = text.replace(".", "");
    return s.length() >= 2 && s.length() <= 8 && s.chars().allMatch(Character::isUpperCase);
  }

  /** Each name string gets the type it has most often in the document. */
  private static List<Found> consistentTypes(List<Found> found) {
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    for (Found f : found) {
      votes.computeIfAbsent(NameRules.normal(f.text()), k -> new LinkedHashMap<>()).merge(f.type(), 1, Integer::sum);
    }
    List<Found> out = new ArrayList<>(found.size());
    for (Found f : found) {
      Map<String, Integer> v = votes.get(NameRules.normal(f.text()));
      String type = v.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
      out.add(type.equals(f.type()) ? f : new Found(f.text(), type, f.start(), f.end(), f.roles()));
    }
    return out;
  }

  private EntityAnnotations build(List<Found> typed, List<Cluster> clusters, Map<Found, Cluster> clusterOf) {
    Map<Cluster, String> names = new HashMap<>();
    List<DocumentEntity> entities = new ArrayList<>();
    for (Cluster c : clusters) {
      String name = canonical(c);
      names.put(c, name);
      List<String> aliases = new ArrayList<>();
      List<String> roles = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      for (Found f : c.members.stream().sorted(Comparator.comparingInt(Found::start)).toList()) {
        String shown = display(f);
        if (!shown.equals(name) && !aliases.contains(shown)) {
          aliases.add(shown);
        }
        for (String role : f.roles()) {
          if (!roles.contains(role)) {
            roles.add(role);
          }
        }
        spans.add(new int[] {f.start(), f.end()});
      }
      entities.add(new DocumentEntity(c.type, name, List.copyOf(aliases), c.members.size(), List.copyOf(roles), List.copyOf(spans)));
    }
    entities.sort(Comparator.comparingInt(DocumentEntity::mentions).reversed().thenComparing(DocumentEntity::name));
    List<EntityMention> mentions = new ArrayList<>(typed.size());
    for (Found f : typed) {
      mentions.add(new EntityMention(f.text(), f.type(), f.start(), f.end(), names.get(clusterOf.get(f))));
    }
    return new EntityAnnotations(List.copyOf(mentions), List.copyOf(entities));
  }

  /** A mention's text without the titles in front of a person's name. */
  private String display(Found f) {
    if (!f.type().equals(EntityType.PERSON)) {
      return f.text();
    }
    int drop = rules.personWords(f.text()).size();
    String[] words = f.text().split("\\s+");
    // Titles come first: keep the last words, as many as the name has (hyphenated words count once
    // in the text but twice in the words, so never drop more than the title part).
    int keepFrom = 0;
    for (int k = 0; k < words.length; k++) {
      if (rules.isTitle(String.join(" ", List.of(words).subList(0, k + 1)))) {
        keepFrom = k + 1;
      }
    }
    return drop == 0 || keepFrom >= words.length ? f.text() : String.join(" ", List.of(words).subList(keepFrom, words.length));
  }

  /** The canonical name of a cluster: see the class comment. */
  private String canonical(Cluster c) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Found f : c.members) {
      counts.merge(display(f), 1, Integer::sum);
    }
    if (!c.type.equals(EntityType.PERSON)) {
      for (String form : counts.keySet()) {
        String alias = rules.aliasCanonical(form);
        if (alias != null) {
          return alias;
        }
      }
    }
    // Ordinary case beats the capitals of a dateline ("MOSCOW"), then frequency, then length.
    Comparator<Map.Entry<String, Integer>> best = Comparator
        .comparing((Map.Entry<String, Integer> e) -> e.getKey().chars().anyMatch(Character::isLowerCase))
        .thenComparing(Map.Entry.comparingByValue())
        .thenComparing(e -> e.getKey().length());
    return counts.entrySet().stream()
        .filter(e -> c.type.equals(EntityType.PERSON) ? rules.personWords(e.getKey()).size() >= 2 : !isAcronymLike(e.getKey()))
        .max(best)
        .or(() -> counts.entrySet().stream().max(best))
        .get().getKey();
  }
}
