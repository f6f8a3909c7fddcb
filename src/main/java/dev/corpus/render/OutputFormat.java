package dev.corpus.render;

/** The output formats every command offers. */
public enum OutputFormat {
  /** Aligned columns for people; the default. */
  TABLE,
  /** One pretty-printed JSON document, with a {@code version} field. */
  JSON,
  /**
   * JSON Lines: the JSON document as typed messages, one compact object a line, {@code {"type":
   * …, "data": …}}: one per element of each array of records, then a summary ({@link Report}).
   */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV
}
