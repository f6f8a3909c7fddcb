package dev.corpus.render;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private final ObjectMapper json = jsonSettings().build();
  private final boolean ansi;
  private final int columns;

  /** @param ansi whether the table may use terminal bold for emphasis */
  public Renderer(boolean ansi) {
    this(ansi, 0);
  }

  /**
   * @param ansi whether the table may use terminal bold for emphasis
   * @param columns the width tables are fitted to (cells cut with "…", long text wrapped), or 0
   *     for no limit
   */
  public Renderer(boolean ansi, int columns) {
    this.ansi = ansi;
    this.columns = columns;
  }

  public void render(Report report, OutputFormat format, PrintWriter out) {
    try {
      switch (format) {
        case JSON -> out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report.document()));
        // Built here, not up front, as the CSV mapper: most runs print JSON or a table.
        case JSONL -> new JsonLines(jsonSettings()).write(report, out);
        case CSV -> out.print(csv(report.table().get()));
        case TABLE -> {
          String text = report.text().get();
          out.print(text != null ? text : table(report.table().get(), columns));
        }
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + report.document().getClass().getSimpleName(), e);
    }
    out.flush();
  }

  /**
   * {@code record} as one compact JSON line, written as the {@code data} of a JSON Lines message
   * is (line breaks escaped, so it stays one line): for a writer of records one a line outside a
   * command's output, such as the Spark job's articles, which are the {@code data} of {@code
   * corpus annotate}'s {@code article} messages.
   */
  public String jsonLine(Object record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + record.getClass().getSimpleName(), e);
    }
  }

  /** The settings both JSON formats share: line breaks escaped, map entries sorted, the writer left open. */
  private static JsonMapper.Builder jsonSettings() {
    return JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new LineBreakEscapes()).build())
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
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

  /** {@code table} as aligned text, wide columns on their own lines, with no width limit. */
  static String table(TableView table) {
    return table(table, 0);
  }

  /**
   * {@code table} as aligned text: the narrow columns in a row, each as wide as its widest cell
   * (at most {@value #MAX_CELL} columns), the wide columns (long text) each on its own lines
   * under the row. With {@code maxWidth} above 0 the rows fit in it where they can: the widest
   * columns give up width first, their cells cut with "…" ({@link #fit}); long text is wrapped at
   * word boundaries. Widths are terminal columns ({@link DisplayWidth}), not UTF-16 units.
   */
  static String table(TableView table, int maxWidth) {
    List<Integer> narrow = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      if (!table.wide().contains(table.columns().get(i))) {
        narrow.add(i);
      }
    }
    int[] width = new int[table.columns().size()];
    for (int i : narrow) {
      width[i] = DisplayWidth.of(table.columns().get(i));
      for (List<String> row : table.rows()) {
        width[i] = Math.min(MAX_CELL, Math.max(width[i], DisplayWidth.of(cell(row.get(i)))));
      }
    }
    if (maxWidth > 0) {
      fit(width, narrow, table.columns(), maxWidth);
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, table.columns(), narrow, width);
    for (List<String> row : table.rows()) {
      appendLine(out, row, narrow, width);
      for (int i = 0; i < row.size(); i++) {
        if (!narrow.contains(i) && row.get(i) != null && !row.get(i).isEmpty()) {
          for (String line : wrap(row.get(i), maxWidth > 0 ? maxWidth - 4 : 0)) {
            out.append("    ").append(line).append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  /** A column is not made narrower than its header or this, whichever is more (a date, a short name). */
  private static final int MIN_CELL = 10;

  /**
   * Takes width from the widest narrow columns, one column at a time, until the row fits or every
   * column is at its floor (its natural width, else the larger of its header and {@value
   * #MIN_CELL}): a row of many columns on a narrow terminal may still wrap, but a date, a kind or a
   * header is never cut to a stub.
   */
  private static void fit(int[] width, List<Integer> narrow, List<String> headers, int maxWidth) {
    int[] floor = new int[width.length];
    for (int i : narrow) {
      floor[i] = Math.min(width[i], Math.max(MIN_CELL, DisplayWidth.of(headers.get(i))));
    }
    while (true) {
      int total = 2 * Math.max(0, narrow.size() - 1);
      int widest = -1;
      for (int i : narrow) {
        total += width[i];
        if (width[i] > floor[i] && (widest < 0 || width[i] > width[widest])) {
          widest = i;
        }
      }
      if (total <= maxWidth || widest < 0) {
        return;
      }
      width[widest]--;
    }
  }

  /** {@code text} in lines of at most {@code columns} (0: one line), broken at spaces where it can be. */
  static List<String> wrap(String text, int columns) {
    String flat = cell(text);
    if (columns <= 0 || DisplayWidth.of(flat) <= columns) {
      return List.of(flat);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineWidth = 0;
    for (String word : flat.split(" ", -1)) {
      int w = DisplayWidth.of(word);
      if (lineWidth > 0 && lineWidth + 1 + w > columns) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      while (w > columns) { // a word longer than a line: cut it where the line ends
        String head = DisplayWidth.cut(word, columns + 1);
        head = head.substring(0, head.length() - 1);
        if (head.isEmpty()) {
          break;
        }
        if (lineWidth > 0) {
          lines.add(line.toString());
          line.setLength(0);
          lineWidth = 0;
        }
        lines.add(head);
        word = word.substring(head.length());
        w = DisplayWidth.of(word);
      }
      if (lineWidth > 0) {
        line.append(' ');
        lineWidth++;
      }
      line.append(word);
      lineWidth += w;
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static void appendLine(StringBuilder out, List<String> row, List<Integer> narrow, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < narrow.size(); k++) {
      int i = narrow.get(k);
      String c = DisplayWidth.cut(cell(row.get(i)), width[i]);
      line.append(c);
      if (k < narrow.size() - 1) {
        line.append(" ".repeat(Math.max(0, width[i] - DisplayWidth.of(c)) + 2));
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace('\n', ' ');
  }
}
