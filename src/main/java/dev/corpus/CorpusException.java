package dev.corpus;

/**
 * A failure the user can act on, carrying the process exit code it maps to.
 *
 * <p>Messages are one line, name the file, index or query position involved, and never need a
 * stack trace to be understood. The CLI prints {@code corpus: <message>} and exits with
 * {@link #exitCode()}.
 */
public abstract sealed class CorpusException extends RuntimeException
    permits CorpusException.Usage, CorpusException.Data, CorpusException.NotFound {

  /** Exit code for "ran fine, nothing matched". */
  public static final int NO_MATCH = 1;
  /** Exit code for usage errors and malformed queries. */
  public static final int USAGE = 2;
  /** Exit code for runtime and data errors: missing index, unreadable input, failed files. */
  public static final int DATA = 3;

  private CorpusException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The exit code the CLI returns for this failure. */
  public abstract int exitCode();

  /** A usage error or malformed query: exit code 2. */
  public static final class Usage extends CorpusException {
    public Usage(String message) {
      super(message, null);
    }

    public Usage(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public int exitCode() {
      return USAGE;
    }
  }

  /** A runtime or data error (missing index, unreadable file, locked index): exit code 3. */
  public static final class Data extends CorpusException {
    public Data(String message) {
      super(message, null);
    }

    public Data(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public int exitCode() {
      return DATA;
    }
  }

  /** What the user asked for is not there (an entity name, say): exit code 1, like no match. */
  public static final class NotFound extends CorpusException {
    public NotFound(String message) {
      super(message, null);
    }

    @Override
    public int exitCode() {
      return NO_MATCH;
    }
  }
}
