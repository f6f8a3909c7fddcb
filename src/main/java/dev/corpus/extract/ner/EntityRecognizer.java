package dev.corpus.extract.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Finds names in tokenised documents with the trained model ({@code en-news-ner.bin}, see
 * {@code docs/ner-model.md}). The model is decoded by {@link NameDecoder}, which gives OpenNLP's
 * {@code NameFinderME}'s names several times faster; a model it cannot decode (another kind or
 * other features) is decoded by {@code NameFinderME}. Thread-safe: the model is shared, each
 * thread has its own decoder state.
 */
public final class EntityRecognizer {

  /** The model resource beside this class. */
  public static final String MODEL_RESOURCE = "en-news-ner.bin";

  /** A name found: tokens {@code [start, end)} of sentence {@code sentence}. */
  public record Name(int sentence, int start, int end, String type, double probability) {}

  private final TokenNameFinderModel model;
  private final NerLexicons lexicons;
  /**
   * For a model {@link NameDecoder} cannot decode: one finder per thread, reused from document to
   * document with its adaptive data cleared: building a {@code NameFinderME} parses the model's feature configuration again, about 4 % of
   * indexing time when done per document.
   */
  private final ThreadLocal<NameFinderME> finders;
  /** The fast decoder of the model, or null when it cannot decode it. */
  private final NameDecoder decoder;
  private final ThreadLocal<NameDecoder.Session> sessions;

  public EntityRecognizer(TokenNameFinderModel model, NerLexicons lexicons) {
    this(model, lexicons, true);
  }

  /** With {@code fast} false, always decodes with OpenNLP's {@code NameFinderME} (to compare the two). */
  EntityRecognizer(TokenNameFinderModel model, NerLexicons lexicons, boolean fast) {
    this.model = model;
    this.lexicons = lexicons;
    this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
    this.decoder = fast ? NameDecoder.of(model, lexicons) : null;
    this.sessions = decoder == null ? null : ThreadLocal.withInitial(decoder::session);
  }

  /** Whether names are found by {@link NameDecoder} rather than by OpenNLP's {@code NameFinderME}. */
  boolean fastDecoding() {
    return decoder != null;
  }

  /** The recognizer of the model shipped in the jar. */
  public static EntityRecognizer shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final EntityRecognizer INSTANCE = load();

    private static EntityRecognizer load() {
      try (InputStream in = EntityRecognizer.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the entity model " + MODEL_RESOURCE + " is missing from the jar");
        }
        return new EntityRecognizer(new TokenNameFinderModel(in), NerLexicons.shared());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the entity model", e);
      }
    }
  }

  /** The names in one document, given as its sentences of tokens. */
  public List<Name> find(List<String[]> sentences) {
    if (decoder != null) {
      return sessions.get().find(sentences);
    }
    NameFinderME finder = finders.get();
    finder.clearAdaptiveData(); // what earlier documents taught the previous-map features
    List<String[][]> context = DocumentContext.features(sentences, lexicons);
    List<Name> names = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      String[] tokens = sentences.get(s);
      Span[] spans = finder.find(tokens, context.get(s));
      double[] probs = finder.probs(spans);
      for (int k = 0; k < spans.length; k++) {
        names.add(new Name(s, spans[k].getStart(), spans[k].getEnd(), spans[k].getType(), probs[k]));
      }
    }
    return names;
  }
}
