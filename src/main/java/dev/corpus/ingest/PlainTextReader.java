package dev.corpus.ingest;

import java.util.List;

/** Plain text saved pages: the text as it is, one article per file. */
public final class PlainTextReader implements ArticleReader {

  @Override
  public String format() {
    return "text";
  }

  @Override
  public List<RawPage> read(String text) {
    return List.of(new RawPage.Page(0, ArticleReader.lines(text), PageHints.NONE));
  }
}
