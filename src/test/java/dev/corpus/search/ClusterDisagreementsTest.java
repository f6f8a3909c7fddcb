package dev.corpus.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.claim.ClaimKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where members of one cluster disagree, each disagreement with its two members and their values. */
class ClusterDisagreementsTest {

  private static ClaimService.Member own(String document, String text, String... dates) {
    return ClaimService.Member.ownVoice(document, null, "Outlet " + document, null, text, List.of(dates));
  }

  private static ClaimService.Member claim(String document, String cue, boolean negated, boolean denies, String text) {
    return new ClaimService.Member(document, null, "Outlet " + document, null, "Acme", cue, ClaimKind.STATEMENT, negated, denies, text, List.of());
  }

  @Test
  void aDenialOfWhatAnotherAssertsIsAPolarityDisagreement() {
    List<ClaimService.Conflict> d = ClusterDisagreements.of(List.of(
        claim("a", "said", false, false, "the ferry line to the island will close in the autumn"),
        claim("b", "denied", false, true, "the ferry line to the island would close in the autumn")));
    assertEquals(1, d.size(), d.toString());
    assertEquals("polarity", d.get(0).kind());
    assertEquals(0, d.get(0).first().member());
    assertEquals("asserts (said)", d.get(0).first().value());
    assertEquals(1, d.get(0).second().member());
    assertEquals("denies (denied)", d.get(0).second().value());
    List<ClaimService.Conflict> negated = ClusterDisagreements.of(List.of(
        claim("a", "did not confirm", true, false, "the ferry line will close"), claim("b", "said", false, false, "the ferry line will close")));
    assertEquals("negated (did not confirm)", negated.get(0).first().value());
  }

  @Test
  void aNegationInsideTheContentIsNoDisagreement() {
    // Both assert; "not" is part of what they say, as the claim model reads it.
    assertEquals(List.of(), ClusterDisagreements.of(List.of(
        claim("a", "said", false, false, "the new levy is not aimed at small farms"),
        claim("b", "said", false, false, "the levy does not target small farms at all"))));
  }

  @Test
  void differentFiguresOfOneUnitAreANumberDisagreement() {
    List<ClaimService.Conflict> d = ClusterDisagreements.of(List.of(
        own("a", "The builders raised $350 million through the harbour bond in 2015."),
        own("b", "The builders raised $300 million through the harbour bond.")));
    assertEquals(1, d.size(), d.toString());
    assertEquals("number", d.get(0).kind());
    assertEquals("350", d.get(0).first().value());
    assertEquals("300", d.get(0).second().value());
    assertEquals(List.of(), ClusterDisagreements.of(List.of(
        own("a", "The builders raised $350 million in 2015."), own("b", "Some $350 million was raised, the builders said in 2016."))),
        "the same figure; years are dates, not figures");
    assertEquals(List.of(), ClusterDisagreements.of(List.of(
        own("a", "The bridge opened on June 19 with 40 lanes of traffic expected."), own("b", "The bridge, opened on Jun 18, cost 90 workers a year."))),
        "days of the month are dates, and lanes are not workers");
  }

  @Test
  void aDifferenceManyPairsShareIsListedOnceWithItsCount() {
    // Three copies of one figure against two of another: six pairs, one difference.
    List<ClaimService.Conflict> d = ClusterDisagreements.of(List.of(
        own("a", "The harbour board raised fees by 4 percent."),
        own("b", "The harbour board raised fees by 4 percent."),
        own("c", "The harbour board raised fees by 4 percent."),
        own("d", "The harbour board raised fees by 6 percent."),
        own("e", "The harbour board raised fees by 6 percent.")));
    assertEquals(1, d.size(), d.toString());
    assertEquals(6, d.get(0).pairs());
    assertEquals("4", d.get(0).first().value());
    assertEquals(3, d.get(0).second().member());
    assertEquals(1, ClusterDisagreements.of(List.of(own("a", "Fees rose 4 percent."), own("b", "Fees rose 6 percent."))).get(0).pairs());
  }

  @Test
  void differentDatesOrTimesAreADateDisagreement() {
    List<ClaimService.Conflict> d = ClusterDisagreements.of(List.of(
        own("a", "The council adopted the plan in 2019.", "2019"), own("b", "The council adopted the plan in March 2021.", "2021-03")));
    assertEquals(1, d.size(), d.toString());
    assertEquals("date", d.get(0).kind());
    assertEquals("2019", d.get(0).first().value());
    assertEquals("2021-03", d.get(0).second().value());
    assertEquals("date", ClusterDisagreements.of(List.of(
        own("a", "The polls closed at 8 p.m.", "2024-05-02T20:00"), own("b", "The polls closed at 9 p.m.", "2024-05-02T21:00"))).get(0).kind());
    assertEquals(List.of(), ClusterDisagreements.of(List.of(
        own("a", "The council adopted the plan in March 2021.", "2021-03"), own("b", "The plan was adopted on March 4, 2021.", "2021-03-04"))),
        "a month holds its day");
    assertTrue(ClusterDisagreements.of(List.of(own("a", "The plan was adopted.", "2021"), own("b", "The plan was adopted."))).isEmpty(),
        "a member that dates nothing gives no date to disagree with");
  }
}
