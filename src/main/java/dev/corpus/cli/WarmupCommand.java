package dev.corpus.cli;

import dev.corpus.extract.Pipeline;

import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexProgress;
import dev.corpus.index.Indexer;
import dev.corpus.render.OutputFormat;
import dev.corpus.render.Renderer;
import dev.corpus.render.Reports;
import dev.corpus.search.SearchRequest;
import dev.corpus.search.SearchService;
import dev.corpus.search.ShowService;
import dev.corpus.search.StatsService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Hidden: runs every short command once on a tiny throw-away corpus. The launcher runs it in the
 * background, once per build, to record the JDK's AOT cache that makes later commands start fast.
 */
@Command(name = "warmup", hidden = true, description = "Exercise the commands once (used to record the start-up cache).")
public final class WarmupCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("corpus-warmup");
    try {
      Path docs = Files.createDirectories(dir.resolve("docs"));
      Files.writeString(docs.resolve("a.txt"), """
          Skip to content

          Leaders sign mutual assistance treaty

          By Warm Up Desk
          Jun 19, 2024 1:10 PM

          PYONGYANG, June 19 (Wire) - The two leaders signed a treaty providing for mutual assistance in case of aggression, officials said on Wednesday.

          Related Articles
          """, StandardCharsets.UTF_8);
      Files.writeString(docs.resolve("b.md"), "---\ntitle: Bridge talks\ndate: 2024-06-20\n---\n\nThe bridge over the river was discussed.\n",
          StandardCharsets.UTF_8);
      Path idx = dir.resolve("idx");
      // No extraction: the AOT cache holds every class the warm-up loads and the JVM loads them
      // all at each start, so the name finder's classes would slow every short command down.
      new Indexer(Pipeline.none()).run(new Indexer.Request(List.of(docs), idx, false, 1, 1 << 20, Duration.ofMinutes(1)), new IndexProgress());
      CorpusIndex index = new CorpusIndex(idx);
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
      Renderer renderer = new Renderer(false);
      var result = new SearchService(index).search(
          new SearchRequest("\"mutual assistance\" OR bridg*", 10, 0, "2024", "2024-06", null, SearchRequest.Sort.RELEVANCE, false));
      for (OutputFormat f : OutputFormat.values()) {
        renderer.render(Reports.search(result, renderer, f), f, sink);
      }
      renderer.render(Reports.stats(new StatsService(index).stats()), OutputFormat.JSON, sink);
      if (!result.hits().isEmpty()) {
        renderer.render(Reports.show(new ShowService(index).show(result.hits().get(0).id())), OutputFormat.TABLE, sink);
      }
      return 0;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
