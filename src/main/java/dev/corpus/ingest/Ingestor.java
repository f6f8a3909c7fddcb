package dev.corpus.ingest;

import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a file's bytes into articles: decoding, choosing a reader, stripping boilerplate and
 * finding metadata. Pure and thread-safe: no I/O happens here, so {@code corpus annotate} and
 * the indexer share it.
 */
public final class Ingestor {

  /** The articles of one file and the records of it that could not be read. */
  public record Result(List<Article> articles, List<String> brokenRecords, String contentHash) {}

  private final TextDecoder decoder = new TextDecoder();
  private final Formats formats = new Formats();
  private final Boilerplate boilerplate = new Boilerplate();
  private final PageParser parser = new PageParser();

  /**
   * Reads the file at {@code absolutePath} whose content is {@code bytes}.
   *
   * @throws IngestException when the file is skipped (empty, not a text format) or fails as a
   *     whole (binary under a text extension, invalid encoding, no article text at all)
   */
  public Result ingest(String absolutePath, byte[] bytes) throws IngestException {
    return ingest(absolutePath, absolutePath, bytes, SiteTemplate.NONE);
  }

  /**
   * Reads the file at {@code absolutePath}, whose articles get their ids from {@code corpusPath}
   * ({@link DocumentIds#corpusPath}).
   *
   * @throws IngestException as {@link #ingest(String, byte[])}
   */
  public Result ingest(String absolutePath, String corpusPath, byte[] bytes) throws IngestException {
    return ingest(absolutePath, corpusPath, bytes, SiteTemplate.NONE);
  }

  /**
   * Reads a file as {@link #ingest(String, byte[])} does, also removing the lines of its site's
   * {@code template} (see {@link #template}).
   */
  public Result ingest(String absolutePath, byte[] bytes, SiteTemplate template) throws IngestException {
    return ingest(absolutePath, absolutePath, bytes, template);
  }

  /**
   * Reads the file at {@code absolutePath}: ids from {@code corpusPath} ({@link
   * DocumentIds#corpusPath}), the lines of its site's {@code template} removed.
   *
   * @throws IngestException as {@link #ingest(String, byte[])}
   */
  public Result ingest(String absolutePath, String corpusPath, byte[] bytes, SiteTemplate template) throws IngestException {
    String name = absolutePath.substring(absolutePath.lastIndexOf('/') + 1);
    if (formats.isKnownBinary(name)) {
      throw IngestException.skipped("unsupported format ." + Formats.extension(name));
    }
    if (bytes.length == 0) {
      throw IngestException.skipped("empty file");
    }
    Optional<ArticleReader> known = formats.byName(name);
    if (known.isEmpty() && !decoder.looksLikeText(bytes)) {
      throw IngestException.skipped("not a text file (unknown extension)");
    }
    TextDecoder.Decoded decoded = decoder.decode(bytes);
    if (VisibleText.isBlank(decoded.text())) {
      throw IngestException.skipped("no text (only whitespace or invisible characters)");
    }
    ArticleReader reader = known.orElseGet(() -> formats.sniff(bytes));
    List<Article> articles = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (RawPage page : reader.read(decoded.text())) {
      switch (page) {
        case RawPage.Broken b -> broken.add(b.reason());
        case RawPage.Page p -> {
          Article article = article(absolutePath, corpusPath, reader.format(), decoded.encoding(), p, template);
          if (article == null) {
            broken.add(p.record() > 0 ? "line " + p.record() + ": no article text" : "no article text after removing page furniture");
          } else {
            articles.add(article);
          }
        }
      }
    }
    if (articles.isEmpty() && !broken.isEmpty()) {
      throw IngestException.failed(broken.get(0));
    }
    return new Result(List.copyOf(articles), List.copyOf(broken), DocumentIds.contentHash(bytes));
  }

  /** True when pages named {@code fileName} take part in site templates: plain text and Markdown. */
  public boolean learnsTemplate(String fileName) {
    return formats.byName(fileName).filter(r -> r instanceof PlainTextReader || r instanceof MarkdownReader).isPresent();
  }

  /** True when files named {@code fileName} are read record by record ({@link #jsonLines}). */
  public boolean streams(String fileName) {
    return formats.byName(fileName).filter(r -> r instanceof JsonLinesReader).isPresent();
  }

  /**
   * Opens a JSON Lines file for reading one record at a time; the caller closes it (which closes
   * {@code in}).
   *
   * @param maxRecordBytes a longer line is reported as broken, and never held in memory
   * @throws IngestException (failed) when the file is binary or in UTF-16
   */
  public JsonLinesStream jsonLines(String absolutePath, String corpusPath, java.io.InputStream in, long maxRecordBytes)
      throws IngestException, java.io.IOException {
    return new JsonLinesStream(absolutePath, corpusPath, in, maxRecordBytes, this);
  }

  /**
   * The template of the site whose pages are {@code files} (absolute path → bytes), all of one
   * folder: learnt from the plain text and Markdown pages among them, whose furniture is lines
   * (HTML pages are cleaned by their structure, JSON Lines records carry no furniture). The
   * result depends on the set of files only, not on their order. Files that cannot be read are
   * left out.
   */
  public SiteTemplate template(java.util.Map<String, byte[]> files) {
    List<List<String>> pages = new ArrayList<>();
    for (var file : new java.util.TreeMap<>(files).entrySet()) {
      String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
      Optional<ArticleReader> reader = formats.byName(name);
      if (reader.isEmpty() || !(reader.get() instanceof PlainTextReader || reader.get() instanceof MarkdownReader)
          || file.getValue().length == 0) {
        continue;
      }
      try {
        for (RawPage page : reader.get().read(decoder.decode(file.getValue()).text())) {
          if (page instanceof RawPage.Page p) {
            pages.add(p.lines());
          }
        }
      } catch (IngestException unreadable) {
        // counted when the file itself is ingested; it teaches the template nothing
      }
    }
    return SiteTemplate.learn(pages);
  }

  /** The article of one page, or null when it has no text at all (a headline alone is an article). */
  Article article(String path, String corpusPath, String format, String encoding, RawPage.Page page) {
    return article(path, corpusPath, format, encoding, page, SiteTemplate.NONE);
  }

  private Article article(String path, String corpusPath, String format, String encoding, RawPage.Page page, SiteTemplate template) {
    Boilerplate.Cleaned cleaned = boilerplate.clean(page.lines(), template, !page.isolated());
    PageParser.Parsed parsed = parser.parse(cleaned.lines(), cleaned.updatedLines(), page.hints(), cleaned.copyrightHolder());
    String id =
        page.record() == 0
            ? DocumentIds.of(corpusPath)
            : DocumentIds.of(corpusPath, page.hints().recordId() != null ? page.hints().recordId() : Integer.toString(page.record()));
    PublishedDate published = parsed.published() == null ? PublishedDate.UNKNOWN : parsed.published();
    if (VisibleText.isBlank(parsed.body()) && VisibleText.isBlank(parsed.title())) {
      return null;
    }
    return new Article(
        id,
        path,
        page.record(),
        format,
        encoding,
        parsed.title(),
        parsed.source(),
        parsed.byline(),
        parsed.dateline(),
        published,
        parsed.updated(),
        page.hints().url(),
        parsed.body());
  }
}
