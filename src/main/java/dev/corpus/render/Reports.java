package dev.corpus.render;

import static dev.corpus.render.Report.part;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corpus.extract.AnnotatedDocument;
import dev.corpus.index.IndexSummary;
import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import dev.corpus.extract.claim.AttributionScores;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimKind;
import dev.corpus.extract.ner.NerScores;
import dev.corpus.extract.time.TimexScores;
import dev.corpus.ingest.eval.BodyScores;
import dev.corpus.search.ClaimService;
import dev.corpus.search.CorrectionService;
import dev.corpus.search.DateService;
import dev.corpus.search.EntityGraph;
import dev.corpus.search.EntityService;
import dev.corpus.search.SearchResult;
import dev.corpus.search.ShowService;
import dev.corpus.search.Snippet;
import dev.corpus.search.StatsService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the {@link Report} of each command's typed result. */
public final class Reports {

  private Reports() {}

  public static Report search(SearchResult result, Renderer renderer, OutputFormat format) {
    SearchResult.Facets f = result.facets();
    return new Report(result, List.of(part("hits", "hit", result.hits()),
        part("facets.source", "facet", f == null ? null : facets("source", f.source())),
        part("facets.type", "facet", f == null ? null : facets("type", f.type())),
        part("facets.entity", "facet", f == null ? null : facets("entity", f.entity()))),
        () -> searchTable(result, renderer, format),
        () -> result.facets() == null ? null : Renderer.table(searchTable(result, renderer, format)) + facetsText(result.facets()));
  }

  /**
   * One count of search's {@code facets} as a JSONL message: the count's own fields and the
   * array of {@code facets} it is from, which the message's type does not say.
   *
   * @param facet {@code source}, {@code type} or {@code entity}
   * @param count a {@link SearchResult.Count} or {@link SearchResult.EntityCount}
   */
  public record Facet(String facet, @JsonUnwrapped Object count) {}

  private static List<Facet> facets(String facet, List<?> counts) {
    return counts.stream().map(c -> new Facet(facet, c)).toList();
  }

  private static String facetsText(SearchResult.Facets f) {
    StringBuilder text = new StringBuilder("\nfacets (articles among all matches):\n");
    text.append("  source:\n");
    f.source().forEach(c -> text.append(String.format(Locale.ROOT, "    %5d  %s%n", c.count(), c.value())));
    text.append("  type:\n");
    f.type().forEach(c -> text.append(String.format(Locale.ROOT, "    %5d  %s%n", c.count(), c.value())));
    text.append("  entity:\n");
    f.entity().forEach(c -> text.append(String.format(Locale.ROOT, "    %5d  %s (%s)%n", c.count(), c.name(), c.type())));
    return text.toString();
  }

  private static TableView searchTable(SearchResult result, Renderer renderer, OutputFormat format) {
    List<List<String>> rows = new ArrayList<>();
    for (SearchResult.Hit h : result.hits()) {
      String snippet = h.snippet() == null ? "" : marked(h.snippet(), format == OutputFormat.TABLE ? renderer : null);
      rows.add(List.of(
          Integer.toString(h.rank()),
          date(h.published()),
          nz(h.source()),
          nz(h.title()),
          h.id(),
          String.format(Locale.ROOT, "%.3f", h.score()),
          h.path(),
          snippet));
    }
    return new TableView(
        List.of("rank", "published", "source", "title", "id", "score", "path", "snippet"),
        rows,
        format == OutputFormat.TABLE ? Set.of("path", "snippet") : Set.of());
  }

  public static Report index(IndexSummary s) {
    return new Report(s, List.of(part("failures", "failure", s.failures()), part("skips", "skip", s.skips())), () -> indexTable(s));
  }

  private static TableView indexTable(IndexSummary s) {
    return new TableView(
            List.of("indexed", "unchanged", "removed", "skipped", "failed", "articles", "documents", "seconds", "mb_per_s"),
            List.of(List.of(
                Long.toString(s.indexed()), Long.toString(s.unchanged()), Long.toString(s.removed()),
                Long.toString(s.skipped()), Long.toString(s.failed()), Long.toString(s.articles()),
                Long.toString(s.documents()), Double.toString(s.seconds()), Double.toString(s.megabytesPerSecond()))));
  }

  public static Report show(ShowService.Shown shown) {
    return new Report(shown, List.of(part("articles", "article", shown.articles())), () -> showTable(shown), () -> showText(shown));
  }

  private static TableView showTable(ShowService.Shown shown) {
    List<List<String>> rows = new ArrayList<>();
    for (ShowService.ShownArticle sa : shown.articles()) {
      Article a = sa.article();
      rows.add(List.of(a.id(), a.path(), nz(a.title()), nz(a.source()), nz(a.byline()), date(a.published()), a.body()));
    }
    return new TableView(List.of("id", "path", "title", "source", "byline", "published", "body"), rows);
  }

  private static String showText(ShowService.Shown shown) {
    StringBuilder text = new StringBuilder();
    for (ShowService.ShownArticle sa : shown.articles()) {
      Article a = sa.article();
      if (text.length() > 0) {
        text.append("\n").append("─".repeat(40)).append("\n\n");
      }
      field(text, "id", a.id());
      field(text, "path", a.record() > 0 ? a.path() + " (line " + a.record() + ")" : a.path());
      field(text, "title", a.title());
      field(text, "source", a.source());
      field(text, "byline", a.byline());
      field(text, "dateline", a.dateline());
      field(text, "published", describe(a.published()));
      field(text, "updated", a.updated() == null ? null : describe(a.updated()));
      field(text, "url", a.url());
      field(text, "format", a.format() + ", " + a.encoding());
      if (!sa.entities().isEmpty()) {
        field(text, "entities", String.join("; ", sa.entities().stream().limit(12)
            .map(e -> e.name() + " (" + e.type() + (e.mentions() > 1 ? " ×" + e.mentions() : "") + ")").toList())
            + (sa.entities().size() > 12 ? "; …" : ""));
      }
      field(text, "dates", sa.dates().isEmpty() ? null : sa.dates().size() + " expressions (corpus annotate or --json for all)");
      field(text, "claims", sa.claims().isEmpty() ? null : sa.claims().size() + " (corpus claims --about, or --json)");
      text.append('\n').append(a.body()).append('\n');
    }
    return text.toString();
  }

  public static Report corrections(CorrectionService.Report r) {
    return new Report(r, List.of(part("corrections", "correction", r.corrections())), () -> correctionsTable(r));
  }

  private static TableView correctionsTable(CorrectionService.Report r) {
    List<List<String>> rows = new ArrayList<>();
    for (CorrectionService.Item c : r.corrections()) {
      String what = switch (c.kind()) {
        case "merge" -> String.join(" + ", c.names());
        case "split" -> c.names().get(0) + ": keep " + String.join(", ", c.keep());
        default -> c.names().get(0) + " → " + c.to();
      };
      rows.add(List.of(Integer.toString(c.number()), Integer.toString(c.line()), c.kind(), what,
          c.applied() ? "applied" : "skipped", c.detail()));
    }
    return new TableView(List.of("number", "line", "kind", "correction", "status", "detail"), rows);
  }

  public static Report stats(StatsService.Stats s) {
    return new Report(s, List.of(part("sources", "source", s.sources())), () -> statsTable(s), () -> statsText(s));
  }

  private static String statsText(StatsService.Stats s) {
    StringBuilder text = new StringBuilder();
    field(text, "index", s.index());
    field(text, "articles", Long.toString(s.articles()));
    field(text, "files", Long.toString(s.files()));
    field(text, "published", s.earliest() == null ? "no dates" : s.earliest() + " … " + s.latest());
    field(text, "undated", Long.toString(s.undated()));
    field(text, "entities", s.entities() + (s.corrections() > 0 ? " (" + s.corrections() + " corrections by hand applied)" : ""));
    if (s.notExtracted() > 0) {
      field(text, "not extracted", s.notExtracted() + " (indexed with --no-extract: no entities, dates or claims yet)");
    }
    if (s.notEnglish() > 0) {
      field(text, "not English", s.notEnglish() + " (searchable; no entities, dates or claims: the extractors read English)");
    }
    field(text, "index size", String.format(Locale.ROOT, "%.1f MB", s.indexBytes() / 1e6));
    text.append("sources:\n");
    for (StatsService.SourceCount c : s.sources()) {
      text.append(String.format(Locale.ROOT, "  %6d  %s%n", c.articles(), c.source()));
    }
    return text.toString();
  }

  private static TableView statsTable(StatsService.Stats s) {
    List<List<String>> rows = new ArrayList<>();
    for (StatsService.SourceCount c : s.sources()) {
      rows.add(List.of(c.source(), Long.toString(c.articles())));
    }
    return new TableView(List.of("source", "articles"), rows);
  }

  public static Report entities(EntityService.EntityList list) {
    return new Report(list, List.of(part("entities", "entity", list.entities())), () -> entitiesTable(list));
  }

  private static TableView entitiesTable(EntityService.EntityList list) {
    List<List<String>> rows = new ArrayList<>();
    for (EntityService.Summary e : list.entities()) {
      rows.add(List.of(e.name(), e.type(), Integer.toString(e.documents()), Integer.toString(e.mentions()), String.join("; ", e.aliases()),
          e.id(), linkText(e.link())));
    }
    return new TableView(List.of("name", "type", "documents", "mentions", "aliases", "id", "stands for"), rows);
  }

  /** "Russia (capital)", or "" for no link. */
  private static String linkText(EntityService.Link link) {
    return link == null ? "" : link.country() + " (" + link.relation() + ")";
  }

  /** The entities an ambiguous name may mean, numbered for {@code --pick N}. */
  public static Report candidates(EntityService.Candidates c) {
    return new Report(c, List.of(part("candidates", "candidate", c.candidates())), () -> {
      List<List<String>> rows = new ArrayList<>();
      int rank = 1;
      for (EntityService.Summary e : c.candidates()) {
        rows.add(List.of(Integer.toString(rank++), e.name(), e.type(), Integer.toString(e.documents()), e.id()));
      }
      return new TableView(List.of("pick", "name", "type", "documents", "id"), rows);
    });
  }

  public static Report entity(EntityService.Profile p) {
    return new Report(p, List.of(part("linked", "linked", p.linked()), part("roles", "role", p.roles()),
        part("articles", "article", p.articles()), part("cooccurring", "cooccurrence", p.cooccurring()),
        part("snippets", "snippet", p.snippets())), () -> entityTable(p), () -> entityText(p));
  }

  private static TableView entityTable(EntityService.Profile p) {
    List<List<String>> rows = new ArrayList<>();
    for (EntityService.DocumentRef d : p.articles()) {
      rows.add(List.of(d.id(), nz(d.published()), nz(d.source()), nz(d.title()), Integer.toString(d.mentions())));
    }
    return new TableView(List.of("id", "published", "source", "title", "mentions"), rows);
  }

  private static String entityText(EntityService.Profile p) {
    StringBuilder text = new StringBuilder();
    field(text, "name", p.name());
    field(text, "type", p.type());
    field(text, "aliases", p.aliases().isEmpty() ? null : String.join("; ", p.aliases()));
    field(text, "mentions", p.mentions() + " in " + p.documents() + (p.documents() == 1 ? " article" : " articles"));
    field(text, "published", p.firstPublished() == null ? "no dated articles" : p.firstPublished() + " … " + p.lastPublished());
    field(text, "stands for", p.link() == null ? null : linkText(p.link()));
    if (!p.linked().isEmpty()) {
      text.append("stood for by:\n");
      for (EntityService.Linked l : p.linked()) {
        text.append(String.format(Locale.ROOT, "  %3d  %s (%s, %s)%n", l.documents(), l.name(), l.type(), l.relation()));
      }
    }
    if (!p.roles().isEmpty()) {
      text.append("roles:\n");
      for (EntityService.Role r : p.roles()) {
        text.append(String.format(Locale.ROOT, "  %-40s %s (%s)%n", r.role(), r.source() == null ? "unknown source" : r.source(), r.document()));
      }
    }
    text.append("articles:\n");
    for (EntityService.DocumentRef d : p.articles()) {
      text.append(String.format(Locale.ROOT, "  %s  %-10s  %-20s  %s%n", d.id(), d.published() == null ? "undated" : d.published().substring(0, Math.min(10, d.published().length())),
          d.source() == null ? "" : d.source(), nz(d.title())));
    }
    if (!p.cooccurring().isEmpty()) {
      text.append("appears with:\n");
      for (EntityService.Cooccurrence c : p.cooccurring()) {
        text.append(String.format(Locale.ROOT, "  %3d  %s (%s)%n", c.documents(), c.name(), c.type()));
      }
    }
    if (!p.snippets().isEmpty()) {
      text.append("mentions:\n");
      for (EntityService.MentionSnippet s : p.snippets()) {
        text.append("  ").append(s.document()).append("  ").append(s.text()).append('\n');
      }
    }
    return text.toString();
  }

  /** The co-occurrence network of {@code entities --graph} for the JSON formats (the graph formats are {@link GraphWriter}'s). */
  public static Report graph(EntityGraph.Graph g) {
    return new Report(g, List.of(part("nodes", "node", g.nodes()), part("edges", "edge", g.edges())), () -> {
      throw new IllegalStateException("a graph has no table: GraphWriter writes csv-edges");
    });
  }

  public static Report nerScores(NerScores scores) {
    List<NerScores.Score> rows = new ArrayList<>(scores.types());
    rows.add(scores.overall());
    return new Report(scores, List.of(part("types", "score", scores.types())), () -> nerTable(rows), scores::summary);
  }

  private static TableView nerTable(List<NerScores.Score> scores) {
    List<List<String>> rows = new ArrayList<>();
    for (NerScores.Score s : scores) {
      rows.add(List.of(s.type(), Double.toString(s.precision()), Double.toString(s.recall()), Double.toString(s.f1()),
          Integer.toString(s.gold()), Integer.toString(s.predicted()), Integer.toString(s.correct())));
    }
    return new TableView(List.of("type", "precision", "recall", "f1", "gold", "found", "correct"), rows);
  }

  public static Report attributionScores(AttributionScores s) {
    return new Report(s, List.of(), () -> new TableView(
        List.of("content_p", "content_r", "content_f1", "source_content_p", "source_content_r", "source_content_f1",
            "strict_content_p", "strict_content_r", "strict_content_f1",
            "strict_source_content_p", "strict_source_content_r", "strict_source_content_f1"),
        List.of(prfCells(s.content(), s.sourceAndContent(), s.strictContent(), s.strictSourceAndContent()))), s::summary);
  }

  private static List<String> prfCells(AttributionScores.Prf... scores) {
    List<String> cells = new ArrayList<>();
    for (AttributionScores.Prf p : scores) {
      cells.add(Double.toString(p.precision()));
      cells.add(Double.toString(p.recall()));
      cells.add(Double.toString(p.f1()));
    }
    return cells;
  }

  public static Report bodyScores(BodyScores s) {
    return new Report(s, List.of(part("pages", "page", s.pages())), () -> new TableView(
        List.of("pages", "precision", "recall", "f1", "accuracy", "near_empty", "skipped"),
        List.of(List.of(Integer.toString(s.documents()), String.format(Locale.ROOT, "%.4f", s.precision()),
            String.format(Locale.ROOT, "%.4f", s.recall()), String.format(Locale.ROOT, "%.4f", s.f1()),
            String.format(Locale.ROOT, "%.4f", s.accuracy()), Integer.toString(s.nearEmpty()), Integer.toString(s.skipped())))),
        s::summary);
  }

  public static Report timexScores(TimexScores s) {
    return new Report(s, List.of(), () -> new TableView(
        List.of("strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "type_accuracy", "value_accuracy", "value_f1"),
        List.of(List.of(Double.toString(s.strict().f1()), Double.toString(s.relaxed().precision()), Double.toString(s.relaxed().recall()),
            Double.toString(s.relaxed().f1()), Double.toString(s.typeAccuracy()), Double.toString(s.valueAccuracy()),
            Double.toString(s.value().f1())))), s::summary);
  }

  public static Report dates(DateService.DateList list) {
    return new Report(list, List.of(part("dates", "date", list.dates())), () -> {
      List<List<String>> rows = new ArrayList<>();
      for (DateService.DateGroup g : list.dates()) {
        String sample = g.samples().isEmpty() ? "" : g.samples().get(0).sentence();
        rows.add(List.of(g.value(), g.granularity(), Integer.toString(g.articles()), Integer.toString(g.mentions()), sample));
      }
      return new TableView(List.of("value", "granularity", "articles", "mentions", "sample"), rows, Set.of("sample"));
    });
  }

  public static Report timeline(DateService.Timeline t) {
    return new Report(t, List.of(part("events", "event", t.events()), part("conflicts", "conflict", t.conflicts()),
        part("datings", "dating", t.datings())), () -> {
      List<List<String>> rows = new ArrayList<>();
      for (DateService.Event e : t.events()) {
        DateService.EventSentence s = e.representative();
        rows.add(List.of(e.date(), e.precision(), Integer.toString(e.reports()), Integer.toString(e.sentences().size()), s.document(),
            nz(s.source()), s.text(), nz(s.resolvedAs()), s.sentence()));
      }
      return new TableView(List.of("date", "precision", "reports", "sentences", "document", "source", "mention", "resolved_as", "sentence"), rows);
    }, () -> timelineText(t));
  }

  /** Who reports something, for people: the outlet, else the headline (shortened), else the id. */
  private static String reporter(String source, String title, String id) {
    if (source != null) {
      return source;
    }
    if (title == null || title.isBlank()) {
      return id;
    }
    return "“" + (title.length() <= 40 ? title : title.substring(0, 39).strip() + "…") + "”";
  }

  /** Other reports' sentences shown under an event's representative in the text view. */
  private static final int OTHER_REPORTS_SHOWN = 2;

  private static String timelineText(DateService.Timeline t) {
    StringBuilder text = new StringBuilder();
    String date = null;
    for (DateService.Event e : t.events()) {
      Map<String, String> labels = new HashMap<>();
      e.articles().forEach(a -> labels.put(a.id(), reporter(a.source(), a.title(), a.id())));
      // The date once, then each of its events (several things happen on one day or in one year).
      if (!e.date().equals(date)) {
        date = e.date();
        text.append(date).append('\n');
      }
      text.append("  ").append(e.reports()).append(e.reports() == 1 ? " report: " : " reports: ");
      text.append(String.join(", ", e.articles().stream().map(a -> labels.get(a.id())).distinct().toList())).append("\n");
      appendSentence(text, "    ", e.representative(), labels);
      // A few other reports, each from another article than those shown: what else was said.
      Set<String> shown = new java.util.HashSet<>(Set.of(e.representative().document()));
      int others = 0;
      for (DateService.EventSentence s : e.sentences()) {
        if (others < OTHER_REPORTS_SHOWN && s != e.representative() && shown.add(s.document())) {
          appendSentence(text, "      also: ", s, labels);
          others++;
        }
      }
      int more = e.sentences().size() - 1 - others;
      if (more > 0) {
        text.append("      (").append(more).append(more == 1 ? " more sentence" : " more sentences").append(": --format json lists all)\n");
      }
    }
    if (!t.conflicts().isEmpty()) {
      text.append("\nconflicts:\n");
      for (DateService.Conflict c : t.conflicts()) {
        text.append(String.format(Locale.ROOT, "  %s (published %s): \"%s\" reads as %s, but %d other articles put the event on %s%n",
            c.document(), c.published(), c.mention(), c.resolvedAs(), c.supportedBy().size(), c.corpusDate()));
      }
    }
    if (!t.datings().isEmpty()) {
      text.append("\nyears from the corpus (pages that print none):\n");
      for (DateService.Dating d : t.datings()) {
        text.append(String.format(Locale.ROOT, "  %s%s: %s, from %s (%d supporting articles)%n", d.document(),
            d.printed() == null ? "" : " (printed \"" + d.printed() + "\")", d.year(), String.join("; ", d.evidence()), d.supportedBy().size()));
      }
    }
    return text.toString();
  }

  private static void appendSentence(StringBuilder text, String prefix, DateService.EventSentence s, Map<String, String> labels) {
    text.append(prefix).append(s.sentence());
    text.append("  [").append(labels.getOrDefault(s.document(), s.source() == null ? s.document() : s.source()));
    if (s.resolvedAs() != null && s.resolvedAs().startsWith("XXXX")) {
      text.append("; the page gives no year: the corpus does");
    } else if (s.resolvedAs() != null) {
      text.append("; its page date gives ").append(s.resolvedAs());
    }
    text.append("]\n");
  }

  public static Report claims(ClaimService.ClaimList list) {
    return new Report(list, List.of(part("claims", "claim", list.claims())), () -> {
      List<List<String>> rows = new ArrayList<>();
      for (ClaimService.Item c : list.claims()) {
        rows.add(List.of(nz(c.published()).length() > 10 ? c.published().substring(0, 10) : nz(c.published()), nz(c.source()),
            c.speaker() == null ? "(" + nz(c.speakerText()) + ")" : c.speaker(), nz(c.cue()), c.kind().label(),
            c.direct() ? "quote" : "reported", polarity(c.negated(), c.denies()), c.document(), c.content()));
      }
      return new TableView(List.of("published", "source", "speaker", "cue", "kind", "form", "polarity", "document", "content"), rows,
          Set.of("content"));
    });
  }

  /**
   * The polarity column of a claim: empty when the speaker holds the content, {@code negated} when
   * the cue is ("did not say"), {@code denies} when the speaker rejects the content ("denied that").
   */
  private static String polarity(boolean negated, boolean denies) {
    return negated && denies ? "negated, denies" : negated ? "negated" : denies ? "denies" : "";
  }

  public static Report claimClusters(ClaimService.ClusterList list) {
    return new Report(list, List.of(part("clusters", "cluster", list.clusters()), part("disagreements", "disagreement", list.disagreements())), () -> {
      List<List<String>> rows = new ArrayList<>();
      int n = 0;
      for (ClaimService.Cluster c : list.clusters()) {
        n++;
        for (int i = 0; i < c.members().size(); i++) {
          ClaimService.Member m = c.members().get(i);
          List<String> with = new ArrayList<>();
          for (ClaimService.Conflict d : c.disagreements()) {
            if (d.first().member() == i || d.second().member() == i) {
              with.add(d.kind() + " " + (d.first().member() == i ? d.second().member() + 1 : d.first().member() + 1));
            }
          }
          rows.add(List.of(Integer.toString(n), Integer.toString(i + 1), Integer.toString(c.articles()), nz(m.source()),
              m.speaker() == null ? "" : m.speaker(), m.kind() == null ? "" : m.kind().label(), polarity(m.negated(), m.denies()),
              String.join(", ", with), m.document(), m.text()));
        }
      }
      return new TableView(List.of("cluster", "member", "articles", "source", "speaker", "kind", "polarity", "disagrees", "document", "text"), rows);
    }, () -> clustersText(list));
  }

  private static String clustersText(ClaimService.ClusterList list) {
    StringBuilder text = new StringBuilder();
    int n = 0;
    for (ClaimService.Cluster c : list.clusters()) {
      text.append(String.format(Locale.ROOT, "%d. %d articles, %d sources%s%n", ++n, c.articles(), c.sources().size(),
          c.disagreementCount() == 0 ? "" : ", " + c.disagreementCount() + (c.disagreementCount() == 1 ? " disagreement" : " disagreements")));
      int i = 0;
      for (ClaimService.Member m : c.members()) {
        text.append(String.format(Locale.ROOT, "   %d. ", ++i)).append(m.text()).append("  [").append(reporter(m.source(), m.title(), m.document()));
        if (m.speaker() != null) {
          text.append("; ").append(m.speaker());
        }
        if (m.kind() != null && m.kind() != ClaimKind.STATEMENT) {
          text.append("; ").append(m.kind().label()); // a position or, when asked for, a belief or an intention
        }
        String polarity = polarity(m.negated(), m.denies());
        if (!polarity.isEmpty()) {
          text.append("; ").append(polarity).append(" (").append(m.cue()).append(')');
        }
        text.append("]\n");
      }
      for (ClaimService.Conflict d : c.disagreements()) {
        text.append("   ! ").append(d.kind()).append(": ").append(d.first().member() + 1).append(" gives ").append(d.first().value())
            .append(", ").append(d.second().member() + 1).append(" gives ").append(d.second().value())
            .append(d.pairs() > 1 ? " (and " + (d.pairs() - 1) + " more pairs of members alike)" : "").append('\n');
      }
      if (c.disagreementCount() > c.disagreements().size()) {
        text.append("   (").append(c.disagreementCount() - c.disagreements().size())
            .append(" more differences not listed: those most members share come first)\n");
      }
    }
    if (!list.disagreements().isEmpty()) {
      text.append("\nsources give a person's role differently:\n");
      for (ClaimService.Disagreement d : list.disagreements()) {
        text.append("  ").append(d.entity()).append(" (").append(d.kind()).append("):\n");
        for (ClaimService.Given g : d.values()) {
          text.append("    ").append(g.value()).append("  [").append(g.source() == null ? g.document() : g.source()).append("]\n");
        }
      }
    }
    return text.toString();
  }

  public static Report annotate(List<AnnotatedDocument> docs) {
    return new Report(new AnnotatedDocument.Batch(Claim.JSON_VERSION, docs), List.of(part("documents", "article", docs)), () -> annotateTable(docs));
  }

  private static TableView annotateTable(List<AnnotatedDocument> docs) {
    List<List<String>> rows = new ArrayList<>();
    for (AnnotatedDocument d : docs) {
      rows.add(List.of(
          d.id(), d.path(), nz(d.title()), nz(d.source()), date(d.published()),
          Integer.toString(d.body().codePointCount(0, d.body().length())),
          Integer.toString(d.entities().size()), Integer.toString(d.dates().size()), Integer.toString(d.claims().size())));
    }
    return new TableView(List.of("id", "path", "title", "source", "published", "chars", "entities", "dates", "claims"), rows);
  }

  private static String marked(Snippet s, Renderer emphasis) {
    if (emphasis == null) {
      return s.text();
    }
    StringBuilder out = new StringBuilder();
    int[] cps = s.text().codePoints().toArray();
    int at = 0;
    for (Snippet.Highlight h : s.highlights()) {
      out.append(new String(cps, at, h.start() - at));
      out.append(emphasis.emphasis(new String(cps, h.start(), h.end() - h.start())));
      at = h.end();
    }
    out.append(new String(cps, at, cps.length - at));
    return out.toString();
  }

  private static String date(PublishedDate d) {
    if (d == null) {
      return "";
    }
    if (d.value() != null) {
      return d.value().length() > 10 ? d.value().substring(0, 10) : d.value();
    }
    return d.text() == null ? "" : d.text() + "?";
  }

  private static String describe(PublishedDate d) {
    if (d.value() == null && d.text() == null) {
      return "unknown";
    }
    StringBuilder out = new StringBuilder(d.value() == null ? "unknown" : d.value());
    if (d.text() != null) {
      out.append("  (printed \"").append(d.text()).append("\"");
      if (d.evidence() != null) {
        out.append(", from ").append(d.evidence());
      }
      out.append(d.inferred() ? ", inferred" : "").append(')');
    }
    return out.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(String.format(Locale.ROOT, "%-10s %s%n", name + ":", value));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
