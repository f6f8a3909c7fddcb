package dev.corpus.ingest;

import java.util.List;

/**
 * Reads one file format into pages. To add a format, implement this, give it a {@link #format()}
 * name, and register its extensions in {@link Formats}.
 *
 * <p>Readers are stateless and thread-safe.
 */
public interface ArticleReader {

  /** Name stored with each article: {@code text}, {@code markdown}, {@code html}, {@code jsonl}. */
  String format();

  /**
   * Splits decoded file text into pages.
   *
   * @throws IngestException when the file as a whole cannot be read
   */
  List<RawPage> read(String text) throws IngestException;

  /** Splits text into lines on any line terminator (\n, \r\n, \r). */
  static List<String> lines(String text) {
    return text.lines().toList();
  }
}
