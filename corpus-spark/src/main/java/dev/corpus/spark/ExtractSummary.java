package dev.corpus.spark;

import java.util.Locale;

/**
 * What one run of {@link ExtractJob} did; its {@link #line()} is the summary printed at the end,
 * and {@link #exitCode()} the job's exit code.
 *
 * @param files input files read
 * @param articles articles written
 * @param skipped files passed over (empty, not text, unsupported format)
 * @param failed files that gave no article
 * @param brokenRecords records of otherwise readable files that gave no article
 * @param seconds wall time of the run, models included
 * @param output where the articles and errors went
 * @param firstProblems the first problems of the errors output (at most {@link SparkExtraction#FIRST_PROBLEMS})
 */
public record ExtractSummary(long files, long articles, long skipped, long failed, long brokenRecords, double seconds, String output,
    java.util.List<Problem> firstProblems) {

  /** One line, in the manner of {@code corpus index}'s summary. */
  public String line() {
    return String.format(Locale.ROOT, "extracted %d articles from %d files; skipped %d, failed %d files, %d broken records in %.1f s (%.1f articles/s) → %s",
        articles, files, skipped, failed, brokenRecords, seconds, seconds > 0 ? articles / seconds : 0.0, output);
  }

  /** 3 when a file failed or a record was broken (as {@code corpus index}), else 0. */
  public int exitCode() {
    return failed > 0 || brokenRecords > 0 ? 3 : 0;
  }
}
