package dev.corpus.cli;

import dev.corpus.index.CorpusIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --index DIR}, defaulting to {@code $CORPUS_INDEX}, else {@code ./.corpus}. */
public final class IndexLocation {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: $CORPUS_INDEX, else ./.corpus; now ${DEFAULT-VALUE}).",
      defaultValue = "${env:CORPUS_INDEX:-.corpus}")
  Path dir;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The folder: {@code --index} after the command, else before it ({@link CorpusCommand}), else the default. */
  Path dir() {
    CorpusCommand top = CorpusCommand.of(mixee);
    if (top != null && top.index != null && !mixee.commandLine().getParseResult().hasMatchedOption("--index")) {
      return top.index;
    }
    return dir;
  }

  CorpusIndex open() {
    return new CorpusIndex(dir());
  }

  /**
   * For a command that reads entities, dates or claims: says on {@code err} when some articles
   * were indexed with {@code --no-extract} and have none yet, and how many the extractors
   * skipped as not English, and when the entity corrections file is not the one applied. Called once the answer is ready,
   * so that a usage error stays the only line a mistake prints.
   */
  void noteNotExtracted(PrintWriter err) {
    String corrections = open().correctionsNote();
    if (corrections != null) {
      err.println("corpus: warning: " + corrections);
    }
    CorpusIndex.Unannotated unannotated = open().unannotated();
    long missing = unannotated.notExtracted();
    if (missing > 0) {
      err.println("corpus: " + missing + " article" + (missing == 1 ? " was" : "s were") + " indexed with --no-extract and"
          + " have no entities, dates or claims yet; run `corpus index PATH` to extract them");
    }
    long foreign = unannotated.notEnglish();
    if (foreign > 0) {
      err.println("corpus: " + foreign + " article" + (foreign == 1 ? " is" : "s are") + " not in English and"
          + " were skipped by the extractors (searchable; `corpus search 'language:fr'` lists them by language)");
    }
  }
}
