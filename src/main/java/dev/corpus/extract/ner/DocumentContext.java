package dev.corpus.extract.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Features a token gets from the rest of its document, so that one article tags a name the same
 * way each time: whether the word also appears in lower case (then it is probably not a name),
 * whether it appears capitalised mid-sentence (then it probably is), and, for words in capitals
 * (headlines), the clusters of the word's ordinary spelling elsewhere in the document.
 */
final class DocumentContext {

  private DocumentContext() {}

  /** For each sentence of a document, for each token, its document features. */
  static List<String[][]> features(List<String[]> sentences, NerLexicons lexicons) {
    Map<String, int[]> seen = new HashMap<>(); // lower form -> {lower case, capitalised mid-sentence}
    for (String[] tokens : sentences) {
      boolean headline = isAllCaps(tokens);
      for (int i = 0; i < tokens.length; i++) {
        String t = tokens[i];
        if (!Character.isLetter(t.charAt(0))) {
          continue;
        }
        int[] counts = seen.computeIfAbsent(NerLexicons.lower(t), k -> new int[2]);
        if (Character.isLowerCase(t.charAt(0))) {
          counts[0]++;
        } else if (i > 0 && !headline && !isAllCaps(t)) {
          counts[1]++;
        }
      }
    }
    List<String[][]> out = new ArrayList<>(sentences.size());
    List<String> f = new ArrayList<>(4);
    for (String[] tokens : sentences) {
      String[][] perToken = new String[tokens.length][];
      for (int i = 0; i < tokens.length; i++) {
        String t = tokens[i];
        f.clear();
        if (Character.isUpperCase(t.charAt(0))) {
          String lower = NerLexicons.lower(t);
          int[] counts = seen.get(lower);
          if (counts != null) {
            if (counts[0] > 0) {
              f.add("doc=lower");
            }
            if (counts[1] > 0) {
              f.add("doc=capmid");
            }
          }
          if (isAllCaps(t) && t.length() > 1) {
            String[] c = lexicons.clusters(NewsFeatures.titleCase(lower));
            if (c != null && counts != null && counts[1] > 0) {
              f.add("doc,c512=" + c[1]);
            }
          }
        }
        perToken[i] = f.toArray(String[]::new);
      }
      out.add(perToken);
    }
    return out;
  }

  private static boolean isAllCaps(String t) {
    boolean letter = false;
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  private static boolean isAllCaps(String[] tokens) {
    int caps = 0;
    int words = 0;
    for (String t : tokens) {
      if (Character.isLetter(t.charAt(0))) {
        words++;
        if (isAllCaps(t)) {
          caps++;
        }
      }
    }
    return words >= 3 && caps * 10 >= words * 8;
  }
}
