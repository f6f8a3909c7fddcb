package dev.corpus.model;

/**
 * One article after ingestion: metadata found on the page and its cleaned body.
 *
 * <p>{@code body} is the article text with page boilerplate removed; every span that later
 * stages report is a Unicode code point offset into it.
 *
 * @param id stable document id (see {@link dev.corpus.ingest.DocumentIds})
 * @param path absolute path of the file it came from
 * @param record position inside a multi-article file (1-based JSON Lines line), or 0
 * @param format reader that produced it: {@code text}, {@code markdown}, {@code html}, {@code
 *     jsonl}
 * @param encoding character encoding the file was decoded with
 * @param title headline; the first sentence when the page has none
 * @param source outlet or agency, or null when unknown
 * @param byline author(s) as printed, without "By", or null
 * @param dateline place of the dateline ({@code MOSCOW}), or null
 * @param published publication date
 * @param updated "last updated" date as printed and normalised, or null
 * @param url canonical address when the file gives one, or null
 * @param body cleaned article text
 */
public record Article(
    String id,
    String path,
    int record,
    String format,
    String encoding,
    String title,
    String source,
    String byline,
    String dateline,
    PublishedDate published,
    PublishedDate updated,
    String url,
    String body) {

  /** This article with another publication date (one the date stage inferred). */
  public Article withPublished(PublishedDate date) {
    return new Article(id, path, record, format, encoding, title, source, byline, dateline, date, updated, url, body);
  }
}
