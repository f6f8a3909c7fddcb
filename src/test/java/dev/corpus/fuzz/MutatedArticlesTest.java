package dev.corpus.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corpus.extract.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short, fixed-seed run of the mutation generator over {@code samples/} (always in the repo)
 * and, when present, {@code ../shared/data}: the readers on a few thousand mutated articles
 * and the whole annotate path on a few dozen. {@code scripts/fuzz.sh} runs the long campaign.
 */
class MutatedArticlesTest {

  private static final Path SAMPLES = Path.of("samples");
  private static final Path SHARED = Path.of("../shared/data");

  @Test
  void readersSurviveMutatedArticles() {
    check(new GeneratorRun(null, 5_000, null), 3_000, 11);
  }

  @Test
  void annotateSurvivesMutatedArticles() {
    check(new GeneratorRun(Pipeline.standard(), 20_000, null), 40, 12);
  }

  private static void check(GeneratorRun run, int inputs, long seed) {
    List<String> failures = new ArrayList<>();
    GeneratorRun.Tally tally =
        run.run(new MutationGenerator(MutationGenerator.load(SAMPLES, SHARED, 30), seed), inputs, failures);
    assertEquals(List.of(), failures, tally.row());
  }
}
