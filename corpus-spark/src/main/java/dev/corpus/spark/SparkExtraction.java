package dev.corpus.spark;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs ingestion and extraction over files on any Hadoop-compatible file system and writes the
 * articles with their annotations ({@code OUTPUT/articles/}) and every file or record that gave
 * none, with the reason ({@code OUTPUT/errors/}, JSON Lines of {@link Problem}). Prints nothing.
 *
 * <p>Each partition builds a {@link FileExtraction} over the executor's shared models ({@link
 * ExecutorModels}). The outcomes are persisted once computed, so writing the articles, the errors
 * and counting them extracts each file once.
 */
public final class SparkExtraction {

  /** The run could not start: an input path is missing or the output exists (exit 2 or 3). */
  public static final class RefusedException extends Exception {
    private final int exitCode;

    RefusedException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  /** How many problems the summary names (all are in the errors output). */
  static final int FIRST_PROBLEMS = 20;

  private final SparkSession spark;

  public SparkExtraction(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Runs {@code request} to the end.
   *
   * @throws RefusedException before any work, when the output already exists (2) or an input does
   *     not (3)
   * @throws IOException when the file system cannot be asked
   */
  public ExtractSummary run(ExtractRequest request) throws RefusedException, IOException {
    long start = System.nanoTime();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    // A folder is read with its subfolders, as `corpus index FOLDER` reads it (Hadoop's input
    // formats skip names starting with "." or "_", as the CLI skips hidden entries).
    conf.setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);

    Path output = new Path(request.output());
    if (output.getFileSystem(conf).exists(output)) {
      throw new RefusedException(2, "output " + request.output() + " exists; give a new folder");
    }
    JavaRDD<Outcome> outcomes = null;
    for (String input : request.inputs()) {
      Path root = new Path(input);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new RefusedException(3, "no such path: " + input);
      }
      Path qualified = fs.makeQualified(root);
      String rootPath = qualified.toUri().getPath();
      boolean rootIsFile = fs.getFileStatus(qualified).isFile();
      String rootName = qualified.getName();
      boolean embeddings = request.embeddings();
      long maxFileBytes = request.maxFileBytes();
      JavaRDD<Outcome> these = (request.partitions() > 0
              ? jsc.binaryFiles(qualified.toString(), request.partitions())
              : jsc.binaryFiles(qualified.toString()))
          .mapPartitions(files -> {
            FileExtraction extraction =
                new FileExtraction(ExecutorModels.ingestor(), ExecutorModels.pipeline(embeddings), embeddings, maxFileBytes);
            List<Outcome> out = new ArrayList<>();
            while (files.hasNext()) {
              var file = files.next();
              URI uri = new Path(file._1()).toUri();
              String path = "file".equals(uri.getScheme()) || uri.getScheme() == null ? uri.getPath() : file._1();
              String corpusPath = corpusPath(rootName, rootPath, rootIsFile, uri.getPath());
              out.addAll(extraction.extract(path, corpusPath, () -> file._2().open()));
            }
            return out.iterator();
          });
      outcomes = outcomes == null ? these : outcomes.union(these);
    }
    outcomes.persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      Dataset<String> articles = spark.createDataset(
          outcomes.filter(o -> o.kind() == Outcome.Kind.ARTICLE).map(Outcome::text).rdd(), Encoders.STRING());
      String articlesDir = new Path(output, "articles").toString();
      switch (request.format()) {
        case JSONL -> articles.write().text(articlesDir);
        case PARQUET -> spark.read().json(articles).write().parquet(articlesDir);
      }
      JavaRDD<String> problems = outcomes.filter(o -> o.kind().problem()).mapPartitions(SparkExtraction::problemLines);
      // Problems are few next to articles: one file is easier to read and to grep.
      spark.createDataset(problems.coalesce(1).rdd(), Encoders.STRING()).write().text(new Path(output, "errors").toString());
      Map<Outcome.Kind, Long> counts = outcomes.map(Outcome::kind).countByValue();
      List<Problem> first = outcomes.filter(o -> o.kind().problem()).take(FIRST_PROBLEMS).stream().map(Problem::of).toList();
      return new ExtractSummary(
          counts.getOrDefault(Outcome.Kind.FILE, 0L),
          counts.getOrDefault(Outcome.Kind.ARTICLE, 0L),
          counts.getOrDefault(Outcome.Kind.SKIPPED, 0L),
          counts.getOrDefault(Outcome.Kind.FAILED, 0L),
          counts.getOrDefault(Outcome.Kind.BROKEN_RECORD, 0L),
          (System.nanoTime() - start) / 1e9,
          request.output(),
          first);
    } finally {
      outcomes.unpersist(false);
    }
  }

  /**
   * The corpus path of the file at {@code filePath} found under the input root: the root
   * folder's name and the path below it (so ids match {@code corpus index ROOT}), or the file's
   * name when the root is the file itself (as {@code DocumentIds.corpusPath}).
   */
  static String corpusPath(String rootName, String rootPath, boolean rootIsFile, String filePath) {
    String name = filePath.substring(filePath.lastIndexOf('/') + 1);
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/"; // "/" when the root is a file system's
    if (rootIsFile || !filePath.startsWith(prefix)) {
      return name;
    }
    String below = filePath.substring(prefix.length());
    return rootName.isEmpty() ? below : rootName + "/" + below;
  }

  private static Iterator<String> problemLines(Iterator<Outcome> outcomes) throws IOException {
    ObjectWriter writer = JsonMapper.builder().build().writer();
    List<String> out = new ArrayList<>();
    while (outcomes.hasNext()) {
      out.add(writer.writeValueAsString(Problem.of(outcomes.next())));
    }
    return out.iterator();
  }
}
