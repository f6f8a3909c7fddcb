package dev.corpus.search;

import dev.corpus.CorpusException;
import dev.corpus.catalog.Corrections;
import dev.corpus.catalog.CorrectionsFile;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.index.CatalogPass;
import dev.corpus.index.CatalogUpdate;
import dev.corpus.index.CorpusIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * The user's corrections of the entity catalog ({@code corpus entity merge|split|rename|corrections}):
 * resolves the names a user gives against the catalog, records the correction in the index's
 * {@link CorrectionsFile}, and has the catalog merged again at once ({@link CatalogUpdate}), so
 * every command reads the corrected catalog without re-indexing.
 *
 * <p>The file records names, never ids: an id given on the command line is written as its
 * entity's name; a name the catalog found only by a looser match (a spelling variant of a person)
 * is written as the entity's name too, so that the file means the same entity to the plain
 * matching of {@link Corrections}.
 */
public final class CorrectionService {

  /** JSON shape version of {@link Report}. */
  public static final int VERSION = 1;

  /**
   * One correction of the file.
   *
   * @param number its position, 1 first: what {@code --undo N} takes
   * @param line where it starts in the file
   * @param kind {@code merge}, {@code split} or {@code rename}
   * @param names the entities it names (merge: all; split and rename: one)
   * @param keep split: the variants that leave; else empty
   * @param to rename: the new name; else null
   * @param note the entry's {@code note}, or null
   * @param applied false when it names what the catalog no longer has, and so is skipped
   * @param detail what it did, or why it was skipped
   */
  public record Item(int number, int line, String kind, List<String> names, List<String> keep, String to, String note,
      boolean applied, String detail) {}

  /**
   * The corrections of an index, or the one a command just added.
   *
   * @param file the corrections file
   * @param current false when the file changed since the catalog applied it: {@code corrections}
   *     then say what applying it would do
   */
  public record Report(int version, String file, boolean current, List<Item> corrections) {}

  private final CorpusIndex index;
  private final NameRules rules;

  public CorrectionService(CorpusIndex index) {
    this.index = index;
    this.rules = NameRules.shared();
  }

  /** Every correction and what it does to the catalog, without changing anything. */
  public Report list() {
    CorrectionsFile file = CorrectionsFile.read(index.dir());
    try (DirectoryReader reader = index.openReader()) {
      boolean current = file.hash().equals(CatalogPass.appliedCorrections(reader));
      return report(file, current, CatalogUpdate.preview(reader, file, rules), 1);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Merges the entities {@code names} name (names, aliases, labels or ids) into one.
   *
   * @throws CorpusException.NotFound when a name finds no entity, or all find the same one
   */
  public Report merge(List<String> names) {
    if (names.size() < 2) {
      throw new CorpusException.Usage("merge needs two names or more");
    }
    List<String> written = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    String one = null;
    try (DirectoryReader reader = index.openReader()) {
      EntityCatalog catalog = EntityCatalog.open(new IndexSearcher(reader));
      for (String name : names) {
        EntityCatalog.Entity e = resolve(catalog, name);
        ids.add(e.id());
        one = e.name();
        written.add(reference(name, e));
      }
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
    if (ids.size() < 2) {
      throw new CorpusException.NotFound("nothing to merge: " + String.join(", ", names) + " already name one entity, " + one);
    }
    return add(new Corrections.Merge(written, 0));
  }

  /**
   * Takes the variants {@code keep} (article-level names or {@code TYPE|name} labels) out of the
   * entity {@code name} names, into an entity of their own.
   *
   * @throws CorpusException.NotFound when the name finds no entity, or a variant is not one of its
   * @throws CorpusException.Usage when every variant would leave
   */
  public Report split(String name, List<String> keep) {
    if (keep.isEmpty()) {
      throw new CorpusException.Usage("split needs --keep VARIANT: the names that leave the entity");
    }
    String written;
    try (DirectoryReader reader = index.openReader()) {
      EntityCatalog.Entity e = resolve(EntityCatalog.open(new IndexSearcher(reader)), name);
      written = reference(name, e);
      Set<String> leaving = new LinkedHashSet<>();
      for (String variant : keep) {
        List<String> hit = e.labels().contains(variant) ? List.of(variant)
            : e.labels().stream().filter(l -> rules.key(dev.corpus.catalog.CatalogName.nameOf(l)).equals(rules.key(variant))).toList();
        if (hit.isEmpty()) {
          throw new CorpusException.NotFound(e.name() + " has no variant '" + variant + "'; its variants: " + String.join(", ", e.labels()));
        }
        leaving.addAll(hit);
      }
      if (leaving.size() == e.labels().size()) {
        throw new CorpusException.Usage("nothing of " + e.name() + " would remain: keep fewer than all its variants ("
            + String.join(", ", e.labels()) + ")");
      }
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
    return add(new Corrections.Split(written, keep, 0));
  }

  /** Gives the entity {@code name} names the display name {@code to}. */
  public Report rename(String name, String to) {
    if (to.isBlank()) {
      throw new CorpusException.Usage("the new name is empty");
    }
    String written;
    try (DirectoryReader reader = index.openReader()) {
      written = reference(name, resolve(EntityCatalog.open(new IndexSearcher(reader)), name));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
    return add(new Corrections.Rename(written, to.strip(), 0));
  }

  /**
   * Removes correction {@code number} (1 first) and applies the rest.
   *
   * @throws CorpusException.Usage when there is no such correction
   */
  public Report undo(int number) {
    CatalogUpdate.Outcome done = CatalogUpdate.apply(index.dir(), rules, f -> f.minus(number), outcomes -> {});
    return report(done.file(), true, outcomes(done), 1);
  }

  /** Applies the file as it is (after editing it by hand). */
  public Report apply() {
    CatalogUpdate.Outcome done = CatalogUpdate.apply(index.dir(), rules, f -> f, outcomes -> {});
    return report(done.file(), true, outcomes(done), 1);
  }

  /** The outcomes of an update; when it had nothing to merge, computed from the catalog as committed. */
  private List<Corrections.Outcome> outcomes(CatalogUpdate.Outcome done) {
    if (!done.outcomes().isEmpty() || done.file().entries().isEmpty()) {
      return done.outcomes();
    }
    try (DirectoryReader reader = index.openReader()) {
      return CatalogUpdate.preview(reader, done.file(), rules);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Appends {@code c} and applies it; refused, nothing written, when it would be skipped. */
  private Report add(Corrections.Correction c) {
    CatalogUpdate.Outcome done = CatalogUpdate.apply(index.dir(), rules, f -> f.plus(c), outcomes -> {
      Corrections.Outcome last = outcomes.get(outcomes.size() - 1);
      if (!last.applied()) {
        throw new CorpusException.NotFound("not recorded: " + last.detail());
      }
    });
    int n = done.file().entries().size();
    return report(done.file(), true, done.outcomes(), n);
  }

  /** The entity a user means: an id, else a name as {@code corpus entity NAME} finds it. */
  private EntityCatalog.Entity resolve(EntityCatalog catalog, String name) {
    return catalog.find(name, rules)
        .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + name + "' in the index"));
  }

  /**
   * What the file records for {@code name}: the user's words when the plain matching of {@link
   * Corrections} finds {@code e} by them (a label of it, or the key of its name, an alias or a
   * label), else {@code e}'s name.
   */
  private String reference(String name, EntityCatalog.Entity e) {
    if (e.labels().contains(name)) {
      return name;
    }
    String key = rules.key(name);
    boolean plain = rules.key(e.name()).equals(key)
        || e.aliases().stream().anyMatch(a -> rules.key(a).equals(key))
        || e.labels().stream().anyMatch(l -> rules.key(dev.corpus.catalog.CatalogName.nameOf(l)).equals(key));
    return plain ? name : e.name();
  }

  /** The report of {@code file}'s entries from number {@code from} on. */
  private static Report report(CorrectionsFile file, boolean current, List<Corrections.Outcome> outcomes, int from) {
    List<Item> items = new ArrayList<>();
    List<CorrectionsFile.Entry> entries = file.entries();
    for (int i = from - 1; i < entries.size(); i++) {
      CorrectionsFile.Entry entry = entries.get(i);
      Corrections.Outcome o = i < outcomes.size() ? outcomes.get(i) : null;
      Item item = switch (entry.correction()) {
        case Corrections.Merge m -> new Item(i + 1, entry.line(), m.kind(), m.names(), List.of(), null, entry.note(),
            o == null || o.applied(), o == null ? "" : o.detail());
        case Corrections.Split s -> new Item(i + 1, entry.line(), s.kind(), List.of(s.name()), s.keep(), null, entry.note(),
            o == null || o.applied(), o == null ? "" : o.detail());
        case Corrections.Rename r -> new Item(i + 1, entry.line(), r.kind(), List.of(r.name()), List.of(), r.to(), entry.note(),
            o == null || o.applied(), o == null ? "" : o.detail());
      };
      items.add(item);
    }
    return new Report(VERSION, file.where(), current, items);
  }
}
