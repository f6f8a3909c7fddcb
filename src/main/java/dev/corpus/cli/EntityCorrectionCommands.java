package dev.corpus.cli;

import dev.corpus.render.Reports;
import dev.corpus.search.CorrectionService;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code corpus entity} that correct the catalog by hand: {@code merge},
 * {@code split}, {@code rename} and {@code corrections}. Each records its correction in the
 * index's {@code corrections.yaml} and has the catalog merged again at once
 * ({@link CorrectionService}); every command reads the corrected catalog from then on.
 */
final class EntityCorrectionCommands {

  private EntityCorrectionCommands() {}

  static final String FOOTER_FILE = "The correction is recorded in corrections.yaml in the index folder (see docs/entities.md);"
      + " `corpus entity corrections` lists them, `--undo N` takes one back.";

  /** Prints the report, and a warning on stderr for each correction the catalog skips. */
  private static int render(CorrectionService.Report report, OutputOptions output, CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    for (CorrectionService.Item c : report.corrections()) {
      if (!c.applied()) {
        err.println("corpus: warning: " + report.file() + " line " + c.line() + ": " + c.kind() + " skipped: " + c.detail());
      }
    }
    output.renderer().render(Reports.corrections(report), output.format(), spec.commandLine().getOut());
    return 0;
  }

  /** {@code corpus entity merge A B [C…]}. */
  @Command(
      name = "merge",
      description = {
        "Merge entities into one: each NAME is a name, alias, TYPE|name label or catalog id, as `corpus entity` takes.",
        "The entity with most articles keeps its id; the others' ids are kept in its merged_from and still find it.",
        "Exits 1 when a NAME finds no entity or all find the same one; 3 when the index is busy (being indexed)."
      },
      footerHeading = "%nExample:%n",
      footer = {"  corpus entity merge \"Kim Jong Un\" \"Marshal Kim\"", "%n" + FOOTER_FILE})
  static final class Merge implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "2..*", description = "The entities to merge (two or more).")
    List<String> names;

    @Mixin IndexLocation index;
    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return render(new CorrectionService(index.open()).merge(names), output, spec);
    }
  }

  /** {@code corpus entity split NAME --keep VARIANT…}. */
  @Command(
      name = "split",
      description = {
        "Take variants out of an entity into a new entity of their own; the rest stays (with its id).",
        "A VARIANT is one of the entity's article-level names or TYPE|name labels; one it does not have is refused",
        "with the list of those it has (exit 1, as when NAME finds no entity); exit 2 when all would leave."
      },
      footerHeading = "%nExample:%n",
      footer = {"  corpus entity split Kim --keep \"Kim Yo Jong\"", "%n" + FOOTER_FILE})
  static final class Split implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The entity: a name, alias, label or id.")
    String name;

    @Option(names = "--keep", paramLabel = "VARIANT", arity = "1..*", required = true,
        description = "The variants that leave the entity, together, as one new entity.")
    List<String> keep;

    @Mixin IndexLocation index;
    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return render(new CorrectionService(index.open()).split(name, keep), output, spec);
    }
  }

  /** {@code corpus entity rename NAME NEW_NAME}. */
  @Command(
      name = "rename",
      description = {
        "Give an entity the display name NEW_NAME; its former name stays an alias, so it still finds the entity.",
        "Exits 1 when NAME finds no entity."
      },
      footerHeading = "%nExample:%n",
      footer = {"  corpus entity rename \"Kim Jong-un\" \"Kim Jong Un\"", "%n" + FOOTER_FILE})
  static final class Rename implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The entity: a name, alias, label or id.")
    String name;

    @Parameters(index = "1", paramLabel = "NEW_NAME", description = "Its display name from now on.")
    String to;

    @Mixin IndexLocation index;
    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return render(new CorrectionService(index.open()).rename(name, to), output, spec);
    }
  }

  /** {@code corpus entity corrections [--undo N | --apply]}. */
  @Command(
      name = "corrections",
      description = {
        "List the corrections of the catalog (corrections.yaml in the index folder), in the order they apply,",
        "each with what it does now: a correction naming an entity the index no longer has is skipped (a warning).",
        "--undo N removes correction N and applies the rest; --apply applies the file after you edited it by hand."
      },
      footerHeading = "%nExamples:%n",
      footer = {"  corpus entity corrections", "  corpus entity corrections --undo 2",
        "  $EDITOR .corpus/corrections.yaml && corpus entity corrections --apply"})
  static final class Corrections implements Callable<Integer> {

    static final class Action {
      @Option(names = "--undo", paramLabel = "N", description = "Remove correction number N and apply the others.")
      Integer undo;

      @Option(names = "--apply", description = "Apply the file as it is now (after editing it by hand).")
      boolean apply;
    }

    @ArgGroup(exclusive = true)
    Action action;

    @Mixin IndexLocation index;
    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CorrectionService service = new CorrectionService(index.open());
      CorrectionService.Report report;
      if (action != null && action.undo != null) {
        report = service.undo(action.undo);
      } else if (action != null && action.apply) {
        report = service.apply();
      } else {
        report = service.list();
        if (!report.current()) {
          spec.commandLine().getErr().println("corpus: warning: " + report.file()
              + " changed since it was applied; run `corpus entity corrections --apply` to apply it");
        }
      }
      if (report.corrections().isEmpty() && output.format() == dev.corpus.render.OutputFormat.TABLE) {
        spec.commandLine().getErr().println("corpus: no corrections in " + report.file());
        return 0;
      }
      return render(report, output, spec);
    }
  }
}
