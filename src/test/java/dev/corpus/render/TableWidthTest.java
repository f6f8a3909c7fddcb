package dev.corpus.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables fit the terminal, counted in terminal columns (issue 16). */
class TableWidthTest {

  @Test
  void widthIsCountedInTerminalColumns() {
    assertEquals(5, DisplayWidth.of("Seoul"));
    assertEquals(6, DisplayWidth.of("서울시"), "Hangul syllables take two columns each");
    assertEquals(4, DisplayWidth.of("Jose\u0301".substring(0, 4)) );
    assertEquals(4, DisplayWidth.of("Jose\u0301"), "a combining accent takes none");
    assertEquals("Pyon…", DisplayWidth.cut("Pyongyang", 5));
    assertEquals("서…", DisplayWidth.cut("서울시", 4), "a wide character is never split");
    assertEquals("Seoul", DisplayWidth.cut("Seoul", 5));
  }

  @Test
  void wideCharactersStayAligned() {
    TableView t = new TableView(List.of("name", "documents"), List.of(List.of("서울시", "3"), List.of("Seoul", "12")));
    String[] lines = Renderer.table(t, 80).split("\n");
    int column = lines[0].indexOf("documents");
    assertEquals(column, DisplayWidth.of(lines[1].substring(0, lines[1].indexOf('3'))));
    assertEquals(column, DisplayWidth.of(lines[2].substring(0, lines[2].indexOf("12"))));
  }

  @Test
  void rowsFitTheWidthWithCellsCutAndLongTextWrapped() {
    String speaker = "The Foreign Ministry of the Republic of Eastern Nowhere";
    String content = "the two countries would cooperate closely on ports, railways and energy over the coming decade";
    TableView t = new TableView(List.of("published", "source", "speaker", "document", "content"),
        List.of(List.of("2031-05-06", "Harbor Wire", speaker, "0123456789abcdef", content)), Set.of("content"));
    String out = Renderer.table(t, 60);
    for (String line : out.split("\n")) {
      assertTrue(DisplayWidth.of(line) <= 60, "over 60 columns: " + line);
    }
    assertTrue(out.contains("…"), out);
    assertTrue(out.replaceAll("\\s+", " ").contains(content), "long text is wrapped, not cut: " + out);
    assertTrue(out.startsWith("published"), "the header stays one line: " + out);
    String unlimited = Renderer.table(t, 0);
    assertTrue(unlimited.contains(speaker), unlimited);
  }
}
