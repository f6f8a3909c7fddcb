package dev.corpus.cli;

import dev.corpus.CorpusException;
import dev.corpus.extract.claim.AttributionEvaluation;
import dev.corpus.extract.claim.AttributionScores;
import dev.corpus.extract.claim.BratAttributions;
import dev.corpus.extract.claim.ClaimExtractor;
import dev.corpus.extract.entity.EntityStage;
import dev.corpus.extract.ner.ConllFile;
import dev.corpus.extract.ner.EntityRecognizer;
import dev.corpus.extract.ner.NerEvaluation;
import dev.corpus.extract.ner.NerScores;
import dev.corpus.extract.time.TimeMlFile;
import dev.corpus.extract.time.TimexEvaluation;
import dev.corpus.extract.time.TimexRules;
import dev.corpus.extract.time.TimexScores;
import dev.corpus.extract.time.TimexTagger;
import dev.corpus.ingest.Ingestor;
import dev.corpus.ingest.eval.BodyEvaluation;
import dev.corpus.ingest.eval.BodyScores;
import dev.corpus.render.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpus eval}: scores the extractors on labelled data. */
@Command(name = "eval", header = "Score the extractors on labelled data.", description = "Score the extractors on labelled data.",
    footerHeading = "%nExamples:%n",
    footer = {"  corpus eval ner --conll eng.testa", "  corpus eval timex --timeml ./TBAQ-cleaned --format json"}, subcommands = {EvalCommand.Ner.class, EvalCommand.Timex.class, EvalCommand.Attribution.class, EvalCommand.Body.class})
public final class EvalCommand {

  /**
   * The files of {@code dir} (searched recursively) whose name ends with {@code extension}, in
   * path order.
   *
   * @throws CorpusException.Usage when {@code dir} is not a folder
   * @throws CorpusException.Data when it cannot be listed or holds no such file
   */
  static List<Path> filesIn(Path dir, String extension) {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException.Usage("no such folder: " + dir);
    }
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(f -> f.toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new CorpusException.Data("cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new CorpusException.Data(dir + " holds no " + extension + " files");
    }
    return files;
  }

  /** {@code corpus eval ner --conll FILE}. */
  @Command(
      name = "ner",
      description = {
        "Score the entity recogniser on a CoNLL-2003-format file (token ... label per line, IOB1 or IOB2),",
        "with conlleval's rules: a name counts only when its span and type are exact."
      })
  public static final class Ner implements Callable<Integer> {

    @Option(names = "--conll", paramLabel = "FILE", required = true, description = "The labelled file.")
    Path file;

    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<ConllFile.Document> documents;
      try {
        documents = ConllFile.read(file);
      } catch (NoSuchFileException e) {
        throw new CorpusException.Usage("no such file: " + file);
      } catch (IOException e) {
        throw new CorpusException.Data("cannot read " + file + ": " + e.getMessage(), e);
      }
      if (documents.isEmpty() || !Files.isRegularFile(file)) {
        throw new CorpusException.Data(file + " holds no CoNLL sentences");
      }
      NerScores scores = NerEvaluation.score(EntityRecognizer.shipped(), documents, file.toString());
      output.renderer().render(Reports.nerScores(scores), output.format(), spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code corpus eval timex --timeml DIR}. */
  @Command(
      name = "timex",
      description = {
        "Score the temporal tagger on TimeML files (.tml; each resolved against its own creation date, the DCT)",
        "with TempEval-3's definitions: strict and relaxed span P/R/F1, type and value accuracy, value F1."
      })
  public static final class Timex implements Callable<Integer> {

    @Option(names = "--timeml", paramLabel = "DIR", required = true, description = "A folder of .tml files (searched recursively).")
    Path dir;

    @Option(names = "--errors", hidden = true, description = "Print each missed, spurious or wrongly valued expression on stderr.")
    boolean errors;

    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<TimeMlFile> files = new java.util.ArrayList<>();
      for (Path p : filesIn(dir, ".tml")) {
        try {
          files.add(TimeMlFile.read(p));
        } catch (IOException e) {
          throw new CorpusException.Data("cannot read " + p + ": " + e.getMessage(), e);
        }
      }
      java.io.PrintWriter err = spec.commandLine().getErr();
      TimexScores scores = TimexEvaluation.score(new TimexTagger(TimexRules.shipped()), files, dir.toString(),
          errors ? err::println : null);
      output.renderer().render(Reports.timexScores(scores), output.format(), spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code corpus eval attribution --brat DIR}. */
  @Command(
      name = "attribution",
      description = {
        "Score the claim extractor on brat attribution files (PolNeAR: Source, Cue, Content spans; .ann files",
        "with their .txt): content spans matched by overlap, and content with its source (lenient); beside them",
        "the same with every span equal to its gold span after trimming spaces, dashes and edge punctuation (strict)."
      })
  public static final class Attribution implements Callable<Integer> {

    @Option(names = "--brat", paramLabel = "DIR", required = true, description = "A folder of .ann files (searched recursively).")
    Path dir;

    @Option(names = "--errors", hidden = true, description = "Print each missed attribution, wrong source, inexact span and unmatched claim on stderr.")
    boolean errors;

    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<BratAttributions> files = new java.util.ArrayList<>();
      java.util.Set<String> texts = new java.util.HashSet<>();
      for (Path p : filesIn(dir, ".ann")) {
        try {
          BratAttributions a = BratAttributions.read(p);
          if (texts.add(a.text())) { // one annotator per article
            files.add(a);
          }
        } catch (IOException | RuntimeException e) {
          throw new CorpusException.Data("cannot read " + p + " or its text: " + e.getMessage(), e);
        }
      }
      java.io.PrintWriter err = spec.commandLine().getErr();
      AttributionScores scores = AttributionEvaluation.score(ClaimExtractor.shipped(), EntityStage.shipped(), files, dir.toString(),
          errors ? err::println : null);
      output.renderer().render(Reports.attributionScores(scores), output.format(), spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code corpus eval body --truth FILE (--html DIR | --predictions FILE)}. */
  @Command(
      name = "body",
      description = {
        "Score article-body extraction from HTML with the article-extraction benchmark's metric: word 4-gram",
        "(shingle) precision, recall and F1 per page, averaged over pages, and the number of near-empty bodies.",
        "The truth file maps each page's key to {\"articleBody\": ...}; pages are DIR/KEY.html or KEY.html.gz.",
        "--predictions scores another tool's output in the truth file's shape instead of ours."
      })
  public static final class Body implements Callable<Integer> {

    @Option(names = "--truth", paramLabel = "FILE", required = true, description = "The true bodies (ground-truth.json).")
    Path truth;

    @Option(names = "--html", paramLabel = "DIR", description = "A folder of saved pages, KEY.html or KEY.html.gz.")
    Path html;

    @Option(names = "--predictions", paramLabel = "FILE", description = "Another extractor's bodies, in the truth file's shape.")
    Path predictions;

    @Option(names = {"--per-page", "--errors"}, description = {
        "Also print each page's key, body length (characters), precision, recall and F1 on stderr,",
        "one tab-separated line per page in key order."})
    boolean perPage;

    @Mixin OutputOptions output;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if ((html == null) == (predictions == null)) {
        throw new CorpusException.Usage("give one of --html DIR or --predictions FILE");
      }
      Map<String, String> truthBodies = bodiesOf(truth);
      Map<String, BodyEvaluation.Predicted> predicted = new TreeMap<>();
      String source;
      if (predictions != null) {
        bodiesOf(predictions).forEach((k, v) -> predicted.put(k, new BodyEvaluation.Predicted(v, false)));
        source = predictions.toString();
      } else {
        if (!Files.isDirectory(html)) {
          throw new CorpusException.Usage("no such folder: " + html);
        }
        Map<String, Path> pages;
        try {
          pages = BodyEvaluation.pages(html);
        } catch (IOException e) {
          throw new CorpusException.Data("cannot list " + html + ": " + e.getMessage(), e);
        }
        Ingestor ingestor = new Ingestor();
        for (String key : truthBodies.keySet()) {
          Path page = pages.get(key);
          if (page == null) {
            throw new CorpusException.Data(html + " holds no page " + key + ".html or .html.gz");
          }
          try {
            predicted.put(key, BodyEvaluation.extract(ingestor, page));
          } catch (IOException e) {
            throw new CorpusException.Data("cannot read " + page + ": " + e.getMessage(), e);
          }
        }
        source = html.toString();
      }
      java.io.PrintWriter err = spec.commandLine().getErr();
      BodyScores scores;
      try {
        scores = BodyEvaluation.score(truthBodies, predicted, source, perPage ? err::println : null);
      } catch (IllegalArgumentException e) {
        throw new CorpusException.Data(e.getMessage(), e);
      }
      output.renderer().render(Reports.bodyScores(scores), output.format(), spec.commandLine().getOut());
      return 0;
    }

    private static Map<String, String> bodiesOf(Path file) {
      try {
        return BodyEvaluation.readBodies(file);
      } catch (NoSuchFileException e) {
        throw new CorpusException.Usage("no such file: " + file);
      } catch (IOException e) {
        throw new CorpusException.Data("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
