package dev.corpus.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  // Time limits here are generous (a shared machine, a cold JIT); scripts/fuzz.sh uses 1 s / 10 s.
  @Test
  void readersSurviveMutatedArticles() {
    check(new GeneratorRun(null, 5_000, null), 500, 11, 32_768);
  }

  @Test
  void annotateSurvivesMutatedArticles() {
    check(new GeneratorRun(SharedPipeline.STANDARD, 20_000, null), 10, 12, 4_096);
  }

  private static void check(GeneratorRun run, int inputs, long seed, int repeatBytes) {
    List<String> failures = new ArrayList<>();
    GeneratorRun.Tally tally =
        run.run(new MutationGenerator(MutationGenerator.load(SAMPLES, SHARED, 10), seed, repeatBytes), inputs, failures);
    assertEquals(List.of(), failures, tally.row());
  }
}
