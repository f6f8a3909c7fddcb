package dev.corpus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

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

  /** stderr holds exactly one line and no stack trace. */
  String oneLineError() {
    String e = err.strip();
    if (e.contains("\n") || e.contains("Exception") || e.contains("\tat ")) {
      throw new AssertionError("expected one error line, got:\n" + err);
    }
    return e;
  }
}
