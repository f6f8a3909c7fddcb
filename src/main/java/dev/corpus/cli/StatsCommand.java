package dev.corpus.cli;

import dev.corpus.render.Reports;
import dev.corpus.search.StatsService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus stats}: what the index holds. */
@Command(
    name = "stats",
    header = "Count articles, files and sources; the span of dates; the index size.",
    description = "Count articles, files and sources; show the span of publication dates and the index size.",
    footerHeading = "%nExamples:%n",
    footer = {"  corpus stats", "  corpus --index ./archive stats --format json | jq .articles"})
public final class StatsCommand implements Callable<Integer> {

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    StatsService.Stats stats;
    try (var backend = index.backend()) {
      stats = backend.stats();
    }
    output.renderer().render(Reports.stats(stats), output.format(), spec.commandLine().getOut());
    return 0;
  }
}
