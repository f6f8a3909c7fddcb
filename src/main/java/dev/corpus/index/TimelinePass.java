package dev.corpus.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.extract.time.Timex;
import dev.corpus.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The timeline's corpus-level inference, done at index time: which mentions the corpus places on
 * another day than their own article gives them, and which year it gives an article that prints
 * none. The results are standalone documents ({@link IndexSchema#KIND_TIE}, {@link
 * IndexSchema#KIND_DATING}) with their evidence, that {@code corpus timeline} reads for the days
 * it shows.
 *
 * <p><b>Ties.</b> A relative single-day mention ("the 19th", read against the printed date) whose
 * sentence names two entities or more, on a day no other article reports, joins the day of the
 * same day of the month within {@value #TIE_DAYS} days on which at least two other articles put
 * sentences naming some of the same entities (two or more in all); the most supported day wins,
 * the earliest on a tie. It is a {@code conflict}; every other relative single-day mention of the
 * article moves by the same shift ({@code shift}).
 *
 * <p><b>Years.</b> A month and day without a year ({@code XXXX-06-19}: the article has no
 * publication day to resolve it against) whose article names two entities or more is placed on
 * the day of that month and day where the most other articles date a mention whose sentence
 * names two or more of them ({@code yearless}); the year most of its placed mentions support is
 * the article's {@link Dating}. That is the one algorithm and the one stored answer for a year
 * the corpus gives; the per-article inference of the date stage (a dateline's year from the dates
 * the text states) runs first, at extraction, and an article it dates has no year-less mention.
 *
 * <p><b>Incremental.</b> An article's ties and dating depend only on the annotation documents of
 * the corpus (never on other ties), so they are a function of the set of articles, whatever the
 * order or the number of runs that indexed them. When a run adds or removes a mention on day X
 * naming entities L, the articles whose answer may change are found through the index: those with
 * a relative mention on X, or within {@value #TIE_DAYS} days of X on the same day of the month
 * naming one of L, or a year-less mention of X's month and day naming one of L. Only they (and
 * the articles the run wrote) are computed again, against a near-real-time reader of the writer,
 * before each commit.
 *
 * <p><b>Events.</b> Then the events of every time slot (a day, a month, a year) the run changed —
 * the slots of the mentions it wrote or removed, and the days the ties it rewrote place mentions
 * on or take them from — are computed again from the slot's mentions and stored ({@link
 * TimelineEvents}); a slot's events depend on its mentions and ties alone.
 */
public final class TimelinePass implements CorpusPass {

  /** How far from its own day a relative mention may be tied. */
  static final int TIE_DAYS = 400;
  /** Entities a mention must name, and share in all with the supporting articles. */
  static final int MIN_SHARED = 2;
  /** Other articles that must report the day a mention is tied to. */
  static final int MIN_SUPPORT = 2;

  public static final String CONFLICT = "conflict";
  public static final String SHIFT = "shift";
  public static final String YEARLESS = "yearless";

  /**
   * A mention placed on another day than its article gives it.
   *
   * @param kind {@link #CONFLICT}, {@link #SHIFT} or {@link #YEARLESS}
   * @param document the article's id
   * @param text the expression as written
   * @param resolvedAs the value its own article's date gave it ({@code XXXX-06-19} for a year-less one)
   * @param corpusDate the day the corpus gives it
   * @param published the article's publication value as indexed, or null
   * @param supportedBy the other articles that report {@code corpusDate} (a conflict, a year-less
   *     mention), in id order; empty for a shift
   */
  public record Tie(String kind, String document, String source, String text, String sentence, String resolvedAs,
      String corpusDate, String published, List<String> supportedBy) {}

  /**
   * The year the corpus gives an article that prints none.
   *
   * @param printed the publication text the page printed ("June 20"), or null
   * @param evidence the mentions placed, as "June 19 → 2024-06-19"
   * @param supportedBy the articles that support the year, in id order
   */
  public record Dating(String document, String printed, String year, List<String> evidence, List<String> supportedBy) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MONTH_DAY = Pattern.compile("XXXX-\\d\\d-\\d\\d");

  /** A mention that changed (added or removed): what other articles' answers depend on. */
  private record Probe(long day, Set<String> labels) {}

  /** Articles to compute again: written with a mention that can be moved, or removed. */
  private final Set<Long> touched = ConcurrentHashMap.newKeySet();
  /** Every article with a mention the run wrote or removed. */
  private final Set<Long> changed = ConcurrentHashMap.newKeySet();
  private final Set<Probe> probes = ConcurrentHashMap.newKeySet();
  /** The time slots whose mentions the run changed: their events are computed again ({@link TimelineEvents}). */
  private final Set<TimelineEvents.Slot> slots = ConcurrentHashMap.newKeySet();
  private volatile DirectoryReader lastCommit;
  /** True while every article of the index was written by this run and not yet committed: nothing else to probe. */
  private volatile boolean fresh;

  @Override
  public void open(DirectoryReader lastCommit) {
    this.lastCommit = lastCommit;
    this.fresh = lastCommit == null || lastCommit.numDocs() == 0;
  }

  @Override
  public FileChange begin(String path, boolean replaces) {
    if (replaces && lastCommit != null) {
      try {
        forget(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the last commit's dates of " + path, e);
      }
    }
    return new Change();
  }

  /** What one file's new documents change. */
  private final class Change implements FileChange {
    final Set<Long> articles = new HashSet<>();
    final Set<Long> all = new HashSet<>();
    final List<Probe> found = new ArrayList<>();
    final Set<TimelineEvents.Slot> slots = new HashSet<>();

    @Override
    public void added(Document doc) {
      if (!IndexSchema.KIND_TIMEX.equals(doc.get(IndexSchema.KIND))) {
        return;
      }
      Long day = numeric(doc, IndexSchema.EVENT_DAY);
      all.add(numeric(doc, IndexSchema.ARTICLE));
      // Only an article with a relative single-day mention or a year-less month and day can
      // have ties or a dating of its own: the others are computed only when they change.
      if (day != null && doc.get(IndexSchema.RELATIVE) != null || MONTH_DAY.matcher(doc.get(IndexSchema.TIMEX_VALUE)).matches()) {
        articles.add(numeric(doc, IndexSchema.ARTICLE));
      }
      if (day != null) {
        found.add(new Probe(day, Set.of(doc.getValues(IndexSchema.SENTENCE_ENTITY))));
      }
      Long from = numeric(doc, IndexSchema.FROM_DAY);
      Long to = numeric(doc, IndexSchema.TO_DAY);
      TimelineEvents.Slot slot = from == null || to == null ? null : TimelineEvents.Slot.of(from, to);
      if (slot != null) {
        slots.add(slot);
      }
    }
  }

  private static Long numeric(Document doc, String field) {
    for (IndexableField f : doc.getFields(field)) {
      if (f instanceof NumericDocValuesField) {
        return f.numericValue().longValue();
      }
    }
    return null;
  }

  @Override
  public void apply(FileChange change) {
    Change c = (Change) change;
    touched.addAll(c.articles);
    changed.addAll(c.all);
    probes.addAll(c.found);
    slots.addAll(c.slots);
  }

  @Override
  public void removed(String path) throws IOException {
    if (lastCommit != null) {
      forget(path);
    }
  }

  /** The mentions the last commit has for {@code path}: their articles and days change. */
  private void forget(String path) throws IOException {
    IndexSearcher searcher = new IndexSearcher(lastCommit);
    searcher.setQueryCache(null); // see Indexer.uncached
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.FILE, path)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIMEX)), BooleanClause.Occur.FILTER)
        .build();
    StoredFields stored = searcher.storedFields();
    LiveMatches.forEach(searcher, q, new LiveMatches.Visitor() {
      NumericDocValues article;
      NumericDocValues day;
      NumericDocValues from;
      NumericDocValues to;
      int base;

      @Override
      public void segment(LeafReaderContext leaf) throws IOException {
        article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
        day = leaf.reader().getNumericDocValues(IndexSchema.EVENT_DAY);
        from = leaf.reader().getNumericDocValues(IndexSchema.FROM_DAY);
        to = leaf.reader().getNumericDocValues(IndexSchema.TO_DAY);
        base = leaf.docBase;
      }

      @Override
      public void match(int doc) throws IOException {
        if (article != null && article.advanceExact(doc)) {
          touched.add(article.longValue());
          changed.add(article.longValue());
        }
        if (day != null && day.advanceExact(doc)) {
          String[] labels = stored.document(base + doc, Set.of(IndexSchema.SENTENCE_ENTITY)).getValues(IndexSchema.SENTENCE_ENTITY);
          probes.add(new Probe(day.longValue(), Set.of(labels)));
        }
        if (from != null && to != null && from.advanceExact(doc) && to.advanceExact(doc)) {
          TimelineEvents.Slot slot = TimelineEvents.Slot.of(from.longValue(), to.longValue());
          if (slot != null) {
            slots.add(slot);
          }
        }
      }
    });
  }

  @Override
  public void beforeCommit(IndexWriter writer) throws IOException {
    if (touched.isEmpty() && probes.isEmpty() && slots.isEmpty()) {
      return;
    }
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null); // see Indexer.uncached
      // Sorted: the pass's documents are written in the same order whatever the workers' order.
      TreeSet<Long> affected = new TreeSet<>(touched);
      if (!fresh) {
        affected.addAll(dependents(searcher));
      }
      // The days the old ties of these articles placed mentions on, or took them from: their events change.
      tieDays(searcher, LongPoint.newSetQuery(IndexSchema.ARTICLE, affected));
      writer.deleteDocuments(new BooleanQuery.Builder()
          .add(new BooleanQuery.Builder()
              .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIE)), BooleanClause.Occur.SHOULD)
              .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_DATING)), BooleanClause.Occur.SHOULD)
              .build(), BooleanClause.Occur.FILTER)
          .add(LongPoint.newSetQuery(IndexSchema.ARTICLE, affected), BooleanClause.Occur.FILTER)
          .build());
      for (long article : affected) {
        for (Document d : new ArticleTimeline(searcher, article).documents()) {
          writer.addDocument(d);
          for (IndexableField f : d.getFields()) {
            if (f instanceof NumericDocValuesField && f.name().equals(IndexSchema.EVENT_DAY)) {
              long day = f.numericValue().longValue();
              slots.add(new TimelineEvents.Slot(day, day));
            }
            if (f instanceof LongPoint && f.name().equals(IndexSchema.TIE_ORIGIN_DAY) && f.numericValue().longValue() != IndexSchema.NO_DAY) {
              long day = f.numericValue().longValue();
              slots.add(new TimelineEvents.Slot(day, day));
            }
          }
        }
      }
    }
    // The events read the ties just written: a reader that sees them.
    if (!slots.isEmpty()) {
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null); // see Indexer.uncached
        TimelineEvents.write(writer, searcher, slots);
      }
    }
    touched.clear();
    changed.clear();
    probes.clear();
    slots.clear();
    fresh = false;
  }

  /** Adds the days the ties matching {@code articles} hold (their day and their origin) to the slots. */
  private void tieDays(IndexSearcher searcher, Query articles) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIE)), BooleanClause.Occur.FILTER)
        .add(articles, BooleanClause.Occur.FILTER)
        .build();
    StoredFields stored = searcher.storedFields();
    LiveMatches.forEach(searcher, q, new LiveMatches.Visitor() {
      NumericDocValues day;
      int base;

      @Override
      public void segment(LeafReaderContext leaf) throws IOException {
        day = leaf.reader().getNumericDocValues(IndexSchema.EVENT_DAY);
        base = leaf.docBase;
      }

      @Override
      public void match(int doc) throws IOException {
        if (day != null && day.advanceExact(doc)) {
          slots.add(new TimelineEvents.Slot(day.longValue(), day.longValue()));
        }
        Tie tie = tie(stored.document(base + doc, Set.of(IndexSchema.TIE_RECORD)).getBinaryValue(IndexSchema.TIE_RECORD));
        if (!tie.kind().equals(YEARLESS)) {
          long origin = LocalDate.parse(tie.resolvedAs().substring(0, 10)).toEpochDay();
          slots.add(new TimelineEvents.Slot(origin, origin));
        }
      }
    });
  }

  @Override
  public void close() {
    lastCommit = null;
  }

  /** The articles whose ties or dating the probes may change (see the class comment). */
  private Set<Long> dependents(IndexSearcher searcher) throws IOException {
    Set<Long> out = new HashSet<>();
    Map<String, Boolean> lonely = new HashMap<>();
    Set<Long> days = new HashSet<>();
    Set<String> dayLabels = new HashSet<>();
    Set<String> monthDayLabels = new HashSet<>();
    for (Probe p : probes) {
      if (days.add(p.day())) {
        // A mention on the changed day can only change whether its article is alone on it when
        // no other article the run left alone reports the day: then there is one such article.
        Set<Long> reporters = new HashSet<>();
        collectArticles(searcher, new BooleanQuery.Builder()
            .add(timex(), BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(IndexSchema.EVENT_DAY, p.day()), BooleanClause.Occur.FILTER)
            .build(), null, reporters);
        reporters.removeAll(changed);
        if (reporters.size() == 1) {
          out.addAll(reporters);
        }
      }
      LocalDate day = LocalDate.ofEpochDay(p.day());
      for (String label : p.labels()) {
        if (dayLabels.add(p.day() + "\u0000" + label)) {
          // Only a mention on a day its article alone reports can be tied: a day others report
          // now had none of its own before unless a change on that very day (above) says so.
          Set<Long> near = new HashSet<>();
          Map<Long, Set<Long>> daysOf = new HashMap<>();
          collectArticles(searcher, new BooleanQuery.Builder()
              .add(timex(), BooleanClause.Occur.FILTER)
              .add(relative(), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(IndexSchema.SENTENCE_ENTITY, label)), BooleanClause.Occur.FILTER)
              .add(daysAround(p.day() - TIE_DAYS, p.day() + TIE_DAYS), BooleanClause.Occur.FILTER)
              .build(), d -> LocalDate.ofEpochDay(d).getDayOfMonth() == day.getDayOfMonth(), near, daysOf);
          for (long a : near) {
            for (long d : daysOf.getOrDefault(a, Set.of())) {
              if (!out.contains(a) && lonely.computeIfAbsent(d + ":" + a, k -> aloneOn(searcher, d, a))) {
                out.add(a);
              }
            }
          }
        }
        String monthDay = day.toString().substring(5);
        if (monthDayLabels.add(monthDay + "\u0000" + label)) {
          collectArticles(searcher, new BooleanQuery.Builder()
              .add(timex(), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(IndexSchema.TIMEX_VALUE, "XXXX-" + monthDay)), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(IndexSchema.SENTENCE_ENTITY, label)), BooleanClause.Occur.FILTER)
              .build(), null, out);
        }
      }
    }
    return out;
  }

  private interface DayTest {
    boolean test(long day);
  }

  private static void collectArticles(IndexSearcher searcher, Query q, DayTest dayTest, Set<Long> out) throws IOException {
    collectArticles(searcher, q, dayTest, out, null);
  }

  /** Whether no other article than {@code article} puts a single-day mention on {@code day}. */
  private static boolean aloneOn(IndexSearcher searcher, long day, long article) {
    try {
      return searcher.count(new BooleanQuery.Builder()
          .add(timex(), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.EVENT_DAY, day), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, article), BooleanClause.Occur.MUST_NOT)
          .build()) == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The articles of the matches, and the days of their matches in {@code daysOf} when not null. */
  private static void collectArticles(IndexSearcher searcher, Query q, DayTest dayTest, Set<Long> out, Map<Long, Set<Long>> daysOf)
      throws IOException {
    LiveMatches.forEach(searcher, q, new LiveMatches.Visitor() {
      NumericDocValues article;
      NumericDocValues day;

      @Override
      public void segment(LeafReaderContext leaf) throws IOException {
        article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
        day = leaf.reader().getNumericDocValues(IndexSchema.EVENT_DAY);
      }

      @Override
      public void match(int doc) throws IOException {
        if (dayTest != null && !(day != null && day.advanceExact(doc) && dayTest.test(day.longValue()))) {
          return;
        }
        if (article != null && article.advanceExact(doc)) {
          out.add(article.longValue());
          if (daysOf != null && day != null && day.advanceExact(doc)) {
            daysOf.computeIfAbsent(article.longValue(), k -> new HashSet<>()).add(day.longValue());
          }
        }
      }
    });
  }

  /**
   * The mentions on days {@code [from, to]}: a point range when it leads, else checked on the doc
   * values of what the other clauses match. Around a day the range spans most of a corpus's
   * mentions, and building it from the points at each lookup cost more than the rest of a run.
   */
  private static Query daysAround(long from, long to) {
    return new IndexOrDocValuesQuery(
        LongPoint.newRangeQuery(IndexSchema.EVENT_DAY, from, to), NumericDocValuesField.newSlowRangeQuery(IndexSchema.EVENT_DAY, from, to));
  }

  private static Query timex() {
    return new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIMEX));
  }

  private static Query relative() {
    return new TermQuery(new Term(IndexSchema.RELATIVE, "1"));
  }

  /** One mention of the article being computed. */
  private record Mention(Timex timex, Long day, int start, String sentence, Set<String> labels, String source) {}

  /** Another article's mention found through the index: its day and article. */
  private record Found(long day, long article) {}

  /** The ties and dating of one article, computed against the index. */
  private static final class ArticleTimeline {
    private final IndexSearcher searcher;
    private final long article;
    private final String id;
    private final List<Mention> mentions = new ArrayList<>();
    /** The article's publication day as indexed ({@link IndexSchema#ARTICLE_DAY}), {@link IndexSchema#NO_DAY} when unknown. */
    private long published = IndexSchema.NO_DAY;
    private Article stored;

    ArticleTimeline(IndexSearcher searcher, long article) throws IOException {
      this.searcher = searcher;
      this.article = article;
      this.id = String.format(java.util.Locale.ROOT, "%016x", article);
      Query own = new BooleanQuery.Builder()
          .add(timex(), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, article), BooleanClause.Occur.FILTER)
          .build();
      StoredFields fields = searcher.storedFields();
      Set<String> wanted = Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE, IndexSchema.SENTENCE_ENTITY);
      LiveMatches.forEach(searcher, own, new LiveMatches.Visitor() {
        NumericDocValues day;
        NumericDocValues articleDay;
        SortedDocValues source;
        int base;

        @Override
        public void segment(LeafReaderContext leaf) throws IOException {
          day = leaf.reader().getNumericDocValues(IndexSchema.EVENT_DAY);
          articleDay = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE_DAY);
          source = leaf.reader().getSortedDocValues(IndexSchema.ARTICLE_SOURCE);
          base = leaf.docBase;
        }

        @Override
        public void match(int doc) throws IOException {
          Document d = fields.document(base + doc, wanted);
          Timex t = IndexSchema.annotation(d, Timex.class);
          Long eventDay = day != null && day.advanceExact(doc) ? day.longValue() : null;
          if (articleDay != null && articleDay.advanceExact(doc)) {
            published = articleDay.longValue();
          }
          String src = source != null && source.advanceExact(doc) ? source.lookupOrd(source.ordValue()).utf8ToString() : null;
          mentions.add(new Mention(t, eventDay, t.start(), d.get(IndexSchema.SENTENCE),
              new TreeSet<>(List.of(d.getValues(IndexSchema.SENTENCE_ENTITY))), src));
        }
      });
      mentions.sort(Comparator.comparing((Mention m) -> m.day() == null ? Long.MIN_VALUE : m.day()).thenComparingInt(Mention::start));
    }

    List<Document> documents() throws IOException {
      List<Document> out = new ArrayList<>();
      Set<Mention> moved = new HashSet<>();
      Period shift = null;
      for (Mention m : mentions) {
        if (m.day() == null || !m.timex().relative() || m.labels().size() < MIN_SHARED || reported(m.day())) {
          continue;
        }
        Map.Entry<Long, Set<Long>> best = tieDay(m);
        if (best != null) {
          out.add(tie(CONFLICT, m, best.getKey(), best.getValue()));
          moved.add(m);
          if (shift == null) {
            shift = Period.between(LocalDate.ofEpochDay(m.day()), LocalDate.ofEpochDay(best.getKey()));
          }
        }
      }
      // An article whose page date misplaced one event misplaces all it dates relative to that
      // page date: its other relative mentions move by the same shift.
      if (shift != null) {
        for (Mention m : mentions) {
          if (m.day() != null && m.timex().relative() && !moved.contains(m)) {
            out.add(tie(SHIFT, m, LocalDate.ofEpochDay(m.day()).plus(shift).toEpochDay(), Set.of()));
          }
        }
      }
      Map<Integer, Set<Long>> supportByYear = new TreeMap<>();
      List<String> evidence = new ArrayList<>();
      for (Mention m : mentions) {
        if (m.day() != null || !MONTH_DAY.matcher(m.timex().value()).matches() || m.labels().size() < MIN_SHARED
            || !(m.timex().type().equals("DATE") || m.timex().type().equals("TIME"))) {
          continue;
        }
        Map.Entry<Long, Set<Long>> best = yearDay(m);
        if (best != null) {
          out.add(tie(YEARLESS, m, best.getKey(), best.getValue()));
          LocalDate day = LocalDate.ofEpochDay(best.getKey());
          supportByYear.computeIfAbsent(day.getYear(), k -> new TreeSet<>()).addAll(best.getValue());
          evidence.add(m.timex().text() + " → " + day);
        }
      }
      // An article whose page gives a year (a month or a year without the day: its month and day
      // mentions stay year-less) keeps it: its mentions were placed in that year only, and the
      // index's publication date stays the one answer. Only an article with no date gets a year.
      if (!supportByYear.isEmpty() && published == IndexSchema.NO_DAY) {
        // The most supported year; the later one when two are supported alike.
        Map.Entry<Integer, Set<Long>> year = supportByYear.entrySet().stream()
            .max(Comparator.comparingInt((Map.Entry<Integer, Set<Long>> e) -> e.getValue().size()).thenComparing(Map.Entry::getKey))
            .orElseThrow();
        Dating dating = new Dating(id, article().published() == null ? null : article().published().text(),
            String.valueOf(year.getKey()), List.copyOf(evidence), ids(year.getValue()));
        Document d = standalone(IndexSchema.KIND_DATING);
        d.add(new LongPoint(IndexSchema.DATED_DAY, LocalDate.of(year.getKey(), 1, 1).toEpochDay()));
        d.add(new StoredField(IndexSchema.TIE_RECORD, json(dating)));
        out.add(d);
      }
      return out;
    }

    /** Whether another article puts a single-day mention on {@code day}. */
    private boolean reported(long day) throws IOException {
      Query q = new BooleanQuery.Builder()
          .add(timex(), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.EVENT_DAY, day), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, article), BooleanClause.Occur.MUST_NOT)
          .build();
      return searcher.count(q) > 0;
    }

    /** The day a lone relative mention is tied to with its supporting articles, or null. */
    private Map.Entry<Long, Set<Long>> tieDay(Mention m) throws IOException {
      int dayOfMonth = LocalDate.ofEpochDay(m.day()).getDayOfMonth();
      TreeMap<Long, Set<Long>> others = new TreeMap<>();
      Map<Long, Set<String>> shared = new HashMap<>();
      for (String label : m.labels()) {
        Query q = new BooleanQuery.Builder()
            .add(timex(), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(IndexSchema.SENTENCE_ENTITY, label)), BooleanClause.Occur.FILTER)
            .add(daysAround(m.day() - TIE_DAYS, m.day() + TIE_DAYS), BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, article), BooleanClause.Occur.MUST_NOT)
            .build();
        for (Found f : found(q)) {
          if (f.day() != m.day() && LocalDate.ofEpochDay(f.day()).getDayOfMonth() == dayOfMonth) {
            others.computeIfAbsent(f.day(), k -> new TreeSet<>()).add(f.article());
            shared.computeIfAbsent(f.day(), k -> new HashSet<>()).add(label);
          }
        }
      }
      Map.Entry<Long, Set<Long>> best = null;
      for (Map.Entry<Long, Set<Long>> e : others.entrySet()) {
        if (e.getValue().size() >= MIN_SUPPORT && shared.get(e.getKey()).size() >= MIN_SHARED
            && (best == null || e.getValue().size() > best.getValue().size())) {
          best = e;
        }
      }
      return best;
    }

    /** The day a year-less month and day is placed on with its supporting articles, or null. */
    private Map.Entry<Long, Set<Long>> yearDay(Mention m) throws IOException {
      String monthDay = m.timex().value().substring(5);
      // Per other mention (by document): how many of this article's entities its sentence names.
      Map<Long, Integer> common = new HashMap<>();
      Map<Long, Found> where = new HashMap<>();
      for (String label : m.labels()) {
        Query q = new BooleanQuery.Builder()
            .add(timex(), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(IndexSchema.EVENT_MONTH_DAY, monthDay)), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(IndexSchema.SENTENCE_ENTITY, label)), BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, article), BooleanClause.Occur.MUST_NOT)
            .build();
        Map<Long, Found> hits = new HashMap<>();
        foundByDoc(q, hits);
        hits.forEach((doc, f) -> {
          common.merge(doc, 1, Integer::sum);
          where.put(doc, f);
        });
      }
      TreeMap<Long, Set<Long>> support = new TreeMap<>();
      Integer year = published == IndexSchema.NO_DAY ? null : LocalDate.ofEpochDay(published).getYear();
      common.forEach((doc, n) -> {
        Found f = where.get(doc);
        if (n >= MIN_SHARED && (year == null || LocalDate.ofEpochDay(f.day()).getYear() == year)) {
          support.computeIfAbsent(f.day(), k -> new TreeSet<>()).add(f.article());
        }
      });
      Map.Entry<Long, Set<Long>> best = null;
      for (Map.Entry<Long, Set<Long>> e : support.entrySet()) {
        if (best == null || e.getValue().size() > best.getValue().size()) {
          best = e;
        }
      }
      return best;
    }

    private List<Found> found(Query q) throws IOException {
      Map<Long, Found> byDoc = new LinkedHashMap<>();
      foundByDoc(q, byDoc);
      return new ArrayList<>(byDoc.values());
    }

    /** The day and article of each match of {@code q}, by global document id. */
    private void foundByDoc(Query q, Map<Long, Found> out) throws IOException {
      LiveMatches.forEach(searcher, q, new LiveMatches.Visitor() {
        NumericDocValues day;
        NumericDocValues art;
        int base;

        @Override
        public void segment(LeafReaderContext leaf) throws IOException {
          day = leaf.reader().getNumericDocValues(IndexSchema.EVENT_DAY);
          art = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
          base = leaf.docBase;
        }

        @Override
        public void match(int doc) throws IOException {
          if (day != null && day.advanceExact(doc) && art != null && art.advanceExact(doc)) {
            Found f = new Found(day.longValue(), art.longValue());
            out.put((long) (base + doc), f);
          }
        }
      });
    }

    private Document tie(String kind, Mention m, long day, Set<Long> support) throws IOException {
      Article a = article();
      Tie tie = new Tie(kind, id, m.source(), m.timex().text(), m.sentence(), m.timex().value(),
          LocalDate.ofEpochDay(day).toString(), a.published() == null ? null : a.published().value(), ids(support));
      Document d = standalone(IndexSchema.KIND_TIE);
      d.add(new NumericDocValuesField(IndexSchema.TIMEX_START, m.start()));
      d.add(new LongPoint(IndexSchema.EVENT_DAY, day));
      d.add(new NumericDocValuesField(IndexSchema.EVENT_DAY, day));
      long origin = m.day() == null ? IndexSchema.NO_DAY : m.day();
      d.add(new LongPoint(IndexSchema.TIE_ORIGIN_DAY, origin));
      d.add(new StringField(IndexSchema.TIE_KIND, kind, Field.Store.YES));
      for (String label : m.labels()) {
        d.add(new StringField(IndexSchema.SENTENCE_ENTITY, label, Field.Store.NO));
      }
      if (m.source() != null) {
        d.add(new SortedDocValuesField(IndexSchema.ARTICLE_SOURCE, new BytesRef(m.source())));
      }
      d.add(new StoredField(IndexSchema.TIE_RECORD, json(tie)));
      return d;
    }

    private Document standalone(String kind) {
      Document d = new Document();
      d.add(new StringField(IndexSchema.KIND, kind, Field.Store.NO));
      d.add(new LongPoint(IndexSchema.ARTICLE, article));
      d.add(new NumericDocValuesField(IndexSchema.ARTICLE, article));
      return d;
    }

    /** The article's document as indexed: its id, title and publication date. */
    private Article article() throws IOException {
      if (stored == null) {
        ScoreDoc[] hits = searcher.search(new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(IndexSchema.ID_POINT, article), BooleanClause.Occur.FILTER)
            .build(), 1, Sort.INDEXORDER).scoreDocs;
        if (hits.length == 0) {
          throw new IllegalStateException("annotations of article " + id + " without its article document");
        }
        stored = IndexSchema.toArticle(searcher.storedFields().document(hits[0].doc,
            Set.of(IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META)));
      }
      return stored;
    }
  }

  private static List<String> ids(Set<Long> articles) {
    List<String> out = new ArrayList<>();
    for (long a : articles) {
      out.add(String.format(java.util.Locale.ROOT, "%016x", a));
    }
    out.sort(null);
    return List.copyOf(out);
  }

  private static byte[] json(Object record) {
    try {
      return JSON.writeValueAsBytes(record);
    } catch (IOException e) {
      throw new UncheckedIOException("a timeline record cannot be written as JSON", e);
    }
  }

  /** Reads a {@link Tie} stored in {@link IndexSchema#TIE_RECORD}. */
  public static Tie tie(BytesRef json) {
    return read(json, Tie.class);
  }

  /** Reads a {@link Dating} stored in {@link IndexSchema#TIE_RECORD}. */
  public static Dating dating(BytesRef json) {
    return read(json, Dating.class);
  }

  private static <T> T read(BytesRef json, Class<T> type) {
    try {
      return JSON.readValue(json.bytes, json.offset, json.length, type);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt timeline record", e);
    }
  }
}
