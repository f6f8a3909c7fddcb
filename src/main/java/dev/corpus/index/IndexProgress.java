package dev.corpus.index;

import java.util.concurrent.atomic.LongAdder;

/** Live counters of a running index job, safe to read from another thread for a progress bar. */
public final class IndexProgress {

  final LongAdder seen = new LongAdder();
  final LongAdder done = new LongAdder();
  final LongAdder bytes = new LongAdder();
  private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Asks the run to stop taking files (Ctrl-C, SIGTERM): files not started are left for the next
   * run, the ones in progress finish, and what is done is committed. Safe from any thread.
   */
  public void requestStop() {
    stop.set(true);
  }

  /** Whether {@link #requestStop} was called. */
  public boolean stopRequested() {
    return stop.get();
  }

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
