package dev.corpus.index;

/**
 * What the index remembers of a file to tell whether it changed: size and modification time
 * (checked first, without reading the file), a 64-bit prefix of the content's SHA-256 (checked
 * when the stat differs, so a touched but unchanged file is not re-processed), and whether its
 * articles went through the extraction pipeline ({@code corpus index --no-extract} skips it; the
 * next run with extraction processes such files again even when unchanged), and the fingerprint
 * of the site template its furniture was removed with (0 for none): when a folder's template
 * changes, its files are processed again.
 */
public record FileStamp(long size, long modifiedMillis, long contentHash64, boolean extracted, long template) {

  /** A template fingerprint (16 hex digits) as a long; 0 for no template. */
  public static long template(dev.corpus.ingest.SiteTemplate template) {
    return template.isEmpty() ? 0 : Long.parseUnsignedLong(template.fingerprint(), 16);
  }

  /** The first 16 hex digits of a SHA-256 hex string as a long. */
  public static long hash64(String sha256Hex) {
    return Long.parseUnsignedLong(sha256Hex.substring(0, 16), 16);
  }
}
