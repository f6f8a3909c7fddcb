package dev.corpus.cli;

import dev.corpus.CorpusException;
import picocli.CommandLine.Option;

/** {@code --max-file-size MB}, shared by {@code index} and {@code annotate}: at most this much of one input is read. */
public final class FileSizeLimit {

  /** Files are read whole into one array: about 2 GB is the most Java can give one. */
  static final double MAX_MEGABYTES = 2000;

  @Option(
      names = "--max-file-size",
      paramLabel = "MB",
      description = "Inputs larger than this many megabytes fail with a reason (default: ${DEFAULT-VALUE});"
          + " a JSON Lines feed that `index` reads record by record is limited per record.",
      defaultValue = "32")
  double megabytes;

  /**
   * The limit in bytes.
   *
   * @throws CorpusException.Usage unless the option is a number above 0 and at most {@value #MAX_MEGABYTES}
   *     (written so that NaN fails too)
   */
  long bytes() {
    if (!(megabytes > 0 && megabytes <= MAX_MEGABYTES)) {
      throw new CorpusException.Usage("--max-file-size must be a number of megabytes above 0 and at most "
          + (int) MAX_MEGABYTES + ", not " + megabytes);
    }
    return (long) (megabytes * 1_000_000);
  }

  double megabytes() {
    return megabytes;
  }
}
