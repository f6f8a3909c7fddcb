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
  private final Map<String, Map<String, Integer>> contexts = new HashMap<>();

  /** The articles that use {@code label} also mention these names (keys). */
  private void about(String label, String... keys) {
    for (String k : keys) {
      contexts.computeIfAbsent(label, x -> new HashMap<>()).merge(k, 1, Integer::sum);
    }
  }

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
        aliases.getOrDefault(label, Map.of()), contexts.getOrDefault(label, Map.of()))));
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

  @Test
  void transliterationsOfOnePersonMergeWhenTheirArticlesShareContext() {
    article("PERSON", "Dmytro Zarensky");
    about("PERSON|Dmytro Zarensky", "ukraine", "kyiv");
    article("PERSON", "Dmytro Zarenskyy");
    about("PERSON|Dmytro Zarenskyy", "kyiv", "european union");
    article("PERSON", "Dmitro Sarenskyj");
    about("PERSON|Dmitro Sarenskyj", "ukraine");
    article("PERSON", "Zarenskyy");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(1, catalog.size(), catalog::toString);
    assertEquals(4, catalog.get(0).documents());
  }

  @Test
  void soundingAlikeIsNotEnoughWithoutSharedContext() {
    article("PERSON", "Dmytro Zarensky");
    about("PERSON|Dmytro Zarensky", "ukraine");
    article("PERSON", "Dmytro Zarenskyy");
    about("PERSON|Dmytro Zarenskyy", "brazil");
    assertEquals(2, merge().size(), "two articles about different things: maybe two people");
  }

  @Test
  void namesThatSoundAlikeOnlyByTheCodecStayApart() {
    article("PERSON", "Lena Smith");
    about("PERSON|Lena Smith", "berlin");
    article("PERSON", "Lena Schmidt");
    about("PERSON|Lena Schmidt", "berlin");
    assertEquals(2, merge().size(), "Smith and Schmidt are two names, though Beider-Morse codes both zmit");
  }

  @Test
  void namesakesStayApartEvenInTheSameContext() {
    for (String name : List.of("Park Min-jun", "Park Min-jae", "Tomas Brenner", "Tomas Brenner Jr.", "Ana Lindqvist", "Eva Lindqvist")) {
      article("PERSON", name);
      about("PERSON|" + name, "seoul", "stockholm");
    }
    article("PERSON", "Lindqvist");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(7, catalog.size(), catalog::toString);
    assertEquals(1, only(catalog, "Lindqvist").documents(), "a lone surname of two people is not given to either");
    assertEquals(1, only(catalog, "Tomas Brenner Jr.").documents(), "a son is not his father");
  }

  @Test
  void aCapitalASeatAndADemonymLinkToTheirCountry() {
    article("LOC", "Russia");
    article("LOC", "Moscow");
    article("LOC", "Kremlin");
    article("NORP", "Russian");
    article("NORP", "Russians");
    article("NORP", "Western");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(5, catalog.size(), catalog::toString);
    assertEquals(new NameRules.StandsFor("Russia", NameRules.CAPITAL), only(catalog, "Moscow").link());
    assertEquals(new NameRules.StandsFor("Russia", NameRules.SEAT), only(catalog, "Kremlin").link());
    CatalogMerge.Merged people = catalog.stream().filter(e -> e.type().equals("NORP") && e.labels().size() == 2).findFirst().orElseThrow();
    assertEquals(new NameRules.StandsFor("Russia", NameRules.DEMONYM), people.link(), "Russian and Russians: one people");
    assertEquals(null, only(catalog, "Russia").link(), "a country does not stand for itself");
    assertEquals(null, only(catalog, "Western").link());
    assertEquals("LOC", only(catalog, "Moscow").type(), "Moscow stays a place");
  }

  @Test
  void editionsOfAnEventStayApart() {
    article("MISC", "2022 World Cup");
    article("MISC", "2026 World Cup");
    article("ORG", "19th Party Congress");
    article("ORG", "20th Party Congress");
    assertEquals(4, merge().size());
  }

  @Test
  void phoneticMergesDoNotDependOnOrder() {
    for (String name : List.of("Dmytro Zarensky", "Dmytro Zarenskyy", "Dmitro Sarenskyj", "Lena Smith", "Lena Schmidt", "Ana Lindqvist")) {
      article("PERSON", name);
      about("PERSON|" + name, "kyiv");
    }
    article("PERSON", "Zarensky");
    List<CatalogName> names = names();
    List<CatalogMerge.Merged> expected = CatalogMerge.merge(names, NameRules.shared());
    for (int seed = 0; seed < 5; seed++) {
      List<CatalogName> shuffled = new ArrayList<>(names);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(expected, CatalogMerge.merge(shuffled, NameRules.shared()));
    }
  }

  @Test
  void vowelVariantsThatDoNotSoundAlikeStayApartAcrossArticles() {
    article("PERSON", "Tim Deace");
    article("PERSON", "Tim Doocy");
    article("PERSON", "Rina De Vallo");
    article("PERSON", "Do");
    article("PERSON", "Arn Shai");
    article("PERSON", "Shia");
    List<CatalogMerge.Merged> catalog = merge();
    assertEquals(6, catalog.size(), catalog::toString);
  }
}
