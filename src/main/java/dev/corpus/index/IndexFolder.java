package dev.corpus.index;

import dev.corpus.CorpusException;
import dev.corpus.catalog.CorrectionsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * Decides whether a folder may hold a corpus index, before anything is written into it.
 *
 * <p>Why this exists: Lucene's {@code IndexWriter} deletes every file in its folder whose name
 * looks like one of its own ({@code _config.yml}, {@code _notes.txt}, {@code segments.md}), so
 * pointing {@code --index} at a folder of the user's (a Jekyll site, a typo) would silently destroy
 * files. The contract: {@code corpus index} writes only into a folder that is absent, empty, or an
 * index of ours (a folder holding only a {@code corrections.yaml} counts as empty: an index to be
 * built with the user's corrections); anything else is refused with a usage error naming the folder and one of the
 * files in it, {@code --rebuild} included.
 *
 * <p>An index of ours carries a marker file, {@value #MARKER}, written before Lucene creates
 * anything, so a run killed before its first commit still leaves a folder that the next run
 * recognises. Indexes made before the marker existed are recognised by the schema key every
 * corpus commit carries ({@link IndexSchema#VERSION_KEY}); they get the marker on their next
 * write. A Lucene index without that key (another tool's) is refused for reading and writing.
 */
public final class IndexFolder {

  /** The marker file's name; its name matches none of Lucene's file patterns, so Lucene keeps it. */
  public static final String MARKER = "corpus-index.txt";

  private static final String MARKER_TEXT =
      "This folder is a corpus index (Apache Lucene). It is written only by `corpus index`;\n"
          + "delete the whole folder to remove it.\n";

  /** A Lucene commit point: {@code segments_N}, N in base 36. */
  private static final java.util.regex.Pattern COMMIT_FILE = java.util.regex.Pattern.compile("segments_[0-9a-z]+");

  private IndexFolder() {}

  /**
   * Empties an index of ours that cannot be opened, for {@code --rebuild}: Lucene's writer reads
   * the last commit even when told to create, so a damaged one would stop the rebuild that repairs
   * it. Only called on a folder {@link #prepareForWriting} accepted; holds Lucene's write lock while
   * deleting, and keeps the marker and the user's corrections ({@link CorrectionsFile}).
   */
  static void clearDamaged(Directory directory) throws IOException {
    try (org.apache.lucene.store.Lock lock = directory.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
      for (String name : directory.listAll()) {
        if (!name.equals(MARKER) && !name.equals(CorrectionsFile.NAME) && !name.equals(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
          directory.deleteFile(name);
        }
      }
    }
  }

  /**
   * Makes {@code dir} ready for a writer: creates it when absent and writes the marker into an
   * empty folder. Never writes into a folder that is neither empty nor an index of ours.
   *
   * @throws CorpusException.Usage when {@code dir} is a file, or a folder with other content, or
   *     a Lucene index written by another tool
   * @throws CorpusException.Data when the folder cannot be created or written
   */
  public static void prepareForWriting(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CorpusException.Usage("--index " + dir + " is a file, not an index folder; choose a new or empty folder");
    }
    try {
      if (!Files.exists(dir)) {
        Files.createDirectories(dir);
      }
      List<String> entries = entries(dir);
      if (entries.contains(MARKER) && isOurMarker(dir.resolve(MARKER))) {
        return;
      }
      if (entries.isEmpty() || entries.equals(List.of(CorrectionsFile.NAME))) {
        // A corrections file alone: put there to build the index anew with it (from version control, say).
        writeMarker(dir);
        return;
      }
      if (hasLuceneCommit(entries)) {
        if (isOurs(dir)) {
          writeMarker(dir); // an index made before markers existed
          return;
        }
        throw new CorpusException.Usage("--index " + dir + " holds a Lucene index that corpus did not write;"
            + " refusing to change it (choose a new or empty folder)");
      }
      throw new CorpusException.Usage("--index " + dir + " is not empty and not a corpus index (it holds "
          + describe(entries) + "); refusing to write there, since Lucene would delete files of its own name pattern."
          + " Choose a new or empty folder");
    } catch (IOException e) {
      throw new CorpusException.Data("cannot prepare index folder " + dir + ": " + reason(e), e);
    }
  }

  /**
   * Refuses an index commit that corpus did not write or wrote with another schema version.
   *
   * @throws CorpusException.Data naming the folder and what to do
   */
  static void checkCommit(Path dir, IndexCommit commit) throws IOException {
    Map<String, String> data = commit.getUserData();
    String version = data.get(IndexSchema.VERSION_KEY);
    if (version == null) {
      throw new CorpusException.Data(
          "the Lucene index at " + dir + " was not written by corpus; pass --index with a corpus index folder");
    }
    if (!version.equals(IndexSchema.VERSION)) {
      throw new CorpusException.Data(
          "index was written with schema " + version + ", this corpus reads schema " + IndexSchema.VERSION
              + "; run `corpus index PATH --rebuild`");
    }
  }

  /** A one-line reason for an I/O failure, without the exception's class name when it has a message. */
  static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied" + (m == null ? "" : " (" + m + ")");
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason() + (fse.getFile() == null ? "" : " (" + fse.getFile() + ")");
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static boolean isOurs(Path dir) {
    try (Directory directory = new NIOFSDirectory(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData().containsKey(IndexSchema.VERSION_KEY);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasLuceneCommit(List<String> entries) {
    return entries.stream().anyMatch(n -> COMMIT_FILE.matcher(n).matches());
  }

  /**
   * A file of the marker's name that a user wrote (notes called {@code corpus-index.txt}) must not
   * make a folder ours: the marker is ours only when it holds what {@link #writeMarker} writes.
   * An empty marker is a run killed while writing it, in a folder that was empty before.
   */
  private static boolean isOurMarker(Path marker) throws IOException {
    if (Files.size(marker) > MARKER_TEXT.length() * 4L) {
      return false;
    }
    String text = Files.readString(marker, StandardCharsets.UTF_8);
    return text.isEmpty() || MARKER_TEXT.startsWith(text);
  }

  private static void writeMarker(Path dir) throws IOException {
    Files.writeString(dir.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
  }

  private static List<String> entries(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  private static String describe(List<String> entries) {
    String first = entries.get(0);
    return entries.size() == 1 ? first : entries.size() + " entries, such as " + first;
  }
}
