package dev.corpus.extract.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.corpus.extract.text.Token;
import dev.corpus.extract.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Test;

/**
 * {@link NameDecoder} finds the names OpenNLP's {@code NameFinderME} finds with the shipped model,
 * with the same probabilities up to rounding.
 */
class NameDecoderTest {

  private static final Path TESTA = Path.of("..", "shared", "data", "conll2003", "eng.testa");

  private static final TokenNameFinderModel MODEL = load();

  private static TokenNameFinderModel load() {
    try (InputStream in = EntityRecognizer.class.getResourceAsStream(EntityRecognizer.MODEL_RESOURCE)) {
      return new TokenNameFinderModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final EntityRecognizer FAST = new EntityRecognizer(MODEL, NerLexicons.shared(), true);
  private static final EntityRecognizer OPENNLP = new EntityRecognizer(MODEL, NerLexicons.shared(), false);

  @Test
  void theShippedModelIsDecodedFast() {
    assertTrue(FAST.fastDecoding());
    assertTrue(!OPENNLP.fastDecoding());
  }

  @Test
  void aFeatureHashedPieceByPieceIsTheHashOfTheWholeName() {
    long pieces = NameWeights.finish(NameWeights.step(NameWeights.step(NameWeights.start(), "w-1,w="), "harbour,", 0, 8));
    assertEquals(NameWeights.hash("w-1,w=harbour,"), pieces);
    assertTrue(NameWeights.hash("w=Oslo") != NameWeights.hash("w=oslo"));
  }

  @Test
  void findsTheNamesOfNameFinderMeInOwnTexts() {
    List<String> texts = List.of(
        "The mayor of Tromsø, Kari Nordby, opened the new ferry terminal on Monday. Nordby said the "
            + "Hurtigruten line would stop there twice a day from June.",
        "FLOODS CLOSE ROADS IN NORTHERN PORTUGAL\nHeavy rain closed roads around Braga and Viana do "
            + "Castelo, the civil protection agency said. Agency spokesman Rui Matos said crews from Porto "
            + "were on their way.",
        "Shares of Fjordline Holdings rose 4 percent in Oslo after the company won a contract from the "
            + "European Space Agency. Analysts at Nordea Markets called the deal a surprise.",
        "Kim Jong Un met Choe Son Hui in Pyongyang. Kim said the talks with Moscow went well.",
        "", ".", "a", "1,250 tonnes");
    Tokenizer tokenizer = new Tokenizer();
    for (String text : texts) {
      List<String[]> sentences = new ArrayList<>();
      for (Tokenizer.Sentence s : tokenizer.sentences(text)) {
        sentences.add(s.tokens().stream().map(Token::text).toArray(String[]::new));
      }
      assertSameNames(OPENNLP.find(sentences), FAST.find(sentences), text);
    }
  }

  /** On the development set (where {@code ../shared} is present): every name of every document. */
  @Test
  void findsTheNamesOfNameFinderMeOnTheDevelopmentSet() throws IOException {
    assumeTrue(Files.isRegularFile(TESTA), "../shared absent: skipped");
    for (ConllFile.Document doc : ConllFile.read(TESTA)) {
      List<String[]> sentences = doc.sentences().stream().map(s -> s.tokens().toArray(String[]::new)).toList();
      assertSameNames(OPENNLP.find(sentences), FAST.find(sentences), String.join(" ", sentences.get(0)));
    }
  }

  private static void assertSameNames(List<EntityRecognizer.Name> expected, List<EntityRecognizer.Name> actual, String text) {
    assertEquals(expected.size(), actual.size(), () -> text + "\n" + expected + "\n" + actual);
    for (int k = 0; k < expected.size(); k++) {
      EntityRecognizer.Name e = expected.get(k);
      EntityRecognizer.Name a = actual.get(k);
      assertEquals(List.of(e.sentence(), e.start(), e.end(), e.type()), List.of(a.sentence(), a.start(), a.end(), a.type()), text);
      assertEquals(e.probability(), a.probability(), 1e-9, text);
    }
  }
}
