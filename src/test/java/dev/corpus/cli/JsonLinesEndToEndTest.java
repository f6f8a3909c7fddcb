package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --format jsonl} carries everything {@code --format json} does, for every command (issue
 * 16, item 7: the JSONL of {@code search --facets}, {@code entity}, {@code timeline}, {@code claims
 * --clusters} silently lost parts). Each command runs on {@code samples/} (and small files written
 * here for {@code index} and {@code eval}) in both formats, and the JSON document is taken apart
 * without knowing its shape: every element of an array of objects must be, in order, the data of
 * a message, and every other value must be in the summary at the same path. A field a future
 * version adds to a document and forgets in the JSONL fails here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsonLinesEndToEndTest {

  @TempDir static Path dir;
  static String index;

  /** Values that differ between two runs of the same command: compared by kind, not value. */
  private static final Set<String> TIMINGS = Set.of("seconds", "megabytesPerSecond");

  @BeforeAll
  static void indexSamplesAndWriteEvalFiles() throws Exception {
    index = dir.resolve("idx").toString();
    CliRun run = CliRun.of("index", "samples", "--index", index);
    assertEquals(0, run.exit(), run.err());

    Path news = Files.createDirectories(dir.resolve("news"));
    Files.writeString(news.resolve("ferry.txt"), "Ferry returns\n\nThe harbour board said on Tuesday that the ferry would run again in May.\n");
    Files.writeString(news.resolve("empty.txt"), "");
    Files.write(news.resolve("scan.txt"), new byte[] {'a', 0, 'b', 0, 'c'});

    Files.writeString(dir.resolve("small.conll"), """
        -DOCSTART- -X- O O

        Mara NNP B-NP B-PER
        Quist NNP I-NP I-PER
        sailed VBD B-VP O
        to TO B-PP O
        Oslo NNP B-NP B-LOC
        . . O O
        """);
    Path tml = Files.createDirectories(dir.resolve("timeml"));
    Files.writeString(tml.resolve("ferry.tml"), """
        <?xml version="1.0" ?>
        <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-01" functionInDocument="CREATION_TIME">2024-03-01</TIMEX3></DCT>
        <TEXT>The ferry runs again on <TIMEX3 tid="t1" type="DATE" value="2024-03-05">Tuesday</TIMEX3>.</TEXT></TimeML>
        """);
    Path brat = Files.createDirectories(dir.resolve("brat"));
    Files.writeString(brat.resolve("ferry.txt"), "Mara Quist said the ferry would run again in May.\n");
    Files.writeString(brat.resolve("ferry.ann"), """
        T1\tSource 0 10\tMara Quist
        T2\tCue 11 15\tsaid
        T3\tContent 16 48\tthe ferry would run again in May
        E1\tAttribution:T2 Source:T1 Content:T3
        """);
    String paragraph = "The harbour board voted on Tuesday to close the north quay for repairs, a decision that crews said would cost them"
        + " the spring season.";
    Files.writeString(dir.resolve("truth.json"), "{\"a\": {\"articleBody\": \"" + paragraph + "\"}, \"b\": {\"articleBody\": \"" + paragraph + "\"}}");
    Files.writeString(dir.resolve("predicted.json"), "{\"a\": {\"articleBody\": \"" + paragraph + "\"}, \"b\": {\"articleBody\": \"\"}}");
  }

  /** Every command that takes {@code --format}, with options that fill its arrays on the samples. */
  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("search", "treaty", "--facets", "--limit", "3"),
        List.of("search", "\"mutual assistance\""),
        List.of("search", "qqxxzz", "--facets"),
        List.of("show", "samples/wire/wire-feed.jsonl"),
        List.of("stats"),
        List.of("entities", "--limit", "8"),
        List.of("entities", "--graph", "--limit", "5"),
        List.of("entity", "Yury Ushakov", "--snippets", "2"),
        List.of("entity", "Russia", "--limit", "3"),
        List.of("entity", "Kim"),
        List.of("dates", "--limit", "6"),
        List.of("timeline", "--limit", "6"),
        List.of("claims", "--limit", "5"),
        List.of("claims", "--clusters", "--limit", "4"),
        List.of("speaker", "Putin"),
        List.of("annotate", "samples/wire/wire-feed.jsonl"),
        List.of("report", "--about", "treaty"),
        List.of("index", dir.resolve("news").toString(), "--index", dir.resolve("news-idx").toString(), "--rebuild"),
        List.of("eval", "ner", "--conll", dir.resolve("small.conll").toString()),
        List.of("eval", "timex", "--timeml", dir.resolve("timeml").toString()),
        List.of("eval", "attribution", "--brat", dir.resolve("brat").toString()),
        List.of("eval", "body", "--truth", dir.resolve("truth.json").toString(), "--predictions", dir.resolve("predicted.json").toString(),
            "--per-page"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  @Order(1)
  void theJsonLinesCarryTheWholeJsonDocument(List<String> command) {
    assertCarries(command);
  }

  @Test
  @Order(2)
  void entityCorrectionsToo() {
    // Last: the corrections change the catalog the other commands read.
    assertEquals(0, run(List.of("entity", "merge", "Kim Jong Il", "Kim Il Sung"), "table").exit());
    assertEquals(0, run(List.of("entity", "rename", "Tumen River", "Tumen"), "table").exit());
    assertCarries(List.of("entity", "corrections"));
  }

  @Test
  void theComparisonFindsWhatAStreamLeavesOut() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode doc = json.readTree("""
        {"version": 1, "route": "Harbour line", "busiest": {"port": "Quay"}, "notes": ["winter"],
         "ferries": [{"name": "Tern"}, {"name": "Gull"}], "groups": {"port": [{"value": "Isle", "count": 4}]}, "empty": []}""");
    String tern = "{\"type\":\"ferry\",\"data\":{\"name\":\"Tern\"}}";
    String gull = "{\"type\":\"ferry\",\"data\":{\"name\":\"Gull\"}}";
    String isle = "{\"type\":\"group\",\"data\":{\"group\":\"port\",\"value\":\"Isle\",\"count\":4}}";
    String summary = "{\"type\":\"summary\",\"data\":{\"version\":1,\"route\":\"Harbour line\",\"busiest\":{\"port\":\"Quay\"},"
        + "\"notes\":[\"winter\"],\"jsonlVersion\":2}}";
    assertEquals(List.of(), lost(doc, lines(json, tern, gull, isle, summary)));
    assertFalse(lost(doc, lines(json, tern, isle, summary)).isEmpty(), "an element left out");
    assertFalse(lost(doc, lines(json, gull, tern, isle, summary)).isEmpty(), "elements out of order");
    assertFalse(lost(doc, lines(json, tern, gull, summary)).isEmpty(), "a group left out");
    assertFalse(lost(doc, lines(json, tern, gull, isle, summary.replace("\"route\":\"Harbour line\",", ""))).isEmpty(),
        "a scalar left out");
    assertFalse(lost(doc, lines(json, tern, gull, isle, summary.replace("[\"winter\"]", "[]"))).isEmpty(), "a value changed");
    assertFalse(lost(doc, lines(json, tern, gull, isle, summary.replace("\"version\":1,", "\"version\":1,\"ferries\":[{\"name\":\"Tern\"}],")))
        .isEmpty(), "records in the summary");
  }

  private static List<JsonNode> lines(ObjectMapper json, String... lines) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : lines) {
      out.add(json.readTree(l));
    }
    return out;
  }

  private static CliRun run(List<String> command, String format) {
    List<String> args = new ArrayList<>(List.of("--index", index));
    args.addAll(command);
    args.addAll(List.of("--format", format));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void assertCarries(List<String> command) {
    CliRun json = run(command, "json");
    CliRun jsonl = run(command, "jsonl");
    assertEquals(json.exit(), jsonl.exit(), command + ": " + jsonl.err());
    // 1 for nothing found, 2 for an ambiguous entity, 3 for the index run whose files failed: all print a document.
    assertTrue(json.exit() <= 3, command + " exited " + json.exit() + ": " + json.err());
    List<String> lost = lost(json.json(), jsonl.messages());
    assertTrue(lost.isEmpty(), command + ": the JSONL does not carry\n" + String.join("\n", lost) + "\nJSON:\n" + json.out()
        + "\nJSONL:\n" + jsonl.out());
  }

  /**
   * What the JSON document {@code doc} holds that the messages do not, one line each; empty when
   * they carry it all. The document is walked without knowing its shape, through its objects: an
   * array of objects gives one message an element, in order; every other value is in the summary
   * at the same path (an empty array may be left out: it may be a part with no elements).
   */
  static List<String> lost(JsonNode doc, List<JsonNode> messages) {
    List<String> lost = new ArrayList<>();
    JsonNode summary = messages.get(messages.size() - 1).get("data");
    if (summary.path("jsonlVersion").asInt() != 2) {
      lost.add("the summary's jsonlVersion 2: " + summary);
    }
    List<JsonNode> elements = new ArrayList<>();
    walk(doc, "", summary, elements, lost);
    List<JsonNode> data = new ArrayList<>();
    for (JsonNode m : messages.subList(0, messages.size() - 1)) {
      data.add(m.get("data"));
    }
    if (data.size() != elements.size()) {
      lost.add(elements.size() + " array elements in the JSON, " + data.size() + " messages before the summary");
    }
    for (int i = 0; i < Math.min(data.size(), elements.size()); i++) {
      for (Iterator<Map.Entry<String, JsonNode>> f = elements.get(i).fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> field = f.next();
        if (!field.getValue().equals(data.get(i).get(field.getKey()))) {
          lost.add("message " + (i + 1) + " ." + field.getKey() + ": " + field.getValue() + " (it has " + data.get(i) + ")");
        }
      }
    }
    if (holdsObjectArrays(summary)) {
      lost.add("the summary holds an array of records, which should be messages: " + summary);
    }
    return lost;
  }

  private static void walk(JsonNode object, String path, JsonNode summary, List<JsonNode> elements, List<String> lost) {
    for (Iterator<Map.Entry<String, JsonNode>> f = object.fields(); f.hasNext(); ) {
      Map.Entry<String, JsonNode> field = f.next();
      String at = path + "/" + field.getKey();
      JsonNode value = field.getValue();
      JsonNode carried = summary.at(at);
      if (value.isObject()) {
        walk(value, at, summary, elements, lost);
      } else if (value.isArray() && holdsObjectArrays(value)) {
        value.forEach(elements::add);
        if (!carried.isMissingNode()) {
          lost.add(at + " is in the summary as well as in messages");
        }
      } else if (carried.isMissingNode()) {
        if (!(value.isArray() && value.isEmpty())) { // an empty array may be a part with no messages
          lost.add(at + " = " + value + " (not in the summary)");
        }
      } else if (TIMINGS.contains(field.getKey()) ? carried.getNodeType() != value.getNodeType() : !carried.equals(value)) {
        lost.add(at + " = " + value + " (the summary has " + carried + ")");
      }
    }
  }

  /** An array with an object among its elements, or an object with such an array somewhere in its fields. */
  private static boolean holdsObjectArrays(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode e : node) {
        if (e.isObject()) {
          return true;
        }
      }
      return false;
    }
    for (JsonNode v : node) {
      if ((v.isArray() || v.isObject()) && holdsObjectArrays(v)) {
        return true;
      }
    }
    return false;
  }
}
