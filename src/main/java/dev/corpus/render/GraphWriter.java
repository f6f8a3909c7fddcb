package dev.corpus.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.corpus.search.EntityGraph;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an entity co-occurrence network ({@link EntityGraph}) for graph tools: GraphML (Gephi,
 * Cytoscape, yEd, NetworkX, igraph; importable into Neo4j with APOC), GEXF 1.3 (Gephi), CSV edges
 * (one row per edge, for spreadsheets and {@code LOAD CSV}), or JSON and JSON Lines (through {@link Renderer}). XML goes through the JDK's
 * StAX writer, which escapes it; CSV through Jackson, formula-safe as every CSV of {@code corpus}.
 */
public final class GraphWriter {

  /** The graph formats, as {@code --format} names them. */
  public enum Format {
    GRAPHML("graphml"), GEXF("gexf"), CSV_EDGES("csv-edges"), JSON("json"), JSONL("jsonl");

    private final String flag;

    Format(String flag) {
      this.flag = flag;
    }

    /** Its {@code --format} name. */
    public String flag() {
      return flag;
    }

    /** The format {@code --format NAME} names, or null. */
    public static Format parse(String name) {
      for (Format f : values()) {
        if (f.flag.equalsIgnoreCase(name)) {
          return f;
        }
      }
      return null;
    }
  }

  private GraphWriter() {}

  /** Writes {@code graph} in {@code format} to {@code out}. */
  public static void write(EntityGraph.Graph graph, Format format, PrintWriter out) {
    try {
      switch (format) {
        case GRAPHML -> out.print(graphml(graph));
        case GEXF -> out.print(gexf(graph));
        case CSV_EDGES -> out.print(csvEdges(graph));
        // The JSON formats as every other command writes them (json.md): nodes and edges messages in JSON Lines.
        case JSON -> new Renderer(false).render(Reports.graph(graph), OutputFormat.JSON, out);
        case JSONL -> new Renderer(false).render(Reports.graph(graph), OutputFormat.JSONL, out);
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the graph as " + format.flag(), e);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the graph as " + format.flag(), e);
    }
    out.flush();
  }

  /** Writes what goes inside the root element of a graph document (its attributes first). */
  @FunctionalInterface
  private interface XmlBody {
    void write(XMLStreamWriter x) throws XMLStreamException;
  }

  /**
   * An XML document of one root element in a default namespace: the prologue, the root, what
   * {@code body} writes, then the root closed on its own line and a final line break.
   */
  private static String xml(String root, String namespace, XmlBody body) throws XMLStreamException {
    StringWriter text = new StringWriter();
    XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
    x.writeStartDocument("UTF-8", "1.0");
    x.writeCharacters("\n");
    x.writeStartElement(root);
    x.writeDefaultNamespace(namespace);
    body.write(x);
    x.writeCharacters("\n");
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return text + "\n";
  }

  static String graphml(EntityGraph.Graph graph) throws XMLStreamException {
    return xml("graphml", "http://graphml.graphdrawing.org/xmlns", x -> graphml(x, graph));
  }

  private static void graphml(XMLStreamWriter x, EntityGraph.Graph graph) throws XMLStreamException {
    key(x, "name", "node", "name", "string");
    key(x, "type", "node", "type", "string");
    key(x, "documents", "node", "documents", "int");
    key(x, "mentions", "node", "mentions", "int");
    key(x, "weight", "edge", "weight", "int");
    key(x, "articles", "edge", "articles", "string");
    x.writeCharacters("\n  ");
    x.writeStartElement("graph");
    x.writeAttribute("id", "corpus");
    x.writeAttribute("edgedefault", "undirected");
    for (EntityGraph.Node n : graph.nodes()) {
      x.writeCharacters("\n    ");
      x.writeStartElement("node");
      x.writeAttribute("id", n.id());
      data(x, "name", n.name());
      data(x, "type", n.type());
      data(x, "documents", Integer.toString(n.documents()));
      data(x, "mentions", Integer.toString(n.mentions()));
      x.writeEndElement();
    }
    int i = 0;
    for (EntityGraph.Edge e : graph.edges()) {
      x.writeCharacters("\n    ");
      x.writeStartElement("edge");
      x.writeAttribute("id", "e" + i++);
      x.writeAttribute("source", e.source());
      x.writeAttribute("target", e.target());
      data(x, "weight", Integer.toString(e.weight()));
      data(x, "articles", String.join(" ", e.articles()));
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static void key(XMLStreamWriter x, String id, String target, String name, String type) throws XMLStreamException {
    x.writeCharacters("\n  ");
    x.writeEmptyElement("key");
    x.writeAttribute("id", id);
    x.writeAttribute("for", target);
    x.writeAttribute("attr.name", name);
    x.writeAttribute("attr.type", type);
  }

  private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
    x.writeStartElement("data");
    x.writeAttribute("key", key);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  static String gexf(EntityGraph.Graph graph) throws XMLStreamException {
    return xml("gexf", "http://gexf.net/1.3", x -> gexf(x, graph));
  }

  private static void gexf(XMLStreamWriter x, EntityGraph.Graph graph) throws XMLStreamException {
    x.writeAttribute("version", "1.3");
    x.writeCharacters("\n  ");
    x.writeStartElement("graph");
    x.writeAttribute("defaultedgetype", "undirected");
    x.writeAttribute("mode", "static");
    attributes(x, "node", List.of(new String[] {"type", "string"}, new String[] {"documents", "integer"}, new String[] {"mentions", "integer"}));
    attributes(x, "edge", List.<String[]>of(new String[] {"articles", "string"}));
    x.writeCharacters("\n    ");
    x.writeStartElement("nodes");
    for (EntityGraph.Node n : graph.nodes()) {
      x.writeCharacters("\n      ");
      x.writeStartElement("node");
      x.writeAttribute("id", n.id());
      x.writeAttribute("label", n.name());
      x.writeStartElement("attvalues");
      attvalue(x, "0", n.type());
      attvalue(x, "1", Integer.toString(n.documents()));
      attvalue(x, "2", Integer.toString(n.mentions()));
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeCharacters("\n    ");
    x.writeEndElement();
    x.writeCharacters("\n    ");
    x.writeStartElement("edges");
    int i = 0;
    for (EntityGraph.Edge e : graph.edges()) {
      x.writeCharacters("\n      ");
      x.writeStartElement("edge");
      x.writeAttribute("id", Integer.toString(i++));
      x.writeAttribute("source", e.source());
      x.writeAttribute("target", e.target());
      x.writeAttribute("weight", String.format(Locale.ROOT, "%d.0", e.weight()));
      x.writeStartElement("attvalues");
      attvalue(x, "0", String.join(" ", e.articles()));
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeCharacters("\n    ");
    x.writeEndElement();
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static void attributes(XMLStreamWriter x, String target, List<String[]> attributes) throws XMLStreamException {
    x.writeCharacters("\n    ");
    x.writeStartElement("attributes");
    x.writeAttribute("class", target);
    for (int i = 0; i < attributes.size(); i++) {
      x.writeCharacters("\n      ");
      x.writeEmptyElement("attribute");
      x.writeAttribute("id", Integer.toString(i));
      x.writeAttribute("title", attributes.get(i)[0]);
      x.writeAttribute("type", attributes.get(i)[1]);
    }
    x.writeCharacters("\n    ");
    x.writeEndElement();
  }

  private static void attvalue(XMLStreamWriter x, String key, String value) throws XMLStreamException {
    x.writeEmptyElement("attvalue");
    x.writeAttribute("for", key);
    x.writeAttribute("value", value);
  }

  static String csvEdges(EntityGraph.Graph graph) throws JsonProcessingException {
    CsvSchema schema = CsvSchema.builder().setUseHeader(true)
        .addColumn("source").addColumn("target").addColumn("source_name").addColumn("target_name").addColumn("weight").addColumn("articles")
        .build();
    List<List<String>> rows = new ArrayList<>();
    for (EntityGraph.Edge e : graph.edges()) {
      rows.add(List.of(e.source(), e.target(), Renderer.formulaSafe(e.sourceName()), Renderer.formulaSafe(e.targetName()),
          Integer.toString(e.weight()), String.join(" ", e.articles())));
    }
    return new CsvMapper().writer(schema).writeValueAsString(rows);
  }
}
