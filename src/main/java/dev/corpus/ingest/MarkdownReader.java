package dev.corpus.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown articles, with optional YAML front matter ({@code title}, {@code date}, {@code
 * source}, {@code author}, {@code url} and common synonyms). Markup is reduced to its text: link
 * text stays, images and rules go, heading and list markers are dropped.
 */
public final class MarkdownReader implements ArticleReader {

  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A\\s*---\\s*\\R(.*?)\\R---\\s*(?:\\R|\\z)", Pattern.DOTALL);
  // An inline span stops at the next opener of its own kind (no "[" in link text, no "(" in an
  // address, no "**" inside bold, no "<" in a tag): with ".*" or "[^]]*", every opener without a
  // closer scanned to the end of its line, quadratic on a long line of them.
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\[\\]]*]\\([^()]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]+)]\\([^()]*\\)");
  private static final Pattern REF_LINK = Pattern.compile("\\[([^\\[\\]]+)]\\[[^\\[\\]]*]");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)((?:(?!\\1).)+?)(?<=\\S)\\1");
  private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?=\\S)((?:(?!\\1).)+?)(?<=\\S)\\1(?![\\w*])");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
  private static final Pattern RULE = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
  private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s*\\[[^\\]]+]:\\s+\\S+.*$");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public List<RawPage> read(String text) throws IngestException {
    PageHints hints = PageHints.NONE;
    Matcher fm = FRONT_MATTER.matcher(text);
    if (fm.find()) {
      hints = frontMatter(fm.group(1));
      text = text.substring(fm.end());
    }
    List<String> lines = new ArrayList<>();
    boolean inFence = false;
    for (String line : HardWraps.unwrap(ArticleReader.lines(text))) {
      if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
        inFence = !inFence;
        lines.add("");
        continue;
      }
      lines.add(inFence ? line : plain(line));
    }
    return List.of(new RawPage.Page(0, lines, hints));
  }

  private static String plain(String line) {
    if (RULE.matcher(line).matches() || LINK_DEFINITION.matcher(line).matches()) {
      return "";
    }
    String s = line;
    Matcher heading = HEADING.matcher(s);
    if (heading.matches()) {
      s = heading.group(1);
    }
    s = s.replaceFirst("^\\s*(>\\s?)+", "");
    s = LIST_ITEM.matcher(s).replaceFirst("");
    s = IMAGE.matcher(s).replaceAll("");
    s = LINK.matcher(s).replaceAll("$1");
    s = REF_LINK.matcher(s).replaceAll("$1");
    s = HTML_TAG.matcher(s).replaceAll("");
    s = STRONG.matcher(s).replaceAll("$2");
    s = EMPHASIS.matcher(s).replaceAll("$2");
    s = s.replace("\\*", "*").replace("\\_", "_");
    return s.strip();
  }

  private PageHints frontMatter(String block) throws IngestException {
    JsonNode node;
    try {
      node = yaml.readTree(block);
    } catch (JacksonException e) {
      throw IngestException.failed("invalid YAML front matter: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return PageHints.NONE;
    }
    return new PageHints(
        MetadataFields.first(node, "title", "headline"),
        MetadataFields.first(node, "source", "publisher", "outlet", "site", "site_name"),
        MetadataFields.first(node, "author", "authors", "byline", "by"),
        MetadataFields.first(node, "date", "published", "pubdate", "publishDate", "published_at", "datePublished"),
        MetadataFields.first(node, "url", "link", "canonical", "permalink"),
        MetadataFields.first(node, "id"));
  }
}
