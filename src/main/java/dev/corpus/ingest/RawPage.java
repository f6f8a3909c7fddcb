package dev.corpus.ingest;

import java.util.List;

/**
 * What a reader gets out of a file before cleaning: one article's text lines and stated
 * metadata, or the reason one record of a multi-article file could not be read.
 */
public sealed interface RawPage {

  /** 1-based record number inside a multi-article file; 0 for single-article files. */
  int record();

  /**
   * An article's lines in page order, and its metadata.
   *
   * @param isolated the reader found the article's own block by the page's structure (the HTML
   *     container, a JSON-LD body), so a section marker such as "Related" inside it is a line to
   *     drop, not the end of the article; false for text that may run on into other stories
   */
  record Page(int record, List<String> lines, PageHints hints, boolean isolated) implements RawPage {

    /** Lines whose end is not known from structure: section markers end the article. */
    public Page(int record, List<String> lines, PageHints hints) {
      this(record, lines, hints, false);
    }
  }

  /** A record that could not be read, e.g. a JSON Lines line that is not JSON. */
  record Broken(int record, String reason) implements RawPage {}
}
