package dev.corpus.cli;

import dev.corpus.render.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --format} and its shorthand {@code --json}, shared by every command. */
public final class OutputOptions {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  OutputFormat format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  OutputFormat format() {
    return json ? OutputFormat.JSON : format;
  }
}
