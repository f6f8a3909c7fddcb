package dev.corpus.spark;

import dev.corpus.extract.AnnotatedDocument;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.Pipeline;
import dev.corpus.ingest.BoundedRead;
import dev.corpus.ingest.IngestException;
import dev.corpus.ingest.Ingestor;
import dev.corpus.ingest.JsonLinesStream;
import dev.corpus.model.Article;
import dev.corpus.render.Renderer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one input file into {@link Outcome}s: what {@code corpus annotate FILE} does (the same
 * {@link Ingestor}, the same {@link Pipeline}, the same JSON through the CLI's {@link Renderer}),
 * with a failure becoming an outcome instead of a line on stderr. JSON Lines feeds are read one
 * record at a time, as {@code corpus index} reads them, so a feed's size is not limited by memory.
 * Cheap to build; the models come from {@link ExecutorModels}.
 */
final class FileExtraction {

  /** Opens the file's content; called once. */
  interface Content {
    InputStream open() throws IOException;
  }

  private final Ingestor ingestor;
  private final Pipeline pipeline;
  private final boolean embeddings;
  private final long maxFileBytes;
  private final Renderer renderer = new Renderer(false);

  /**
   * @param embeddings whether each article carries its embeddings ({@link EmbeddedDocument}); the
   *     pipeline must then have the embedding stage
   * @param maxFileBytes a larger file fails (for JSON Lines: a larger record), as {@code
   *     --max-file-size} in the CLI
   */
  FileExtraction(Ingestor ingestor, Pipeline pipeline, boolean embeddings, long maxFileBytes) {
    this.ingestor = ingestor;
    this.pipeline = pipeline;
    this.embeddings = embeddings;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * The outcomes of the file at {@code path}: one {@link Outcome.Kind#FILE}, then its articles or
   * what went wrong. Never throws for a bad file.
   *
   * @param path the file as reported ({@link Outcome#path()})
   * @param corpusPath what the articles' ids derive from ({@code DocumentIds})
   */
  List<Outcome> extract(String path, String corpusPath, Content content) {
    List<Outcome> out = new ArrayList<>();
    out.add(Outcome.file(path));
    String name = path.substring(path.lastIndexOf('/') + 1);
    try {
      if (ingestor.streams(name)) {
        feed(path, corpusPath, content, out);
      } else {
        byte[] bytes;
        try (InputStream in = content.open()) {
          bytes = BoundedRead.readAtMost(in, 0, maxFileBytes, path);
        }
        Ingestor.Result result = ingestor.ingest(path, corpusPath, bytes);
        List<Object> docs = new ArrayList<>();
        for (Article article : result.articles()) {
          docs.add(document(article));
        }
        for (String line : json(docs)) {
          out.add(Outcome.article(path, line));
        }
        for (String broken : result.brokenRecords()) {
          out.add(Outcome.problem(Outcome.Kind.BROKEN_RECORD, path, broken));
        }
      }
    } catch (BoundedRead.TooLargeException e) {
      out.add(Outcome.problem(Outcome.Kind.FAILED, path, tooLarge()));
    } catch (IOException e) {
      out.add(Outcome.problem(Outcome.Kind.FAILED, path, "cannot read: " + e.getMessage()));
    } catch (IngestException e) {
      out.add(Outcome.problem(e.outcome() == IngestException.Outcome.SKIPPED ? Outcome.Kind.SKIPPED : Outcome.Kind.FAILED, path, e.getMessage()));
    }
    return out;
  }

  /** A JSON Lines feed, record by record: a broken record is reported, a feed of none fails. */
  private void feed(String path, String corpusPath, Content content, List<Outcome> out) throws IOException, IngestException {
    List<String> broken = new ArrayList<>();
    int articles = 0;
    try (JsonLinesStream records = ingestor.jsonLines(path, corpusPath, content.open(), maxFileBytes)) {
      for (JsonLinesStream.Record record = records.next(); record != null; record = records.next()) {
        switch (record) {
          case JsonLinesStream.Read read -> {
            out.add(Outcome.article(path, json(List.of(document(read.article()))).get(0)));
            articles++;
          }
          case JsonLinesStream.Broken b -> broken.add(b.reason());
        }
      }
    }
    if (articles == 0) {
      // As corpus index: a feed with no article is one failed (or, when blank, skipped) file.
      out.add(broken.isEmpty()
          ? Outcome.problem(Outcome.Kind.SKIPPED, path, "no text (only blank lines)")
          : Outcome.problem(Outcome.Kind.FAILED, path, broken.get(0)));
      return;
    }
    for (String reason : broken) {
      out.add(Outcome.problem(Outcome.Kind.BROKEN_RECORD, path, reason));
    }
  }

  private Object document(Article article) {
    Annotations annotations = pipeline.run(article);
    AnnotatedDocument doc = AnnotatedDocument.of(article, annotations);
    return embeddings ? new EmbeddedDocument(doc, Embedding.of(annotations)) : doc;
  }

  /**
   * The documents as the {@code data} of {@code corpus annotate --format jsonl}'s {@code article}
   * messages, one line each (the renderer escapes every line break inside a record).
   */
  private List<String> json(List<Object> docs) {
    return docs.stream().map(renderer::jsonLine).toList();
  }

  private String tooLarge() {
    return String.format(Locale.ROOT, "too large: over the %.1f MB limit (raise --max-file-size)", maxFileBytes / 1e6);
  }
}
