package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/json.md shows what the commands print (issue 16, item 8: docs that cannot drift). Each
 * {@code $ bin/corpus …} example of the page is run on {@code samples/} ({@link DocExamples}, as
 * the README's), its {@code index samples} first (which builds the index the others read), those
 * that change the index after the others. The JSON the page shows under it must have the output's shape — the same keys in every
 * object, the same kind of value at every path, an element for every array that has one — and its
 * values, but for a string the page shortens with "…" (what it shows around the "…" must be
 * there, in order), an array the page cuts after its first elements, and the few values that
 * change from run to run ({@link #UNSTABLE}). A {@code --format jsonl} example shows some of the
 * lines printed, each matched so, in order.
 */
class JsonDocExamplesTest {

  static final Path PAGE = Path.of("docs", "json.md");

  /** Fields whose values depend on the run, the machine or how the index's segments merged: their kind is compared. */
  static final Set<String> UNSTABLE = Set.of("index", "file", "seconds", "megabytesPerSecond", "indexBytes");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static boolean indexesTheSamples(DocExamples.Example e) {
    return e.args().size() >= 2 && e.args().get(0).equals("index") && e.args().get(1).equals("samples")
        && !e.args().contains("--rebuild") && e.args().stream().filter(a -> !a.startsWith("-")).count() == 2;
  }

  /** Commands that change the index, and the listing of what they changed: run after the others, in the page's order. */
  private static boolean changesTheIndex(DocExamples.Example e) {
    return e.args().size() > 1 && e.args().get(0).equals("entity")
        && Set.of("merge", "split", "rename", "corrections").contains(e.args().get(1));
  }

  @Test
  void everyExampleOfTheJsonPageIsWhatTheCommandPrints() throws Exception {
    List<DocExamples.Example> examples = new ArrayList<>(DocExamples.read(PAGE, l -> !(l.contains("../shared") || l.contains(">")
        || l.contains("|"))));
    assertTrue(examples.size() >= 15, "the page's examples were not found: " + examples.size());
    // The page's `index samples` first: it builds the index the others read (once: indexing takes a while).
    examples.sort(Comparator.comparing((DocExamples.Example e) -> !indexesTheSamples(e)).thenComparing(JsonDocExamplesTest::changesTheIndex));
    String index = dir.resolve("idx").toString();
    if (examples.isEmpty() || !indexesTheSamples(examples.get(0))) {
      CliRun run = CliRun.of("index", "samples", "--index", index);
      assertEquals(0, run.exit(), run.err());
    }
    List<String> drifted = new ArrayList<>();
    int other = 0;
    for (DocExamples.Example e : examples) {
      boolean elsewhere = e.args().get(0).equals("index") && !indexesTheSamples(e);
      CliRun run = DocExamples.run(e, elsewhere ? dir.resolve("other" + other++).toString() : index);
      String printed = DocExamples.asOnThePage(run.out());
      List<String> problems = new ArrayList<>();
      try {
        if (jsonLines(e)) {
          matchLines(e.shown(), printed, problems);
        } else if (!e.shown().isEmpty()) {
          match(JSON.readTree(String.join("\n", e.shown())), JSON.readTree(printed), "", problems);
        }
      } catch (Exception ex) {
        problems.add("cannot read it as JSON: " + ex.getMessage());
      }
      for (String p : problems) {
        drifted.add("json.md line " + e.line() + " (" + e.command() + "): " + p);
      }
    }
    assertTrue(drifted.isEmpty(), drifted.size() + " differences between docs/json.md and what the commands print:\n"
        + String.join("\n", drifted));
  }

  /** Whether the example prints JSON Lines: {@code --format jsonl}, or {@code annotate} without another format. */
  private static boolean jsonLines(DocExamples.Example e) {
    int f = e.args().indexOf("--format");
    if (f >= 0) {
      return e.args().get(f + 1).equals("jsonl");
    }
    return e.args().get(0).equals("annotate") && !e.args().contains("--json");
  }

  /** Each line shown (but a line "…", which stands for lines left out) matches a printed line, in order. */
  static void matchLines(List<String> shown, String printed, List<String> problems) throws Exception {
    List<String> lines = printed.lines().toList();
    int at = 0;
    for (String s : shown) {
      if (s.isBlank() || s.strip().equals("…")) {
        continue;
      }
      JsonNode want = JSON.readTree(s);
      boolean found = false;
      List<String> nearest = null; // how the first printed line of the same type differs
      while (!found && at < lines.size()) {
        List<String> differences = new ArrayList<>();
        JsonNode line = JSON.readTree(lines.get(at++));
        match(want, line, "", differences);
        found = differences.isEmpty();
        if (nearest == null && line.path("type").equals(want.path("type"))) {
          nearest = differences;
        }
      }
      if (!found) {
        problems.add("no line printed (after the lines matched before it) is like: " + s
            + (nearest == null ? "" : "\n  the first of its type differs: " + String.join("; ", nearest)));
        return;
      }
    }
  }

  /** What differs between the JSON {@code shown} on the page and the {@code real} output, at {@code path}. */
  static void match(JsonNode shown, JsonNode real, String path, List<String> problems) {
    String at = path.isEmpty() ? "/" : path;
    if (shown.isNumber() && real.isNumber()) {
      if (!unstable(path) && shown.decimalValue().compareTo(real.decimalValue()) != 0) {
        problems.add(at + ": the page shows " + shown + ", the command prints " + real);
      }
      return;
    }
    if (shown.getNodeType() != real.getNodeType()) {
      problems.add(at + ": the page shows " + shown.getNodeType() + " " + shown + ", the command prints " + real.getNodeType() + " " + real);
      return;
    }
    if (shown.isObject()) {
      Set<String> keys = names(shown);
      Set<String> printed = names(real);
      if (!keys.equals(printed)) {
        Set<String> missing = new TreeSet<>(printed);
        missing.removeAll(keys);
        Set<String> extra = new TreeSet<>(keys);
        extra.removeAll(printed);
        problems.add(at + ": keys the page lacks " + missing + ", keys the command does not print " + extra);
      }
      for (String k : keys) {
        if (printed.contains(k)) {
          match(shown.get(k), real.get(k), path + "/" + k, problems);
        }
      }
    } else if (shown.isArray()) {
      if (shown.size() > real.size()) {
        problems.add(at + ": the page shows " + shown.size() + " elements, the command prints " + real.size());
      } else if (shown.isEmpty() && !real.isEmpty()) {
        problems.add(at + ": the page shows no element, so not their shape; the command prints " + real.size());
      }
      for (int i = 0; i < Math.min(shown.size(), real.size()); i++) {
        match(shown.get(i), real.get(i), path + "/" + i, problems);
      }
    } else if (shown.isTextual()) {
      if (!unstable(path) && !shortens(shown.asText(), real.asText())) {
        problems.add(at + ": the page shows \"" + shown.asText() + "\", the command prints \"" + real.asText() + "\"");
      }
    } else if (!shown.equals(real)) {
      problems.add(at + ": the page shows " + shown + ", the command prints " + real);
    }
  }

  private static boolean unstable(String path) {
    return UNSTABLE.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /** {@code shown} is {@code real}, or {@code real} with parts left out where {@code shown} has "…". */
  static boolean shortens(String shown, String real) {
    if (shown.equals(real)) {
      return true;
    }
    if (!shown.contains("…")) {
      return false;
    }
    String[] pieces = shown.split("…", -1);
    if (!real.startsWith(pieces[0]) || !real.endsWith(pieces[pieces.length - 1])) {
      return false;
    }
    int from = pieces[0].length();
    for (int i = 1; i < pieces.length - 1; i++) {
      int found = real.indexOf(pieces[i], from);
      if (found < 0) {
        return false;
      }
      from = found + pieces[i].length();
    }
    return from <= real.length() - pieces[pieces.length - 1].length();
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void theComparisonFindsAPageThatDrifted() throws Exception {
    JsonNode real = JSON.readTree("""
        {"version": 2, "route": "Harbour line to the north quay", "ferries": [{"name": "Tern", "seconds": 1.5}, {"name": "Gull", "seconds": 2}]}""");
    List<String> problems = new ArrayList<>();
    match(JSON.readTree("""
        {"version": 2, "route": "Harbour line…quay", "ferries": [{"name": "Tern", "seconds": 9}]}"""), real, "", problems);
    assertEquals(List.of(), problems, "shortened, cut and unstable values are allowed");
    for (String drifted : List.of(
        "{\"version\": 1, \"route\": \"Harbour line to the north quay\", \"ferries\": [{\"name\": \"Tern\", \"seconds\": 1}]}",
        "{\"version\": 2, \"ferries\": [{\"name\": \"Tern\", \"seconds\": 1}]}",
        "{\"version\": 2, \"route\": \"Harbour line to the north quay\", \"ferries\": [{\"name\": \"Tern\"}]}",
        "{\"version\": 2, \"route\": \"Harbour line to the north quay\", \"ferries\": []}",
        "{\"version\": 2, \"route\": \"Harbour line to the south…\", \"ferries\": [{\"name\": \"Tern\", \"seconds\": 1}]}",
        "{\"version\": \"2\", \"route\": \"Harbour line to the north quay\", \"ferries\": [{\"name\": \"Tern\", \"seconds\": 1}]}",
        "{\"version\": 2, \"route\": \"Harbour line to the north quay\", \"ferries\": [{\"name\": \"Gull\", \"seconds\": 1}]}")) {
      problems.clear();
      match(JSON.readTree(drifted), real, "", problems);
      assertEquals(1, problems.size(), drifted + " → " + problems);
    }
    problems.clear();
    matchLines(List.of("{\"type\": \"b\"}", "…", "{\"type\": \"a\"}"), "{\"type\":\"a\"}\n{\"type\":\"b\"}\n", problems);
    assertEquals(1, problems.size(), "lines out of order: " + problems);
  }
}
