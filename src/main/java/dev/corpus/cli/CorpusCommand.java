package dev.corpus.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:ran fine, but nothing matched",
      "2:usage error or malformed query",
      "3:runtime or data error (missing index, unreadable input, some files failed)"
    },
    scope = ScopeType.INHERIT)
public final class CorpusCommand implements Runnable {

  /** Subcommands by name, in help order; {@link Cli} registers them. */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> map = new LinkedHashMap<>();
    map.put("index", IndexCommand.class);
    map.put("search", SearchCommand.class);
    map.put("show", ShowCommand.class);
    map.put("stats", StatsCommand.class);
    map.put("entities", EntitiesCommand.class);
    map.put("entity", EntityCommand.class);
    map.put("dates", DatesCommand.class);
    map.put("timeline", TimelineCommand.class);
    map.put("claims", ClaimsCommand.class);
    map.put("speaker", SpeakerCommand.class);
    map.put("annotate", AnnotateCommand.class);
    map.put("eval", EvalCommand.class);
    map.put("warmup", WarmupCommand.class);
    map.put("generate-completion", AutoComplete.GenerateCompletion.class);
    return Collections.unmodifiableMap(map);
  }

  @Option(names = "--verbose", description = "Show stack traces of errors.", scope = ScopeType.INHERIT)
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
