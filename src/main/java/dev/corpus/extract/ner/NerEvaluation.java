package dev.corpus.extract.ner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Scores an {@link EntityRecognizer} on gold-labelled CoNLL documents. */
public final class NerEvaluation {

  private NerEvaluation() {}

  /** The scores of {@code recognizer} on {@code documents}, read from {@code file}. */
  public static NerScores score(EntityRecognizer recognizer, List<ConllFile.Document> documents, String file) {
    Map<String, int[]> counts = new TreeMap<>(); // type -> {gold, predicted, correct}
    int tokens = 0;
    for (ConllFile.Document doc : documents) {
      tokens += doc.tokenCount();
      List<String[]> sentences = new ArrayList<>();
      for (ConllFile.Sentence s : doc.sentences()) {
        sentences.add(s.tokens().toArray(String[]::new));
      }
      Set<String> gold = new HashSet<>();
      for (int s = 0; s < doc.sentences().size(); s++) {
        for (ConllFile.Chunk c : doc.sentences().get(s).chunks()) {
          gold.add(key(s, c.start(), c.end(), c.type()));
          counts.computeIfAbsent(c.type(), k -> new int[3])[0]++;
        }
      }
      for (EntityRecognizer.Name name : recognizer.find(sentences)) {
        int[] c = counts.computeIfAbsent(name.type(), k -> new int[3]);
        c[1]++;
        if (gold.contains(key(name.sentence(), name.start(), name.end(), name.type()))) {
          c[2]++;
        }
      }
    }
    List<NerScores.Score> types = new ArrayList<>();
    int[] all = new int[3];
    counts.forEach((type, c) -> {
      types.add(NerScores.Score.of(type, c[0], c[1], c[2]));
      for (int k = 0; k < 3; k++) {
        all[k] += c[k];
      }
    });
    return new NerScores(file, documents.size(), tokens, NerScores.Score.of("ALL", all[0], all[1], all[2]), types);
  }

  private static String key(int sentence, int start, int end, String type) {
    return sentence + ":" + start + ":" + end + ":" + type;
  }
}
