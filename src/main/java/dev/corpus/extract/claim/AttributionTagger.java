package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityMention;
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
import java.util.zip.GZIPInputStream;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * Tags each token of an article as part of a source, a cue or a content of an attribution, or of
 * none: PolNeAR's annotation is univocal (a token has at most one of these roles), so finding
 * attributions is sequence tagging. The model is a maximum-entropy tagger over the features of
 * {@link AttributionFeatures} and the two tags before each token, decoded with a beam search that
 * allows only well-formed tag sequences (an inside tag continues a span of its own kind). It is
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

  /** Passages longer than this are cut at a sentence boundary: the beam search's cost is linear, but a passage is one unit of work. */
  static final int MAX_PASSAGE_TOKENS = 300;

  private static final int BEAM = 3;

  private final MaxentModel model;
  private final BeamSearch beam;
  private final AttributionFeatures features;
  private final Tokenizer tokenizer = new Tokenizer();

  AttributionTagger(MaxentModel model, AttributionFeatures features) {
    this.model = model;
    this.beam = new BeamSearch(BEAM, model);
    this.features = features;
  }

  /** The tagger with the model shipped in the jar. */
  static AttributionTagger shipped(Cues cues) {
    try (InputStream in = AttributionTagger.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the attribution model " + RESOURCE + " is missing from the jar");
      }
      MaxentModel m = new GenericModelReader(new BinaryFileDataReader(new BufferedInputStream(new GZIPInputStream(in)))).getModel();
      return new AttributionTagger(m, new AttributionFeatures(NerLexicons.shared(), cues));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attribution model " + RESOURCE, e);
    }
  }

  /** A passage with its tags, one per token. */
  record Tagged(AttributionFeatures.Passage passage, String[] tags) {}

  /** The passages of {@code body}: the sentences of each paragraph, cut at {@link #MAX_PASSAGE_TOKENS}. */
  List<AttributionFeatures.Passage> passages(String body) {
    return passages(body, tokenizer.sentences(body));
  }

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
    CodePoints cp = new CodePoints(body);
    List<Tagged> out = new ArrayList<>();
    for (AttributionFeatures.Passage p : passages(body)) {
      String[][] f = features.features(p, mentions, cp);
      Integer[] index = new Integer[f.length];
      for (int i = 0; i < index.length; i++) {
        index[i] = i;
      }
      Sequence best = beam.bestSequence(index, f, CONTEXT, VALID);
      String[] tags = best == null ? null : best.getOutcomes().toArray(String[]::new);
      if (tags == null || tags.length != index.length) {
        tags = new String[index.length];
        java.util.Arrays.fill(tags, OUTSIDE);
      }
      out.add(new Tagged(p, tags));
    }
    return out;
  }

  AttributionFeatures features() {
    return features;
  }

  /**
   * The features of token {@code i}: its static features and those of the tags before it. The
   * additional context is the passage's static feature table.
   */
  static String[] context(int i, String[][] statics, String[] priorTags) {
    String po = i > 0 ? priorTags[i - 1] : "<s>";
    String ppo = i > 1 ? priorTags[i - 2] : "<s>";
    String[] s = statics[i];
    String[] out = new String[s.length + 5];
    System.arraycopy(s, 0, out, 0, s.length);
    out[s.length] = "po=" + po;
    out[s.length + 1] = "ppo=" + ppo + "|" + po;
    out[s.length + 2] = "pow=" + po + "|" + s[2]; // s[2] is "w0=…"
    out[s.length + 3] = "poq=" + po + "|" + quoteFeature(s);
    out[s.length + 4] = "pocue=" + po + "|" + cueFeature(s);
    return out;
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

  private static final BeamSearchContextGenerator<Integer> CONTEXT =
      (i, sequence, priorTags, additional) -> context(i, (String[][]) additional, priorTags);

  /** An inside tag continues a span of its own kind. */
  static final SequenceValidator<Integer> VALID = (i, sequence, priorTags, tag) -> {
    if (!tag.startsWith("I-")) {
      return true;
    }
    if (i == 0) {
      return false;
    }
    String prev = priorTags[i - 1];
    return prev.length() > 2 && prev.charAt(2) == tag.charAt(2);
  };
}
