package dev.corpus.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging the entities of several articles. */
class EntityCatalogTest {

  private final List<EntityCatalog.Member> members = new ArrayList<>();

  private void article(String id, String type, String name, String... aliases) {
    members.add(new EntityCatalog.Member(id, "title " + id, "Outlet", "2024-06-19",
        new DocumentEntity(type, name, List.of(aliases), 1 + aliases.length, List.of(), List.of(new int[] {0, name.length()}))));
  }

  private EntityCatalog.Entity only(EntityCatalog catalog, String name) {
    List<EntityCatalog.Entity> found = catalog.entities().stream().filter(e -> e.name().equals(name)).toList();
    assertEquals(1, found.size(), () -> "entities named " + name + " in " + catalog.entities());
    return found.get(0);
  }

  @Test
  void spellingsOfOnePersonAcrossArticlesAreOneEntity() {
    article("a", "PERSON", "Choi Song-hee");
    article("b", "PERSON", "Choi Song Hee", "Choi Song Hui");
    article("c", "PERSON", "Yuri Ushakov");
    article("d", "PERSON", "Yury Ushakov");
    EntityCatalog catalog = EntityCatalog.merge(members, NameRules.shared());
    assertEquals(2, catalog.entities().size());
    assertEquals(2, catalog.entities().get(0).documents());
  }

  @Test
  void fatherAndSonStayApartAndALoneKimIsNotGuessed() {
    article("a", "PERSON", "Kim Jong Un", "Kim");
    article("b", "PERSON", "Kim Jong-un");
    article("c", "PERSON", "Kim Jong Il");
    article("d", "PERSON", "Kim");
    EntityCatalog catalog = EntityCatalog.merge(members, NameRules.shared());
    assertEquals(2, only(catalog, "Kim Jong Un").documents());
    assertEquals(1, only(catalog, "Kim Jong Il").documents());
    assertEquals(1, only(catalog, "Kim").documents());
  }

  @Test
  void aLoneSurnameJoinsTheOnlyPersonItFits() {
    article("a", "PERSON", "Vladimir Putin");
    article("b", "PERSON", "Putin");
    EntityCatalog catalog = EntityCatalog.merge(members, NameRules.shared());
    assertEquals(1, catalog.entities().size());
    assertEquals("Vladimir Putin", catalog.entities().get(0).name());
    assertTrue(catalog.entities().get(0).aliases().contains("Putin"));
  }

  @Test
  void aliasesAcronymsAndTypeDisagreementsMergeOtherNames() {
    article("a", "LOC", "North Korea");
    article("b", "ORG", "DPRK");
    article("c", "LOC", "DPRK");
    article("d", "ORG", "United Nations", "UN");
    article("e", "ORG", "UN");
    article("f", "ORG", "Korean Central News Agency");
    article("g", "ORG", "KCNA");
    EntityCatalog catalog = EntityCatalog.merge(members, NameRules.shared());
    assertEquals(3, only(catalog, "North Korea").documents());
    assertEquals(2, only(catalog, "United Nations").documents());
    assertEquals(2, only(catalog, "Korean Central News Agency").documents());
    assertEquals(3, catalog.entities().size());
  }

  @Test
  void findResolvesAnySpellingToItsEntity() {
    article("a", "PERSON", "Kim Jong Un");
    article("b", "PERSON", "Kim Jong Il");
    article("c", "LOC", "North Korea");
    EntityCatalog catalog = EntityCatalog.merge(members, NameRules.shared());
    NameRules rules = NameRules.shared();
    assertEquals("Kim Jong Un", catalog.find("Kim Jong-un", rules).orElseThrow().name());
    assertEquals("Kim Jong Il", catalog.find("kim jong il", rules).orElseThrow().name());
    assertEquals("North Korea", catalog.find("DPRK", rules).orElseThrow().name());
    assertTrue(catalog.find("Kim Yo Jong", rules).isEmpty());
  }
}
