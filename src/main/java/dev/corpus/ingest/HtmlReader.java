package dev.corpus.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML pages, parsed with jsoup. Metadata comes from Open Graph, {@code article:*}, schema.org
 * and Dublin Core tags. The body is the page's {@code <article>}, {@code <main>} or {@code
 * itemprop=articleBody} element, or failing those the element holding the most paragraph text;
 * navigation, headers and footers outside it, asides, forms, scripts and elements whose class or
 * id says share/related/cookie/newsletter/advert are removed before the text is taken.
 */
public final class HtmlReader implements ArticleReader {

  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)(^|[\\s_-])(cookie|consent|banner|share|sharing|social|related|newsletter|subscribe|promo"
              + "|advert|ads?|sidebar|breadcrumbs?|comments?|menu|navbar|nav|masthead|popup|modal|footer"
              + "|signup|paywall|trending|recommended|toolbar|tags?|tag-list|keywords|topics)($|[\\s_-])");

  @Override
  public String format() {
    return "html";
  }

  @Override
  public List<RawPage> read(String text) {
    Document doc = Jsoup.parse(text);
    PageHints hints = hints(doc);
    doc.select("script, style, noscript, template, iframe, svg, form, button, select, input, aside, nav, "
            + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]")
        .remove();
    for (Element el : doc.select("header, footer")) {
      if (el.closest("article, main") == null) {
        el.remove();
      }
    }
    for (Element el : new ArrayList<>(doc.body().getAllElements())) {
      if (el != doc.body() && el.parent() != null && !el.tagName().matches("article|main|html|body")
          && (FURNITURE.matcher(el.className()).find() || FURNITURE.matcher(el.id()).find())) {
        el.remove();
      }
    }
    Element root = contentRoot(doc);
    return List.of(new RawPage.Page(0, ArticleReader.lines(blockText(root)), hints));
  }

  private static PageHints hints(Document doc) {
    String siteName = meta(doc, "og:site_name", "application-name", "publisher", "dc.publisher");
    String title = meta(doc, "og:title", "twitter:title", "dc.title");
    if (title == null) {
      Element h1 = doc.selectFirst("article h1, main h1, h1");
      title = h1 != null ? h1.text() : null;
    }
    if (title == null && !doc.title().isBlank()) {
      title = doc.title();
      if (siteName != null) {
        title = title.replaceFirst("\\s*[|\\-–—:]\\s*" + Pattern.quote(siteName) + "\\s*$", "");
      }
    }
    String author = meta(doc, "author", "article:author", "dc.creator", "byl", "parsely-author");
    if (author != null && author.startsWith("http")) {
      author = null;
    }
    if (author == null) {
      Element by = doc.selectFirst("[itemprop=author], [rel=author], .byline, .author");
      author = by != null && !by.text().isBlank() ? by.text().replaceFirst("(?i)^by\\s+", "") : null;
    }
    String published =
        meta(doc, "article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "sailthru.date");
    if (published == null) {
      Element time = doc.selectFirst("article time[datetime], time[pubdate], time[datetime]");
      published = time != null ? time.attr("datetime") : null;
    }
    if (published == null) {
      Element itemprop = doc.selectFirst("[itemprop=datePublished]");
      published = itemprop != null ? firstNonBlank(itemprop.attr("content"), itemprop.attr("datetime"), itemprop.text()) : null;
    }
    Element canonical = doc.selectFirst("link[rel=canonical]");
    String url = canonical != null ? canonical.attr("href") : meta(doc, "og:url");
    return new PageHints(blankToNull(title), siteName, blankToNull(author), blankToNull(published), blankToNull(url), null);
  }

  private static String meta(Document doc, String... names) {
    for (String name : names) {
      for (Element m : doc.select("meta")) {
        String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"));
        if (key != null && key.equalsIgnoreCase(name) && !m.attr("content").isBlank()) {
          return m.attr("content").strip();
        }
      }
    }
    return null;
  }

  /** The element that holds the article: a semantic container, else the densest in paragraphs. */
  private static Element contentRoot(Document doc) {
    Element best = null;
    for (Element candidate : doc.select("[itemprop=articleBody], article, main")) {
      if (best == null || candidate.text().length() > best.text().length() * 1.5) {
        best = candidate;
      }
      if (candidate.hasAttr("itemprop")) {
        break;
      }
    }
    if (best != null && !best.text().isBlank()) {
      return best;
    }
    Map<Element, Integer> score = new HashMap<>();
    Elements paragraphs = doc.select("p");
    for (Element p : paragraphs) {
      int length = p.text().length();
      Element parent = p.parent();
      if (parent == null) {
        continue;
      }
      score.merge(parent, length, Integer::sum);
      if (parent.parent() != null) {
        score.merge(parent.parent(), length / 2, Integer::sum);
      }
    }
    return score.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(doc.body());
  }

  /** Text of {@code root} with a line break around every block element and at each br. */
  private static String blockText(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              out.append(t.text());
            } else if (node instanceof Element e) {
              if (e.tagName().equals("br")) {
                out.append('\n');
              } else if (e.isBlock()) {
                out.append("\n\n");
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
              out.append("\n\n");
            }
          }
        },
        root);
    List<String> lines = new ArrayList<>();
    for (String line : ArticleReader.lines(out.toString())) {
      lines.add(line.replace('\u00A0', ' ').replaceAll("[ \\t]+", " ").strip());
    }
    return String.join("\n", lines).replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
