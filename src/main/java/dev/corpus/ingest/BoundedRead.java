package dev.corpus.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file whole, but never more than a limit: a file that grows while it is read (a log
 * being written, a link swapped for a device) cannot take more memory than the limit allows.
 */
public final class BoundedRead {

  /** The file held more than the limit when it was read. */
  public static final class TooLargeException extends IOException {
    TooLargeException(String what) {
      super(what + " holds more than the size limit");
    }
  }

  private BoundedRead() {}

  /**
   * The bytes of {@code file}, at most {@code limit} of them.
   *
   * @throws TooLargeException when the file holds more than {@code limit} bytes
   */
  public static byte[] readAtMost(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readAtMost(in, Files.size(file), limit, file.toString());
    }
  }

  /**
   * The bytes of {@code in} up to its end, at most {@code limit} of them: standard input, a pipe
   * from process substitution, or a device cannot take more memory than that.
   *
   * @param expected how many bytes are expected (a first buffer size), 0 when unknown
   * @throws TooLargeException when the stream holds more than {@code limit} bytes
   */
  public static byte[] readAtMost(InputStream in, long expected, long limit, String what) throws IOException {
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    byte[] buffer = new byte[(int) Math.max(0, Math.min(expected, cap))];
    int n = 0;
    while (true) {
      if (n == buffer.length) {
        if (n >= cap) {
          if (in.read() != -1) {
            throw new TooLargeException(what);
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
