package dev.corpus.ingest;

import java.util.List;

/**
 * What a reader gets out of a file before cleaning: one article's text lines and stated
 * metadata, or the reason one record of a multi-article file could not be read.
 */
public sealed interface RawPage {

  /** 1-based record number inside a multi-article file; 0 for single-article files. */
  int record();

  /** An article's lines in page order, and its metadata. */
  record Page(int record, List<String> lines, PageHints hints) implements RawPage {}

  /** A record that could not be read, e.g. a JSON Lines line that is not JSON. */
  record Broken(int record, String reason) implements RawPage {}
}
