/**
 * The Lucene index: {@link dev.corpus.index.IndexSchema} (every field, in one place), {@link
 * dev.corpus.index.CorpusAnalyzer} (text analysis at index and query time), {@link
 * dev.corpus.index.Indexer} (incremental, parallel, crash-safe updates) and {@link
 * dev.corpus.index.CorpusIndex} (opening it for reading).
 *
 * <p>To index something new about an article, add its field to {@code IndexSchema.toDocument}
 * and {@code toArticle}, and bump {@code IndexSchema.VERSION} if old indexes can no longer be
 * read correctly: users are then asked to {@code --rebuild}.
 */
package dev.corpus.index;
