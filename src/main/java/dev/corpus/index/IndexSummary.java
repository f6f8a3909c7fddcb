package dev.corpus.index;

import java.util.List;

/**
 * The outcome of one {@code corpus index} run. File counts: {@code indexed} (new or changed,
 * processed now), {@code unchanged} (same size and time, or same content), {@code removed} (gone
 * from an indexed folder), {@code skipped} (not articles: empty files, images), {@code failed}
 * (problems: unreadable, binary, too large, broken JSON Lines records).
 *
 * @param version JSON shape version
 * @param articles articles written by this run (a JSON Lines file holds several)
 * @param documents articles in the index after the run
 * @param bytes bytes of the files processed in this run
 * @param seconds wall time of the run
 * @param megabytesPerSecond {@code bytes} per second, in MB (10^6 bytes)
 * @param failures every failed file or record with its reason, sorted by path
 * @param skips every skipped file with its reason, sorted by path
 * @param warnings one-line warnings about the index as left (a user correction that names an
 *     entity the catalog no longer has), in file order
 */
public record IndexSummary(
    int version,
    String index,
    long indexed,
    long unchanged,
    long removed,
    long skipped,
    long failed,
    long articles,
    long documents,
    long bytes,
    double seconds,
    double megabytesPerSecond,
    List<Problem> failures,
    List<Problem> skips,
    List<String> warnings,
    boolean interrupted) {

  /** A file (or a record of one: {@code path} then {@code reason} starting "line N:") not indexed. */
  public record Problem(String path, String reason) {}
}
