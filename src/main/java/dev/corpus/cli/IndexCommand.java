package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.extract.Pipeline;
import dev.corpus.index.IndexProgress;
import dev.corpus.index.IndexSummary;
import dev.corpus.index.Indexer;
import dev.corpus.render.OutputFormat;
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
      "Index article files (.txt, .md, .html, .jsonl; other text files by content) under PATHs, or listed one a line"
          + " in a file or on standard input (--files-from). "
          + "Re-running processes only new and changed files and removes files gone from a folder.",
      "Prints a one-line summary on stderr; with --format json the summary goes to stdout. "
          + "Exits 3 when some files failed: they are listed on stderr, the others are indexed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus index ./articles",
      "  corpus --index ./archive index ./articles ./more --threads 2",
      "  corpus index ./articles --rebuild",
      "  find ./articles -name '*.html' -newer last-run | corpus index --files-from -",
      "  find ./articles -type f -print0 | corpus index --files-from - -0",
      "  corpus index --files-from list.txt"
    })
public final class IndexCommand implements Callable<Integer> {

  /** Each worker holds a file and its annotations: far past the cores, threads only cost memory. */
  static final int MAX_THREADS = 256;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or folders to index; - is short for --files-from -.")
  List<Path> paths = List.of();

  @Option(
      names = "--files-from",
      paramLabel = "FILE",
      description = "Index the paths listed in FILE too, one a line (blank lines skipped, CRLF read), or NUL-separated;"
          + " - reads them from standard input. Relative paths are relative to the current folder. A listed path that"
          + " does not exist fails with its line number (exit 3); the others are indexed.")
  String filesFrom;

  @Option(
      names = {"-0", "--null"},
      description = "The --files-from list is NUL-separated, as find -print0 writes it (a list holding a NUL is read so anyway).")
  boolean nul;

  /** Where {@code --files-from -} reads paths from; the process's standard input (tests give their own). */
  java.io.InputStream stdin = System.in;

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
    Inputs inputs = inputs(paths, filesFrom, nul, stdin);
    List<Path> roots = inputs.roots();
    IndexProgress counters = new IndexProgress();
    ScheduledExecutorService ticker = progress ? startProgress(counters, roots, err) : null;
    List<Runnable> restoreSignals = stopOnSignals(counters, err);
    IndexSummary summary;
    try {
      summary =
          (noExtract ? new Indexer(Pipeline.none()) : new Indexer())
              .run(
                  new Indexer.Request(
                      roots, index.dir(), rebuild, threads, maxFileBytes, Duration.ofMillis((long) (commitSeconds * 1000)), recatalog,
                      inputs.missing()),
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
      output.renderer().render(Reports.index(summary), output.format(), spec.commandLine().getOut());
    }
    if (summary.interrupted()) {
      err.println("corpus: interrupted: the files finished before the stop are committed; run the same command again to index"
          + " the rest");
      return INTERRUPTED;
    }
    return summary.failed() > 0 ? CorpusException.DATA : 0;
  }

  /**
   * What to index: the files and folders given and listed ({@code roots}), and the listed paths
   * that name nothing ({@code missing}, each with where it is listed), which fail while the roots
   * are indexed.
   */
  record Inputs(List<Path> roots, List<IndexSummary.Problem> missing) {}

  /**
   * The roots to index: {@code paths} (but {@code -}) and the paths listed by {@code filesFrom}
   * ({@code -}: {@code in}), and by {@code in} when {@code paths} holds {@code -}; standard input
   * is read once, however often it is named. See {@link PathList} for how a list is read.
   *
   * @throws CorpusException.Usage when nothing at all is given (an empty list is not an error:
   *     {@code find -newer} may find nothing new), or the list file does not exist
   * @throws CorpusException.Data when a list cannot be read
   */
  static Inputs inputs(List<Path> paths, String filesFrom, boolean nul, java.io.InputStream in) {
    boolean dash = paths.stream().anyMatch(p -> p.toString().equals("-"));
    if (!dash && filesFrom == null && paths.isEmpty()) {
      throw new CorpusException.Usage("nothing to index: give PATHs, or --files-from FILE (- for standard input)");
    }
    List<Path> roots = new java.util.ArrayList<>();
    for (Path p : paths) {
      if (!p.toString().equals("-")) {
        roots.add(p);
      }
    }
    List<PathList> lists = new java.util.ArrayList<>();
    if (dash || "-".equals(filesFrom)) {
      try {
        lists.add(PathList.parse("standard input", in.readAllBytes(), nul));
      } catch (java.io.IOException e) {
        throw new CorpusException.Data("cannot read the list of paths from standard input: " + e.getMessage(), e);
      }
    }
    if (filesFrom != null && !filesFrom.equals("-")) {
      try {
        lists.add(PathList.parse(filesFrom, java.nio.file.Files.readAllBytes(Path.of(filesFrom)), nul));
      } catch (java.nio.file.NoSuchFileException | java.nio.file.InvalidPathException e) {
        throw new CorpusException.Usage("--files-from: no such file: " + filesFrom);
      } catch (java.nio.file.AccessDeniedException e) {
        throw new CorpusException.Data("cannot read the list of paths " + filesFrom + ": permission denied", e);
      } catch (java.io.IOException e) {
        throw new CorpusException.Data("cannot read the list of paths " + filesFrom + ": " + e.getMessage(), e);
      }
    }
    List<IndexSummary.Problem> missing = new java.util.ArrayList<>();
    for (PathList list : lists) {
      for (PathList.Entry e : list.entries()) {
        if (e.path() == null) {
          missing.add(new IndexSummary.Problem(e.written(), "not a valid path (" + list.where(e) + ")"));
        } else if (java.nio.file.Files.exists(e.path())) {
          roots.add(e.path());
        } else {
          String what = java.nio.file.Files.isSymbolicLink(e.path()) ? "broken symbolic link" : "no such file or folder";
          missing.add(new IndexSummary.Problem(e.path().toAbsolutePath().normalize().toString(), what + " (" + list.where(e) + ")"));
        }
      }
    }
    return new Inputs(List.copyOf(roots), List.copyOf(missing));
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

  /**
   * Shows {@code done/total files, MB, files/s, ETA} on stderr, four times a second. The total
   * comes from a count of the files under {@code paths} made at the same time by another thread
   * (a directory walk is fast next to indexing); until it is done the line says how many were
   * found so far, and no ETA is guessed.
   */
  private static ScheduledExecutorService startProgress(IndexProgress counters, List<Path> paths, PrintWriter err) {
    ScheduledExecutorService ticker =
        Executors.newScheduledThreadPool(1, r -> {
          Thread t = new Thread(r, "corpus-progress");
          t.setDaemon(true);
          return t;
        });
    java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong(-1);
    Thread counter = new Thread(() -> total.set(countFiles(paths)), "corpus-count-files");
    counter.setDaemon(true);
    counter.start();
    long start = System.nanoTime();
    ticker.scheduleAtFixedRate(() -> err.print("\r\u001b[K" + progressLine(counters.done(), counters.seen(), total.get(),
        counters.bytes(), (System.nanoTime() - start) / 1e9)), 250, 250, TimeUnit.MILLISECONDS);
    return ticker;
  }

  /** The progress line: {@code total} is -1 while the files are still being counted. */
  static String progressLine(long done, long seen, long total, long bytes, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder line = new StringBuilder();
    if (total >= 0) {
      long all = Math.max(total, seen);
      line.append(String.format(Locale.ROOT, "%d/%d files", done, all));
      if (all > 0) {
        line.append(String.format(Locale.ROOT, " (%d%%)", done * 100 / all));
      }
    } else {
      line.append(String.format(Locale.ROOT, "%d files of %d+ (counting)", done, seen));
    }
    line.append(String.format(Locale.ROOT, ", %.1f MB, %.0f files/s", bytes / 1e6, rate));
    if (total >= 0 && rate > 0 && done < total && seconds >= 2) {
      line.append(", ETA ").append(duration((total - done) / rate));
    }
    line.append(String.format(Locale.ROOT, ", %s elapsed", duration(seconds)));
    return line.toString();
  }

  /** {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }

  /** Regular, visible files under {@code paths}, as the indexer walks them; an unreadable folder counts nothing. */
  private static long countFiles(List<Path> paths) {
    long[] n = {0};
    for (Path root : paths) {
      try {
        java.nio.file.Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
            new java.nio.file.SimpleFileVisitor<>() {
              @Override
              public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                return !dir.equals(root) && hidden(dir) ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
              }

              @Override
              public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file)) {
                  n[0]++;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
              }

              @Override
              public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
              }
            });
      } catch (java.io.IOException e) {
        // the indexer reports it; the count stays an estimate
      }
    }
    return n[0];
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
