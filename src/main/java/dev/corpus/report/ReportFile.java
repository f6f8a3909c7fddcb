package dev.corpus.report;

import dev.corpus.CorpusException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report to its file and to nothing else: the bytes go to a new hidden file in the same
 * folder, which is then moved over the target in one step, so a reader (a browser reloading the
 * page) sees the old report or the new one, never half of one, and a failure leaves the target as
 * it was.
 */
public final class ReportFile {

  private ReportFile() {}

  /**
   * Replaces {@code target} with {@code bytes}.
   *
   * @throws CorpusException.Data naming the file when its folder is missing, it is a folder, or
   *     the file cannot be written (permissions, a full disk)
   */
  public static void write(Path target, byte[] bytes) {
    Path file = target.toAbsolutePath().normalize();
    Path folder = file.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new CorpusException.Data("cannot write report " + target + ": no folder " + (folder == null ? "" : folder));
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new CorpusException.Data("cannot write report " + target + ": it is a folder");
    }
    Path temp = null;
    try {
      temp = newTemp(folder, file.getFileName().toString());
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING); // a file system without renames in place
      }
      temp = null;
    } catch (IOException e) {
      throw new CorpusException.Data("cannot write report " + target + ": " + reason(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed with a message naming the file
        }
      }
    }
  }

  /**
   * A new empty file beside the target, created exclusively (never an existing file) with the
   * default permissions of the folder's owner (the umask), as the report itself will have.
   */
  private static Path newTemp(Path folder, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (m != null && m.toLowerCase(Locale.ROOT).contains("no space")) {
      return "no space left on the device";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
