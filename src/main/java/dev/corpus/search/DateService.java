package dev.corpus.search;

import dev.corpus.CorpusException;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import dev.corpus.extract.time.Timex;
import dev.corpus.extract.time.TimexRanges;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import dev.corpus.model.Article;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * The dates the articles mention: grouped by value ({@code corpus dates}) and as a timeline of
 * dated events ({@code corpus timeline}).
 *
 * <p>The timeline ties a relative date to the event other articles report: when an article's
 * "the 19th", read against its printed date, lands on a day no other article reports, while at
 * least two other articles put a sentence naming the same people and places (two entities or
 * more in common) on the same day of the month in another month or year, the mention joins that
 * event and the article's printed date is reported as a conflict.
 */
public final class DateService {

  /** {@code corpus dates}: periods intersecting {@code [since, until]} of articles matching {@code query}. */
  public record DatesRequest(String since, String until, String query, int limit) {}

  /** A sentence that mentions a date. */
  public record Sample(String document, String source, String text, String sentence) {}

  /** One date value and who mentions it. */
  public record DateGroup(String value, String granularity, String from, String to, int articles, int mentions, List<Sample> samples) {}

  /** The result of {@code corpus dates}. */
  public record DateList(int version, long total, List<DateGroup> dates) {}

  /** {@code corpus timeline}. */
  public record TimelineRequest(String query, String entity, String since, String until, int limit) {}

  /** An article that reports an event. */
  public record Reporter(String id, String title, String source, String published) {}

  /**
   * A sentence placing something on the event's day.
   *
   * @param resolvedAs when the mention was tied here from another day (see the class comment), the
   *     value its own article's date gave it; else null
   */
  public record EventSentence(String document, String source, String text, String sentence, String resolvedAs) {}

  /** A day and everything the corpus places on it. */
  public record Event(String date, List<EventSentence> sentences, List<Reporter> articles) {}

  /** An article whose printed date puts its events where the rest of the corpus does not. */
  public record Conflict(String document, String published, String mention, String resolvedAs, String corpusDate, List<String> supportedBy) {}

  /**
   * A year the corpus gives an article that prints none: its month-and-day mentions ("June 19")
   * match days that other articles date, in sentences naming the same entities.
   *
   * @param year the year the supporting articles give
   * @param evidence the mentions that were placed, as "June 19 → 2024-06-19"
   */
  public record Dating(String document, String printed, String year, List<String> evidence, List<String> supportedBy) {}

  /** The result of {@code corpus timeline}. */
  public record Timeline(int version, List<Event> events, List<Conflict> conflicts, List<Dating> datings) {}

  /** The stored fields the date commands read (not the claims). */
  private static final Set<String> MENTION_FIELDS = Set.of(
      IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META, IndexSchema.BODY, IndexSchema.DATES, IndexSchema.ENTITIES);

  private final CorpusIndex index;
  private final Clock clock;
  private final NameRules rules = NameRules.shared();
  private final QueryParsing parsing = new QueryParsing(new CorpusAnalyzer());
  private final Tokenizer tokenizer = new Tokenizer();

  public DateService(CorpusIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /** One dated mention with its article and sentence, as both commands see it. */
  private record Mention(Article article, Timex timex, LocalDate[] range, String sentence, Set<String> entities) {}

  private Query filter(String query) {
    Query articles = new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE));
    if (query == null) {
      return articles;
    }
    return new BooleanQuery.Builder().add(parsing.parse(query), BooleanClause.Occur.MUST).add(articles, BooleanClause.Occur.FILTER).build();
  }

  private LocalDate[] window(String since, String until, String sinceOption, String untilOption) {
    LocalDate today = LocalDate.now(clock);
    LocalDate from = since == null ? LocalDate.MIN : DateRange.start(sinceOption, since, today);
    LocalDate to = until == null ? LocalDate.MAX : DateRange.end(untilOption, until, today);
    if (from.isAfter(to)) {
      throw new CorpusException.Usage(sinceOption + " " + since + " is after " + untilOption + " " + until);
    }
    return new LocalDate[] {from, to};
  }

  /** Lists the dates mentioned; see {@link DatesRequest}. */
  public DateList dates(DatesRequest request) {
    LocalDate[] window = window(request.since(), request.until(), "--since", "--until");
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<String, List<Mention>> byValue = new TreeMap<>();
      for (Mention m : mentions(searcher, filter(request.query()), null)) {
        if (!m.range()[1].isBefore(window[0]) && !m.range()[0].isAfter(window[1])) {
          byValue.computeIfAbsent(m.timex().value(), k -> new ArrayList<>()).add(m);
        }
      }
      List<DateGroup> groups = new ArrayList<>();
      for (Map.Entry<String, List<Mention>> e : byValue.entrySet()) {
        List<Mention> ms = e.getValue();
        LocalDate[] range = ms.get(0).range();
        Set<String> articles = new LinkedHashSet<>();
        List<Sample> samples = new ArrayList<>();
        for (Mention m : ms) {
          if (articles.add(m.article().id()) && samples.size() < 3) {
            samples.add(new Sample(m.article().id(), m.article().source(), m.timex().text(), m.sentence()));
          }
        }
        groups.add(new DateGroup(e.getKey(), TimexRanges.granularity(e.getKey()), range[0].toString(), range[1].toString(),
            articles.size(), ms.size(), List.copyOf(samples)));
      }
      groups.sort(Comparator.comparing(DateGroup::from).thenComparing(DateGroup::to, Comparator.reverseOrder()).thenComparing(DateGroup::value));
      return new DateList(1, groups.size(), List.copyOf(groups.subList(0, Math.min(Math.max(0, request.limit()), groups.size()))));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** The timeline; see {@link TimelineRequest}. */
  public Timeline timeline(TimelineRequest request) {
    LocalDate[] window = window(request.since(), request.until(), "--since", "--until");
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.build(searcher, filter(null), rules);
      EntityCatalog.Entity focus = request.entity() == null ? null : catalog.find(request.entity(), rules)
          .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + request.entity() + "' in the index"));
      Map<String, List<Mention>> byDay = new TreeMap<>();
      List<Mention> yearless = new ArrayList<>();
      for (Mention m : mentions(searcher, filter(request.query()), catalog, yearless)) {
        if (m.range()[0].equals(m.range()[1])) {
          byDay.computeIfAbsent(m.range()[0].toString(), k -> new ArrayList<>()).add(m);
        }
      }
      List<Conflict> conflicts = new ArrayList<>();
      Set<Mention> moved = new HashSet<>();
      Map<String, List<EventSentence>> tiedIn = tie(byDay, conflicts, moved);
      List<Dating> datings = placeYearless(yearless, byDay, tiedIn);
      Map<String, Article> allArticles = new LinkedHashMap<>();
      byDay.values().forEach(ms -> ms.forEach(m -> allArticles.putIfAbsent(m.article().id(), m.article())));
      yearless.forEach(m -> allArticles.putIfAbsent(m.article().id(), m.article()));
      List<Event> events = new ArrayList<>();
      java.util.TreeSet<String> days = new java.util.TreeSet<>(byDay.keySet());
      days.addAll(tiedIn.keySet());
      for (String key : days) {
        Map.Entry<String, List<Mention>> e = Map.entry(key, byDay.getOrDefault(key, List.of()));
        LocalDate day = LocalDate.parse(e.getKey());
        if (day.isBefore(window[0]) || day.isAfter(window[1])) {
          continue;
        }
        Map<String, Reporter> reporters = new LinkedHashMap<>();
        List<EventSentence> sentences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<EventSentence> all = new ArrayList<>();
        for (Mention m : e.getValue()) {
          if (moved.contains(m)) {
            continue;
          }
          all.add(new EventSentence(m.article().id(), m.article().source(), m.timex().text(), m.sentence(), null));
        }
        all.addAll(tiedIn.getOrDefault(e.getKey(), List.of()));
        Map<String, Article> articles = new LinkedHashMap<>();
        for (Mention m : e.getValue()) {
          articles.put(m.article().id(), m.article());
        }
        for (EventSentence s : all) {
          if (focus != null && !mentionsEntity(s, focus)) {
            continue;
          }
          if (seen.add(s.document() + "\u0000" + s.sentence())) {
            sentences.add(s);
          }
          Article a = allArticles.get(s.document());
          reporters.putIfAbsent(s.document(), new Reporter(a.id(), a.title(), a.source(), a.published() == null ? null : a.published().value()));
        }
        if (!sentences.isEmpty()) {
          events.add(new Event(e.getKey(), List.copyOf(sentences), List.copyOf(reporters.values())));
        }
      }
      int limit = Math.max(0, request.limit());
      return new Timeline(1, List.copyOf(events.subList(0, Math.min(limit, events.size()))), List.copyOf(conflicts), datings);
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Ties uncorroborated relative mentions to the corroborated event they describe (see the class
   * comment); returns the sentences each day receives, fills {@code conflicts} and adds the
   * mentions that left their own day to {@code moved}.
   */
  private static Map<String, List<EventSentence>> tie(Map<String, List<Mention>> byDay, List<Conflict> conflicts, Set<Mention> moved) {
    Map<String, List<EventSentence>> tiedIn = new LinkedHashMap<>();
    Map<String, java.time.Period> shifts = new LinkedHashMap<>();
    for (Map.Entry<String, List<Mention>> e : byDay.entrySet()) {
      Set<String> reporters = new HashSet<>();
      e.getValue().forEach(m -> reporters.add(m.article().id()));
      if (reporters.size() != 1) {
        continue; // corroborated, or nothing to tie
      }
      LocalDate day = LocalDate.parse(e.getKey());
      for (Mention m : e.getValue()) {
        if (!m.timex().relative() || m.entities() == null || m.entities().size() < 2) {
          continue;
        }
        String best = null;
        List<String> support = List.of();
        for (Map.Entry<String, List<Mention>> other : byDay.entrySet()) {
          LocalDate d = LocalDate.parse(other.getKey());
          if (d.equals(day) || d.getDayOfMonth() != day.getDayOfMonth() || Math.abs(d.toEpochDay() - day.toEpochDay()) > 400) {
            continue;
          }
          Set<String> shared = new HashSet<>();
          Set<String> others = new LinkedHashSet<>();
          for (Mention o : other.getValue()) {
            if (!o.article().id().equals(m.article().id()) && o.entities() != null) {
              Set<String> common = new HashSet<>(o.entities());
              common.retainAll(m.entities());
              if (!common.isEmpty()) {
                shared.addAll(common);
                others.add(o.article().id());
              }
            }
          }
          if (others.size() >= 2 && shared.size() >= 2 && others.size() > support.size()) {
            best = other.getKey();
            support = List.copyOf(others);
          }
        }
        if (best != null) {
          tiedIn.computeIfAbsent(best, k -> new ArrayList<>())
              .add(new EventSentence(m.article().id(), m.article().source(), m.timex().text(), m.sentence(), m.timex().value()));
          moved.add(m);
          shifts.putIfAbsent(m.article().id(), java.time.Period.between(day, LocalDate.parse(best)));
          conflicts.add(new Conflict(m.article().id(), m.article().published() == null ? null : m.article().published().value(),
              m.timex().text(), m.timex().value(), best, support));
        }
      }
    }
    // An article whose page date misplaced one event misplaces all it dates relative to that page
    // date: move its other relative mentions by the same shift.
    for (List<Mention> ms : byDay.values()) {
      for (Mention m : ms) {
        java.time.Period shift = shifts.get(m.article().id());
        if (shift != null && m.timex().relative() && !moved.contains(m)) {
          String day = m.range()[0].plus(shift).toString();
          tiedIn.computeIfAbsent(day, k -> new ArrayList<>())
              .add(new EventSentence(m.article().id(), m.article().source(), m.timex().text(), m.sentence(), m.timex().value()));
          moved.add(m);
        }
      }
    }
    return tiedIn;
  }

  /**
   * Places month-and-day mentions of articles without a year ({@code XXXX-06-19}) on the day
   * other articles give the same month and day in sentences that share two entities or more; the
   * year most of them support becomes the article's {@link Dating}.
   */
  private static List<Dating> placeYearless(List<Mention> yearless, Map<String, List<Mention>> byDay, Map<String, List<EventSentence>> tiedIn) {
    Map<String, Map<Integer, Set<String>>> supportByArticle = new LinkedHashMap<>();
    Map<String, List<String>> evidence = new LinkedHashMap<>();
    Map<String, Article> articles = new LinkedHashMap<>();
    for (Mention m : yearless) {
      if (m.entities() == null || m.entities().size() < 2) {
        continue;
      }
      String monthDay = m.timex().value().substring(4); // "-06-19"
      String best = null;
      Set<String> bestSupport = Set.of();
      for (Map.Entry<String, List<Mention>> day : byDay.entrySet()) {
        if (!day.getKey().endsWith(monthDay)) {
          continue;
        }
        Set<String> support = new LinkedHashSet<>();
        for (Mention o : day.getValue()) {
          if (!o.article().id().equals(m.article().id()) && o.entities() != null) {
            Set<String> common = new HashSet<>(o.entities());
            common.retainAll(m.entities());
            if (common.size() >= 2) {
              support.add(o.article().id());
            }
          }
        }
        if (support.size() > bestSupport.size()) {
          best = day.getKey();
          bestSupport = support;
        }
      }
      if (best == null) {
        continue;
      }
      tiedIn.computeIfAbsent(best, k -> new ArrayList<>())
          .add(new EventSentence(m.article().id(), m.article().source(), m.timex().text(), m.sentence(), m.timex().value()));
      int year = Integer.parseInt(best.substring(0, 4));
      supportByArticle.computeIfAbsent(m.article().id(), k -> new LinkedHashMap<>())
          .computeIfAbsent(year, k -> new LinkedHashSet<>()).addAll(bestSupport);
      evidence.computeIfAbsent(m.article().id(), k -> new ArrayList<>()).add(m.timex().text() + " → " + best);
      articles.put(m.article().id(), m.article());
    }
    List<Dating> out = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, Set<String>>> e : supportByArticle.entrySet()) {
      Map.Entry<Integer, Set<String>> year = e.getValue().entrySet().stream()
          .max(Comparator.comparingInt((Map.Entry<Integer, Set<String>> y) -> y.getValue().size()).thenComparing(Map.Entry::getKey))
          .orElseThrow();
      Article a = articles.get(e.getKey());
      out.add(new Dating(e.getKey(), a.published() == null ? null : a.published().text(), String.valueOf(year.getKey()),
          List.copyOf(evidence.get(e.getKey())), List.copyOf(year.getValue())));
    }
    return List.copyOf(out);
  }

  /** Whether the sentence writes the entity's name or one of its aliases. */
  private static boolean mentionsEntity(EventSentence s, EntityCatalog.Entity focus) {
    if (focus.members().stream().noneMatch(m -> m.documentId().equals(s.document()))) {
      return false;
    }
    if (s.sentence().contains(focus.name())) {
      return true;
    }
    return focus.aliases().stream().anyMatch(a -> s.sentence().contains(a));
  }

  /** Every dated mention (with a definite range) of the articles matching {@code filter}. */
  private List<Mention> mentions(IndexSearcher searcher, Query filter, EntityCatalog catalog) throws IOException {
    return mentions(searcher, filter, catalog, null);
  }

  /**
   * Every dated mention (with a definite range) of the articles matching {@code filter}; mentions
   * of a month and day whose year the article cannot give ({@code XXXX-06-19}) go to {@code
   * yearless} (with a null range) when it is not null.
   */
  private List<Mention> mentions(IndexSearcher searcher, Query filter, EntityCatalog catalog, List<Mention> yearless) throws IOException {
    int max = Math.max(1, searcher.getIndexReader().maxDoc());
    StoredFields stored = searcher.storedFields();
    List<Mention> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(filter, max, new Sort(SortField.FIELD_DOC)).scoreDocs) {
      Document doc = stored.document(sd.doc, MENTION_FIELDS);
      Article article = IndexSchema.toArticle(doc);
      String body = article.body();
      List<Timex> timexes = IndexSchema.dates(doc);
      if (timexes.isEmpty() || body == null) {
        continue;
      }
      List<DocumentEntity> entities = catalog == null ? List.of() : IndexSchema.entities(doc);
      List<int[]> sentences = sentenceSpans(body);
      for (Timex t : timexes) {
        if (!t.type().equals("DATE") && !t.type().equals("TIME")) {
          continue;
        }
        LocalDate[] range = TimexRanges.range(t.type().equals("TIME") && t.value().length() > 10 ? t.value().substring(0, 10) : t.value());
        boolean monthDay = range == null && t.value().matches("XXXX-\\d\\d-\\d\\d");
        if (range == null && !(monthDay && yearless != null)) {
          continue;
        }
        int[] sentence = enclosing(sentences, t.start(), t.end());
        // A month and day without a year is matched on what the whole article is about; a dated
        // mention on what its sentence names.
        int[] scope = range == null ? new int[] {0, Integer.MAX_VALUE} : sentence;
        Set<String> names = null;
        if (catalog != null) {
          names = new HashSet<>();
          for (DocumentEntity e : entities) {
            for (int[] span : e.spans()) {
              if (span[0] >= scope[0] && span[1] <= scope[1]) {
                String label = IndexSchema.entityLabel(e.type(), e.name());
                names.add(catalog.ofLabel(label).map(EntityCatalog.Entity::name).orElse(e.name()));
              }
            }
          }
        }
        (range == null ? yearless : out).add(new Mention(article, t, range, text(body, sentence), names));
      }
    }
    return out;
  }

  /** Sentences of a body as code point ranges. */
  private List<int[]> sentenceSpans(String body) {
    List<int[]> out = new ArrayList<>();
    CodePoints cp = new CodePoints(body);
    for (Tokenizer.Sentence s : tokenizer.sentences(body)) {
      List<Token> tokens = s.tokens();
      int start = cp.of(tokens.get(0).start());
      int end = cp.of(tokens.get(tokens.size() - 1).end());
      out.add(new int[] {start, end});
    }
    return out;
  }

  private static int[] enclosing(List<int[]> sentences, int start, int end) {
    for (int[] s : sentences) {
      if (s[0] <= start && end <= s[1]) {
        return s;
      }
    }
    return new int[] {start, end};
  }

  private static String text(String body, int[] span) {
    int from = body.offsetByCodePoints(0, span[0]);
    int to = body.offsetByCodePoints(from, span[1] - span[0]);
    return body.substring(from, to).replaceAll("\\s+", " ");
  }
}
