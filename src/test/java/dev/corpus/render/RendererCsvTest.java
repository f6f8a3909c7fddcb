package dev.corpus.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV cells are safe to open in a spreadsheet (issue 16: formula injection). */
class RendererCsvTest {

  @Test
  void cellsThatWouldRunAsFormulasBecomeText() {
    assertEquals("'=HYPERLINK(\"http://x\")", Renderer.formulaSafe("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1 more", Renderer.formulaSafe("+1 more"));
    assertEquals("'-the minister said", Renderer.formulaSafe("-the minister said"));
    assertEquals("'@mention", Renderer.formulaSafe("@mention"));
    assertEquals("'\tTAB", Renderer.formulaSafe("\tTAB"));
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    assertEquals("-3.5", Renderer.formulaSafe("-3.5"));
    assertEquals("+12", Renderer.formulaSafe("+12"));
    assertEquals("Harbour dues", Renderer.formulaSafe("Harbour dues"));
    assertEquals("", Renderer.formulaSafe(""));
    assertEquals(null, Renderer.formulaSafe(null));
  }

  @Test
  void theCsvFormatWritesSafeCellsAndJsonKeepsTheValue() {
    TableView table = new TableView(List.of("speaker", "content"), List.of(Arrays.asList("=cmd|' /C calc'!A0", "-12")));
    Report report = new Report(new Said("=cmd", List.of(new Said("-12", List.of()))), List.of(Report.part("replies", "reply",
        List.of(new Said("-12", List.of())))), () -> table);
    StringWriter csv = new StringWriter();
    new Renderer(false).render(report, OutputFormat.CSV, new PrintWriter(csv));
    assertEquals("speaker,content\n\"'=cmd|' /C calc'!A0\",-12\n", csv.toString());
    StringWriter json = new StringWriter();
    new Renderer(false).render(report, OutputFormat.JSONL, new PrintWriter(json));
    assertEquals("{\"type\":\"reply\",\"data\":{\"content\":\"-12\",\"replies\":[]}}\n"
        + "{\"type\":\"summary\",\"data\":{\"content\":\"=cmd\",\"jsonlVersion\":2}}\n", json.toString());
  }

  record Said(String content, List<Said> replies) {}
}
