package dev.corpus.extract.ner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the entity model from CoNLL-2003-format files and scores it on a development file.
 * Run by {@code scripts/train-ner.sh}; see {@code docs/ner-model.md} for the data and figures.
 *
 * <pre>NerTrainer TRAIN.conll [TRAIN2.conll...] --dev DEV.conll --out MODEL.bin
 *     [--algorithm MAXENT|PERCEPTRON] [--iterations N] [--cutoff N] [--threads N] [--augment SHARE]</pre>
 *
 * <p>{@code --augment} (default 0.3, 0 to disable) adds copies of the training documents in which
 * that share of person names is replaced by generated East Asian names ({@link NameAugmenter}).
 */
public final class NerTrainer {

  /** The feature generators of the model, stored in it and rebuilt from it when it is loaded. */
  static final String FEATURES_XML = """
      <featureGenerators cache="true" name="corpus-news-ner">
        <generator class="dev.corpus.extract.ner.NewsFeatures$Factory"/>
        <generator class="opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory"/>
      </featureGenerators>
      """;

  private NerTrainer() {}

  public static void main(String[] args) throws IOException {
    List<Path> train = new ArrayList<>();
    double augment = 0.3;
    Path dev = null;
    Path out = null;
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, 150);
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    params.put(TrainingParameters.THREADS_PARAM, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dev" -> dev = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--algorithm" -> params.put(TrainingParameters.ALGORITHM_PARAM, args[++i]);
        case "--iterations" -> params.put(TrainingParameters.ITERATIONS_PARAM, Integer.parseInt(args[++i]));
        case "--cutoff" -> params.put(TrainingParameters.CUTOFF_PARAM, Integer.parseInt(args[++i]));
        case "--threads" -> params.put(TrainingParameters.THREADS_PARAM, Integer.parseInt(args[++i]));
        case "--augment" -> augment = Double.parseDouble(args[++i]);
        case "--beam" -> params.put("BeamSize", Integer.parseInt(args[++i]));
        default -> train.add(Path.of(args[i]));
      }
    }
    if (train.isEmpty() || out == null) {
      System.err.println("usage: NerTrainer TRAIN.conll... --out MODEL.bin [--dev DEV.conll] [--algorithm A] [--iterations N] [--cutoff N]");
      System.exit(2);
    }
    List<ConllFile.Document> documents = new ArrayList<>();
    for (Path p : train) {
      documents.addAll(ConllFile.read(p));
    }
    if (augment > 0) {
      // Copies with some person names replaced by East Asian ones (see NameAugmenter).
      NameAugmenter augmenter = new NameAugmenter(1996, augment);
      List<ConllFile.Document> copies = new ArrayList<>();
      for (ConllFile.Document d : documents) {
        ConllFile.Document copy = augmenter.augment(d);
        if (copy != null) {
          copies.add(copy);
        }
      }
      documents.addAll(copies);
      System.err.printf("augmented: %d document copies with replaced person names%n", copies.size());
    }
    long t0 = System.nanoTime();
    TokenNameFinderModel model = train(documents, params);
    System.err.printf("trained on %d documents in %.1f s%n", documents.size(), (System.nanoTime() - t0) / 1e9);
    try (OutputStream o = Files.newOutputStream(out)) {
      model.serialize(o);
    }
    if (dev != null) {
      EntityRecognizer recognizer = new EntityRecognizer(model, NerLexicons.shared());
      NerScores scores = NerEvaluation.score(recognizer, ConllFile.read(dev), dev.toString());
      System.out.println(scores.summary());
    }
  }

  /** A model trained on {@code documents} with {@code params}. */
  static TokenNameFinderModel train(List<ConllFile.Document> documents, TrainingParameters params) throws IOException {
    NerLexicons lexicons = NerLexicons.shared();
    List<NameSample> samples = new ArrayList<>();
    for (ConllFile.Document doc : documents) {
      List<String[]> sentences = doc.sentences().stream().map(s -> s.tokens().toArray(String[]::new)).toList();
      List<String[][]> context = DocumentContext.features(sentences, lexicons);
      for (int s = 0; s < sentences.size(); s++) {
        List<ConllFile.Chunk> chunks = doc.sentences().get(s).chunks();
        Span[] names = chunks.stream().map(c -> new Span(c.start(), c.end(), c.type())).toArray(Span[]::new);
        samples.add(new NameSample(null, sentences.get(s), names, context.get(s), s == 0));
      }
    }
    TokenNameFinderFactory factory = new TokenNameFinderFactory(
        FEATURES_XML.getBytes(StandardCharsets.UTF_8), Map.of(), new BilouCodec());
    return NameFinderME.train("en", null, new CollectionObjectStream<>(samples), params, factory);
  }
}
