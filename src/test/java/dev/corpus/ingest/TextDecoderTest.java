package dev.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

  private final TextDecoder decoder = new TextDecoder();

  @Test
  void utf8WithoutBom() throws Exception {
    var d = decoder.decode("Choe Son Hui — “quoted”".getBytes(StandardCharsets.UTF_8));
    assertEquals("Choe Son Hui — “quoted”", d.text());
    assertEquals("UTF-8", d.encoding());
  }

  @Test
  void utf8BomIsDropped() throws Exception {
    byte[] text = "Seoul".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    assertEquals("Seoul", decoder.decode(withBom).text());
  }

  @Test
  void utf16WithBomBothOrders() throws Exception {
    assertEquals("Pyongyang é", decoder.decode("\uFEFFPyongyang é".getBytes(StandardCharsets.UTF_16LE)).text());
    assertEquals("Pyongyang é", decoder.decode("\uFEFFPyongyang é".getBytes(StandardCharsets.UTF_16BE)).text());
  }

  @Test
  void invalidUtf8FallsBackToWindows1252() throws Exception {
    byte[] cp1252 = "Café “Lavrov” – talks".getBytes(Charset.forName("windows-1252"));
    var d = decoder.decode(cp1252);
    assertEquals("Café “Lavrov” – talks", d.text());
    assertEquals("windows-1252", d.encoding());
  }

  @Test
  void nulBytesAreBinary() {
    byte[] bytes = {'P', 'K', 3, 4, 0, 0, 'x'};
    IngestException e = assertThrows(IngestException.class, () -> decoder.decode(bytes));
    assertEquals(IngestException.Outcome.FAILED, e.outcome());
    assertTrue(e.getMessage().startsWith("binary content"), e.getMessage());
  }

  @Test
  void manyControlBytesAreBinary() {
    byte[] bytes = new byte[100];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 2 == 0 ? 'a' : 1);
    }
    assertThrows(IngestException.class, () -> decoder.decode(bytes));
  }
}
