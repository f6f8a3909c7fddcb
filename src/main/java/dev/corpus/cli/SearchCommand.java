package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.render.Renderer;
import dev.corpus.render.Reports;
import dev.corpus.search.SearchRequest;
import dev.corpus.search.SearchResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus search QUERY}: ranked full-text search. */
@Command(
    name = "search",
    header = "Search the articles, ranked, with snippets and filters.",
    description = "Search articles with Lucene query syntax: words (all must match), \"phrases\", OR, NOT, -word, "
        + "title:word, source:tass, wild*cards, fuzzy~ . Title matches weigh double. Exits 1 when nothing matches.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus search 'mutual assistance'",
      "  corpus search 'treaty NOT trade' --since 2024-06-01 --limit 5",
      "  corpus search sanctions --entity 'North Korea' --facets --format json | jq '.hits[].title'"
    })
public final class SearchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "QUERY", description = "The query; quote it in the shell.")
  String query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip (for paging).")
  int offset;

  @Option(names = "--since", paramLabel = "DATE", description = "Published on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD or words: \"last month\").")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Published on or before DATE (the whole month for YYYY-MM).")
  String until;

  @Option(names = "--source", paramLabel = "NAME", description = "Only articles whose source contains NAME (e.g. tass, \"anadolu agency\").")
  String source;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or date (newest first; undated last).")
  SearchRequest.Sort sort;

  @Option(
      names = "--exact-total",
      description = "Count every match (by default counting stops past 1000 and the total is a lower bound).")
  boolean exactTotal;

  @Option(names = "--entity", paramLabel = "NAME", description = "Only articles that mention this entity under any of its names (\"Kim Jong-un\" finds \"Kim Jong Un\").")
  String entity;

  @Option(names = "--mentions-since", paramLabel = "DATE", description = "Only articles whose text mentions a date on or after DATE (distinct from --since, the publication date).")
  String mentionsSince;

  @Option(names = "--mentions-until", paramLabel = "DATE", description = "Only articles whose text mentions a date on or before DATE.")
  String mentionsUntil;

  @Option(names = "--facets", description = "Also count the matches per source, entity type and entity.")
  boolean facets;

  @Mixin IndexLocation index;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // Entity, facet and mentioned-date filters read what extraction stored: say when some lacks it.
    boolean annotations = entity != null || facets || mentionsSince != null || mentionsUntil != null;
    SearchResult result;
    try (var backend = index.backend()) {
      result = backend.search(new SearchRequest(query, limit, offset, since, until, source, sort, exactTotal, entity, facets, mentionsSince, mentionsUntil));
    }
    Renderer renderer = output.renderer();
    if (annotations) {
      index.noteNotExtracted(spec.commandLine().getErr());
    }
    renderer.render(Reports.search(result, renderer, output.format()), output.format(), spec.commandLine().getOut());
    return result.total() == 0 ? CorpusException.NO_MATCH : 0;
  }
}
