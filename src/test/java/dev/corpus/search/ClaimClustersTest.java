package dev.corpus.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.claim.ClaimKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping statements of different articles that say the same thing in other words. */
class ClaimClustersTest {

  private static ClaimService.Member statement(String document, String text) {
    return ClaimService.Member.ownVoice(document, null, "Outlet " + document, null, text);
  }

  private static List<List<ClaimService.Member>> cluster(ClaimService.Member... members) {
    List<ClaimClusters.Unit> units = new ArrayList<>();
    for (ClaimService.Member m : members) {
      units.add(new ClaimClusters.Unit(m));
    }
    return new ClaimClusters().cluster(units);
  }

  @Test
  void synonymsInDifferentWordsAreOneCluster() {
    List<List<ClaimService.Member>> groups = cluster(
        statement("a", "The pact offers armed support to either state facing an attack."),
        statement("b", "A central feature of the accord is the guarantee of reciprocal help in case either nation faces aggression."),
        statement("c", "This deal contains a provision granting mutual backing if one party is attacked."),
        statement("d", "The football final ended in a penalty shoot-out after a goalless draw."),
        statement("e", "Heavy rain caused power cuts along the coast on Friday."));
    assertEquals(1, groups.size(), groups.toString());
    assertEquals(List.of("a", "b", "c"), groups.get(0).stream().map(ClaimService.Member::document).toList());
  }

  @Test
  void aStatementThatMayNotJoinIsNeverAMember() {
    ClaimService.Member said = statement("a", "The ferry service to the island will resume in early May.");
    ClaimService.Member alike = statement("b", "Ferry service to the island resumes in early May, the operator said.");
    ClaimService.Member denied = new ClaimService.Member("c", null, "Outlet c", null, "Acme", "denied", ClaimKind.STATEMENT, false, true,
        "the ferry service to the island would resume in early May");
    List<ClaimClusters.Unit> units = List.of(new ClaimClusters.Unit(said), new ClaimClusters.Unit(alike),
        new ClaimClusters.Unit(denied, false));
    List<List<ClaimService.Member>> groups = new ClaimClusters().cluster(units);
    assertEquals(List.of(List.of(said, alike)), groups, "the denial joins no cluster");
    assertEquals(groups, new ClaimClusters().cluster(List.of(new ClaimClusters.Unit(said), new ClaimClusters.Unit(alike),
        new ClaimClusters.Unit(denied, false), new ClaimClusters.Unit(statement("d", "Heavy rain cut power along the coast."), false))));
  }

  @Test
  void statementsOfOneArticleDoNotClusterAlone() {
    assertTrue(cluster(
        statement("a", "The treaty provides mutual military assistance against aggression."),
        statement("a", "The pact offers mutual military aid in case of attack.")).isEmpty());
  }

  @Test
  void differentFiguresInOneClusterAreADisagreement() {
    ClaimService.Cluster c = new ClaimService.Cluster(2, List.of("A", "B"), List.of(), List.of(
        statement("a", "The builders collected $350 million through the housing scheme in 2015."),
        statement("b", "The builders collected $300 million through the scheme.")), false);
    ClaimService.Disagreement d = ClaimService.numberDisagreement(c);
    assertEquals("number", d.kind());
    assertEquals(2, d.values().size());
    ClaimService.Cluster same = new ClaimService.Cluster(2, List.of("A", "B"), List.of(), List.of(
        statement("a", "The builders collected $350 million in 2015."),
        statement("b", "Some 350 million dollars were collected, officials said in 2016.")), false);
    assertEquals(null, ClaimService.numberDisagreement(same), "the same figure, and years do not count");
    ClaimService.Cluster days = new ClaimService.Cluster(2, List.of("A", "B"), List.of(), List.of(
        statement("a", "The treaty was signed on June 19 in Pyongyang."),
        statement("b", "The treaty, signed on Jun 18 by the leaders, commits both.")), false);
    assertEquals(null, ClaimService.numberDisagreement(days), "days of the month are dates, not figures");
  }

  @Test
  void aNegationTheOthersLackMarksAContradiction() {
    assertTrue(ClaimClusters.contradicted(List.of(
        statement("a", "The two countries reached an alliance, Kim said."),
        statement("b", "Putin did not call it an alliance."))));
    assertFalse(ClaimClusters.contradicted(List.of(
        statement("a", "The treaty is not aimed at third countries."),
        statement("b", "This is not directed at Japan or at any other state."))));
  }
}
