package dev.corpus.index;

/**
 * What the index remembers of a file to tell whether it changed: size and modification time
 * (checked first, without reading the file), a 64-bit prefix of the content's SHA-256 (checked
 * when the stat differs, so a touched but unchanged file is not re-processed), and whether its
 * articles went through the extraction pipeline ({@code corpus index --no-extract} skips it; the
 * next run with extraction processes such files again even when unchanged).
 */
public record FileStamp(long size, long modifiedMillis, long contentHash64, boolean extracted) {

  /** The first 16 hex digits of a SHA-256 hex string as a long. */
  public static long hash64(String sha256Hex) {
    return Long.parseUnsignedLong(sha256Hex.substring(0, 16), 16);
  }
}
