package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityAnnotations;
import dev.corpus.extract.entity.EntityStage;
import dev.corpus.extract.ner.NerLexicons;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the {@link AttributionTagger} from PolNeAR's train split and scores the claim extractor
 * on a development split. Run by {@code scripts/train-attribution.sh}; the model card is
 * {@code docs/attribution-model.md}.
 *
 * <pre>AttributionTrainer TRAIN_DIR --out MODEL.bin.gz [--dev DEV_DIR] [--iterations N] [--cutoff N]
 *     [--algorithm MAXENT|PERCEPTRON|MAXENT_QN]
 * AttributionTrainer TRAIN_DIR --model MODEL.bin.gz --dev DEV_DIR   (score a trained model)
 * AttributionTrainer TRAIN_DIR --score-held-out                      (the shipped extractor, once)</pre>
 *
 * <p>Scoring on dev prints the token confusion of the tagger and, for the rules alone, the tagger
 * alone and both, the lenient and strict scores and a count of error kinds; with the environment
 * variable {@code ATTRIBUTION_ERRORS=PREFIX} each kind's error lines go to {@code PREFIX.MODE}.
 *
 * <p>{@code TRAIN_DIR} holds {@code text/} and {@code attributions/} (brat). A text annotated
 * twice is read once (the first annotation file in name order). One text in ten, chosen by a hash
 * of its name before anyone looked at them ({@link #heldOut}), is left out of training: it is the
 * project's own held-out check, scored once with {@code --score-held-out}.
 */
public final class AttributionTrainer {

  private AttributionTrainer() {}

  public static void main(String[] args) throws IOException {
    Path train = null;
    Path out = null;
    Path dev = null;
    boolean scoreHeldOut = false;
    Path model = null; // an existing model to score on --dev instead of training one
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, 100);
    params.put(TrainingParameters.CUTOFF_PARAM, 2);
    params.put(TrainingParameters.THREADS_PARAM, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--dev" -> dev = Path.of(args[++i]);
        case "--iterations" -> params.put(TrainingParameters.ITERATIONS_PARAM, Integer.parseInt(args[++i]));
        case "--cutoff" -> params.put(TrainingParameters.CUTOFF_PARAM, Integer.parseInt(args[++i]));
        case "--algorithm" -> params.put(TrainingParameters.ALGORITHM_PARAM, args[++i]);
        case "--score-held-out" -> scoreHeldOut = true;
        case "--model" -> model = Path.of(args[++i]);
        default -> train = Path.of(args[i]);
      }
    }
    if (train == null || (out == null && !scoreHeldOut && model == null)) {
      System.err.println("usage: AttributionTrainer TRAIN_DIR (--out MODEL.bin.gz [--dev DEV_DIR] [--iterations N] [--cutoff N] [--algorithm A]"
          + " | --model MODEL.bin.gz --dev DEV_DIR | --score-held-out)");
      System.exit(2);
    }
    EntityStage entities = EntityStage.shipped();
    Cues cues = Cues.shipped();
    AttributionFeatures features = new AttributionFeatures(NerLexicons.shared(), cues);
    Map<String, Path> files = oneAnnotationPerText(train.resolve("attributions"));
    if (scoreHeldOut) {
      List<BratAttributions> held = new ArrayList<>();
      for (Map.Entry<String, Path> e : files.entrySet()) {
        if (heldOut(e.getKey())) {
          held.add(BratAttributions.read(e.getValue()));
        }
      }
      // The shipped extractor, and the rules alone as the baseline of the same articles.
      System.out.println("shipped (rules and tagger)\n"
          + AttributionEvaluation.score(ClaimExtractor.shipped(), entities, held, train + " (held-out tenth)", null).summary());
      System.out.println("rules alone\n"
          + AttributionEvaluation.score(ClaimExtractor.rulesOnly(), entities, held, train + " (held-out tenth)", null).summary());
      return;
    }
    if (model != null) {
      score(dev, cues, entities, new AttributionTagger(read(model), features));
      return;
    }
    List<Event> events = new ArrayList<>();
    int texts = 0;
    long t0 = System.nanoTime();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      if (heldOut(e.getKey())) {
        continue;
      }
      Path ann = e.getValue();
      String body = Files.readString(train.resolve("text").resolve(e.getKey() + ".txt"), StandardCharsets.UTF_8);
      addEvents(body, Files.readAllLines(ann, StandardCharsets.UTF_8), entities.find(body), features, events);
      texts++;
    }
    System.err.printf("%d texts, %d tokens, features in %.1f s%n", texts, events.size(), (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    EventTrainer trainer = TrainerFactory.getEventTrainer(params, new java.util.HashMap<>());
    MaxentModel trained = trainer.train(new CollectionObjectStream<>(events));
    System.err.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out));
        DataOutputStream data = new DataOutputStream(o)) {
      new GenericModelWriter((AbstractModel) trained, data).persist();
    }
    if (dev != null) {
      score(dev, cues, entities, new AttributionTagger(trained, features));
    }
  }

  private static MaxentModel read(Path model) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(model)) {
      return AttributionTagger.read(in);
    }
  }

  /** Prints the dev scores of the rules alone, the tagger alone and both. */
  private static void score(Path dev, Cues cues, EntityStage entities, AttributionTagger tagger) throws IOException {
    List<BratAttributions> devFiles = new ArrayList<>();
    int[][] confusion = new int[4][4]; // gold kind × tagged kind, per token: none, S, C, T
    for (Path p : oneAnnotationPerText(dev.resolve("attributions")).values()) {
      BratAttributions f = BratAttributions.read(p);
      devFiles.add(f);
      String[] kinds = goldKinds(f.text(), Files.readAllLines(p, StandardCharsets.UTF_8)).kinds();
      for (AttributionTagger.Tagged t : tagger.tag(f.text(), entities.find(f.text()).mentions())) {
        for (int i = 0; i < t.tags().length; i++) {
          confusion["-SCT".indexOf(kinds[t.passage().tokens().get(i).start()] == null ? "-" : kinds[t.passage().tokens().get(i).start()])]
              ["-SCT".indexOf(t.tags()[i].equals(AttributionTagger.OUTSIDE) ? '-' : t.tags()[i].charAt(2))]++;
        }
      }
    }
    System.out.println("tokens (rows gold, columns tagged: none S C T)");
    for (int g = 0; g < 4; g++) {
      int row = Arrays.stream(confusion[g]).sum();
      int col = 0;
      for (int[] r : confusion) {
        col += r[g];
      }
      System.out.printf("%s %s  P %.1f R %.1f%n", "-SCT".charAt(g), Arrays.toString(confusion[g]), 100.0 * confusion[g][g] / Math.max(1, col), 100.0 * confusion[g][g] / Math.max(1, row));
    }
    for (ClaimExtractor.Mode mode : ClaimExtractor.Mode.values()) {
      ClaimExtractor extractor = ClaimExtractor.withTagger(cues, tagger, mode);
      java.util.Map<String, Integer> errorKinds = new java.util.TreeMap<>();
      java.io.PrintWriter log = System.getenv("ATTRIBUTION_ERRORS") == null ? null
          : new java.io.PrintWriter(Files.newBufferedWriter(Path.of(System.getenv("ATTRIBUTION_ERRORS") + "." + mode)));
      System.out.println(mode + "\n" + AttributionEvaluation.score(extractor, entities, devFiles, dev.toString(), line -> {
        String[] cols = line.split("\t");
        errorKinds.merge(cols[0] + (cols[0].equals("SOURCE") ? (cols[3].equals("null") ? " (none found)" : " (other)") : ""), 1, Integer::sum);
        if (log != null) {
          log.println(line);
        }
      }).summary());
      System.out.println(errorKinds);
      if (log != null) {
        log.close();
      }
    }
  }

  /** The annotation file of each text (by text name), the first in name order where there are two. */
  static Map<String, Path> oneAnnotationPerText(Path attributions) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(attributions)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".ann")).sorted().toList()) {
        out.putIfAbsent(BratAttributions.textName(p), p);
      }
    }
    return out;
  }

  /** Whether the text named {@code name} is in the held-out tenth: the first byte of its name's SHA-256 is below 26. */
  static boolean heldOut(String name) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return (h[0] & 0xff) < 26;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds one training event per token of {@code body}, its tag from the brat lines {@code ann}. */
  static void addEvents(String body, List<String> ann, EntityAnnotations entities, AttributionFeatures features, List<Event> events) {
    Painted gold = goldKinds(body, ann);
    String[] kinds = gold.kinds();
    int[] spanIds = gold.spans();
    CodePoints cp = new CodePoints(body);
    for (AttributionFeatures.Passage p : AttributionTagger.passages(body, new dev.corpus.extract.text.Tokenizer().sentences(body))) {
      String[][] statics = features.features(p, entities.mentions(), cp);
      String[] tags = new String[p.tokens().size()];
      int prevSpan = -1;
      for (int i = 0; i < tags.length; i++) {
        Token t = p.tokens().get(i);
        String kind = kinds[t.start()];
        int span = spanIds[t.start()];
        tags[i] = kind == null ? AttributionTagger.OUTSIDE : (span == prevSpan && i > 0 && !tags[i - 1].equals(AttributionTagger.OUTSIDE) ? "I-" : "B-") + kind;
        prevSpan = kind == null ? -1 : span;
      }
      for (int i = 0; i < tags.length; i++) {
        events.add(new Event(tags[i], AttributionTagger.context(i, statics, tags)));
      }
    }
  }

  /** The kind painted at each UTF-16 offset (null for none) and the brat span it comes from (-1 for none). */
  record Painted(String[] kinds, int[] spans) {}

  /**
   * The kind ("S", "C", "T") painted at each UTF-16 offset of {@code body} by the brat spans:
   * contents first, longest first, then sources and cues over them, so a statement reported inside
   * another's content keeps its own source and cue.
   */
  static Painted goldKinds(String body, List<String> ann) {
    int[] utf16 = body.codePoints().map(c -> Character.charCount(c)).toArray();
    int[] offset = new int[utf16.length + 1];
    for (int i = 0; i < utf16.length; i++) {
      offset[i + 1] = offset[i] + utf16[i];
    }
    record Piece(String kind, int start, int end, int id) {}
    List<Piece> pieces = new ArrayList<>();
    int id = 0;
    for (String line : ann) {
      String[] cols = line.split("\t");
      if (cols.length < 2 || !cols[0].startsWith("T")) {
        continue;
      }
      String[] typeAndSpans = cols[1].split(" ", 2);
      String kind = switch (typeAndSpans[0]) {
        case "Source" -> "S";
        case "Cue" -> "C";
        case "Content" -> "T";
        default -> null;
      };
      if (kind == null) {
        continue;
      }
      id++;
      for (String part : typeAndSpans[1].split(";")) {
        String[] se = part.strip().split(" ");
        int s = Math.min(Integer.parseInt(se[0]), utf16.length);
        int e = Math.min(Integer.parseInt(se[1]), utf16.length);
        pieces.add(new Piece(kind, offset[s], offset[e], id));
      }
    }
    pieces.sort(Comparator.comparingInt((Piece p) -> p.kind().equals("T") ? 0 : 1).thenComparingInt(p -> -(p.end() - p.start())));
    String[] kinds = new String[body.length() + 1];
    int[] ids = new int[body.length() + 1];
    Arrays.fill(ids, -1);
    for (Piece p : pieces) {
      for (int k = p.start(); k < p.end(); k++) {
        kinds[k] = p.kind();
        ids[k] = p.id();
      }
    }
    return new Painted(kinds, ids);
  }
}
