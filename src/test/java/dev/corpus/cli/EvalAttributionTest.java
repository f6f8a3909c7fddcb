package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus eval attribution} on a brat file written here: lenient and strict scores in every format. */
class EvalAttributionTest {

  private static Path bratFolder(Path dir) throws Exception {
    String text = "Mara Quist said the ferry would run again in May.\n";
    Files.writeString(dir.resolve("ferry.txt"), text);
    Files.writeString(dir.resolve("ferry.ann"), """
        T1\tSource 0 10\tMara Quist
        T2\tCue 11 15\tsaid
        T3\tContent 16 48\tthe ferry would run again in May
        E1\tAttribution:T2 Source:T1 Content:T3
        """);
    return dir;
  }

  @Test
  void jsonGivesLenientAndStrictScores(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("eval", "attribution", "--brat", bratFolder(dir).toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode s = run.json();
    assertEquals(1, s.get("gold").asInt());
    for (String field : new String[] {"content", "sourceAndContent", "strictContent", "strictSourceAndContent"}) {
      assertEquals(1.0, s.get(field).get("f1").asDouble(), field + " of an easy sentence: " + run.out());
    }
  }

  @Test
  void csvAndTableShowStrictBesideLenient(@TempDir Path dir) throws Exception {
    String folder = bratFolder(dir).toString();
    CliRun csv = CliRun.of("eval", "attribution", "--brat", folder, "--format", "csv");
    assertEquals(0, csv.exit(), csv.err());
    assertEquals("content_p,content_r,content_f1,source_content_p,source_content_r,source_content_f1,"
        + "strict_content_p,strict_content_r,strict_content_f1,strict_source_content_p,strict_source_content_r,strict_source_content_f1",
        csv.out().lines().findFirst().orElseThrow());
    CliRun table = CliRun.of("eval", "attribution", "--brat", folder);
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("lenient (overlap)            strict (equal spans)"), table.out());
    assertTrue(table.out().contains("source and content  P 100.00  R 100.00  F1 100.00   P 100.00"), table.out());
  }
}
