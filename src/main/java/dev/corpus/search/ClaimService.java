package dev.corpus.search;


import dev.corpus.CorpusException;
import dev.corpus.extract.claim.Claim;
import dev.corpus.extract.claim.ClaimKind;
import dev.corpus.extract.entity.DocumentEntity;
import dev.corpus.extract.entity.NameRules;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import dev.corpus.index.CorpusAnalyzer;
import dev.corpus.index.CorpusIndex;
import dev.corpus.index.IndexSchema;
import dev.corpus.model.Article;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
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

/** The claims of an index: listed, by speaker, grouped across articles, and where sources disagree. */
public final class ClaimService {

  /**
   * A request for {@code corpus claims} or {@code corpus speaker}.
   *
   * @param speaker only claims of this entity (any of its names), or null
   * @param about only claims of articles matching this search, or null
   * @param since only articles published on or after, or null (also words: "last month")
   * @param until only articles published on or before, or null
   * @param kinds only claims of these kinds ({@link #DEFAULT_KINDS} unless asked otherwise)
   */
  public record ClaimsRequest(String speaker, String about, String since, String until, Set<ClaimKind> kinds, int limit) {
    public ClaimsRequest {
      kinds = Set.copyOf(kinds);
    }
  }

  /** What {@code corpus claims}, {@code speaker} and {@code claims --clusters} list unless {@code --kind} says otherwise. */
  public static final Set<ClaimKind> DEFAULT_KINDS = Set.copyOf(EnumSet.of(ClaimKind.STATEMENT, ClaimKind.POSITION));

  /**
   * The kinds named by a {@code --kind} value: a comma-separated list of {@code statement},
   * {@code position}, {@code belief}, {@code intention}, or {@code all}; null means {@link
   * #DEFAULT_KINDS}.
   *
   * @throws CorpusException.Usage naming the value that is no kind
   */
  public static Set<ClaimKind> kinds(String option) {
    if (option == null) {
      return DEFAULT_KINDS;
    }
    Set<ClaimKind> kinds = EnumSet.noneOf(ClaimKind.class);
    for (String value : option.split(",", -1)) {
      String v = value.strip().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("all")) {
        kinds.addAll(EnumSet.allOf(ClaimKind.class));
      } else {
        kinds.add(ClaimKind.of(v).orElseThrow(() -> new CorpusException.Usage(
            "unknown claim kind '" + value.strip() + "' in --kind: use statement, position, belief, intention (comma-separated) or all")));
      }
    }
    return Set.copyOf(kinds);
  }

  /** One claim with its article. */
  public record Item(
      String speaker, String speakerText, String cue, String content, boolean direct, ClaimKind kind, boolean negated,
      boolean denies, String sentence, String document, String title, String source, String published, int start, int end) {}

  /** The result of {@code corpus claims} and {@code corpus speaker}. */
  public record ClaimList(int version, String speaker, long total, List<Item> claims) {}

  /**
   * A member of a cluster: a claim, or a statement an article makes in its own voice (no speaker,
   * no cue, no kind). A negated or denied claim is never a member: its speaker does not assert it.
   */
  public record Member(
      String document, String title, String source, String published, String speaker, String cue, ClaimKind kind,
      boolean negated, boolean denies, String text) {

    /** A statement the article makes in its own voice. */
    static Member ownVoice(String document, String title, String source, String published, String text) {
      return new Member(document, title, source, published, null, null, null, false, false, text);
    }
  }

  /**
   * Statements of several articles that say the same thing.
   *
   * @param contradicted true when a member says it with a negation ("not", "denied") the others lack
   */
  public record Cluster(int articles, List<String> sources, List<String> speakers, List<Member> members, boolean contradicted) {}

  /** One value a source gives. */
  public record Given(String value, String source, String document) {}

  /**
   * A fact that sources give differently.
   *
   * @param kind {@code role} (a person's role differs in kind) or {@code number} (statements of
   *     one cluster give different figures)
   * @param entity the person, or for a number the cluster's first statement
   */
  public record Disagreement(String kind, String entity, List<Given> values) {}

  /** The result of {@code corpus claims --clusters}. */
  public record ClusterList(int version, long total, List<Cluster> clusters, List<Disagreement> disagreements) {}

  /** The stored fields the claim commands read (not the dates). */
  private static final Set<String> CLAIM_FIELDS = Set.of(
      IndexSchema.ID, IndexSchema.FILE, IndexSchema.TITLE, IndexSchema.META, IndexSchema.BODY, IndexSchema.CLAIMS, IndexSchema.ENTITIES);

  private final CorpusIndex index;
  private final Clock clock;
  private final NameRules rules = NameRules.shared();
  private final QueryParsing parsing = new QueryParsing(new CorpusAnalyzer());

  public ClaimService(CorpusIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  /** One article as the claim commands see it. */
  private record Loaded(Article article, List<Claim> claims, List<DocumentEntity> entities) {}

  private List<Loaded> load(IndexSearcher searcher, String about, String since, String until) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), BooleanClause.Occur.FILTER);
    if (about != null) {
      b.add(parsing.parse(about), BooleanClause.Occur.MUST);
    }
    if (since != null || until != null) {
      LocalDate today = LocalDate.now(clock);
      long from = since == null ? Long.MIN_VALUE + 1 : DateRange.start("--since", since, today).toEpochDay();
      long to = until == null ? Long.MAX_VALUE : DateRange.end("--until", until, today).toEpochDay();
      b.add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED_DAY, from, to), BooleanClause.Occur.FILTER);
    }
    Query query = b.build();
    StoredFields stored = searcher.storedFields();
    List<Loaded> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()), new Sort(SortField.FIELD_DOC)).scoreDocs) {
      Document doc = stored.document(sd.doc, CLAIM_FIELDS);
      out.add(new Loaded(IndexSchema.toArticle(doc), IndexSchema.claims(doc), IndexSchema.entities(doc)));
    }
    out.sort(Comparator.comparing(l -> l.article().id()));
    return out;
  }

  /** Claims, newest article first (undated last), in text order within an article. */
  public ClaimList claims(ClaimsRequest request) {
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.build(searcher, new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), rules);
      EntityCatalog.Entity speaker = null;
      if (request.speaker() != null) {
        speaker = catalog.find(request.speaker(), rules)
            .orElseThrow(() -> new CorpusException.NotFound("no entity named '" + request.speaker() + "' in the index"));
      }
      List<Item> items = new ArrayList<>();
      for (Loaded l : load(searcher, request.about(), request.since(), request.until())) {
        Map<String, String> corpusName = corpusNames(l, catalog);
        for (Claim c : l.claims()) {
          String name = c.speaker() == null ? null : corpusName.getOrDefault(c.speaker(), c.speaker());
          if (speaker != null && !speaker.name().equals(name) || !request.kinds().contains(c.kind())) {
            continue;
          }
          Article a = l.article();
          items.add(new Item(name, c.speakerText(), c.cue(), c.content(), c.direct(), c.kind(), c.negated(), c.denies(), c.sentence(),
              a.id(), a.title(), a.source(), a.published() == null ? null : a.published().value(), c.start(), c.end()));
        }
      }
      items.sort(Comparator.comparing((Item i) -> i.published() == null ? "" : i.published()).reversed()
          .thenComparing(Item::document).thenComparingInt(Item::start));
      if (speaker != null) { // what one speaker said over time: oldest first
        items.sort(Comparator.comparing((Item i) -> i.published() == null ? "9999" : i.published()).thenComparing(Item::document).thenComparingInt(Item::start));
      }
      int limit = Math.max(0, request.limit());
      return new ClaimList(Claim.JSON_VERSION, speaker == null ? null : speaker.name(), items.size(), List.copyOf(items.subList(0, Math.min(limit, items.size()))));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Article-level entity names to corpus names. */
  private static Map<String, String> corpusNames(Loaded l, EntityCatalog catalog) {
    Map<String, String> out = new LinkedHashMap<>();
    for (DocumentEntity e : l.entities()) {
      catalog.ofLabel(IndexSchema.entityLabel(e.type(), e.name())).ifPresent(c -> out.put(e.name(), c.name()));
    }
    return out;
  }

  /**
   * Clusters of statements several articles make, largest first, and role disagreements. Claims
   * of the {@code kinds} asked join them, never a negated or a denied one; an article's own
   * statements (sentences holding no claim of any kind) join them too.
   */
  public ClusterList clusters(String about, Set<ClaimKind> kinds, int minSources, int limit) {
    try (DirectoryReader reader = index.openReader()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      EntityCatalog catalog = EntityCatalog.build(searcher, new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)), rules);
      List<Loaded> loaded = load(searcher, about, null, null);
      List<ClaimClusters.Unit> units = new ArrayList<>();
      Tokenizer tokenizer = new Tokenizer();
      for (Loaded l : loaded) {
        Article a = l.article();
        Map<String, String> names = corpusNames(l, catalog);
        String published = a.published() == null ? null : a.published().value();
        List<int[]> claimed = new ArrayList<>();
        for (Claim c : l.claims()) {
          claimed.add(new int[] {c.start(), c.end()});
          // "X did not say that Y", "X denied that Y" assert nothing for Y to be grouped with; they
          // and the kinds not asked for only count in the statistics.
          boolean joins = !c.negated() && !c.denies() && kinds.contains(c.kind());
          units.add(new ClaimClusters.Unit(new Member(a.id(), a.title(), a.source(), published,
              c.speaker() == null ? null : names.getOrDefault(c.speaker(), c.speaker()), c.cue(), c.kind(), c.negated(), c.denies(),
              c.content()), joins));
        }
        // The article's own statements: sentences that hold no claim.
        String body = a.body() == null ? "" : a.body();
        CodePoints cp = new CodePoints(body);
        for (Tokenizer.Sentence s : tokenizer.sentences(body)) {
          List<Token> t = s.tokens();
          int start = cp.of(t.get(0).start());
          int end = cp.of(t.get(t.size() - 1).end());
          boolean inClaim = claimed.stream().anyMatch(c -> c[0] < end && start < c[1]);
          if (!inClaim && t.size() >= 6) {
            String text = body.substring(t.get(0).start(), t.get(t.size() - 1).end()).replaceAll("\\s+", " ");
            units.add(new ClaimClusters.Unit(Member.ownVoice(a.id(), a.title(), a.source(), published, text)));
          }
        }
      }
      List<Cluster> clusters = new ArrayList<>();
      for (List<Member> group : new ClaimClusters().cluster(units)) {
        Set<String> articles = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Set<String> speakers = new LinkedHashSet<>();
        for (Member m : group) {
          articles.add(m.document());
          sources.add(m.source() == null ? m.document() : m.source());
          if (m.speaker() != null) {
            speakers.add(m.speaker());
          }
        }
        if (sources.size() >= minSources) {
          clusters.add(new Cluster(articles.size(), List.copyOf(sources), List.copyOf(speakers), group, ClaimClusters.contradicted(group)));
        }
      }
      clusters.sort(Comparator.comparingInt(Cluster::articles).reversed().thenComparing(c -> c.members().get(0).text()));
      List<Disagreement> disagreements = new ArrayList<>(roleDisagreements(catalog, loaded));
      for (Cluster c : clusters) {
        Disagreement numbers = numberDisagreement(c);
        if (numbers != null) {
          disagreements.add(numbers);
        }
      }
      return new ClusterList(Claim.JSON_VERSION, clusters.size(), List.copyOf(clusters.subList(0, Math.min(Math.max(0, limit), clusters.size()))),
          List.copyOf(disagreements));
    } catch (IOException e) {
      throw new CorpusException.Data("cannot read index at " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  private static final java.util.regex.Pattern MONTH_BEFORE = java.util.regex.Pattern.compile(
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+$");
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("(?<![\\w.])\\d[\\d,]*(?:\\.\\d+)?(?:\\s*(?:%|percent|million|billion|thousand))?");

  /**
   * Members of one cluster that state different numbers ("$350 million" against "$300
   * million"): every member with a number must share one with every other, or the sources
   * disagree. Years are left out (they date, they do not count).
   */
  static Disagreement numberDisagreement(Cluster c) {
    List<Given> given = new ArrayList<>();
    List<Set<String>> sets = new ArrayList<>();
    for (Member m : c.members()) {
      Set<String> numbers = new LinkedHashSet<>();
      java.util.regex.Matcher x = NUMBER.matcher(m.text());
      while (x.find()) {
        String n = x.group().replace(",", "").strip();
        String before = m.text().substring(Math.max(0, x.start() - 10), x.start());
        boolean dayOfMonth = MONTH_BEFORE.matcher(before).find();
        if (!n.matches("(19|20)\\d\\d") && !dayOfMonth) {
          numbers.add(n);
        }
      }
      if (!numbers.isEmpty()) {
        sets.add(numbers);
        given.add(new Given(String.join(", ", numbers), m.source(), m.document()));
      }
    }
    for (int i = 0; i < sets.size(); i++) {
      for (int j = i + 1; j < sets.size(); j++) {
        if (java.util.Collections.disjoint(sets.get(i), sets.get(j))) {
          String about = c.members().get(0).text();
          return new Disagreement("number", about.length() > 80 ? about.substring(0, 80) + "…" : about, List.copyOf(given));
        }
      }
    }
    return null;
  }

  /**
   * People whose role differs in kind between sources ("Deputy Foreign Minister" against
   * "presidential aide"; not "President" against "Russian leader").
   */
  private static List<Disagreement> roleDisagreements(EntityCatalog catalog, List<Loaded> loaded) {
    Set<String> inScope = new LinkedHashSet<>();
    loaded.forEach(l -> inScope.add(l.article().id()));
    List<Disagreement> out = new ArrayList<>();
    for (EntityCatalog.Entity e : catalog.entities()) {
      if (!e.type().equals(EntityType.PERSON)) {
        continue;
      }
      List<Given> given = new ArrayList<>();
      Set<Integer> families = new LinkedHashSet<>();
      for (EntityCatalog.Member m : e.members()) {
        if (!inScope.contains(m.documentId())) {
          continue;
        }
        for (String role : m.entity().roles()) {
          given.add(new Given(role, m.source(), m.documentId()));
          Integer f = dev.corpus.extract.claim.RoleFamilies.of(role);
          if (f != null) {
            families.add(f);
          }
        }
      }
      if (families.size() > 1) {
        out.add(new Disagreement("role", e.name(), List.copyOf(given)));
      }
    }
    return out;
  }
}
