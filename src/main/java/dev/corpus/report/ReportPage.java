package dev.corpus.report;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ReportData} as one self-contained HTML page: the data inlined as JSON in a
 * {@code <script type="application/json" id="data">} block, Apache ECharts and the page's own
 * script inlined, and every number also in plain HTML tables, so the page reads without
 * JavaScript. Nothing is fetched when the page is opened: its Content-Security-Policy allows no
 * connection and only the two inline scripts, by their SHA-256 hashes computed here; styles are
 * inline ({@code 'unsafe-inline'} for styles only: ECharts positions its tooltips with style
 * attributes). The same data gives the same bytes.
 *
 * <p>The vendored library is {@code vendor/echarts.min.js} beside this class, fetched by {@code
 * scripts/vendor-report-libs.sh}; {@code report.js} and {@code report.css} are the page's own.
 */
public final class ReportPage {

  /** The ECharts release vendored (scripts/vendor-report-libs.sh). */
  public static final String ECHARTS_VERSION = "6.1.0";

  private static final String RESOURCES = "/dev/corpus/report/";

  private final String echarts;
  private final String script;
  private final String style;
  private final ObjectMapper json;

  /** Reads the page's scripts and style from the classpath. */
  public ReportPage() {
    this.echarts = inlineScript(resource("vendor/echarts.min.js"));
    this.script = inlineScript(resource("report.js"));
    this.style = resource("report.css");
    this.json = JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new ScriptSafeEscapes()).build())
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .build();
  }

  /** The Content-Security-Policy of every page: no fetching, only the page's own two scripts. */
  public String contentSecurityPolicy() {
    return "default-src 'none'; connect-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src " + hash(echarts) + " "
        + hash(script) + "; base-uri 'none'; form-action 'none'";
  }

  /** The page for {@code data}, as UTF-8 bytes. */
  public byte[] render(ReportData data) {
    Html h = new Html(data.articles());
    ReportData.Coverage c = data.coverage();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").text(contentSecurityPolicy()).raw("\">\n");
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.raw("<meta name=\"generator\" content=\"").text(c.generator()).raw("\">\n");
    h.raw("<title>").text(title(c)).raw("</title>\n<style>\n").raw(style).raw("</style>\n</head>\n<body>\n");
    header(h, data);
    h.raw("<main>\n");
    timeline(h, data);
    network(h, data);
    clusters(h, data);
    outlets(h, data);
    h.raw("</main>\n");
    footer(h);
    h.raw("<script type=\"application/json\" id=\"data\">").raw(dataJson(data)).raw("</script>\n");
    h.raw("<script>").raw(echarts).raw("</script>\n");
    h.raw("<script>").raw(script).raw("</script>\n");
    h.raw("</body>\n</html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The data as JSON that cannot end its script block: every {@code <}, {@code >} and {@code &}
   * is written {@code \u003c}… (so no {@code </script>} nor {@code <!--}), and U+2028/U+2029 as
   * escapes too, which older JavaScript parsers read as line ends.
   */
  String dataJson(ReportData data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise the report's data", e);
    }
  }

  private static String title(ReportData.Coverage c) {
    return "Corpus report: " + scopeLine(c);
  }

  /** "articles about “treaty” naming Kim Jong Un, published since 2024-06": what the filters select. */
  private static String scopeLine(ReportData.Coverage c) {
    ReportData.Filters f = c.filters();
    StringBuilder s = new StringBuilder(f.about() == null && f.entity() == null && f.since() == null && f.until() == null
        ? "all articles" : "articles");
    if (f.about() != null) {
      s.append(" about “").append(f.about()).append('”');
    }
    if (f.entity() != null) {
      s.append(" naming ").append(f.entity().name());
    }
    if (f.since() != null || f.until() != null) {
      s.append(", published");
      if (f.since() != null) {
        s.append(" since ").append(f.since());
      }
      if (f.until() != null) {
        s.append(" until ").append(f.until());
      }
    }
    return s.toString();
  }

  /** "a, b, c" and, when the list was cut, " and 4 more". */
  private static String names(List<String> names, long total, String separator) {
    String shown = String.join(separator, names);
    return total > names.size() ? shown + " and " + count(total - names.size()) + " more" : shown;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }

  /** "showing 150 of 48,211 entities" when a cap cut the list, else "all 12 entities", "the one entity", "no entities". */
  private static String showing(int shown, long total, String one, String many) {
    if (total == 0) {
      return "no " + many;
    }
    if (shown >= total) {
      return total == 1 ? "the one " + one : "all " + count(total) + " " + many;
    }
    return "showing " + count(shown) + " of " + count(total) + " " + many;
  }

  private void header(Html h, ReportData data) {
    ReportData.Coverage c = data.coverage();
    ReportData.Filters f = c.filters();
    h.raw("<header class=\"top\">\n<p class=\"kicker\">corpus report</p>\n<h1>");
    h.text(Character.toUpperCase(scopeLine(c).charAt(0)) + scopeLine(c).substring(1)).raw("</h1>\n");
    h.raw("<p class=\"lede\">").text(plural(c.articles(), "article", "articles")).text(" from ").text(plural(c.sources(), "outlet", "outlets"));
    if (c.earliest() != null) {
      h.text(", published ").text(c.earliest().equals(c.latest()) ? "on " + c.earliest() : c.earliest() + " to " + c.latest());
    }
    if (c.undated() > 0) {
      h.text("; ").text(count(c.undated())).text(" with no date");
    }
    h.raw(".</p>\n<dl class=\"filters\">\n");
    h.raw("<dt>Search</dt><dd>").text(f.about() == null ? "none" : f.about()).raw("</dd>\n");
    h.raw("<dt>Published</dt><dd>").text(f.since() == null && f.until() == null ? "any date"
        : (f.since() == null ? "" : "since " + f.since()) + (f.since() != null && f.until() != null ? ", " : "")
            + (f.until() == null ? "" : "until " + f.until())).raw("</dd>\n");
    h.raw("<dt>Entity</dt><dd>");
    if (f.entity() == null) {
      h.text("any");
    } else {
      h.text(f.entity().name()).text(" (").text(f.entity().type()).text(", ").raw("<code>").text(f.entity().id()).raw("</code>)");
    }
    h.raw("</dd>\n</dl>\n");
    h.raw("<p class=\"meta\">Generated by ").text(c.generator())
        .text(" from its index; the same index gives the same page. Every list is cut at a cap and says so. ")
        .raw("<output id=\"status\" data-state=\"loading\" role=\"status\">Charts need JavaScript; the tables hold every figure.</output></p>\n");
    h.raw("<nav class=\"sections\" aria-label=\"Sections\"><a href=\"#timeline\">Timeline</a> <a href=\"#network\">Entities</a> ")
        .raw("<a href=\"#clusters\">What outlets say alike</a> <a href=\"#outlets\">Outlets compared</a></nav>\n</header>\n");
  }

  private void timeline(Html h, ReportData data) {
    ReportData.Timeline t = data.timeline();
    h.raw("<section class=\"part\" id=\"timeline\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline of events</h2>\n");
    h.raw("<p class=\"cap\">").text(showing(t.events().size(), t.total(), "event", "events"));
    if (t.events().size() < t.total()) {
      h.text(", the most reported");
    }
    h.text(". An event is what several sentences place at one time (a day, a month or a year), with every article that reports it. ")
        .text("Zoom with the wheel or the slider; click an event for its articles.").raw("</p>\n");
    if (t.events().isEmpty()) {
      h.raw("<p class=\"empty\">No dated event in these articles.</p>\n</section>\n");
      return;
    }
    h.raw("<div class=\"legend\" id=\"timeline-legend\" hidden>");
    for (String[] k : List.of(new String[] {"day", "a day"}, new String[] {"month", "a month"}, new String[] {"year", "a year"},
        new String[] {"conflict", "a page dates it otherwise"})) {
      h.raw("<span><span class=\"swatch ").raw(k[0]).raw("\"></span> ").text(k[1]).raw("</span>");
    }
    h.raw("</div>\n<div class=\"chart-row\"><div class=\"chart\" id=\"timeline-chart\" hidden role=\"img\" aria-label=\"")
        .text("Events on a time axis, higher when more articles report them").raw("\"></div>\n");
    h.raw("<aside class=\"detail\" id=\"timeline-detail\" hidden aria-live=\"polite\"><p class=\"hint\">")
        .text("Click an event, or a row of the table, to see its articles.").raw("</p></aside></div>\n");
    h.raw("<details open data-fold><summary>Table of the ").text(plural(t.events().size(), "event", "events")).raw(" shown</summary>\n");
    h.raw("<div class=\"table-wrap\"><table id=\"timeline-table\"><thead><tr><th>Date</th><th class=\"n\">Reports</th><th>Outlets</th>")
        .raw("<th>What was reported (the most representative sentence)</th></tr></thead><tbody>\n");
    for (int i = 0; i < t.events().size(); i++) {
      ReportData.Event e = t.events().get(i);
      h.raw("<tr tabindex=\"0\" data-i=\"").raw(Integer.toString(i)).raw("\"><td>").text(e.date());
      if (e.conflict()) {
        h.raw(" <span class=\"tag warn\">conflict</span>");
      }
      h.raw("</td><td class=\"n\">").text(count(e.reports())).raw("</td><td>").text(names(e.sources(), e.sourceCount(), ", ")).raw("</td><td>")
          .text(e.sentence()).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div></details>\n");
    if (!t.conflicts().isEmpty()) {
      h.raw("<h3>Date conflicts</h3>\n<p class=\"cap\">").text(showing(t.conflicts().size(), t.conflictCount(), "page", "pages"))
          .text(" whose printed date puts an event elsewhere than the rest of the corpus: their mention is shown on the corpus's day.")
          .raw("</p>\n");
      h.raw("<div class=\"table-wrap\"><table><thead><tr><th>Page</th><th>Printed date</th><th>Mention</th><th>Its date would give</th>")
          .raw("<th>The corpus gives</th><th class=\"n\">Articles agreeing</th></tr></thead><tbody>\n");
      for (ReportData.Conflict k : t.conflicts()) {
        h.raw("<tr><td>").article(k.document()).raw("</td><td>").text(k.published()).raw("</td><td>").text(k.mention())
            .raw("</td><td>").text(k.resolvedAs()).raw("</td><td>").text(k.corpusDate()).raw("</td><td class=\"n\">")
            .text(count(k.supportedBy())).raw("</td></tr>\n");
      }
      h.raw("</tbody></table></div>\n");
    }
    h.raw("</section>\n");
  }

  private static final Map<String, String> TYPE_NAMES = typeNames();

  private static Map<String, String> typeNames() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PERSON", "people");
    m.put("ORG", "organisations");
    m.put("LOC", "places");
    m.put("MISC", "other names");
    m.put("NORP", "groups, nationalities");
    return m;
  }

  private void network(Html h, ReportData data) {
    ReportData.Network n = data.network();
    h.raw("<section class=\"part\" id=\"network\" aria-labelledby=\"network-h\">\n<h2 id=\"network-h\">Who appears with whom</h2>\n");
    h.raw("<p class=\"cap\">").text(showing(n.nodes().size(), n.totalEntities(), "entity", "entities"));
    if (n.nodes().size() < n.totalEntities()) {
      h.text(", the most widely reported");
    }
    h.text("; ").text(showing(n.edges().size(), n.totalEdges(), "link between them", "links between them"));
    if (n.edges().size() < n.totalEdges()) {
      h.text(", the strongest");
    }
    h.text(". A node's size follows its mentions, a link's width the articles naming both. Click a node for its roles, spellings and articles.")
        .raw("</p>\n");
    if (n.nodes().isEmpty()) {
      h.raw("<p class=\"empty\">No entity in these articles.</p>\n</section>\n");
      return;
    }
    Map<String, Integer> perType = new LinkedHashMap<>();
    TYPE_NAMES.keySet().forEach(t -> perType.put(t, 0));
    n.nodes().forEach(x -> perType.merge(x.type(), 1, Integer::sum));
    h.raw("<fieldset class=\"legend\" id=\"network-filter\" hidden><legend>Show</legend>");
    perType.forEach((type, k) -> {
      if (k > 0) {
        h.raw("<label><input type=\"checkbox\" checked data-type=\"").text(type).raw("\"> <span class=\"swatch ").text(type).raw("\"></span> ")
            .text(TYPE_NAMES.getOrDefault(type, type)).text(" (" + count(k) + ")").raw("</label>");
      }
    });
    h.raw("</fieldset>\n<div class=\"chart-row\"><div class=\"chart\" id=\"network-chart\" hidden role=\"img\" aria-label=\"")
        .text("The entities as a network, linked when named in the same articles").raw("\"></div>\n");
    h.raw("<aside class=\"detail\" id=\"network-detail\" hidden aria-live=\"polite\"><p class=\"hint\">")
        .text("Click an entity, or a row of the table, to see its roles, spellings and newest articles.").raw("</p></aside></div>\n");
    h.raw("<details open data-fold><summary>Table of the ").text(plural(n.nodes().size(), "entity", "entities")).raw(" shown</summary>\n");
    h.raw("<div class=\"table-wrap\"><table id=\"network-table\"><thead><tr><th>Entity</th><th>Type</th><th class=\"n\">Articles</th>")
        .raw("<th class=\"n\">Mentions</th><th>Also written</th><th>Roles outlets give</th></tr></thead><tbody>\n");
    for (int i = 0; i < n.nodes().size(); i++) {
      ReportData.Node x = n.nodes().get(i);
      h.raw("<tr tabindex=\"0\" data-i=\"").raw(Integer.toString(i)).raw("\"><td>").text(x.name()).raw("</td><td>").text(x.type())
          .raw("</td><td class=\"n\">").text(count(x.articles())).raw("</td><td class=\"n\">").text(count(x.mentions())).raw("</td><td>")
          .text(names(x.aliases(), x.aliasCount(), "; ")).raw("</td><td>")
          .text(String.join("; ", x.roles().stream().map(r -> r.role() + " (" + (r.source() == null ? "?" : r.source()) + ")").toList()))
          .raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div></details>\n");
    Map<String, String> names = new LinkedHashMap<>();
    n.nodes().forEach(x -> names.put(x.id(), x.name()));
    h.raw("<details><summary>Table of the ").text(plural(n.edges().size(), "link", "links")).raw(" shown</summary>\n");
    h.raw("<div class=\"table-wrap\"><table><thead><tr><th>Entity</th><th>Entity</th><th class=\"n\">Articles naming both</th></tr></thead><tbody>\n");
    for (ReportData.Edge e : n.edges()) {
      h.raw("<tr><td>").text(names.get(e.source())).raw("</td><td>").text(names.get(e.target())).raw("</td><td class=\"n\">")
          .text(count(e.weight())).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div></details>\n</section>\n");
  }

  private void clusters(Html h, ReportData data) {
    ReportData.Clusters k = data.clusters();
    h.raw("<section class=\"part\" id=\"clusters\" aria-labelledby=\"clusters-h\">\n<h2 id=\"clusters-h\">What several outlets say alike</h2>\n");
    h.raw("<p class=\"cap\">").text(showing(k.clusters().size(), k.total(), "claim cluster", "claim clusters"));
    if (k.clusters().size() < k.total()) {
      h.text(", the largest");
    }
    h.text(": statements of two outlets or more that say the same thing about one event, in the same or other words, ")
        .text("with where they disagree.").raw("</p>\n");
    if (k.clusters().isEmpty()) {
      h.raw("<p class=\"empty\">No statement is made by two outlets in these articles.</p>\n");
    } else {
      h.raw("<ol class=\"clusters\">\n");
      for (ReportData.Cluster c : k.clusters()) {
        h.raw("<li tabindex=\"0\"><p><strong>").text(plural(c.articles(), "article", "articles")).raw("</strong>, ")
            .text(plural(c.sourceCount(), "outlet", "outlets")).text(": ").text(names(c.sources(), c.sourceCount(), ", "));
        if (!c.speakers().isEmpty()) {
          h.raw("<br><span class=\"who\">").text("Speakers: ").text(names(c.speakers(), c.speakerCount(), ", ")).raw("</span>");
        }
        if (c.disagreementCount() > 0) {
          h.raw(" <span class=\"tag warn\">").text(plural(c.disagreementCount(), "disagreement", "disagreements")).raw("</span>");
        }
        h.raw("</p>\n<ul>");
        for (ReportData.Member m : c.members()) {
          h.raw("<li><q>").text(m.text()).raw("</q> <span class=\"who\">— ").text(m.source() == null ? "unknown outlet" : m.source());
          if (m.speaker() != null) {
            h.text("; ").text(m.speaker());
          }
          if (m.cue() != null) {
            h.text(" (").text(m.cue()).text(")");
          }
          h.raw("</span>");
          if (m.denies() || m.negated()) {
            h.raw(" <span class=\"tag warn\">").text(m.denies() ? "denies" : "negated").raw("</span>");
          }
          h.raw("</li>");
        }
        h.raw("</ul>\n");
        if (c.memberCount() > c.members().size()) {
          h.raw("<p class=\"hint\">").text("and " + count(c.memberCount() - c.members().size()) + " more").raw("</p>\n");
        }
        if (!c.disagreements().isEmpty()) {
          h.raw("<ul>");
          for (ReportData.Disagreement d : c.disagreements()) {
            h.raw("<li><span class=\"tag warn\">").text(d.kind()).raw("</span> ").text(side(d.first())).text("; ").text(side(d.second()));
            if (d.pairs() > 1) {
              h.text(" (" + count(d.pairs()) + " pairs)");
            }
            h.raw("</li>");
          }
          h.raw("</ul>\n");
        }
        h.raw("</li>\n");
      }
      h.raw("</ol>\n");
    }
    if (!k.roles().isEmpty()) {
      h.raw("<h3>People whose role outlets give differently</h3>\n<div class=\"table-wrap\"><table><thead><tr><th>Person</th><th>Role</th>")
          .raw("<th>Outlet</th></tr></thead><tbody>\n");
      for (ReportData.RoleDisagreement r : k.roles()) {
        for (ReportData.Role v : r.values()) {
          h.raw("<tr><td>").text(r.entity()).raw("</td><td>").text(v.role()).raw("</td><td>").text(v.source() == null ? "" : v.source())
              .raw("</td></tr>\n");
        }
      }
      h.raw("</tbody></table></div>\n");
    }
    h.raw("</section>\n");
  }

  private static String side(ReportData.Side s) {
    return (s.source() == null ? "an article" : s.source()) + " gives " + s.value();
  }

  private void outlets(Html h, ReportData data) {
    ReportData.Outlets o = data.outlets();
    h.raw("<section class=\"part\" id=\"outlets\" aria-labelledby=\"outlets-h\">\n<h2 id=\"outlets-h\">Outlets compared</h2>\n");
    h.raw("<p class=\"cap\">").text(showing(o.outlets().size(), o.total(), "outlet", "outlets"));
    if (o.outlets().size() < o.total()) {
      h.text(", those with most articles");
    }
    h.text(": whom each quotes most, and what it says that no other outlet does (claims in no cluster shared with another outlet).")
        .raw("</p>\n");
    if (o.outlets().isEmpty()) {
      h.raw("<p class=\"empty\">No outlet is known for these articles.</p>\n</section>\n");
      return;
    }
    h.raw("<div class=\"outlets\">\n");
    for (ReportData.Outlet x : o.outlets()) {
      h.raw("<article class=\"outlet\" tabindex=\"0\"><h3>").text(x.source()).raw("</h3>\n<p class=\"hint\">")
          .text(plural(x.articles(), "article", "articles")).text(", ").text(plural(x.claims(), "claim", "claims")).raw("</p>\n");
      h.raw("<h4>Quotes most</h4>");
      if (x.speakers().isEmpty()) {
        h.raw("<p class=\"empty\">no named speaker</p>");
      } else {
        h.raw("<ol>");
        for (ReportData.Quoted q : x.speakers()) {
          h.raw("<li>").text(q.speaker()).raw(" <span class=\"who\">").text("(" + count(q.claims()) + ")").raw("</span></li>");
        }
        h.raw("</ol>");
      }
      h.raw("\n<h4>").text("Says alone (" + count(x.exclusiveCount()) + ")").raw("</h4>");
      if (x.exclusive().isEmpty()) {
        h.raw("<p class=\"empty\">nothing: every claim it makes, another outlet makes too</p>");
      } else {
        h.raw("<ul>");
        for (ReportData.Said s : x.exclusive()) {
          h.raw("<li>");
          if (s.speaker() != null) {
            h.text(s.speaker()).text(" ").text(s.cue() == null ? "" : s.cue()).text(": ");
          }
          h.raw("<q>").text(s.content()).raw("</q> <span class=\"who\">").article(s.document()).raw("</span></li>");
        }
        h.raw("</ul>");
      }
      if (x.exclusive().size() < x.exclusiveCount()) {
        h.raw("<p class=\"hint\">").text("the newest " + count(x.exclusive().size()) + " shown").raw("</p>");
      }
      h.raw("</article>\n");
    }
    h.raw("</div>\n</section>\n");
  }

  private void footer(Html h) {
    h.raw("<footer><p>").text("Charts drawn with Apache ECharts " + ECHARTS_VERSION + " (Apache License 2.0), which includes zrender ")
        .text("(BSD 3-Clause), parts of d3 (BSD 3-Clause) and tslib (0BSD); their licences are in the corpus jar under ")
        .raw("<code>dev/corpus/report/vendor/</code>").text(" and in ").raw("<code>META-INF/THIRD-PARTY.txt</code>")
        .text(". The page fetches nothing: its data and scripts are inside it.").raw("</p></footer>\n");
  }

  /** The base64 SHA-256 source expression of an inline script, as CSP matches it. */
  static String hash(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name + " (run scripts/vendor-report-libs.sh)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
    }
  }

  /**
   * A script as it can be inlined: the HTML parser would end the block at {@code </script} and
   * treat {@code <!--} specially, and it turns CR LF into LF before the browser hashes the text,
   * so any of them would break the page or its hash.
   */
  private static String inlineScript(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("</script") || text.contains("<!--") || text.indexOf('\r') >= 0) {
      throw new IllegalStateException("a script of the report holds </script, <!-- or a carriage return");
    }
    return text;
  }

  /** Jackson escapes for JSON inside a script element: see {@link #dataJson}. */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
      ASCII['<'] = ESCAPE_STANDARD;
      ASCII['>'] = ESCAPE_STANDARD;
      ASCII['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case 0x2028 -> new SerializedString("\\u2028");
        case 0x2029 -> new SerializedString("\\u2029");
        default -> null;
      };
    }
  }

  /** An HTML page being written: raw markup, or text escaped for an element or an attribute. */
  private static final class Html {
    private final StringBuilder out = new StringBuilder(1 << 20);
    private final Map<String, ReportData.ArticleRef> articles = new java.util.HashMap<>();

    Html(List<ReportData.ArticleRef> articles) {
      articles.forEach(a -> this.articles.put(a.id(), a));
    }

    Html raw(String markup) {
      out.append(markup);
      return this;
    }

    /** Text, escaped for an element's content and a double-quoted attribute alike (apostrophes need no escape there). */
    Html text(String text) {
      if (text == null) {
        return this;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          default -> out.append(c);
        }
      }
      return this;
    }

    /** An article's title, outlet and date, and its id, or the id alone when the data does not list it. */
    Html article(String id) {
      ReportData.ArticleRef a = articles.get(id);
      if (a != null) {
        text(a.title() == null ? "(untitled)" : a.title()).text(", ").text(a.source() == null ? "unknown outlet" : a.source());
        if (a.published() != null) {
          text(", ").text(a.published().length() > 10 ? a.published().substring(0, 10) : a.published());
        }
        text(" ");
      }
      return raw("<code>").text(id).raw("</code>");
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
