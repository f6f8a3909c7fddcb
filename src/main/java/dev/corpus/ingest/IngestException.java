package dev.corpus.ingest;

/**
 * A file that could not be turned into articles, with a reason a user can act on.
 *
 * <p>{@link Outcome#SKIPPED} is for files that are not articles at all (an image, an empty
 * file): they are named but do not fail the run. {@link Outcome#FAILED} is for files that should
 * have been articles and could not be read: the run goes on and exits 3.
 */
public final class IngestException extends Exception {

  /** Whether the file was deliberately passed over or failed. */
  public enum Outcome {
    SKIPPED,
    FAILED
  }

  private final Outcome outcome;

  public IngestException(Outcome outcome, String reason) {
    super(reason);
    this.outcome = outcome;
  }

  public static IngestException failed(String reason) {
    return new IngestException(Outcome.FAILED, reason);
  }

  public static IngestException skipped(String reason) {
    return new IngestException(Outcome.SKIPPED, reason);
  }

  public Outcome outcome() {
    return outcome;
  }
}
