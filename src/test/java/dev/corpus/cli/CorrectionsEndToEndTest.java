package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corpus.catalog.CorrectionsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections of the entity catalog by hand, through the real CLI: merge, split, rename, listing
 * and undo change every command that reads entities at once; the corrections file survives
 * {@code --rebuild}, incremental runs and a fresh index built from it elsewhere; a hand-edited
 * file is applied, a malformed one named with its line, a busy index refused.
 */
class CorrectionsEndToEndTest {

  @TempDir Path tmp;
  private Path docs;
  private String index;

  @BeforeEach
  void corpus() throws IOException {
    docs = tmp.resolve("docs");
    Files.createDirectories(docs);
    write("a.txt", "Harbour board meets\n\nOrsolya Brandvik, the harbour master, said the Quayside Trust would pay for"
        + " the new crane. Brandvik spoke in Tallinnport on Monday.\n");
    write("b.txt", "Crane arrives late\n\nThe Quayside Trust said the crane from Velmora Works reached Tallinnport on"
        + " Friday. Ms. Brandvik welcomed it.\n");
    write("c.txt", "Trust names new head\n\nQT, the Quayside Trust, named Teodor Vallgren its chairman. Vallgren said"
        + " Velmora Works would build two more cranes.\n");
    index = tmp.resolve("idx").toString();
    run(0, "index", docs.toString(), "--index", index);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(docs.resolve(name), text, StandardCharsets.UTF_8);
  }

  private CliRun run(int exit, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--index")) {
      all.addAll(List.of("--index", index)); // last: a subcommand of entity takes its own
    }
    CliRun r = CliRun.of(all.toArray(String[]::new));
    assertEquals(exit, r.exit(), () -> String.join(" ", all) + " → " + r.exit() + "\n" + r.out() + r.err());
    return r;
  }

  /** Each entity of {@code corpus entities} as name → [id, type, documents]. */
  private Map<String, List<String>> entities() {
    Map<String, List<String>> out = new TreeMap<>();
    for (JsonNode e : run(0, "entities", "--json").json().get("entities")) {
      out.put(e.get("name").asText(), List.of(e.get("id").asText(), e.get("type").asText(), e.get("documents").asText()));
    }
    return out;
  }

  private JsonNode profile(String name) {
    return run(0, "entity", name, "--json").json();
  }

  private int hits(String entity) {
    return run(0, "search", "crane OR cranes OR master", "--entity", entity, "--json").json().get("hits").size();
  }

  private List<String> speakers() {
    List<String> out = new ArrayList<>();
    for (JsonNode c : run(0, "claims", "--json").json().get("claims")) {
      out.add(c.get("speaker").asText());
    }
    out.sort(null);
    return out;
  }

  private Path file() {
    return Path.of(index, CorrectionsFile.NAME);
  }

  @Test
  void mergeSplitRenameAndUndoChangeEveryCommandAtOnceAndSurviveReindexing() throws IOException {
    Map<String, List<String>> before = entities();
    String brandvikId = before.get("Orsolya Brandvik").get(0);
    assertTrue(before.containsKey("Vallgren"), before::toString);
    assertEquals(2, hits("Orsolya Brandvik"));
    assertEquals(0, run(0, "stats", "--json").json().get("corrections").asInt());

    // merge: by name and by id; the larger keeps its id, the other's id still finds it
    String vallgrenId = before.get("Vallgren").get(0);
    CliRun merged = run(0, "entity", "merge", "Orsolya Brandvik", vallgrenId, "--json");
    assertEquals("merge", merged.json().get("corrections").get(0).get("kind").asText());
    assertEquals(List.of("Orsolya Brandvik", "Vallgren"), strings(merged.json().get("corrections").get(0).get("names")),
        "the id is recorded as its entity's name");
    Map<String, List<String>> after = entities();
    assertFalse(after.containsKey("Vallgren"), after::toString);
    assertEquals(List.of(brandvikId, "PERSON", "3"), after.get("Orsolya Brandvik"));
    assertEquals(brandvikId, profile(vallgrenId).get("id").asText(), "the merged id finds the entity");
    assertEquals(brandvikId, profile("Vallgren").get("id").asText());
    assertEquals(3, hits("Orsolya Brandvik"), "search --entity follows the merge");
    assertEquals(before.size() - 1, run(0, "stats", "--json").json().get("entities").asInt());
    assertEquals(1, run(0, "stats", "--json").json().get("corrections").asInt());
    assertEquals(2, run(0, "speaker", "Vallgren", "--json").json().get("total").asInt(), "claims of both speak for one entity");

    // rename: every command shows the new name; the old one still finds it
    run(0, "entity", "rename", "Brandvik", "Orsolya Brandvik-Lund");
    assertEquals(brandvikId, entities().get("Orsolya Brandvik-Lund").get(0));
    assertEquals("Orsolya Brandvik-Lund", profile("Orsolya Brandvik").get("name").asText());
    assertTrue(speakers().contains("Orsolya Brandvik-Lund"), speakers()::toString);

    // split: the variant leaves with its own id again; the rest keeps the id
    run(0, "entity", "split", "Orsolya Brandvik", "--keep", "Vallgren"); // a former name still finds it
    after = entities();
    assertEquals(List.of(vallgrenId, "PERSON", "1"), after.get("Vallgren"));
    assertEquals(List.of(brandvikId, "PERSON", "2"), after.get("Orsolya Brandvik-Lund"));
    assertEquals(2, hits("Orsolya Brandvik-Lund"));

    // listing and undo
    JsonNode listed = run(0, "entity", "corrections", "--json").json();
    assertEquals(List.of("merge", "rename", "split"), kinds(listed));
    assertTrue(listed.get("current").asBoolean());
    run(0, "entity", "corrections", "--undo", "2");
    assertEquals(List.of("merge", "split"), kinds(run(0, "entity", "corrections", "--json").json()));
    assertTrue(entities().containsKey("Orsolya Brandvik"), "the rename is undone");
    Map<String, List<String>> corrected = entities();
    assertEquals(List.of(vallgrenId, "PERSON", "1"), corrected.get("Vallgren"), "the split still applies");

    // kept through --rebuild, an incremental run with a new article, and --recatalog
    run(0, "index", docs.toString(), "--index", index, "--rebuild");
    assertEquals(corrected, entities(), "a rebuild from scratch applies the same corrections, ids included");
    write("d.txt", "Second crane ordered\n\nOrsolya Brandvik said a second crane was ordered from Velmora Works.\n");
    run(0, "index", docs.toString(), "--index", index);
    Map<String, List<String>> grown = entities();
    assertEquals(brandvikId, grown.get("Orsolya Brandvik").get(0));
    assertTrue(Integer.parseInt(grown.get("Orsolya Brandvik").get(2)) > Integer.parseInt(corrected.get("Orsolya Brandvik").get(2)),
        "the new article counts");
    assertEquals(List.of(vallgrenId, "PERSON", "1"), grown.get("Vallgren"), "still split off");
    run(0, "index", docs.toString(), "--index", index, "--recatalog");
    assertEquals(grown, entities());

    // another machine: a new folder holding only the file, indexed from the same articles
    Path elsewhere = tmp.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    Files.copy(file(), elsewhere.resolve(CorrectionsFile.NAME));
    run(0, "index", docs.toString(), "--index", elsewhere.toString());
    String saved = index;
    index = elsewhere.toString();
    assertEquals(grown, entities());
    index = saved;
  }

  @Test
  void aHandEditedFileIsAppliedAndAStaleOneNoted() throws IOException {
    Files.writeString(file(), """
        # fixed by hand
        - merge: [Orsolya Brandvik, Vallgren]
          note: one person
        - rename: Velmora Works
          to: Velmora Shipyard
        - merge: [Ilse Marrow, Vallgren]
        """, StandardCharsets.UTF_8);
    CliRun stale = run(0, "entities");
    assertTrue(stale.err().contains("corrections.yaml changed since it was applied"), stale.err());
    assertTrue(stale.out().contains("Vallgren"), "not applied before --apply");
    CliRun applied = run(0, "entity", "corrections", "--apply", "--json");
    assertTrue(applied.err().contains("corrections.yaml line 6: merge skipped: no entity named 'Ilse Marrow'"), applied.err());
    JsonNode list = applied.json().get("corrections");
    assertEquals("one person", list.get(0).get("note").asText());
    assertFalse(list.get(2).get("applied").asBoolean());
    Map<String, List<String>> now = entities();
    assertTrue(now.containsKey("Velmora Shipyard") && !now.containsKey("Vallgren"), now::toString);
    assertEquals("", run(0, "entities").err(), "applied: nothing to note");
    // an index run reports a correction it skips, and goes on
    CliRun indexed = run(0, "index", docs.toString(), "--index", index, "--recatalog");
    assertTrue(indexed.err().contains("warning: " + file() + " line 6: merge skipped"), indexed.err());
  }

  @Test
  void aMalformedFileIsOneLineWithFileAndLine() throws IOException {
    Files.writeString(file(), "- merge: [Orsolya Brandvik, Vallgren]\n- merge: [Vallgren]\n", StandardCharsets.UTF_8);
    String expected = "corpus: " + file() + " line 2: merge needs a list of two names or more";
    assertEquals(expected, run(3, "entity", "corrections").oneLineError());
    assertEquals(expected, run(3, "entity", "rename", "Vallgren", "T. Vallgren").oneLineError());
    assertEquals(expected, run(3, "index", docs.toString(), "--index", index).oneLineError());
    CliRun reading = run(0, "entities");
    assertTrue(reading.err().startsWith("corpus: warning: " + file() + " line 2:"), reading.err());
    Files.writeString(file(), "- merge: [Orsolya Brandvik, Vallgren\n", StandardCharsets.UTF_8);
    String syntax = run(3, "entity", "corrections").oneLineError();
    assertTrue(syntax.startsWith("corpus: " + file() + " line ") && syntax.contains("not valid YAML"), syntax);
  }

  @Test
  void refusedCorrectionsChangeNothing() throws IOException {
    assertTrue(run(1, "entity", "merge", "Orsolya Brandvik", "Ilse Marrow").oneLineError().contains("no entity named 'Ilse Marrow'"));
    assertTrue(run(1, "entity", "merge", "Orsolya Brandvik", "Brandvik").oneLineError().contains("already name one entity"));
    assertTrue(run(1, "entity", "split", "Orsolya Brandvik", "--keep", "Vallgren").oneLineError().contains("has no variant 'Vallgren'"));
    run(2, "entity", "merge", "Orsolya Brandvik");
    run(2, "entity", "corrections", "--undo", "1");
    assertFalse(Files.exists(file()), "nothing recorded");
    // an entity named like a subcommand is profiled after --
    CliRun literal = CliRun.of("entity", "--index", index, "--", "merge");
    assertEquals(1, literal.exit(), literal.err());
    assertEquals("corpus: no entity named 'merge' in the index", literal.oneLineError());
  }

  @Test
  void aBusyIndexIsRefusedInOneLineAndLeftAlone() throws IOException {
    try (FSDirectory dir = FSDirectory.open(Path.of(index));
        IndexWriter running = new IndexWriter(dir, new IndexWriterConfig().setCommitOnClose(false))) {
      String err = run(3, "entity", "merge", "Orsolya Brandvik", "Vallgren").oneLineError();
      assertTrue(err.contains("is busy"), err);
    }
    assertFalse(Files.exists(file()));
    assertTrue(entities().containsKey("Vallgren"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> kinds(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("corrections").forEach(n -> out.add(n.get("kind").asText()));
    return out;
  }
}
