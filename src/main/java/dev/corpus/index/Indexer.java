package dev.corpus.index;

import dev.corpus.CorpusException;
import dev.corpus.catalog.CorrectionsFile;
import dev.corpus.ingest.IngestException;
import dev.corpus.ingest.BoundedRead;
import dev.corpus.ingest.DocumentIds;
import dev.corpus.ingest.Ingestor;
import dev.corpus.ingest.JsonLinesStream;
import dev.corpus.ingest.SiteTemplate;
import dev.corpus.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.document.Document;
import dev.corpus.extract.Pipeline;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Brings the index up to date with the files under some roots.
 *
 * <p>One thread walks the roots and compares each file's size and modification time with what
 * the index holds; unchanged files cost only that stat. New and changed files go to a pool of
 * workers that read, hash, ingest and write them; a file whose bytes hash the same as before is
 * not re-written. Files that were indexed under a walked root and are gone are deleted at the
 * end. Each file's documents replace the old ones in one atomic update.
 *
 * <p>Crash safety: the index is committed every {@code commitInterval} and at the end; a Lucene
 * commit is atomic, so a killed run leaves the last commit intact, and the next run sees the
 * uncommitted files as new and finishes the job. Lucene's write lock makes a second concurrent
 * run fail at once.
 */
public final class Indexer {

  /**
   * @param roots files and folders to index
   * @param indexDir where the index lives
   * @param rebuild start from an empty index
   * @param threads worker threads
   * @param maxFileBytes files larger than this fail with a reason
   * @param commitInterval how often work in progress is made durable
   * @param recatalog rebuild the entity catalog from the index's annotations ({@link CatalogPass})
   * @param missing inputs that were named but do not exist (the lines of a {@code --files-from}
   *     list that name nothing), each with its reason: counted and reported as failed files, while
   *     the roots are indexed
   */
  public record Request(
      List<Path> roots,
      Path indexDir,
      boolean rebuild,
      int threads,
      long maxFileBytes,
      Duration commitInterval,
      boolean recatalog,
      List<IndexSummary.Problem> missing) {

    public Request {
      roots = List.copyOf(roots);
      missing = List.copyOf(missing);
    }

    public Request(
        List<Path> roots, Path indexDir, boolean rebuild, int threads, long maxFileBytes, Duration commitInterval, boolean recatalog) {
      this(roots, indexDir, rebuild, threads, maxFileBytes, commitInterval, recatalog, List.of());
    }

    public Request(List<Path> roots, Path indexDir, boolean rebuild, int threads, long maxFileBytes, Duration commitInterval) {
      this(roots, indexDir, rebuild, threads, maxFileBytes, commitInterval, false);
    }
  }

  private final Ingestor ingestor = new Ingestor();
  /** How much of each end of a page the site-template learner reads. */
  static final int EDGE_BYTES = 8192;
  /** At most this many pages of a folder teach its site template ({@link Job#templateSample}). */
  static final int TEMPLATE_PAGES = 32;
  private final Supplier<Pipeline> pipelineFactory;
  /** Whether this indexer extracts: files indexed without it are done again by one that does. */
  private final boolean extracting;
  /** Built by {@link #run} once the index is locked: loading the models takes seconds. */
  private Pipeline pipeline;

  /**
   * The corpus-level passes of a run ({@link CorpusPass}), made fresh for each run: the entity
   * catalog and what later issues keep beside the articles.
   */
  static List<CorpusPass> standardPasses(Request request, CorrectionsFile corrections) {
    List<CorpusPass> passes = new ArrayList<>();
    passes.add(new CatalogPass(dev.corpus.extract.entity.NameRules.shared(), request.recatalog(), corrections));
    passes.add(new ClaimClusterPass());
    passes.add(new TimelinePass());
    return passes;
  }

  /** An indexer that runs the standard extraction pipeline on every article. */
  public Indexer() {
    this(true, Pipeline::standard);
  }

  /**
   * An indexer that runs {@code pipeline} on every article. With an empty pipeline ({@code
   * --no-extract}) articles are marked as not extracted, and a later run with stages processes
   * them again even when their files did not change.
   */
  public Indexer(Pipeline pipeline) {
    this(!pipeline.stages().isEmpty(), () -> pipeline);
  }

  /**
   * An indexer whose pipeline is built by {@code pipeline} only after the index folder has been
   * checked and locked, so that a run that cannot write fails before any model loads.
   *
   * @param extracting whether the pipeline has stages
   */
  public Indexer(boolean extracting, Supplier<Pipeline> pipeline) {
    this.pipelineFactory = pipeline;
    this.extracting = extracting;
  }

  /**
   * Runs one index job.
   *
   * <p>Order matters: the roots and the index folder are checked ({@link IndexFolder}), the
   * folder is locked and its last commit checked, and only then is the pipeline built.
   *
   * @throws CorpusException.Usage when a root does not exist, or the index folder is neither
   *     empty nor an index of ours
   * @throws CorpusException.Data when the index is locked by another run, damaged, or cannot be
   *     written
   */
  public IndexSummary run(Request request, IndexProgress progress) {
    long start = System.nanoTime();
    Path indexDir = request.indexDir().toAbsolutePath().normalize();
    List<Path> given = new ArrayList<>();
    for (Path root : request.roots()) {
      Path abs = root.toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new CorpusException.Usage("no such file or folder: " + root);
      }
      given.add(abs);
    }
    // A root inside another root would be walked twice and its files indexed twice. Looked up
    // through each root's parents, not by comparing every pair: a --files-from list may name
    // hundreds of thousands of files.
    List<Path> roots = new ArrayList<>(new java.util.LinkedHashSet<>(given));
    java.util.Set<Path> folders = new java.util.HashSet<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        folders.add(root);
      }
    }
    roots.removeIf(r -> {
      for (Path above = r.getParent(); above != null; above = above.getParent()) {
        if (folders.contains(above)) {
          return true;
        }
      }
      return false;
    });
    IndexFolder.prepareForWriting(indexDir);
    try (Directory directory = FSDirectory.open(indexDir);
        IndexWriter writer = openWriter(directory, indexDir, request.rebuild())) {
      // Read under the lock (a correction command writes the file holding it), before the models
      // load: a malformed file stops the run at once.
      CorrectionsFile corrections = CorrectionsFile.read(indexDir);
      pipeline = pipelineFactory.get();
      List<CorpusPass> passes = standardPasses(request, corrections);
      // The last commit as the run found it: what a replaced or deleted file had, for the passes.
      DirectoryReader lastCommit = null;
      long documents;
      boolean interrupted;
      List<String> warnings = new ArrayList<>();
      Job job;
      try {
        lastCommit = request.rebuild() || passes.isEmpty() ? null : DirectoryReader.open(directory);
        job = new Job(writer, loadStamps(directory, request.rebuild()), request, indexDir, progress, passes);
        job.failures.addAll(request.missing());
        for (CorpusPass pass : passes) {
          pass.open(lastCommit);
        }
        try {
          job.walk(roots);
          job.finishWorkers();
          job.checkWriter();
        } catch (IOException | RuntimeException e) {
          job.abort();
          throw e;
        }
        interrupted = progress.stopRequested();
        if (!interrupted) {
          // A stopped walk did not see every file: those it missed are not gone.
          job.deleteVanished(roots);
        }
        job.commit(true);
        documents = countArticles(writer);
        for (CorpusPass pass : passes) {
          warnings.addAll(pass.warnings());
        }
      } finally {
        try {
          for (CorpusPass pass : passes) {
            pass.close();
          }
        } finally {
          if (lastCommit != null) {
            lastCommit.close();
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long bytes = job.bytes.sum();
      return new IndexSummary(
          1,
          indexDir.toString(),
          job.indexed.sum(),
          job.unchanged.sum(),
          job.removed.sum(),
          job.skips.size(),
          job.failures.size(),
          job.articles.sum(),
          documents,
          bytes,
          Math.round(seconds * 1000) / 1000.0,
          seconds > 0 ? Math.round(bytes / 1e6 / seconds * 100) / 100.0 : 0,
          sorted(job.failures),
          sorted(job.skips),
          List.copyOf(warnings),
          interrupted);
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      Throwable cause = e instanceof org.apache.lucene.store.AlreadyClosedException && e.getCause() != null ? e.getCause() : e;
      String reason = cause instanceof IOException io ? IndexFolder.reason(io) : String.valueOf(cause.getMessage());
      throw new CorpusException.Data("cannot write index at " + indexDir + ": " + reason
          + "; the index is as of its last commit, and the next run goes on from there", e);
    }
  }

  /**
   * Opens the writer, which takes Lucene's write lock at once; the last commit is checked
   * before the writer can touch a file (opening a writer deletes files no commit refers to).
   */
  static IndexWriter openWriter(Directory directory, Path indexDir, boolean rebuild) throws IOException {
    return openWriter(directory, indexDir, rebuild, "another `corpus index` is already writing " + indexDir + "; wait for it to finish");
  }

  /** @param busy the message when another process holds the index's write lock */
  static IndexWriter openWriter(Directory directory, Path indexDir, boolean rebuild, String busy) throws IOException {
    boolean exists = DirectoryReader.indexExists(directory);
    if (exists && !rebuild) {
      CorpusIndex.checkReadable(directory, indexDir).close();
    } else if (exists) {
      try {
        DirectoryReader.open(directory).close();
      } catch (IOException damaged) {
        IndexFolder.clearDamaged(directory);
        exists = false;
      }
    }
    IndexWriterConfig config =
        new IndexWriterConfig(new CorpusAnalyzer())
            .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(256)
            .setCommitOnClose(false);
    IndexWriter writer;
    try {
      writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      throw new CorpusException.Data(busy, e);
    }
    if (!exists) {
      // An empty first commit: from now on the folder is an index that opens, even if this run is killed.
      commit(writer);
    }
    return writer;
  }

  private static void commit(IndexWriter writer) throws IOException {
    commit(writer, List.of());
  }

  /** Commits with the schema version and what each pass records ({@link CorpusPass#commitData}). */
  static void commit(IndexWriter writer, List<CorpusPass> passes) throws IOException {
    Map<String, String> data = new java.util.TreeMap<>();
    for (CorpusPass pass : passes) {
      data.putAll(pass.commitData());
    }
    data.put(IndexSchema.VERSION_KEY, IndexSchema.VERSION);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /*
   * uncached: the passes search the last commit and the writer's own readers, several at once on
   * several threads, with queries built anew each time; Lucene's shared query cache (whose
   * caching policy tracks use across every searcher of the process) gains them nothing there, and
   * a test run of the whole suite once tripped Lucene's check that a weight is used with the reader
   * it was made for inside a pass. Their searchers do without it.
   */

  /** The articles of the index as the writer has it (annotation documents not counted). */
  private static long countArticles(IndexWriter writer) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return new IndexSearcher(reader).count(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_ARTICLE)));
    }
  }

  /** What the last commit knows of each file, by absolute path. */
  private static Map<String, FileStamp> loadStamps(Directory directory, boolean rebuild) throws IOException {
    Map<String, FileStamp> stamps = new HashMap<>();
    if (rebuild || !DirectoryReader.indexExists(directory)) {
      return stamps;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      // Walk the path terms, not the documents: one entry per file, however many records.
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Terms files = r.terms(IndexSchema.FILE);
        NumericDocValues sizes = r.getNumericDocValues(IndexSchema.SIZE);
        NumericDocValues times = r.getNumericDocValues(IndexSchema.MTIME);
        NumericDocValues hashes = r.getNumericDocValues(IndexSchema.HASH64);
        NumericDocValues notExtracted = r.getNumericDocValues(IndexSchema.NOT_EXTRACTED);
        NumericDocValues templates = r.getNumericDocValues(IndexSchema.TEMPLATE);
        if (files == null || sizes == null || times == null || hashes == null) {
          continue;
        }
        Bits live = r.getLiveDocs();
        TermsEnum terms = files.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
          postings = terms.postings(postings, PostingsEnum.NONE);
          for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live != null && !live.get(doc)) {
              continue;
            }
            // Doc values iterate forwards only; terms arrive in path order, documents do not.
            if (sizes.docID() > doc || times.docID() > doc || hashes.docID() > doc
                || notExtracted != null && notExtracted.docID() > doc || templates != null && templates.docID() > doc) {
              sizes = r.getNumericDocValues(IndexSchema.SIZE);
              times = r.getNumericDocValues(IndexSchema.MTIME);
              hashes = r.getNumericDocValues(IndexSchema.HASH64);
              notExtracted = r.getNumericDocValues(IndexSchema.NOT_EXTRACTED);
              templates = r.getNumericDocValues(IndexSchema.TEMPLATE);
            }
            if (sizes.advanceExact(doc) && times.advanceExact(doc) && hashes.advanceExact(doc)) {
              boolean extracted = notExtracted == null || !notExtracted.advanceExact(doc);
              long template = templates != null && templates.advanceExact(doc) ? templates.longValue() : 0;
              stamps.put(term.utf8ToString(), new FileStamp(sizes.longValue(), times.longValue(), hashes.longValue(), extracted, template));
              break;
            }
            // an annotation document of the file's first article: its article comes after it
          }
        }
      }
    }
    return stamps;
  }

  private static List<IndexSummary.Problem> sorted(Queue<IndexSummary.Problem> problems) {
    List<IndexSummary.Problem> list = new ArrayList<>(problems);
    list.sort(Comparator.comparing(IndexSummary.Problem::path).thenComparing(IndexSummary.Problem::reason));
    return List.copyOf(list);
  }

  /** The state of one run: the walk, the workers and the counters. */
  private final class Job {
    private final IndexWriter writer;
    private final Map<String, FileStamp> stamps;
    private final Request request;
    private final Path indexDir;
    private final IndexProgress progress;
    private final ExecutorService workers;
    private final Semaphore inFlight;
    private long lastCommit = System.nanoTime();
    private final List<CorpusPass> passes;
    /**
     * Workers hold it shared while they write a file and tell the passes; a commit holds it alone,
     * so that the passes' documents and the articles of a commit agree.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock commitLock = new java.util.concurrent.locks.ReentrantReadWriteLock(true);

    final LongAdder indexed = new LongAdder();
    final LongAdder unchanged = new LongAdder();
    final LongAdder removed = new LongAdder();
    final LongAdder articles = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final Queue<IndexSummary.Problem> failures = new ConcurrentLinkedQueue<>();
    final Queue<IndexSummary.Problem> skips = new ConcurrentLinkedQueue<>();
    /** Set when the writer failed for good in a worker; the walk then stops. */
    final AtomicReference<Throwable> writeFailure = new AtomicReference<>();

    Job(IndexWriter writer, Map<String, FileStamp> stamps, Request request, Path indexDir, IndexProgress progress, List<CorpusPass> passes) {
      this.writer = writer;
      this.passes = passes;
      this.stamps = stamps;
      this.request = request;
      this.indexDir = indexDir;
      this.progress = progress;
      int threads = Math.max(1, request.threads());
      AtomicInteger n = new AtomicInteger();
      this.workers =
          Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "corpus-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      this.inFlight = new Semaphore(Math.min(threads, 1 << 16) * 64);
    }

    void walk(List<Path> roots) throws IOException {
      // Files named one by one, by folder (in the order first named): see considerNamed.
      Map<Path, List<Entry>> named = new java.util.LinkedHashMap<>();
      for (Path root : roots) {
        if (progress.stopRequested()) {
          return;
        }
        if (Files.isDirectory(root)) {
          Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new Visitor(root));
        } else {
          named.computeIfAbsent(root.getParent(), folder -> new ArrayList<>())
              .add(new Entry(root, Files.readAttributes(root, BasicFileAttributes.class)));
        }
      }
      for (Map.Entry<Path, List<Entry>> folder : named.entrySet()) {
        considerNamed(folder.getKey(), folder.getValue());
      }
    }

    /**
     * Decides on files named one by one (PATH arguments, the lines of a {@code --files-from}
     * list) that stand in one folder. A text or Markdown page among them gets the site template
     * that the walk of its folder would learn, from the same pages of the folder: a page indexed
     * from a list ({@code find -newer}) is the same article as when its folder is indexed, and is
     * not processed again for a template that differs. As in {@link #considerFolder}, the
     * template is learnt only when one of these pages is new or changed; only the files named are
     * considered.
     */
    void considerNamed(Path folder, List<Entry> named) throws IOException {
      SiteTemplate template = SiteTemplate.NONE;
      if (named.stream().anyMatch(this::isPage)) {
        List<Entry> pages = pagesIn(folder);
        if (pages.size() >= SiteTemplate.MIN_PAGES) {
          template = named.stream().anyMatch(e -> isPage(e) && needsWork(e)) ? learnTemplate(pages) : null;
        }
      }
      for (Entry e : named) {
        if (progress.stopRequested()) {
          return;
        }
        consider(e.file(), e.attrs(), e.file(), isPage(e) ? template : SiteTemplate.NONE);
      }
    }

    /** The pages of {@code folder} that its walk would learn a template from; none if it cannot be listed. */
    private List<Entry> pagesIn(Path folder) {
      List<Entry> pages = new ArrayList<>();
      try (java.util.stream.Stream<Path> files = Files.list(folder)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (!Visitor.isHidden(file)) {
            try {
              Entry e = new Entry(file, Files.readAttributes(file, BasicFileAttributes.class));
              if (isPage(e)) {
                pages.add(e);
              }
            } catch (IOException gone) {
              // a broken link or a file deleted meanwhile: the walk would not learn from it either
            }
          }
        }
      } catch (IOException | java.io.UncheckedIOException unlistable) {
        return List.of();
      }
      return pages;
    }

    private boolean isPage(Entry e) {
      return e.attrs().isRegularFile() && ingestor.learnsTemplate(e.file().getFileName().toString());
    }

    /** The site template of a folder, from the edges of a sample of its pages. */
    private SiteTemplate learnTemplate(List<Entry> pages) {
      Map<String, byte[]> edges = new HashMap<>();
      for (Entry e : templateSample(pages)) {
        try {
          edges.put(e.file().toString(), edges(e.file()));
        } catch (IOException unreadable) {
          // reported when the file itself is read; it teaches the template nothing
        }
      }
      return ingestor.template(edges);
    }

    /**
     * Decides on the files of one folder, in the walk thread. When some text or Markdown page
     * among them is new or changed and there are enough of them, the folder's site template is
     * learnt from the edges of all of them ({@link Ingestor#template}): its lines are removed from
     * every page, and a page indexed with another template is processed again.
     */
    void considerFolder(List<Entry> entries, Path root) throws IOException {
      boolean[] isPage = new boolean[entries.size()];
      List<Entry> pages = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        isPage[i] = isPage(e);
        if (isPage[i]) {
          pages.add(e);
        }
      }
      // null: nothing among the pages changed, so each keeps the template it was indexed with.
      SiteTemplate template = pages.size() < SiteTemplate.MIN_PAGES ? SiteTemplate.NONE : null;
      if (template == null && pages.stream().anyMatch(this::needsWork)) {
        template = learnTemplate(pages);
      }
      for (int i = 0; i < entries.size(); i++) {
        consider(entries.get(i).file(), entries.get(i).attrs(), root, isPage[i] ? template : SiteTemplate.NONE);
      }
    }

    /**
     * The pages a folder's template is learnt from: all of them up to {@value #TEMPLATE_PAGES},
     * else that many spread evenly over the folder in name order. A site's template lines stand on
     * most of its pages, so a sample finds them as well, and the walk thread (which learns them)
     * stays a small part of indexing a large folder: reading the edges of every page of every
     * folder made the initial run of the 1 GiB bench 30 % slower.
     */
    private static List<Entry> templateSample(List<Entry> pages) {
      if (pages.size() <= TEMPLATE_PAGES) {
        return pages;
      }
      List<Entry> byName = new ArrayList<>(pages);
      byName.sort(Comparator.comparing(e -> e.file().getFileName().toString()));
      List<Entry> sample = new ArrayList<>(TEMPLATE_PAGES);
      for (int i = 0; i < TEMPLATE_PAGES; i++) {
        sample.add(byName.get((int) ((long) i * byName.size() / TEMPLATE_PAGES)));
      }
      return sample;
    }

    /** A file of a folder, as the walk saw it. */
    record Entry(Path file, BasicFileAttributes attrs) {}

    /** Whether a page must be read: new, changed by its stat, or not extracted by an extracting run. */
    private boolean needsWork(Entry e) {
      return !statUnchanged(stamps.get(e.file().toString()), e.attrs());
    }

    /** The index knows this file with the same size and time, extracted when this run extracts. */
    private boolean statUnchanged(FileStamp known, BasicFileAttributes attrs) {
      return known != null && known.size() == attrs.size() && known.modifiedMillis() == attrs.lastModifiedTime().toMillis()
          && (known.extracted() || !extracting);
    }

    /**
     * The first and last {@value #EDGE_BYTES} bytes of a file, cut at line ends: where a site
     * template's lines stand (the learner looks at a page's first and last lines only).
     */
    private static byte[] edges(Path file) throws IOException {
      try (var channel = java.nio.channels.FileChannel.open(file)) {
        long size = channel.size();
        if (size <= 2L * EDGE_BYTES) {
          return BoundedRead.readAtMost(file, 2L * EDGE_BYTES);
        }
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(EDGE_BYTES);
        java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(EDGE_BYTES);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
          // read on
        }
        while (tail.hasRemaining() && channel.read(tail, size - EDGE_BYTES + tail.position()) > 0) {
          // read on
        }
        byte[] h = head.array();
        byte[] t = tail.array();
        int headEnd = h.length;
        while (headEnd > 0 && h[headEnd - 1] != '\n') {
          headEnd--;
        }
        int tailStart = 0;
        while (tailStart < t.length && t[tailStart] != '\n') {
          tailStart++;
        }
        byte[] out = new byte[headEnd + (t.length - tailStart)];
        System.arraycopy(h, 0, out, 0, headEnd);
        System.arraycopy(t, tailStart, out, headEnd, t.length - tailStart);
        return out;
      }
    }

    /** Decides on one file in the walk thread: unchanged by stat, or queued for a worker. */
    private void consider(Path file, BasicFileAttributes attrs, Path root, SiteTemplate learnt) throws IOException {
      if (progress.stopRequested()) {
        return; // left as it is, for the next run
      }
      SiteTemplate template = learnt == null ? SiteTemplate.NONE : learnt;
      progress.seen.increment();
      String path = file.toString();
      FileStamp known = stamps.remove(path); // whatever is left in the map at the end has vanished
      long size = attrs.size();
      long mtime = attrs.lastModifiedTime().toMillis();
      if (!attrs.isRegularFile()) {
        // A FIFO or a device (a link to /dev/zero) would block or never end; a link whose target
        // is gone has nothing to read. Only regular files, after following links, are articles.
        skip(path, notRegular(attrs));
        if (known != null) {
          stamps.put(path, known); // it was a file once: deleteVanished removes its documents
        }
        progress.done.increment();
      } else if (statUnchanged(known, attrs) && (learnt == null || known.template() == FileStamp.template(template))) {
        unchanged.increment();
        progress.done.increment();
      } else if (size > request.maxFileBytes() && !ingestor.streams(path)) {
        fail(path, String.format(Locale.ROOT,
            "too large: %.1f MB, over the %.1f MB limit (raise --max-file-size)", size / 1e6, request.maxFileBytes() / 1e6));
      } else {
        String corpusPath = DocumentIds.corpusPath(root, file);
        inFlight.acquireUninterruptibly();
        workers.execute(() -> {
          try {
            if (progress.stopRequested()) {
              return; // not started: the next run takes it (its stamp is unchanged)
            }
            process(file, path, corpusPath, size, mtime, known, template);
          } catch (IOException | RuntimeException e) {
            if (writer.getTragicException() != null) {
              // The index cannot take more (a full disk, a read-only or vanished folder): the run
              // stops at once, the last commit stays as it was, and run() says why.
              writeFailure.compareAndSet(null, writer.getTragicException());
            } else {
              fail(path, "internal error while indexing: " + e);
            }
          } catch (OutOfMemoryError e) {
            // What this file took is unreachable once the stack unwinds, so the run can go on;
            // without this catch the task died silently and the file was neither indexed nor failed.
            fail(path, String.format(Locale.ROOT, "out of memory while indexing this %.1f MB file; give Java more memory"
                + " (CORPUS_JAVA_OPTS=-Xmx4g) or lower --max-file-size", size / 1e6));
          } catch (Throwable e) {
            fail(path, "internal error while indexing: " + e);
          } finally {
            inFlight.release();
            progress.done.increment();
          }
        });
      }
      maybeCommit();
    }

    private void process(Path file, String path, String corpusPath, long size, long mtime, FileStamp known, SiteTemplate template)
        throws IOException {
      long fingerprint = FileStamp.template(template);
      if (ingestor.streams(path)) {
        processRecords(file, path, corpusPath, size, mtime, known);
        return;
      }
      byte[] content;
      try {
        content = BoundedRead.readAtMost(file, request.maxFileBytes());
      } catch (NoSuchFileException e) {
        vanished(path, known);
        return;
      } catch (BoundedRead.TooLargeException e) {
        fail(path, String.format(Locale.ROOT,
            "too large: grew past the %.1f MB limit while being read (raise --max-file-size)", request.maxFileBytes() / 1e6));
        return;
      } catch (AccessDeniedException e) {
        fail(path, "cannot read: permission denied");
        return;
      } catch (IOException e) {
        fail(path, "cannot read: " + e.getMessage());
        return;
      }
      bytes.add(content.length);
      progress.bytes.add(content.length);
      Ingestor.Result result;
      try {
        result = ingestor.ingest(path, corpusPath, content, template);
        content = null; // the bytes can go before Lucene makes its copies of a large article
      } catch (IngestException e) {
        if (e.outcome() == IngestException.Outcome.SKIPPED) {
          skip(path, e.getMessage());
          if (known != null) {
            delete(path); // no longer an article
          }
        } else {
          fail(path, e.getMessage()); // an earlier good version, if any, stays searchable
        }
        return;
      }
      long hash64 = FileStamp.hash64(result.contentHash());
      if (touchedOnly(path, mtime, hash64, known, fingerprint)) {
        return;
      }
      FileStamp stamp = new FileStamp(size, mtime, hash64, extracting, fingerprint);
      List<Document> docs = new ArrayList<>();
      for (Article article : result.articles()) {
        docs.addAll(IndexSchema.toDocuments(article, pipeline.run(article), stamp));
      }
      write(path, known != null, docs);
      indexed.increment();
      articles.add(result.articles().size());
      for (String broken : result.brokenRecords()) {
        fail(path, broken);
      }
    }

    /**
     * A JSON Lines file, record by record: memory follows the largest record, not the file, and
     * --max-file-size applies to each record. The file's documents still replace the old ones in
     * one atomic update: Lucene takes them from a lazy iterator, and if reading fails half-way it
     * drops the half-added block, so the earlier version stays.
     */
    private void processRecords(Path file, String path, String corpusPath, long size, long mtime, FileStamp known) throws IOException {
      long hash64;
      try (var in = Files.newInputStream(file)) {
        hash64 = FileStamp.hash64(DocumentIds.contentHash(in));
      } catch (NoSuchFileException e) {
        vanished(path, known);
        return;
      } catch (AccessDeniedException e) {
        fail(path, "cannot read: permission denied");
        return;
      }
      bytes.add(size);
      progress.bytes.add(size);
      if (touchedOnly(path, mtime, hash64, known, 0)) {
        return;
      }
      FileStamp stamp = new FileStamp(size, mtime, hash64, extracting, 0);
      List<String> broken = new ArrayList<>();
      long brokenCount = 0;
      try (JsonLinesStream records = ingestor.jsonLines(path, corpusPath, Files.newInputStream(file), request.maxFileBytes())) {
        RecordFeed feed = new RecordFeed(records, stamp);
        if (!feed.hasNext()) {
          if (feed.broken.isEmpty()) {
            skip(path, "no text (only blank lines)");
          } else {
            fail(path, feed.broken.get(0)); // an earlier good version, if any, stays searchable
          }
          return;
        }
        write(path, known != null, () -> feed); // Lucene iterates it once
        broken = feed.broken;
        brokenCount = feed.brokenCount;
        indexed.increment();
        articles.add(feed.articles);
      } catch (IngestException e) {
        fail(path, e.getMessage());
        return;
      } catch (UncheckedIOException e) {
        fail(path, "cannot read: " + IndexFolder.reason(e.getCause()) + " (the file's earlier version, if any, is kept)");
        return;
      }
      for (String reason : broken) {
        fail(path, reason);
      }
      if (brokenCount > broken.size()) {
        fail(path, (brokenCount - broken.size()) + " more broken records not listed");
      }
    }

    /** The documents of a JSON Lines file, made as Lucene asks for them. */
    private final class RecordFeed implements java.util.Iterator<Document> {
      /** Reasons kept per file; past this only the count grows, so a file of junk cannot fill memory. */
      static final int MAX_REASONS = 100;
      private final JsonLinesStream records;
      private final FileStamp stamp;
      private Article next;
      /** The rest of the current article's block (annotations, then the article). */
      private final java.util.ArrayDeque<Document> block = new java.util.ArrayDeque<>();
      final List<String> broken = new ArrayList<>();
      long brokenCount;
      long articles;

      RecordFeed(JsonLinesStream records, FileStamp stamp) {
        this.records = records;
        this.stamp = stamp;
        advance();
      }

      private void advance() {
        next = null;
        try {
          for (var r = records.next(); r != null; r = records.next()) {
            switch (r) {
              case JsonLinesStream.Read read -> {
                next = read.article();
                return;
              }
              case JsonLinesStream.Broken b -> {
                brokenCount++;
                if (broken.size() < MAX_REASONS) {
                  broken.add(b.reason());
                }
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public boolean hasNext() {
        return !block.isEmpty() || next != null;
      }

      @Override
      public Document next() {
        if (block.isEmpty()) {
          if (next == null) {
            throw new java.util.NoSuchElementException();
          }
          Article article = next;
          advance();
          articles++;
          block.addAll(IndexSchema.toDocuments(article, pipeline.run(article), stamp));
        }
        return block.removeFirst();
      }
    }

    /**
     * True, and the new time remembered so that the next run's stat check passes, when the file
     * was touched but its bytes hash as before (and were extracted when this run extracts).
     */
    private boolean touchedOnly(String path, long mtime, long hash64, FileStamp known, long template) throws IOException {
      if (known != null && known.contentHash64() == hash64 && (known.extracted() || !extracting) && known.template() == template) {
        writer.updateNumericDocValue(new Term(IndexSchema.FILE, path), IndexSchema.MTIME, mtime);
        unchanged.increment();
        return true;
      }
      return false;
    }

    private void vanished(String path, FileStamp known) throws IOException {
      // Deleted or renamed since the walk saw it: not a failure of this run. Its old documents,
      // if any, go now, as they would have had the walk not seen it.
      skip(path, "vanished during the run (deleted or renamed)");
      if (known != null) {
        delete(path);
        removed.increment();
      }
    }

    /**
     * Writes a file's documents, replacing its documents of the last commit when it {@code
     * replaces}; the passes see the documents as Lucene takes them and apply the change only once
     * the write succeeded (a file that fails half-way leaves its earlier version, and them, as they were).
     */
    private void write(String path, boolean replaces, Iterable<Document> docs) throws IOException {
      commitLock.readLock().lock();
      try {
        List<CorpusPass.FileChange> changes = new ArrayList<>(passes.size());
        for (CorpusPass pass : passes) {
          changes.add(pass.begin(path, replaces));
        }
        Iterable<Document> observed = changes.isEmpty() ? docs : () -> new java.util.Iterator<>() {
          private final java.util.Iterator<Document> it = docs.iterator();

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Document next() {
            Document d = it.next();
            for (CorpusPass.FileChange c : changes) {
              c.added(d);
            }
            return d;
          }
        };
        if (replaces) {
          writer.updateDocuments(new Term(IndexSchema.FILE, path), observed);
        } else {
          writer.addDocuments(observed); // nothing to replace: spares Lucene a delete term per new file
        }
        try {
          for (int i = 0; i < passes.size(); i++) {
            passes.get(i).apply(changes.get(i));
          }
        } catch (IOException | RuntimeException e) {
          // The file's documents are written but a pass could not count them: committing now would
          // leave its state wrong for good. The run stops; the last commit stays as it was.
          writeFailure.compareAndSet(null, e);
          throw e;
        }
      } finally {
        commitLock.readLock().unlock();
      }
    }

    /** Deletes the documents of a file the last commit has. */
    private void delete(String path) throws IOException {
      commitLock.readLock().lock();
      try {
        writer.deleteDocuments(new Term(IndexSchema.FILE, path));
        try {
          for (CorpusPass pass : passes) {
            pass.removed(path);
          }
        } catch (IOException | RuntimeException e) {
          writeFailure.compareAndSet(null, e); // as in write(): never commit a pass that missed a change
          throw e;
        }
      } finally {
        commitLock.readLock().unlock();
      }
    }

    /**
     * Commits, the passes' documents first, with no worker writing meanwhile. A periodic commit
     * waits at most {@value #COMMIT_WAIT_SECONDS} s for the workers' writes in flight (a large JSON
     * Lines file is one long write) and is otherwise put off to the next check, so that waiting
     * workers are not held up behind it; the last commit always waits.
     *
     * @return whether it committed
     */
    boolean commit(boolean last) throws IOException {
      if (last) {
        commitLock.writeLock().lock();
      } else {
        try {
          if (!commitLock.writeLock().tryLock(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            return false;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      try {
        for (CorpusPass pass : passes) {
          if (last) {
            pass.beforeLastCommit(writer);
          } else {
            pass.beforeCommit(writer);
          }
        }
        Indexer.commit(writer, passes);
        return true;
      } finally {
        commitLock.writeLock().unlock();
      }
    }

    static final int COMMIT_WAIT_SECONDS = 5;

    private void fail(String path, String reason) {
      failures.add(new IndexSummary.Problem(path, reason));
    }

    private void skip(String path, String reason) {
      skips.add(new IndexSummary.Problem(path, reason));
    }

    private static String notRegular(BasicFileAttributes attrs) {
      if (attrs.isSymbolicLink()) {
        return "broken symbolic link (its target does not exist)";
      }
      if (attrs.isOther()) {
        return "not a regular file (a FIFO, socket or device)";
      }
      return "not a regular file";
    }

    /** Throws, ending the walk, when the writer has failed for good. */
    void checkWriter() throws IOException {
      Throwable failure = writeFailure.get();
      if (failure != null) {
        throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
      }
    }

    private void maybeCommit() throws IOException {
      checkWriter();
      if (System.nanoTime() - lastCommit > request.commitInterval().toNanos() && commit(false)) {
        lastCommit = System.nanoTime();
      }
    }

    /** Stops the workers without waiting for queued files: the run has failed. */
    void abort() {
      workers.shutdownNow();
      try {
        workers.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void finishWorkers() throws IOException {
      workers.shutdown();
      try {
        while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
          maybeCommit();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CorpusException.Data("interrupted while indexing");
      }
    }

    /** Deletes files that were indexed under a walked folder and were not found now. */
    void deleteVanished(List<Path> roots) throws IOException {
      for (String path : stamps.keySet()) {
        for (Path root : roots) {
          if (path.equals(root.toString()) || path.startsWith(root + "/")) {
            delete(path);
            removed.increment();
            break;
          }
        }
      }
    }

    /** Walks one root; the files of each folder are decided together, when the folder is done. */
    private final class Visitor extends SimpleFileVisitor<Path> {
      private final Path root;
      private final java.util.Deque<List<Entry>> folders = new java.util.ArrayDeque<>();

      Visitor(Path root) {
        this.root = root;
      }

      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        boolean hidden = !dir.equals(root) && isHidden(dir);
        if (hidden || dir.equals(indexDir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        folders.push(new ArrayList<>());
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (progress.stopRequested()) {
          return FileVisitResult.TERMINATE;
        }
        if (!isHidden(file) && !attrs.isDirectory()) {
          folders.peek().add(new Entry(file, attrs));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        considerFolder(folders.pop(), root);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        if (isHidden(file)) {
          return FileVisitResult.CONTINUE;
        }
        if (e instanceof FileSystemLoopException) {
          // A link back to a folder above it: the folder is walked once already, so nothing is lost.
          skip(file.toString(), "symbolic link loop (its folder is indexed once, where it really is)");
          return FileVisitResult.CONTINUE;
        }
        if (e instanceof NoSuchFileException) {
          skip(file.toString(), "vanished during the run (deleted or renamed)");
          return FileVisitResult.CONTINUE; // what was indexed from it goes with deleteVanished
        }
        String reason = e instanceof AccessDeniedException ? "cannot read: permission denied" : "cannot read: " + e.getMessage();
        // Whatever was indexed below an unreadable folder is kept, not taken for deleted.
        String prefix = file + "/";
        stamps.keySet().removeIf(p -> p.equals(file.toString()) || p.startsWith(prefix));
        fail(file.toString(), reason);
        return FileVisitResult.CONTINUE;
      }

      private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
      }
    }
  }
}
