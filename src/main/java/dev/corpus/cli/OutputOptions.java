package dev.corpus.cli;

import dev.corpus.render.OutputFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --format} and its shorthand {@code --json}, shared by every command. */
public final class OutputOptions {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = FormatNames.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
  String format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Option(names = "--color", paramLabel = "WHEN",
      description = "Colour in tables: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
  Terminal.When color;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * The format: {@code --json} or {@code --format} after the command, else before it ({@link
   * CorpusCommand}), else a table. A graph format ({@code graphml}…) is a usage error here: only
   * {@code entities --graph} writes graphs ({@link #name()}).
   */
  OutputFormat format() {
    String name = name();
    if (name == null) {
      return OutputFormat.TABLE;
    }
    for (OutputFormat f : OutputFormat.values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    if (dev.corpus.render.GraphWriter.Format.parse(name) != null) {
      throw new dev.corpus.CorpusException.Usage("--format " + name + " writes a graph: use it with `corpus entities --graph`");
    }
    throw new dev.corpus.CorpusException.Usage("unknown --format '" + name + "': use table, json, jsonl or csv");
  }

  /** The format as given ({@code --json} is {@code json}), after the command or before it; null when none was. */
  String name() {
    if (json) {
      return "json";
    }
    if (format != null) {
      return format;
    }
    CorpusCommand top = CorpusCommand.of(mixee);
    if (top != null) {
      if (top.json) {
        return "json";
      }
      return top.format;
    }
    return null;
  }

  /** Whether tables get colour: {@code --color} after the command, else before it, else {@code auto}. */
  boolean color() {
    Terminal.When when = color;
    CorpusCommand top = CorpusCommand.of(mixee);
    if (when == null && top != null) {
      when = top.color;
    }
    return Terminal.color(when == null ? Terminal.When.auto : when);
  }

  /** The renderer for this command's output: colour as {@link #color()} says, tables fitted to the terminal. */
  dev.corpus.render.Renderer renderer() {
    return new dev.corpus.render.Renderer(color(), Terminal.columns());
  }

  /** The format names as users type them, lower case, for help and completion. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(OutputFormat.values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).iterator();
    }
  }
}
