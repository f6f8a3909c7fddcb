package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.Reports;
import dev.corpus.search.ShowService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus show ID|PATH}: one article's metadata and cleaned body. */
@Command(
    name = "show",
    header = "Show one article's metadata and cleaned body.",
    description = "Show an article's metadata and cleaned body, by id or by file path.",
    footerHeading = "%nExamples:%n",
    footer = {"  corpus show 5f2c9a01d4e3b7a8", "  corpus show ./articles/treaty.html --format json"})
public final class ShowCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ID|PATH", description = "A document id from search output, or an indexed file's path.")
  String target;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ShowService.Shown shown = new ShowService(index.open()).show(target);
    if (shown.articles().isEmpty()) {
      spec.commandLine().getErr().println("corpus: no article with id or path '" + target + "' in " + index.open().dir());
      return CorpusException.NO_MATCH;
    }
    output.renderer().render(Reports.show(shown), output.format(), spec.commandLine().getOut());
    return 0;
  }
}
