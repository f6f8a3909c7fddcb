package dev.corpus.extract.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllFileTest {

  @Test
  void readsDocumentsSentencesAndIob1Chunks(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.conll");
    Files.writeString(file, """
        -DOCSTART- -X- O O

        EU NNP I-NP I-ORG
        rejects VBZ I-VP O
        German JJ I-NP I-MISC
        call NN I-NP O

        Peter NNP I-NP I-PER
        Blackburn NNP I-NP I-PER
        Paris NNP I-NP I-LOC
        Texas NNP I-NP B-LOC

        -DOCSTART- -X- O O

        Kim NNP I-NP B-PER
        Jong NNP I-NP I-PER
        Un NNP I-NP I-PER
        """);
    List<ConllFile.Document> docs = ConllFile.read(file);
    assertEquals(2, docs.size());
    assertEquals(8, docs.get(0).tokenCount());
    assertEquals(List.of(new ConllFile.Chunk(0, 1, "ORG"), new ConllFile.Chunk(2, 3, "MISC")), docs.get(0).sentences().get(0).chunks());
    assertEquals(
        List.of(new ConllFile.Chunk(0, 2, "PERSON"), new ConllFile.Chunk(2, 3, "LOC"), new ConllFile.Chunk(3, 4, "LOC")),
        docs.get(0).sentences().get(1).chunks());
    assertEquals(List.of(new ConllFile.Chunk(0, 3, "PERSON")), docs.get(1).sentences().get(0).chunks());
  }
}
