package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entity linking across articles (issue 15, item 3), through the real CLI on articles written for
 * this test: nationalities kept out of the top of {@code entities}, a capital, a seat of
 * government and a demonym linked to their country, two transliterations of one person merged,
 * namesakes and editions of an event kept apart, and an ambiguous name listed with {@code
 * --pick} to choose.
 */
class EntityLinkingEndToEndTest {

  @TempDir static Path tmp;
  static String index;

  private static final Map<String, String> ARTICLES = Map.ofEntries(
      Map.entry("a1.txt", "Talks on grain exports stall\n"
          + "\n"
          + "Moscow said on Tuesday that it would send a delegation to Geneva next week. Russia has long opposed the plan, and Russian officials said the talks would be hard. The Kremlin declined to comment further."),
      Map.entry("a2.txt", "Zarensky asks for air defence\n"
          + "\n"
          + "President Dmytro Zarensky met European leaders in Brussels on Monday. Zarensky said Ukraine needed more air defence before winter. Officials in Kyiv welcomed the offer."),
      Map.entry("a3.txt", "Zarenskyy thanks allies\n"
          + "\n"
          + "Dmytro Zarenskyy thanked Germany for its support on Thursday. Zarenskyy spoke in Kyiv after a cabinet meeting, saying Ukraine would rebuild its power grid."),
      Map.entry("a4.txt", "Judge rules on port lease\n"
          + "\n"
          + "Ana Lindqvist, a judge in Stockholm, ruled on Monday that the port lease was valid. Lindqvist said the city had followed the law."),
      Map.entry("a5.txt", "Runner wins city race\n"
          + "\n"
          + "Eva Lindqvist won the city marathon in Oslo on Sunday. Lindqvist finished two minutes ahead of the field."),
      Map.entry("a6.txt", "Envoys meet in Seoul\n"
          + "\n"
          + "Kim Sol Ha, a trade envoy, met Kim Tae Ryong in Seoul on Friday. Kim Sol Ha said the two sides had agreed on shipping quotas."),
      Map.entry("a7.txt", "Fans recall a tournament\n"
          + "\n"
          + "Fans traveled to the 2022 World Cup in Qatar in large numbers. Hotels in Doha were full for weeks."),
      Map.entry("a8.txt", "Host cities named\n"
          + "\n"
          + "The 2026 World Cup will be played in Canada, Mexico and the United States. Kim Tae Ryong said tickets would go on sale in May."),
      Map.entry("a9.txt", "Sanctions debate continues\n"
          + "\n"
          + "The Kremlin said on Friday that the new sanctions would fail. Moscow said the measures were illegal."));

  @BeforeAll
  static void indexArticles() throws IOException {
    Path docs = tmp.resolve("docs");
    Files.createDirectories(docs);
    for (Map.Entry<String, String> a : ARTICLES.entrySet()) {
      Files.writeString(docs.resolve(a.getKey()), a.getValue() + "\n");
    }
    index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", docs.toString(), "--index", index);
    assertEquals(0, run.exit(), run.err());
  }

  private static List<JsonNode> entities(String... options) {
    List<String> args = new ArrayList<>(List.of("entities", "--index", index, "--json", "--limit", "100"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertEquals(3, run.json().get("version").asInt());
    List<JsonNode> out = new ArrayList<>();
    run.json().get("entities").forEach(out::add);
    return out;
  }

  private static JsonNode named(List<JsonNode> list, String name) {
    return list.stream().filter(e -> e.get("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list));
  }

  private static JsonNode profile(String... args) {
    List<String> all = new ArrayList<>(List.of("entity"));
    all.addAll(List.of(args));
    all.addAll(List.of("--index", index, "--json"));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    return run.json();
  }

  @Test
  void nationalitiesAreNorpAndListedOnlyWhenAsked() {
    assertTrue(entities().stream().noneMatch(e -> e.get("type").asText().equals("NORP")), "not by default");
    JsonNode russian = named(entities("--type", "norp"), "Russian");
    assertEquals("NORP", russian.get("type").asText());
    assertEquals("Russia", russian.get("link").get("country").asText());
    assertEquals("demonym", russian.get("link").get("relation").asText());
    named(entities("--all"), "Russian");
    JsonNode russia = profile("Russia");
    russia.get("cooccurring").forEach(c -> assertNotEquals("NORP", c.get("type").asText(), "nor among co-occurring entities"));
  }

  @Test
  void aCapitalASeatAndADemonymAreLinkedToTheirCountry() {
    JsonNode russia = profile("Russia");
    JsonNode moscow = profile("Moscow");
    assertEquals(3, moscow.get("version").asInt());
    assertEquals("LOC", moscow.get("type").asText(), "Moscow stays a place");
    assertEquals("Russia", moscow.get("link").get("country").asText());
    assertEquals("capital", moscow.get("link").get("relation").asText());
    assertEquals(russia.get("id").asText(), moscow.get("link").get("id").asText());
    List<String> linked = new ArrayList<>();
    russia.get("linked").forEach(l -> linked.add(l.get("name").asText() + "/" + l.get("relation").asText()));
    assertTrue(linked.containsAll(List.of("Moscow/capital", "Kremlin/seat", "Russian/demonym")), linked.toString());
    assertTrue(russia.get("link").isNull());
  }

  @Test
  void twoTransliterationsOfOnePersonAreOneEntity() {
    JsonNode a = profile("Dmytro Zarensky");
    JsonNode b = profile("Dmytro Zarenskyy");
    assertEquals(a.get("id"), b.get("id"));
    assertEquals(2, a.get("documents").asInt());
  }

  @Test
  void namesakesStayApart() {
    JsonNode ana = profile("Ana Lindqvist");
    JsonNode eva = profile("Eva Lindqvist");
    assertNotEquals(ana.get("id"), eva.get("id"));
    assertEquals(1, ana.get("documents").asInt());
    assertEquals(1, eva.get("documents").asInt());
  }

  @Test
  void editionsOfAnEventStayApart() {
    List<JsonNode> all = entities();
    assertNotEquals(named(all, "2022 World Cup").get("id"), named(all, "2026 World Cup").get("id"));
  }

  @Test
  void anAmbiguousNameListsItsCandidatesAndPickChoosesOne() {
    CliRun run = CliRun.of("entity", "Kim", "--index", index, "--json");
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--pick"), run.err());
    JsonNode candidates = run.json().get("candidates");
    assertEquals(1, run.json().get("version").asInt());
    List<String> names = new ArrayList<>();
    candidates.forEach(c -> names.add(c.get("name").asText()));
    assertEquals(List.of("Kim Tae Ryong", "Kim Sol Ha"), names, "the most widely reported first");
    assertEquals("Kim Tae Ryong", profile("Kim", "--pick", "1").get("name").asText());
    String second = candidates.get(1).get("id").asText();
    assertEquals("Kim Sol Ha", profile("Kim", "--pick", second).get("name").asText());
    assertEquals(2, CliRun.of("entity", "Kim", "--pick", "3", "--index", index).exit(), "no third candidate");
    assertEquals("Kim Sol Ha", profile("Kim Sol Ha").get("name").asText(), "a full name is not ambiguous");
    CliRun table = CliRun.of("entity", "Kim", "--index", index);
    assertEquals(2, table.exit());
    assertTrue(table.out().contains("Kim Sol Ha"), table.out());
    assertFalse(table.out().contains("appears with"), "candidates, not a profile");
  }

  @Test
  void whatTheNamesThatStandForACountrySaidRollsUpToItWhenAsked() {
    CliRun plain = CliRun.of("speaker", "Russia", "--index", index, "--json");
    assertEquals(0, plain.exit(), plain.err());
    List<String> speakers = new ArrayList<>();
    plain.json().get("claims").forEach(c -> speakers.add(c.get("speaker").asText()));
    assertFalse(speakers.contains("Kremlin"), speakers.toString());
    assertTrue(speakers.contains("Russia"), "'Moscow said' is Russia already: " + speakers);
    CliRun linked = CliRun.of("speaker", "Russia", "--linked", "--index", index, "--json");
    assertEquals(0, linked.exit(), linked.err());
    List<String> all = new ArrayList<>();
    linked.json().get("claims").forEach(c -> all.add(c.get("speaker").asText()));
    assertTrue(all.contains("Kremlin"), "the seat of government's claim, under its own name: " + all);
  }
}
