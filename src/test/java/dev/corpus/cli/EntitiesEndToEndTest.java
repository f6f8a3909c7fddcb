package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity commands on the demo corpus, through the real CLI and a real index. */
class EntitiesEndToEndTest {

  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexSamples() {
    index = tmp.resolve("idx").toString();
    CliRun run = CliRun.of("index", "samples", "--index", index);
    assertEquals(0, run.exit(), run.err());
  }

  private static List<JsonNode> named(JsonNode entities, String name) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : entities) {
      if (e.get("name").asText().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<String> aliases(JsonNode entity) {
    List<String> out = new ArrayList<>();
    entity.get("aliases").forEach(a -> out.add(a.asText()));
    return out;
  }

  @Test
  void peopleAreListedOnceWithTheirSpellingsMerged() {
    CliRun run = CliRun.of("entities", "--type", "person", "--limit", "500", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode entities = run.json().get("entities");
    List<JsonNode> kim = named(entities, "Kim Jong Un");
    assertEquals(1, kim.size(), run.out());
    assertTrue(aliases(kim.get(0)).contains("Kim Jong-un"), kim.toString());
    assertEquals(1, named(entities, "Kim Jong Il").size(), "the father is another person: " + run.out());
    List<JsonNode> choe = named(entities, "Choe Son Hui");
    assertEquals(1, choe.size(), run.out());
    assertTrue(aliases(choe.get(0)).containsAll(List.of("Choi Song Hee", "Choi Son-hui")), choe.toString());
    List<JsonNode> ushakov = named(entities, "Yuri Ushakov");
    assertEquals(1, ushakov.size(), run.out());
    assertTrue(aliases(ushakov.get(0)).contains("Yury Ushakov"), ushakov.toString());
    for (JsonNode e : entities) {
      assertEquals("PERSON", e.get("type").asText());
      assertFalse(e.get("name").asText().matches("(?i)he|she|they|him"), e.toString());
      assertTrue(e.get("documents").asInt() >= 1 && e.get("mentions").asInt() >= e.get("documents").asInt(), e.toString());
    }
  }

  @Test
  void filtersByDocumentCountTypeAndQuery() {
    CliRun wide = CliRun.of("entities", "--min-docs", "3", "--index", index, "--format", "jsonl");
    assertEquals(0, wide.exit(), wide.err());
    List<JsonNode> lines = wide.messages("entity");
    assertFalse(lines.isEmpty());
    lines.forEach(e -> assertTrue(e.get("documents").asInt() >= 3, e.toString()));
    CliRun football = CliRun.of("entities", "--query", "Adeyemi", "--index", index, "--json");
    assertEquals(0, football.exit(), football.err());
    assertTrue(named(football.json().get("entities"), "Vladimir Putin").isEmpty(), "not in the football report: " + football.out());
    CliRun bad = CliRun.of("entities", "--type", "animal", "--index", index);
    assertEquals(2, bad.exit());
    assertTrue(bad.oneLineError().contains("animal"));
  }

  @Test
  void profileGathersAliasesRolesArticlesAndCompany() {
    CliRun run = CliRun.of("entity", "Yury Ushakov", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode p = run.json();
    assertEquals("Yuri Ushakov", p.get("name").asText());
    assertEquals("PERSON", p.get("type").asText());
    assertTrue(p.get("documents").asInt() >= 2, run.out());
    assertEquals(p.get("documents").asInt(), p.get("articles").size());
    assertFalse(p.get("roles").isEmpty(), "sources call him an aide or a minister: " + run.out());
    assertFalse(p.get("cooccurring").isEmpty());
    for (JsonNode s : p.get("snippets")) {
      String text = s.get("text").asText();
      String mention = new String(text.codePoints().toArray(), s.get("start").asInt(), s.get("end").asInt() - s.get("start").asInt());
      assertTrue(mention.matches("Yur[iy] Ushakov|Ushakov"), mention);
    }
    CliRun none = CliRun.of("entity", "Nobody Anywhere", "--index", index);
    assertEquals(1, none.exit());
    assertTrue(none.oneLineError().contains("Nobody Anywhere"));
  }

  @Test
  void searchFiltersByAnySpellingOfAnEntity() {
    CliRun byVariant = CliRun.of("search", "minister", "--entity", "Choi Song-hee", "--index", index, "--json");
    CliRun byCanonical = CliRun.of("search", "minister", "--entity", "Choe Son Hui", "--index", index, "--json");
    assertEquals(0, byCanonical.exit(), byCanonical.err());
    assertEquals(byCanonical.json().get("total"), byVariant.json().get("total"));
    assertTrue(byCanonical.json().get("total").asInt() >= 2, byCanonical.out());
    CliRun all = CliRun.of("search", "minister", "--index", index, "--json");
    assertTrue(all.json().get("total").asInt() > byCanonical.json().get("total").asInt());
  }

  @Test
  void facetsCountSourcesTypesAndMergedEntities() {
    CliRun run = CliRun.of("search", "treaty", "--facets", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode facets = run.json().get("facets");
    assertFalse(facets.get("source").isEmpty());
    List<String> types = new ArrayList<>();
    facets.get("type").forEach(t -> types.add(t.get("value").asText()));
    assertTrue(types.containsAll(List.of("PERSON", "LOC", "ORG")), types.toString());
    long total = run.json().get("total").asLong();
    int kims = 0;
    for (JsonNode e : facets.get("entity")) {
      assertTrue(e.get("count").asLong() <= total, e.toString());
      if (e.get("name").asText().startsWith("Kim Jong U")) {
        kims++;
      }
    }
    assertEquals(1, kims, "one entity, whatever the spelling: " + facets.get("entity"));
    CliRun plain = CliRun.of("search", "treaty", "--index", index, "--json");
    assertFalse(plain.json().has("facets"), "facets only when asked");
  }

  @Test
  void annotateReportsMentionsWithCodePointOffsetsIntoTheBody() {
    JsonNode doc = CliRun.annotateOne("samples/wire/afp-2024-06-19-pyongyang-signing.txt");
    for (JsonNode m : CliRun.spansInBody(doc, "entities", "text")) {
      assertTrue(List.of("PERSON", "ORG", "LOC", "MISC", "NORP").contains(m.get("type").asText()));
      assertFalse(m.get("entity").asText().isEmpty());
    }
  }
}
