package dev.corpus.cli;

/**
 * Whether stdout goes to a person, which decides colour. The JDK cannot tell for stdout alone, so
 * the launcher {@code bin/corpus} tests it ({@code [ -t 1 ]}) and says so in {@code
 * CORPUS_STDOUT_TTY}; {@code NO_COLOR} turns colour off.
 */
final class Terminal {

  private Terminal() {}

  static boolean stdoutIsTerminal() {
    return "1".equals(System.getenv("CORPUS_STDOUT_TTY")) && System.getenv("NO_COLOR") == null;
  }
}
