import dev.corpus.extract.Annotations;
import dev.corpus.extract.Pipeline;
import dev.corpus.extract.Stage;
import dev.corpus.ingest.Ingestor;
import dev.corpus.model.Article;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extraction time of whole articles: ingests each file as {@code corpus annotate} does and runs
 * the standard pipeline (entities, dates, claims) on its article, timing the pipeline (not the
 * ingestion) as wall time and as CPU time of this thread, stage by stage. Run by bench/layout.sh, one JVM per article, after a warm-up run on another text so
 * that the JIT has compiled the stages before anything is timed.
 *
 * <pre>java -cp 'target/corpus.jar:target/lib/*' bench/LayoutBench.java WARMUP_FILE FILE...</pre>
 *
 * Prints one tab-separated line per file: path, bytes, wall seconds, CPU seconds of this thread,
 * then CPU seconds per stage as name=seconds.
 */
public class LayoutBench {

  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Ingestor ingestor = new Ingestor();
    Pipeline pipeline = Pipeline.standard();
    run(pipeline, article(ingestor, Path.of(args[0])), threads, null);
    for (int k = 1; k < args.length; k++) {
      Path file = Path.of(args[k]);
      Article article = article(ingestor, file);
      List<String> stages = new ArrayList<>();
      long wall0 = System.nanoTime();
      long cpu0 = threads.getCurrentThreadCpuTime();
      run(pipeline, article, threads, stages);
      long cpu1 = threads.getCurrentThreadCpuTime();
      long wall1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "%s\t%d\t%.3f\t%.3f\t%s%n", file, Files.size(file),
          (wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9, String.join("\t", stages));
    }
  }

  private static Article article(Ingestor ingestor, Path file) throws Exception {
    Path p = file.toAbsolutePath();
    return ingestor.ingest(p.toString(), Files.readAllBytes(p)).articles().get(0);
  }

  private static void run(Pipeline pipeline, Article article, ThreadMXBean threads, List<String> stages) {
    Annotations annotations = Annotations.EMPTY;
    for (Stage stage : pipeline.stages()) {
      long t0 = threads.getCurrentThreadCpuTime();
      annotations = stage.apply(article, annotations);
      long t1 = threads.getCurrentThreadCpuTime();
      if (stages != null) {
        stages.add(String.format(Locale.ROOT, "%s=%.3f", stage.name(), (t1 - t0) / 1e9));
      }
    }
  }
}
