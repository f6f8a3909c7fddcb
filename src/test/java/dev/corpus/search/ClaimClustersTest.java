package dev.corpus.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping statements of different articles that say the same thing in other words. */
class ClaimClustersTest {

  private static ClaimService.Member statement(String document, String text) {
    return new ClaimService.Member(document, "Outlet " + document, null, null, null, text);
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
        statement("a", "The document provides for immediate military assistance in case of any aggression against either party."),
        statement("b", "One notable aspect of the agreement is the provision for mutual aid in the event of aggression against either country."),
        statement("c", "This agreement includes a clause that provides mutual support if one party is invaded."),
        statement("d", "The football final ended in a penalty shoot-out after a goalless draw."),
        statement("e", "Heavy rain caused power cuts along the coast on Friday."));
    assertEquals(1, groups.size(), groups.toString());
    assertEquals(List.of("a", "b", "c"), groups.get(0).stream().map(ClaimService.Member::document).toList());
  }

  @Test
  void statementsOfOneArticleDoNotClusterAlone() {
    assertTrue(cluster(
        statement("a", "The treaty provides mutual military assistance against aggression."),
        statement("a", "The pact offers mutual military aid in case of attack.")).isEmpty());
  }

  @Test
  void aNegationTheOthersLackMarksAContradiction() {
    assertTrue(ClaimClusters.contradicted(List.of(
        statement("a", "The two countries reached an alliance, Kim said."),
        statement("b", "Putin did not call it an alliance."))));
    assertFalse(ClaimClusters.contradicted(List.of(
        statement("a", "The treaty is not aimed at third countries."),
        statement("b", "This is not aimed at South Korea or a third country."))));
  }
}
