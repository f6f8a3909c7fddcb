package dev.corpus.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.NameRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user's corrections applied to merged entities: a pure function, entities to entities. */
class CorrectionsTest {

  private final NameRules rules = NameRules.shared();
  private final Map<String, CatalogName> table = new LinkedHashMap<>();

  private void name(String label, int documents, String... aliases) {
    Map<String, Integer> a = new LinkedHashMap<>();
    for (String s : aliases) {
      a.put(s, 1);
    }
    table.put(label, new CatalogName(label, CatalogName.typeOf(label), CatalogName.nameOf(label), documents, documents, a));
  }

  /** A small catalog: a person under two labels, a mistyped works, a lone surname, a trust. */
  private void corpus() {
    name("PERSON|Orsolya Brandvik", 4);
    name("PERSON|Brandvik", 2);
    name("PERSON|Velmora Works", 2);
    name("ORG|Velmora Works", 1);
    name("PERSON|Vallgren", 1);
    name("ORG|Quayside Trust", 7, "QT");
  }

  private Corrections.Result apply(Corrections.Correction... corrections) {
    List<CatalogMerge.Merged> merged = CatalogMerge.merge(new ArrayList<>(table.values()), rules);
    return Corrections.apply(merged, table, List.of(corrections), rules);
  }

  private static CatalogMerge.Merged named(Corrections.Result r, String name) {
    List<CatalogMerge.Merged> found = r.entities().stream().filter(e -> e.name().equals(name)).toList();
    assertEquals(1, found.size(), () -> name + " in " + r.entities());
    return found.get(0);
  }

  @Test
  void noCorrectionsChangeNothing() {
    corpus();
    List<CatalogMerge.Merged> merged = CatalogMerge.merge(new ArrayList<>(table.values()), rules);
    assertEquals(merged, Corrections.apply(merged, table, List.of(), rules).entities());
  }

  @Test
  void mergeJoinsEntitiesByNameAliasOrLabelAndTheLargestGivesTheType() {
    corpus();
    Corrections.Result r = apply(new Corrections.Merge(List.of("Orsolya Brandvik", "vallgren", "QT"), 3));
    CatalogMerge.Merged trust = named(r, "Quayside Trust"); // the largest, by articles
    assertEquals("ORG", trust.type());
    assertEquals(List.of("ORG|Quayside Trust", "PERSON|Brandvik", "PERSON|Orsolya Brandvik", "PERSON|Vallgren"), trust.labels());
    assertEquals(14, trust.documents());
    assertTrue(trust.aliases().containsAll(List.of("Orsolya Brandvik", "Vallgren", "QT")), trust.aliases()::toString);
    assertEquals(2, r.entities().size(), r.entities()::toString);
    assertTrue(r.outcomes().get(0).applied());
    assertEquals("merged 3 entities into Quayside Trust (ORG)", r.outcomes().get(0).detail());
  }

  @Test
  void splitTakesVariantsOutAndTheRestComesFirstForItsId() {
    corpus();
    // "Brandvik" went into Orsolya Brandvik automatically; here it is someone else.
    Corrections.Result r = apply(new Corrections.Split("Orsolya Brandvik", List.of("Brandvik"), 1));
    assertEquals(List.of("PERSON|Orsolya Brandvik"), named(r, "Orsolya Brandvik").labels());
    assertEquals(List.of("PERSON|Brandvik"), named(r, "Brandvik").labels());
    assertEquals("Brandvik", r.entities().get(r.entities().size() - 1).name(), "the part taken out claims its id last");
  }

  @Test
  void splitByLabelSeparatesTheTypesOfOneSpelling() {
    corpus();
    Corrections.Result r = apply(new Corrections.Split("Velmora Works", List.of("ORG|Velmora Works"), 1));
    List<CatalogMerge.Merged> works = r.entities().stream().filter(e -> e.name().equals("Velmora Works")).toList();
    assertEquals(2, works.size(), works::toString);
    assertEquals(List.of("PERSON", "ORG"), works.stream().map(CatalogMerge.Merged::type).toList(), "the rest keeps its type");
  }

  @Test
  void renameSetsTheNameKeepsTheOldAsAliasAndSurvivesALaterMerge() {
    corpus();
    Corrections.Result r = apply(
        new Corrections.Rename("Velmora Works", "Velmora Shipyard", 1),
        new Corrections.Merge(List.of("Velmora Shipyard", "Vallgren"), 2));
    CatalogMerge.Merged yard = named(r, "Velmora Shipyard");
    assertEquals("PERSON", yard.type());
    assertEquals("Velmora Works", yard.aliases().get(0));
    assertTrue(yard.labels().contains("PERSON|Vallgren"));
    assertTrue(r.outcomes().stream().allMatch(Corrections.Outcome::applied));
  }

  @Test
  void correctionsNamingWhatIsGoneAreSkippedWithAReasonAndTheOthersApply() {
    corpus();
    Corrections.Result r = apply(
        new Corrections.Merge(List.of("Orsolya Brandvik", "Ilse Marrow"), 1),
        new Corrections.Split("Quayside Trust", List.of("Harbour Trust"), 4),
        new Corrections.Split("Quayside Trust", List.of("Quayside Trust"), 7),
        new Corrections.Rename("Vallgren", "Teodor Vallgren", 9));
    List<Corrections.Outcome> o = r.outcomes();
    assertFalse(o.get(0).applied());
    assertEquals("no entity named 'Ilse Marrow'", o.get(0).detail());
    assertFalse(o.get(1).applied());
    assertTrue(o.get(1).detail().startsWith("Quayside Trust has no variant 'Harbour Trust'"), o.get(1).detail());
    assertFalse(o.get(2).applied());
    assertTrue(o.get(2).detail().startsWith("nothing of Quayside Trust would remain"), o.get(2).detail());
    assertTrue(o.get(3).applied());
    named(r, "Teodor Vallgren");
    assertEquals(CatalogMerge.merge(new ArrayList<>(table.values()), rules).size(), r.entities().size());
  }

  @Test
  void mergingOneEntityUnderTwoOfItsNamesIsANoOp() {
    corpus();
    Corrections.Result r = apply(new Corrections.Merge(List.of("Orsolya Brandvik", "Brandvik"), 1));
    assertTrue(r.outcomes().get(0).detail().startsWith("already one entity"));
    assertEquals(CatalogMerge.merge(new ArrayList<>(table.values()), rules), r.entities());
  }

  @Test
  void aNameSharedByTwoEntitiesMeansTheLargest() {
    corpus();
    Corrections.Result r = apply(new Corrections.Rename("Velmora Works", "Velmora Yard", 1));
    assertEquals("PERSON", named(r, "Velmora Yard").type(), "the person part is the larger (2 articles to 1)");
  }
}
