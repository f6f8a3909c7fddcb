package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims of {@code ../shared/seeds/EXPECTED.md}. Skipped without {@code ../shared}. */
class SeedClaimsTest {

  private static final Path SEEDS = Path.of("..", "shared", "seeds");

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexSeeds() throws Exception {
    assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds absent: skipped");
    index = CliRun.indexSeeds(SEEDS, tmp);
  }

  /** Whether {@code speaker} has a claim whose content contains {@code words}. */
  private static boolean said(JsonNode claims, String speaker, String words) {
    for (JsonNode c : claims) {
      if (speaker.equals(c.get("speaker").asText(null)) && c.get("content").asText().contains(words)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theClaimsOfTheSeedsHaveTheirSpeakers() {
    CliRun run = CliRun.of("claims", "--limit", "1000", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode claims = run.json().get("claims");
    assertTrue(said(claims, "Roman Lobov", "step toward certain stabilization"), claims.toString());
    assertTrue(said(claims, "Roman Lobov", "not aimed against third countries"), "He stressed …: a pronoun speaker");
    assertTrue(said(claims, "Andrey Rudenko", "not aimed at South Korea"), "He reiterated …: a pronoun speaker");
    assertTrue(said(claims, "Vladimir Putin", "There is nothing new"));
    assertTrue(said(claims, "Kim Jong Un", "reached an alliance"));
    assertTrue(said(claims, "Dmitry Peskov", "working encounter"));
    assertTrue(said(claims, "Yuri Ushakov", "geopolitical dynamics"));
  }

  /**
   * Issue 15: clusters link by meaning with evidence of one event, at thresholds measured on
   * labelled pairs (docs/claims.md). The seeds' three wordings of the mutual-assistance clause
   * ("mutual aid", "immediate military assistance", "mutual support if one party is invaded")
   * are 0.60–0.68 alike by the embedding model, under the 0.70 floor those labels support, and
   * seed 003 is dated a year after the others: they no longer form a cluster (a known loss, see
   * the issue note). The signing of the treaty, told alike by Anadolu and TASS, does.
   */
  @Test
  void theSigningIsOneClusterOverTwoOutletsAndUshakovsRoleDisagrees() {
    CliRun run = CliRun.of("claims", "--clusters", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode signing = null;
    for (JsonNode c : run.json().get("clusters")) {
      for (JsonNode m : c.get("members")) {
        if (m.get("text").asText().contains("signed by Russian President Vladimir Putin")) {
          signing = c;
        }
      }
    }
    assertTrue(signing != null, run.out());
    Set<String> sources = new HashSet<>();
    signing.get("sources").forEach(s -> sources.add(s.asText()));
    assertEquals(Set.of("TASS", "Anadolu Agency"), sources);
    boolean ushakov = false;
    for (JsonNode d : run.json().get("disagreements")) {
      ushakov |= d.get("entity").asText().equals("Yuri Ushakov") && d.get("kind").asText().equals("role");
    }
    assertTrue(ushakov, "the sources disagree on Ushakov's role: " + run.json().get("disagreements"));
  }

  /** Seed 003 says twice that someone did not mention something: neither may read as said. */
  @Test
  void theNegatedStatementsOfSeed003AreMarkedNotSaid() {
    CliRun run = CliRun.of("claims", "--limit", "1000", "--index", index, "--json");
    List<String> negated = new java.util.ArrayList<>();
    run.json().get("claims").forEach(c -> {
      if (c.get("negated").asBoolean()) {
        negated.add(c.get("speaker").asText() + " | " + c.get("cue").asText());
      }
      if (c.get("cue").asText().equals("mention")) {
        throw new AssertionError("a claim reads as if it were said: " + c);
      }
    });
    assertEquals(List.of("Andrey Rudenko | did not mention", "Vladimir Putin | did not mention"), negated.stream().sorted().toList());
  }
}
