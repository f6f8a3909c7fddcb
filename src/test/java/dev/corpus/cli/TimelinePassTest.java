package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import dev.corpus.index.PublishedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline's corpus-level inference, done at index time by {@code TimelinePass}: the same
 * answer whether the articles came in one run or several, and one year for a year-less article in
 * every command. Short articles written for the test: a fisheries accord signed on 10 March 2031,
 * reported by two dated wires, by a page that prints no date, and by a page dated a year late.
 */
class TimelinePassTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path first;
  static Path second;

  @BeforeAll
  static void writeArticles() throws IOException {
    first = Files.createDirectories(tmp.resolve("first"));
    second = Files.createDirectories(tmp.resolve("second"));
    article(first.resolve("harbor.jsonl"), "Fisheries accord signed", "Harbor Wire", "2031-03-11",
        "Prime Minister Elena Varga and Chancellor Tomas Brandt signed the fisheries accord in Lisbon on March 10, 2031. "
            + "The accord sets catch limits for the next decade.\n\nOfficials said the talks had lasted three days.");
    article(first.resolve("undated.jsonl"), "What the accord means", "Coastal Review", null,
        "Elena Varga and Tomas Brandt met in Lisbon on March 10 to sign the fisheries accord.\n\n"
            + "Fishing crews in Lisbon said the limits were strict but fair.");
    article(first.resolve("misdated.jsonl"), "A year of the accord", "Northern Ledger", "2032-03-14",
        "Elena Varga and Tomas Brandt put their names to the fisheries accord in Lisbon on the 10th.\n\n"
            + "On Tuesday, Brandt said the deal had held.");
    article(second.resolve("gazette.jsonl"), "Leaders sign accord", "Daily Gazette", "2031-03-12",
        "Elena Varga and Tomas Brandt signed the fisheries accord in Lisbon on March 10, 2031, after a long night of talks.\n\n"
            + "The text will be published next week.");
  }

  private static void article(Path file, String title, String source, String date, String text) throws IOException {
    ObjectNode a = JSON.createObjectNode().put("title", title).put("source", source).put("text", text);
    if (date != null) {
      a.put("date", date);
    }
    Files.writeString(file, JSON.writeValueAsString(a) + "\n");
  }

  private static String index(String name, Path... roots) {
    String index = tmp.resolve(name).toString();
    List<String> args = new ArrayList<>(List.of("index"));
    for (Path root : roots) {
      args.add(root.toString());
    }
    args.addAll(List.of("--index", index));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    return index;
  }

  private static JsonNode json(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exit(), run.err());
    return run.json();
  }

  @Test
  void twoRunsGiveTheTimelineAndDatesOfOne() {
    String runs = index("runs", first);
    JsonNode before = json("timeline", "--index", runs, "--json");
    assertEquals(0, before.get("conflicts").size(), "one wire alone does not make a conflict: " + before);
    index("runs", first, second);
    String once = index("once", first, second);
    assertEquals(json("timeline", "--index", once, "--json"), json("timeline", "--index", runs, "--json"));
    assertEquals(json("dates", "--index", once, "--json"), json("dates", "--index", runs, "--json"));

    JsonNode t = json("timeline", "--index", once, "--json");
    assertEquals(3, t.get("version").asInt());
    JsonNode conflicts = t.get("conflicts");
    assertEquals(1, conflicts.size(), conflicts.toString());
    assertEquals("2032-03-14", conflicts.get(0).get("published").asText());
    assertEquals("the 10th", conflicts.get(0).get("mention").asText());
    assertEquals("2031-03-10", conflicts.get(0).get("corpusDate").asText());
    assertEquals(2, conflicts.get(0).get("supportedBy").size());
    for (JsonNode e : t.get("events")) {
      assertTrue(e.get("date").asText().startsWith("2031-03"), "nothing left on the misdated page's days: " + e);
    }

    // A file removed: the answer is again that of the files left.
    Path gone = second.resolve("gazette.jsonl");
    try {
      Files.move(gone, tmp.resolve("gazette.jsonl.away"));
      index("runs", first, second);
      assertEquals(before, json("timeline", "--index", runs, "--json"));
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      try {
        Files.move(tmp.resolve("gazette.jsonl.away"), gone);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void aYearlessArticleHasOneYearInTimelineAndDates() {
    String index = index("yearless", first, second);
    JsonNode datings = json("timeline", "--index", index, "--json").get("datings");
    assertEquals(1, datings.size(), datings.toString());
    JsonNode dating = datings.get(0);
    assertEquals("2031", dating.get("year").asText());
    assertTrue(dating.get("printed").isNull());
    String undated = dating.get("document").asText();
    // dates lists the undated page's "March 10" on the day the timeline gives it, and nowhere else.
    JsonNode day = null;
    for (JsonNode d : json("dates", "--index", index, "--json").get("dates")) {
      if (d.get("value").asText().equals("2031-03-10")) {
        day = d;
      }
    }
    assertTrue(day != null);
    assertEquals(4, day.get("articles").asInt(), day.toString());
    boolean placed = false;
    for (JsonNode e : json("timeline", "--since", "2031-03-10", "--until", "2031-03-10", "--index", index, "--json").get("events")) {
      for (JsonNode s : e.get("sentences")) {
        placed |= s.get("document").asText().equals(undated) && s.get("resolvedAs").asText().equals("XXXX-03-10");
      }
    }
    assertTrue(placed, "the timeline places the undated page's March 10 in 2031");
    // The publication filter that reads the same stored answer finds it in 2031, and only there.
    assertTrue(publishedIn(index, 2031).contains(undated));
    assertTrue(!publishedIn(index, 2030).contains(undated) && !publishedIn(index, 2032).contains(undated));
    assertEquals(Set.of("2031-03-11", "2031-03-12"), Set.copyOf(publishedValues(index, 2031)), "the dated pages keep their own dates");
  }

  /** The ids of the articles {@link PublishedQuery} finds in {@code year}. */
  private static Set<String> publishedIn(String index, int year) {
    Set<String> ids = new HashSet<>();
    forPublished(index, year, doc -> ids.add(doc.get(IndexSchema.ID)));
    return ids;
  }

  private static List<String> publishedValues(String index, int year) {
    List<String> values = new ArrayList<>();
    forPublished(index, year, doc -> {
      String v = IndexSchema.toArticle(doc).published().value();
      if (v != null) {
        values.add(v);
      }
    });
    return values;
  }

  private static void forPublished(String index, int year, java.util.function.Consumer<Document> each) {
    try (DirectoryReader reader = new CorpusIndex(Path.of(index)).openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
          .add(new PublishedQuery(LocalDate.of(year, 1, 1).toEpochDay(), LocalDate.of(year, 12, 31).toEpochDay()), BooleanClause.Occur.FILTER)
          .build();
      for (ScoreDoc sd : searcher.search(q, 100).scoreDocs) {
        each.accept(searcher.storedFields().document(sd.doc));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
