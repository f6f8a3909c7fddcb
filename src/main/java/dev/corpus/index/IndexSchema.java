package dev.corpus.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimAnnotations;
import dev.corpus.extract.text.Language;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.time.DateAnnotations;
import dev.corpus.extract.time.Timex;
import dev.corpus.extract.time.TimexRanges;
import dev.corpus.model.Article;
import dev.corpus.model.PublishedDate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Every field of the index, its type and how an {@link Article} maps to and from it. The one
 * place that knows field names: queries and services use these constants.
 *
 * <p>Indexing cost is dominated by per-field work on small documents, so fields are few: the
 * text fields and keys are indexed, everything only shown back is one stored record ({@link
 * #META}, encoded with Lucene's data output: a JSON codec costs a search a tenth of its run time
 * to start), and what the indexer compares (size, time, content hash) are numeric doc values.
 *
 * <p>Bump {@link #VERSION} whenever a field changes meaning; an index written with another
 * version is refused with a request to {@code --rebuild}.
 */
public final class IndexSchema {

  /** Schema version written into every commit. */
  public static final String VERSION = "9";
  /** Commit user-data key holding {@link #VERSION}. */
  public static final String VERSION_KEY = "corpus.schema";

  /** Kind of Lucene document: {@link #KIND_ARTICLE}; later issues add annotation documents. */
  public static final String KIND = "kind";
  public static final String KIND_ARTICLE = "article";

  /** The article id, stored; looked up through {@link #ID_POINT} (see {@link #idQuery}). */
  public static final String ID = "id";
  /**
   * The id's 64 bits as a point: an exact lookup as fast as a term's, without a unique term per
   * article in the terms dictionary, which cost about a tenth of indexing time on small files.
   */
  public static final String ID_POINT = "id_point";
  /** Absolute path of the source file; one term per file, shared by all records of a file. */
  public static final String FILE = "file";
  public static final String SIZE = "size";
  public static final String MTIME = "mtime";
  public static final String HASH64 = "hash64";
  /** Fingerprint of the site template the article's furniture was removed with ({@link FileStamp#template}). */
  public static final String TEMPLATE = "template";
  /**
   * Present (term and doc value {@code 1}) only on articles indexed without extraction ({@code
   * --no-extract}): their entities, dates and claims are missing until a run with extraction.
   * Absent means extracted, so indexes written before the field existed read as extracted.
   */
  public static final String NOT_EXTRACTED = "not_extracted";

  /**
   * The article's language (ISO 639-1), when extraction found one; {@code language:fr} finds
   * French articles. Articles in a language other than English carry no annotations.
   */
  public static final String LANGUAGE = "language";

  public static final String TITLE = "title";
  public static final String BODY = "body";
  /** Outlet, analysed like text so {@code source:tass} and {@code --source anadolu} match. */
  public static final String SOURCE = "source";
  /** Outlet exactly as found, for counting. */
  public static final String SOURCE_EXACT = "source_exact";
  /** Publication day as epoch day: a point for ranges, a doc value for sorting. */
  public static final String PUBLISHED_DAY = "published_day";
  /** The article's entities as {@code TYPE|normal name} terms, for alias-aware entity filters. */
  public static final String ENTITY = "entity";
  /** The article's {@link DocumentEntity} list, stored as JSON. */
  public static final String ENTITIES = "entities";
  /** The article's temporal expressions ({@link Timex} list), stored as JSON. */
  public static final String DATES = "dates";
  /** The article's {@link Claim} list, stored as JSON. */
  public static final String CLAIMS = "claims";
  /** Days covered by each dated expression of the body, as ranges of epoch days. */
  public static final String MENTIONED = "mentioned";
  /** Facet dimensions (Lucene facets, sorted-set doc values): the outlet, entity types, entities. */
  public static final String FACET_SOURCE = "source";
  public static final String FACET_TYPE = "type";
  public static final String FACET_ENTITY = "entity";
  /** Facet label of an entity: its type, a bar, its name in the article. */
  public static String entityLabel(String type, String name) {
    return type + "|" + name;
  }

  /** The facet configuration of the index: every dimension holds several values per article. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_TYPE, true);
    config.setMultiValued(FACET_ENTITY, true);
    return config;
  }

  private static final FacetsConfig FACETS = facetsConfig();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<DocumentEntity>> ENTITY_LIST = new TypeReference<>() {};
  private static final TypeReference<List<Timex>> TIMEX_LIST = new TypeReference<>() {};
  private static final TypeReference<List<Claim>> CLAIM_LIST = new TypeReference<>() {};

  /** Stored, compactly encoded metadata that is shown but not searched: {@link Meta}. */
  public static final String META = "meta";

  /** Articles found to be in a language other than English, whose annotations were skipped. */
  public static Query notEnglish() {
    return new BooleanQuery.Builder()
        .add(new TermRangeQuery(LANGUAGE, null, null, true, true), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(LANGUAGE, "en")), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /** Sort value of an article with no known publication date: before every real date. */
  public static final long NO_DAY = Long.MIN_VALUE;

  /** The stored metadata record; the order of its fields is part of the on-disk format. */
  record Meta(
      int record,
      String format,
      String encoding,
      String source,
      String byline,
      String dateline,
      String url,
      PublishedDate published,
      PublishedDate updated) {}


  private IndexSchema() {}

  /** The articles indexed without extraction ({@code --no-extract}). */
  public static Query notExtracted() {
    return new TermQuery(new Term(NOT_EXTRACTED, "1"));
  }

  /** The query for the article with {@code id} (16 hex digits); matches nothing for any other text. */
  public static Query idQuery(String id) {
    if (id == null || !id.matches("[0-9a-fA-F]{16}")) {
      return new MatchNoDocsQuery("not an article id: " + id);
    }
    return LongPoint.newExactQuery(ID_POINT, Long.parseUnsignedLong(id, 16));
  }

  /** The Lucene document for {@code article}, with its annotations, read from a file with {@code stamp}. */
  public static Document toDocument(Article original, Annotations annotations, FileStamp stamp) {
    DateAnnotations dates = annotations.get(DateAnnotations.KEY).orElse(null);
    // The date stage may have inferred what the page did not print (a year-less dateline).
    Article article = dates == null ? original : original.withPublished(dates.published());
    Document doc = new Document();
    doc.add(new StringField(KIND, KIND_ARTICLE, Field.Store.NO));
    doc.add(new StoredField(ID, article.id()));
    doc.add(new LongPoint(ID_POINT, Long.parseUnsignedLong(article.id(), 16)));
    doc.add(new StringField(FILE, article.path(), Field.Store.YES));
    doc.add(new NumericDocValuesField(SIZE, stamp.size()));
    doc.add(new NumericDocValuesField(MTIME, stamp.modifiedMillis()));
    doc.add(new NumericDocValuesField(HASH64, stamp.contentHash64()));
    if (stamp.template() != 0) {
      doc.add(new NumericDocValuesField(TEMPLATE, stamp.template()));
    }
    if (!stamp.extracted()) {
      doc.add(new StringField(NOT_EXTRACTED, "1", Field.Store.NO));
      doc.add(new NumericDocValuesField(NOT_EXTRACTED, 1));
    }
    annotations.get(Language.KEY).map(Language::code).ifPresent(code -> doc.add(new StringField(LANGUAGE, code, Field.Store.YES)));
    if (article.title() != null) {
      doc.add(new TextField(TITLE, article.title(), Field.Store.YES));
    }
    doc.add(new TextField(BODY, article.body(), Field.Store.YES));
    if (article.source() != null) {
      doc.add(new TextField(SOURCE, article.source(), Field.Store.NO));
      doc.add(new SortedDocValuesField(SOURCE_EXACT, new BytesRef(article.source())));
    }
    PublishedDate published = article.published();
    long day = published.known() ? epochDay(published.value()) : NO_DAY;
    // Every document gets the point, undated ones with NO_DAY, which date ranges never reach:
    // Lucene requires a field to have the same index structures in every document.
    doc.add(new LongPoint(PUBLISHED_DAY, day));
    doc.add(new NumericDocValuesField(PUBLISHED_DAY, day));
    Meta meta = new Meta(
        article.record(), article.format(), article.encoding(), article.source(), article.byline(),
        article.dateline(), article.url(), published, article.updated());
    doc.add(new StoredField(META, encode(meta)));
    addEntities(doc, annotations.get(EntityAnnotations.KEY).orElse(EntityAnnotations.NONE), article.source());
    addDates(doc, dates == null ? List.of() : dates.timexes());
    List<Claim> claims = annotations.get(ClaimAnnotations.KEY).map(ClaimAnnotations::claims).orElse(List.of());
    storeJson(doc, CLAIMS, claims);
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("facet fields of an in-memory document cannot fail", e);
    }
  }

  private static void addEntities(Document doc, EntityAnnotations found, String source) {
    if (source != null && !source.isBlank()) {
      doc.add(new SortedSetDocValuesFacetField(FACET_SOURCE, source));
    }
    Set<String> types = new TreeSet<>();
    Set<String> terms = new HashSet<>();
    for (DocumentEntity e : found.entities()) {
      types.add(e.type());
      doc.add(new SortedSetDocValuesFacetField(FACET_ENTITY, entityLabel(e.type(), e.name())));
      terms.add(entityTerm(e.type(), e.name()));
      for (String alias : e.aliases()) {
        terms.add(entityTerm(e.type(), alias));
      }
    }
    for (String term : terms) {
      doc.add(new StringField(ENTITY, term, Field.Store.NO));
    }
    for (String type : types) {
      doc.add(new SortedSetDocValuesFacetField(FACET_TYPE, type));
    }
    storeJson(doc, ENTITIES, found.entities());
  }

  private static void addDates(Document doc, List<Timex> timexes) {
    for (Timex t : timexes) {
      LocalDate[] range = t.type().equals("DATE") || t.type().equals("TIME") ? TimexRanges.range(t.value()) : null;
      if (range != null) {
        doc.add(new LongRange(MENTIONED, new long[] {range[0].toEpochDay()}, new long[] {range[1].toEpochDay()}));
      }
    }
    storeJson(doc, DATES, timexes);
  }

  /**
   * Stores {@code annotations} as JSON in {@code field}; an empty list is not stored at all (the
   * readers give an empty list for a missing field), which spares every article indexed with
   * {@code --no-extract} three stored fields.
   */
  private static void storeJson(Document doc, String field, List<?> annotations) {
    if (annotations.isEmpty()) {
      return;
    }
    try {
      doc.add(new StoredField(field, JSON.writeValueAsBytes(annotations)));
    } catch (IOException e) {
      throw new UncheckedIOException(field + " of an article cannot be written as JSON", e);
    }
  }

  /** The claims stored with an article document. */
  public static List<Claim> claims(Document doc) {
    BytesRef bytes = doc.getBinaryValue(CLAIMS);
    if (bytes == null) {
      return List.of();
    }
    try {
      return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, CLAIM_LIST);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt stored claims", e);
    }
  }

  /** The temporal expressions stored with an article document. */
  public static List<Timex> dates(Document doc) {
    BytesRef bytes = doc.getBinaryValue(DATES);
    if (bytes == null) {
      return List.of();
    }
    try {
      return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, TIMEX_LIST);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt stored dates", e);
    }
  }

  /** The {@link #ENTITY} term of a name of an entity of {@code type}. */
  public static String entityTerm(String type, String name) {
    return type + "|" + NameRules.normal(name);
  }

  /** The entities stored with an article document. */
  public static List<DocumentEntity> entities(Document doc) {
    BytesRef bytes = doc.getBinaryValue(ENTITIES);
    if (bytes == null) {
      return List.of();
    }
    try {
      return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, ENTITY_LIST);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt stored entities", e);
    }
  }

  /** Rebuilds the article stored in {@code doc}. */
  public static Article toArticle(Document doc) {
    BytesRef bytes = doc.getBinaryValue(META);
    Meta meta = decode(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length));
    return new Article(
        doc.get(ID),
        doc.get(FILE),
        meta.record(),
        meta.format(),
        meta.encoding(),
        doc.get(TITLE),
        meta.source(),
        meta.byline(),
        meta.dateline(),
        meta.published() == null ? PublishedDate.UNKNOWN : meta.published(),
        meta.updated(),
        meta.url(),
        doc.get(BODY));
  }

  private static byte[] encode(Meta meta) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(meta.record());
      for (String s : new String[] {meta.format(), meta.encoding(), meta.source(), meta.byline(), meta.dateline(), meta.url()}) {
        writeNullable(out, s);
      }
      writeDate(out, meta.published());
      writeDate(out, meta.updated());
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory output cannot fail", e);
    }
    return out.toArrayCopy();
  }

  private static Meta decode(ByteArrayDataInput in) {
    int record = in.readVInt();
    String[] s = new String[6];
    for (int i = 0; i < s.length; i++) {
      s[i] = readNullable(in);
    }
    PublishedDate published = readDate(in);
    PublishedDate updated = readDate(in);
    return new Meta(record, s[0], s[1], s[2], s[3], s[4], s[5], published, updated);
  }

  private static void writeDate(ByteBuffersDataOutput out, PublishedDate date) throws IOException {
    out.writeByte((byte) (date == null ? 0 : date.inferred() ? 2 : 1));
    if (date != null) {
      writeNullable(out, date.value());
      writeNullable(out, date.text());
      writeNullable(out, date.precision());
      writeNullable(out, date.evidence());
      writeNullable(out, date.conflict());
    }
  }

  private static PublishedDate readDate(ByteArrayDataInput in) {
    byte tag = in.readByte();
    if (tag == 0) {
      return null;
    }
    return new PublishedDate(readNullable(in), readNullable(in), readNullable(in), tag == 2, readNullable(in), readNullable(in));
  }

  private static void writeNullable(ByteBuffersDataOutput out, String s) throws IOException {
    out.writeByte((byte) (s == null ? 0 : 1));
    if (s != null) {
      out.writeString(s);
    }
  }

  private static String readNullable(ByteArrayDataInput in) {
    try {
      return in.readByte() == 0 ? null : in.readString();
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt stored metadata", e);
    }
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
}
