package dev.corpus.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file bytes into text, or refuses them as binary.
 *
 * <p>Order of decisions: a byte-order mark wins (UTF-8, UTF-16 LE/BE); otherwise bytes that look
 * binary (NUL bytes, many control characters) are refused; otherwise strict UTF-8; and when that
 * fails, Windows-1252, the encoding of most legacy Western web pages and Word exports, which
 * decodes any byte sequence without loss of the printable text.
 */
public final class TextDecoder {

  /** Decoded text and the name of the encoding used. */
  public record Decoded(String text, String encoding) {}

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** How much of the start of a file is examined for binary content. */
  private static final int SNIFF_BYTES = 8192;

  /**
   * Decodes {@code bytes}.
   *
   * @throws IngestException (failed) when the bytes are binary
   */
  public Decoded decode(byte[] bytes) throws IngestException {
    int n = bytes.length;
    if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (BOM)"), "UTF-8");
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE (BOM)"), "UTF-16LE");
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE (BOM)"), "UTF-16BE");
    }
    String binary = binaryReason(bytes);
    if (binary != null) {
      throw IngestException.failed(binary);
    }
    return utf8OrWindows1252(bytes);
  }

  /** Strict UTF-8, and when the bytes are not UTF-8, Windows-1252 (which decodes any bytes). */
  static Decoded utf8OrWindows1252(byte[] bytes) {
    try {
      return new Decoded(decodeStrict(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
    }
  }

  /** True when the first bytes look like text: no NUL, few control characters. */
  public boolean looksLikeText(byte[] bytes) {
    return binaryReason(bytes) == null;
  }

  static String binaryReason(byte[] bytes) {
    int limit = Math.min(bytes.length, SNIFF_BYTES);
    int controls = 0;
    for (int i = 0; i < limit; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return "binary content (NUL byte at offset " + i + ")";
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
        controls++;
      }
    }
    // A few stray control bytes occur in real saved pages; a tenth of the text does not.
    if (limit > 0 && controls * 10 > limit) {
      return "binary content (" + controls + " control bytes in the first " + limit + ")";
    }
    return null;
  }

  private static String strict(byte[] bytes, int offset, Charset charset, String label)
      throws IngestException {
    try {
      return decodeStrict(bytes, offset, charset);
    } catch (CharacterCodingException e) {
      throw IngestException.failed("invalid " + label + " text");
    }
  }

  private static String decodeStrict(byte[] bytes, int offset, Charset charset)
      throws CharacterCodingException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
    return chars.toString();
  }
}
