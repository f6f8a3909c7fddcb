package dev.corpus.render;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Report} in one {@link OutputFormat}. All JSON goes through Jackson from
 * records; CSV through Jackson's CSV module. Output is deterministic: same report, same bytes.
 */
public final class Renderer {

  private static final int MAX_CELL = 60;

  private final ObjectMapper json =
      JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new LineBreakEscapes()).build())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();
  private final boolean ansi;

  /** @param ansi whether the table may use terminal bold for emphasis */
  public Renderer(boolean ansi) {
    this.ansi = ansi;
  }

  public void render(Report report, OutputFormat format, PrintWriter out) {
    try {
      switch (format) {
        case JSON -> out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report.document()));
        case JSONL -> {
          ObjectWriter line = json.writer();
          for (Object item : report.items()) {
            out.println(line.writeValueAsString(item));
          }
        }
        case CSV -> out.print(csv(report.table().get()));
        case TABLE -> {
          String text = report.text().get();
          out.print(text != null ? text : table(report.table().get()));
        }
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + report.document().getClass().getSimpleName(), e);
    }
    out.flush();
  }

  /**
   * Escapes the characters that JSON allows raw but line-oriented tools split on: U+2028 and U+2029
   * (line and paragraph separators: JavaScript before ES2019, editors, some JSON Lines readers) and
   * U+0085 (next line: Python's {@code str.splitlines}). A JSON Lines record must stay on one line.
   */
  static final class LineBreakEscapes extends CharacterEscapes {
    private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case 0x2028 -> new SerializedString("\\u2028");
        case 0x2029 -> new SerializedString("\\u2029");
        case 0x0085 -> new SerializedString("\\u0085");
        default -> null;
      };
    }
  }

  /** Emphasis for a matched term in table output: bold on a terminal, else **term**. */
  public String emphasis(String text) {
    return ansi ? "\u001b[1m" + text + "\u001b[0m" : "**" + text + "**";
  }

  private static String csv(TableView table) throws JsonProcessingException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String c : table.columns()) {
      schema.addColumn(c);
    }
    List<List<String>> rows = new ArrayList<>(table.rows().size());
    for (List<String> row : table.rows()) {
      List<String> safe = new ArrayList<>(row.size());
      for (String cell : row) {
        safe.add(formulaSafe(cell));
      }
      rows.add(safe);
    }
    // Built here, not up front: most runs print JSON or a table, and start-up time counts.
    return new CsvMapper().writer(schema.build()).writeValueAsString(rows);
  }

  /**
   * A CSV cell a spreadsheet will show as text, never run as a formula (OWASP's "CSV injection"):
   * a cell that begins with {@code = + - @}, a tab or a carriage return gets a leading apostrophe,
   * which spreadsheets hide and treat as "this is text". A plain number ({@code -3.5}) is left as
   * it is, so that numbers stay numbers. The JSON formats carry every value unchanged.
   */
  static String formulaSafe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char c = cell.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
  }

  private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

  /** {@code table} as aligned text, wide columns on their own lines. */
  static String table(TableView table) {
    List<Integer> narrow = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      if (!table.wide().contains(table.columns().get(i))) {
        narrow.add(i);
      }
    }
    int[] width = new int[table.columns().size()];
    for (int i : narrow) {
      width[i] = table.columns().get(i).length();
      for (List<String> row : table.rows()) {
        width[i] = Math.min(MAX_CELL, Math.max(width[i], cell(row.get(i)).length()));
      }
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, table.columns(), narrow, width);
    for (List<String> row : table.rows()) {
      appendLine(out, row, narrow, width);
      for (int i = 0; i < row.size(); i++) {
        if (!narrow.contains(i) && row.get(i) != null && !row.get(i).isEmpty()) {
          out.append("    ").append(row.get(i)).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<String> row, List<Integer> narrow, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < narrow.size(); k++) {
      int i = narrow.get(k);
      String c = cell(row.get(i));
      if (c.length() > width[i]) {
        c = c.substring(0, width[i] - 1) + "…";
      }
      line.append(c);
      if (k < narrow.size() - 1) {
        line.append(" ".repeat(width[i] - c.length() + 2));
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace('\n', ' ');
  }
}
