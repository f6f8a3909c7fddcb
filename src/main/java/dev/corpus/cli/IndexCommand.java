package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.extract.Pipeline;
import dev.corpus.index.IndexProgress;
import dev.corpus.index.IndexSummary;
import dev.corpus.index.Indexer;
import dev.corpus.render.OutputFormat;
import dev.corpus.render.Renderer;
import dev.corpus.render.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus index PATH...}: brings the index up to date with files and folders. */
@Command(
    name = "index",
    header = "Index article files: text, Markdown, HTML, JSON Lines.",
    description = {
      "Index article files (.txt, .md, .html, .jsonl; other text files by content) under PATHs. "
          + "Re-running processes only new and changed files and removes files gone from a folder.",
      "Prints a one-line summary on stderr; with --format json the summary goes to stdout. "
          + "Exits 3 when some files failed: they are listed on stderr, the others are indexed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus index ./articles",
      "  corpus --index ./archive index ./articles ./more --threads 2",
      "  corpus index ./articles --rebuild"
    })
public final class IndexCommand implements Callable<Integer> {

  /** Each worker holds a file and its annotations: far past the cores, threads only cost memory. */
  static final int MAX_THREADS = 256;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to index.")
  List<Path> paths;

  @Option(names = "--rebuild", description = "Start from an empty index.")
  boolean rebuild;

  @Option(names = "--recatalog", description = "Rebuild the entity catalog from the articles' entities (fresh entity ids).")
  boolean recatalog;

  @Option(
      names = "--no-extract",
      description = "Index text and metadata only, many times faster: search works at once; entities, dates and"
          + " claims wait for the next run without this option, which extracts them even for unchanged files.")
  boolean noExtract;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin FileSizeLimit maxFileSize;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress line on stderr (default: when stderr is a terminal).",
      defaultValue = "${env:CORPUS_STDERR_TTY:-0}",
      converter = TruthyConverter.class)
  boolean progress;

  @Option(
      names = "--commit-interval",
      paramLabel = "SECONDS",
      hidden = true,
      defaultValue = "30",
      description = "How often work in progress is committed (crash-safety granularity).")
  double commitSeconds;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new CorpusException.Usage("--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
    }
    long maxFileBytes = maxFileSize.bytes();
    if (!(commitSeconds > 0 && commitSeconds < 1e6)) {
      throw new CorpusException.Usage("--commit-interval must be a number of seconds above 0, not " + commitSeconds);
    }
    PrintWriter err = spec.commandLine().getErr();
    IndexProgress counters = new IndexProgress();
    ScheduledExecutorService ticker = progress ? startProgress(counters, err) : null;
    List<Runnable> restoreSignals = stopOnSignals(counters, err);
    IndexSummary summary;
    try {
      summary =
          (noExtract ? new Indexer(Pipeline.none()) : new Indexer())
              .run(
                  new Indexer.Request(
                      paths, index.dir(), rebuild, threads, maxFileBytes, Duration.ofMillis((long) (commitSeconds * 1000)), recatalog),
                  counters);
    } finally {
      restoreSignals.forEach(Runnable::run);
      if (ticker != null) {
        ticker.shutdownNow();
        err.print("\r\u001b[K");
      }
    }
    for (IndexSummary.Problem p : summary.skips()) {
      err.println("corpus: skipped " + p.path() + ": " + p.reason());
    }
    for (IndexSummary.Problem p : summary.failures()) {
      err.println("corpus: failed " + p.path() + ": " + p.reason());
    }
    for (String w : summary.warnings()) {
      err.println("corpus: warning: " + w);
    }
    err.println(String.format(Locale.ROOT,
        "indexed %d, unchanged %d, removed %d, skipped %d, failed %d files (%d articles in index) in %.1f s, %s MB/s → %s",
        summary.indexed(), summary.unchanged(), summary.removed(), summary.skipped(), summary.failed(),
        summary.documents(), summary.seconds(), rate(summary.megabytesPerSecond()), summary.index()));
    if (output.format() != OutputFormat.TABLE) {
      new Renderer(false).render(Reports.index(summary), output.format(), spec.commandLine().getOut());
    }
    if (summary.interrupted()) {
      err.println("corpus: interrupted: the files finished before the stop are committed; run the same command again to index"
          + " the rest");
      return INTERRUPTED;
    }
    return summary.failed() > 0 ? CorpusException.DATA : 0;
  }

  /** Exit code of a run stopped by Ctrl-C or SIGTERM, as shells report a process ended by SIGINT. */
  static final int INTERRUPTED = 130;

  /**
   * Ctrl-C (SIGINT) and SIGTERM ask the run to stop taking files, finish those in progress and
   * commit them; a second one ends the process at once (the index stays as of its last commit).
   * Returns what restores the previous handlers. Where the JVM cannot handle these signals, the
   * default stays: the process ends and the index is as of its last commit.
   */
  private static List<Runnable> stopOnSignals(IndexProgress counters, PrintWriter err) {
    List<Runnable> restore = new java.util.ArrayList<>();
    for (String name : List.of("INT", "TERM")) {
      try {
        sun.misc.Signal signal = new sun.misc.Signal(name);
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal, s -> {
          if (counters.stopRequested()) {
            Runtime.getRuntime().halt(INTERRUPTED);
          }
          counters.requestStop();
          err.println();
          err.println("corpus: stopping: finishing the files in progress and committing them (press Ctrl-C again to quit at once)");
        });
        restore.add(() -> sun.misc.Signal.handle(signal, previous));
      } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
        // this platform or JVM does not let the program handle the signal: the default stays
      }
    }
    return restore;
  }

  /** Two significant digits: "0.44", "0.031", "12". */
  static String rate(double mbPerSecond) {
    if (mbPerSecond == 0) {
      return "0";
    }
    return new java.math.BigDecimal(mbPerSecond).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
  }

  private static ScheduledExecutorService startProgress(IndexProgress counters, PrintWriter err) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "corpus-progress");
          t.setDaemon(true);
          return t;
        });
    long start = System.nanoTime();
    ticker.scheduleAtFixedRate(() -> {
      double s = (System.nanoTime() - start) / 1e9;
      err.print(String.format(Locale.ROOT, "\r\u001b[K%d/%d files, %.1f MB, %.0f s",
          counters.done(), counters.seen(), counters.bytes() / 1e6, s));
      err.flush();
    }, 250, 250, TimeUnit.MILLISECONDS);
    return ticker;
  }
}
