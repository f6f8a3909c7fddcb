package dev.corpus.report;

import dev.corpus.CorpusException;
import dev.corpus.index.CorpusIndex;
import dev.corpus.search.ArticleScope;
import dev.corpus.search.ClaimService;
import dev.corpus.search.DateService;
import dev.corpus.search.EntityGraph;
import dev.corpus.search.EntityService;
import dev.corpus.search.StatsService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the data of a report ({@code corpus report}) from the query services: what the articles
 * in scope cover ({@link StatsService#scope}), their most reported events ({@link
 * DateService#events}), their entity network ({@link EntityService#network}), claim clusters
 * ({@link ClaimService#clustersOf}) and outlets ({@link
 * ClaimService#outlets}). Each list is cut at its {@link ReportData.Caps cap} by the service that
 * reads it, so the cost and the size of a report follow the caps, not the corpus.
 */
public final class ReportService {

  /**
   * What to report on.
   *
   * @param about a search (Lucene query syntax), or null
   * @param since publication date lower bound, or null
   * @param until publication date upper bound, or null
   * @param entity the articles naming this entity (a name or an id), or null
   * @param pick when {@code entity} fits several entities: a candidate's id or 1-based rank, or null
   * @param caps how much each section lists
   */
  public record Request(String about, String since, String until, String entity, String pick, ReportData.Caps caps) {}

  /** The report's data, or the candidates when the entity named is ambiguous (then {@code data} is null). */
  public record Outcome(ReportData data, EntityService.Candidates ambiguous) {}

  /** Roles listed per person in the network. */
  static final int ROLES_PER_ENTITY = 8;
  /** Role disagreements listed, and values per disagreement. */
  static final int ROLE_DISAGREEMENTS = 50;
  static final int VALUES_PER_ROLE_DISAGREEMENT = 12;
  /** Differences listed per cluster. */
  static final int DISAGREEMENTS_PER_CLUSTER = 5;
  /**
   * Characters kept of a sentence or a claim, and of a title, role or value: a page extractor's
   * worst (a whole table read as one sentence) must not make a page of megabytes.
   */
  static final int TEXT = 320;
  static final int NAME = 160;

  /** The first {@code max} of {@code list}. */
  static <T> List<T> first(List<T> list, int max) {
    return List.copyOf(list.subList(0, Math.min(max, list.size())));
  }

  /** {@code text} cut to {@code max} characters at a word boundary, with "…"; null stays null. */
  static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }

  private final CorpusIndex index;
  private final Clock clock;
  private final String generator;

  /**
   * @param clock what "today" is for dates in words ({@code --since "last month"}); nothing of it
   *     is written into the report
   * @param generator the program named in the report ({@code corpus 0.1.0})
   */
  public ReportService(CorpusIndex index, Clock clock, String generator) {
    this.index = index;
    this.clock = clock;
    this.generator = generator;
  }

  /**
   * The report on {@code request}. An empty scope gives data with no article and empty sections;
   * the caller decides what that means.
   *
   * @throws CorpusException.Usage for a malformed query or date, or {@code pick} without an entity
   * @throws CorpusException.NotFound when no entity has the name given
   */
  public Outcome build(Request request) {
    ReportData.Caps caps = request.caps();
    ReportData.EntityRef focus = null;
    if (request.entity() != null) {
      EntityService.Lookup found = new EntityService(index, clock).lookup(request.entity(), request.pick(), 0, 0);
      if (found.ambiguous() != null) {
        return new Outcome(null, found.ambiguous());
      }
      focus = new ReportData.EntityRef(found.profile().id(), found.profile().name(), found.profile().type());
    } else if (request.pick() != null) {
      throw new CorpusException.Usage("--pick chooses among the entities --entity names: give --entity too");
    }
    ArticleScope scope = new ArticleScope(request.about(), request.since(), request.until(), focus == null ? null : focus.id());
    StatsService.Coverage covered = new StatsService(index, clock).scope(scope);
    ReportData.Coverage coverage = new ReportData.Coverage(generator,
        new ReportData.Filters(request.about(), request.since(), request.until(), focus), covered.articles(), covered.undated(),
        covered.earliest(), covered.latest(), covered.sources());
    Articles articles = new Articles();
    if (covered.articles() == 0) {
      return new Outcome(new ReportData(ReportData.VERSION, coverage, caps, new ReportData.Timeline(0, List.of(), 0, List.of()),
          new ReportData.Network(0, 0, List.of(), List.of()), new ReportData.Clusters(0, List.of(), List.of()),
          new ReportData.Outlets(0, List.of()), List.of()), null);
    }
    ReportData.Timeline timeline = timeline(new DateService(index, clock).events(scope, caps.events(), caps.articlesPerItem()), caps, articles);
    ReportData.Network network = network(new EntityService(index, clock).network(scope,
        new EntityService.NetworkRequest(caps.entities(), caps.edges(), caps.articlesPerItem(), ROLES_PER_ENTITY)), caps, articles);
    ClaimService claims = new ClaimService(index, clock);
    ReportData.Clusters clusters = clusters(claims.clustersOf(scope, ClaimService.DEFAULT_KINDS, 2, caps.clusters()), caps, articles);
    ReportData.Outlets outlets = outlets(claims.outlets(scope, new ClaimService.OutletsRequest(ClaimService.DEFAULT_KINDS, caps.outlets(),
        caps.speakersPerOutlet(), caps.exclusivePerOutlet())), articles);
    return new Outcome(new ReportData(ReportData.VERSION, coverage, caps, timeline, network, clusters, outlets, articles.list()), null);
  }

  private static ReportData.Timeline timeline(DateService.EventList list, ReportData.Caps caps, Articles articles) {
    java.util.Set<String> conflicting = new java.util.HashSet<>();
    list.conflicts().forEach(c -> conflicting.add(c.document() + "\u0000" + c.mention()));
    List<ReportData.Event> events = new ArrayList<>(list.events().size());
    for (DateService.Event e : list.events()) {
      TreeSet<String> sources = new TreeSet<>();
      e.sentences().forEach(r -> {
        if (r.source() != null) {
          sources.add(r.source());
        }
      });
      List<String> ids = new ArrayList<>();
      for (DateService.Reporter r : e.articles().subList(0, Math.min(caps.articlesPerItem(), e.articles().size()))) {
        articles.add(r.id(), r.title(), r.source(), r.published());
        ids.add(r.id());
      }
      boolean conflict = e.sentences().stream().anyMatch(s -> conflicting.contains(s.document() + "\u0000" + s.text()));
      events.add(new ReportData.Event(e.date(), e.precision(), e.from(), e.to(), e.reports(), e.representative().text(),
          clip(e.representative().sentence(), TEXT), first(List.copyOf(sources), caps.namesPerItem()), sources.size(), List.copyOf(ids),
          conflict));
    }
    // Each conflicting page once per mention, in page order.
    Map<String, ReportData.Conflict> conflicts = new TreeMap<>();
    for (DateService.Conflict c : list.conflicts()) {
      conflicts.putIfAbsent(c.document() + "\u0000" + c.mention() + "\u0000" + c.corpusDate(), new ReportData.Conflict(c.document(),
          c.published(), c.mention(), c.resolvedAs(), c.corpusDate(), c.supportedBy() == null ? 0 : c.supportedBy().size()));
    }
    return new ReportData.Timeline(list.total(), List.copyOf(events), conflicts.size(),
        first(List.copyOf(conflicts.values()), caps.conflicts()));
  }

  private static ReportData.Network network(EntityService.Network n, ReportData.Caps caps, Articles articles) {
    List<ReportData.Node> nodes = new ArrayList<>(n.entities().size());
    for (EntityService.NetworkEntity e : n.entities()) {
      List<String> recent = new ArrayList<>();
      for (EntityService.ArticleRef a : e.articles()) {
        articles.add(a.id(), a.title(), a.source(), a.published());
        recent.add(a.id());
      }
      List<ReportData.Role> roles = e.roles().stream().map(r -> new ReportData.Role(clip(r.role(), NAME), r.source(), r.document())).toList();
      nodes.add(new ReportData.Node(e.id(), e.name(), e.type(), e.documents(), e.mentions(), first(e.aliases(), caps.namesPerItem()),
          e.aliases().size(), roles, List.copyOf(recent)));
    }
    List<ReportData.Edge> edges = new ArrayList<>(n.edges().size());
    for (EntityGraph.Edge e : n.edges()) {
      edges.add(new ReportData.Edge(e.source(), e.target(), e.weight()));
    }
    return new ReportData.Network(n.totalEntities(), n.totalEdges(), List.copyOf(nodes), List.copyOf(edges));
  }

  private static ReportData.Clusters clusters(ClaimService.ClusterList list, ReportData.Caps caps, Articles articles) {
    List<ReportData.Cluster> out = new ArrayList<>(list.clusters().size());
    for (ClaimService.Cluster c : list.clusters()) {
      List<ReportData.Member> members = new ArrayList<>();
      for (ClaimService.Member m : c.members().subList(0, Math.min(caps.membersPerCluster(), c.members().size()))) {
        articles.add(m.document(), m.title(), m.source(), m.published());
        members.add(new ReportData.Member(m.document(), m.source(), m.speaker(), m.cue(), clip(m.text(), TEXT), m.negated(), m.denies()));
      }
      List<ReportData.Disagreement> differences = c.disagreements().stream()
          .limit(DISAGREEMENTS_PER_CLUSTER)
          .map(d -> new ReportData.Disagreement(d.kind(), side(d.first()), side(d.second()), d.pairs()))
          .toList();
      out.add(new ReportData.Cluster(c.articles(), first(c.sources(), caps.namesPerItem()), c.sources().size(),
          first(c.speakers(), caps.namesPerItem()), c.speakers().size(), c.members().size(), List.copyOf(members),
          c.disagreementCount(), differences));
    }
    List<ReportData.RoleDisagreement> roles = list.disagreements().stream()
        .limit(ROLE_DISAGREEMENTS)
        .map(d -> new ReportData.RoleDisagreement(d.entity(), d.values().stream()
            .limit(VALUES_PER_ROLE_DISAGREEMENT)
            .map(g -> new ReportData.Role(clip(g.value(), NAME), g.source(), g.document()))
            .toList()))
        .toList();
    return new ReportData.Clusters(list.total(), List.copyOf(out), roles);
  }

  private static ReportData.Side side(ClaimService.Side s) {
    return new ReportData.Side(s.document(), s.source(), clip(s.value(), NAME));
  }

  private static ReportData.Outlets outlets(ClaimService.OutletList list, Articles articles) {
    List<ReportData.Outlet> out = new ArrayList<>(list.outlets().size());
    for (ClaimService.Outlet o : list.outlets()) {
      List<ReportData.Said> said = new ArrayList<>();
      for (ClaimService.Item c : o.exclusive()) {
        articles.add(c.document(), c.title(), c.source(), c.published());
        said.add(new ReportData.Said(c.document(), c.speaker(), c.cue(), clip(c.content(), TEXT)));
      }
      List<ReportData.Quoted> speakers = o.speakers().stream().map(q -> new ReportData.Quoted(q.speaker(), q.id(), q.claims())).toList();
      out.add(new ReportData.Outlet(o.source(), o.articles(), o.claims(), speakers, o.exclusiveCount(), List.copyOf(said)));
    }
    return new ReportData.Outlets(list.total(), List.copyOf(out));
  }

  /** The articles the sections refer to, each once, listed by id. */
  private static final class Articles {
    private final Map<String, ReportData.ArticleRef> byId = new TreeMap<>();

    void add(String id, String title, String source, String published) {
      byId.putIfAbsent(id, new ReportData.ArticleRef(id, clip(title, NAME), source, published));
    }

    List<ReportData.ArticleRef> list() {
      return List.copyOf(byId.values());
    }
  }
}
