package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder with an English and a French article: both searchable, only the English one annotated. */
class LanguageEndToEndTest {

  @TempDir Path tmp;

  @Test
  void anArticleInAnotherLanguageIsSearchableButNotAnnotated() throws Exception {
    Path docs = tmp.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("en.txt"), "Mayor opens the new ferry pier\n\nBy Test Desk\n\nMayor Jane Roe of Dover said on"
        + " Tuesday that the new pier would carry twice as many passengers as the old one.\n", StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("fr.txt"), "Le maire inaugure la nouvelle jetée\n\nLe maire de Calais, Jean Dupont, a déclaré mardi"
        + " que la nouvelle jetée accueillerait deux fois plus de passagers que l'ancienne, une fois les travaux terminés.\n",
        StandardCharsets.UTF_8);
    String idx = tmp.resolve("idx").toString();
    CliRun index = CliRun.of("index", docs.toString(), "--index", idx);
    assertEquals(0, index.exit(), index.err());

    JsonNode stats = CliRun.of("stats", "--index", idx, "--json").json();
    assertEquals(1, stats.get("notEnglish").asInt(), stats.toString());
    CliRun entities = CliRun.of("entities", "--index", idx, "--json");
    assertEquals(0, entities.exit(), entities.err());
    assertTrue(entities.err().contains("1 article is not in English"), entities.err());
    String names = entities.json().toString();
    assertTrue(names.contains("Jane Roe"), names);
    assertTrue(!names.contains("Dupont") && !names.contains("Calais"), "the French article is not annotated: " + names);

    JsonNode french = CliRun.of("search", "language:fr", "--index", idx, "--json").json();
    assertEquals(1, french.get("total").asInt(), french.toString());
    assertEquals(1, CliRun.of("search", "jetée", "--index", idx, "--json").json().get("total").asInt());

    JsonNode annotated = CliRun.annotateOne(docs.resolve("fr.txt").toString());
    assertEquals("fr", annotated.get("language").asText());
    assertEquals(0, annotated.get("entities").size());
  }
}
