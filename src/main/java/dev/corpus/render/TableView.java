package dev.corpus.render;

import java.util.List;
import java.util.Set;

/**
 * Rows and columns of a result for the table and CSV formats. Columns named in {@code wide} hold
 * long text (a snippet): CSV keeps them as ordinary columns, the table prints them on their own
 * line under the row.
 */
public record TableView(List<String> columns, List<List<String>> rows, Set<String> wide) {

  public TableView {
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " cells for " + columns.size() + " columns");
      }
    }
  }

  public TableView(List<String> columns, List<List<String>> rows) {
    this(columns, rows, Set.of());
  }
}
