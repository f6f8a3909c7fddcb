package dev.corpus.cli;

import java.util.Map;

/**
 * Whether output gets colour. The JDK cannot tell whether stdout alone is a terminal, so the
 * launcher {@code bin/corpus} tests it ({@code [ -t 1 ]}) and says so in {@code
 * CORPUS_STDOUT_TTY}.
 */
final class Terminal {

  /** {@code --color}: when to colour. */
  enum When {
    auto, always, never
  }

  private Terminal() {}

  /** Colour for {@code when} in the process's environment. */
  static boolean color(When when) {
    return color(when, System.getenv());
  }

  /**
   * {@code always} and {@code never} say it; {@code auto} colours a terminal unless {@code
   * NO_COLOR} is set to anything (no-color.org) or {@code TERM} is {@code dumb} (a terminal that
   * shows escape codes as they are: Emacs shells, some CI logs).
   */
  /** Columns tables are fitted to, in the process's environment; see {@link #columns(Map)}. */
  static int columns() {
    return columns(System.getenv());
  }

  /** Width of a table when stdout is not a terminal and {@code COLUMNS} is not set. */
  static final int PIPE_COLUMNS = 100;

  /**
   * The terminal's width, which the launcher reads ({@code stty size}) when stdout is one and
   * passes in {@code CORPUS_COLUMNS}; else {@code COLUMNS}; else 80 on a terminal and {@value
   * #PIPE_COLUMNS} in a pipe: a table is for people ({@code less}, {@code grep}); scripts take
   * json, jsonl or csv, which are never cut.
   */
  static int columns(Map<String, String> env) {
    for (String name : new String[] {"CORPUS_COLUMNS", "COLUMNS"}) {
      String v = env.get(name);
      if (v != null && v.matches("[0-9]{1,4}") && Integer.parseInt(v) >= 20) {
        return Integer.parseInt(v);
      }
    }
    return "1".equals(env.get("CORPUS_STDOUT_TTY")) ? 80 : PIPE_COLUMNS;
  }

  static boolean color(When when, Map<String, String> env) {
    return switch (when) {
      case always -> true;
      case never -> false;
      case auto -> "1".equals(env.get("CORPUS_STDOUT_TTY"))
          && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty())
          && !"dumb".equals(env.get("TERM"));
    };
  }
}
