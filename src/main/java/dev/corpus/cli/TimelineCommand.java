package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.Reports;
import dev.corpus.search.DateService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus timeline}: dated events in order, each with every article that reports it. */
@Command(
    name = "timeline",
    header = "Events in date order, each once with all its reports.",
    description = "Events in date order: what the articles place on a day, a month or a year, each event once with "
        + "its representative sentence and the articles and sources that report it. Relative dates that contradict "
        + "the rest of the corpus are tied to the day other articles give and listed as conflicts. "
        + "Exits 1 when there is no event.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus timeline --since 2024-06-01 --until 2024-06-30",
      "  corpus timeline --entity 'Kim Jong Un' --format json | jq '.events[].representative'"
    })
public final class TimelineCommand implements Callable<Integer> {

  @Option(names = "--query", paramLabel = "QUERY", description = "Only articles that match this search.")
  String query;

  @Option(names = "--entity", paramLabel = "NAME", description = "Only sentences that name this entity (any of its spellings).")
  String entity;

  @Option(names = "--since", paramLabel = "DATE", description = "Only events on or after DATE.")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only events on or before DATE.")
  String until;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "Events to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DateService.Timeline timeline;
    try (var backend = index.backend()) {
      timeline = backend.timeline(new DateService.TimelineRequest(query, entity, since, until, limit));
    }
    index.noteNotExtracted(spec.commandLine().getErr());
    output.renderer().render(Reports.timeline(timeline), output.format(), spec.commandLine().getOut());
    return timeline.events().isEmpty() ? CorpusException.NO_MATCH : 0;
  }
}
