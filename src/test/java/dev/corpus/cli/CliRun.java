package dev.corpus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the real CLI in-process and captures what it prints. */
record CliRun(int exit, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(exit, out.toString(), err.toString());
  }

  JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (Exception e) {
      throw new AssertionError("stdout is not JSON: " + out, e);
    }
  }

  List<JsonNode> jsonLines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        try {
          lines.add(JSON.readTree(line));
        } catch (Exception e) {
          throw new AssertionError("not a JSON line: " + line, e);
        }
      }
    }
    return lines;
  }

  /**
   * The {@code --format jsonl} messages printed, each checked to be {@code {"type": …, "data": …}}
   * with the type first, and the last (only the last) to be the summary.
   */
  List<JsonNode> messages() {
    List<JsonNode> lines = jsonLines();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode m = lines.get(i);
      List<String> fields = new ArrayList<>();
      m.fieldNames().forEachRemaining(fields::add);
      if (!fields.equals(List.of("type", "data")) || !m.get("type").isTextual()) {
        throw new AssertionError("not a message {\"type\", \"data\"}: " + m);
      }
      if (m.get("type").asText().equals("summary") != (i == lines.size() - 1)) {
        throw new AssertionError("the summary must be the last message, and only it: line " + (i + 1) + " of\n" + out);
      }
    }
    if (lines.isEmpty()) {
      throw new AssertionError("no JSONL messages: " + out + err);
    }
    return lines;
  }

  /** The data of the JSONL messages of {@code type}, in order. */
  List<JsonNode> messages(String type) {
    List<JsonNode> data = new ArrayList<>();
    for (JsonNode m : messages()) {
      if (m.get("type").asText().equals(type)) {
        data.add(m.get("data"));
      }
    }
    return data;
  }

  /** The data of the JSONL summary, the last message. */
  JsonNode summary() {
    List<JsonNode> all = messages();
    return all.get(all.size() - 1).get("data");
  }

  /** The first article {@code annotate FILE} prints (its default format is JSON Lines). */
  static JsonNode annotateOne(String file) {
    CliRun run = of("annotate", file);
    if (run.exit() != 0) {
      throw new AssertionError("annotate " + file + " exited " + run.exit() + ": " + run.err());
    }
    return run.messages("article").get(0);
  }

  /**
   * Checks that {@code doc.array} is not empty and that the code point span {@code start}/{@code
   * end} of each of its elements holds that element's {@code textField} in {@code doc.body}.
   * Returns the elements for further checks.
   */
  static List<JsonNode> spansInBody(JsonNode doc, String array, String textField) {
    int[] body = doc.get("body").asText().codePoints().toArray();
    List<JsonNode> out = new ArrayList<>();
    doc.get(array).forEach(out::add);
    if (out.isEmpty()) {
      throw new AssertionError("no " + array + " in " + doc.get("path"));
    }
    for (JsonNode e : out) {
      int start = e.get("start").asInt();
      int end = e.get("end").asInt();
      String actual = new String(body, start, end - start);
      if (!actual.equals(e.get(textField).asText())) {
        throw new AssertionError(array + " span [" + start + ", " + end + ") holds '" + actual + "', not: " + e);
      }
    }
    return out;
  }

  /**
   * Indexes the seed articles ({@code .txt} of {@code ../shared/seeds}) into {@code dir}/idx and
   * returns the index path; the caller skips when the seeds are absent.
   */
  static String indexSeeds(Path seeds, Path dir) throws java.io.IOException {
    List<String> args = new ArrayList<>(List.of("index"));
    try (Stream<Path> files = Files.list(seeds)) {
      files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(p -> args.add(p.toString()));
    }
    String index = dir.resolve("idx").toString();
    args.addAll(List.of("--index", index));
    CliRun run = of(args.toArray(String[]::new));
    if (run.exit() != 0) {
      throw new AssertionError("indexing the seeds exited " + run.exit() + ": " + run.err());
    }
    return index;
  }

  /** stderr holds exactly one line and no stack trace. */
  String oneLineError() {
    String e = err.strip();
    if (e.contains("\n") || e.contains("Exception") || e.contains("\tat ")) {
      throw new AssertionError("expected one error line, got:\n" + err);
    }
    return e;
  }
}
