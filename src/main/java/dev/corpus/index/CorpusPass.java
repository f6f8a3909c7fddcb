package dev.corpus.index;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;

/**
 * Corpus-level state the index keeps beside its articles (the entity catalog, say), brought up
 * to date once per commit from what the run changed, never by re-reading the corpus.
 *
 * <p>The indexer tells a pass, for each file it writes, the documents added ({@link
 * FileChange#added}) and whether the file's documents of the last commit were replaced or deleted;
 * it tells it only after the write succeeded ({@link #apply}), so a file that failed half-way
 * changes nothing. Just before each commit, with the workers paused, {@link #beforeCommit} writes
 * the pass's own documents, so that a reader sees the pass's state of the same commit as the
 * articles. Implementations must be thread-safe: workers apply changes concurrently.
 */
public interface CorpusPass {

  /** What one file contributes: fed the documents as they are written. */
  interface FileChange {
    /** One document written for the file (annotations and articles, in block order). */
    void added(Document doc);
  }

  /**
   * Called once, before any file: {@code lastCommit} is the index as the run found it (null for
   * a new or rebuilt index); it stays open until {@link #close}.
   */
  void open(DirectoryReader lastCommit) throws IOException;

  /** A change for the file at {@code path}; {@code replaces} when it had documents in the last commit. */
  FileChange begin(String path, boolean replaces);

  /** Takes a file's change into the pass's state, once its documents are written. */
  void apply(FileChange change) throws IOException;

  /** The file at {@code path}, known to the last commit, is deleted from the index. */
  void removed(String path) throws IOException;

  /** Writes the pass's documents for the coming commit; the workers wait meanwhile. */
  void beforeCommit(IndexWriter writer) throws IOException;

  /**
   * Writes the pass's documents for the run's last commit, which must leave them exactly as the
   * articles say. A pass whose work grows with the corpus may spread {@link #beforeCommit} thin
   * over the periodic commits of a long run; this one it may not skip.
   */
  default void beforeLastCommit(IndexWriter writer) throws IOException {
    beforeCommit(writer);
  }

  /**
   * What the pass records in the data of each commit (read back from {@code
   * lastCommit.getIndexCommit().getUserData()} by the next run); keys of its own.
   */
  default java.util.Map<String, String> commitData() {
    return java.util.Map.of();
  }

  /** One-line warnings for the user about the run's last commit (a correction that no longer applies). */
  default java.util.List<String> warnings() {
    return java.util.List.of();
  }

  /** Releases what {@link #open} took. */
  void close() throws IOException;
}
