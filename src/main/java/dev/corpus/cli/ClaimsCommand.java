package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.extract.claim.ClaimKind;
import dev.corpus.render.Renderer;
import dev.corpus.render.Reports;
import dev.corpus.search.ClaimService;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus claims}: who said what; with {@code --clusters}, what several articles say alike. */
@Command(
    name = "claims",
    header = "Who said what; with --clusters, what several outlets report and where they disagree.",
    description = "List attributed claims: speaker, cue, kind, content, article, source, date (newest first); statements and "
        + "positions unless --kind says otherwise. With --clusters, the statements several articles make in different "
        + "words, largest group first, and where their members disagree. Exits 1 when there is none.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus claims --speaker Kremlin",
      "  corpus claims --clusters --limit 10",
      "  corpus claims --format csv > claims.csv"
    })
public final class ClaimsCommand implements Callable<Integer> {

  @Option(names = "--speaker", paramLabel = "NAME", description = "Only claims of this speaker (any spelling of the entity).")
  String speaker;

  @Option(names = "--about", paramLabel = "QUERY", description = "Only claims of articles that match this search.")
  String about;

  @Option(names = "--since", paramLabel = "DATE", description = "Only articles published on or after DATE.")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only articles published on or before DATE.")
  String until;

  @Option(names = "--clusters", description = "Group what different articles say alike, instead of listing claims.")
  boolean clusters;

  @Option(names = "--min-sources", paramLabel = "N", defaultValue = "2", description = "With --clusters: only groups from at least N sources (default: ${DEFAULT-VALUE}).")
  int minSources;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Claims or clusters to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin ClaimKindOption kind;
  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Set<ClaimKind> kinds = kind.kinds();
    Renderer renderer = output.renderer();
    if (clusters) {
      if (speaker != null || since != null || until != null) {
        throw new CorpusException.Usage("--clusters takes --about and --min-sources, not --speaker, --since or --until");
      }
      ClaimService.ClusterList list = new ClaimService(index.open(), Clock.systemDefaultZone()).clusters(about, kinds, minSources, limit);
      index.noteNotExtracted(spec.commandLine().getErr());
      renderer.render(Reports.claimClusters(list), output.format(), spec.commandLine().getOut());
      return list.total() == 0 ? CorpusException.NO_MATCH : 0;
    }
    ClaimService.ClaimList list;
    try (var backend = index.backend()) {
      list = backend.claims(new ClaimService.ClaimsRequest(speaker, about, since, until, kinds, limit));
    }
    index.noteNotExtracted(spec.commandLine().getErr());
    renderer.render(Reports.claims(list), output.format(), spec.commandLine().getOut());
    return list.total() == 0 ? CorpusException.NO_MATCH : 0;
  }
}
