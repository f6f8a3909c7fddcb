package dev.corpus.extract.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Within-document merging, on mentions as the recogniser would report them. */
class MentionMergerTest {

  private final MentionMerger merger = new MentionMerger(NameRules.shared());

  /** Mentions in text order; each "TYPE:text" gets the next free offsets. */
  private static List<MentionMerger.Found> found(String... typedNames) {
    List<MentionMerger.Found> out = new ArrayList<>();
    int at = 0;
    for (String t : typedNames) {
      String[] p = t.split(":", 2);
      out.add(new MentionMerger.Found(p[1], p[0], at, at + p[1].length(), List.of()));
      at += p[1].length() + 10;
    }
    return out;
  }

  /** Entity name per mention text. */
  private static Map<String, String> entityOf(EntityAnnotations a) {
    Map<String, String> out = new TreeMap<>();
    a.mentions().forEach(m -> out.put(m.text(), m.entity()));
    return out;
  }

  @Test
  void surnameAndTitledNameJoinTheFullName() {
    EntityAnnotations a = merger.merge(found("PERSON:Putin", "PERSON:Vladimir Putin", "PERSON:President Putin"));
    assertEquals(1, a.entities().size());
    DocumentEntity putin = a.entities().get(0);
    assertEquals("Vladimir Putin", putin.name());
    assertEquals(3, putin.mentions());
    assertEquals(List.of("Putin"), putin.aliases());
  }

  @Test
  void aLoneFamilyNameFarFromAnyFullNameGoesToThePersonNamedFirst() {
    List<MentionMerger.Found> found = List.of(
        new MentionMerger.Found("Kim Jong Un", "PERSON", 0, 11, List.of()),
        new MentionMerger.Found("Kim Jong Un", "PERSON", 400, 411, List.of()),
        new MentionMerger.Found("Kim Jong Il", "PERSON", 800, 811, List.of()),
        new MentionMerger.Found("Kim", "PERSON", 900, 903, List.of()),
        new MentionMerger.Found("Kim", "PERSON", 2000, 2003, List.of()));
    List<String> entities = merger.merge(found).mentions().stream().map(EntityMention::entity).toList();
    assertEquals(List.of("Kim Jong Un", "Kim Jong Un", "Kim Jong Il", "Kim Jong Il", "Kim Jong Un"), entities);
    // The father named twice in a background paragraph does not take the subject's "Kim".
    List<MentionMerger.Found> history = List.of(
        new MentionMerger.Found("Kim Jong Un", "PERSON", 0, 11, List.of()),
        new MentionMerger.Found("Kim Jong Il", "PERSON", 800, 811, List.of()),
        new MentionMerger.Found("Kim Jong Il", "PERSON", 860, 871, List.of()),
        new MentionMerger.Found("Kim", "PERSON", 1400, 1403, List.of()));
    assertEquals("Kim Jong Un", merger.merge(history).mentions().get(3).entity());
  }

  @Test
  void aLoneFamilyNameRightAfterAFullNameMeansThatPerson() {
    EntityAnnotations a = merger.merge(found(
        "PERSON:Kim Jong Un", "PERSON:Kim Jong Il", "PERSON:Kim", "PERSON:Kim Jong Un", "PERSON:Kim"));
    assertEquals(2, a.entities().size());
    List<String> entities = a.mentions().stream().map(EntityMention::entity).toList();
    assertEquals(List.of("Kim Jong Un", "Kim Jong Il", "Kim Jong Il", "Kim Jong Un", "Kim Jong Un"), entities);
  }

  @Test
  void twoPeopleSharingAFamilyNameStayTwo() {
    EntityAnnotations a = merger.merge(found("PERSON:John Smith", "PERSON:Mary Smith", "PERSON:Ms Smith"));
    assertEquals(2, a.entities().size());
  }

  @Test
  void spellingVariantsInOneArticleAreOnePerson() {
    EntityAnnotations a = merger.merge(found("PERSON:Choi Song-hee", "PERSON:Choi Song Hee", "PERSON:Choi Song Hui"));
    assertEquals(1, a.entities().size());
    assertEquals(List.of("Choi Song Hee", "Choi Song Hui"), a.entities().get(0).aliases());
  }

  @Test
  void acronymsAndAliasesJoinTheirFullName() {
    EntityAnnotations a = merger.merge(found(
        "ORG:Korean Central News Agency", "ORG:KCNA", "ORG:United Nations", "ORG:UN", "LOC:DPRK", "LOC:North Korea"));
    Map<String, String> of = entityOf(a);
    assertEquals("Korean Central News Agency", of.get("KCNA"));
    assertEquals("United Nations", of.get("UN"));
    assertEquals("North Korea", of.get("DPRK"));
    assertEquals(3, a.entities().size());
  }

  @Test
  void aNameKeepsTheTypeItHasMostOftenInTheArticle() {
    EntityAnnotations a = merger.merge(found("ORG:Kremlin", "LOC:Kremlin", "ORG:Kremlin"));
    assertEquals(1, a.entities().size());
    assertEquals("ORG", a.entities().get(0).type());
  }

  @Test
  void aSonNamedWithJuniorIsNotHisFatherAndHisSurnameAloneCanMeanHim() {
    List<MentionMerger.Found> found = List.of(
        new MentionMerger.Found("Tomas Brenner", "PERSON", 0, 13, List.of()),
        new MentionMerger.Found("Tomas Brenner Jr.", "PERSON", 400, 417, List.of()),
        new MentionMerger.Found("Brenner", "PERSON", 440, 447, List.of()));
    EntityAnnotations a = merger.merge(found);
    assertEquals(2, a.entities().size(), a::toString);
    assertEquals("Tomas Brenner Jr.", entityOf(a).get("Brenner"), "the son was just named");
    assertEquals("Tomas Brenner", entityOf(a).get("Tomas Brenner"));
  }
}
