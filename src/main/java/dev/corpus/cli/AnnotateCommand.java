package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.extract.AnnotatedDocument;
import dev.corpus.extract.Pipeline;
import dev.corpus.ingest.BoundedRead;
import dev.corpus.ingest.IngestException;
import dev.corpus.ingest.Ingestor;
import dev.corpus.model.Article;
import dev.corpus.render.OutputFormat;
import dev.corpus.render.Renderer;
import dev.corpus.render.Reports;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus annotate FILE...|-}: ingestion and extraction without an index. */
@Command(
    name = "annotate",
    header = "Extract from files without an index: metadata, cleaned body, entities, dates, claims.",
    description = "Run ingestion and extraction on files (or - for stdin) without an index and print each article "
        + "with its metadata, cleaned body and annotations. Default format: jsonl (an article message a line, then a summary; docs/json.md).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  corpus annotate article.html",
      "  curl -s https://example.org/story | corpus annotate - --format json | jq '.documents[].entities[].entity'",
      "  corpus annotate article.html | jq -c 'select(.type == \"article\") | .data.dates[]'"
    })
public final class AnnotateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article files, or - to read one from stdin.")
  List<String> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl (default), json, csv or table.")
  OutputFormat format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Spec CommandSpec spec;

  /** Stdin for "-"; tests substitute their own. */
  InputStream stdin = System.in;

  @Mixin FileSizeLimit maxFileSize;

  @Override
  public Integer call() {
    long limit = maxFileSize.bytes();
    PrintWriter err = spec.commandLine().getErr();
    Ingestor ingestor = new Ingestor();
    Pipeline pipeline = Pipeline.standard();
    List<AnnotatedDocument> docs = new ArrayList<>();
    boolean failed = false;
    for (String file : files) {
      try {
        String path;
        byte[] bytes;
        if (file.equals("-")) {
          path = "-";
          bytes = BoundedRead.readAtMost(stdin, 0, limit, "standard input");
        } else {
          Path p = Path.of(file).toAbsolutePath().normalize();
          path = p.toString();
          // Not only regular files: `corpus annotate <(curl …)` reads a pipe. The limit keeps a
          // device such as /dev/zero from taking all memory.
          bytes = BoundedRead.readAtMost(p, limit);
        }
        // Ids follow the path as written (normalised): `corpus annotate samples/a.txt` gives the id
        // that indexing `samples` from the same folder gives.
        String corpusPath = file.equals("-") ? "-" : Path.of(file).normalize().toString().replace(java.io.File.separatorChar, '/');
        Ingestor.Result result = ingestor.ingest(path, corpusPath, bytes);
        for (Article article : result.articles()) {
          docs.add(AnnotatedDocument.of(article, pipeline.run(article)));
        }
        for (String broken : result.brokenRecords()) {
          err.println("corpus: failed " + file + ": " + broken);
          failed = true;
        }
      } catch (BoundedRead.TooLargeException e) {
        err.println(String.format(java.util.Locale.ROOT, "corpus: failed %s: too large: over the %.1f MB limit (raise --max-file-size)",
            file, maxFileSize.megabytes()));
        failed = true;
      } catch (NoSuchFileException e) {
        err.println("corpus: failed " + file + ": no such file");
        failed = true;
      } catch (IOException e) {
        err.println("corpus: failed " + file + ": cannot read: " + e.getMessage());
        failed = true;
      } catch (IngestException e) {
        err.println("corpus: " + (e.outcome() == IngestException.Outcome.SKIPPED ? "skipped " : "failed ") + file + ": " + e.getMessage());
        failed |= e.outcome() == IngestException.Outcome.FAILED;
      }
    }
    OutputFormat f = json ? OutputFormat.JSON : format;
    new Renderer(false).render(Reports.annotate(docs), f, spec.commandLine().getOut());
    return failed ? CorpusException.DATA : 0;
  }
}
