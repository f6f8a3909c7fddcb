package dev.corpus.ingest;

/**
 * Metadata a file states outright (front matter, HTML meta tags, JSON fields), which wins over
 * what is guessed from the text. Any field may be null.
 *
 * @param publishedText the publication date as the metadata gives it
 */
public record PageHints(
    String title, String source, String byline, String publishedText, String url, String recordId) {

  /** No metadata. */
  public static final PageHints NONE = new PageHints(null, null, null, null, null, null);
}
