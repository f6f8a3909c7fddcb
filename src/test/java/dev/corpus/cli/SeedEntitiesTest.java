package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The people of {@code ../shared/seeds/EXPECTED.md}, each listed once with their spellings merged,
 * and none of the names that appear only in the pages' boilerplate. Skipped without {@code ../shared}.
 */
class SeedEntitiesTest {

  private static final Path SEEDS = Path.of("..", "shared", "seeds");

  @TempDir static Path tmp;
  static JsonNode entities;

  @BeforeAll
  static void indexSeeds() throws Exception {
    assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds absent: skipped");
    String index = CliRun.indexSeeds(SEEDS, tmp);
    CliRun run = CliRun.of("entities", "--limit", "1000", "--index", index, "--json");
    assertEquals(0, run.exit(), run.err());
    entities = run.json().get("entities");
  }

  /** Entities (of any type) whose name or an alias is {@code spelling}. */
  private static List<JsonNode> spelled(String spelling) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : entities) {
      boolean match = e.get("name").asText().equals(spelling);
      for (JsonNode a : e.get("aliases")) {
        match |= a.asText().equals(spelling);
      }
      if (match) {
        out.add(e);
      }
    }
    return out;
  }

  private static JsonNode onePerson(String... spellings) {
    JsonNode found = null;
    for (String s : spellings) {
      List<JsonNode> e = spelled(s);
      assertEquals(1, e.size(), s + " should be one entity: " + e);
      assertEquals("PERSON", e.get(0).get("type").asText(), e.toString());
      if (found != null) {
        assertEquals(found, e.get(0), spellings[0] + " and " + s + " should be merged");
      }
      found = e.get(0);
    }
    return found;
  }

  @Test
  void eachPersonIsListedOnceWithTheirSpellingsMerged() {
    onePerson("Vladimir Putin", "Putin");
    onePerson("Kim Jong Un", "Kim Jong-un");
    onePerson("Yuri Ushakov", "Yury Ushakov");
    onePerson("Choi Song-hee", "Choi Song Hee", "Choi Song Hui");
    onePerson("Sergei Lavrov");
    onePerson("Dmitry Peskov");
    onePerson("Roman Lobov");
    onePerson("Andrey Rudenko");
  }

  @Test
  void kimJongIlIsNotKimJongUn() {
    JsonNode father = onePerson("Kim Jong Il");
    JsonNode son = onePerson("Kim Jong Un");
    assertTrue(!father.equals(son));
  }

  @Test
  void namesFromBoilerplateOnlyAreNotEntities() {
    for (String name : List.of("TSMC", "Meta", "OpenAI", "Powell", "Tesla")) {
      assertEquals(List.of(), spelled(name), name + " appears only in page furniture");
    }
  }
}
