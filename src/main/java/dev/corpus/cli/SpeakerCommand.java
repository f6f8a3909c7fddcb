package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.Reports;
import dev.corpus.search.ClaimService;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus speaker NAME}: what one speaker said, oldest first. */
@Command(
    name = "speaker",
    header = "What one speaker said over time.",
    description = "What one speaker said over time: their claims in order of publication (undated last), named by any "
        + "spelling; statements and positions unless --kind says otherwise. Exits 1 when no entity has that name or "
        + "it said nothing.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus speaker 'Dmitry Peskov'",
      "  corpus speaker Russia --linked --kind all --format csv"
    })
public final class SpeakerCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "A name or alias of the speaker.")
  String name;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "Claims to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--linked", description = "Also what the names that stand for the speaker said: a country's capital, seat of government and nationality (\"the Kremlin said\" for Russia).")
  boolean linked;

  @Mixin ClaimKindOption kind;
  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ClaimService.ClaimsRequest request = new ClaimService.ClaimsRequest(name, null, null, null, kind.kinds(), limit, linked);
    ClaimService.ClaimList list = new ClaimService(index.open(), Clock.systemDefaultZone()).claims(request);
    index.noteNotExtracted(spec.commandLine().getErr());
    output.renderer().render(Reports.claims(list), output.format(), spec.commandLine().getOut());
    return list.total() == 0 ? CorpusException.NO_MATCH : 0;
  }
}
