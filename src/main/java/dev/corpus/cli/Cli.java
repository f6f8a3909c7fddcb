package dev.corpus.cli;

import dev.corpus.CorpusException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line with its error handling; used by {@link Main} and by tests. */
public final class Cli {

  private Cli() {}

  /** Runs {@code corpus args...} writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CorpusCommand top = new CorpusCommand();
    CommandLine cl = new CommandLine(top);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter e = ex.getCommandLine().getErr();
      e.println("corpus: " + ex.getMessage());
      e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      return CorpusException.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      if (ex instanceof CorpusException ce) {
        e.println("corpus: " + ce.getMessage());
        if (top.verbose && ce.getCause() != null) {
          ce.getCause().printStackTrace(e);
        }
        return ce.exitCode();
      }
      e.println("corpus: internal error: " + ex + (top.verbose ? "" : " (run with --verbose for details)"));
      if (top.verbose) {
        ex.printStackTrace(e);
      }
      return CorpusException.DATA;
    });
    return cl;
  }
}
