package dev.corpus.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file whole, but never more than a limit: a file that grows while it is read (a log
 * being written, a link swapped for a device) cannot take more memory than the limit allows.
 */
final class BoundedRead {

  /** The file held more than the limit when it was read. */
  static final class TooLargeException extends IOException {
    TooLargeException(Path file) {
      super(file + " grew past the size limit while being read");
    }
  }

  private BoundedRead() {}

  /**
   * The bytes of {@code file}, at most {@code limit} of them.
   *
   * @throws TooLargeException when the file holds more than {@code limit} bytes
   */
  static byte[] readAtMost(Path file, long limit) throws IOException {
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    try (InputStream in = Files.newInputStream(file)) {
      long expected = Files.size(file);
      byte[] buffer = new byte[(int) Math.max(0, Math.min(expected, cap))];
      int n = 0;
      while (true) {
        if (n == buffer.length) {
          if (n >= cap) {
            if (in.read() != -1) {
              throw new TooLargeException(file);
            }
            return buffer;
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max(8192, (long) n * 2)));
        }
        int r = in.read(buffer, n, buffer.length - n);
        if (r < 0) {
          return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
        }
        n += r;
      }
    }
  }
}
