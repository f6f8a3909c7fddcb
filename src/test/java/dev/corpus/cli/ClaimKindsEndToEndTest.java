package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claim kinds and polarity through the real CLI: {@code --kind}, the JSON fields, a denial in its cluster. */
class ClaimKindsEndToEndTest {

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexTwoArticles() throws Exception {
    Path docs = tmp.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("a.txt"), "Harbour bridge to reopen in May\n\nBy Test Desk\n\nMarch 2, 2024\n\n"
        + "Mayor Jane Roe said the harbour bridge would reopen to traffic in early May after the repairs. "
        + "Roe vowed to rebuild the old ferry pier before the summer. She expects that ferry fares will rise next year. "
        + "Roe did not say how much the repairs had cost.\n", StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("b.txt"), "Council sets date for bridge\n\nBy Other Desk\n\nMarch 3, 2024\n\n"
        + "The city council said the harbour bridge would reopen to traffic in early May once the repairs end. "
        + "The builder Acme Works denied that the harbour bridge would reopen to traffic in early May. "
        + "Mayor Jane Roe vowed to rebuild the old ferry pier before the summer.\n", StandardCharsets.UTF_8);
    index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", docs.toString(), "--index", index);
    assertEquals(0, run.exit(), run.err());
  }

  private static List<JsonNode> claims(String... options) {
    List<String> args = new ArrayList<>(List.of("claims", "--index", index, "--json"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    List<JsonNode> out = new ArrayList<>();
    run.json().get("claims").forEach(out::add);
    assertEquals(2, run.json().get("version").asInt());
    return out;
  }

  private static Set<String> kinds(List<JsonNode> claims) {
    Set<String> out = new TreeSet<>();
    claims.forEach(c -> out.add(c.get("kind").asText()));
    return out;
  }

  private static JsonNode withCue(List<JsonNode> claims, String cue) {
    return claims.stream().filter(c -> c.get("cue").asText().equals(cue)).findFirst()
        .orElseThrow(() -> new AssertionError("no claim with cue '" + cue + "' in " + claims));
  }

  @Test
  void theDefaultListsStatementsAndPositionsOnly() {
    List<JsonNode> shown = claims();
    assertEquals(Set.of("statement"), kinds(shown), shown.toString());
    assertTrue(shown.stream().noneMatch(c -> c.get("cue").asText().equals("vowed") || c.get("cue").asText().equals("expects")));
    assertEquals(4, shown.size(), "two said, one not said, one denied: " + shown);
    assertEquals(7, claims("--kind", "all").size(), "and two vowed, one expected");
  }

  @Test
  void kindChoosesWhatIsListed() {
    List<JsonNode> intentions = claims("--kind", "intention");
    assertEquals(Set.of("intention"), kinds(intentions));
    assertEquals(2, intentions.size(), intentions.toString());
    assertEquals("to rebuild the old ferry pier before the summer", intentions.get(0).get("content").asText());
    assertEquals(Set.of("belief", "intention"), kinds(claims("--kind", "belief, intention")));
    assertEquals(Set.of("belief", "intention", "statement"), kinds(claims("--kind", "position,all")));
    CliRun speaker = CliRun.of("speaker", "Jane Roe", "--index", index, "--json");
    assertEquals(0, speaker.exit(), speaker.err());
    speaker.json().get("claims").forEach(c -> assertEquals("statement", c.get("kind").asText(), c.toString()));
    CliRun vows = CliRun.of("speaker", "Jane Roe", "--kind", "intention", "--index", index, "--json");
    assertEquals(2, vows.json().get("total").asInt(), vows.out());
  }

  @Test
  void anUnknownKindIsAOneLineUsageError() {
    for (String command : List.of("claims", "speaker")) {
      List<String> args = new ArrayList<>(List.of(command));
      if (command.equals("speaker")) {
        args.add("Jane Roe");
      }
      args.addAll(List.of("--kind", "statement,bogus", "--index", index));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, run.exit(), run.err());
      assertTrue(run.oneLineError().contains("'bogus'"), run.err());
    }
    CliRun clusters = CliRun.of("claims", "--clusters", "--kind", "beliefs", "--index", index);
    assertEquals(2, clusters.exit());
    assertTrue(clusters.oneLineError().contains("'beliefs'"), clusters.err());
  }

  @Test
  void theJsonCarriesKindNegatedAndDenies() {
    List<JsonNode> all = claims("--kind", "all");
    for (JsonNode c : all) {
      assertTrue(c.has("kind") && c.has("negated") && c.has("denies"), c.toString());
    }
    JsonNode notSaid = withCue(all, "did not say");
    assertTrue(notSaid.get("negated").asBoolean());
    assertFalse(notSaid.get("denies").asBoolean());
    JsonNode denied = withCue(all, "denied");
    assertEquals("statement", denied.get("kind").asText());
    assertTrue(denied.get("denies").asBoolean());
    assertFalse(denied.get("negated").asBoolean());
    assertEquals("belief", withCue(all, "expects").get("kind").asText());
    assertFalse(withCue(all, "said").get("denies").asBoolean());

    JsonNode annotated = CliRun.annotateOne(tmp.resolve("docs").resolve("b.txt").toString());
    JsonNode first = annotated.get("claims").get(1);
    assertEquals("denied", first.get("cue").asText());
    assertTrue(first.get("denies").asBoolean());
    assertEquals("statement", first.get("kind").asText());
  }

  @Test
  void aDenialJoinsItsClusterMarkedAndDisagreesWithTheStatements() {
    CliRun run = CliRun.of("claims", "--clusters", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    // Version 4 of the clusters' JSON: clusters by meaning and evidence, with their own disagreements (issue 15).
    assertEquals(4, run.json().get("version").asInt());
    JsonNode bridge = null;
    for (JsonNode c : run.json().get("clusters")) {
      for (JsonNode m : c.get("members")) {
        assertFalse(m.get("cue").asText("").equals("vowed"), "an intention is not asked for by default: " + m);
        if (m.get("text").asText().contains("harbour bridge")) {
          bridge = c;
        }
      }
    }
    assertTrue(bridge != null, run.out());
    List<String> cues = new ArrayList<>();
    bridge.get("members").forEach(m -> {
      cues.add(m.get("cue").asText() + (m.get("denies").asBoolean() ? " (denies)" : ""));
      assertEquals("statement", m.get("kind").asText());
    });
    assertEquals(List.of("said", "said", "denied (denies)"), cues, "the two statements and the denial, marked: " + bridge);
    List<String> why = new ArrayList<>();
    bridge.get("disagreements").forEach(d -> why.add(d.get("kind").asText() + " " + d.get("first").get("member").asInt() + " "
        + d.get("first").get("value").asText() + " / " + d.get("second").get("member").asInt() + " " + d.get("second").get("value").asText()));
    // The mayor's statement against the builder's denial; the council and the builder are one article, which is no disagreement of sources.
    assertEquals(List.of("polarity 0 asserts (said) / 2 denies (denied)"), why, bridge.toString());

    JsonNode vows = CliRun.of("claims", "--clusters", "--kind", "intention", "--index", index, "--json").json();
    assertEquals(1, vows.get("total").asInt(), vows.toString());
    vows.get("clusters").get(0).get("members").forEach(m -> assertEquals("intention", m.get("kind").asText()));
  }

  @Test
  void theTableShowsKindFormAndPolarity() {
    CliRun table = CliRun.of("claims", "--index", index);
    assertEquals(0, table.exit(), table.err());
    String header = table.out().lines().findFirst().orElseThrow();
    assertTrue(header.matches("published +source +speaker +cue +kind +form +polarity +document"), header);
    assertTrue(table.out().contains("denies"), table.out());
    assertTrue(table.out().contains("negated"), table.out());
    CliRun csv = CliRun.of("claims", "--index", index, "--format", "csv", "--kind", "all");
    assertTrue(csv.out().startsWith("published,source,speaker,cue,kind,form,polarity,document,content"), csv.out());
    assertTrue(csv.out().contains(",intention,reported,,"), csv.out());
  }
}
