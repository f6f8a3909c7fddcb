package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.EntityStage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Speakers of every kind resolved to the article's entities (issue 13): short articles through the
 * shipped entity stage and claim extractor, each with the statement whose speaker is checked.
 */
class SpeakersTest {

  private static final ClaimExtractor EXTRACTOR = ClaimExtractor.shipped();
  private static final EntityStage ENTITIES = EntityStage.shipped();

  /** The claim of {@code text} whose content starts with {@code content}. */
  private static Claim claim(String text, String content) {
    List<Claim> found = EXTRACTOR.extract(text, ENTITIES.find(text));
    return found.stream().filter(c -> c.content().startsWith(content)).findFirst()
        .orElseThrow(() -> new AssertionError("no claim \"" + content + "\" in " + found));
  }

  @Test
  void anOrganisationDescribedByTheNounOfItsName() {
    String ministry = "The Ministry of Fisheries announced new catch quotas on Monday. Boat owners gathered outside "
        + "its offices in the morning.\n\nThe ministry said the quotas would be reviewed in June.";
    assertEquals("Ministry of Fisheries", claim(ministry, "the quotas would").speaker());
    String league = "The Northern Rugby League fined two clubs on Tuesday for fielding ineligible players. "
        + "The league said the fines were final.";
    assertEquals("Northern Rugby League", claim(league, "the fines were final").speaker());
    String bank = "The Bank of Portugal left its main interest rate unchanged on Thursday. Economists had expected "
        + "a cut. The bank said inflation was still too high.";
    assertEquals("Bank of Portugal", claim(bank, "inflation was still").speaker());
  }

  @Test
  void anOrganisationDescribedByItsKind() {
    String company = "Harbor Tools Inc reported a loss for the third quarter. Analysts had expected a small profit. "
        + "The company said sales had fallen in Europe.";
    assertEquals("Harbor Tools Inc", claim(company, "sales had fallen").speaker());
    // A bare company name says no kind: it is "the company" when it spoke last.
    String spoke = "Nokia said on Monday it would cut 2,000 jobs in Finland. "
        + "The company said the cuts would be made by the end of the year.";
    assertEquals("Nokia", claim(spoke, "the cuts would").speaker());
  }

  @Test
  void aDescriptionThatNoOrganisationNamedBeforeFitsHasNoSpeaker() {
    Claim none = claim("Fishermen protested in the harbour on Monday. The ministry said the quotas would stay.", "the quotas");
    assertEquals("The ministry", none.speakerText());
    assertNull(none.speaker(), "no ministry was named");
    Claim other = claim("The Foreign Ministry summoned the ambassador on Friday. The defence ministry said troops were on alert.",
        "troops were");
    assertNull(other.speaker(), "the defence ministry is not the Foreign Ministry");
    Claim head = claim("The Securities and Exchange Commission fined the broker on Monday. The exchange said trading would "
        + "resume on Tuesday.", "trading would");
    assertNull(head.speaker(), "the Securities and Exchange Commission is a commission, not an exchange");
  }

  @Test
  void aSpokespersonSpeaksForTheOrganisationNamedWithIt() {
    String acronym = "Catches of cod fell by a third last year, the Northern Fisheries Council (NFC) reported on Monday. "
        + "“We had no choice but to cut the limits,” an NFC spokeswoman said.";
    assertEquals("Northern Fisheries Council", claim(acronym, "We had no choice").speaker());
    String company = "Harbor Tools Inc closed its plant in Ohio on Friday. A company spokesman said the workers would be "
        + "offered jobs elsewhere.";
    assertEquals("Harbor Tools Inc", claim(company, "the workers would").speaker());
    String after = "The Atlantic Salmon Council met on Tuesday. A spokesman for the council in Oslo said the ban would "
        + "stay in place.";
    assertEquals("Atlantic Salmon Council", claim(after, "the ban would").speaker(), "the council, not Oslo");
  }

  @Test
  void aSpokespersonWithoutAnOrganisationOrWithANameIsNotTheOrganisation() {
    assertNull(claim("Prices rose in March. A spokesman said the increase was temporary.", "the increase").speaker());
    Claim named = claim("The Northern Fisheries Council (NFC) met on Monday. NFC spokeswoman Jane Ortiz said the talks "
        + "went well.", "the talks");
    assertEquals("Jane Ortiz", named.speaker());
  }

  @Test
  void aCapitalSpeaksForItsCountry() {
    Claim named = claim("Japan and South Korea held talks on fishing rights on Monday. Tokyo said the talks had been useful.",
        "the talks had");
    assertEquals("Tokyo", named.speakerText());
    assertEquals("Japan", named.speaker(), "the country's entity when the article names it");
    Claim alone = claim("Beijing said the new sanctions were illegal and would be answered.", "the new sanctions");
    assertEquals("China", alone.speaker(), "else the country's name");
  }

  @Test
  void aCapitalThatIsOnlyAPlaceSpeaksForNoCountry() {
    List<Claim> found = EXTRACTOR.extract("Ministers met for talks in Paris on Monday. The talks ended without a deal, "
        + "officials said.", ENTITIES.find("Ministers met for talks in Paris on Monday. The talks ended without a deal, "
        + "officials said."));
    assertTrue(found.stream().noneMatch(c -> "France".equals(c.speaker())), found::toString);
    assertNull(claim("Ministers met for talks in Paris on Monday. Officials in Paris said the talks would go on.",
        "the talks would").speaker(), "officials in a capital are not its country");
  }

  @Test
  void aPossessiveDescriptionNamesTheBodyNotThePossessor() {
    Claim unnamed = claim("Germany's economy ministry said growth would slow next year.", "growth would");
    assertEquals("Germany's economy ministry", unnamed.speakerText());
    assertNull(unnamed.speaker(), "the ministry is not Germany, and no economy ministry was named");
    Claim named = claim("The Ministry of Economy published its forecast on Tuesday. Exports were weaker than "
        + "expected.\n\nGermany's economy ministry said growth would slow next year.", "growth would");
    assertEquals("Ministry of Economy", named.speaker(), "the ministry named before whose name fits");
    Claim aide = claim("Senator Ann Brooks voted against the bill on Monday. Brooks's aide said the vote had been close.",
        "the vote");
    assertNotEquals("Ann Brooks", aide.speaker(), "an aide is not the one aided");
  }

  @Test
  void aStatementOfAPossessorIsThePossessorSpeaking() {
    Claim c = claim("Senator Ann Brooks voted against the bill on Monday. Brooks's statement said the bill was flawed.",
        "the bill was");
    assertEquals("Ann Brooks", c.speaker());
  }

  @Test
  void aRoleGivenByAPredicateOrAnAppositionDescribesThePerson() {
    String became = "Jane Miller became prime minister on Friday after a vote in parliament. Crowds gathered in the "
        + "capital.\n\nThe new prime minister said she would cut taxes.";
    assertEquals("Jane Miller", claim(became, "she would cut").speaker());
    String apposition = "Tom Baker, the finance minister, presented the budget on Wednesday. The minister said spending would "
        + "fall.";
    assertEquals("Tom Baker", claim(apposition, "spending would").speaker());
  }
}
