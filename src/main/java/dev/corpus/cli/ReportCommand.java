package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.OutputFormat;
import dev.corpus.render.Renderer;
import dev.corpus.render.Report;
import dev.corpus.render.Reports;
import dev.corpus.report.ReportData;
import dev.corpus.report.ReportFile;
import dev.corpus.report.ReportPage;
import dev.corpus.report.ReportService;
import dev.corpus.search.EntityService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus report}: one self-contained HTML page on a set of articles. */
@Command(
    name = "report",
    header = "Write one self-contained HTML page: timeline, entity network, claim clusters, outlets.",
    description = {
      "Write a report on the articles the filters select (all by default) as one HTML file that opens offline: "
          + "a zoomable timeline of the events they report, with date conflicts marked; the network of the entities "
          + "named together, by type; what several outlets say alike and where they disagree; and for each outlet, whom "
          + "it quotes and what it says that no other outlet does. Every list is capped (2,000 events, 150 entities, "
          + "600 links, 200 clusters, 30 outlets) and the page says so; tables under the charts hold every figure.",
      "The file is replaced in one step (written beside it, then moved); nothing else is written. --format json "
          + "writes the page's data instead, to --out or to standard output. An entity name that fits several "
          + "entities lists them and exits 2, as `corpus entity` does; --pick chooses one. Exits 1, writing nothing, "
          + "when no article matches the filters; 3 when the file cannot be written."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus report --out report.html",
      "  corpus report --about treaty --since 2024-06 --out treaty.html",
      "  corpus report --entity 'Kim Jong Un' --out kim.html",
      "  corpus report --about oil --format json | jq '.network.nodes[:5]'"
    })
public final class ReportCommand implements Callable<Integer> {

  @Option(names = "--about", paramLabel = "QUERY", description = "Only articles that match this search.")
  String about;

  @Option(names = "--since", paramLabel = "DATE", description = "Only articles published on or after DATE.")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only articles published on or before DATE.")
  String until;

  @Option(names = "--entity", paramLabel = "NAME", description = "Only articles naming this entity (any of its spellings, or its id).")
  String entity;

  @Option(names = "--pick", paramLabel = "ID|N", description = "When --entity fits several entities: the one with this id, or the N-th candidate.")
  String pick;

  @Option(names = "--out", paramLabel = "FILE", description = "The HTML file to write (replaced if it exists); - for standard output.")
  Path out;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String format = output.name();
    boolean data = format != null && (format.equalsIgnoreCase("json") || format.equalsIgnoreCase("jsonl"));
    if (format != null && !data) {
      throw new CorpusException.Usage("report writes an HTML page, or with --format json its data; not --format " + format);
    }
    if (out == null && !data) {
      throw new CorpusException.Usage("report needs --out FILE.html (or --out - for standard output)");
    }
    PrintWriter err = spec.commandLine().getErr();
    ReportService.Outcome outcome = new ReportService(index.open(), Clock.systemDefaultZone(), generator())
        .build(new ReportService.Request(about, since, until, entity, pick, ReportData.Caps.DEFAULT));
    index.noteNotExtracted(err);
    if (outcome.ambiguous() != null) {
      output.renderer().render(Reports.candidates(outcome.ambiguous()), data ? output.format() : OutputFormat.TABLE,
          spec.commandLine().getOut());
      err.println("corpus report: " + EntityService.ambiguity(outcome.ambiguous()));
      return CorpusException.USAGE;
    }
    ReportData report = outcome.data();
    if (report.coverage().articles() == 0) {
      err.println("corpus report: no article matches the filters; nothing written");
      return CorpusException.NO_MATCH;
    }
    byte[] bytes = data ? json(report, output.format()) : new ReportPage().render(report);
    if (out == null || out.toString().equals("-")) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(new String(bytes, StandardCharsets.UTF_8));
      stdout.flush();
      return 0;
    }
    ReportFile.write(out, bytes);
    err.println("corpus report: wrote " + out + " (" + summary(report, bytes.length) + ")");
    return 0;
  }

  /** "26 articles, 41 events, 120 entities, 28 clusters, 12 outlets, 1.4 MB". */
  private static String summary(ReportData r, int bytes) {
    return String.format(java.util.Locale.ROOT, "%,d articles, %,d events, %,d entities, %,d clusters, %,d outlets, %.1f MB",
        r.coverage().articles(), r.timeline().events().size(), r.network().nodes().size(), r.clusters().clusters().size(),
        r.outlets().outlets().size(), bytes / 1e6);
  }

  private static byte[] json(ReportData report, OutputFormat format) {
    StringWriter text = new StringWriter();
    List<Report.Part> parts = List.of(
        Report.part("timeline.events", "event", report.timeline().events()),
        Report.part("timeline.conflicts", "conflict", report.timeline().conflicts()),
        Report.part("network.nodes", "node", report.network().nodes()),
        Report.part("network.edges", "edge", report.network().edges()),
        Report.part("clusters.clusters", "cluster", report.clusters().clusters()),
        Report.part("clusters.roles", "role-disagreement", report.clusters().roles()),
        Report.part("outlets.outlets", "outlet", report.outlets().outlets()),
        Report.part("articles", "article", report.articles()));
    new Renderer(false).render(new Report(report, parts, () -> {
      throw new IllegalStateException("a report has no table");
    }), format, new PrintWriter(text));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** "corpus 0.1.0" (no Java version: the same index must give the same page on any JDK). */
  private static String generator() {
    String v = ReportCommand.class.getPackage().getImplementationVersion();
    return "corpus " + (v == null ? "dev" : v);
  }
}
