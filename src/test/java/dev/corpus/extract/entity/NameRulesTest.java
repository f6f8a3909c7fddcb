package dev.corpus.extract.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameRulesTest {

  private final NameRules rules = NameRules.shared();

  private boolean same(String a, String b) {
    return NameRules.samePerson(rules.personWords(a), rules.personWords(b));
  }

  @Test
  void aCapitalGivesTheCountryWhoseGovernmentSitsThere() {
    assertEquals("Japan", rules.countryOfCapital("Tokyo"));
    assertEquals("United States", rules.countryOfCapital("Washington"));
    assertEquals("Cabo Verde", rules.countryOfCapital("Praia"), "the country's canonical spelling");
    assertEquals("European Union", rules.countryOfCapital("Brussels"), "in the news Brussels speaks for the EU");
    assertNull(rules.countryOfCapital("Lyon"), "not a capital");
    assertNull(rules.countryOfCapital("Georgetown"), "a capital better known as something else");
  }

  @Test
  void theHeadNounOfANameFixesItsType() {
    assertEquals("LOC", rules.fixedType("Korean Peninsula", "ORG"));
    assertEquals("LOC", rules.fixedType("Kim Il Sung Square", "PERSON"));
    assertEquals("MISC", rules.fixedType("Comprehensive Strategic Partnership Treaty", "ORG"));
    assertEquals("ORG", rules.fixedType("Collective Security Treaty Organization", "ORG"), "the head is Organization");
    assertEquals("PERSON", rules.fixedType("River", "PERSON"), "one word has no head to go by");
    assertEquals("ORG", rules.fixedType("Rodong Sinmun", "PERSON"), "a newspaper of the outlet list");
    assertEquals("PERSON", rules.fixedType("Bloomberg", "PERSON"), "one word may still be a person's surname");
  }

  @Test
  void normalFormDropsCaseAccentsPeriodsHyphensAndLeadingThe() {
    assertEquals("us", NameRules.normal("U.S."));
    assertEquals("kim jong un", NameRules.normal("Kim Jong-un"));
    assertEquals("united nations", NameRules.normal("the United Nations"));
    assertEquals("sao paulo", NameRules.normal("São Paulo"));
    assertEquals("workers 's party", NameRules.normal("Workers’s Party"));
  }

  @Test
  void romanisationVariantsOfOnePersonMatch() {
    assertTrue(same("Yuri Ushakov", "Yury Ushakov"));
    assertTrue(same("Choi Song-hee", "Choi Song Hui"));
    assertTrue(same("Choi Song Hee", "Choe Son Hui"));
    assertTrue(same("Kim Jong Un", "Kim Jong-un"));
    assertTrue(same("Sergei Lavrov", "Sergey Lavrov"));
    assertTrue(same("Vladimir Putin", "Vladimir Vladimirovich Putin"));
  }

  @Test
  void differentPeopleDoNotMatch() {
    assertFalse(same("Kim Jong Un", "Kim Jong Il"));
    assertFalse(same("John Smith", "Joan Smith"));
    assertFalse(same("Mary Smith", "John Smith"));
    assertFalse(same("Kim Jong Un", "Kim Yo Jong"));
    assertFalse(same("Andrey Rudenko", "Andrey Kelin"));
    assertFalse(same("Martin Hale", "Martin Hall"));
    assertFalse(NameRules.sameWord("hale", "hall"));
    assertTrue(NameRules.sameWord("song", "son"));
  }

  @Test
  void theLooseKeyIsSharedExactlyByWordsThatMatch() {
    String[] words = {"yuri", "yury", "choi", "choe", "song", "son", "hee", "hui", "il", "un", "hale", "hall", "kim", "jong", "jung"};
    for (String a : words) {
      for (String b : words) {
        assertEquals(NameRules.sameWord(a, b), NameRules.looseKey(a).equals(NameRules.looseKey(b)), a + " / " + b);
      }
    }
  }

  @Test
  void titlesInFrontOfANameAreNotPartOfIt() {
    assertEquals(List.of("putin"), rules.personWords("President Putin"));
    assertEquals(List.of("vladimir", "putin"), rules.personWords("Russian President Vladimir Putin"));
  }

  @Test
  void acronymsAreTheInitialsOfTheWordsThatCarryMeaning() {
    assertTrue(NameRules.isAcronymOf("KCNA", "Korean Central News Agency"));
    assertTrue(NameRules.isAcronymOf("UN", "United Nations"));
    assertTrue(NameRules.isAcronymOf("DPRK", "Democratic People's Republic of Korea"));
    assertFalse(NameRules.isAcronymOf("UN", "United States"));
    assertFalse(NameRules.isAcronymOf("Un", "United Nations"));
  }

  @Test
  void knownAliasesShareTheirCanonicalKey() {
    assertEquals(rules.key("North Korea"), rules.key("DPRK"));
    assertEquals(rules.key("United States"), rules.key("U.S."));
    assertEquals(rules.key("United Nations"), rules.key("UN"));
    assertFalse(rules.key("North Korea").equals(rules.key("South Korea")));
  }
}
