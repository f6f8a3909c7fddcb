package dev.corpus.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML pages, parsed with jsoup. Metadata is what the page states about itself ({@link
 * PageMetadata}: JSON-LD, Open Graph and other meta tags, {@code <time datetime>}). The body is
 * found by {@link ContentExtractor} from the shape of the text (where the prose is, how many of
 * its characters are links), after what can never be article text is removed: scripts, styles,
 * forms' controls, navigation, asides, elements hidden by an attribute or their own style, figures
 * and captions, readers' comment threads ({@link CommentThreads}), and headers and footers outside
 * an {@code <article>} or {@code <main>}. A page with no article text at all (only navigation and
 * furniture) is skipped with the reason "no article text found", never indexed empty.
 */
public final class HtmlReader implements ArticleReader {

  /** The reason given for a page with no article text. */
  public static final String NO_TEXT = "no article text found";

  private final PageMetadata metadata = new PageMetadata();
  private final ContentExtractor extractor = new ContentExtractor();

  private static final Pattern HIDDEN = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  /**
   * Removes, in one pass over the page, what a reader never reads as the story. Elements hidden by
   * their own style, as Readability.js reads them: often a copy of the article as microdata for
   * search engines, which doubled the body when it stood beside the article. Captions: a caption
   * describes a picture, not the story; figures and galleries carry only captions. Blocks classed
   * as captions (the word "caption" in the class) count too: caption sentences have commas and
   * length, so a gallery of them inside the container read as prose.
   */
  private static void removeHiddenAndCaptions(Document doc) {
    List<Element> unread = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      String name = e.normalName();
      String style = e.attr("style");
      if (name.equals("figure") || name.equals("figcaption") || name.equals("picture") || e.attr("itemprop").equals("caption")
          || hasWord(e.className(), "caption") || !style.isEmpty() && HIDDEN.matcher(style).find()) {
        unread.add(e);
      }
    }
    for (Element e : unread) {
      e.remove(); // one inside another already removed is simply detached again from its parent
    }
  }

  /** {@code word} (lower case) in {@code classes}, any case, between start, end, space, '-' or '_'. */
  static boolean hasWord(String classes, String word) {
    int n = word.length();
    char first = word.charAt(0);
    for (int i = 0; i + n <= classes.length(); i++) {
      if (Character.toLowerCase(classes.charAt(i)) == first && classes.regionMatches(true, i, word, 0, n) && (i == 0 || isSeparator(classes.charAt(i - 1)))
          && (i + n == classes.length() || isSeparator(classes.charAt(i + n)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '_' || Character.isWhitespace(c);
  }

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
    removeHiddenAndCaptions(doc);
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
