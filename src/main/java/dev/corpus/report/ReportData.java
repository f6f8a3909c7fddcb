package dev.corpus.report;

import java.util.List;

/**
 * Everything a report page shows ({@code corpus report}), as the page's JavaScript reads it from
 * the JSON inlined in the page and as {@code --format json} prints it. Every list is capped
 * ({@link Caps}); each section says how many there are in all beside those it holds, so the page
 * can say "showing 150 of 48,211". Articles are listed once, in {@link #articles}, and the
 * sections refer to them by id. Sentences and claims are cut at 320 characters, titles, roles and
 * disagreeing values at 160 (ending with "…"), so that no text of a badly extracted page makes
 * the report large.
 *
 * @param version version of this JSON shape ({@code docs/json.md})
 * @param coverage what the report covers: filters, articles, dates
 * @param articles the articles the sections refer to, by id
 * @param caps the caps the lists were cut at
 */
public record ReportData(
    int version,
    Coverage coverage,
    Caps caps,
    Timeline timeline,
    Network network,
    Clusters clusters,
    Outlets outlets,
    List<ArticleRef> articles) {

  /** Version of the JSON shape. */
  public static final int VERSION = 1;

  /**
   * The most a report lists of each kind of thing: what keeps a page of a 100,000-article corpus
   * a few megabytes and its charts readable.
   *
   * @param events events on the timeline, the most reported
   * @param entities entities in the network, the most widely reported
   * @param edges edges of the network, the heaviest
   * @param clusters claim clusters, the largest
   * @param outlets outlets compared, those with most articles
   * @param articlesPerItem articles listed with an event or an entity
   * @param membersPerCluster members listed with a cluster
   * @param speakersPerOutlet speakers listed with an outlet
   * @param exclusivePerOutlet claims listed that only one outlet makes
   * @param namesPerItem outlets, speakers or spellings listed with an event, a cluster or an entity
   * @param conflicts date conflicts listed
   */
  public record Caps(int events, int entities, int edges, int clusters, int outlets, int articlesPerItem, int membersPerCluster,
      int speakersPerOutlet, int exclusivePerOutlet, int namesPerItem, int conflicts) {

    /** The caps of {@code corpus report}. */
    public static final Caps DEFAULT = new Caps(2000, 150, 600, 200, 30, 3, 10, 10, 5, 10, 200);
  }

  /**
   * What the report covers.
   *
   * @param generator the program that wrote it ({@code corpus 0.1.0}); no time, so that the same
   *     index gives the same bytes
   * @param filters the filters given
   * @param articles articles in scope
   * @param undated of which with no known publication date
   * @param earliest first publication day in scope, or null
   * @param latest last publication day in scope, or null
   * @param sources outlets in scope
   */
  public record Coverage(String generator, Filters filters, long articles, long undated, String earliest, String latest, long sources) {}

  /**
   * The filters as given; {@code entity} as the catalog resolved it.
   *
   * @param about the search, or null
   * @param since publication date lower bound as given, or null
   * @param until publication date upper bound as given, or null
   * @param entity the entity whose articles are covered, or null
   */
  public record Filters(String about, String since, String until, EntityRef entity) {}

  /** An entity of the catalog: its stable id, canonical name and type. */
  public record EntityRef(String id, String name, String type) {}

  /** An article the sections refer to; {@code published} is null when unknown. */
  public record ArticleRef(String id, String title, String source, String published) {}

  /**
   * The timeline: the most reported events, in date order.
   *
   * @param total events with a report in scope
   * @param events those shown ({@link Caps#events} at most)
   * @param conflictCount pages whose printed date puts a shown event elsewhere than the rest of the corpus
   * @param conflicts the first of them ({@link Caps#conflicts}), in page order
   */
  public record Timeline(long total, List<Event> events, int conflictCount, List<Conflict> conflicts) {}

  /**
   * One event.
   *
   * @param date its time at its precision: {@code 2024-06-19}, {@code 2024-06}, {@code 1961}
   * @param precision {@code day}, {@code month} or {@code year}
   * @param from its first day
   * @param to its last day
   * @param reports articles in scope that report it
   * @param text the date expression of the representative report ("on Wednesday")
   * @param sentence the representative report's sentence
   * @param sources the first outlets that report it, in name order ({@link Caps#namesPerItem})
   * @param sourceCount the outlets that report it
   * @param articles ids of the first reporting articles ({@link Caps#articlesPerItem}), by id
   * @param conflict whether a report was placed here against its own page's date
   */
  public record Event(String date, String precision, String from, String to, int reports, String text, String sentence,
      List<String> sources, int sourceCount, List<String> articles, boolean conflict) {}

  /**
   * A page whose printed date puts an event elsewhere than the rest of the corpus does.
   *
   * @param document the page
   * @param mention its date expression
   * @param resolvedAs where its own date put the mention
   * @param corpusDate where the corpus places the event
   * @param supportedBy how many articles give the corpus's date
   */
  public record Conflict(String document, String published, String mention, String resolvedAs, String corpusDate, int supportedBy) {}

  /**
   * The entity co-occurrence network.
   *
   * @param totalEntities entities named in scope
   * @param totalEdges pairs of the shown entities named together
   * @param nodes the most widely reported entities ({@link Caps#entities})
   * @param edges the heaviest pairs ({@link Caps#edges})
   */
  public record Network(long totalEntities, long totalEdges, List<Node> nodes, List<Edge> edges) {}

  /**
   * An entity.
   *
   * @param type {@code PERSON}, {@code ORG}, {@code LOC}, {@code MISC} or {@code NORP}
   * @param articles articles in scope naming it
   * @param mentions its mentions in them
   * @param aliases its most frequent other spellings ({@link Caps#namesPerItem})
   * @param aliasCount its other spellings in all
   * @param roles roles sources give a person, each with the article and outlet that gives it
   * @param recent ids of its newest articles in scope
   */
  public record Node(String id, String name, String type, int articles, long mentions, List<String> aliases, int aliasCount,
      List<Role> roles, List<String> recent) {}

  /** A role an outlet gives a person, in one article. */
  public record Role(String role, String source, String document) {}

  /** Two entities named in the same articles: {@code weight} of them in scope. */
  public record Edge(String source, String target, int weight) {}

  /**
   * The claim clusters: what several articles say alike.
   *
   * @param total clusters of two outlets or more in scope
   * @param clusters the largest ({@link Caps#clusters})
   * @param roles people whose role outlets give differently
   */
  public record Clusters(long total, List<Cluster> clusters, List<RoleDisagreement> roles) {}

  /**
   * A cluster.
   *
   * @param articles articles of its members
   * @param sources their first outlets ({@link Caps#namesPerItem}), in member order
   * @param sourceCount their outlets in all
   * @param speakers the first speakers of its claims
   * @param speakerCount its speakers in all
   * @param memberCount its members in all
   * @param members the first of them ({@link Caps#membersPerCluster})
   * @param disagreementCount differences between members in all
   * @param disagreements the most shared of them
   */
  public record Cluster(int articles, List<String> sources, int sourceCount, List<String> speakers, int speakerCount, int memberCount,
      List<Member> members, int disagreementCount, List<Disagreement> disagreements) {}

  /**
   * A statement of a cluster: a claim (speaker and cue) or the article's own voice (both null).
   *
   * @param negated the cue is negated ("did not say")
   * @param denies the speaker denies the content
   */
  public record Member(String document, String source, String speaker, String cue, String text, boolean negated, boolean denies) {}

  /**
   * Two members that give a thing differently.
   *
   * @param kind {@code polarity}, {@code number} or {@code date}
   * @param pairs pairs of members giving these two values
   */
  public record Disagreement(String kind, Side first, Side second, int pairs) {}

  /** What one member gives. */
  public record Side(String document, String source, String value) {}

  /** A person whose role outlets give differently, with each value. */
  public record RoleDisagreement(String entity, List<Role> values) {}

  /**
   * The outlets compared.
   *
   * @param total outlets in scope
   * @param outlets those with most articles ({@link Caps#outlets})
   */
  public record Outlets(long total, List<Outlet> outlets) {}

  /**
   * One outlet.
   *
   * @param articles its articles in scope
   * @param claims its claims (statements and positions) in them
   * @param speakers the entities it quotes most
   * @param exclusiveCount its claims no other outlet makes (in no cluster of two outlets or more)
   * @param exclusive the newest of those
   */
  public record Outlet(String source, long articles, long claims, List<Quoted> speakers, long exclusiveCount, List<Said> exclusive) {}

  /** A speaker an outlet quotes, and how many of its claims. */
  public record Quoted(String speaker, String id, long claims) {}

  /** A claim: who, with which cue, said what, in which article. */
  public record Said(String document, String speaker, String cue, String content) {}
}
