package dev.corpus.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.CorpusException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corrections file: read with file:line errors, appended to and cut without losing the user's text. */
class CorrectionsFileTest {

  private static final String HAND_WRITTEN = """
      # our fixes
      - merge: [Orsolya Brandvik, "Brandvik, O."]
        note: same harbour master
      - split: Velmora Works
        keep:
          - ORG|Velmora Works

      # the trust's new name
      - rename: Quayside Trust
        to: "Quayside Harbour Trust"
      """;

  @Test
  void readsEveryKindWithItsLineAndNote() {
    CorrectionsFile f = CorrectionsFile.parse("c.yaml", HAND_WRITTEN);
    assertEquals(List.of(
        new Corrections.Merge(List.of("Orsolya Brandvik", "Brandvik, O."), 2),
        new Corrections.Split("Velmora Works", List.of("ORG|Velmora Works"), 4),
        new Corrections.Rename("Quayside Trust", "Quayside Harbour Trust", 9)), f.corrections());
    assertEquals("same harbour master", f.entries().get(0).note());
  }

  @Test
  void anEmptyOrCommentOnlyFileHasNoCorrections() {
    assertEquals(List.of(), CorrectionsFile.parse("c.yaml", "").corrections());
    assertEquals(List.of(), CorrectionsFile.parse("c.yaml", "# nothing yet\n").corrections());
    assertEquals("", CorrectionsFile.parse("c.yaml", "# nothing yet\n").hash());
  }

  private static String error(String text) {
    return assertThrows(CorpusException.Data.class, () -> CorrectionsFile.parse("c.yaml", text)).getMessage();
  }

  @Test
  void malformedFilesGiveOneLineNamingFileAndLine() {
    assertEquals("c.yaml line 2: merge needs a list of two names or more", error("- merge: [A, B]\n- merge: [A]\n"));
    assertEquals("c.yaml line 3: unknown key 'into' (expected merge, split with keep, rename with to, note)",
        error("- rename: A\n  to: B\n- into: C\n"));
    assertEquals("c.yaml line 1: split needs keep: the variants that leave", error("- split: A\n"));
    assertEquals("c.yaml line 2: 'to' does not go with merge", error("- merge: [A, B]\n  to: C\n"));
    assertEquals("c.yaml line 1: expected a list of corrections (\"- merge: [A, B]\")", error("merge: [A, B]\n"));
    assertEquals("c.yaml line 1: a correction needs one of merge, split or rename", error("- note: hello\n"));
    String syntax = error("- merge: [A, B\n- rename: C\n");
    assertTrue(syntax.startsWith("c.yaml line ") && syntax.contains("not valid YAML") && !syntax.contains("\n"), syntax);
  }

  @Test
  void appendingKeepsTheTextAndQuotesWhatYamlWouldMisread() {
    CorrectionsFile f = CorrectionsFile.parse("c.yaml", HAND_WRITTEN)
        .plus(new Corrections.Merge(List.of("Yes", "1984", "Harbour: North"), 0));
    assertTrue(f.text().startsWith(HAND_WRITTEN), f.text());
    assertEquals(new Corrections.Merge(List.of("Yes", "1984", "Harbour: North"), 11), f.corrections().get(3));
  }

  @Test
  void aNewFileStartsWithTheHeader() {
    CorrectionsFile f = CorrectionsFile.none("c.yaml").plus(new Corrections.Rename("A", "B", 0));
    assertTrue(f.text().startsWith(CorrectionsFile.HEADER));
    assertEquals(List.of(new Corrections.Rename("A", "B", 5)), f.corrections());
  }

  @Test
  void removingAnEntryRemovesItsLinesAndKeepsTheCommentOfTheNext() {
    CorrectionsFile f = CorrectionsFile.parse("c.yaml", HAND_WRITTEN).minus(2);
    assertEquals("""
        # our fixes
        - merge: [Orsolya Brandvik, "Brandvik, O."]
          note: same harbour master

        # the trust's new name
        - rename: Quayside Trust
          to: "Quayside Harbour Trust"
        """, f.text());
    assertEquals(2, f.corrections().size());
    assertEquals(1, CorrectionsFile.parse("c.yaml", HAND_WRITTEN).minus(3).minus(1).corrections().size());
    assertThrows(CorpusException.Usage.class, () -> f.minus(3));
  }

  @Test
  void theHashFollowsTheCorrectionsNotTheComments() {
    String a = CorrectionsFile.parse("c.yaml", HAND_WRITTEN).hash();
    assertEquals(a, CorrectionsFile.parse("c.yaml", "# more words\n" + HAND_WRITTEN).hash());
    assertTrue(!a.equals(CorrectionsFile.parse("c.yaml", HAND_WRITTEN).minus(1).hash()));
  }
}
