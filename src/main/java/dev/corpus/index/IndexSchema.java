package dev.corpus.index;

import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * Every field of the index, its type and how an {@link Article} maps to and from it. The one
 * place that knows field names: queries and services use these constants.
 *
 * <p>Bump {@link #VERSION} whenever a field changes meaning; an index written with another
 * version is refused with a request to {@code --rebuild}.
 */
public final class IndexSchema {

  /** Schema version written into every commit. */
  public static final String VERSION = "1";
  /** Commit user-data key holding {@link #VERSION}. */
  public static final String VERSION_KEY = "corpus.schema";

  /** Kind of Lucene document: {@link #KIND_ARTICLE}; later issues add annotation documents. */
  public static final String KIND = "kind";
  public static final String KIND_ARTICLE = "article";

  public static final String ID = "id";
  /** Absolute path of the source file; one term per file, shared by all records of a file. */
  public static final String FILE = "file";
  public static final String RECORD = "record";
  public static final String FORMAT = "format";
  public static final String ENCODING = "encoding";
  public static final String SIZE = "size";
  public static final String MTIME = "mtime";
  public static final String HASH64 = "hash64";
  public static final String HASH = "hash";

  public static final String TITLE = "title";
  public static final String BODY = "body";
  /** Outlet, analysed like text so {@code source:tass} and {@code --source anadolu} match. */
  public static final String SOURCE = "source";
  /** Outlet exactly as found, for counting. */
  public static final String SOURCE_EXACT = "source_exact";
  public static final String BYLINE = "byline";
  public static final String DATELINE = "dateline";
  public static final String URL = "url";

  public static final String PUBLISHED = "published";
  public static final String PUBLISHED_TEXT = "published_text";
  public static final String PUBLISHED_PRECISION = "published_precision";
  public static final String PUBLISHED_INFERRED = "published_inferred";
  public static final String PUBLISHED_EVIDENCE = "published_evidence";
  /** Publication day as epoch day: a point for ranges, a doc value for sorting. */
  public static final String PUBLISHED_DAY = "published_day";
  public static final String UPDATED = "updated";
  public static final String UPDATED_TEXT = "updated_text";

  /** Sort value of an article with no known publication date: before every real date. */
  public static final long NO_DAY = Long.MIN_VALUE;

  private IndexSchema() {}

  /** The Lucene document for {@code article} read from a file with {@code stamp}. */
  public static List<IndexableField> toDocument(Article article, FileStamp stamp, String contentHash) {
    List<IndexableField> doc = new ArrayList<>();
    doc.add(new StringField(KIND, KIND_ARTICLE, Field.Store.NO));
    doc.add(new StringField(ID, article.id(), Field.Store.YES));
    doc.add(new StringField(FILE, article.path(), Field.Store.YES));
    doc.add(new SortedDocValuesField(FILE, new BytesRef(article.path())));
    doc.add(new StoredField(RECORD, article.record()));
    doc.add(new StoredField(FORMAT, article.format()));
    doc.add(new StoredField(ENCODING, article.encoding()));
    doc.add(new NumericDocValuesField(SIZE, stamp.size()));
    doc.add(new NumericDocValuesField(MTIME, stamp.modifiedMillis()));
    doc.add(new NumericDocValuesField(HASH64, stamp.contentHash64()));
    doc.add(new StoredField(HASH, contentHash));
    addText(doc, TITLE, article.title());
    addText(doc, BODY, article.body());
    if (article.source() != null) {
      addText(doc, SOURCE, article.source());
      doc.add(new SortedDocValuesField(SOURCE_EXACT, new BytesRef(article.source())));
    }
    addStored(doc, BYLINE, article.byline());
    addStored(doc, DATELINE, article.dateline());
    addStored(doc, URL, article.url());
    PublishedDate published = article.published();
    addStored(doc, PUBLISHED, published.value());
    addStored(doc, PUBLISHED_TEXT, published.text());
    addStored(doc, PUBLISHED_PRECISION, published.precision());
    addStored(doc, PUBLISHED_EVIDENCE, published.evidence());
    doc.add(new StoredField(PUBLISHED_INFERRED, published.inferred() ? 1 : 0));
    long day = published.known() ? epochDay(published.value()) : NO_DAY;
    // Every document gets the point, undated ones with NO_DAY, which date ranges never reach:
    // Lucene requires a field to have the same index structures in every document.
    doc.add(new LongPoint(PUBLISHED_DAY, day));
    doc.add(new NumericDocValuesField(PUBLISHED_DAY, day));
    if (article.updated() != null) {
      addStored(doc, UPDATED, article.updated().value());
      addStored(doc, UPDATED_TEXT, article.updated().text());
    }
    return doc;
  }

  /** Rebuilds the article stored in {@code doc}. */
  public static Article toArticle(Document doc) {
    PublishedDate published =
        new PublishedDate(
            doc.get(PUBLISHED),
            doc.get(PUBLISHED_TEXT),
            doc.get(PUBLISHED_PRECISION),
            intValue(doc, PUBLISHED_INFERRED) == 1,
            doc.get(PUBLISHED_EVIDENCE));
    PublishedDate updated =
        doc.get(UPDATED_TEXT) == null && doc.get(UPDATED) == null
            ? null
            : new PublishedDate(doc.get(UPDATED), doc.get(UPDATED_TEXT), null, false, "header");
    return new Article(
        doc.get(ID),
        doc.get(FILE),
        intValue(doc, RECORD),
        doc.get(FORMAT),
        doc.get(ENCODING),
        doc.get(TITLE),
        doc.get(SOURCE),
        doc.get(BYLINE),
        doc.get(DATELINE),
        published,
        updated,
        doc.get(URL),
        doc.get(BODY));
  }

  /** Epoch day of the date part of an ISO value ({@code 2024-06}, {@code 2024-06-19T13:10Z}). */
  public static long epochDay(String isoValue) {
    String v = isoValue.length() >= 10 ? isoValue.substring(0, 10) : isoValue;
    if (v.length() == 7) {
      v = v + "-01";
    } else if (v.length() == 4) {
      v = v + "-01-01";
    }
    return LocalDate.parse(v).toEpochDay();
  }

  private static int intValue(Document doc, String field) {
    IndexableField f = doc.getField(field);
    return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
  }

  private static void addText(List<IndexableField> doc, String field, String value) {
    if (value != null) {
      doc.add(new TextField(field, value, Field.Store.YES));
    }
  }

  private static void addStored(List<IndexableField> doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }
}
