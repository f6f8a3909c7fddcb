package dev.corpus.render;

import java.util.List;
import java.util.function.Supplier;

/**
 * A command's result made ready for every format.
 *
 * @param document the record serialised for {@code --format json}
 * @param items the records written one per line for {@code --format jsonl}
 * @param table rows for {@code table} and {@code csv}, built only when one of those is asked for
 * @param text when not null, what {@code table} prints instead of the rows (for results that
 *     read better as prose, like one article)
 */
public record Report(Object document, List<?> items, Supplier<TableView> table, Supplier<String> text) {

  public Report(Object document, List<?> items, Supplier<TableView> table) {
    this(document, items, table, () -> null);
  }
}
