package dev.corpus.render;

/** The output formats every command offers. */
public enum OutputFormat {
  /** Aligned columns for people; the default. */
  TABLE,
  /** One pretty-printed JSON document, with a {@code version} field. */
  JSON,
  /** One compact JSON object per line: per hit, per article, per row. */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV
}
