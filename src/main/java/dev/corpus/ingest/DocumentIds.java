package dev.corpus.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable document ids: the first 16 hex digits of the SHA-256 of the file's <em>corpus path</em>;
 * for a record of a JSON Lines file, of {@code corpusPath + "#" + key}, where the key is the
 * record's own {@code id} field when it has one, else its line number.
 *
 * <p>The corpus path is the file's path from the folder that holds what was indexed: indexing
 * {@code samples} gives {@code samples/web/html/a.html}, wherever {@code samples} lies and
 * whichever machine or checkout indexes it; a file given on its own is its file name. So an id
 * stays the same across re-indexing, content edits, moving the corpus folder and other machines,
 * and changes only when the file moves within the corpus. Separators are always {@code /}.
 */
public final class DocumentIds {

  private DocumentIds() {}

  /** Id of a single-article file, from its corpus path. */
  public static String of(String corpusPath) {
    return hex16(corpusPath);
  }

  /** Id of one record in a multi-article file. */
  public static String of(String corpusPath, String recordKey) {
    return hex16(corpusPath + "#" + recordKey);
  }

  /**
   * The corpus path of {@code file} found under {@code root} (a folder or the file itself): the
   * root folder's name and the path below it, or the file's name when the file is the root.
   */
  public static String corpusPath(java.nio.file.Path root, java.nio.file.Path file) {
    if (root.equals(file)) {
      return String.valueOf(file.getFileName());
    }
    String below = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    return root.getFileName() == null ? below : root.getFileName() + "/" + below;
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
