package dev.corpus.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a page states about itself, most explicit first: schema.org JSON-LD ({@code NewsArticle},
 * {@code Article}, {@code BlogPosting} …: {@code headline}, {@code articleBody}, {@code
 * datePublished}, {@code author}, {@code publisher}), then Open Graph and {@code article:*} meta,
 * other meta names, {@code <time datetime>} and {@code itemprop} attributes. The outlet falls back
 * to the host of the page's own URL ({@code <link rel=canonical>}, {@code og:url}); a byline from
 * the markup is taken only when it looks like names, not a share or subscribe line.
 *
 * <p>Instances are immutable and thread-safe.
 */
final class PageMetadata {

  /** The hints and, when the page states it, the article's text. */
  record Stated(PageHints hints, String articleBody) {}

  private static final Pattern ARTICLE_TYPE =
      Pattern.compile("(?i).*(Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$");
  private static final Pattern NOT_A_BYLINE =
      Pattern.compile("(?i).*\\b(subscribe|sign in|sign up|log in|login|share|follow|newsletter|menu|comments?|read more|e-?mail)\\b.*");
  /** JavaScript's {@code Date.toString()}: "Tue Nov 19 2019 05:44:06 GMT+0000 (Coordinated Universal Time)". */
  private static final Pattern JS_DATE =
      Pattern.compile("^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\w*,? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\w* (\\d{1,2}),? (\\d{4}),? "
          + "(\\d{2}):(\\d{2})(?::(\\d{2}))? (?:GMT|UTC)([+-])(\\d{2}):?(\\d{2})(?:\\s*\\(.*\\))?$");
  /** An ISO date-time whose offset lacks its colon ("+0000"), as many CMSs print it. */
  private static final Pattern ISO_COMPACT_OFFSET =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([+-]\\d{2})(\\d{2})$");
  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private final ObjectMapper json =
      JsonMapper.builder(new JsonFactory())
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
              JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();

  /** Reads {@code doc}'s metadata; call before any element is removed from it. */
  Stated read(Document doc) {
    JsonNode ld = articleObject(doc);
    Map<String, String> metas = metas(doc);
    String siteName = firstNonBlank(
        text(ld == null ? null : ld.path("publisher")),
        meta(metas, "og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"));
    if (siteName != null && siteName.startsWith("@")) {
      siteName = null; // a Twitter handle is not the outlet's name
    }
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    String url = firstNonBlank(
        canonical != null ? canonical.attr("abs:href").isBlank() ? canonical.attr("href") : canonical.attr("abs:href") : null,
        meta(metas, "og:url"), ld == null ? null : text(ld.path("url")));
    if (siteName == null) {
      siteName = host(url);
    }

    String title = firstNonBlank(ld == null ? null : text(ld.path("headline")), meta(metas, "og:title", "twitter:title", "dc.title"));
    if (title == null) {
      Element h1 = doc.selectFirst("article h1, main h1, h1");
      title = h1 != null ? h1.text() : null;
    }
    if (title == null && !doc.title().isBlank()) {
      title = doc.title();
    }
    if (title != null && siteName != null) {
      title = title.replaceFirst("\\s*[|\\-–—:]\\s*" + Pattern.quote(siteName) + "\\s*$", "");
    }

    String author = ld == null ? null : names(ld.path("author"));
    if (author == null) {
      author = meta(metas, "author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author");
    }
    if (author == null) {
      Element by = doc.selectFirst("[itemprop=author], [rel=author], .byline, .author");
      author = by != null ? by.text().replaceFirst("(?i)^by\\s+", "") : null;
    }
    if (author != null && (author.startsWith("http") || author.length() > 100 || NOT_A_BYLINE.matcher(author).matches())) {
      author = null;
    }

    String published = firstNonBlank(ld == null ? null : text(ld.path("datePublished")),
        meta(metas, "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
            "sailthru.date", "parsely-pub-date"));
    if (published == null) {
      Element time = doc.selectFirst("article time[datetime], time[pubdate], time[datetime]");
      published = time != null ? time.attr("datetime") : null;
    }
    if (published == null) {
      Element itemprop = doc.selectFirst("[itemprop=datePublished]");
      published = itemprop != null ? firstNonBlank(itemprop.attr("content"), itemprop.attr("datetime"), itemprop.text()) : null;
    }
    String body = ld == null ? null : text(ld.path("articleBody"));
    if (body != null && (body.contains("</p>") || body.contains("<br"))) {
      body = HtmlText.of(Jsoup.parseBodyFragment(body).body());
    }
    return new Stated(
        new PageHints(blankToNull(title), blankToNull(siteName), blankToNull(author), blankToNull(isoDate(published)),
            blankToNull(url), null),
        blankToNull(body));
  }

  /**
   * A publication date a parser of printed and ISO dates can read: JavaScript's {@code
   * Date.toString()} and ISO offsets without a colon are rewritten as ISO 8601; anything else is
   * returned as it is.
   */
  static String isoDate(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    Matcher js = JS_DATE.matcher(s);
    if (js.matches()) {
      int month = MONTHS.indexOf(js.group(1)) + 1;
      return String.format(Locale.ROOT, "%s-%02d-%02dT%s:%s:%s%s%s:%s", js.group(3), month, Integer.parseInt(js.group(2)),
          js.group(4), js.group(5), js.group(6) == null ? "00" : js.group(6), js.group(7), js.group(8), js.group(9));
    }
    Matcher compact = ISO_COMPACT_OFFSET.matcher(s);
    if (compact.matches()) {
      return compact.group(1).replace(' ', 'T') + compact.group(2) + ":" + compact.group(3);
    }
    return s;
  }

  /** The first JSON-LD object of an article type, searched through arrays and {@code @graph}. */
  private JsonNode articleObject(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = json.readTree(script.data());
      } catch (Exception e) {
        continue; // a broken block of JSON-LD says nothing
      }
      JsonNode found = find(root, 0);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static JsonNode find(JsonNode node, int depth) {
    if (node == null || depth > 6) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        JsonNode f = find(n, depth + 1);
        if (f != null) {
          return f;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    JsonNode type = node.get("@type");
    if (type != null) {
      for (JsonNode t : type.isArray() ? type : List.of(type)) {
        if (t.isTextual() && ARTICLE_TYPE.matcher(t.asText()).matches()) {
          return node;
        }
      }
    }
    JsonNode graph = find(node.get("@graph"), depth + 1);
    return graph != null ? graph : find(node.get("mainEntity"), depth + 1);
  }

  /** A string value, or an object's {@code name}, HTML entities decoded; null when absent. */
  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.isEmpty() ? null : text(node.get(0));
    }
    if (node.isObject()) {
      return text(node.has("name") ? node.get("name") : node.get("@id"));
    }
    String s = Parser.unescapeEntities(node.asText(), false).strip();
    return s.isEmpty() ? null : s;
  }

  /** Authors' names: a string, a Person, or a list of either, joined with commas. */
  private static String names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (JsonNode n : node.isArray() ? node : List.of(node)) {
      String name = n.isObject() ? text(n.get("name")) : text(n);
      if (name != null && !name.startsWith("http") && !names.contains(name)) {
        names.add(name);
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\d?\\.", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The first non-blank content of each meta property, name or itemprop, keyed in lower case. */
  private static Map<String, String> metas(Document doc) {
    Map<String, String> metas = new HashMap<>();
    for (Element m : doc.select("meta[content]")) {
      String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"));
      if (key != null && !m.attr("content").isBlank()) {
        metas.putIfAbsent(key.toLowerCase(Locale.ROOT), m.attr("content").strip());
      }
    }
    return metas;
  }

  private static String meta(Map<String, String> metas, String... names) {
    for (String name : names) {
      String value = metas.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
