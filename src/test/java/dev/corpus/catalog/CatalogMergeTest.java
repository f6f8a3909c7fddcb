package dev.corpus.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.NameRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Merging the distinct names of a corpus into its entities. */
class CatalogMergeTest {

  /** Label to [documents, mentions] and alias counts, as articles add them up. */
  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final Map<String, Map<String, Integer>> aliases = new HashMap<>();

  /** One article naming an entity {@code name} (also written as {@code more}). */
  private void article(String type, String name, String... more) {
    String label = type + "|" + name;
    int[] c = counts.computeIfAbsent(label, k -> new int[2]);
    c[0]++;
    c[1] += 1 + more.length;
    for (String a : more) {
      aliases.computeIfAbsent(label, k -> new HashMap<>()).merge(a, 1, Integer::sum);
    }
  }

  private List<CatalogName> names() {
    List<CatalogName> out = new ArrayList<>();
    counts.forEach((label, c) -> out.add(new CatalogName(label, CatalogName.typeOf(label), CatalogName.nameOf(label), c[0], c[1],
        aliases.getOrDefault(label, Map.of()))));
    return out;
  }

  private List<CatalogMerge.Merged> merge() {
    return CatalogMerge.merge(names(), NameRules.shared());
  }

  private static CatalogMerge.Merged only(List<CatalogMerge.Merged> catalog, String name) {
    List<CatalogMerge.Merged> found = catalog.stream().filter(e -> e.name().equals(name)).toList();
    assertEquals(1, found.size(), () -> "entities named " + name + " in " + catalog);
    return found.get(0);
  }

  @Test
  void spellingsOfOnePersonAcrossArticlesAreOneEntity() {
    article("PERSON", "Choi Song-hee");
    article("PERSON", "Choi Song Hee", "Choi Song Hui");
    article("PERSON", "Yuri Ushakov");
    article("PERSON", "Yury Ushakov");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(2, catalog.size(), catalog::toString);
    assertEquals(2, catalog.get(0).documents());
  }

  @Test
  void fatherAndSonStayApartAndALoneKimIsNotGuessed() {
    article("PERSON", "Kim Jong Un", "Kim");
    article("PERSON", "Kim Jong-un");
    article("PERSON", "Kim Jong Il");
    article("PERSON", "Kim");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(2, only(catalog, "Kim Jong Un").documents());
    assertEquals(1, only(catalog, "Kim Jong Il").documents());
    assertEquals(1, only(catalog, "Kim").documents());
  }

  @Test
  void aLoneSurnameJoinsTheOnlyPersonItFits() {
    article("PERSON", "Vladimir Putin");
    article("PERSON", "Putin");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(1, catalog.size());
    assertEquals("Vladimir Putin", catalog.get(0).name());
    assertTrue(catalog.get(0).aliases().contains("Putin"));
    assertEquals(List.of("PERSON|Putin", "PERSON|Vladimir Putin"), catalog.get(0).labels());
  }

  @Test
  void aliasesAcronymsAndTypeDisagreementsMergeOtherNames() {
    article("LOC", "North Korea");
    article("ORG", "DPRK");
    article("LOC", "DPRK");
    article("ORG", "United Nations", "UN");
    article("ORG", "UN");
    article("ORG", "Korean Central News Agency");
    article("ORG", "KCNA");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(3, only(catalog, "North Korea").documents());
    assertEquals(2, only(catalog, "United Nations").documents());
    assertEquals(2, only(catalog, "Korean Central News Agency").documents());
    assertEquals(3, catalog.size());
  }

  @Test
  void theOrderNamesArriveInDoesNotMatter() {
    article("PERSON", "Kim Jong Un", "Kim");
    article("PERSON", "Kim Jong-un");
    article("PERSON", "Kim Jong Il");
    article("PERSON", "Kim");
    article("PERSON", "Vladimir Putin");
    article("PERSON", "Putin");
    article("ORG", "United Nations", "UN");
    article("ORG", "UN");
    article("LOC", "DPRK");
    article("LOC", "North Korea");
    List<CatalogName> names = names();
    List<CatalogMerge.Merged> expected = CatalogMerge.merge(names, NameRules.shared());
    for (int seed = 0; seed < 5; seed++) {
      List<CatalogName> shuffled = new ArrayList<>(names);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(expected, CatalogMerge.merge(shuffled, NameRules.shared()));
    }
  }
}
