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

  private final CorpusIndex index;

  public StatsService(CorpusIndex index) {
    this.index = index;
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
