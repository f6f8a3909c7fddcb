package dev.corpus.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the reader for a file: by extension, and for unknown extensions by sniffing the
 * content (HTML if it starts like a page, else plain text if it is text at all).
 */
public final class Formats {

  private static final Set<String> BINARY =
      Set.of(
          "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ppt", "pptx", "png", "jpg", "jpeg", "gif",
          "webp", "bmp", "tif", "tiff", "ico", "svg", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar",
          "jar", "class", "exe", "dll", "so", "o", "a", "bin", "iso", "mp3", "mp4", "m4a", "wav", "ogg",
          "mov", "avi", "mkv", "woff", "woff2", "ttf", "otf", "db", "sqlite", "parquet");

  private final ArticleReader text = new PlainTextReader();
  private final ArticleReader markdown = new MarkdownReader();
  private final ArticleReader html = new HtmlReader();
  private final ArticleReader jsonl = new JsonLinesReader();
  private final Map<String, ArticleReader> byExtension =
      Map.ofEntries(
          Map.entry("txt", text), Map.entry("text", text),
          Map.entry("md", markdown), Map.entry("markdown", markdown),
          Map.entry("html", html), Map.entry("htm", html), Map.entry("xhtml", html),
          Map.entry("jsonl", jsonl), Map.entry("ndjson", jsonl));

  /** The reader registered for the extension of {@code fileName}, if any. */
  public Optional<ArticleReader> byName(String fileName) {
    return Optional.ofNullable(byExtension.get(extension(fileName)));
  }

  /** True when the extension names a binary format that is never read. */
  public boolean isKnownBinary(String fileName) {
    return BINARY.contains(extension(fileName));
  }

  /** Reader for text whose extension told nothing: HTML when it looks like a page. */
  public ArticleReader sniff(byte[] head) {
    String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<body")) {
      return html;
    }
    return text;
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
