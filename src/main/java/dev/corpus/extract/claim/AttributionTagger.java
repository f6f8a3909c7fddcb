package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.ml.FeatureWeights;
import dev.corpus.extract.ner.NerLexicons;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Tags each token of an article as part of a source, a cue or a content of an attribution, or of
 * none: PolNeAR's annotation is univocal (a token has at most one of these roles), so finding
 * attributions is sequence tagging. The model is a maximum-entropy tagger over the features of
 * {@link AttributionFeatures} and the two tags before each token, decoded with a beam search that
 * allows only well-formed tag sequences (an inside tag continues a span of its own kind;
 * {@link #decode}). It is
 * trained from PolNeAR train by {@code scripts/train-attribution.sh} ({@link AttributionTrainer});
 * {@code docs/attribution-model.md} is its model card. Thread-safe.
 *
 * <p>Tags are BIO over three kinds: {@code B-S}/{@code I-S} source, {@code B-C}/{@code I-C} cue,
 * {@code B-T}/{@code I-T} content, {@code O} none.
 */
final class AttributionTagger {

  /** The model shipped in the jar (gzip-compressed OpenNLP binary model). */
  static final String RESOURCE = "attribution-tagger.bin.gz";

  static final String OUTSIDE = "O";

  /** What the previous-tag features say before a passage's first token. */
  private static final String START = "<s>";

  /**
   * A paragraph's sentences are gathered into one passage up to this many tokens, then a new
   * passage starts at the next sentence; one longer sentence (the tokenizer cuts at 400) is a
   * passage of its own.
   */
  static final int MAX_PASSAGE_TOKENS = 300;

  private static final int BEAM = 3;

  private final MaxentModel model;
  /** The model's weights (GIS models): for each feature, the outcomes it has a weight for and the weights; null for other models. */
  private final FeatureWeights weights;
  private final String[] outcomes;
  /** The outcomes and, at index {@code outcomes.length}, the passage start "<s>": what the previous-tag features name. */
  private final String[] priorNames;
  private final double[][][][][] priorWeights;
  private final AttributionFeatures features;
  private final Tokenizer tokenizer = new Tokenizer();

  AttributionTagger(MaxentModel model, AttributionFeatures features) {
    this.model = model;
    this.features = features;
    this.outcomes = new String[model.getNumOutcomes()];
    for (int o = 0; o < outcomes.length; o++) {
      outcomes[o] = model.getOutcome(o);
    }
    this.priorNames = java.util.Arrays.copyOf(outcomes, outcomes.length + 1);
    priorNames[outcomes.length] = START;
    if (model instanceof GISModel gis) {
      Object[] structures = gis.getDataStructures();
      @SuppressWarnings("unchecked")
      Map<String, Context> pmap = (Map<String, Context>) structures[1];
      this.weights = new FeatureWeights(pmap, outcomes.length);
      this.priorWeights = priorWeights();
    } else {
      // Another learner (the trainer's --algorithm PERCEPTRON or MAXENT_QN): decoded through
      // MaxentModel.eval, slower, for comparisons only; the shipped model is GIS.
      this.weights = null;
      this.priorWeights = null;
    }
  }

  /** The tagger with the model shipped in the jar. */
  static AttributionTagger shipped(Cues cues) {
    try (InputStream in = AttributionTagger.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the attribution model " + RESOURCE + " is missing from the jar");
      }
      return new AttributionTagger(read(in), new AttributionFeatures(NerLexicons.shared(), cues));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attribution model " + RESOURCE, e);
    }
  }

  /** A model as {@link AttributionTrainer} writes it: OpenNLP's binary model format, gzip-compressed. */
  static MaxentModel read(InputStream gzipped) throws IOException {
    return new GenericModelReader(new BinaryFileDataReader(new BufferedInputStream(new GZIPInputStream(gzipped)))).getModel();
  }

  /** A passage with its tags, one per token. */
  record Tagged(AttributionFeatures.Passage passage, String[] tags) {}

  /** The passages of {@code body}, split into {@code sentences}: the sentences of each paragraph, gathered up to {@link #MAX_PASSAGE_TOKENS}. */
  static List<AttributionFeatures.Passage> passages(String body, List<Tokenizer.Sentence> sentences) {
    List<AttributionFeatures.Passage> out = new ArrayList<>();
    List<Token> tokens = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int lastEnd = -1;
    for (Tokenizer.Sentence s : sentences) {
      if (s.tokens().isEmpty()) {
        continue;
      }
      boolean paragraph = lastEnd >= 0 && Tokenizer.blankLineBetween(body, lastEnd, s.tokens().getFirst().start());
      if (!tokens.isEmpty() && (paragraph || tokens.size() + s.tokens().size() > MAX_PASSAGE_TOKENS)) {
        out.add(passage(tokens, starts));
        tokens = new ArrayList<>();
        starts = new ArrayList<>();
      }
      starts.add(tokens.size());
      tokens.addAll(s.tokens());
      lastEnd = s.tokens().getLast().end();
    }
    if (!tokens.isEmpty()) {
      out.add(passage(tokens, starts));
    }
    return out;
  }

  private static AttributionFeatures.Passage passage(List<Token> tokens, List<Integer> starts) {
    int[] sentenceOf = new int[tokens.size()];
    int[] sentenceStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    for (int s = 0; s < sentenceStarts.length; s++) {
      int end = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : tokens.size();
      for (int k = sentenceStarts[s]; k < end; k++) {
        sentenceOf[k] = s;
      }
    }
    return new AttributionFeatures.Passage(List.copyOf(tokens), sentenceOf, sentenceStarts);
  }

  /** The tagged passages of {@code body}, whose entity mentions are {@code mentions}. */
  List<Tagged> tag(String body, List<EntityMention> mentions) {
    return tag(body, tokenizer.sentences(body), mentions);
  }

  /** The same, for {@code body} already split into {@code sentences} (the rules' tokenisation). */
  List<Tagged> tag(String body, List<Tokenizer.Sentence> sentences, List<EntityMention> mentions) {
    CodePoints cp = new CodePoints(body);
    List<Tagged> out = new ArrayList<>();
    for (AttributionFeatures.Passage p : passages(body, sentences)) {
      out.add(new Tagged(p, decode(features.features(p, mentions, cp))));
    }
    return out;
  }

  /**
   * The best tag sequence for a passage's static features: a beam search over the model's
   * probabilities (every valid tag competes at each step, where OpenNLP's {@code BeamSearch}
   * first keeps each entry's three likeliest tags: on PolNeAR dev the two agree on every token,
   * on train they differ in one passage of 16,408), computed from the model's weights directly. The model is log-linear (a tag's probability is the softmax of the summed
   * weights of the features present), so the static features' weights are summed once per token
   * instead of once per beam entry, and those of the previous-tag features that do not involve
   * the word once per model ({@link #priorWeights}). Same tags as evaluating every context
   * through {@code MaxentModel.eval} (checked on PolNeAR dev and train: no token differs), several
   * times faster. A model of another learner is decoded through {@code eval}.
   */
  String[] decode(String[][] statics) {
    int n = statics.length;
    int k = outcomes.length;
    int[][] tagAt = new int[n][BEAM];
    int[][] parent = new int[n][BEAM];
    double[] score = new double[BEAM];
    int size = 1;
    double[] nextScore = new double[BEAM];
    int[] nextTag = new int[BEAM];
    int[] nextParent = new int[BEAM];
    double[] fixed = new double[k];
    double[] total = new double[k];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(fixed, 0);
      String[] st = statics[i];
      if (weights != null) {
        for (String f : st) {
          weights.add(f, fixed);
        }
      }
      int q = quoteFeature(st).equals("in") ? 1 : 0;
      int c = cueFeature(st).equals("cue") ? 1 : 0;
      int nextSize = 0;
      for (int b = 0; b < size; b++) {
        int po = i > 0 ? tagAt[i - 1][b] : k;
        int ppo = i > 1 ? tagAt[i - 2][parent[i - 1][b]] : k;
        if (weights != null) {
          double[] prior = priorWeights[ppo][po][q][c];
          for (int o = 0; o < k; o++) {
            total[o] = fixed[o] + prior[o];
          }
          weights.add("pow=" + priorNames[po] + "|" + st[2], total);
        } else {
          double[] p = model.eval(withPrior(st, priorNames[ppo], priorNames[po]));
          for (int o = 0; o < k; o++) {
            total[o] = Math.log(p[o]);
          }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < k; o++) {
          max = Math.max(max, total[o]);
        }
        double z = 0;
        for (int o = 0; o < k; o++) {
          z += Math.exp(total[o] - max);
        }
        double logZ = max + Math.log(z);
        for (int o = 0; o < k; o++) {
          if (!valid(priorNames[po], outcomes[o])) {
            continue;
          }
          double s = score[b] + total[o] - logZ;
          int at = nextSize; // keep the BEAM best candidates, best first
          while (at > 0 && nextScore[at - 1] < s) {
            at--;
          }
          if (at >= BEAM) {
            continue;
          }
          for (int m = Math.min(nextSize, BEAM - 1); m > at; m--) {
            nextScore[m] = nextScore[m - 1];
            nextTag[m] = nextTag[m - 1];
            nextParent[m] = nextParent[m - 1];
          }
          nextScore[at] = s;
          nextTag[at] = o;
          nextParent[at] = b;
          nextSize = Math.min(nextSize + 1, BEAM);
        }
      }
      for (int b = 0; b < nextSize; b++) {
        score[b] = nextScore[b];
        tagAt[i][b] = nextTag[b];
        parent[i][b] = nextParent[b];
      }
      size = nextSize;
    }
    String[] tags = new String[n];
    int b = 0; // the best entry
    for (int i = n - 1; i >= 0; i--) {
      tags[i] = outcomes[tagAt[i][b]];
      b = parent[i][b];
    }
    return tags;
  }

  /**
   * The summed weights of the previous-tag features that do not involve the word, for each
   * previous pair of tags (index {@code outcomes.length} is the passage start), quotation and
   * cue flag.
   */
  private double[][][][][] priorWeights() {
    int k = outcomes.length;
    double[][][][][] out = new double[k + 1][k + 1][2][2][];
    for (int ppo = 0; ppo <= k; ppo++) {
      for (int po = 0; po <= k; po++) {
        for (int q = 0; q < 2; q++) {
          for (int c = 0; c < 2; c++) {
            double[] w = new double[k];
            String[] d = dynamic(new String[] {"", "", "w0=", q == 1 ? "q=in" : "q=out", c == 1 ? "cue0" : ""}, priorNames[ppo], priorNames[po]);
            for (String f : d) {
              if (!f.startsWith("pow=")) {
                weights.add(f, w);
              }
            }
            out[ppo][po][q][c] = w;
          }
        }
      }
    }
    return out;
  }

  private static boolean valid(String previous, String tag) {
    if (!tag.startsWith("I-")) {
      return true;
    }
    return previous.length() > 2 && previous.charAt(2) == tag.charAt(2);
  }

  /**
   * The features of token {@code i}: its static features and those of the tags before it. The
   * additional context is the passage's static feature table.
   */
  static String[] context(int i, String[][] statics, String[] priorTags) {
    return withPrior(statics[i], i > 1 ? priorTags[i - 2] : START, i > 0 ? priorTags[i - 1] : START);
  }

  /** Static features {@code s} followed by those of the tags {@code ppo}, {@code po} before the token. */
  private static String[] withPrior(String[] s, String ppo, String po) {
    String[] d = dynamic(s, ppo, po);
    String[] out = java.util.Arrays.copyOf(s, s.length + d.length);
    System.arraycopy(d, 0, out, s.length, d.length);
    return out;
  }

  /** The features of the two tags before a token whose static features are {@code s}. */
  static String[] dynamic(String[] s, String ppo, String po) {
    return new String[] {
      "po=" + po,
      "ppo=" + ppo + "|" + po,
      "pow=" + po + "|" + s[2], // s[2] is "w0=…"
      "poq=" + po + "|" + quoteFeature(s),
      "pocue=" + po + "|" + cueFeature(s)};
  }

  private static String quoteFeature(String[] s) {
    for (String f : s) {
      if (f.equals("q=in")) {
        return "in";
      }
    }
    return "out";
  }

  private static String cueFeature(String[] s) {
    for (String f : s) {
      if (f.equals("cue0")) {
        return "cue";
      }
    }
    return "-";
  }
}
