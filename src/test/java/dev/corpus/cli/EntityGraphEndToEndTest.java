package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code corpus entities --graph} (issue 16): the co-occurrence network as GraphML, GEXF, CSV
 * edges and JSON, read back with an XML parser. Three short articles written for the test: the
 * mayor and the port named together twice, the mayor and the ferry company once.
 */
class EntityGraphEndToEndTest {

  @TempDir static Path dir;
  static String index;

  @BeforeAll
  static void indexArticles() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "Harbour plan\n\nMayor Ingrid Halvorsen visited the Port of Tallinn on Monday and praised its new quay.\n");
    Files.writeString(docs.resolve("b.txt"), "Quay opens\n\nThe Port of Tallinn opened its quay, and Ingrid Halvorsen cut the ribbon.\n");
    Files.writeString(docs.resolve("c.txt"), "Ferry deal\n\nIngrid Halvorsen signed a contract with Baltic Ferries on Friday.\n");
    index = dir.resolve("idx").toString();
    CliRun run = CliRun.of("index", "--index", index, docs.toString());
    assertEquals(0, run.exit(), run.err());
  }

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void graphmlHoldsTheEntitiesAndTheirCooccurrences() throws Exception {
    CliRun run = CliRun.of("entities", "--index", index, "--graph");
    assertEquals(0, run.exit(), run.err());
    Document d = xml(run.out());
    assertEquals("http://graphml.graphdrawing.org/xmlns", d.getDocumentElement().getNamespaceURI());
    Map<String, String> names = new HashMap<>();
    NodeList nodes = d.getElementsByTagNameNS("*", "node");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element n = (Element) nodes.item(i);
      names.put(n.getAttribute("id"), data(n, "name"));
    }
    assertTrue(names.containsValue("Ingrid Halvorsen") && names.containsValue("Tallinn"), names.toString());
    Map<String, Integer> weights = new HashMap<>();
    NodeList edges = d.getElementsByTagNameNS("*", "edge");
    for (int i = 0; i < edges.getLength(); i++) {
      Element e = (Element) edges.item(i);
      String pair = names.get(e.getAttribute("source")) + " ~ " + names.get(e.getAttribute("target"));
      weights.put(pair, Integer.parseInt(data(e, "weight")));
      assertEquals(Integer.parseInt(data(e, "weight")), data(e, "articles").split(" ").length, "one article id per shared article");
    }
    assertEquals(2, weight(weights, "Ingrid Halvorsen", "Tallinn"), weights.toString());
    assertEquals(1, weight(weights, "Ingrid Halvorsen", "Baltic Ferries"), weights.toString());
    assertEquals(0, weight(weights, "Tallinn", "Baltic Ferries"), "never in one article: " + weights);
  }

  private static int weight(Map<String, Integer> weights, String a, String b) {
    return weights.getOrDefault(a + " ~ " + b, weights.getOrDefault(b + " ~ " + a, 0));
  }

  private static String data(Element e, String key) {
    NodeList data = e.getElementsByTagNameNS("*", "data");
    for (int i = 0; i < data.getLength(); i++) {
      if (((Element) data.item(i)).getAttribute("key").equals(key)) {
        return data.item(i).getTextContent();
      }
    }
    return null;
  }

  @Test
  void gexfCsvEdgesAndJsonSayTheSame() throws Exception {
    Document gexf = xml(CliRun.of("entities", "--index", index, "--graph", "--format", "gexf").out());
    assertEquals("http://gexf.net/1.3", gexf.getDocumentElement().getNamespaceURI());
    JsonNode json = CliRun.of("entities", "--index", index, "--graph", "--json").json();
    assertEquals(1, json.get("version").asInt());
    assertEquals(json.get("nodes").size(), gexf.getElementsByTagNameNS("*", "node").getLength());
    assertEquals(json.get("edges").size(), gexf.getElementsByTagNameNS("*", "edge").getLength());
    JsonNode heaviest = json.get("edges").get(0);
    assertEquals(2, heaviest.get("weight").asInt(), json.toString());
    String csv = CliRun.of("--index", index, "--format", "csv-edges", "entities", "--graph").out();
    String[] lines = csv.split("\n");
    assertEquals("source,target,source_name,target_name,weight,articles", lines[0]);
    assertEquals(json.get("edges").size() + 1, lines.length);
  }

  @Test
  void graphFormatsBelongToTheGraph() {
    assertEquals(2, CliRun.of("entities", "--index", index, "--format", "graphml").exit());
    assertEquals(2, CliRun.of("search", "--index", index, "--format", "gexf", "quay").exit());
    assertEquals(2, CliRun.of("entities", "--index", index, "--graph", "--format", "table").exit());
  }
}
