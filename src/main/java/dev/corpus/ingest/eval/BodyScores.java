package dev.corpus.ingest.eval;

import java.util.List;
import java.util.Locale;

/**
 * Body-extraction scores over a set of pages, with the article-extraction benchmark's metric
 * ({@link ShingleMatch}).
 *
 * @param source what was scored: a folder of pages or a predictions file
 * @param nearEmpty pages whose predicted body has fewer than {@code nearEmptyChars} characters
 * @param skipped pages the reader skipped (no article text), all of them near-empty too
 * @param pages each page's scores, in key order
 */
public record BodyScores(
    String source, int documents, double precision, double recall, double f1, double accuracy,
    int nearEmptyChars, int nearEmpty, int skipped, List<Page> pages) {

  /** One page: its key, the length of the body predicted, and its own precision, recall, F1. */
  public record Page(String key, int chars, double precision, double recall, double f1) {}

  /** A few lines for a terminal. */
  public String summary() {
    return String.format(Locale.ROOT,
        "%s: %d pages%n"
            + "body  P %.3f  R %.3f  F1 %.3f  accuracy %.3f%n"
            + "near-empty bodies (under %d characters): %d (skipped: %d)%n",
        source, documents, precision, recall, f1, accuracy, nearEmptyChars, nearEmpty, skipped);
  }
}
