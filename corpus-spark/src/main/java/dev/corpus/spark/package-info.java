/**
 * The CLI's ingestion and extraction as an Apache Spark job ({@link dev.corpus.spark.ExtractJob},
 * docs/scale-out.md). {@link dev.corpus.spark.ExtractJob} is the picocli glue, {@link
 * dev.corpus.spark.SparkExtraction} the Spark plan (read, extract per partition, write articles and
 * errors, count), {@link dev.corpus.spark.FileExtraction} what happens to one file, the same as
 * {@code corpus annotate} through the CLI's own classes.
 *
 * <p>To write somewhere else (SolrCloud, a table), add a case to {@link
 * dev.corpus.spark.ExtractRequest.Format} and its writer in {@link
 * dev.corpus.spark.SparkExtraction#run}, reading the persisted outcomes as the JSON Lines writer
 * does; keep each article's JSON as {@code corpus annotate} prints it, so that one schema serves
 * every output. To run more per article, change the CLI's {@code Pipeline}, not this package: the
 * job and {@code corpus annotate} must agree ({@code ExtractJobTest} checks they do).
 */
package dev.corpus.spark;
