package dev.corpus.render;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A command's result made ready for every format.
 *
 * <p>{@code --format jsonl} writes the same document as {@code json}, cut into {@link Message}s:
 * each element of each of the document's {@link Part parts} (its arrays of records, at its top or
 * in an object of it) as a message of the part's type, in the order the parts are given, then one
 * {@code summary} message holding every other field of the document (its version, totals, the
 * query; objects and arrays of plain values included). The summary is the document itself with
 * the parts left out, so a field added to a document later reaches it by itself; an array of
 * records that is not declared a part is refused when the JSONL is written ({@link JsonLines}), so
 * no part can be forgotten either.
 *
 * @param document the record serialised for {@code --format json}
 * @param parts the arrays of records of {@code document} written one message per element
 * @param table rows for {@code table} and {@code csv}, built only when one of those is asked for
 * @param text when not null, what {@code table} prints instead of the rows (for results that
 *     read better as prose, like one article)
 */
public record Report(Object document, List<Part> parts, Supplier<TableView> table, Supplier<String> text) {

  public Report {
    parts = List.copyOf(parts);
  }

  public Report(Object document, List<Part> parts, Supplier<TableView> table) {
    this(document, parts, table, () -> null);
  }

  /**
   * One array of records of the document, as JSONL messages.
   *
   * @param path the document's field the messages stand for, left out of the summary: {@code
   *     hits}, or for an array in an object of the document, the fields joined by dots ({@code
   *     facets.source}: the object stays in the summary with its other fields)
   * @param type the {@link Message#type()} of each element
   * @param items the elements, in the document's order, as they are, or wrapped in a record that
   *     adds what the type alone does not say (which facet a count is of: {@link Reports.Facet})
   */
  public record Part(String path, String type, List<?> items) {
    public Part {
      items = items == null ? List.of() : items;
    }
  }

  /** {@code items} as messages of {@code type}, standing for the document's field at {@code path}. */
  public static Part part(String path, String type, List<?> items) {
    return new Part(path, type, items);
  }

  /**
   * The data of the {@code summary} message: the document's fields but its parts (which {@link
   * JsonLines} leaves out as it writes them), and the stream's version.
   *
   * @param jsonlVersion {@link Message#JSONL_VERSION}
   */
  public record Summary(@JsonUnwrapped Object document, int jsonlVersion) {}

  /** What {@code --format jsonl} writes, one message a line: every part's elements, then the summary. */
  public List<Message> messages() {
    List<Message> out = new ArrayList<>();
    for (Part p : parts) {
      for (Object item : p.items()) {
        out.add(new Message(p.type(), item));
      }
    }
    out.add(new Message(Message.SUMMARY, new Summary(document, Message.JSONL_VERSION)));
    return out;
  }
}
