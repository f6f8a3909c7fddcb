package dev.corpus.fuzz;

import dev.corpus.extract.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Feeds {@link MutationGenerator} inputs to the same {@link Invariants} the Jazzer harnesses
 * check, each on a worker thread with a time limit, and counts the outcomes. Used by the short
 * run in {@code mvn verify} ({@code MutatedArticlesTest}) and by {@code scripts/fuzz.sh}
 * through {@link #main}.
 */
final class GeneratorRun {

  /** What a run saw. A finding's input and stack trace are written to the findings folder. */
  record Tally(String harness, long inputs, long crashes, long hangs, long invalid, double seconds, String known) {
    String row() {
      return String.format(Locale.ROOT, "RESULT %s %d %d %d %d %.1f %s", harness, inputs, crashes, hangs, invalid, seconds, known);
    }
  }

  private static final int MAX_SAVED = 20;

  private final Invariants.KnownIssues known = new Invariants.KnownIssues();
  private final Invariants check = new Invariants(known);
  private final Pipeline pipeline;
  private final long timeoutMillis;
  private final Path findings;
  private final Set<String> savedSignatures = new HashSet<>();
  private int saved;

  /**
   * @param pipeline the pipeline to run after ingestion, or null to check the readers only
   * @param findings folder for failing inputs, or null to keep them in memory only
   */
  GeneratorRun(Pipeline pipeline, long timeoutMillis, Path findings) {
    this.pipeline = pipeline;
    this.timeoutMillis = timeoutMillis;
    this.findings = findings;
  }

  Tally run(MutationGenerator generator, long inputs, List<String> failures) {
    return run(generator, inputs, Long.MAX_VALUE, failures);
  }

  /** Runs {@code inputs} inputs, or fewer when {@code maxSeconds} have passed. */
  Tally run(MutationGenerator generator, long inputs, long maxSeconds, List<String> failures) {
    String harness = pipeline == null ? "generator-readers" : "generator-pipeline";
    long crashes = 0, hangs = 0, invalid = 0, tried = 0;
    long started = System.nanoTime();
    long deadline = maxSeconds == Long.MAX_VALUE ? Long.MAX_VALUE : started + maxSeconds * 1_000_000_000L;
    ExecutorService worker = worker();
    AtomicReference<Thread> running = new AtomicReference<>();
    try {
      for (long i = 0; i < inputs && System.nanoTime() < deadline; i++) {
        MutationGenerator.Input input = generator.next();
        tried++;
        Future<?> done = worker.submit(() -> {
          running.set(Thread.currentThread());
          if (pipeline == null) {
            check.ingest(input.name(), input.bytes());
          } else {
            check.annotate(pipeline, input.name(), input.bytes());
          }
        });
        try {
          done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          hangs++;
          Throwable where = new Throwable("time limit of " + timeoutMillis + " ms; stuck at");
          where.setStackTrace(running.get().getStackTrace());
          done.cancel(true);
          // The stuck thread cannot be stopped; leave it (a daemon) and go on with a fresh one.
          worker.shutdownNow();
          worker = worker();
          save("hang", input, where, failures);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof InvalidOutput) {
            invalid++;
            save("invalid", input, e.getCause(), failures);
          } else {
            crashes++;
            save("crash", input, e.getCause(), failures);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } finally {
      worker.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Tally(harness, tried, crashes, hangs, invalid, seconds, known.summary().orElse("-").replace(' ', '_'));
  }

  private void save(String kind, MutationGenerator.Input input, Throwable cause, List<String> failures) {
    StringWriter trace = new StringWriter();
    if (cause != null) {
      cause.printStackTrace(new PrintWriter(trace));
    }
    String signature = kind + ":" + (kind.equals("hang") ? "" : cause.getClass().getName() + "@" + firstFrame(cause));
    failures.add(kind + " " + input.recipe() + ": " + (kind.equals("hang") ? "time limit" : cause));
    // Hangs are all kept (up to the cap): their stacks differ, and each is a lead.
    if (findings == null || (!savedSignatures.add(signature) && !kind.equals("hang")) || saved >= MAX_SAVED) {
      return;
    }
    saved++;
    try {
      Files.createDirectories(findings);
      String base = kind + "-" + saved;
      Files.write(findings.resolve(base + ".input"), input.bytes());
      Files.writeString(findings.resolve(base + ".txt"),
          input.name() + "\n" + input.recipe() + "\n" + trace, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstFrame(Throwable t) {
    StackTraceElement[] frames = t.getStackTrace();
    return frames.length == 0 ? "?" : frames[0].toString();
  }

  private static ExecutorService worker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-generator-input");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * {@code GeneratorRun readers|pipeline INPUTS SEED TIMEOUT_MS FINDINGS_DIR MAX_SECONDS SAMPLES_DIR
   * [SHARED_DATA_DIR]}: prints one {@code RESULT} line (harness, inputs, crashes, hangs, invalid
   * outputs, seconds, known issues) and each failure on stderr.
   */
  public static void main(String[] args) {
    boolean withPipeline = args[0].equals("pipeline");
    long inputs = Long.parseLong(args[1]);
    long seed = Long.parseLong(args[2]);
    long timeout = Long.parseLong(args[3]);
    Path findingsDir = Path.of(args[4]);
    long maxSeconds = Long.parseLong(args[5]);
    List<MutationGenerator.Sample> samples =
        MutationGenerator.load(Path.of(args[6]), args.length > 7 ? Path.of(args[7]) : null, 120);
    GeneratorRun run = new GeneratorRun(withPipeline ? SharedPipeline.STANDARD : null, timeout, findingsDir);
    List<String> failures = new java.util.ArrayList<>();
    Tally tally = run.run(new MutationGenerator(samples, seed), inputs, maxSeconds, failures);
    failures.stream().limit(50).forEach(System.err::println);
    System.out.println(tally.row());
    System.exit(0);
  }
}
