package dev.corpus.cli;

import dev.corpus.index.CorpusIndex;
import dev.corpus.search.QueryBackend;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --index DIR}, defaulting to {@code $CORPUS_INDEX}, else {@code ./.corpus}; and {@code
 * --solr TARGET}, defaulting to {@code $CORPUS_SOLR}, which has the commands that can read from
 * SolrCloud do so ({@link #backend()}) and the others refuse.
 */
public final class IndexLocation {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: $CORPUS_INDEX, else ./.corpus; now ${DEFAULT-VALUE}).",
      defaultValue = "${env:CORPUS_INDEX:-.corpus}")
  Path dir;

  @Option(
      names = "--solr",
      paramLabel = "TARGET",
      description = "Read the corpus from a SolrCloud collection instead of a local index: http://HOST:8983/solr/COLLECTION"
          + " or zk:HOST:2181[,HOST2][/CHROOT]/COLLECTION (default: $CORPUS_SOLR). See `corpus solr push`.",
      defaultValue = "${env:CORPUS_SOLR}")
  String solr;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** {@code --solr} after the command, else before it, else {@code $CORPUS_SOLR}; null when none. */
  String solr() {
    CorpusCommand top = CorpusCommand.of(mixee);
    String target = solr;
    if (top != null && top.solr != null && !mixee.commandLine().getParseResult().hasMatchedOption("--solr")) {
      target = top.solr;
    }
    return target == null || target.isBlank() ? null : target;
  }

  /**
   * Where the corpus is read from: the SolrCloud collection of {@link #solr()}, else the local index.
   * Only commands whose requests {@link QueryBackend} has call this; the others read the local
   * index ({@link #dir()}), which refuses while a SolrCloud target is set.
   */
  QueryBackend backend() {
    String target = solr();
    if (target != null) {
      return new dev.corpus.solr.SolrBackend(dev.corpus.solr.SolrTarget.parse(target), java.time.Clock.systemDefaultZone());
    }
    return new dev.corpus.search.LocalBackend(open(), java.time.Clock.systemDefaultZone());
  }

  /**
   * The folder: {@code --index} after the command, else before it ({@link CorpusCommand}), else the default.
   *
   * @throws dev.corpus.CorpusException.Usage when a SolrCloud target is set ({@code --solr} or
   *     {@code $CORPUS_SOLR}): the command cannot run on SolrCloud yet
   */
  Path dir() {
    if (solr() != null) {
      String name = mixee.name();
      throw new dev.corpus.CorpusException.Usage(name.equals("index")
          ? "`corpus index` writes a local index; load it into SolrCloud with `corpus solr push --solr TARGET --index DIR`"
          : "`corpus " + name + "` cannot run on SolrCloud (--solr or $CORPUS_SOLR) yet; run it on a local index (--index DIR)");
    }
    return localDir();
  }

  /** The local folder, whether or not a SolrCloud target is set. */
  Path localDir() {
    CorpusCommand top = CorpusCommand.of(mixee);
    if (top != null && top.index != null && !mixee.commandLine().getParseResult().hasMatchedOption("--index")) {
      return top.index;
    }
    return dir;
  }

  CorpusIndex open() {
    return new CorpusIndex(dir());
  }

  /**
   * For a command that reads entities, dates or claims: says on {@code err} when some articles
   * were indexed with {@code --no-extract} and have none yet, and how many the extractors
   * skipped as not English, and when the entity corrections file is not the one applied. Called once the answer is ready,
   * so that a usage error stays the only line a mistake prints.
   */
  void noteNotExtracted(PrintWriter err) {
    if (solr() != null) {
      return; // the notes read the local index's files; see docs/scale-out.md
    }
    String corrections = open().correctionsNote();
    if (corrections != null) {
      err.println("corpus: warning: " + corrections);
    }
    CorpusIndex.Unannotated unannotated = open().unannotated();
    long missing = unannotated.notExtracted();
    if (missing > 0) {
      err.println("corpus: " + missing + " article" + (missing == 1 ? " was" : "s were") + " indexed with --no-extract and"
          + " have no entities, dates or claims yet; run `corpus index PATH` to extract them");
    }
    long foreign = unannotated.notEnglish();
    if (foreign > 0) {
      err.println("corpus: " + foreign + " article" + (foreign == 1 ? " is" : "s are") + " not in English and"
          + " were skipped by the extractors (searchable; `corpus search 'language:fr'` lists them by language)");
    }
  }
}
