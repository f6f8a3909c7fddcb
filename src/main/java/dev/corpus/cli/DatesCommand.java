package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.Reports;
import dev.corpus.search.DateService;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus dates}: the dates the articles mention, grouped by value. */
@Command(
    name = "dates",
    header = "List the dates the articles mention, normalised, in date order.",
    description = "List the dates the articles mention (normalised: 2024-06-19, 2024-06, 2023, 2024-W25, 2024-Q2), in date "
        + "order, with how many articles mention each and sample sentences. Exits 1 when none match.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus dates --since 2024-06-01 --until 2024-06-30",
      "  corpus dates --format csv > dates.csv"
    })
public final class DatesCommand implements Callable<Integer> {

  @Option(names = "--since", paramLabel = "DATE", description = "Only dates on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD or words: \"last month\").")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only dates on or before DATE.")
  String until;

  @Option(names = "--query", paramLabel = "QUERY", description = "Only articles that match this search.")
  String query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Dates to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DateService.DateList list = new DateService(index.open(), Clock.systemDefaultZone())
        .dates(new DateService.DatesRequest(since, until, query, limit));
    index.noteNotExtracted(spec.commandLine().getErr());
    output.renderer().render(Reports.dates(list), output.format(), spec.commandLine().getOut());
    return list.total() == 0 ? CorpusException.NO_MATCH : 0;
  }
}
