package dev.corpus.ingest;

import dev.corpus.model.Article;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * A JSON Lines file read one record at a time, so that memory follows the largest record, not the
 * file: a 200 MB feed never sits in memory whole. Records are read as {@link JsonLinesReader}
 * reads them (the same fields, the same reasons for broken lines, duplicate ids reported); each
 * line is decoded on its own, as strict UTF-8 (what RFC 8259 asks of JSON) and, failing that, as
 * Windows-1252. A line longer than the record limit is reported and skipped without being held.
 */
public final class JsonLinesStream implements Closeable {

  /** One record: an article, or why the line is not one. */
  public sealed interface Record {}

  /** A record that became an article. */
  public record Read(Article article) implements Record {}

  /** A line that is not an article, with a reason naming its line number. */
  public record Broken(String reason) implements Record {}

  private static final int SNIFF_BYTES = 8192;

  private final String path;
  private final String corpusPath;
  private final InputStream in;
  private final long maxRecordBytes;
  private final Ingestor ingestor;
  private final JsonLinesReader reader = new JsonLinesReader();
  private final JsonLinesReader.RecordIds ids = new JsonLinesReader.RecordIds();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int lineNumber;
  private boolean ended;

  JsonLinesStream(String absolutePath, String corpusPath, InputStream in, long maxRecordBytes, Ingestor ingestor)
      throws IngestException, IOException {
    this.path = absolutePath;
    this.corpusPath = corpusPath;
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    this.maxRecordBytes = maxRecordBytes;
    this.ingestor = ingestor;
    this.in.mark(SNIFF_BYTES);
    byte[] head = this.in.readNBytes(SNIFF_BYTES);
    this.in.reset();
    if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      throw IngestException.failed("JSON Lines in UTF-16 are not read; save the file as UTF-8");
    }
    int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    String binary = TextDecoder.binaryReason(Arrays.copyOfRange(head, start, head.length));
    if (binary != null) {
      throw IngestException.failed(binary);
    }
    this.in.skipNBytes(start);
  }

  /** The next record, or null at the end of the file. Blank lines are passed over. */
  public Record next() throws IOException {
    while (!ended) {
      boolean tooLong = readLine();
      lineNumber++;
      if (tooLong) {
        return new Broken(String.format(Locale.ROOT, "line %d: record over the %.1f MB limit (raise --max-file-size)",
            lineNumber, maxRecordBytes / 1e6));
      }
      if (ended && line.size() == 0) {
        return null;
      }
      String text = decode(line.toByteArray()).strip();
      if (text.isEmpty()) {
        continue;
      }
      RawPage page = ids.check(reader.record(lineNumber, text));
      switch (page) {
        case RawPage.Broken b -> {
          return new Broken(b.reason());
        }
        case RawPage.Page p -> {
          Article article = ingestor.article(path, corpusPath, reader.format(), encoding, p);
          if (article == null) {
            return new Broken("line " + lineNumber + ": no article text");
          }
          return new Read(article);
        }
      }
    }
    return null;
  }

  private String encoding = "UTF-8";

  private final byte[] block = new byte[1 << 16];
  private int blockStart;
  private int blockEnd;

  /** Reads up to the next newline into {@link #line}; true when the line was over the limit. */
  private boolean readLine() throws IOException {
    line.reset();
    boolean tooLong = false;
    while (true) {
      if (blockStart == blockEnd) {
        blockEnd = in.read(block, 0, block.length);
        blockStart = 0;
        if (blockEnd <= 0) {
          blockEnd = 0;
          ended = true;
          return tooLong;
        }
      }
      int newline = blockStart;
      while (newline < blockEnd && block[newline] != '\n') {
        newline++;
      }
      int n = newline - blockStart;
      if (!tooLong && line.size() + (long) n > maxRecordBytes) {
        tooLong = true; // keep reading to the newline, holding nothing
        line.reset();
      }
      if (!tooLong) {
        line.write(block, blockStart, n);
      }
      blockStart = newline;
      if (newline < blockEnd) {
        blockStart++; // past the newline
        return tooLong;
      }
    }
  }

  private String decode(byte[] bytes) {
    TextDecoder.Decoded decoded = TextDecoder.utf8OrWindows1252(bytes);
    encoding = decoded.encoding();
    return decoded.text();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
