package dev.corpus.render;

import java.util.List;

/**
 * A command's result made ready for every format.
 *
 * @param document the record serialised for {@code --format json}
 * @param items the records written one per line for {@code --format jsonl}
 * @param table rows for {@code table} and {@code csv}
 * @param text when not null, what {@code table} prints instead of the rows (for results that
 *     read better as prose, like one article)
 */
public record Report(Object document, List<?> items, TableView table, String text) {

  public Report(Object document, List<?> items, TableView table) {
    this(document, items, table, null);
  }
}
