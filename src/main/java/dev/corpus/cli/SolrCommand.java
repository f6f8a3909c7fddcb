package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.OutputFormat;
import dev.corpus.render.Report;
import dev.corpus.render.TableView;
import dev.corpus.solr.SolrPush;
import dev.corpus.solr.SolrTarget;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code corpus solr …}: the corpus in a SolrCloud collection (docs/scale-out.md). */
@Command(
    name = "solr",
    header = "Load the corpus into SolrCloud (then read it with --solr).",
    description = "The corpus in a SolrCloud collection created with the configset in corpus-solr/configset: "
        + "`corpus solr push` loads a local index into it; `corpus --solr TARGET stats|search …` reads it.",
    subcommands = SolrCommand.Push.class,
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus solr push --solr http://localhost:8983/solr/news --index ./archive",
      "  corpus --solr http://localhost:8983/solr/news search sanctions --json"
    })
public final class SolrCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code corpus solr push}: every document of a local index into a collection. */
  @Command(
      name = "push",
      header = "Replace a SolrCloud collection's documents with a local index's.",
      description = "Sends every document of the local index (--index) into the collection (--solr or $CORPUS_SOLR), in "
          + "batches: articles, their entities, dates and claims (each on its article's shard), and the entity catalog, "
          + "claim clusters and timeline the index computed. The collection's previous documents are deleted; "
          + "readers see the new corpus at the final commit. Prints a one-line summary on stderr (and the summary "
          + "as JSON with --format json).",
      footerHeading = "%nExamples:%n",
      footer = {"  corpus solr push --solr http://localhost:8983/solr/news --index ./archive"})
  static final class Push implements Callable<Integer> {

    @Mixin IndexLocation index;
    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      String target = index.solr();
      if (target == null) {
        throw new CorpusException.Usage("corpus solr push needs a collection: --solr http://HOST:8983/solr/COLLECTION (or $CORPUS_SOLR)");
      }
      OutputFormat format = output.format();
      SolrPush.Summary summary = new SolrPush(new dev.corpus.index.CorpusIndex(index.localDir()), SolrTarget.parse(target)).push();
      spec.commandLine().getErr().println(String.format(Locale.ROOT, "pushed %d documents (%d articles) from %s → %s in %.1f s",
          summary.documents(), summary.articles(), summary.index(), summary.solr(), summary.seconds()));
      if (format == OutputFormat.JSON || format == OutputFormat.JSONL) {
        // Counts only: the JSONL is the summary message alone.
        Report report = new Report(summary, List.of(), () -> new TableView(List.of(), List.of()));
        output.renderer().render(report, format, spec.commandLine().getOut());
      }
      return 0;
    }
  }
}
