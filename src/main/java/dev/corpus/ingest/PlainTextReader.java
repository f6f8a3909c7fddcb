package dev.corpus.ingest;

import java.util.List;

/** Plain text saved pages: one article per file, hard-wrapped paragraphs joined ({@link HardWraps}). */
public final class PlainTextReader implements ArticleReader {

  @Override
  public String format() {
    return "text";
  }

  @Override
  public List<RawPage> read(String text) {
    return List.of(new RawPage.Page(0, HardWraps.unwrap(ArticleReader.lines(text)), PageHints.NONE));
  }
}
