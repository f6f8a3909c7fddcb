package dev.corpus.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit --class dev.corpus.spark.ExtractJob corpus-spark-job.jar INPUT... --output
 * DIR}: the CLI's ingestion and extraction over files on any Hadoop-compatible file system, each
 * article written as {@code corpus annotate} prints it. Glue only: options → {@link
 * ExtractRequest} → {@link SparkExtraction} → the summary line.
 */
@Command(
    name = "corpus-spark-extract",
    mixinStandardHelpOptions = true,
    version = "corpus-spark 0.1.0",
    header = "Extract entities, dates and claims from article files with Apache Spark.",
    description = {
      "Reads article files (text, Markdown, HTML, JSON Lines of articles; folders recursively) from any Hadoop-compatible "
          + "path, runs corpus's ingestion and extraction on each, and writes OUTPUT/articles/ (each article as "
          + "`corpus annotate` prints it: the data of its article messages, as JSON Lines or Parquet) and OUTPUT/errors/ (one JSON line per "
          + "file or record that gave no article: path, outcome, reason).",
      "",
      "Exit codes: 0 done; 2 usage error or OUTPUT exists; 3 an input is missing, or some files failed (see OUTPUT/errors)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit --master 'local[*]' --class dev.corpus.spark.ExtractJob corpus-spark-job.jar samples --output /tmp/out",
      "  spark-submit --master yarn --class dev.corpus.spark.ExtractJob corpus-spark-job.jar hdfs:///news --output hdfs:///annotated \\",
      "      --output-format parquet"
    })
public final class ExtractJob implements Callable<Integer> {

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files or folders: local paths or URIs (hdfs://, s3a://, file://).")
  List<String> inputs;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder to create (must not exist).")
  String output;

  @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl (default) or parquet.",
      converter = FormatConverter.class)
  ExtractRequest.Format format;

  @Option(names = "--embeddings", description = "Also compute and write each article's sentence embeddings (slower).")
  boolean embeddings;

  @Option(names = "--max-file-size", paramLabel = "MB", defaultValue = "32",
      description = "Larger files (JSON Lines: records) fail with a reason. Default: 32.")
  double maxFileMegabytes;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Minimum number of input partitions (default: Spark's default parallelism).")
  int partitions;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master when not started by spark-submit (local[2], spark://host:7077); spark-submit's --master otherwise.")
  String master;

  /** The session to run in, or null to build one from the options (and stop it at the end). */
  private final SparkSession given;
  private final PrintWriter err;

  private ExtractJob(SparkSession given, PrintWriter err) {
    this.given = given;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, null));
  }

  /**
   * Runs the job with {@code args} and returns its exit code; prints only on {@code out} (help)
   * and {@code err} (problems, the summary line).
   *
   * @param spark the session to run in (tests share one), or null to build one, stopped at the end
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, SparkSession spark) {
    return new CommandLine(new ExtractJob(spark, err))
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler((e, a) -> {
          err.println("corpus-spark: " + e.getMessage() + " (see --help)");
          return 2;
        })
        .execute(args);
  }

  @Override
  public Integer call() {
    if (maxFileMegabytes <= 0 || partitions < 0) {
      err.println("corpus-spark: --max-file-size must be positive and --partitions not negative");
      return 2;
    }
    ExtractRequest request =
        new ExtractRequest(List.copyOf(inputs), output, format, embeddings, (long) (maxFileMegabytes * 1_000_000), partitions);
    SparkSession spark = given;
    if (spark == null) {
      SparkSession.Builder builder = SparkSession.builder().appName("corpus extract");
      if (master != null) {
        builder.master(master);
      }
      spark = builder.getOrCreate();
    }
    try {
      ExtractSummary summary = new SparkExtraction(spark).run(request);
      for (Problem p : summary.firstProblems()) {
        err.println("corpus-spark: " + p.outcome() + " " + p.path() + ": " + p.reason());
      }
      long problems = summary.skipped() + summary.failed() + summary.brokenRecords();
      if (problems > summary.firstProblems().size()) {
        err.println(String.format(Locale.ROOT, "corpus-spark: … %d more in %s/errors", problems - summary.firstProblems().size(), output));
      }
      err.println(summary.line());
      return summary.exitCode();
    } catch (SparkExtraction.RefusedException e) {
      err.println("corpus-spark: " + e.getMessage());
      return e.exitCode();
    } catch (IOException e) {
      err.println("corpus-spark: cannot read or write: " + e.getMessage());
      return 3;
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }

  /** Accepts the format in any case ({@code parquet}, {@code PARQUET}). */
  static final class FormatConverter implements CommandLine.ITypeConverter<ExtractRequest.Format> {
    @Override
    public ExtractRequest.Format convert(String value) {
      try {
        return ExtractRequest.Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("unknown format '" + value + "' (jsonl or parquet)");
      }
    }
  }
}
