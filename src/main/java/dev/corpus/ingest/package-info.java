/**
 * Ingestion: from file bytes to {@link dev.corpus.model.Article}s.
 *
 * <p>{@link dev.corpus.ingest.Ingestor} decodes ({@link dev.corpus.ingest.TextDecoder}), picks a
 * reader by extension or content ({@link dev.corpus.ingest.Formats}), strips page furniture
 * ({@link dev.corpus.ingest.Boilerplate}) and finds metadata ({@link
 * dev.corpus.ingest.PageParser}). Nothing here touches the file system or the index.
 *
 * <p>To add a format: implement {@link dev.corpus.ingest.ArticleReader} (text in, {@link
 * dev.corpus.ingest.RawPage}s out, with any metadata the format states in {@link
 * dev.corpus.ingest.PageHints}) and register its extensions in {@link dev.corpus.ingest.Formats}.
 * To teach the boilerplate stripper a new kind of furniture, add a line to one of the resource
 * files {@code boilerplate-lines.txt}, {@code boilerplate-patterns.txt} or {@code
 * boilerplate-tail.txt}; outlets recognised in headers are in {@code outlets.txt} and {@code
 * outlet-words.txt}.
 */
package dev.corpus.ingest;
