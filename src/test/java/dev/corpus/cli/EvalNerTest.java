package dev.corpus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus eval ner}: conlleval scoring of the shipped model. */
class EvalNerTest {

  private static final Path TESTA = Path.of("..", "shared", "data", "conll2003", "eng.testa");

  @Test
  void scoresExactSpansAndTypesOfASmallFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("small.conll");
    Files.writeString(file, """
        -DOCSTART- -X- O O

        Russian JJ B-NP B-MISC
        President NNP I-NP O
        Vladimir NNP I-NP B-PER
        Putin NNP I-NP I-PER
        arrived VBD B-VP O
        in IN B-PP O
        Pyongyang NNP B-NP B-LOC
        on IN B-PP O
        Tuesday NNP B-NP O
        . . O O
        """);
    CliRun run = CliRun.of("eval", "ner", "--conll", file.toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    JsonNode scores = run.json();
    assertEquals(10, scores.get("tokens").asInt());
    JsonNode all = scores.get("overall");
    assertEquals(3, all.get("gold").asInt());
    assertTrue(all.get("correct").asInt() <= Math.min(all.get("gold").asInt(), all.get("predicted").asInt()));
    assertEquals(3, all.get("correct").asInt(), "an easy sentence: " + run.out());
    assertEquals(1.0, all.get("f1").asDouble());
  }

  @Test
  void aMissingFileIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("eval", "ner", "--conll", "no/such/file.conll");
    assertEquals(2, run.exit());
    assertTrue(run.oneLineError().contains("no/such/file.conll"));
  }

  @Test
  void evalFoldersThatAreMissingOrEmptyGetOneLine(@TempDir Path dir) {
    CliRun missing = CliRun.of("eval", "timex", "--timeml", "no/such/folder");
    assertEquals(2, missing.exit());
    assertTrue(missing.oneLineError().contains("no/such/folder"));
    CliRun empty = CliRun.of("eval", "attribution", "--brat", dir.toString());
    assertEquals(3, empty.exit());
    assertTrue(empty.oneLineError().contains("holds no .ann files"), empty.err());
  }

  @Test
  void aMalformedConllLineIsNamedWithItsFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.conll");
    Files.writeString(file, "-DOCSTART- -X- O O\n\nlonelytoken\n");
    CliRun run = CliRun.of("eval", "ner", "--conll", file.toString());
    assertEquals(3, run.exit());
    assertTrue(run.oneLineError().contains("bad.conll:3"), run.err());
  }

  /** The model's development score must not regress below the bar (F1 0.88 on eng.testa). */
  @Test
  void developmentSetF1StaysAboveTheBar() {
    assumeTrue(Files.isRegularFile(TESTA), "../shared/data absent: skipped");
    CliRun run = CliRun.of("eval", "ner", "--conll", TESTA.toString(), "--json");
    assertEquals(0, run.exit(), run.err());
    double f1 = run.json().get("overall").get("f1").asDouble();
    assertTrue(f1 >= 0.88, "eng.testa F1 " + f1);
  }
}
