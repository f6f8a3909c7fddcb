package dev.corpus.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable document ids: the first 16 hex digits of the SHA-256 of the file's absolute, normalised
 * path; for a record of a JSON Lines file, of {@code path + "#" + key}, where the key is the
 * record's own {@code id} field when it has one, else its line number. An id stays the same
 * across re-indexing and content edits, and changes only when the file moves.
 */
public final class DocumentIds {

  private DocumentIds() {}

  /** Id of a single-article file. */
  public static String of(String absolutePath) {
    return hex16(absolutePath);
  }

  /** Id of one record in a multi-article file. */
  public static String of(String absolutePath, String recordKey) {
    return hex16(absolutePath + "#" + recordKey);
  }

  /** Hex SHA-256 of bytes, used as the content hash that detects changed files. */
  public static String contentHash(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** {@link #contentHash(byte[])} of a stream's bytes, read in small blocks. */
  public static String contentHash(java.io.InputStream in) throws java.io.IOException {
    MessageDigest digest = sha256();
    byte[] block = new byte[1 << 16];
    for (int n; (n = in.read(block)) > 0; ) {
      digest.update(block, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String hex16(String text) {
    byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
