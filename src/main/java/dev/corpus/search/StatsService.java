package dev.corpus.search;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/** Counts what an index holds: articles, files, sources, the span of publication dates. */
public final class StatsService {

  /**
   * @param version JSON shape version
   * @param articles articles in the index
   * @param files source files they came from
   * @param undated articles with no known publication date
   * @param notExtracted articles indexed with {@code --no-extract}: no entities, dates or claims yet
   * @param notEnglish articles found to be in another language: indexed and searchable, without
   *     entities, dates or claims
   * @param earliest first publication day, or null
   * @param latest last publication day, or null
   * @param sources articles per source, most first; articles with no source are not listed
   * @param indexBytes size of the index on disk
   * @param entities entities of the catalog (after the user's corrections)
   * @param corrections entries of the user's corrections file that the catalog applied ({@code corpus
   *     entity corrections}; a correction that names nothing the catalog has is counted, and skipped)
   */
  public record Stats(
      int version,
      String index,
      long articles,
      long files,
      long undated,
      long notExtracted,
      long notEnglish,
      String earliest,
      String latest,
      List<SourceCount> sources,
      long indexBytes,
      long entities,
      long corrections) {}

  /** Articles from one outlet. */
  public record SourceCount(String source, long articles) {}

  /**
   * What a set of articles covers ({@link #scope}).
   *
   * @param articles articles in scope
   * @param undated those with no known publication date (the corpus may still give them a year)
   * @param earliest first publication day, or null
   * @param latest last publication day, or null
   * @param sources distinct outlets of the articles in scope
   */
  public record Coverage(long articles, long undated, String earliest, String latest, long sources) {}

  private final CorpusIndex index;
  private final java.time.Clock clock;

  public StatsService(CorpusIndex index) {
    this(index, java.time.Clock.systemDefaultZone());
  }

  /** @param clock what "today" is for dates in words in a scope ({@link #scope}) */
  public StatsService(CorpusIndex index, java.time.Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /**
   * The articles of {@code scope}: how many, their publication span and outlets, from the doc
   * values of the matching articles (all of them for {@link ArticleScope#ALL}).
   */
  public Coverage scope(ArticleScope scope) {
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      org.apache.lucene.search.Query articles = scope.articles(EntityCatalog.open(searcher), clock);
      if (articles == null) {
        articles = new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE));
      }
      CoverageCounter counter = new CoverageCounter();
      dev.corpus.index.LiveMatches.forEach(searcher, articles, counter);
      counter.collect();
      return new Coverage(counter.articles, counter.undated,
          counter.min == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(counter.min).toString(),
          counter.max == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(counter.max).toString(), counter.sources.size());
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  public Stats stats() {
    try (DirectoryReader reader = index.openReader()) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      long undated = 0;
      Map<String, Long> sources = new TreeMap<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        NumericDocValues days = r.getNumericDocValues(IndexSchema.PUBLISHED_DAY);
        if (days != null) {
          for (int doc = days.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = days.nextDoc()) {
            if (live != null && !live.get(doc)) {
              continue;
            }
            long day = days.longValue();
            if (day == IndexSchema.NO_DAY) {
              undated++;
            } else {
              min = Math.min(min, day);
              max = Math.max(max, day);
            }
          }
        }
        SortedDocValues src = r.getSortedDocValues(IndexSchema.SOURCE_EXACT);
        if (src != null) {
          for (int doc = src.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = src.nextDoc()) {
            if (live == null || live.get(doc)) {
              sources.merge(src.lookupOrd(src.ordValue()).utf8ToString(), 1L, Long::sum);
            }
          }
        }
      }
      List<SourceCount> counts = new ArrayList<>();
      sources.forEach((s, n) -> counts.add(new SourceCount(s, n)));
      counts.sort(Comparator.comparingLong(SourceCount::articles).reversed().thenComparing(SourceCount::source));
      return new Stats(
          1,
          index.dir().toString(),
          new IndexSearcher(reader).count(new org.apache.lucene.search.TermQuery(
              new org.apache.lucene.index.Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE))),
          countFiles(reader),
          undated,
          new IndexSearcher(reader).count(IndexSchema.notExtracted()),
          new IndexSearcher(reader).count(IndexSchema.notEnglish()),
          min == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(min).toString(),
          max == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(max).toString(),
          List.copyOf(counts),
          index.sizeOnDisk(),
          new IndexSearcher(reader).count(new org.apache.lucene.search.TermQuery(
              new org.apache.lucene.index.Term(IndexSchema.KIND, IndexSchema.KIND_CATALOG))),
          appliedCorrections(reader));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The entries of the corrections file, when the catalog applied it as it is (else 0): read from
   * the file, not worked out again, so stats stay cheap; {@code corpus entity corrections} tells
   * which of them apply.
   */
  private long appliedCorrections(DirectoryReader reader) throws IOException {
    try {
      dev.corpus.catalog.CorrectionsFile file = dev.corpus.catalog.CorrectionsFile.read(index.dir());
      return file.hash().equals(dev.corpus.index.CatalogPass.appliedCorrections(reader)) ? file.entries().size() : 0;
    } catch (CorpusException malformed) {
      return 0; // stats still answer; the commands that read entities say what is wrong with the file
    }
  }

  /** Counts the articles a query matches, their publication span and outlets, from doc values. */
  private static final class CoverageCounter implements dev.corpus.index.LiveMatches.Visitor {
    long articles;
    long undated;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    final java.util.Set<String> sources = new java.util.HashSet<>();
    private NumericDocValues days;
    private SortedDocValues src;
    private java.util.BitSet ords;

    @Override
    public void segment(LeafReaderContext leaf) throws IOException {
      collect();
      days = leaf.reader().getNumericDocValues(IndexSchema.PUBLISHED_DAY);
      src = leaf.reader().getSortedDocValues(IndexSchema.SOURCE_EXACT);
      ords = new java.util.BitSet();
    }

    @Override
    public void match(int doc) throws IOException {
      articles++;
      if (days != null && days.advanceExact(doc) && days.longValue() != IndexSchema.NO_DAY) {
        min = Math.min(min, days.longValue());
        max = Math.max(max, days.longValue());
      } else {
        undated++;
      }
      if (src != null && src.advanceExact(doc)) {
        ords.set(src.ordValue());
      }
    }

    /** Adds the outlets of the segment just read, each ordinal looked up once. */
    void collect() throws IOException {
      if (ords == null) {
        return;
      }
      for (int o = ords.nextSetBit(0); o >= 0; o = ords.nextSetBit(o + 1)) {
        sources.add(src.lookupOrd(o).utf8ToString());
      }
      ords = null;
    }
  }

  private static long countFiles(DirectoryReader reader) throws IOException {
    long files = 0;
    // Terms merged across segments: each distinct path once, deleted files excluded by docFreq.
    Terms terms = MultiTerms.getTerms(reader, IndexSchema.FILE);
    if (terms == null) {
      return 0;
    }
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    Bits live = MultiBits.getLiveDocs(reader);
    while (te.next() != null) {
      postings = te.postings(postings, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          files++;
          break;
        }
      }
    }
    return files;
  }
}
