package dev.corpus.cli;

import dev.corpus.CorpusException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line with its error handling; used by {@link Main} and by tests. */
public final class Cli {

  private Cli() {}

  /** Runs {@code corpus args...} writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return forArgs(args, out, err).execute(args);
  }

  /** A command line with all subcommands, for help and completion scripts. */
  static CommandLine full(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, CorpusCommand.SUBCOMMANDS.keySet().toArray(String[]::new));
  }

  /**
   * Builds the command line for {@code args}. When the first argument names a subcommand only that
   * one is registered: picocli's reflection over every command is most of a short command's
   * start-up time. Anything else (help, an unknown word) gets the full set.
   */
  static CommandLine forArgs(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length > 0 && CorpusCommand.SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("generate-completion")
        && !args[0].equals("help")) {
      return commandLine(out, err, args[0]);
    }
    return full(out, err);
  }

  private static CommandLine commandLine(PrintWriter out, PrintWriter err, String... subcommands) {
    CorpusCommand top = new CorpusCommand();
    CommandLine cl = new CommandLine(top);
    for (String name : subcommands) {
      cl.addSubcommand(name, newInstance(CorpusCommand.SUBCOMMANDS.get(name)));
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter e = ex.getCommandLine().getErr();
      e.println("corpus: " + ex.getMessage());
      if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
        // picocli's own "Did you mean" for a mistyped command or option ("serch", "--limt").
        CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, e);
      }
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

  private static Object newInstance(Class<?> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create command " + type.getName(), e);
    }
  }
}
