package dev.corpus.spark;

import java.util.List;

/**
 * What {@link SparkExtraction} is asked to do.
 *
 * @param inputs Hadoop paths (files or folders, read recursively; {@code file:}, {@code hdfs:},
 *     {@code s3a:} …); a folder's files get ids as {@code corpus index FOLDER} gives them
 * @param output the folder to create, holding {@code articles/} and {@code errors/}
 * @param format how the articles are written
 * @param embeddings whether each article carries its embeddings
 * @param maxFileBytes larger files (JSON Lines: records) fail
 * @param partitions the minimum number of partitions of the input, 0 for Spark's default
 */
public record ExtractRequest(List<String> inputs, String output, Format format, boolean embeddings, long maxFileBytes, int partitions) {

  /** The articles' output format. */
  public enum Format {
    /** One {@code corpus annotate} JSON document a line (text files, {@code part-*}). */
    JSONL,
    /** The same documents as Parquet, with the schema Spark infers from them. */
    PARQUET
  }
}
