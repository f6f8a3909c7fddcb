package dev.corpus.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code corpus} command: only subcommands do work. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Analyse a collection of news articles: index, search, and (soon) entities, dates and claims.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      StatsCommand.class,
      AnnotateCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:ran fine, but nothing matched",
      "2:usage error or malformed query",
      "3:runtime or data error (missing index, unreadable input, some files failed)"
    },
    scope = ScopeType.INHERIT)
public final class CorpusCommand implements Runnable {

  @Option(names = "--verbose", description = "Show stack traces of errors.", scope = ScopeType.INHERIT)
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
