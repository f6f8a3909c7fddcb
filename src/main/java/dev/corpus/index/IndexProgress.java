package dev.corpus.index;

import java.util.concurrent.atomic.LongAdder;

/** Live counters of a running index job, safe to read from another thread for a progress bar. */
public final class IndexProgress {

  final LongAdder seen = new LongAdder();
  final LongAdder done = new LongAdder();
  final LongAdder bytes = new LongAdder();

  /** Files found by the walk so far. */
  public long seen() {
    return seen.sum();
  }

  /** Files finished (indexed, unchanged, skipped or failed) so far. */
  public long done() {
    return done.sum();
  }

  /** Bytes of files processed so far. */
  public long bytes() {
    return bytes.sum();
  }
}
