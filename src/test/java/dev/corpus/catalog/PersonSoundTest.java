package dev.corpus.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.NameRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonSoundTest {

  private final PersonSound sound = new PersonSound();

  private boolean same(String a, String b) {
    NameRules rules = NameRules.shared();
    return sound.samePerson(rules.personWords(a), rules.personWords(b));
  }

  @Test
  void transliterationsOfOneNameSoundAlike() {
    assertTrue(same("Dmytro Zarensky", "Dmytro Zarenskyy"));
    assertTrue(same("Dmytro Zarensky", "Dmitro Sarenskyj"), "German s for z, j for y");
    assertTrue(same("Volodar Hrenko", "Wolodar Hrenko"), "w for v");
    assertTrue(same("Omar Kadafi", "Omar Qaddafi"), "k for q, one d for two");
  }

  @Test
  void differentNamesDoNot() {
    assertFalse(same("Lena Smith", "Lena Schmidt"), "the codec hears zmit in both; the spellings are too far apart");
    assertFalse(same("Kim Jong Un", "Kim Jong Il"));
    assertFalse(same("Ana Lindqvist", "Eva Lindqvist"));
    assertFalse(same("Tomas Brenner", "Tomas Brenner Jr."), "a generational suffix is part of who it is");
    assertFalse(same("Tomas Brenner Sr.", "Tomas Brenner Jr."));
    assertFalse(same("J. Smith", "John Smith"), "an initial could tie two people together");
    assertFalse(same("Tomas Brenner", "Tomas K. Brenner"), "a middle initial can tell a son from his father");
  }

  @Test
  void theSlavicEndingIsWrittenOneWay() {
    assertEquals("zarensky", PersonSound.folded("zarenskyj"));
    assertEquals("zarensky", PersonSound.folded("zarenskiy"));
    assertEquals("zarensky", PersonSound.folded("zarenskii"));
    assertEquals("li", PersonSound.folded("li"));
    assertEquals(List.of("tomas", "brenner"), PersonSound.withoutSuffix(List.of("tomas", "brenner", "jr")));
  }
}
