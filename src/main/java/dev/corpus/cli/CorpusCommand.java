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
    description = {
      "Analyse a collection of news articles: index them, search them, and ask who is in them (entities), "
          + "what happened when (dates, timeline) and who claimed what (claims, speaker, claim clusters); put it all on "
          + "one self-contained HTML page (report).",
      "",
      "Global options (--index, --format, --json, --color, --verbose) may come before or after the command; "
          + "`corpus help COMMAND` shows a command's options and examples."
    },
    usageHelpAutoWidth = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus index ./articles",
      "  corpus search 'mutual assistance' --limit 5",
      "  corpus --index ./archive entities --type person --format csv",
      "  corpus report --about treaty --out treaty.html",
      "  corpus help timeline"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:ran fine, but nothing matched",
      "2:usage error or malformed query",
      "3:runtime or data error (missing index, unreadable input, some files failed)",
      "130:index stopped by Ctrl-C or SIGTERM, after committing the files it had finished"
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
    map.put("report", ReportCommand.class);
    map.put("solr", SolrCommand.class);
    map.put("annotate", AnnotateCommand.class);
    map.put("eval", EvalCommand.class);
    map.put("warmup", WarmupCommand.class);
    map.put("help", picocli.CommandLine.HelpCommand.class);
    map.put("generate-completion", AutoComplete.GenerateCompletion.class);
    return Collections.unmodifiableMap(map);
  }

  @Option(names = "--verbose", description = "Show stack traces of errors.", scope = ScopeType.INHERIT)
  boolean verbose;

  /**
   * {@code --index} given before the command ({@code corpus --index DIR search q}): the
   * command's own {@link IndexLocation} uses it unless the option is given again after the command.
   */
  @Option(names = "--index", paramLabel = "DIR", description = "Index folder, for the command that follows (default: $CORPUS_INDEX, else ./.corpus).")
  java.nio.file.Path index;

  /** {@code --solr} given before the command; see {@link IndexLocation#solr()}. */
  @Option(names = "--solr", paramLabel = "TARGET",
      description = "SolrCloud collection to read the corpus from, for the command that follows (default: $CORPUS_SOLR).")
  String solr;

  /** {@code --format} given before the command; see {@link OutputOptions}. */
  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = OutputOptions.FormatNames.class,
      description = "Output format of the command that follows: ${COMPLETION-CANDIDATES}.")
  String format;

  /** {@code --color} given before the command; see {@link OutputOptions}. */
  @Option(names = "--color", paramLabel = "WHEN", description = "Colour in tables, for the command that follows: auto, always or never.")
  Terminal.When color;

  /** {@code --json} given before the command. */
  @Option(names = "--json", description = "Same as --format json, for the command that follows.")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The top-level command above {@code command} (a subcommand or one of its own subcommands), or null. */
  static CorpusCommand of(picocli.CommandLine.Model.CommandSpec command) {
    for (picocli.CommandLine.Model.CommandSpec c = command == null ? null : command.parent(); c != null; c = c.parent()) {
      if (c.userObject() instanceof CorpusCommand top) {
        return top;
      }
    }
    return null;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
