package dev.corpus.extract.ner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * Decodes a maximum-entropy name finder model trained with {@link NerTrainer#FEATURES_XML}: the
 * same features, the same beam search and the same validity constraints as OpenNLP's {@code
 * NameFinderME} with that model, so the same names, several times faster. The speed comes from
 * three things. A token's features other than the previous labels' do not depend on the beam
 * candidate, so their weights are summed once a token ({@link #find}) instead of once a candidate.
 * Features are hashed as they are generated ({@link NameWeights}), so no string is built and no
 * {@code HashMap} of strings is read. And candidates whose last two labels are the same share one
 * evaluation of the model.
 *
 * <p>What can differ from {@code NameFinderME}: sums of the same weights added in another order,
 * and {@code Math.exp}/{@code Math.log} for {@code StrictMath}'s, can change a probability in its
 * last bits; only a tie between two candidates' scores to that precision could then choose
 * differently ({@code NameDecoderTest} checks that the names are the same).
 *
 * <p>The decoder is immutable and shared; each thread decodes with its own {@link Session}.
 */
final class NameDecoder {

  /** The outcome before a sentence's first token in the previous-label features (OpenNLP's "other"). */
  private static final String OTHER = "other";
  /** Document-context features are read in a window of this many tokens either side (as NameFinderME does). */
  private static final int CONTEXT_WINDOW = 8;
  private static final String[] CONTEXT_BEFORE = contextPrefixes("p");
  private static final String[] CONTEXT_AFTER = contextPrefixes("n");
  /** OpenNLP's floor on a candidate's log score. */
  private static final double MIN_SCORE = -100000;

  private final NameWeights weights;
  private final String[] outcomes;
  private final int other;
  private final int beam;
  private final SequenceCodec<String> codec;
  /**
   * Whether outcome {@code o} may follow: at the first token, {@code valid[0][o]}; at the second,
   * after outcome {@code p}, {@code valid[1 + p][o]}; later {@code valid[1 + n + p][o]} (OpenNLP's
   * validator tells the second token apart).
   */
  private final boolean[][] valid;
  private final int[] previousSlot; // "po=" + outcome
  private final int[] beforePreviousSlot; // "ppo=" + outcome
  private final long[] previousWordState; // hash state of "pow=" + outcome + ","
  private final long[] previousClassState; // hash state of "powf=" + outcome + ","
  private final int[] mapSlot; // "pd=" + outcome
  private final int mapNullSlot; // "pd=null"
  private final NerLexicons lexicons;

  private NameDecoder(GISModel model, SequenceCodec<String> codec, int beam, NerLexicons lexicons) {
    this.codec = codec;
    this.beam = beam;
    this.lexicons = lexicons;
    int n = model.getNumOutcomes();
    outcomes = new String[n];
    for (int o = 0; o < n; o++) {
      outcomes[o] = model.getOutcome(o);
    }
    other = Arrays.asList(outcomes).indexOf(OTHER);
    if (other < 0) {
      throw new IllegalArgumentException("the model has no outcome \"other\"");
    }
    @SuppressWarnings("unchecked")
    Map<String, Context> features = (Map<String, Context>) model.getDataStructures()[1];
    weights = new NameWeights(features, n);
    SequenceValidator<String> validator = codec.createSequenceValidator();
    valid = new boolean[1 + 2 * n][n];
    for (int o = 0; o < n; o++) {
      valid[0][o] = validator.validSequence(0, null, new String[0], outcomes[o]);
      for (int p = 0; p < n; p++) {
        valid[1 + p][o] = validator.validSequence(1, null, new String[] {outcomes[p]}, outcomes[o]);
        valid[1 + n + p][o] = validator.validSequence(2, null, new String[] {OTHER, outcomes[p]}, outcomes[o]);
      }
    }
    previousSlot = new int[n];
    beforePreviousSlot = new int[n];
    previousWordState = new long[n];
    previousClassState = new long[n];
    mapSlot = new int[n];
    for (int o = 0; o < n; o++) {
      previousSlot[o] = weights.find(NameWeights.hash("po=" + outcomes[o]));
      beforePreviousSlot[o] = weights.find(NameWeights.hash("ppo=" + outcomes[o]));
      previousWordState[o] = NameWeights.step(NameWeights.start(), "pow=" + outcomes[o] + ",");
      previousClassState[o] = NameWeights.step(NameWeights.start(), "powf=" + outcomes[o] + ",");
      mapSlot[o] = weights.find(NameWeights.hash("pd=" + outcomes[o]));
    }
    mapNullSlot = weights.find(NameWeights.hash("pd=null"));
  }

  private static String[] contextPrefixes(String side) {
    String[] out = new String[CONTEXT_WINDOW + 1];
    out[0] = "ne=";
    for (int k = 1; k <= CONTEXT_WINDOW; k++) {
      out[k] = side + k + "ne=";
    }
    return out;
  }

  /**
   * The decoder of {@code model}, or null when this decoder cannot stand in for {@code
   * NameFinderME} with it: a model of another kind than GIS maximum entropy, or trained with
   * other feature generators than {@link NerTrainer#FEATURES_XML}.
   */
  static NameDecoder of(TokenNameFinderModel model, NerLexicons lexicons) {
    Object maxent = model.getArtifact("nameFinder.model");
    Object descriptor = model.getArtifact("generator.featuregen");
    if (!(maxent instanceof GISModel gis) || !(descriptor instanceof byte[] xml)
        || !new String(xml, StandardCharsets.UTF_8).strip().equals(NerTrainer.FEATURES_XML.strip())) {
      return null;
    }
    java.util.Properties manifest = model.getArtifact("manifest.properties");
    String beamSize = manifest == null ? null : manifest.getProperty("BeamSize");
    int beam = beamSize == null ? 3 : Integer.parseInt(beamSize);
    return new NameDecoder(gis, model.getFactory().createSequenceCodec(), beam, lexicons);
  }

  /** A decoder's state for one thread: the feature generator's caches and the document's previous labels. */
  Session session() {
    return new Session();
  }

  /** A session keeps the weight sums of at most this many words (about 7 MB). */
  private static final int MAX_WORDS = 1 << 14;

  /** The summed weights of a word's own features, and of its features as the word before or after a token; null until needed. */
  private static final class WordSums {
    double[] own;
    double[] previous;
    double[] next;
  }

  final class Session {
    private final NewsFeatures features = new NewsFeatures(lexicons);
    private final NameWeights.Accumulator accumulator = new NameWeights.Accumulator(weights);
    /** The label each word last had in the document (OpenNLP's previous-map feature). */
    private final Map<String, Integer> previous = new HashMap<>();
    /** Weight sums of the words this thread has read (see {@link #baseWeights}). */
    private final Map<String, WordSums> words = new HashMap<>();
    private WordSums[] sentenceWords = new WordSums[64];
    private final int n = outcomes.length;
    private double[] base = new double[0]; // per token, the summed weights of its candidate-independent features
    private double[] probs = new double[0]; // per candidate evaluation, the outcome probabilities
    private final double[] scratch = new double[outcomes.length];
    // Beam search nodes of the current sentence: parent node (-1 for none), outcome, probability, score.
    private int[] parent = new int[256];
    private int[] outcome = new int[256];
    private double[] prob = new double[256];
    private double[] score = new double[256];
    private int nodes;

    private Session() {}

    /** The names of one document, given as its sentences of tokens. */
    List<EntityRecognizer.Name> find(List<String[]> sentences) {
      previous.clear();
      List<String[][]> context = DocumentContext.features(sentences, lexicons);
      List<EntityRecognizer.Name> names = new ArrayList<>();
      for (int s = 0; s < sentences.size(); s++) {
        String[] tokens = sentences.get(s);
        if (tokens.length == 0) {
          continue;
        }
        int[] best = new int[tokens.length];
        double[] bestProbs = new double[tokens.length];
        List<String> labels = new ArrayList<>(tokens.length);
        for (int node = decode(tokens, context.get(s)), i = tokens.length - 1; i >= 0; i--, node = parent[node]) {
          bestProbs[i] = prob[node];
          best[i] = outcome[node];
        }
        for (int i = 0; i < tokens.length; i++) {
          labels.add(outcomes[best[i]]);
          previous.put(tokens[i], best[i]);
        }
        for (Span span : codec.decode(labels)) {
          double p = 0;
          for (int k = span.getStart(); k < span.getEnd(); k++) {
            p += bestProbs[k];
          }
          names.add(new EntityRecognizer.Name(s, span.getStart(), span.getEnd(), span.getType(), p / span.length()));
        }
      }
      return names;
    }

    /**
     * Sums each token's candidate-independent feature weights into {@code base}: the sums of what
     * its word, the word before and the word after say ({@link NewsFeatures#OWN}, {@code PREVIOUS},
     * {@code NEXT}) from {@link #words}, computed at a word's first use; then the features of the
     * token's place in the sentence, the previous-map feature and the document context around it.
     * The parts are always summed separately and then added in the same order, so that a word's
     * sums give the same bits whether they were cached or just computed.
     */
    private void baseWeights(String[] tokens, String[][] context) {
      int len = tokens.length;
      if (base.length < len * n) {
        base = new double[Math.max(len * n, base.length * 2)];
      }
      Arrays.fill(base, 0, len * n, 0);
      if (sentenceWords.length < len) {
        sentenceWords = new WordSums[Math.max(len, sentenceWords.length * 2)];
      }
      for (int i = 0; i < len; i++) {
        if (words.size() >= MAX_WORDS) {
          words.clear(); // a bound on the memory of a thread that reads many different words
        }
        sentenceWords[i] = words.computeIfAbsent(tokens[i], w -> new WordSums());
      }
      for (int i = 0; i < len; i++) {
        int offset = i * n;
        WordSums word = sentenceWords[i];
        if (word.own == null) {
          word.own = sums(tokens, i, NewsFeatures.OWN);
        }
        addTo(word.own, offset);
        if (i > 0) {
          WordSums before = sentenceWords[i - 1];
          if (before.previous == null) {
            before.previous = sums(tokens, i, NewsFeatures.PREVIOUS);
          }
          addTo(before.previous, offset);
        }
        if (i + 1 < len) {
          WordSums after = sentenceWords[i + 1];
          if (after.next == null) {
            after.next = sums(tokens, i, NewsFeatures.NEXT);
          }
          addTo(after.next, offset);
        }
        accumulator.target(base, offset);
        features.features(accumulator, tokens, i, NewsFeatures.REST);
        Integer last = previous.get(tokens[i]);
        weights.addSlot(last == null ? mapNullSlot : mapSlot[last], base, offset);
        for (String f : context[i]) {
          accumulator.add(CONTEXT_BEFORE[0], f);
        }
        for (int k = 1; k <= CONTEXT_WINDOW && i - k >= 0; k++) {
          for (String f : context[i - k]) {
            accumulator.add(CONTEXT_BEFORE[k], f);
          }
        }
        for (int k = 1; k <= CONTEXT_WINDOW && i + k < len; k++) {
          for (String f : context[i + k]) {
            accumulator.add(CONTEXT_AFTER[k], f);
          }
        }
      }
    }

    /** The summed weights of the features of token {@code i} in {@code parts}. */
    private double[] sums(String[] tokens, int i, int parts) {
      double[] sums = new double[n];
      accumulator.target(sums, 0);
      features.features(accumulator, tokens, i, parts);
      return sums;
    }

    private void addTo(double[] sums, int offset) {
      for (int o = 0; o < n; o++) {
        base[offset + o] += sums[o];
      }
    }

    /**
     * Beam search over the sentence as OpenNLP's {@code BeamSearch} does it: at each token the
     * {@code beam} best candidates are extended by each of their {@code beam} likeliest valid
     * outcomes (by all valid outcomes when none is among them).
     *
     * @return the best sequence's last node (its parents are the earlier ones)
     */
    private int decode(String[] tokens, String[][] context) {
      int len = tokens.length;
      baseWeights(tokens, context);
      nodes = 0;
      int[] current = {-1};
      int currentSize = 1;
      int[] next = new int[16];
      // Evaluations at this token, by (previous, before previous) outcome: a candidate sharing both
      // with an earlier one gets the same probabilities.
      int[] evaluated = new int[beam];
      // For each evaluation, the beam-th largest probability: the smallest an extension may have.
      double[] smallestKept = new double[beam];
      double[] largest = new double[beam];
      for (int i = 0; i < len; i++) {
        String token = tokens[i];
        String tokenClass = FeatureGeneratorUtil.tokenFeature(token);
        if (probs.length < beam * n) {
          probs = new double[beam * n];
        }
        int evaluations = 0;
        int nextSize = 0;
        int size = Math.min(beam, currentSize);
        for (int c = 0; c < size; c++) {
          int top = current[c];
          int po = top < 0 ? other : outcome[top];
          int ppo = top < 0 || parent[top] < 0 ? other : outcome[parent[top]];
          int key = po * n + ppo;
          int e = 0;
          while (e < evaluations && evaluated[e] != key) {
            e++;
          }
          if (e == evaluations) {
            evaluated[evaluations++] = key;
            evaluate(i, token, tokenClass, po, ppo, e * n);
            smallestKept[e] = kthLargest(probs, e * n, beam, largest);
          }
          int at = e * n;
          double min = smallestKept[e];
          boolean[] allowed = valid[i == 0 ? 0 : i == 1 ? 1 + po : 1 + n + po];
          double topScore = top < 0 ? 0 : score[top];
          for (int pass = 0; pass < 2; pass++) {
            for (int o = 0; o < n; o++) {
              double p = probs[at + o];
              if ((pass == 1 || p >= min) && allowed[o]) {
                double s = topScore + Math.log(p);
                if (s > MIN_SCORE) {
                  if (nextSize == next.length) {
                    next = Arrays.copyOf(next, nextSize * 2);
                  }
                  next[nextSize++] = node(top, o, p, s);
                }
              }
            }
            if (nextSize > 0) {
              break; // the second pass, all valid outcomes, only when nothing at all was advanced yet
            }
          }
        }
        sortByScore(next, nextSize);
        if (current.length < nextSize) {
          current = new int[next.length];
        }
        System.arraycopy(next, 0, current, 0, nextSize);
        currentSize = nextSize;
        if (currentSize == 0) {
          throw new IllegalStateException("no valid outcome sequence");
        }
      }
      return current[0];
    }

    /** The outcome probabilities after {@code po}, {@code ppo} at token {@code i}, into {@code probs[at...]}. */
    private void evaluate(int i, String token, String tokenClass, int po, int ppo, int at) {
      double[] sums = scratch;
      System.arraycopy(base, i * n, sums, 0, n);
      weights.addSlot(previousSlot[po], sums, 0);
      weights.addFeature(NameWeights.finish(NameWeights.step(previousWordState[po], token)), sums, 0);
      weights.addFeature(NameWeights.finish(NameWeights.step(previousClassState[po], tokenClass)), sums, 0);
      weights.addSlot(beforePreviousSlot[ppo], sums, 0);
      double total = 0;
      for (int o = 0; o < n; o++) {
        double p = Math.exp(sums[o]);
        probs[at + o] = p;
        total += p;
      }
      for (int o = 0; o < n; o++) {
        probs[at + o] /= total;
      }
    }

    private int node(int from, int o, double p, double s) {
      if (nodes == parent.length) {
        int grown = nodes * 2;
        parent = Arrays.copyOf(parent, grown);
        outcome = Arrays.copyOf(outcome, grown);
        prob = Arrays.copyOf(prob, grown);
        score = Arrays.copyOf(score, grown);
      }
      parent[nodes] = from;
      outcome[nodes] = o;
      prob[nodes] = p;
      score[nodes] = s;
      return nodes++;
    }

    /** Stable insertion sort of node ids by descending score (the lists hold a handful). */
    private void sortByScore(int[] ids, int size) {
      for (int a = 1; a < size; a++) {
        int id = ids[a];
        double s = score[id];
        int b = a - 1;
        while (b >= 0 && score[ids[b]] < s) {
          ids[b + 1] = ids[b];
          b--;
        }
        ids[b + 1] = id;
      }
    }
  }

  /**
   * The {@code k}-th largest of {@code values[at..at+n)} counting repeats (the smallest when there
   * are fewer), as OpenNLP's beam search takes it from the sorted probabilities; {@code top} is
   * scratch space of length {@code k}.
   */
  private double kthLargest(double[] values, int at, int k, double[] top) {
    int n = outcomes.length;
    if (k >= n) {
      double min = Double.POSITIVE_INFINITY;
      for (int o = 0; o < n; o++) {
        min = Math.min(min, values[at + o]);
      }
      return min;
    }
    Arrays.fill(top, Double.NEGATIVE_INFINITY); // descending
    for (int o = 0; o < n; o++) {
      double v = values[at + o];
      if (v > top[k - 1]) {
        int b = k - 1;
        while (b > 0 && top[b - 1] < v) {
          top[b] = top[b - 1];
          b--;
        }
        top[b] = v;
      }
    }
    return top[k - 1];
  }
}
