package dev.corpus.spark;

import java.io.Serializable;

/**
 * One thing the job found in one input file: an article (its JSON line), the file itself (one per
 * file read, so files are counted where the work happened), or a problem. Problems are never
 * dropped: each becomes a line of the errors output.
 *
 * @param kind what this is
 * @param path the file's path ({@code file:} paths as local paths, other file systems as URIs)
 * @param text the article's JSON line for {@link Kind#ARTICLE}, the reason for a problem, null
 *     for {@link Kind#FILE}
 */
public record Outcome(Kind kind, String path, String text) implements Serializable {

  /** What an {@link Outcome} is. */
  public enum Kind {
    /** One article with its annotations. */
    ARTICLE,
    /** A file was read (whatever came of it). */
    FILE,
    /** The file was passed over: empty, not text, an unsupported format (as {@code corpus index} skips it). */
    SKIPPED,
    /** The file gave no article: unreadable, too large, binary under a text extension. */
    FAILED,
    /** One record of a file that gave other articles (a broken JSON Lines record). */
    BROKEN_RECORD;

    /** True for the kinds that go to the errors output. */
    public boolean problem() {
      return this == SKIPPED || this == FAILED || this == BROKEN_RECORD;
    }
  }

  static Outcome article(String path, String json) {
    return new Outcome(Kind.ARTICLE, path, json);
  }

  static Outcome file(String path) {
    return new Outcome(Kind.FILE, path, null);
  }

  static Outcome problem(Kind kind, String path, String reason) {
    return new Outcome(kind, path, reason);
  }
}
