package dev.corpus.spark;

import java.util.Locale;

/**
 * One line of the job's errors output ({@code OUTPUT/errors/}, JSON Lines): a file or record the
 * job could not turn into an article, and why.
 *
 * @param path the file
 * @param outcome {@code skipped}, {@code failed} or {@code broken-record}
 * @param reason the same reason {@code corpus index} and {@code corpus annotate} give
 */
public record Problem(String path, String outcome, String reason) {

  static Problem of(Outcome o) {
    return new Problem(o.path(), o.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), o.text());
  }
}
