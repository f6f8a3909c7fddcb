package dev.corpus.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.CorpusException;
import dev.corpus.extract.AnnotatedDocument;
import dev.corpus.extract.Pipeline;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.time.Timex;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.ingest.IngestException;
import dev.corpus.ingest.Ingestor;
import dev.corpus.model.Article;
import dev.corpus.render.OutputFormat;
import dev.corpus.render.Renderer;
import dev.corpus.render.Reports;
import dev.corpus.search.QueryParsing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * The contracts every fuzz input is checked against, shared by the Jazzer harnesses and the
 * mutation generator. Each check either returns normally (the input was handled, or refused in
 * an allowed way), throws {@link InvalidOutput} (handled, but the result breaks a contract), or
 * lets any other exception through (a crash).
 *
 * <p>Allowed refusals: {@link IngestException} from ingestion (a skipped or failed file), and
 * {@link CorpusException.Usage} from the query parser (a malformed query). Anything else thrown
 * is a bug.
 */
final class Invariants {

  /**
   * Raw line and paragraph separators (U+2028, U+2029) and NEL (U+0085) in JSON Lines output:
   * legal JSON, but line-oriented consumers split records on them, so the renderer escapes them
   * and their presence is an invalid output.
   */
  static final String KNOWN_RAW_SEPARATORS = "raw U+2028/U+2029/U+0085 in annotate JSON";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Ingestor ingestor = new Ingestor();
  private final QueryParsing queries = new QueryParsing(new CorpusAnalyzer());
  private final Renderer renderer = new Renderer(false);
  private final KnownIssues known;

  Invariants(KnownIssues known) {
    this.known = known;
  }

  /** Ingests {@code bytes} as the file {@code path}: readers only. */
  List<Article> ingest(String path, byte[] bytes) {
    Ingestor.Result result;
    try {
      result = ingestor.ingest(path, bytes);
    } catch (IngestException refused) {
      return List.of();
    }
    if (result.articles().isEmpty() && !result.brokenRecords().isEmpty()) {
      throw new InvalidOutput("no article but broken records and no IngestException: " + result.brokenRecords());
    }
    for (Article a : result.articles()) {
      if (a.body() == null) {
        throw new InvalidOutput("article with a null body");
      }
      if (a.id() == null || a.id().length() != 16) {
        throw new InvalidOutput("article id not 16 hex digits: " + a.id());
      }
      if (a.published() == null) {
        throw new InvalidOutput("article with a null publication date");
      }
      if (a.body().isBlank() && (a.title() == null || a.title().isBlank())) {
        throw new InvalidOutput("article with neither body nor title");
      }
    }
    return result.articles();
  }

  /** Ingests, runs {@code pipeline} on every article, renders annotate's JSON Lines and checks it. */
  void annotate(Pipeline pipeline, String path, byte[] bytes) {
    List<AnnotatedDocument> docs = new ArrayList<>();
    for (Article article : ingest(path, bytes)) {
      AnnotatedDocument doc = AnnotatedDocument.of(article, pipeline.run(article));
      spans(doc);
      docs.add(doc);
    }
    StringWriter out = new StringWriter();
    renderer.render(Reports.annotate(docs), OutputFormat.JSONL, new PrintWriter(out));
    String jsonl = out.toString();
    if (jsonl.indexOf('\u2028') >= 0 || jsonl.indexOf('\u2029') >= 0 || jsonl.indexOf('\u0085') >= 0) {
      // The renderer escapes them (Renderer.LineBreakEscapes): a record must stay on one line.
      throw new InvalidOutput(KNOWN_RAW_SEPARATORS);
    }
    List<String> lines = jsonl.lines().toList();
    if (lines.size() != docs.size() + 1) {
      throw new InvalidOutput(docs.size() + " documents but " + lines.size() + " JSON lines (one a document and the summary)");
    }
    for (int i = 0; i < lines.size(); i++) {
      JsonNode node;
      try {
        node = JSON.readTree(lines.get(i));
      } catch (IOException e) {
        throw new InvalidOutput("annotate JSON line does not parse: " + e.getMessage());
      }
      String type = i < docs.size() ? "article" : "summary";
      if (!node.path("type").asText().equals(type)) {
        throw new InvalidOutput("annotate JSON line " + (i + 1) + " is not a " + type + " message");
      }
      if (i < docs.size() && !node.path("data").path("body").asText().equals(docs.get(i).body())) {
        throw new InvalidOutput("annotate JSON body differs from the article body");
      }
    }
  }

  /** Parses {@code query}; a usage error is the allowed refusal. */
  void query(String query) {
    Query parsed;
    try {
      parsed = queries.parse(query);
    } catch (CorpusException.Usage refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank() || refused.getMessage().contains("\n")) {
        throw new InvalidOutput("usage error not one line: " + refused.getMessage());
      }
      return;
    }
    if (parsed == null) {
      throw new InvalidOutput("parser returned null for: " + query);
    }
    parsed.toString();
  }

  /** Every span is inside the body, in code points, and well ordered. */
  static void spans(AnnotatedDocument doc) {
    int length = doc.body().codePointCount(0, doc.body().length());
    for (EntityMention m : doc.entities()) {
      span("entity " + m.text(), m.start(), m.end(), length, false);
    }
    for (Timex t : doc.dates()) {
      span("date " + t.text(), t.start(), t.end(), length, false);
    }
    for (Claim c : doc.claims()) {
      span("claim content", c.start(), c.end(), length, false);
      span("claim speaker", c.speakerStart(), c.speakerEnd(), length, true);
      span("claim cue", c.cueStart(), c.cueEnd(), length, true);
    }
  }

  private static void span(String what, int start, int end, int length, boolean optional) {
    if (optional && start == -1 && end == -1) {
      return;
    }
    if (start < 0 || end > length || start > end) {
      throw new InvalidOutput(what + " span [" + start + ", " + end + ") outside body of " + length + " code points or reversed");
    }
  }

  /** Known issues seen, counted instead of thrown (see {@link #KNOWN_RAW_SEPARATORS}). */
  static final class KnownIssues {
    private final java.util.Map<String, Integer> counts = new java.util.TreeMap<>();

    /** Counts {@code issue}; the first time it is seen it is named on stderr for the fuzz logs. */
    synchronized void record(String issue) {
      if (counts.merge(issue, 1, Integer::sum) == 1) {
        System.err.println("KNOWN ISSUE: " + issue);
      }
    }

    synchronized java.util.Map<String, Integer> counts() {
      return java.util.Map.copyOf(counts);
    }

    Optional<String> summary() {
      var c = counts();
      return c.isEmpty() ? Optional.empty() : Optional.of(c.toString());
    }
  }
}
