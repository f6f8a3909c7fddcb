package dev.corpus.index;

import dev.corpus.CorpusException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
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
    try {
      // NIOFSDirectory, not FSDirectory.open's MMapDirectory: mapping sets up native calls
      // (madvise) whose start-up cost is a tenth of a search's whole run time, and a query
      // reads few enough blocks that positional reads are as fast.
      Directory directory = new NIOFSDirectory(dir);
      if (!DirectoryReader.indexExists(directory)) {
        directory.close();
        throw new CorpusException.Data("no index at " + dir + "; run `corpus index PATH` first (or pass --index DIR)");
      }
      DirectoryReader reader = DirectoryReader.open(directory);
      checkVersion(reader.getIndexCommit());
      // DirectoryReader does not own its Directory: release both together.
      reader.getReaderCacheHelper().addClosedListener(key -> directory.close());
      return reader;
    } catch (IOException e) {
      throw new CorpusException.Data("cannot open index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Refuses an index written by another schema version. */
  static void checkVersion(IndexCommit commit) throws IOException {
    Map<String, String> data = commit.getUserData();
    String version = data.get(IndexSchema.VERSION_KEY);
    if (version != null && !version.equals(IndexSchema.VERSION)) {
      throw new CorpusException.Data(
          "index was written with schema " + version + ", this corpus reads schema " + IndexSchema.VERSION
              + "; run `corpus index PATH --rebuild`");
    }
  }

  /** How many articles were indexed without extraction ({@code corpus index --no-extract}). */
  public long notExtracted() {
    try (DirectoryReader reader = openReader()) {
      return new IndexSearcher(reader).count(IndexSchema.notExtracted());
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + dir + ": " + e.getMessage(), e);
    }
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
