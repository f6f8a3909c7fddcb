package dev.corpus.index;

import dev.corpus.CorpusException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * The on-disk index of one corpus: where it is and how to open it for reading. Readers always see
 * the last complete commit, so a search during {@code corpus index}, or after a killed one, sees
 * a consistent index.
 */
public final class CorpusIndex {

  private final Path dir;

  public CorpusIndex(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  /**
   * Opens the index for reading.
   *
   * @throws CorpusException.Data when there is no index at {@link #dir()}, or it was written by
   *     an incompatible schema version
   */
  public DirectoryReader openReader() {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException.Data("no index at " + dir + "; run `corpus index PATH` first (or pass --index DIR)");
    }
    Directory directory = null;
    try {
      // NIOFSDirectory, not FSDirectory.open's MMapDirectory: mapping sets up native calls
      // (madvise) whose start-up cost is a tenth of a search's whole run time, and a query
      // reads few enough blocks that positional reads are as fast.
      directory = new NIOFSDirectory(dir);
      if (!DirectoryReader.indexExists(directory)) {
        throw new CorpusException.Data("no index at " + dir + "; run `corpus index PATH` first (or pass --index DIR)");
      }
      DirectoryReader reader = checkReadable(directory, dir);
      // DirectoryReader does not own its Directory: release both together.
      Directory owned = directory;
      reader.getReaderCacheHelper().addClosedListener(key -> owned.close());
      directory = null;
      return reader;
    } catch (IOException e) {
      throw new CorpusException.Data("cannot open index at " + dir + ": " + IndexFolder.reason(e), e);
    } finally {
      if (directory != null) {
        try {
          directory.close();
        } catch (IOException ignored) {
          // already failing with a better message
        }
      }
    }
  }

  /**
   * Opens the last commit of {@code directory} and checks it is ours, of this schema and whole;
   * returns the open reader.
   *
   * @throws CorpusException.Data when the index was written by another tool or schema version, or
   *     its files are damaged (truncated, corrupted, missing): such an index is never appended to
   */
  static DirectoryReader checkReadable(Directory directory, Path dir) throws IOException {
    DirectoryReader reader;
    try {
      reader = DirectoryReader.open(directory);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
        | java.io.EOFException | java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      throw damaged(dir, e);
    }
    try {
      IndexFolder.checkCommit(dir, reader.getIndexCommit());
      return reader;
    } catch (RuntimeException | IOException e) {
      reader.close();
      throw e;
    }
  }

  private static CorpusException.Data damaged(Path dir, IOException e) {
    String what = e instanceof java.io.EOFException ? "a file is truncated"
        : e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException ? "a file is missing"
        : e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException ? "written by another Lucene version"
        : "a file is corrupted";
    return new CorpusException.Data("index at " + dir + " is damaged (" + what + "); it was not changed."
        + " Run `corpus index PATH --rebuild` to build it anew", e);
  }

  /**
   * Articles without annotations, by reason.
   *
   * @param notExtracted indexed with {@code corpus index --no-extract}: none yet
   * @param notEnglish in a language other than English: the extractors skip them
   */
  public record Unannotated(long notExtracted, long notEnglish) {}

  /** How many articles have no annotations, and why; one reader for both counts. */
  public Unannotated unannotated() {
    try (DirectoryReader reader = openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      return new Unannotated(searcher.count(IndexSchema.notExtracted()), searcher.count(IndexSchema.notEnglish()));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A one-line note when the corrections file of the index ({@link
   * dev.corpus.catalog.CorrectionsFile}) is not what its catalog applied (edited by hand since, or
   * malformed), else null. Reading commands show it and go on with the catalog as it is: only a
   * writer applies corrections.
   */
  public String correctionsNote() {
    dev.corpus.catalog.CorrectionsFile file;
    try {
      file = dev.corpus.catalog.CorrectionsFile.read(dir);
    } catch (CorpusException e) {
      return e.getMessage() + "; the catalog keeps the corrections last applied until the file is fixed";
    }
    try (DirectoryReader reader = openReader()) {
      if (file.hash().equals(CatalogPass.appliedCorrections(reader))) {
        return null;
      }
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + dir + ": " + e.getMessage(), e);
    }
    return file.where() + " changed since it was applied; run `corpus entity corrections --apply` (or `corpus index`) to apply it";
  }

  /** Size of the index files on disk, in bytes. */
  public long sizeOnDisk() {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new CorpusException.Data("cannot measure index at " + dir + ": " + e.getMessage(), e);
    }
  }
}
