package dev.corpus.extract.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Acronyms an article defines and roles given by a predicate, through the shipped entity stage. */
class EntityStageTest {

  private static final EntityStage STAGE = EntityStage.shipped();

  /** The entity each mention written {@code text} was merged into. */
  private static List<String> entitiesOf(EntityAnnotations a, String text) {
    return a.mentions().stream().filter(m -> m.text().equals(text)).map(EntityMention::entity).toList();
  }

  private static DocumentEntity entity(EntityAnnotations a, String name) {
    return a.entities().stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + a.entities()));
  }

  @Test
  void anAcronymInParenthesesAfterANameIsThatNameEverywhereInTheArticle() {
    EntityAnnotations a = STAGE.find("The Northern Fisheries Council (NFC) set new catch limits on Monday. NFC members "
        + "voted against a ban. An NFC spokeswoman said more cuts were possible.");
    assertEquals(List.of("Northern Fisheries Council", "Northern Fisheries Council", "Northern Fisheries Council"),
        entitiesOf(a, "NFC"), "the definition, the acronym alone and inside a phrase");
    assertEquals(4, entity(a, "Northern Fisheries Council").mentions());
  }

  @Test
  void anEditionsYearOrNumberIsPartOfTheEventsName() {
    List<String[]> words = List.<String[]>of("Fans flew to the 2030 Tidal Games and the 7th Harbour Congress .".split(" "));
    List<dev.corpus.extract.ner.EntityRecognizer.Name> found = List.of(
        new dev.corpus.extract.ner.EntityRecognizer.Name(0, 5, 7, "MISC", 1.0),
        new dev.corpus.extract.ner.EntityRecognizer.Name(0, 10, 12, "ORG", 1.0));
    List<dev.corpus.extract.ner.EntityRecognizer.Name> out = EntityStage.withEditions(words, found);
    assertEquals(4, out.get(0).start(), "the 2030 Tidal Games");
    assertEquals(9, out.get(1).start(), "the 7th Harbour Congress");
    List<String[]> noThe = List.<String[]>of("In 2030 Norvex said it would grow .".split(" "));
    List<dev.corpus.extract.ner.EntityRecognizer.Name> org = List.of(new dev.corpus.extract.ner.EntityRecognizer.Name(0, 2, 3, "ORG", 1.0));
    assertEquals(2, EntityStage.withEditions(noThe, org).get(0).start(), "a year before a name is not an edition without 'the'");
    List<dev.corpus.extract.ner.EntityRecognizer.Name> place = List.of(new dev.corpus.extract.ner.EntityRecognizer.Name(0, 5, 7, "LOC", 1.0));
    assertEquals(5, EntityStage.withEditions(words, place).get(0).start(), "places have no editions");
  }

  @Test
  void editionsOfAnEventStayApartAndNationalitiesAreNorp() {
    EntityAnnotations a = STAGE.find("Fans traveled to the 2022 World Cup in Qatar. The 2026 World Cup will be played in Canada. "
        + "Russian officials and Chinese diplomats met on Monday.");
    assertTrue(a.entities().stream().anyMatch(e -> e.name().equals("2022 World Cup")), a::toString);
    assertTrue(a.entities().stream().anyMatch(e -> e.name().equals("2026 World Cup")), a::toString);
    assertEquals("NORP", entity(a, "Russian").type());
    assertEquals("NORP", entity(a, "Chinese").type());
  }

  @Test
  void anAcronymIsDefinedWhateverItsLetters() {
    EntityAnnotations a = STAGE.find("Officers of the National Intelligence Directorate (DINA) arrested two men on Monday. "
        + "DINA said the men had planned an attack.");
    assertEquals(List.of("National Intelligence Directorate", "National Intelligence Directorate"), entitiesOf(a, "DINA"));
  }

  @Test
  void aDefinitionCoversTheWholeNameBeforeTheParenthesis() {
    EntityAnnotations a = STAGE.find("The Monetary Authority of Singapore (MAS) kept its policy unchanged on Friday. "
        + "MAS said growth was slowing.");
    assertEquals(List.of("Monetary Authority of Singapore", "Monetary Authority of Singapore"), entitiesOf(a, "MAS"),
        "MAS is not Singapore");
  }

  @Test
  void parenthesesThatNameSomethingElseDefineNothing() {
    EntityAnnotations place = STAGE.find("Vodafone (UK) said it would cut jobs. The UK economy shrank in March.");
    assertTrue(entitiesOf(place, "UK").stream().allMatch("United Kingdom"::equals), place::toString);
    EntityAnnotations dateline = STAGE.find("WASHINGTON (AP) -- The Senate passed the spending bill on Friday.");
    assertFalse(entitiesOf(dateline, "AP").contains("WASHINGTON"), "a dateline's agency is not the city");
    EntityAnnotations person = STAGE.find("Senator Ann Brooks (DFL) voted against the bill. The DFL backed it.");
    assertFalse(entitiesOf(person, "DFL").contains("Ann Brooks"), "a party label after a person is not the person");
  }

  @Test
  void aPredicateGivesARole() {
    EntityAnnotations a = STAGE.find("Jane Miller became prime minister on Friday. Tom Baker, who was elected president "
        + "of the union in May, spoke first. Sara Lund is the finance minister.");
    assertEquals(List.of("prime minister"), entity(a, "Jane Miller").roles());
    assertEquals(List.of("president of the union"), entity(a, "Tom Baker").roles());
    assertEquals(List.of("finance minister"), entity(a, "Sara Lund").roles());
  }

  @Test
  void aRoleBeforeTheNameAndOneAfterItAreBothKept() {
    EntityAnnotations a = STAGE.find("Finance Minister Jane Miller was named prime minister on Friday.");
    assertEquals(List.of("Finance Minister", "prime minister"), entity(a, "Jane Miller").roles());
  }

  @Test
  void aPredicateThatDoesNotMakeThePersonSomethingGivesNoRole() {
    EntityAnnotations a = STAGE.find("Ed Ray was not elected mayor. Ann Cole hopes to become governor. Bob Lee was the "
        + "president's son. Kim Ford is the minister responsible for sport.");
    for (String name : List.of("Ed Ray", "Ann Cole", "Bob Lee", "Kim Ford")) {
      assertEquals(List.of(), entity(a, name).roles(), name);
    }
  }
}
