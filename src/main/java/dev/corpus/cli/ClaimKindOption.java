package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.extract.claim.ClaimKind;
import dev.corpus.search.ClaimService;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --kind LIST}, shared by {@code claims} (and its {@code --clusters}) and {@code speaker}: which kinds of claim to list. */
public final class ClaimKindOption {

  @Option(
      names = "--kind",
      paramLabel = "KINDS",
      description = "Only claims of these kinds, comma-separated: statement, position, belief, intention, or all"
          + " (default: statement,position).")
  String kinds;

  /**
   * The kinds asked for.
   *
   * @throws CorpusException.Usage naming a value that is no kind
   */
  Set<ClaimKind> kinds() {
    return ClaimService.kinds(kinds);
  }
}
