package dev.corpus.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one article object per line, with its text in {@code text}, {@code body} or
 * {@code content}, and optional {@code title}, {@code date}, {@code source}, {@code url}, {@code
 * id}, {@code author}. A line that is not such an object is reported as a {@link
 * RawPage.Broken} record; the other lines are still read. Blank lines are ignored.
 */
public final class JsonLinesReader implements ArticleReader {

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public String format() {
    return "jsonl";
  }

  @Override
  public List<RawPage> read(String text) {
    List<RawPage> pages = new ArrayList<>();
    List<String> lines = ArticleReader.lines(text);
    RecordIds ids = new RecordIds();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty()) {
        pages.add(ids.check(record(i + 1, line)));
      }
    }
    return pages;
  }

  /**
   * The ids seen so far in one file. A record's id names its article ({@code DocumentIds.of(path,
   * id)}): a second record with the same id would be a second article under one id, so it is
   * reported instead of indexed.
   */
  static final class RecordIds {
    private final Map<String, Integer> firstLine = new HashMap<>();

    RawPage check(RawPage page) {
      if (page instanceof RawPage.Page p && p.hints().recordId() != null) {
        Integer first = firstLine.putIfAbsent(p.hints().recordId(), p.record());
        if (first != null) {
          return new RawPage.Broken(p.record(), "line " + p.record() + ": duplicate id '" + p.hints().recordId()
              + "' (first used on line " + first + "); this record is not indexed");
        }
      }
      return page;
    }
  }

  RawPage record(int lineNumber, String line) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JacksonException e) {
      return new RawPage.Broken(lineNumber, "line " + lineNumber + ": invalid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return new RawPage.Broken(lineNumber, "line " + lineNumber + ": not a JSON object");
    }
    String body = MetadataFields.first(node, "text", "body", "content", "article");
    if (body == null) {
      return new RawPage.Broken(lineNumber, "line " + lineNumber + ": no \"text\", \"body\" or \"content\" field");
    }
    PageHints hints =
        new PageHints(
            MetadataFields.first(node, "title", "headline"),
            MetadataFields.first(node, "source", "publisher", "outlet", "site"),
            MetadataFields.first(node, "author", "authors", "byline"),
            MetadataFields.first(node, "date", "published", "pubdate", "published_at", "datePublished"),
            MetadataFields.first(node, "url", "link"),
            MetadataFields.first(node, "id", "guid", "uuid"));
    return new RawPage.Page(lineNumber, ArticleReader.lines(body), hints);
  }
}
