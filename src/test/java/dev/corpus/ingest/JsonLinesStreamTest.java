package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Lines read record by record: the same articles and reasons as the whole-file reader. */
class JsonLinesStreamTest {

  private final Ingestor ingestor = new Ingestor();

  private List<String> read(byte[] bytes, long limit) throws Exception {
    List<String> out = new ArrayList<>();
    try (JsonLinesStream s = ingestor.jsonLines("/c/feed.jsonl", "/c/feed.jsonl", new ByteArrayInputStream(bytes), limit)) {
      for (var r = s.next(); r != null; r = s.next()) {
        out.add(switch (r) {
          case JsonLinesStream.Read read -> "article " + read.article().id() + " " + read.article().title() + " [" + read.article().encoding() + "]";
          case JsonLinesStream.Broken b -> "broken " + b.reason();
        });
      }
    }
    return out;
  }

  @Test
  void recordsBrokenLinesAndDuplicateIdsAsTheWholeFileReaderSeesThem() throws Exception {
    String feed = String.join("\n",
        "{\"id\":\"k1\",\"title\":\"Canal reopens\",\"text\":\"Barges moved again on the canal on Tuesday.\"}",
        "",
        "not json",
        "{\"title\":\"Orchard harvest\",\"body\":\"Growers picked early this year after a warm spring.\"}",
        "{\"id\":\"k1\",\"title\":\"Canal again\",\"text\":\"A second record with the first one's id.\"}",
        "{\"title\":\"Only a title\"}");
    List<String> got = read(feed.getBytes(StandardCharsets.UTF_8), 1 << 20);
    assertEquals(List.of(
        "article " + DocumentIds.of("/c/feed.jsonl", "k1") + " Canal reopens [UTF-8]",
        "broken line 3: invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        "article " + DocumentIds.of("/c/feed.jsonl", "4") + " Orchard harvest [UTF-8]",
        "broken line 5: duplicate id 'k1' (first used on line 1); this record is not indexed",
        "broken line 6: no \"text\", \"body\" or \"content\" field"), got);
    // The whole-file reader gives the same articles and reasons.
    var whole = ingestor.ingest("/c/feed.jsonl", feed.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, whole.articles().size());
    assertEquals(List.of(got.get(1).substring(7), got.get(3).substring(7), got.get(4).substring(7)), whole.brokenRecords());
  }

  @Test
  void aRecordOverTheLimitIsReportedAndTheNextOneStillRead() throws Exception {
    String big = "{\"title\":\"Long\",\"text\":\"" + "word ".repeat(400) + "\"}";
    String feed = big + "\n{\"title\":\"Short\",\"text\":\"A short record after a long one.\"}\n";
    List<String> got = read(feed.getBytes(StandardCharsets.UTF_8), 500);
    assertEquals(2, got.size(), got.toString());
    assertEquals("broken line 1: record over the 0.0 MB limit (raise --max-file-size)", got.get(0));
    assertTrue(got.get(1).contains(" Short [UTF-8]"), got.get(1));
  }

  @Test
  void eachLineIsDecodedOnItsOwnAfterAByteOrderMark() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write("{\"title\":\"Caf\u00e9 opens\",\"text\":\"A caf\u00e9 opened by the river.\"}\r\n".getBytes(StandardCharsets.UTF_8));
    bytes.write("{\"title\":\"Na\u00efve plan\",\"text\":\"Critics called the plan na\u00efve.\"}\n".getBytes(Charset.forName("windows-1252")));
    List<String> got = read(bytes.toByteArray(), 1 << 20);
    assertTrue(got.get(0).endsWith(" Caf\u00e9 opens [UTF-8]"), got.toString());
    assertTrue(got.get(1).endsWith(" Na\u00efve plan [windows-1252]"), got.toString());
  }

  @Test
  void binaryAndUtf16FilesFailAsAWhole() {
    assertThrows(IngestException.class, () -> read(new byte[] {'{', 0, 0, '}'}, 1 << 20));
    assertThrows(IngestException.class, () -> read(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0}, 1 << 20));
  }

  @Test
  void theStreamReadsAsManyRecordsAsTheFileHoldsWithoutANewlineAtTheEnd() throws IOException, Exception {
    StringBuilder feed = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      feed.append("{\"id\":\"n").append(i).append("\",\"text\":\"Report number ").append(i).append(" on the harbour.\"}\n");
    }
    feed.setLength(feed.length() - 1);
    assertEquals(3000, read(feed.toString().getBytes(StandardCharsets.UTF_8), 1 << 20).size());
  }
}
