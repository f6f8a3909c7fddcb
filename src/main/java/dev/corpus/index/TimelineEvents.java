package dev.corpus.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.extract.time.Timex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The events of the timeline, computed at index time one time slot at a time: every dated mention
 * that places something on a day, in a month or in a year (its own value, or the day the corpus
 * moved it to: {@link TimelinePass.Tie}) is grouped with the others of the same slot by {@link
 * EventGrouping}, and each group is stored as one {@link IndexSchema#KIND_EVENT} document with its
 * members. {@link TimelinePass} calls it for the slots a run changed; a slot's events are a
 * function of its mentions alone, so any order of runs gives the same events.
 *
 * <p>What is not an event: a date in the dateline ({@link IndexSchema#DATELINE}: it dates the
 * page); a sentence that says nothing but the date (a date line, "SEOUL, June 20. /Yonhap/."); a
 * month or year mention whose sentence places the same thing more precisely inside that period
 * ("in June, on the 19th" is the day); a second mention of the same slot in one sentence.
 * Periods that are no day, calendar month or year (weeks, quarters, seasons, decades) are not on
 * the timeline.
 */
public final class TimelineEvents {

  public static final String DAY = "day";
  public static final String MONTH = "month";
  public static final String YEAR = "year";

  /**
   * One report of an event: a sentence and the date expression in it.
   *
   * @param tie when the corpus placed the mention on this day (another day than its own article
   *     gives it, or a year-less one), the tie; else null
   * @param centrality its mean score to the other reports of the event (1 alone)
   */
  public record Member(String document, String source, String text, String sentence, List<String> labels,
      double centrality, TimelinePass.Tie tie) {}

  /**
   * An event: its time at its precision ({@code 2024-06-19}, {@code 2024-06}, {@code 1961}) and
   * its reports, the representative first, then the others by article id and position.
   */
  public record Event(String date, String precision, String from, String to, int reports, List<Member> members) {}

  /** A period the timeline holds events of: a day, a calendar month or a calendar year, in epoch days. */
  public record Slot(long from, long to) {

    /** The slot of a mention covering {@code [from, to]}, or null when that is no day, month or year. */
    public static Slot of(long from, long to) {
      LocalDate f = LocalDate.ofEpochDay(from);
      LocalDate t = LocalDate.ofEpochDay(to);
      if (from == to
          || f.getDayOfMonth() == 1 && YearMonth.from(f).atEndOfMonth().equals(t)
          || f.getDayOfYear() == 1 && t.getYear() == f.getYear() && t.getMonthValue() == 12 && t.getDayOfMonth() == 31) {
        return new Slot(from, to);
      }
      return null;
    }

    public String precision() {
      return from == to ? DAY : LocalDate.ofEpochDay(from).getYear() == LocalDate.ofEpochDay(to).getYear()
          && LocalDate.ofEpochDay(from).getMonth() == LocalDate.ofEpochDay(to).getMonth() ? MONTH : YEAR;
    }

    /** As the timeline writes it: {@code 2024-06-19}, {@code 2024-06}, {@code 1961}. */
    public String date() {
      String day = LocalDate.ofEpochDay(from).toString();
      return switch (precision()) {
        case DAY -> day;
        case MONTH -> day.substring(0, day.length() - 3);
        default -> day.substring(0, day.length() - 6);
      };
    }

    String term() {
      return from + ":" + to;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Words that only say when: what a sentence made of a date line has besides its date. */
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Set<String> CALENDAR_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "updated", "published",
      "posted");
  /** Words besides the date that a sentence must have to report something. */
  private static final int MIN_WORDS = 3;

  private TimelineEvents() {}

  /** A mention of a slot while its events are computed. */
  private record Mention(long article, int start, String source, String text, String sentence, List<String> labels,
      float[] vector, TimelinePass.Tie tie) {}

  private record Key(long article, long start) {}

  /** Replaces the events of {@code slots}: deletes the stored ones and writes those {@code searcher} sees now. */
  static void write(IndexWriter writer, IndexSearcher searcher, Set<Slot> slots) throws IOException {
    List<Slot> sorted = new ArrayList<>(slots);
    sorted.sort(Comparator.comparingLong(Slot::from).thenComparingLong(Slot::to));
    for (Slot slot : sorted) {
      writer.deleteDocuments(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_EVENT)), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(IndexSchema.EVENT_SLOT, slot.term())), BooleanClause.Occur.FILTER)
          .build());
      for (Document d : events(searcher, slot)) {
        writer.addDocument(d);
      }
    }
  }

  /** The event documents of one slot. */
  static List<Document> events(IndexSearcher searcher, Slot slot) throws IOException {
    List<Mention> mentions = mentions(searcher, slot);
    List<EventGrouping.Item> items = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      items.add(new EventGrouping.Item(m.vector(), new TreeSet<>(m.labels())));
    }
    List<Document> out = new ArrayList<>();
    for (EventGrouping.Group g : EventGrouping.group(items)) {
      List<Member> members = new ArrayList<>();
      Set<Long> articles = new TreeSet<>();
      Set<String> labels = new TreeSet<>();
      int rep = g.members().indexOf(g.representative());
      List<Integer> order = new ArrayList<>();
      order.add(rep);
      for (int i = 0; i < g.members().size(); i++) {
        if (i != rep) {
          order.add(i);
        }
      }
      for (int i : order) {
        Mention m = mentions.get(g.members().get(i));
        members.add(new Member(hex(m.article()), m.source(), m.text(), withoutDateline(m.sentence()), m.labels(),
            round(g.centrality().get(i)), m.tie()));
        articles.add(m.article());
        labels.addAll(m.labels());
      }
      Event e = new Event(slot.date(), slot.precision(), LocalDate.ofEpochDay(slot.from()).toString(),
          LocalDate.ofEpochDay(slot.to()).toString(), articles.size(), List.copyOf(members));
      Mention first = mentions.get(g.members().get(0));
      Document d = new Document();
      d.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_EVENT, Field.Store.NO));
      d.add(new StringField(IndexSchema.EVENT_SLOT, slot.term(), Field.Store.NO));
      d.add(new LongPoint(IndexSchema.EVENT_FROM, slot.from()));
      d.add(new NumericDocValuesField(IndexSchema.EVENT_FROM, slot.from()));
      d.add(new LongPoint(IndexSchema.EVENT_TO, slot.to()));
      d.add(new NumericDocValuesField(IndexSchema.EVENT_TO, slot.to()));
      d.add(new NumericDocValuesField(IndexSchema.EVENT_REPORTS, articles.size()));
      d.add(new SortedDocValuesField(IndexSchema.EVENT_KEY,
          new BytesRef(String.format(Locale.ROOT, "%016x:%08x", first.article(), first.start()))));
      for (String label : labels) {
        d.add(new StringField(IndexSchema.EVENT_ENTITY, label, Field.Store.NO));
      }
      d.add(new StoredField(IndexSchema.EVENT_RECORD, json(e)));
      out.add(d);
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  /** The mentions of a slot that can make an event, in article and position order. */
  private static List<Mention> mentions(IndexSearcher searcher, Slot slot) throws IOException {
    Set<Key> moved = new HashSet<>();
    List<Mention> out = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    if (slot.precision().equals(DAY)) {
      // Mentions the corpus moved away from this day stand on their new day only.
      Query away = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIE)), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.TIE_ORIGIN_DAY, slot.from()), BooleanClause.Occur.FILTER)
          .build();
      LiveMatches.forEach(searcher, away, new Reader() {
        @Override
        void read(int doc, long article, long start) {
          moved.add(new Key(article, start));
        }
      });
      Query into = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIE)), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.EVENT_DAY, slot.from()), BooleanClause.Occur.FILTER)
          .build();
      List<TimelinePass.Tie> ties = new ArrayList<>();
      List<Key> tieKeys = new ArrayList<>();
      LiveMatches.forEach(searcher, into, new Reader() {
        @Override
        void read(int doc, long article, long start) throws IOException {
          ties.add(TimelinePass.tie(stored.document(base + doc, Set.of(IndexSchema.TIE_RECORD)).getBinaryValue(IndexSchema.TIE_RECORD)));
          tieKeys.add(new Key(article, start));
        }
      });
      for (int i = 0; i < ties.size(); i++) {
        Key k = tieKeys.get(i);
        TimelinePass.Tie t = ties.get(i);
        Own own = own(searcher, k);
        if (own != null && !own.dateline()) {
          out.add(new Mention(k.article(), (int) k.start(), t.source(), t.text(), t.sentence(), own.labels(), own.vector(), t));
        }
      }
    }
    BooleanQuery.Builder slotMentions = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIMEX)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newExactQuery(IndexSchema.FROM_DAY, slot.from()), BooleanClause.Occur.FILTER)
        .add(LongPoint.newExactQuery(IndexSchema.TO_DAY, slot.to()), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexSchema.DATELINE, "1")), BooleanClause.Occur.MUST_NOT);
    if (!slot.precision().equals(DAY)) {
      // "this year", "later this month", "by the end of the year": a relative month or year frames
      // a statement in the writer's present (a forecast, a running total) rather than dating an
      // event in it; a relative day ("on Wednesday") does date one, and stays.
      slotMentions.add(new TermQuery(new Term(IndexSchema.RELATIVE, "1")), BooleanClause.Occur.MUST_NOT);
    }
    Query q = slotMentions.build();
    Set<String> wanted = Set.of(IndexSchema.ANNOTATION, IndexSchema.SENTENCE, IndexSchema.SENTENCE_ENTITY);
    LiveMatches.forEach(searcher, q, new Reader() {
      @Override
      void read(int doc, long article, long start) throws IOException {
        if (moved.contains(new Key(article, start))) {
          return;
        }
        Document d = stored.document(base + doc, wanted);
        Timex t = IndexSchema.annotation(d, Timex.class);
        out.add(new Mention(article, (int) start, source(doc), t.text(), d.get(IndexSchema.SENTENCE),
            List.copyOf(new TreeSet<>(List.of(d.getValues(IndexSchema.SENTENCE_ENTITY)))), vector(doc), null));
      }
    });
    out.sort(Comparator.comparingLong(Mention::article).thenComparingInt(Mention::start));
    Map<Long, Set<String>> finer = slot.precision().equals(DAY) ? Map.of() : finer(searcher, slot, out);
    List<Mention> kept = new ArrayList<>();
    Set<String> sentences = new HashSet<>();
    for (Mention m : out) {
      if (m.sentence() == null || !reports(m.sentence(), m.text())
          || finer.getOrDefault(m.article(), Set.of()).contains(m.sentence())
          || !sentences.add(m.article() + "\u0000" + m.sentence())) {
        continue;
      }
      kept.add(m);
    }
    return kept;
  }

  /**
   * Per article of {@code mentions}, the sentences that hold a mention of a shorter period inside
   * the slot: there the sentence is placed at that precision, not at the slot's.
   */
  private static Map<Long, Set<String>> finer(IndexSearcher searcher, Slot slot, List<Mention> mentions) throws IOException {
    Map<Long, Set<String>> out = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    for (long article : new TreeSet<>(mentions.stream().map(Mention::article).toList())) {
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIMEX)), BooleanClause.Occur.FILTER)
          .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, article), BooleanClause.Occur.FILTER)
          .add(LongPoint.newRangeQuery(IndexSchema.FROM_DAY, slot.from(), slot.to()), BooleanClause.Occur.FILTER)
          .add(LongPoint.newRangeQuery(IndexSchema.TO_DAY, slot.from(), slot.to()), BooleanClause.Occur.FILTER)
          .build();
      LiveMatches.forEach(searcher, q, new LiveMatches.Visitor() {
        NumericDocValues from;
        NumericDocValues to;
        int base;

        @Override
        public void segment(LeafReaderContext leaf) throws IOException {
          from = leaf.reader().getNumericDocValues(IndexSchema.FROM_DAY);
          to = leaf.reader().getNumericDocValues(IndexSchema.TO_DAY);
          base = leaf.docBase;
        }

        @Override
        public void match(int doc) throws IOException {
          if (from.advanceExact(doc) && to.advanceExact(doc) && to.longValue() - from.longValue() < slot.to() - slot.from()) {
            out.computeIfAbsent(article, a -> new HashSet<>())
                .add(stored.document(base + doc, Set.of(IndexSchema.SENTENCE)).get(IndexSchema.SENTENCE));
          }
        }
      });
    }
    return out;
  }

  /** The sentence as the timeline shows it: without the dateline that opens it, which is the page's, not the event's. */
  public static String withoutDateline(String sentence) {
    int end = dev.corpus.ingest.PageParser.datelineEnd(sentence);
    return end > 0 && end < sentence.length() ? sentence.substring(end) : sentence;
  }

  /** Whether a sentence says something besides its date: {@value #MIN_WORDS} words that are not calendar words. */
  public static boolean reports(String sentence, String mention) {
    int at = sentence.indexOf(mention);
    String rest = at < 0 ? sentence : sentence.substring(0, at) + " " + sentence.substring(at + mention.length());
    Matcher m = WORD.matcher(rest);
    int words = 0;
    while (m.find() && words < MIN_WORDS) {
      if (!CALENDAR_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
        words++;
      }
    }
    return words >= MIN_WORDS;
  }

  /** What an article's own timex document gives a mention the corpus moved: its entities and vector. */
  private record Own(List<String> labels, float[] vector, boolean dateline) {}

  private static Own own(IndexSearcher searcher, Key key) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_TIMEX)), BooleanClause.Occur.FILTER)
        .add(LongPoint.newExactQuery(IndexSchema.ARTICLE, key.article()), BooleanClause.Occur.FILTER)
        .build();
    Query dateline = new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexSchema.DATELINE, "1")), BooleanClause.Occur.FILTER)
        .build();
    Set<Key> inDateline = new HashSet<>();
    LiveMatches.forEach(searcher, dateline, new Reader() {
      @Override
      void read(int doc, long article, long start) {
        inDateline.add(new Key(article, start));
      }
    });
    Own[] found = new Own[1];
    StoredFields stored = searcher.storedFields();
    LiveMatches.forEach(searcher, q, new Reader() {
      @Override
      void read(int doc, long article, long start) throws IOException {
        if (start == key.start() && found[0] == null) {
          String[] labels = stored.document(base + doc, Set.of(IndexSchema.SENTENCE_ENTITY)).getValues(IndexSchema.SENTENCE_ENTITY);
          found[0] = new Own(List.copyOf(new TreeSet<>(List.of(labels))), vector(doc), inDateline.contains(key));
        }
      }
    });
    return found[0];
  }

  /** Visits matches with their article and first code point; reads their source and vector on demand. */
  private abstract static class Reader implements LiveMatches.Visitor {
    NumericDocValues article;
    NumericDocValues start;
    SortedDocValues source;
    FloatVectorValues vectors;
    KnnVectorValues.DocIndexIterator vectorDocs;
    int base;

    @Override
    public void segment(LeafReaderContext leaf) throws IOException {
      article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE);
      start = leaf.reader().getNumericDocValues(IndexSchema.TIMEX_START);
      source = leaf.reader().getSortedDocValues(IndexSchema.ARTICLE_SOURCE);
      vectors = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
      vectorDocs = vectors == null ? null : vectors.iterator();
      base = leaf.docBase;
    }

    @Override
    public void match(int doc) throws IOException {
      if (article != null && start != null && article.advanceExact(doc) && start.advanceExact(doc)) {
        read(doc, article.longValue(), start.longValue());
      }
    }

    abstract void read(int doc, long article, long start) throws IOException;

    String source(int doc) throws IOException {
      return source != null && source.advanceExact(doc) ? source.lookupOrd(source.ordValue()).utf8ToString() : null;
    }

    /** The vector of {@code doc}, a copy; docs are visited in increasing order within a segment. */
    float[] vector(int doc) throws IOException {
      if (vectorDocs == null || vectorDocs.docID() > doc) {
        return null;
      }
      int at = vectorDocs.docID() == doc ? doc : vectorDocs.advance(doc);
      return at == doc ? vectors.vectorValue(vectorDocs.index()).clone() : null;
    }
  }

  private static String hex(long id) {
    return String.format(Locale.ROOT, "%016x", id);
  }

  private static byte[] json(Object record) {
    try {
      return JSON.writeValueAsBytes(record);
    } catch (IOException e) {
      throw new UncheckedIOException("an event cannot be written as JSON", e);
    }
  }

  /** Reads an {@link Event} stored in {@link IndexSchema#EVENT_RECORD}. */
  public static Event event(BytesRef json) {
    try {
      return JSON.readValue(json.bytes, json.offset, json.length, Event.class);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt event record", e);
    }
  }
}
