package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.catalog.CatalogName;
import dev.corpus.index.CatalogPass;
import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity catalog kept in the index: built in several runs, in another order, with a file
 * changed and one deleted on the way, it is the catalog of one run over the same files, and
 * {@code --recatalog} rebuilds that same catalog, ids included.
 */
class CatalogEndToEndTest {

  @TempDir Path tmp;

  /** Every catalog entity as one line: id (when asked), type, name, aliases, counts and labels. */
  static List<String> catalog(Path index, boolean ids) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (ScoreDoc sd : searcher.search(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_CATALOG)), 100_000).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        int documents = 0;
        int mentions = 0;
        List<String> labels = new ArrayList<>();
        for (CatalogName n : CatalogPass.names(d)) {
          documents += n.documents();
          mentions += n.mentions();
          labels.add(n.label() + "=" + n.documents() + "/" + n.mentions() + n.aliases() + new java.util.TreeMap<>(n.context()));
        }
        out.add((ids ? d.get(IndexSchema.CATALOG_ID) + " " : "") + d.get(IndexSchema.CATALOG_TYPE) + " " + d.get(IndexSchema.CATALOG_NAME)
            + " " + CatalogPass.aliases(d) + " " + d.getField(IndexSchema.DOCUMENTS).numericValue() + " of " + documents + "/" + mentions
            + " " + labels);
      }
    }
    Collections.sort(out);
    return out;
  }

  private static List<Path> sampleFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("samples"))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void copy(Path file, Path into) throws IOException {
    Path target = into.resolve(Path.of("samples").relativize(file));
    Files.createDirectories(target.getParent());
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void index(Path docs, Path index, String... more) {
    List<String> args = new ArrayList<>(List.of("index", docs.toString(), "--index", index.toString()));
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void runsInAnyOrderWithChangesGiveTheCatalogOfOneRunAndRecatalogGivesItsIds() throws IOException {
    List<Path> files = new ArrayList<>(sampleFiles());
    Path one = tmp.resolve("one");
    for (Path f : files) {
      copy(f, one);
    }
    index(one, tmp.resolve("idx-one"));
    List<String> expected = catalog(tmp.resolve("idx-one"), true);
    assertTrue(expected.size() > 50, "the samples name many entities: " + expected.size());

    Collections.shuffle(files, new Random(14));
    Path many = tmp.resolve("many");
    Path idx = tmp.resolve("idx-many");
    int third = files.size() / 3;
    for (Path f : files.subList(0, third)) {
      copy(f, many);
    }
    index(many, idx);
    // Second run: more files, one of the first deleted, an article of our own added.
    for (Path f : files.subList(third, 2 * third)) {
      copy(f, many);
    }
    Path deleted = many.resolve(Path.of("samples").relativize(files.get(0)));
    Files.delete(deleted);
    Path own = many.resolve("own/harbour.txt");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "Fog delays ferries\n\nOrsolya Brandvik, a harbour pilot, said the fog lifted at noon.\n");
    index(many, idx);
    assertTrue(catalog(idx, false).stream().anyMatch(l -> l.contains("Orsolya Brandvik")), "the new article's person is catalogued");
    // Third run: our article changed: its first person is counted down, the new one up.
    Files.writeString(own, "Fog delays ferries\n\nTeodor Vallgren, a ferry captain, said the crossing resumed at two.\n");
    index(many, idx);
    List<String> changed = catalog(idx, false);
    assertFalse(changed.stream().anyMatch(l -> l.contains("Orsolya Brandvik")), "counted down when its article changed");
    assertTrue(changed.stream().anyMatch(l -> l.contains("Teodor Vallgren")), changed.toString());
    // Last run: the rest, the deleted file back, our article gone.
    for (Path f : files.subList(2 * third, files.size())) {
      copy(f, many);
    }
    copy(files.get(0), many);
    Files.delete(own);
    index(many, idx);
    List<String> incremental = catalog(idx, false);
    assertFalse(incremental.stream().anyMatch(l -> l.contains("Teodor Vallgren")), "counted down when its article went");
    assertEquals(withoutIds(expected), incremental);

    index(many, idx, "--recatalog");
    assertEquals(expected, catalog(idx, true), "--recatalog gives the ids of an index built in one run");
  }

  @Test
  void aNoOpRunKeepsEveryId() throws IOException {
    Path docs = tmp.resolve("docs");
    for (Path f : sampleFiles()) {
      copy(f, docs);
    }
    Path idx = tmp.resolve("idx");
    index(docs, idx);
    List<String> before = catalog(idx, true);
    index(docs, idx);
    assertEquals(before, catalog(idx, true));
    assertNotEquals(List.of(), before);
    // Scripts keep an entity by its id: the list gives it, the profile takes it.
    CliRun list = CliRun.of("entities", "--limit", "1", "--index", idx.toString(), "--json");
    assertEquals(0, list.exit(), list.err());
    var first = list.json().get("entities").get(0);
    CliRun byId = CliRun.of("entity", first.get("id").asText(), "--index", idx.toString(), "--json");
    assertEquals(0, byId.exit(), byId.err());
    assertEquals(first.get("name").asText(), byId.json().get("name").asText());
    assertEquals(first.get("id").asText(), byId.json().get("id").asText());
    CliRun one = CliRun.of("entity", first.get("id").asText(), "--limit", "1", "--index", idx.toString(), "--json");
    assertEquals(1, one.json().get("articles").size(), one.out());
    CliRun negative = CliRun.of("entity", first.get("id").asText(), "--limit", "-1", "--index", idx.toString());
    assertEquals(2, negative.exit(), "a negative limit is a usage error: " + negative.err());
    assertEquals(1, negative.err().strip().lines().count(), negative.err());
    assertTrue(negative.err().contains("--limit"), negative.err());
  }

  @Test
  void aSpellingChangedInsideOneEntityIsCountedOnItsOwnLabel() throws IOException {
    Path docs = tmp.resolve("spell");
    Files.createDirectories(docs);
    String sergei = "Ferry news\n\nSergei Volkonin, a port official, said the ferry left at dawn.\n";
    String sergey = "Harbour news\n\nSergey Volkonin, a port official, said the harbour reopened on Monday.\n";
    Files.writeString(docs.resolve("a.txt"), sergei);
    Files.writeString(docs.resolve("b.txt"), sergei.replace("at dawn", "at noon"));
    Files.writeString(docs.resolve("c.txt"), sergey);
    Path idx = tmp.resolve("idx-spell");
    index(docs, idx);
    List<String> first = catalog(idx, false);
    assertTrue(first.stream().anyMatch(l -> l.contains("PERSON|Sergei Volkonin=2/") && l.contains("PERSON|Sergey Volkonin=1/")),
        first::toString);
    // The entity's totals stay the same; its labels' counts change, and the next run counts from them.
    Files.writeString(docs.resolve("a.txt"), sergey.replace("on Monday", "on Tuesday"));
    index(docs, idx);
    List<String> after = catalog(idx, false);
    assertTrue(after.stream().anyMatch(l -> l.contains("PERSON|Sergei Volkonin=1/") && l.contains("PERSON|Sergey Volkonin=2/")), after::toString);
    Files.delete(docs.resolve("b.txt"));
    index(docs, idx);
    List<String> incremental = catalog(idx, false);
    index(docs, idx, "--recatalog");
    assertEquals(catalog(idx, false), incremental);
    assertFalse(incremental.stream().anyMatch(l -> l.contains("PERSON|Sergei Volkonin")), incremental::toString);
  }

  private static List<String> withoutIds(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.substring(l.indexOf(' ') + 1));
    }
    Collections.sort(out);
    return out;
  }
}
