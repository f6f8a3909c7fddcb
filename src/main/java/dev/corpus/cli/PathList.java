package dev.corpus.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of paths, as {@code find}, {@code git ls-files} or a script writes one for {@code
 * corpus index --files-from}: one path a line, or NUL-separated ({@code find -print0}), as
 * {@code xargs}, {@code rsync --files-from} and {@code tar -T} read them.
 *
 * <ul>
 *   <li>Lines end with LF or CRLF; blank lines are skipped (they still count for line numbers);
 *       a path is otherwise taken as written, spaces included.
 *   <li>NUL-separated when {@code nul} says so ({@code -0}), and also when the list holds a NUL
 *       at all: no path can hold one, so a NUL only ever separates, and a newline between NULs is
 *       part of a file's name.
 *   <li>Relative paths are relative to the current directory, as for PATH arguments (and as
 *       rsync and tar read them), not to the list's folder.
 * </ul>
 */
final class PathList {

  /** One path of the list and where it stood: the line (or, NUL-separated, the entry) numbered from 1. */
  record Entry(Path path, String written, int number) {}

  /** What the list is called in messages: {@code files.txt}, {@code standard input}. */
  private final String name;
  private final List<Entry> entries;
  private final boolean nulSeparated;

  private PathList(String name, List<Entry> entries, boolean nulSeparated) {
    this.name = name;
    this.entries = List.copyOf(entries);
    this.nulSeparated = nulSeparated;
  }

  /**
   * Parses {@code bytes} (UTF-8) as a list named {@code name}.
   *
   * @param nul the entries are NUL-separated even if the list holds no NUL
   */
  static PathList parse(String name, byte[] bytes, boolean nul) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean byNul = nul || text.indexOf('\0') >= 0;
    List<Entry> entries = new ArrayList<>();
    String[] parts = text.split(byNul ? "\0" : "\n", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (!byNul && part.endsWith("\r")) {
        part = part.substring(0, part.length() - 1);
      }
      if (part.isBlank()) {
        continue;
      }
      Path path;
      try {
        path = Path.of(part);
      } catch (InvalidPathException e) {
        path = null; // reported with the others that name nothing
      }
      entries.add(new Entry(path, part, i + 1));
    }
    return new PathList(name, entries, byNul);
  }

  List<Entry> entries() {
    return entries;
  }

  /** Where {@code e} stood, for a message: {@code line 3 of files.txt}, {@code entry 3 of standard input}. */
  String where(Entry e) {
    return (nulSeparated ? "entry " : "line ") + e.number() + " of " + name;
  }
}
