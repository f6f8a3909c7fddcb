import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.*;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.store.FSDirectory;

/**
 * Baseline for bench/run.sh: the least a Lucene indexer can do with the same files and threads
 * (read each file, one stored and analysed body field with StandardAnalyzer, one id). Run with
 * java -cp 'target/lib/*' bench/PlainLuceneIndex.java CORPUS_DIR INDEX_DIR THREADS
 */
public class PlainLuceneIndex {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    try (FSDirectory dir = FSDirectory.open(Path.of(args[1]));
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(128))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      Semaphore inFlight = new Semaphore(threads * 64);
      LongAdderHolder bytes = new LongAdderHolder();
      Files.walkFileTree(corpus, new SimpleFileVisitor<>() {
        @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          inFlight.acquireUninterruptibly();
          pool.execute(() -> {
            try {
              String text = Files.readString(file);
              bytes.add(text.length());
              Document doc = new Document();
              doc.add(new StringField("path", file.toString(), Field.Store.YES));
              doc.add(new TextField("body", text, Field.Store.YES));
              writer.addDocument(doc);
            } catch (Exception e) {
              throw new RuntimeException(e);
            } finally {
              inFlight.release();
            }
          });
          return FileVisitResult.CONTINUE;
        }
      });
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
      writer.commit();
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf("plain-lucene: %d docs, %.1f MB in %.2f s = %.2f MB/s%n", writer.getDocStats().numDocs, bytes.sum() / 1e6, s, bytes.sum() / 1e6 / s);
    }
  }

  static final class LongAdderHolder extends java.util.concurrent.atomic.LongAdder {}
}
