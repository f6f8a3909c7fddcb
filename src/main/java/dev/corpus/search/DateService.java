package dev.corpus.search;

import dev.corpus.CorpusException;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.time.Timex;
import dev.corpus.extract.time.TimexRanges;
import dev.corpus.index.ArticleAnnotationsQuery;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import dev.corpus.index.LiveMatches;
import dev.corpus.index.TimelineEvents;
import dev.corpus.index.TimelinePass;
import dev.corpus.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The dates the articles mention: grouped by value ({@code corpus dates}) and as a timeline of
 * dated events ({@code corpus timeline}). Both read the temporal annotation documents ({@link
 * IndexSchema#KIND_TIMEX}) through their doc values, so an answer costs the mentions it matches
 * and the page it shows, never a pass over the articles.
 *
 * <p>The timeline ties a relative date to the event other articles report, gives a year to the
 * month-and-day mentions of articles that print none, and groups the reports of one event: that
 * corpus-level inference is done at index time by {@link TimelinePass} and {@link TimelineEvents}
 * (their class comments have the rules) and stored beside the articles; the timeline reads the
 * stored events of the window in order, so its cost follows the events it shows.
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

  /**
   * One event: the reports of different sentences that place the same thing at the same time
   * (see {@link TimelineEvents}).
   *
   * @param date its time at its precision: {@code 2024-06-19}, {@code 2024-06}, {@code 1961}
   * @param precision {@code day}, {@code month} or {@code year}
   * @param from its first day
   * @param to its last day
   * @param reports the number of articles that report it
   * @param representative the sentence that says it best: the one most like the others
   * @param sentences every report, the representative first, then by article id and position
   * @param articles the articles that report it, in id order
   */
  public record Event(String date, String precision, String from, String to, int reports, EventSentence representative,
      List<EventSentence> sentences, List<Reporter> articles) {}

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

  /**
   * The most reported events of a scope ({@link #events}).
   *
   * @param total events with at least one report in scope
   * @param events the most reported of them (reports counted in scope), in timeline order
   * @param conflicts the date conflicts among the reports of the events listed
   */
  public record EventList(long total, List<Event> events, List<Conflict> conflicts) {}

  /**
   * The {@code corpus timeline --format json} version: 2 lists the conflicts and datings of the
   * events shown; 3 lists each event once with all its reports, at its precision.
   */
  static final int TIMELINE_VERSION = 3;
  /** The {@code corpus dates --format json} version: 2 counts mentions where the corpus places them (see {@link TimelinePass}). */
  static final int DATES_VERSION = 2;

  private static final Set<String> ARTICLE_FIELDS = Set.of(IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META);
  private static final Set<String> MENTION_FIELDS = Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE, IndexSchema.TIE_RECORD);

  private final CorpusIndex index;
  private final Clock clock;
  private final NameRules rules = NameRules.shared();
  private final QueryParsing parsing = new QueryParsing(new CorpusAnalyzer());

  public DateService(CorpusIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  private LocalDate[] window(String since, String until, String sinceOption, String untilOption) {
    return window(since, until, sinceOption, untilOption, clock);
  }

  /**
   * The days {@code [from, to]} of a {@code --since}/{@code --until} pair (open ends as {@link
   * LocalDate#MIN}/{@link LocalDate#MAX}).
   *
   * @throws CorpusException.Usage for a malformed date or a reversed window
   */
  public static LocalDate[] window(String since, String until, String sinceOption, String untilOption, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    LocalDate from = since == null ? LocalDate.MIN : DateRange.start(sinceOption, since, today);
    LocalDate to = until == null ? LocalDate.MAX : DateRange.end(untilOption, until, today);
    if (from.isAfter(to)) {
      throw new CorpusException.Usage(sinceOption + " " + since + " is after " + untilOption + " " + until);
    }
    return new LocalDate[] {from, to};
  }

  private static Query kind(String kind) {
    return new TermQuery(new Term(IndexSchema.KIND, kind));
  }

  /** The article documents matching a user query. */
  private Query articles(String query) {
    return new BooleanQuery.Builder()
        .add(parsing.parse(query), BooleanClause.Occur.MUST)
        .add(kind(IndexSchema.KIND_ARTICLE), BooleanClause.Occur.FILTER)
        .build();
  }

  /** One date value of {@code corpus dates} while its mentions are counted. */
  private static final class Group {
    final String value;
    final long from;
    final long to;
    int mentions;
    int articles;

    Group(String value, long from, long to) {
      this.value = value;
      this.from = from;
      this.to = to;
    }
  }

  /**
   * Lists the dates mentioned; see {@link DatesRequest}. Every matching mention is counted
   * through doc values (value, article, range), so {@code total} is the exact number of values;
   * samples are read for the values shown only.
   */
  public DateList dates(DatesRequest request) {
    LocalDate[] window = window(request.since(), request.until(), "--since", "--until");
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      BooleanQuery.Builder b = new BooleanQuery.Builder()
          .add(kind(IndexSchema.KIND_TIMEX), BooleanClause.Occur.FILTER)
          // Only definite periods have a range: no XXXX, no PAST_REF, no durations.
          .add(LongPoint.newRangeQuery(IndexSchema.FROM_DAY, Long.MIN_VALUE, window[1].toEpochDay()), BooleanClause.Occur.FILTER)
          .add(LongPoint.newRangeQuery(IndexSchema.TO_DAY, window[0].toEpochDay(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
      if (request.query() != null) {
        b.add(new ArticleAnnotationsQuery(articles(request.query())), BooleanClause.Occur.FILTER);
      }
      Query mentions = b.build();
      Moves moves = moves(searcher, window, request.query() == null ? null : articles(request.query()));
      Map<String, Group> groups = new HashMap<>();
      ValueCounter counter = new ValueCounter(groups, moves.away());
      LiveMatches.forEach(searcher, mentions, counter);
      counter.flush();
      // The mentions the corpus moved into the window count where it placed them: the timeline's day.
      Map<String, List<PlacedMention>> placed = new HashMap<>();
      for (PlacedMention p : moves.into()) {
        placed.computeIfAbsent(p.tie().corpusDate(), k -> new ArrayList<>()).add(p);
      }
      for (Map.Entry<String, List<PlacedMention>> e : placed.entrySet()) {
        long day = LocalDate.parse(e.getKey()).toEpochDay();
        Group g = groups.computeIfAbsent(e.getKey(), v -> new Group(v, day, day));
        Set<Long> articles = ownArticles(searcher, mentions, e.getKey(), moves.away());
        for (PlacedMention p : e.getValue()) {
          articles.add(p.article());
        }
        g.mentions += e.getValue().size();
        g.articles = articles.size();
      }
      List<Group> sorted = new ArrayList<>(groups.values());
      sorted.sort(Comparator.comparingLong((Group g) -> g.from).thenComparing(g -> -g.to).thenComparing(g -> g.value));
      int shown = Math.min(Math.max(0, request.limit()), sorted.size());
      List<DateGroup> out = new ArrayList<>(shown);
      for (Group g : sorted.subList(0, shown)) {
        out.add(new DateGroup(g.value, TimexRanges.granularity(g.value), LocalDate.ofEpochDay(g.from).toString(),
            LocalDate.ofEpochDay(g.to).toString(), g.articles, g.mentions,
            samples(searcher, mentions, g.value, moves.away(), placed.getOrDefault(g.value, List.of()))));
      }
      return new DateList(DATES_VERSION, sorted.size(), List.copyOf(out));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Counts mentions and articles per value, segment by segment with the segment's ordinals. An
   * article's annotations are one block, contiguous in its segment, so an article is counted
   * once per value by remembering the last article seen for each ordinal.
   */
  private static final class ValueCounter implements LiveMatches.Visitor {
    private final Map<String, Group> groups;
    private final Set<MentionKey> away;
    private final Set<Long> awayArticles = new HashSet<>();
    private NumericDocValues start;
    private SortedDocValues values;
    private NumericDocValues article;
    private NumericDocValues from;
    private NumericDocValues to;
    private int[] mentions;
    private int[] articles;
    private long[] last;
    private long[] fromDay;
    private long[] toDay;

    ValueCounter(Map<String, Group> groups, Set<MentionKey> away) {
      this.groups = groups;
      this.away = away;
      away.forEach(k -> awayArticles.add(k.article()));
    }

    @Override
    public void segment(LeafReaderContext leaf) throws IOException {
      flush();
      values = leaf.reader().getSortedDocValues(IndexSchema.TIMEX_VALUE);
      article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
      from = leaf.reader().getNumericDocValues(IndexSchema.FROM_DAY);
      to = leaf.reader().getNumericDocValues(IndexSchema.TO_DAY);
      start = leaf.reader().getNumericDocValues(IndexSchema.TIMEX_START);
      int n = values == null ? 0 : values.getValueCount();
      mentions = new int[n];
      articles = new int[n];
      last = new long[n];
      fromDay = new long[n];
      toDay = new long[n];
    }

    @Override
    public void match(int doc) throws IOException {
      if (values == null || from == null || to == null || !values.advanceExact(doc) || !from.advanceExact(doc) || !to.advanceExact(doc)) {
        return;
      }
      int ord = values.ordValue();
      long a = article.advanceExact(doc) ? article.longValue() : 0;
      if (awayArticles.contains(a) && start.advanceExact(doc) && away.contains(new MentionKey(a, start.longValue()))) {
        return; // counted on the day the corpus moved it to
      }
      if (mentions[ord]++ == 0) {
        fromDay[ord] = from.longValue();
        toDay[ord] = to.longValue();
        articles[ord] = 1;
      } else if (last[ord] != a) {
        articles[ord]++;
      }
      last[ord] = a;
    }

    /** Adds the current segment's counts to the groups (articles never span segments). */
    void flush() throws IOException {
      if (mentions == null) {
        return;
      }
      for (int ord = 0; ord < mentions.length; ord++) {
        if (mentions[ord] == 0) {
          continue;
        }
        String value = values.lookupOrd(ord).utf8ToString();
        Group g = groups.get(value);
        if (g == null) {
          g = new Group(value, fromDay[ord], toDay[ord]);
          groups.put(value, g);
        }
        g.mentions += mentions[ord];
        g.articles += articles[ord];
      }
      mentions = null;
    }
  }

  /**
   * Up to three sample sentences of {@code value}, one per article: its own mentions (the
   * articles in id order, not those moved away), then those the corpus placed on it.
   */
  private List<Sample> samples(IndexSearcher searcher, Query mentions, String value, Set<MentionKey> away, List<PlacedMention> placed)
      throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(mentions, BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexSchema.TIMEX_VALUE, value)), BooleanClause.Occur.FILTER)
        .build();
    Sort sort = new Sort(new SortField(IndexSchema.ARTICLE, SortField.Type.LONG), new SortField(IndexSchema.TIMEX_START, SortField.Type.LONG));
    List<Sample> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    StoredFields stored = searcher.storedFields();
    FieldDoc after = null;
    while (out.size() < 3) {
      TopDocs top = after == null ? searcher.search(q, 16, sort) : searcher.searchAfter(after, q, 16, sort);
      for (ScoreDoc sd : top.scoreDocs) {
        Object[] keys = ((FieldDoc) sd).fields;
        long article = (Long) keys[0];
        if (out.size() < 3 && !away.contains(new MentionKey(article, (Long) keys[1])) && seen.add(article)) {
          Document d = stored.document(sd.doc, MENTION_FIELDS);
          Timex t = IndexSchema.annotation(d, Timex.class);
          out.add(new Sample(hex(article), source(searcher, sd.doc), t.text(), d.get(IndexSchema.SENTENCE)));
        }
      }
      if (top.scoreDocs.length < 16) {
        break;
      }
      after = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
    }
    for (PlacedMention p : placed) {
      if (out.size() < 3 && seen.add(p.article())) {
        out.add(new Sample(p.tie().document(), p.tie().source(), p.tie().text(), p.tie().sentence()));
      }
    }
    return List.copyOf(out);
  }

  /** The articles whose own (not moved) mentions among {@code mentions} have {@code value}. */
  private static Set<Long> ownArticles(IndexSearcher searcher, Query mentions, String value, Set<MentionKey> away) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(mentions, BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexSchema.TIMEX_VALUE, value)), BooleanClause.Occur.FILTER)
        .build();
    Set<Long> out = new HashSet<>();
    LiveMatches.forEach(searcher, q, new LiveMatches.Visitor() {
      NumericDocValues article;
      NumericDocValues start;

      @Override
      public void segment(LeafReaderContext leaf) throws IOException {
        article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
        start = leaf.reader().getNumericDocValues(IndexSchema.TIMEX_START);
      }

      @Override
      public void match(int doc) throws IOException {
        if (article.advanceExact(doc) && start.advanceExact(doc) && !away.contains(new MentionKey(article.longValue(), start.longValue()))) {
          out.add(article.longValue());
        }
      }
    });
    return out;
  }

  /** A mention the corpus placed on another day ({@link TimelinePass.Tie}), with its article. */
  private record PlacedMention(long article, TimelinePass.Tie tie) {}

  /**
   * The corpus's moves that touch a window: the mentions moved away from a day in it (by article
   * and first code point) and those moved onto a day in it, of the articles matching {@code
   * articles} (all when null). Ties are few (conflicts, their articles' shifts, year-less days):
   * read whole.
   */
  private record Moves(Set<MentionKey> away, List<PlacedMention> into) {}

  private Moves moves(IndexSearcher searcher, LocalDate[] window, Query articles) throws IOException {
    long from = window[0].toEpochDay();
    long to = window[1].toEpochDay();
    Query q = new BooleanQuery.Builder()
        .add(kind(IndexSchema.KIND_TIE), BooleanClause.Occur.FILTER)
        .add(new BooleanQuery.Builder()
            .add(LongPoint.newRangeQuery(IndexSchema.EVENT_DAY, from, to), BooleanClause.Occur.SHOULD)
            .add(LongPoint.newRangeQuery(IndexSchema.TIE_ORIGIN_DAY, from, to), BooleanClause.Occur.SHOULD)
            .build(), BooleanClause.Occur.FILTER)
        .build();
    Set<MentionKey> away = new HashSet<>();
    List<PlacedMention> into = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    Map<Long, Boolean> matching = new HashMap<>();
    LiveMatches.forEach(searcher, q, new LiveMatches.Visitor() {
      NumericDocValues article;
      NumericDocValues start;
      NumericDocValues day;
      int base;

      @Override
      public void segment(LeafReaderContext leaf) throws IOException {
        article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
        start = leaf.reader().getNumericDocValues(IndexSchema.TIMEX_START);
        day = leaf.reader().getNumericDocValues(IndexSchema.EVENT_DAY);
        base = leaf.docBase;
      }

      @Override
      public void match(int doc) throws IOException {
        if (!article.advanceExact(doc) || !start.advanceExact(doc) || !day.advanceExact(doc)) {
          return;
        }
        long a = article.longValue();
        if (articles != null && !matching.computeIfAbsent(a, id -> matches(searcher, articles, id))) {
          return;
        }
        TimelinePass.Tie tie = TimelinePass.tie(stored.document(base + doc, Set.of(IndexSchema.TIE_RECORD)).getBinaryValue(IndexSchema.TIE_RECORD));
        if (!tie.kind().equals(TimelinePass.YEARLESS)) {
          long origin = LocalDate.parse(tie.resolvedAs().substring(0, 10)).toEpochDay();
          if (origin >= from && origin <= to) {
            away.add(new MentionKey(a, start.longValue()));
          }
        }
        if (day.longValue() >= from && day.longValue() <= to) {
          into.add(new PlacedMention(a, tie));
        }
      }
    });
    into.sort(Comparator.comparingLong(PlacedMention::article).thenComparing(p -> p.tie().text()));
    return new Moves(away, into);
  }

  /** Whether the article with id {@code article} matches {@code articles}. */
  private static boolean matches(IndexSearcher searcher, Query articles, long article) {
    try {
      return searcher.count(new BooleanQuery.Builder()
          .add(articles, BooleanClause.Occur.MUST)
          .add(LongPoint.newExactQuery(IndexSchema.ID_POINT, article), BooleanClause.Occur.FILTER)
          .build()) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The timeline; see {@link TimelineRequest}. Reads the stored events ({@link
   * IndexSchema#KIND_EVENT}) whose time overlaps the window, in timeline order, a page at a time
   * until {@code limit} events with a report that passes {@code --query} and {@code --entity} are
   * shown; the conflicts and datings listed are those of the events shown.
   */
  public Timeline timeline(TimelineRequest request) {
    LocalDate[] window = window(request.since(), request.until(), "--since", "--until");
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog.Entity focus = null;
      if (request.entity() != null) {
        focus = EntityCatalog.open(searcher).find(request.entity(), rules)
            .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + request.entity() + "' in the index"));
      }
      return timeline(request, focus, new LocalTimelineReads(searcher, request, window, focus));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The {@code limit} events most reported by the articles of {@code scope}, in timeline order
   * ({@code corpus report}), each with its reports in scope only (all its sentences, and the first
   * {@code articlesPerEvent} of its articles by id; {@code reports} counts them all), and how many
   * events have one.
   * Every article counts, whatever it dates: the scope's {@code --since}/{@code --until} are
   * publication dates, not the events' times. For the whole index the stored report counts
   * answer and only the events listed are read; with filters every event's reports are checked
   * against the scope's articles (read once, as a set of ids), so the count and the ranking are
   * exact in scope, at the cost of one pass over the stored events.
   */
  public EventList events(ArticleScope scope, int limit, int articlesPerEvent) {
    if (limit < 0 || articlesPerEvent < 0) {
      throw new CorpusException.Usage("the number of events must not be negative");
    }
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query matching = scope.articles(EntityCatalog.open(searcher), clock);
      Query events = kind(IndexSchema.KIND_EVENT);
      List<Integer> chosen = new ArrayList<>();
      long total;
      java.util.function.LongPredicate inScope = null;
      if (matching == null) {
        total = searcher.count(events);
        Sort mostReported = new Sort(new SortField(IndexSchema.EVENT_REPORTS, SortField.Type.LONG, true),
            new SortField(IndexSchema.EVENT_FROM, SortField.Type.LONG), new SortField(IndexSchema.EVENT_KEY, SortField.Type.STRING));
        if (limit > 0) {
          for (ScoreDoc sd : searcher.search(events, limit, mostReported).scoreDocs) {
            chosen.add(sd.doc);
          }
        }
      } else {
        Set<Long> ids = articleIds(searcher, matching);
        inScope = ids::contains;
        total = mostReported(searcher, events, ids, limit, chosen);
      }
      LocalTimelineReads reads = new LocalTimelineReads(searcher, events, null, limit);
      TimelineReader timeline = new TimelineReader(limit, inScope, null, reads);
      timeline.reportersPerEvent = articlesPerEvent;
      StoredFields stored = searcher.storedFields();
      List<TimelineEvents.Event> read = new ArrayList<>(chosen.size());
      Set<Long> listed = new HashSet<>();
      for (int doc : chosen) {
        TimelineEvents.Event e = TimelineEvents.event(stored.document(doc, Set.of(IndexSchema.EVENT_RECORD)).getBinaryValue(IndexSchema.EVENT_RECORD));
        read.add(e);
        // The articles event() will list: the first by id among those in scope.
        java.util.TreeSet<Long> reporting = new java.util.TreeSet<>(Long::compareUnsigned);
        for (TimelineEvents.Member m : e.members()) {
          long article = Long.parseUnsignedLong(m.document(), 16);
          if (inScope == null || inScope.test(article)) {
            reporting.add(article);
          }
        }
        reporting.stream().limit(articlesPerEvent).forEach(listed::add);
      }
      reads.prefetch(listed);
      for (TimelineEvents.Event e : read) {
        timeline.event(e);
      }
      List<Event> ordered = new ArrayList<>(timeline.out);
      ordered.sort(TIMELINE_ORDER);
      return new EventList(total, List.copyOf(ordered), List.copyOf(timeline.conflicts));
    } catch (IOException | UncheckedIOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Timeline order of events already read: by first day, a longer period before the shorter ones
   * it holds, the most reported first, then by the representative report.
   */
  private static final Comparator<Event> TIMELINE_ORDER = Comparator.comparing(Event::from)
      .thenComparing(Event::to, Comparator.reverseOrder())
      .thenComparing(Comparator.comparingInt(Event::reports).reversed())
      .thenComparing(e -> e.representative().document())
      .thenComparing(e -> e.representative().text());

  /** The ids of the articles {@code articles} matches (stored ids, read in document order). */
  private static Set<Long> articleIds(IndexSearcher searcher, Query articles) throws IOException {
    Set<Long> ids = new HashSet<>();
    StoredFields stored = searcher.storedFields();
    LiveMatches.forEachDoc(searcher, articles, doc -> {
      ids.add(Long.parseUnsignedLong(stored.document(doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID), 16));
    });
    return ids;
  }

  /**
   * Reads every event {@code events} matches and puts into {@code chosen} the {@code limit} with
   * most reporting articles among {@code ids} (ties: the earlier, then the first read); returns
   * how many have one at all.
   */
  private static long mostReported(IndexSearcher searcher, Query events, Set<Long> ids, int limit, List<Integer> chosen) throws IOException {
    record Ranked(int doc, int reports, String from) {}
    Comparator<Ranked> worstFirst = Comparator.comparingInt(Ranked::reports)
        .thenComparing(Ranked::from, Comparator.reverseOrder())
        .thenComparing(Ranked::doc, Comparator.reverseOrder());
    java.util.PriorityQueue<Ranked> best = new java.util.PriorityQueue<>(worstFirst);
    long[] total = {0};
    StoredFields stored = searcher.storedFields();
    LiveMatches.forEachDoc(searcher, events, doc -> {
      TimelineEvents.Event e = TimelineEvents.event(stored.document(doc, Set.of(IndexSchema.EVENT_RECORD))
          .getBinaryValue(IndexSchema.EVENT_RECORD));
      Set<Long> reporting = new HashSet<>();
      for (TimelineEvents.Member m : e.members()) {
        long article = Long.parseUnsignedLong(m.document(), 16);
        if (ids.contains(article)) {
          reporting.add(article);
        }
      }
      if (reporting.isEmpty()) {
        return;
      }
      total[0]++;
      Ranked r = new Ranked(doc, reporting.size(), e.from());
      if (best.size() < limit) {
        best.add(r);
      } else if (limit > 0 && worstFirst.compare(r, best.peek()) > 0) {
        best.poll();
        best.add(r);
      }
    });
    best.stream().sorted(worstFirst.reversed()).forEach(r -> chosen.add(r.doc()));
    return total[0];
  }
  /** A mention identified by its article and first code point. */
  private record MentionKey(long article, long start) {}

  /**
   * What a timeline reads from a backend. {@link #timeline(TimelineRequest, EntityCatalog.Entity,
   * TimelineReads)} assembles the events from it the same way for the local index and SolrCloud.
   */
  public interface TimelineReads {
    /**
     * The stored events ({@link IndexSchema#KIND_EVENT}) whose time overlaps the window, naming
     * the focus entity (any of its labels) when there is one, in timeline order: by first day; a
     * longer period before the shorter ones it holds ("2024" heads its months and days,
     * "2024-06" its days); within one time, the most reported first, then by event key. Read
     * lazily, a page at a time.
     */
    java.util.Iterator<TimelineEvents.Event> events();

    /** Whether the article with id {@code article} matches the request's {@code --query}. */
    boolean matches(long article);

    /** The article with id {@code article} (its id, file, title and metadata), or null. */
    Article article(long article);

    /** The datings ({@link IndexSchema#KIND_DATING}) of some articles, in any order. */
    List<TimelinePass.Dating> datings(Set<Long> articles);
  }

  /**
   * The timeline from what a backend reads: the events in timeline order until {@code limit}
   * events with a report that passes {@code --query} and {@code --entity} are shown; the
   * conflicts and datings listed are those of the events shown.
   *
   * @param focus the {@code --entity}, or null
   */
  public static Timeline timeline(TimelineRequest request, EntityCatalog.Entity focus, TimelineReads reads) {
    return new TimelineReader(request, focus, reads).read();
  }

  /** The local index's {@link TimelineReads}. */
  private final class LocalTimelineReads implements TimelineReads {
    private final IndexSearcher searcher;
    private final int limit;
    private final Query events;
    private final Query matchingArticles;
    private final StoredFields stored;

    /** Articles read ahead by {@link #prefetch}, by id. */
    private final Map<Long, Article> prefetched = new HashMap<>();

    /**
     * @param events the event documents {@link #events} pages through
     * @param matchingArticles the articles {@link #matches} accepts, or null for all
     * @param limit how many events the caller will show (sets the page size)
     */
    LocalTimelineReads(IndexSearcher searcher, Query events, Query matchingArticles, int limit) throws IOException {
      this.searcher = searcher;
      this.limit = Math.max(0, limit);
      this.stored = searcher.storedFields();
      this.matchingArticles = matchingArticles;
      this.events = events;
    }

    LocalTimelineReads(IndexSearcher searcher, TimelineRequest request, LocalDate[] window, EntityCatalog.Entity focus) throws IOException {
      this.searcher = searcher;
      this.limit = Math.max(0, request.limit());
      this.stored = searcher.storedFields();
      this.matchingArticles = request.query() == null ? null : articles(request.query());
      // An event is in the window when its time overlaps it: "2024-06" is in --since 2024-06-15.
      BooleanQuery.Builder b = new BooleanQuery.Builder()
          .add(kind(IndexSchema.KIND_EVENT), BooleanClause.Occur.FILTER)
          .add(LongPoint.newRangeQuery(IndexSchema.EVENT_FROM, Long.MIN_VALUE, window[1].toEpochDay()), BooleanClause.Occur.FILTER)
          .add(LongPoint.newRangeQuery(IndexSchema.EVENT_TO, window[0].toEpochDay(), Long.MAX_VALUE), BooleanClause.Occur.FILTER);
      if (focus != null) {
        List<BytesRef> labels = focus.labels().stream().map(BytesRef::new).toList();
        b.add(new TermInSetQuery(IndexSchema.EVENT_ENTITY, labels), BooleanClause.Occur.FILTER);
      }
      this.events = b.build();
    }

    @Override
    public java.util.Iterator<TimelineEvents.Event> events() {
      Sort sort = new Sort(
          new SortField(IndexSchema.EVENT_FROM, SortField.Type.LONG),
          new SortField(IndexSchema.EVENT_TO, SortField.Type.LONG, true),
          new SortField(IndexSchema.EVENT_REPORTS, SortField.Type.LONG, true),
          new SortField(IndexSchema.EVENT_KEY, SortField.Type.STRING));
      int page = (int) Math.min(10_000, Math.max(64, 2L * limit));
      return new java.util.Iterator<>() {
        private FieldDoc after;
        private ScoreDoc[] hits;
        private int next;
        private boolean last;

        @Override
        public boolean hasNext() {
          if (hits == null || next == hits.length && !last) {
            try {
              hits = (after == null ? searcher.search(events, page, sort) : searcher.searchAfter(after, events, page, sort)).scoreDocs;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            next = 0;
            last = hits.length < page;
            after = hits.length == 0 ? after : (FieldDoc) hits[hits.length - 1];
          }
          return next < hits.length;
        }

        @Override
        public TimelineEvents.Event next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          try {
            return TimelineEvents.event(stored.document(hits[next++].doc, Set.of(IndexSchema.EVENT_RECORD)).getBinaryValue(IndexSchema.EVENT_RECORD));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }

    @Override
    public boolean matches(long article) {
      return DateService.matches(searcher, matchingArticles, article);
    }

    /**
     * Reads the articles with these ids in one query, for the events about to be built: one
     * point lookup per reporting article costs a walk of the id points of every segment, which
     * for the thousands of articles a report lists was most of its time.
     */
    void prefetch(Set<Long> ids) throws IOException {
      Set<Long> missing = new HashSet<>(ids);
      missing.removeAll(prefetched.keySet());
      if (missing.isEmpty()) {
        return;
      }
      Query q = new BooleanQuery.Builder()
          .add(kind(IndexSchema.KIND_ARTICLE), BooleanClause.Occur.FILTER)
          .add(LongPoint.newSetQuery(IndexSchema.ID_POINT, missing), BooleanClause.Occur.FILTER)
          .build();
      LiveMatches.forEachDoc(searcher, q, doc -> {
        Article a = IndexSchema.toArticle(stored.document(doc, ARTICLE_FIELDS));
        prefetched.putIfAbsent(Long.parseUnsignedLong(a.id(), 16), a);
      });
    }

    @Override
    public Article article(long id) {
      Article ahead = prefetched.get(id);
      if (ahead != null) {
        return ahead;
      }
      try {
        ScoreDoc[] hits = searcher.search(new BooleanQuery.Builder()
            .add(kind(IndexSchema.KIND_ARTICLE), BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(IndexSchema.ID_POINT, id), BooleanClause.Occur.FILTER)
            .build(), 1).scoreDocs;
        return hits.length == 0 ? null : IndexSchema.toArticle(stored.document(hits[0].doc, ARTICLE_FIELDS));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<TimelinePass.Dating> datings(Set<Long> dated) {
      Query q = new BooleanQuery.Builder()
          .add(kind(IndexSchema.KIND_DATING), BooleanClause.Occur.FILTER)
          .add(LongPoint.newSetQuery(IndexSchema.ARTICLE, dated), BooleanClause.Occur.FILTER)
          .build();
      List<TimelinePass.Dating> out = new ArrayList<>();
      try {
        for (ScoreDoc sd : searcher.search(q, dated.size()).scoreDocs) {
          out.add(TimelinePass.dating(stored.document(sd.doc, Set.of(IndexSchema.TIE_RECORD)).getBinaryValue(IndexSchema.TIE_RECORD)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }
  }

  /**
   * One timeline call: the events of a {@link TimelineReads} in timeline order, filtered and
   * assembled ({@link #read}), or given the events to list ({@link #event}, {@code corpus report}).
   */
  private static final class TimelineReader {
    private final int limit;
    private final java.util.function.LongPredicate inScope;
    private final EntityCatalog.Entity focus;
    private final TimelineReads reads;
    private int reportersPerEvent = Integer.MAX_VALUE;
    private final Map<Long, Article> articles = new HashMap<>();
    private final List<Event> out = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final Set<Long> dated = new LinkedHashSet<>();

    /** The timeline of a request: its {@code --query} checked once per article through {@code reads}. */
    TimelineReader(TimelineRequest request, EntityCatalog.Entity focus, TimelineReads reads) {
      this(request.limit(), request.query() == null ? null : memo(reads::matches), focus, reads);
    }

    /**
     * @param inScope which articles' reports are kept (by id), or null for all
     * @param focus only the reports whose sentence names this entity, or null
     */
    TimelineReader(int limit, java.util.function.LongPredicate inScope, EntityCatalog.Entity focus, TimelineReads reads) {
      this.limit = limit;
      this.inScope = inScope;
      this.focus = focus;
      this.reads = reads;
    }

    private static java.util.function.LongPredicate memo(java.util.function.LongPredicate test) {
      Map<Long, Boolean> seen = new HashMap<>();
      return article -> seen.computeIfAbsent(article, test::test);
    }

    Timeline read() {
      int limit = Math.max(0, this.limit);
      java.util.Iterator<TimelineEvents.Event> events = limit == 0 ? java.util.Collections.emptyIterator() : reads.events();
      while (out.size() < limit && events.hasNext()) {
        event(events.next());
      }
      return new Timeline(TIMELINE_VERSION, List.copyOf(out), List.copyOf(conflicts), datings());
    }

    /** Adds a stored event with the reports that pass the filters, when one does. */
    private void event(TimelineEvents.Event e) {
      List<TimelineEvents.Member> kept = new ArrayList<>();
      for (TimelineEvents.Member m : e.members()) {
        long article = Long.parseUnsignedLong(m.document(), 16);
        if (inScope != null && !inScope.test(article)) {
          continue;
        }
        if (focus != null && (m.labels().stream().noneMatch(focus.labels()::contains) || !names(m.sentence(), focus))) {
          continue;
        }
        kept.add(m);
      }
      if (kept.isEmpty()) {
        return;
      }
      // The stored representative when it is shown; else the most central of those shown.
      TimelineEvents.Member rep = kept.get(0);
      if (rep != e.members().get(0)) {
        for (TimelineEvents.Member m : kept) {
          if (m.centrality() > rep.centrality()) {
            rep = m;
          }
        }
      }
      List<EventSentence> sentences = new ArrayList<>(kept.size());
      sentences.add(sentence(rep));
      Map<Long, Reporter> reporters = new java.util.TreeMap<>(Long::compareUnsigned);
      for (TimelineEvents.Member m : kept) {
        long article = Long.parseUnsignedLong(m.document(), 16);
        reporters.computeIfAbsent(article, this::reporter);
        if (m != rep) {
          sentences.add(sentence(m));
        }
        TimelinePass.Tie tie = m.tie();
        if (tie != null && tie.kind().equals(TimelinePass.CONFLICT)) {
          conflicts.add(new Conflict(tie.document(), tie.published(), tie.text(), tie.resolvedAs(), tie.corpusDate(), tie.supportedBy()));
        } else if (tie != null && tie.kind().equals(TimelinePass.YEARLESS)) {
          dated.add(article);
        }
      }
      out.add(new Event(e.date(), e.precision(), e.from(), e.to(), reporters.size(), sentences.get(0), List.copyOf(sentences),
          List.copyOf(reporters.values())));
    }

    private EventSentence sentence(TimelineEvents.Member m) {
      return new EventSentence(m.document(), m.source(), m.text(), m.sentence(), m.tie() == null ? null : m.tie().resolvedAs());
    }

    private Reporter reporter(long id) {
      Article a = articles.computeIfAbsent(id, reads::article);
      if (a == null) {
        return new Reporter(hex(id), null, null, null);
      }
      return new Reporter(a.id(), a.title(), a.source(), a.published() == null ? null : a.published().value());
    }

    /** The datings of the articles whose year-less mentions the events shown hold, in their order. */
    private List<Dating> datings() {
      if (dated.isEmpty()) {
        return List.of();
      }
      Map<String, Dating> byArticle = new HashMap<>();
      for (TimelinePass.Dating d : reads.datings(dated)) {
        byArticle.put(d.document(), new Dating(d.document(), d.printed(), d.year(), d.evidence(), d.supportedBy()));
      }
      List<Dating> result = new ArrayList<>();
      for (long a : dated) {
        Dating d = byArticle.get(hex(a));
        if (d != null) {
          result.add(d);
        }
      }
      return List.copyOf(result);
    }
  }

  /** Whether the sentence writes the entity's name or one of its aliases. */
  private static boolean names(String sentence, EntityCatalog.Entity focus) {
    if (sentence.contains(focus.name())) {
      return true;
    }
    return focus.aliases().stream().anyMatch(sentence::contains);
  }

  /** The outlet of an annotation document (its article's), from its doc value. */
  private static String source(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues source = leaf.reader().getSortedDocValues(IndexSchema.ARTICLE_SOURCE);
    if (source == null || !source.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return source.lookupOrd(source.ordValue()).utf8ToString();
  }


  /** An article id as 16 hex digits, as {@link IndexSchema#ID} stores it. */
  private static String hex(long id) {
    return String.format(Locale.ROOT, "%016x", id);
  }
}
