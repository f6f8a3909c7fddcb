package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.Renderer;
import dev.corpus.render.Reports;
import dev.corpus.search.EntityService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus entity NAME}: everything the corpus says about one entity. */
@Command(
    name = "entity",
    header = "Profile one entity; merge, split or rename entities by hand.",
    description = {
      "Profile one entity, named by any of its spellings: aliases, roles by source, articles, first and last "
          + "publication date, the entities it appears with most, the country it stands for (a capital, a seat of "
          + "government, a nationality) or the names that stand for it, and mention snippets.",
      "A name that fits several entities (\"Kim\": several people) lists them (name, type, articles, id) in the "
          + "chosen format and exits 2; --pick chooses one. An id, or one entity's exact full name, is never ambiguous. "
          + "Exits 1 when no entity has that name.",
      "Correct the catalog by hand with the subcommands merge, split, rename and corrections; an entity named like "
          + "one of them is profiled after `--`: corpus entity -- merge"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus entity 'Kim Jong Un'",
      "  corpus entity Kim --pick 2",
      "  corpus entity merge 'Kim Jong Un' 'Marshal Kim'",
      "  corpus entity Russia --format json | jq '.linked'"
    },
    subcommands = {
      EntityCorrectionCommands.Merge.class,
      EntityCorrectionCommands.Split.class,
      EntityCorrectionCommands.Rename.class,
      EntityCorrectionCommands.Corrections.class
    })
public final class EntityCommand implements Callable<Integer> {

  // Optional to picocli only: a required one would be asked for before a subcommand too.
  @Parameters(paramLabel = "NAME", arity = "0..1", description = "A name or alias (\"Kim Jong-un\", \"DPRK\").")
  String name;

  @Option(names = "--snippets", paramLabel = "N", defaultValue = "5", description = "Mention snippets to show (default: ${DEFAULT-VALUE}).")
  int snippets;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Articles to list, newest first (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--pick", paramLabel = "ID|N", description = "When NAME fits several entities: the one with this id, or the N-th of the list (1 = the first).")
  String pick;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (name == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'NAME'");
    }
    EntityService.Lookup found;
    try (var backend = index.backend()) {
      found = backend.entity(name, pick, snippets, limit);
    }
    index.noteNotExtracted(spec.commandLine().getErr());
    Renderer renderer = output.renderer();
    if (found.ambiguous() != null) {
      renderer.render(Reports.candidates(found.ambiguous()), output.format(), spec.commandLine().getOut());
      spec.commandLine().getErr().println("corpus entity: " + EntityService.ambiguity(found.ambiguous()));
      return CorpusException.USAGE;
    }
    renderer.render(Reports.entity(found.profile()), output.format(), spec.commandLine().getOut());
    return 0;
  }
}
