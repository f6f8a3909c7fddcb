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
