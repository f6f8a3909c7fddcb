package dev.corpus.extract.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Roles given by a predicate, through the shipped entity stage. */
class EntityStageTest {

  private static final EntityStage STAGE = EntityStage.shipped();

  private static DocumentEntity entity(EntityAnnotations a, String name) {
    return a.entities().stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + a.entities()));
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
