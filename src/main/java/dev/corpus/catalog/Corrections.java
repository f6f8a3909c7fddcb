package dev.corpus.catalog;

import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's corrections of the catalog, applied in order to the entities {@link CatalogMerge}
 * made: a pure function from entities to entities (rules in {@code docs/entities.md}, "User
 * corrections").
 *
 * <p>A correction names entities the way a user does: by a label ({@code TYPE|name}, exactly), else
 * by a name, alias or label name with the same {@link NameRules#key} (the entity's display name
 * first, then its labels' names, then its aliases; among several, the most widely reported). It
 * never names an internal id, so the same file gives the same catalog on an index rebuilt from
 * scratch. A correction that names nothing the catalog has (any more) is skipped and reported in
 * its {@link Outcome}, never fatal: the corpus it was written for may have changed.
 *
 * <ul>
 *   <li>{@link Merge}: the entities named become one; it takes the type of the largest (most
 *       articles), and the name an automatic merge would give it unless a part was renamed.
 *   <li>{@link Split}: the labels named leave the entity and become an entity of their own; the
 *       rest stays, with its type and any name given by hand.
 *   <li>{@link Rename}: the display name; the old one stays findable as an alias.
 * </ul>
 */
public final class Corrections {

  private Corrections() {}

  /** One correction, with the line of the file it was read from (0 when none). */
  public sealed interface Correction permits Merge, Split, Rename {
    int line();

    /** The verb of the file and the CLI: {@code merge}, {@code split}, {@code rename}. */
    String kind();
  }

  /** {@code merge: [A, B, …]}: two names or more. */
  public record Merge(List<String> names, int line) implements Correction {
    public Merge {
      names = List.copyOf(names);
    }

    @Override
    public String kind() {
      return "merge";
    }
  }

  /** {@code split: NAME, keep: [VARIANT, …]}: the variants leave NAME's entity, together. */
  public record Split(String name, List<String> keep, int line) implements Correction {
    public Split {
      keep = List.copyOf(keep);
    }

    @Override
    public String kind() {
      return "split";
    }
  }

  /** {@code rename: NAME, to: NEW}. */
  public record Rename(String name, String to, int line) implements Correction {
    @Override
    public String kind() {
      return "rename";
    }
  }

  /**
   * What one correction did.
   *
   * @param applied false when it was skipped: what it names is not in the catalog
   * @param detail one line: what it did, or why it was skipped
   * @param entities the display names of the entities it made or changed, after it (none when skipped)
   */
  public record Outcome(Correction correction, boolean applied, String detail, List<String> entities) {}

  /**
   * The corrected catalog.
   *
   * @param entities in the order they claim ids: the most widely reported first, except that the
   *     part a {@link Split} took out comes after every other entity, so the rest keeps the id
   * @param outcomes one per correction, in order
   */
  public record Result(List<CatalogMerge.Merged> entities, List<Outcome> outcomes) {}

  /** An entity while corrections are applied. */
  private static final class Work {
    List<CatalogName> members;
    CatalogMerge.Merged merged;
    /** A display name given by {@link Rename}: kept through later merges and splits. */
    String forcedName;
    /** Taken out by a split: claims its id after the others. */
    boolean detached;

    Work(List<CatalogName> members, CatalogMerge.Merged merged) {
      this.members = members;
      this.merged = merged;
    }
  }

  /**
   * Applies {@code corrections} in order to {@code entities}.
   *
   * @param entities what {@link CatalogMerge#merge} made of {@code names}
   * @param names the table those entities were merged from, by label
   */
  public static Result apply(
      List<CatalogMerge.Merged> entities, Map<String, CatalogName> names, List<? extends Correction> corrections, NameRules rules) {
    if (corrections.isEmpty()) {
      return new Result(entities, List.of()); // the common case costs nothing
    }
    List<Work> work = new ArrayList<>(entities.size());
    for (CatalogMerge.Merged m : entities) {
      work.add(new Work(m.labels().stream().map(names::get).toList(), m));
    }
    List<Outcome> outcomes = new ArrayList<>(corrections.size());
    for (Correction c : corrections) {
      outcomes.add(switch (c) {
        case Merge m -> merge(work, m, rules);
        case Split s -> split(work, s, rules);
        case Rename r -> rename(work, r, rules);
      });
    }
    Comparator<Work> ranking = Comparator.comparing((Work w) -> w.detached)
        .thenComparing(w -> w.merged, CatalogMerge.RANKING);
    work.sort(ranking);
    return new Result(work.stream().map(w -> w.merged).toList(), List.copyOf(outcomes));
  }

  private static Outcome merge(List<Work> work, Merge m, NameRules rules) {
    Set<Work> parts = new LinkedHashSet<>();
    for (String name : m.names()) {
      Work w = find(work, name, rules);
      if (w == null) {
        return skipped(m, notFound(name));
      }
      parts.add(w);
    }
    if (parts.size() < 2) {
      Work only = parts.iterator().next();
      return new Outcome(m, true, "already one entity: " + only.merged.name(), List.of(only.merged.name()));
    }
    Work largest = parts.stream().min(Comparator.comparing(w -> w.merged, CatalogMerge.RANKING)).get();
    List<CatalogName> members = new ArrayList<>();
    String forced = null;
    boolean detached = largest.detached;
    for (Work w : parts.stream().sorted(Comparator.comparing(w -> w.merged, CatalogMerge.RANKING)).toList()) {
      members.addAll(w.members);
      if (forced == null) {
        forced = w.forcedName; // the largest renamed part's name
      }
    }
    Work into = new Work(members, null);
    into.forcedName = forced;
    into.detached = detached;
    into.merged = entity(members, largest.merged.type(), forced, rules);
    work.removeAll(parts);
    work.add(into);
    return new Outcome(m, true, "merged " + parts.size() + " entities into " + into.merged.name() + " (" + into.merged.type() + ")",
        List.of(into.merged.name()));
  }

  private static Outcome split(List<Work> work, Split s, NameRules rules) {
    Work from = find(work, s.name(), rules);
    if (from == null) {
      return skipped(s, notFound(s.name()));
    }
    Set<CatalogName> leaving = new LinkedHashSet<>();
    for (String variant : s.keep()) {
      List<CatalogName> hit = from.members.stream().filter(n -> n.label().equals(variant)).toList();
      if (hit.isEmpty()) {
        String key = rules.key(variant);
        hit = from.members.stream().filter(n -> rules.key(n.name()).equals(key)).toList();
      }
      if (hit.isEmpty()) {
        return skipped(s, from.merged.name() + " has no variant '" + variant + "' (its variants: "
            + String.join(", ", from.merged.labels()) + ")");
      }
      leaving.addAll(hit);
    }
    if (leaving.size() == from.members.size()) {
      return skipped(s, "nothing of " + from.merged.name() + " would remain: every variant would leave");
    }
    List<CatalogName> rest = from.members.stream().filter(n -> !leaving.contains(n)).toList();
    from.members = rest;
    from.merged = entity(rest, from.merged.type(), from.forcedName, rules);
    List<CatalogName> out = List.copyOf(leaving);
    Work part = new Work(out, null);
    part.detached = true;
    part.merged = entity(out, null, null, rules);
    work.add(part);
    return new Outcome(s, true, "split " + part.merged.name() + " (" + part.merged.type() + ") from " + from.merged.name(),
        List.of(from.merged.name(), part.merged.name()));
  }

  private static Outcome rename(List<Work> work, Rename r, NameRules rules) {
    Work w = find(work, r.name(), rules);
    if (w == null) {
      return skipped(r, notFound(r.name()));
    }
    String was = w.merged.name();
    w.forcedName = r.to();
    w.merged = named(w.merged, r.to());
    return new Outcome(r, true, "renamed " + was + " to " + r.to(), List.of(r.to()));
  }

  private static Outcome skipped(Correction c, String why) {
    return new Outcome(c, false, why, List.of());
  }

  private static String notFound(String name) {
    return "no entity named '" + name + "'" + (name.matches("[0-9a-f]{16}") ? " (the file names entities, not ids)" : "");
  }

  /**
   * The entity of {@code members}: as an automatic merge makes it, of {@code type} when given
   * (else by the members' votes), named {@code name} when given.
   */
  private static CatalogMerge.Merged entity(List<CatalogName> members, String type, String name, NameRules rules) {
    CatalogMerge.Merged m = CatalogMerge.entity(members, EntityType.PERSON.equals(type), rules);
    if (type == null && m.type().equals(EntityType.PERSON)) {
      m = CatalogMerge.entity(members, true, rules); // a person's name follows the person rules
    }
    if (type != null && !type.equals(m.type())) {
      m = new CatalogMerge.Merged(type, m.name(), m.aliases(), m.mentions(), m.documents(), m.labels(), m.link());
    }
    return name == null ? m : named(m, name);
  }

  /** {@code m} under {@code name}: its former name becomes its first alias, so it is still found by it. */
  private static CatalogMerge.Merged named(CatalogMerge.Merged m, String name) {
    List<String> aliases = new ArrayList<>();
    aliases.add(m.name());
    aliases.addAll(m.aliases());
    aliases.removeIf(a -> a.equals(name));
    return new CatalogMerge.Merged(m.type(), name, List.copyOf(new LinkedHashSet<>(aliases)), m.mentions(), m.documents(), m.labels(), m.link());
  }

  /**
   * The entity a correction means by {@code ref}: see the class comment. Among several, the most
   * widely reported, as {@code corpus entity NAME} picks.
   */
  static Work find(List<Work> work, String ref, NameRules rules) {
    if (ref.indexOf('|') > 0) {
      for (Work w : work) {
        if (w.merged.labels().contains(ref)) {
          return w;
        }
      }
    }
    String key = rules.key(ref);
    List<java.util.function.Predicate<Work>> tiers = List.of(
        w -> rules.key(w.merged.name()).equals(key),
        w -> w.members.stream().anyMatch(n -> rules.key(n.name()).equals(key)),
        w -> w.merged.aliases().stream().anyMatch(a -> rules.key(a).equals(key)));
    for (var tier : tiers) {
      Work best = null;
      for (Work w : work) {
        if (tier.test(w) && (best == null || CatalogMerge.RANKING.compare(w.merged, best.merged) < 0)) {
          best = w;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }
}
