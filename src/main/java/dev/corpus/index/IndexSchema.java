package dev.corpus.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpus.extract.Annotations;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimAnnotations;
import dev.corpus.extract.text.Language;
import dev.corpus.extract.text.Sentences;
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
import dev.corpus.extract.embed.SentenceVectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
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
  public static final String VERSION = "13";
  /** Commit user-data key holding {@link #VERSION}. */
  public static final String VERSION_KEY = "corpus.schema";

  /**
   * Kind of Lucene document. An article is indexed as a block: its annotation documents ({@link
   * #KIND_ENTITY}, {@link #KIND_TIMEX}, {@link #KIND_CLAIM}, and its own-voice {@link
   * #KIND_STATEMENT}s), then the {@link #KIND_ARTICLE} document last, as Lucene's block joins
   * expect; a file's blocks are added, replaced and deleted together (every document of the file
   * carries its {@link #FILE} term), so an article and its annotations always change atomically.
   * What the corpus-level passes keep stands alone: the entity catalog ({@link #KIND_CATALOG},
   * {@link CatalogPass}), the claim clusters ({@link ClaimClusterPass}), the timeline's ties and
   * datings and events ({@link #KIND_TIE}, {@link #KIND_DATING}, {@link #KIND_EVENT}, {@link TimelinePass}).
   */
  public static final String KIND = "kind";
  public static final String KIND_ARTICLE = "article";
  /** One entity of one article ({@link DocumentEntity}: its mentions merged). */
  public static final String KIND_ENTITY = "entity";
  /** One temporal expression of an article. */
  public static final String KIND_TIMEX = "timex";
  /** One claim of an article. */
  public static final String KIND_CLAIM = "claim";
  /** One entity of the corpus catalog: its labels merged. */
  public static final String KIND_CATALOG = "catalog";

  // Fields of every annotation document.
  /** The article's id as a long: a point (find an article's annotations) and a doc value. */
  public static final String ARTICLE = "article";
  /**
   * The article's publication day ({@link #PUBLISHED_DAY}'s value) and outlet ({@link
   * #SOURCE_EXACT}'s), under their own names so that what reads every article's doc values never
   * counts an annotation.
   */
  public static final String ARTICLE_DAY = "article_day";
  public static final String ARTICLE_SOURCE = "article_source";
  /** The annotation as JSON ({@link DocumentEntity}, {@link Timex}, {@link Claim}), stored. */
  public static final String ANNOTATION = "annotation";
  /** The sentence an annotation is in, stored (dates and claims). */
  public static final String SENTENCE = "sentence";

  // Entity annotations.
  /** Entity label {@code TYPE|name} ({@link #entityLabel}): term and sorted doc value. */
  public static final String LABEL = "label";
  /** Number of mentions of the entity in its article (of a catalog entity: in the corpus): doc value. */
  public static final String MENTIONS = "mentions";
  /** The entity's other spellings in its article: terms. */
  public static final String ALIAS = "alias";

  // Catalog entities (KIND_CATALOG), written by CatalogPass.
  /** Stable id of a corpus entity: term, stored. */
  public static final String CATALOG_ID = "catalog_id";
  /** Its displayed name and type: stored, and sorted doc values for ordering ties. */
  public static final String CATALOG_NAME = "catalog_name";
  public static final String CATALOG_TYPE = "catalog_type";
  /** Its other spellings, most frequent first: stored JSON array. */
  public static final String CATALOG_ALIASES = "catalog_aliases";
  /** The article-level labels merged into it: terms (the label's entity in one lookup). */
  public static final String CATALOG_LABEL = "catalog_label";
  /** The names it was merged from ({@code CatalogName} list): stored JSON, what the next run starts from. */
  public static final String CATALOG_NAMES = "catalog_names";
  /** {@code NameRules.key} of its name and of each alias: terms, how a user's name finds it. */
  public static final String CATALOG_KEY = "catalog_key";
  /** A person's first-and-last-word loose key and each word's loose key: terms, for names spelt otherwise. */
  public static final String CATALOG_PERSON = "catalog_person";
  public static final String CATALOG_WORD = "catalog_word";
  /**
   * The country it stands for ({@code NameRules.standsFor}: "Moscow", "the Kremlin", "Russian"
   * stand for Russia) and how: stored; and the country's {@code NameRules.key} as a term, so that
   * the country's profile finds what stands for it in one lookup.
   */
  public static final String CATALOG_LINK_COUNTRY = "catalog_link_country";
  public static final String CATALOG_LINK_RELATION = "catalog_link_relation";
  public static final String CATALOG_LINK_KEY = "catalog_link_key";
  /** Number of articles naming it: doc value and point. */
  public static final String DOCUMENTS = "documents";
  /** Ids of entities merged into it since they were given: terms, stored (an old id still finds it). */
  public static final String MERGED_FROM = "merged_from";

  // Temporal annotations.
  /** TIMEX3 value: term and sorted doc value. */
  public static final String TIMEX_VALUE = "timex_value";
  /** TIMEX3 type (DATE, TIME, DURATION, SET): term. */
  public static final String TIMEX_TYPE = "timex_type";
  /** First and last epoch day a dated expression covers: points and doc values (DATE and TIME only). */
  public static final String FROM_DAY = "from_day";
  public static final String TO_DAY = "to_day";
  /** Term {@code 1} on a value resolved against the article's date ("on Tuesday"). */
  public static final String RELATIVE = "relative";
  /**
   * Labels of the entities named in the expression's sentence (for a month and day without a
   * year, in the whole article): terms and stored values, what the timeline matches events on.
   */
  public static final String SENTENCE_ENTITY = "sentence_entity";

  // ---- Timeline fields (TimelinePass): what the corpus-level dating of mentions reads and writes. ----
  /**
   * The day a mention puts an event on: on a {@link #KIND_TIMEX} document of a DATE or TIME
   * expression covering one day, that day (what its article's date gives it); on a {@link
   * #KIND_TIE} document, the day the corpus gives it. Point and doc value, never updated in place
   * (a point cannot be), so sorting on it may skip with the points.
   */
  public static final String EVENT_DAY = "event_day";
  /** {@code MM-DD} of {@link #EVENT_DAY}, a term: what a year-less {@code XXXX-MM-DD} mention is placed by. */
  public static final String EVENT_MONTH_DAY = "event_month_day";
  /** First code point of the expression, a doc value: with {@link #ARTICLE}, names one mention. */
  public static final String TIMEX_START = "timex_start";
  /**
   * A mention the corpus places on another day than its own article gives it ({@code
   * TimelinePass.Tie}): a relative date tied to the event other articles report, one moved by
   * its article's shift, or a year-less month and day. Stands alone (no {@link #FILE}), carries
   * {@link #ARTICLE}, {@link #TIMEX_START}, {@link #EVENT_DAY} (the corpus day), {@link
   * #SENTENCE_ENTITY}, {@link #ARTICLE_SOURCE}, {@link #TIE_ORIGIN_DAY} and the record in {@link
   * #TIE_RECORD}; written and deleted only by the pass.
   */
  public static final String KIND_TIE = "tie";
  /**
   * The year the corpus gives an article that prints none ({@code TimelinePass.Dating}): stands
   * alone, carries {@link #ARTICLE} and the record in {@link #TIE_RECORD}. The one stored answer
   * to "which year is this year-less article": {@code timeline} shows it; see docs/dates.md.
   */
  public static final String KIND_DATING = "dating";
  /** On a {@link #KIND_TIE} document: the day the mention had before it was moved (point), or {@link #NO_DAY}. */
  public static final String TIE_ORIGIN_DAY = "tie_origin_day";
  /** {@code conflict}, {@code shift} or {@code yearless} on a {@link #KIND_TIE} document: term and stored. */
  public static final String TIE_KIND = "tie_kind";
  /**
   * On a {@link #KIND_DATING} document: the first day of the year the corpus gives the article
   * (point), as a year-precision publication date is indexed; what {@link PublishedQuery} matches.
   */
  public static final String DATED_DAY = "dated_day";
  /** The stored JSON record of a {@link #KIND_TIE} or {@link #KIND_DATING} document. */
  public static final String TIE_RECORD = "tie_record";
  /** Term {@code 1} on a temporal expression in the article's dateline ({@link Datelines}): it dates the page, not an event. */
  public static final String DATELINE = "dateline";
  /**
   * One event of the timeline ({@code TimelineEvents.Event}): the dated mentions of different
   * sentences that place the same thing at the same time, at one precision (a day, a month, a
   * year). Stands alone; written and deleted only by {@link TimelinePass}, a time slot's events
   * at once. Carries {@link #EVENT_SLOT}, {@link #EVENT_FROM}, {@link #EVENT_TO}, {@link
   * #EVENT_REPORTS}, {@link #EVENT_KEY}, {@link #EVENT_ENTITY} and the record in {@link #EVENT_RECORD}.
   */
  public static final String KIND_EVENT = "event";
  /** The time slot of an event, {@code from:to} in epoch days: term (a slot's events are replaced together). */
  public static final String EVENT_SLOT = "event_slot";
  /** First and last epoch day of an event's time: points (the window filter) and doc values (the order). */
  public static final String EVENT_FROM = "event_from";
  public static final String EVENT_TO = "event_to";
  /** Number of articles that report an event: doc value (the order within a slot). */
  public static final String EVENT_REPORTS = "event_reports";
  /** An event's first member as {@code article:start} in hex: sorted doc value, the last key of the order. */
  public static final String EVENT_KEY = "event_key";
  /** The entity labels its members' sentences name: terms ({@code timeline --entity}). */
  public static final String EVENT_ENTITY = "event_entity";
  /** The stored JSON record of a {@link #KIND_EVENT} document. */
  public static final String EVENT_RECORD = "event_record";
  // ---- end of the timeline fields ----

  // Claim annotations.
  /** The speaker's entity label, when the speaker is an entity of the article: term and sorted doc value. */
  public static final String SPEAKER = "speaker";
  /** {@link dev.corpus.extract.claim.ClaimKind} name in lower case: term and sorted doc value. */
  public static final String CLAIM_KIND = "claim_kind";
  /** Term {@code 1} when the speaker asserts the content (neither negated nor denied). */
  public static final String ASSERTED = "asserted";

  // ---- Statements and their clusters (issue 14: claims, speaker, claims --clusters) --------
  /**
   * An article's statement in its own voice: a sentence of six tokens or more that holds no
   * claim, text in {@link #SENTENCE}. With the claims, the units {@code claims --clusters} groups.
   */
  public static final String KIND_STATEMENT = "statement";
  /**
   * A group of statements of different articles that say the same thing, written by {@link
   * ClaimClusterPass}; stands alone (no {@link #FILE}: deleting a file never deletes it).
   */
  public static final String KIND_CLUSTER = "cluster";
  /**
   * A statement's key ({@link #unitKey}: article id and its ordinal in the article, claims first
   * in text order, then its own statements): unique term (what the pass updates its {@link
   * #CLUSTER} by) and sorted doc value.
   */
  public static final String UNIT = "unit";
  /**
   * The embedding ({@link dev.corpus.extract.embed.SentenceEmbedder}, unit length, dot product)
   * of a claim's content, an own statement, or a dated expression's sentence: an HNSW vector
   * field, what neighbours by meaning are found by.
   */
  public static final String VECTOR = "vector";
  /** Names in a statement's sentence and its speaker's ({@link StatementEvidence#keys}): term and sorted-set doc value. */
  public static final String STATEMENT_NAME = "statement_name";
  /** Name keys of the article's most mentioned entities, on each of its statements: sorted-set doc value. */
  public static final String ARTICLE_NAME = "article_name";
  /** Day of the year (1–366) the article was published, also when only a month and day were printed: numeric doc value. */
  public static final String ARTICLE_DAY_OF_YEAR = "article_day_of_year";
  /** On a claim whose content opens with its speaker's pronoun or possessive ("it filed", "its sales"): numeric doc value 1. */
  public static final String OF_ITSELF = "of_itself";
  /** A claim's speaker's name keys: sorted-set doc value. */
  public static final String STATEMENT_SPEAKER = "statement_speaker";
  /** Days ({@code from:to}, epoch days) of the date expressions in a statement's sentence: sorted-set doc value. */
  public static final String STATEMENT_DAY = "statement_day";
  /** The calendar values (ISO) of the date expressions a statement itself holds, space-separated: stored. */
  public static final String STATEMENT_DATES = "statement_dates";
  /** A hash of a statement's words ({@link StatementEvidence#textHash}): term and sorted doc value, for page furniture. */
  public static final String TEXT_HASH = "text_hash";
  /** Statements of fewer words of three letters or more join no cluster: they say too little to be matched. */
  public static final int MIN_JOINING_WORDS = 5;
  /**
   * Term {@code 1} on a statement that may join a cluster: its own voice, or a claim of {@link
   * #MIN_JOINING_WORDS} words or more (negated and denied ones too: they are how sources disagree).
   */
  public static final String JOINS = "joins";
  /** Cluster id of a statement ({@link #NO_CLUSTER} until the pass links it): numeric doc value the pass updates. */
  public static final String CLUSTER = "cluster";
  /** Value of {@link #CLUSTER} for a statement in no cluster. */
  public static final long NO_CLUSTER = -1;
  /** Value of {@link #CLUSTER} for a statement that may join none (a claim too short to match). */
  public static final long NOT_JOINING = -2;
  /** Claim start (code points), for sorting claims in text order: numeric doc value. */
  public static final String CLAIM_START = "claim_start";
  /** The article's publication value ({@code PublishedDate.value}) on a claim: sorted doc value, the claim list's sort. */
  public static final String CLAIM_PUBLISHED = "claim_published";
  /**
   * The article id with its sign bit flipped, on claims: sorted as a signed long, the ids come in
   * the order of their 16 hex digits, the order the claim list breaks ties by.
   */
  public static final String ARTICLE_ORDER = "article_order";
  /**
   * The role families ({@code RoleFamilies}) of the roles an article gives a person: terms and
   * sorted-set doc values on entity annotations, what role disagreements are found from.
   */
  public static final String ROLE_FAMILY = "role_family";
  // Cluster documents (ClaimClusterPass).
  /** The cluster's id: term (replace, delete), point and doc value (the next id). */
  public static final String CLUSTER_ID = "cluster_id";
  /** Paths of its members' files: terms (the clusters a deleted file touches). */
  public static final String MEMBER_FILE = "member_file";
  /** Its members ({@code ClaimClusterPass.Member} list as JSON), stored. */
  public static final String MEMBERS = "members";
  /**
   * Articles and sources of its members, and its first member's text, in the default view
   * (own statements, statements and positions) and over all kinds: points and doc values to
   * filter and sort clusters by without reading them.
   */
  public static final String ARTICLES_DEFAULT = "articles_default";
  public static final String SOURCES_DEFAULT = "sources_default";
  public static final String FIRST_DEFAULT = "first_default";
  public static final String ARTICLES_ALL = "articles_all";
  public static final String SOURCES_ALL = "sources_all";
  public static final String FIRST_ALL = "first_all";

  /** The {@link #UNIT} key of the {@code ordinal}-th statement of the article with {@code id}. */
  public static String unitKey(String articleId, int ordinal) {
    return articleId + "/" + ordinal;
  }

  /**
   * Adds what every statement (a claim or an own one) carries: key, the evidence of what it
   * speaks of ({@link StatementEvidence}), whether it joins, its cluster.
   */
  private static void addUnit(Document d, String articleId, int ordinal, String text, boolean joins, StatementEvidence evidence,
      int start, int end, String speaker) {
    String key = unitKey(articleId, ordinal);
    d.add(new StringField(UNIT, key, Field.Store.NO));
    d.add(new SortedDocValuesField(UNIT, new BytesRef(key)));
    evidence.add(d, start, end, speaker, text);
    joins &= StatementEvidence.words(text) >= MIN_JOINING_WORDS;
    if (joins) {
      d.add(new StringField(JOINS, "1", Field.Store.NO));
    }
    d.add(new NumericDocValuesField(CLUSTER, joins ? NO_CLUSTER : NOT_JOINING));
  }

  // ---- end of statements and clusters ------------------------------------------------------

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
  /** Days covered by each dated expression of the body, as ranges of epoch days. */
  public static final String MENTIONED = "mentioned";
  /**
   * Facet dimensions (Lucene facets, sorted-set doc values): the outlet and the entity types. The
   * entity labels are not a facet dimension but their own field ({@link #ARTICLE_LABELS}): a facet
   * reader maps every value of every dimension across segments at each open, which at a million
   * articles is a million labels, for a search that asks for outlets.
   */
  public static final String FACET_SOURCE = "source";
  public static final String FACET_TYPE = "type";
  /** The article's entity labels ({@link #entityLabel}): terms, and sorted-set doc values counted by {@code LabelCounts}. */
  public static final String ARTICLE_LABELS = "entity_labels";
  /** Facet label of an entity: its type, a bar, its name in the article. */
  public static String entityLabel(String type, String name) {
    return type + "|" + name;
  }

  /** The facet configuration of the index: every dimension holds several values per article. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_TYPE, true);
    return config;
  }

  private static final FacetsConfig FACETS = facetsConfig();
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The Lucene documents of {@code article} read from a file with {@code stamp}: a block of its
   * annotation documents followed by the article document (see {@link #KIND}).
   */
  public static List<Document> toDocuments(Article original, Annotations annotations, FileStamp stamp) {
    DateAnnotations dates = annotations.get(DateAnnotations.KEY).orElse(null);
    // The date stage may have inferred what the page did not print (a year-less dateline).
    Article article = dates == null ? original : original.withPublished(dates.published());
    Document parent = articleDocument(article, annotations, stamp);
    EntityAnnotations entities = annotations.get(EntityAnnotations.KEY).orElse(EntityAnnotations.NONE);
    List<Timex> timexes = dates == null ? List.of() : dates.timexes();
    List<Claim> claims = annotations.get(ClaimAnnotations.KEY).map(ClaimAnnotations::claims).orElse(List.of());
    List<Document> block = new ArrayList<>(entities.entities().size() + timexes.size() + claims.size() + 1);
    SentenceVectors vectors = annotations.get(SentenceVectors.KEY).orElse(SentenceVectors.NONE);
    Child child = new Child(article, Long.parseUnsignedLong(article.id(), 16), publishedDay(article));
    for (DocumentEntity e : entities.entities()) {
      Document d = child.document(KIND_ENTITY);
      String label = entityLabel(e.type(), e.name());
      d.add(new StringField(LABEL, label, Field.Store.NO));
      d.add(new SortedDocValuesField(LABEL, new BytesRef(label)));
      d.add(new NumericDocValuesField(MENTIONS, e.mentions()));
      for (String alias : e.aliases()) {
        d.add(new StringField(ALIAS, alias, Field.Store.NO));
      }
      Set<String> families = new TreeSet<>();
      for (String role : e.roles()) {
        Integer f = dev.corpus.extract.claim.RoleFamilies.of(role);
        if (f != null) {
          families.add(Integer.toString(f));
        }
      }
      for (String f : families) {
        d.add(new StringField(ROLE_FAMILY, f, Field.Store.NO));
        d.add(new org.apache.lucene.document.SortedSetDocValuesField(ROLE_FAMILY, new BytesRef(f)));
      }
      d.add(new StoredField(ANNOTATION, json(e)));
      block.add(d);
    }
    if (!timexes.isEmpty()) {
      TimexSentences sentences = new TimexSentences(article.body(), annotations, entities);
      int[] dateline = Datelines.span(article);
      for (Timex t : timexes) {
        Document d = child.document(KIND_TIMEX);
        if (dateline != null && t.start() >= dateline[0] && t.end() <= dateline[1]) {
          d.add(new StringField(DATELINE, "1", Field.Store.NO));
        }
        d.add(new StringField(TIMEX_VALUE, t.value(), Field.Store.NO));
        d.add(new SortedDocValuesField(TIMEX_VALUE, new BytesRef(t.value())));
        d.add(new StringField(TIMEX_TYPE, t.type(), Field.Store.NO));
        LocalDate[] range = dayRange(t);
        if (range != null) {
          long from = range[0].toEpochDay();
          long to = range[1].toEpochDay();
          d.add(new LongPoint(FROM_DAY, from));
          d.add(new NumericDocValuesField(FROM_DAY, from));
          d.add(new LongPoint(TO_DAY, to));
          d.add(new NumericDocValuesField(TO_DAY, to));
          if (from == to) {
            d.add(new LongPoint(EVENT_DAY, from));
            d.add(new NumericDocValuesField(EVENT_DAY, from));
            d.add(new StringField(EVENT_MONTH_DAY, range[0].toString().substring(5), Field.Store.NO));
          }
        }
        d.add(new NumericDocValuesField(TIMEX_START, t.start()));
        if (t.relative()) {
          d.add(new StringField(RELATIVE, "1", Field.Store.NO));
        }
        int[] sentence = sentences.enclosing(t.start(), t.end());
        String sentenceText = sentences.text(sentence);
        d.add(new StoredField(SENTENCE, sentenceText));
        addVector(d, vectors.of(sentenceText));
        // A month and day without a year is matched on what the whole article is about; a dated
        // mention on what its sentence names.
        for (String label : range == null ? sentences.labelsIn(0, Integer.MAX_VALUE) : sentences.labelsIn(sentence[0], sentence[1])) {
          d.add(new StringField(SENTENCE_ENTITY, label, Field.Store.YES));
        }
        d.add(new StoredField(ANNOTATION, json(t)));
        block.add(d);
      }
    }
    StatementEvidence evidence = new StatementEvidence(
        article.body() == null ? List.of() : annotations.get(Sentences.KEY).map(x -> x.codePointSpans(article.body())).orElse(List.of()),
        entities.entities(), timexes, article.published());
    if (!claims.isEmpty()) {
      java.util.Map<String, String> typeOfName = new java.util.HashMap<>();
      for (DocumentEntity e : entities.entities()) {
        typeOfName.putIfAbsent(e.name(), e.type());
      }
      int ordinal = 0;
      for (Claim c : claims) {
        Document d = child.document(KIND_CLAIM);
        addUnit(d, article.id(), ordinal++, c.content(), true, evidence, c.start(), c.end(), c.speaker());
        addVector(d, vectors.of(c.content()));
        d.add(new NumericDocValuesField(CLAIM_START, c.start()));
        d.add(new NumericDocValuesField(ARTICLE_ORDER, child.id() ^ Long.MIN_VALUE));
        if (article.published() != null && article.published().value() != null) {
          d.add(new SortedDocValuesField(CLAIM_PUBLISHED, new BytesRef(article.published().value())));
        }
        String type = c.speaker() == null ? null : typeOfName.get(c.speaker());
        if (type != null) {
          String label = entityLabel(type, c.speaker());
          d.add(new StringField(SPEAKER, label, Field.Store.NO));
          d.add(new SortedDocValuesField(SPEAKER, new BytesRef(label)));
        }
        String kind = c.kind().name().toLowerCase(java.util.Locale.ROOT);
        d.add(new StringField(CLAIM_KIND, kind, Field.Store.NO));
        d.add(new SortedDocValuesField(CLAIM_KIND, new BytesRef(kind)));
        if (!c.negated() && !c.denies()) {
          d.add(new StringField(ASSERTED, "1", Field.Store.NO));
        }
        d.add(new StoredField(ANNOTATION, json(c)));
        block.add(d);
      }
    }
    int ordinal = claims.size();
    for (var own : dev.corpus.extract.claim.OwnStatements.spans(article.body(), annotations, claims)) {
      String text = own.text();
      Document d = child.document(KIND_STATEMENT);
      addUnit(d, article.id(), ordinal++, text, true, evidence, own.start(), own.end(), null);
      d.add(new StoredField(SENTENCE, text));
      addVector(d, vectors.of(text));
      block.add(d);
    }
    block.add(parent);
    return block;
  }

  private static void addVector(Document d, float[] vector) {
    if (vector != null) {
      d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
  }

  /** The days a DATE or TIME expression covers, or null (a duration, a set, a year-less day). */
  public static LocalDate[] dayRange(Timex t) {
    if (!t.type().equals("DATE") && !t.type().equals("TIME")) {
      return null;
    }
    return TimexRanges.range(t.type().equals("TIME") && t.value().length() > 10 ? t.value().substring(0, 10) : t.value());
  }

  /** What every annotation document of one article carries: its kind, file, article, day and outlet. */
  private record Child(Article article, long id, long day) {

    Document document(String kind) {
      Document d = new Document();
      d.add(new StringField(KIND, kind, Field.Store.NO));
      d.add(new StringField(FILE, article.path(), Field.Store.NO));
      d.add(new LongPoint(ARTICLE, id));
      d.add(new NumericDocValuesField(ARTICLE, id));
      d.add(new LongPoint(ARTICLE_DAY, day));
      d.add(new NumericDocValuesField(ARTICLE_DAY, day));
      if (article.source() != null) {
        d.add(new SortedDocValuesField(ARTICLE_SOURCE, new BytesRef(article.source())));
      }
      return d;
    }
  }

  /** The sentences of a body as code point spans, and the entity labels inside a span. */
  private static final class TimexSentences {
    private final String body;
    private final List<int[]> spans;
    private final List<String> labels = new ArrayList<>();
    private final List<int[]> mentionSpans = new ArrayList<>();

    TimexSentences(String body, Annotations annotations, EntityAnnotations entities) {
      this.body = body;
      List<dev.corpus.extract.text.Tokenizer.Sentence> sentences = annotations.get(Sentences.KEY).map(Sentences::sentences)
          .orElseGet(() -> body == null ? List.of() : new dev.corpus.extract.text.Tokenizer().sentences(body));
      this.spans = body == null ? List.of() : new Sentences(sentences).codePointSpans(body);
      for (DocumentEntity e : entities.entities()) {
        for (int[] span : e.spans()) {
          labels.add(entityLabel(e.type(), e.name()));
          mentionSpans.add(span);
        }
      }
    }

    int[] enclosing(int start, int end) {
      return Sentences.enclosing(spans, start, end);
    }

    String text(int[] span) {
      return Sentences.text(body, span);
    }

    Set<String> labelsIn(int from, int to) {
      Set<String> out = new TreeSet<>();
      for (int i = 0; i < labels.size(); i++) {
        int[] m = mentionSpans.get(i);
        if (m[0] >= from && m[1] <= to) {
          out.add(labels.get(i));
        }
      }
      return out;
    }
  }

  /**
   * The annotation an annotation document stores ({@link #ANNOTATION}, written as JSON by {@link
   * #toDocuments}) as {@code type}: a {@link DocumentEntity}, {@link Timex} or {@link Claim}.
   */
  public static <T> T annotation(Document stored, Class<T> type) {
    BytesRef json = stored.getBinaryValue(ANNOTATION);
    try {
      return JSON.readValue(json.bytes, json.offset, json.length, type);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt stored annotation", e);
    }
  }

  private static byte[] json(Object annotation) {
    try {
      return JSON.writeValueAsBytes(annotation);
    } catch (IOException e) {
      throw new UncheckedIOException("an annotation cannot be written as JSON", e);
    }
  }

  /** The article's publication day as an epoch day, {@link #NO_DAY} when unknown. */
  private static long publishedDay(Article article) {
    PublishedDate published = article.published();
    return published.known() ? epochDay(published.value()) : NO_DAY;
  }

  /** The article document of a block. */
  private static Document articleDocument(Article article, Annotations annotations, FileStamp stamp) {
    DateAnnotations dates = annotations.get(DateAnnotations.KEY).orElse(null);
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
    long day = publishedDay(article);
    // Every document gets the point, undated ones with NO_DAY, which date ranges never reach:
    // Lucene requires a field to have the same index structures in every document.
    doc.add(new LongPoint(PUBLISHED_DAY, day));
    doc.add(new NumericDocValuesField(PUBLISHED_DAY, day));
    Meta meta = new Meta(
        article.record(), article.format(), article.encoding(), article.source(), article.byline(),
        article.dateline(), article.url(), article.published(), article.updated());
    doc.add(new StoredField(META, encode(meta)));
    addEntities(doc, annotations.get(EntityAnnotations.KEY).orElse(EntityAnnotations.NONE), article.source());
    addDates(doc, dates == null ? List.of() : dates.timexes());
    // The article's entities, dates and claims are stored once, each in its annotation document.
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
      String label = entityLabel(e.type(), e.name());
      doc.add(new SortedSetDocValuesField(ARTICLE_LABELS, new BytesRef(label)));
      doc.add(new StringField(ARTICLE_LABELS, label, Field.Store.NO)); // the articles of a catalog entity, counted once each
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
  }

  private static void addDates(Document doc, List<Timex> timexes) {
    for (Timex t : timexes) {
      LocalDate[] range = t.type().equals("DATE") || t.type().equals("TIME") ? TimexRanges.range(t.value()) : null;
      if (range != null) {
        doc.add(new LongRange(MENTIONED, new long[] {range[0].toEpochDay()}, new long[] {range[1].toEpochDay()}));
      }
    }
  }

  /** The {@link #ENTITY} term of a name of an entity of {@code type}. */
  public static String entityTerm(String type, String name) {
    return type + "|" + NameRules.normal(name);
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
