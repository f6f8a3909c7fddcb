package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.GraphWriter;
import dev.corpus.render.Reports;
import dev.corpus.search.EntityGraph;
import dev.corpus.search.EntityService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus entities}: the people, organisations, places and other names of the corpus. */
@Command(
    name = "entities",
    header = "List the people, organisations and places of the corpus, variants merged.",
    description = "List the entities of the corpus (people, organisations, places, other names) with their spelling "
        + "variants merged, most widely reported first. Nationalities and other groups (NORP: \"Russian\", "
        + "\"Western\") are listed only with --type norp or --all. Exits 1 when none match.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus entities --type person --limit 20",
      "  corpus entities --query 'treaty' --min-docs 3",
      "  corpus entities --format csv > entities.csv",
      "  corpus entities --graph --limit 100 > network.graphml",
      "  corpus entities --graph --format gexf --type person > people.gexf"
    })
public final class EntitiesCommand implements Callable<Integer> {

  @Option(names = "--type", paramLabel = "TYPE", description = "person, org, loc, misc or norp (nationalities and groups).")
  String type;

  @Option(names = "--all", description = "Without --type, list nationalities (NORP) too.")
  boolean all;

  @Option(names = "--query", paramLabel = "QUERY", description = "Only entities of articles that match this search.")
  String query;

  @Option(names = "--min-docs", paramLabel = "N", defaultValue = "1", description = "Only entities in at least N articles (default: ${DEFAULT-VALUE}).")
  int minDocs;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Entities to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--graph", description = "Write the co-occurrence network of the entities listed instead: nodes with their type "
      + "and counts, an edge for each pair named in the same articles, weighted by how many, with their ids. "
      + "--format graphml (default; Gephi, Cytoscape, yEd, NetworkX, Neo4j with APOC), gexf (Gephi), csv-edges, json or jsonl.")
  boolean graph;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    EntityService.ListRequest request = new EntityService.ListRequest(type, query, minDocs, limit, all);
    if (graph) {
      String name = output.name() == null ? "graphml" : output.name();
      GraphWriter.Format format = GraphWriter.Format.parse(name);
      if (format == null) {
        throw new CorpusException.Usage("--graph writes graphml, gexf, csv-edges, json or jsonl, not '" + name + "'");
      }
      EntityGraph.Graph g = new EntityService(index.open()).graph(request);
      index.noteNotExtracted(spec.commandLine().getErr());
      GraphWriter.write(g, format, spec.commandLine().getOut());
      return g.nodes().isEmpty() ? CorpusException.NO_MATCH : 0;
    }
    EntityService.EntityList list;
    try (var backend = index.backend()) {
      list = backend.entities(request);
    }
    index.noteNotExtracted(spec.commandLine().getErr());
    output.renderer().render(Reports.entities(list), output.format(), spec.commandLine().getOut());
    return list.total() == 0 ? CorpusException.NO_MATCH : 0;
  }
}
