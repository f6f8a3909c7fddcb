package dev.corpus.cli;

import dev.corpus.index.CorpusIndex;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --index DIR}, defaulting to {@code $CORPUS_INDEX}, else {@code ./.corpus}. */
public final class IndexLocation {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: $CORPUS_INDEX, else ./.corpus; now ${DEFAULT-VALUE}).",
      defaultValue = "${env:CORPUS_INDEX:-.corpus}")
  Path dir;

  CorpusIndex open() {
    return new CorpusIndex(dir);
  }
}
