package dev.corpus.ingest;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML pages, parsed with jsoup. Metadata is what the page states about itself ({@link
 * PageMetadata}: JSON-LD, Open Graph and other meta tags, {@code <time datetime>}). The body is
 * found by {@link ContentExtractor} from the shape of the text (where the prose is, how many of
 * its characters are links), after what can never be article text is removed: scripts, styles,
 * forms' controls, navigation, asides, hidden elements, and headers and footers outside an {@code
 * <article>} or {@code <main>}. A page with no article text at all (only navigation and
 * furniture) is skipped with the reason "no article text found", never indexed empty.
 */
public final class HtmlReader implements ArticleReader {

  /** The reason given for a page with no article text. */
  public static final String NO_TEXT = "no article text found";

  private final PageMetadata metadata = new PageMetadata();
  private final ContentExtractor extractor = new ContentExtractor();

  @Override
  public String format() {
    return "html";
  }

  @Override
  public List<RawPage> read(String text) throws IngestException {
    Document doc = Jsoup.parse(text);
    PageMetadata.Stated stated = metadata.read(doc);
    doc.select("script, style, noscript, template, iframe, svg, button, select, input, textarea, aside, nav, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]")
        .remove();
    // Hidden by its own style, as Readability.js reads it: often a copy of the article as
    // microdata for search engines, which doubled the body when it stood beside the article.
    doc.select("[style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]").remove();
    // A caption describes a picture, not the story; galleries and figures carry only captions.
    // Blocks classed as captions (a word "caption" in the class) count too: caption sentences
    // have commas and length, so a gallery of them inside the container read as prose.
    doc.select("figure, figcaption, picture, [itemprop=caption], [class~=(?i)(^|[\\s_-])caption($|[\\s_-])]").remove();
    for (Element el : doc.select("header, footer")) {
      if (el.closest("article, main") == null) {
        el.remove();
      }
    }
    CommentThreads.remove(doc);
    ContentExtractor.Extraction body = extractor.extract(doc, stated.articleBody());
    if (body.method() == ContentExtractor.Method.NONE) {
      throw IngestException.skipped(NO_TEXT);
    }
    // The container and the stated body are the article's own block: a "Related" line inside
    // them is a label (its list of links is gone already), not the end of the story. The broad
    // extraction gathers prose from the whole page, so there a marker still ends the article.
    boolean isolated = body.method() != ContentExtractor.Method.BROAD;
    return List.of(new RawPage.Page(0, ArticleReader.lines(body.text()), stated.hints(), isolated));
  }
}
