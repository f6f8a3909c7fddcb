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
  void aCapitalASeatOfGovernmentAndADemonymStandForTheirCountry() {
    assertEquals(new NameRules.StandsFor("Russia", NameRules.CAPITAL), rules.standsFor("Moscow", "LOC"));
    assertEquals(new NameRules.StandsFor("Russia", NameRules.SEAT), rules.standsFor("the Kremlin", "ORG"));
    assertEquals(new NameRules.StandsFor("France", NameRules.SEAT), rules.standsFor("Élysée", "LOC"), "accents do not matter");
    assertEquals(new NameRules.StandsFor("China", NameRules.DEMONYM), rules.standsFor("Chinese", "NORP"));
    assertEquals(new NameRules.StandsFor("North Korea", NameRules.DEMONYM), rules.standsFor("North Koreans", "NORP"));
    assertEquals(new NameRules.StandsFor("United Kingdom", NameRules.DEMONYM), rules.standsFor("British", "NORP"), "canonical spelling");
    assertNull(rules.standsFor("Washington", "PERSON"), "a person is never a country");
    assertNull(rules.standsFor("Western", "NORP"), "a group without a state");
    assertNull(rules.standsFor("Korean", "NORP"), "a word two states share");
    assertNull(rules.standsFor("Lyon", "LOC"));
  }

  @Test
  void everyDemonymIsANationalityAndEveryCountryIsKnown() {
    for (String file : List.of("demonyms.tsv", "seats.tsv")) {
      for (String line : dev.corpus.ResourceLines.read(NameRules.class, "/dev/corpus/extract/ner/gazetteer/" + file)) {
        String[] cols = line.split("\t");
        assertEquals(2, cols.length, file + ": " + line);
        if (file.equals("demonyms.tsv")) {
          assertTrue(rules.isNationality(cols[0]), "not in nationalities.txt: " + cols[0]);
        }
        String country = cols[1];
        assertTrue(rules.aliasCanonical(country) != null || COUNTRIES.contains(country), file + ": unknown country " + country);
      }
    }
  }

  private static final java.util.Set<String> COUNTRIES =
      java.util.Set.copyOf(dev.corpus.ResourceLines.read(NameRules.class, "/dev/corpus/extract/ner/gazetteer/countries.txt"));

  @Test
  void aNationalityIsNorpWhateverTypeTheModelGaveIt() {
    assertEquals("NORP", rules.fixedType("Russian", "MISC"));
    assertEquals("NORP", rules.fixedType("North Korean", "ORG"));
    assertEquals("NORP", rules.fixedType("Western", "MISC"));
    assertEquals("PERSON", rules.fixedType("German", "PERSON"), "German Titov: a first name the model saw as one");
    assertEquals("MISC", rules.fixedType("Russian Revolution", "MISC"), "a name that starts with a nationality is not one");
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
