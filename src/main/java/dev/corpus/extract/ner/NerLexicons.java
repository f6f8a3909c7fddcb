package dev.corpus.extract.ner;

import dev.corpus.ResourceLines;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists and word clusters the entity model's features look up: gazetteers (countries,
 * places, nationalities, first names, organisation words, person titles) and distributional
 * word clusters. Immutable; loaded once from the resources beside this class.
 *
 * <p>This is the one process-wide instance in the extractor ({@link #shared()}): the model's
 * feature generator is built by OpenNLP from the model file by class name, so it cannot be handed
 * its lexicons; they are read-only data, like the model itself.
 */
public final class NerLexicons {

  /** Gazetteer list names, as they appear in features. */
  static final List<String> LISTS =
      List.of("countries", "places", "nationalities", "first-names", "surnames", "org-words", "person-titles");

  /** Lists of proper names, matched only where the text is capitalised. */
  private static final List<String> PROPER = List.of("countries", "places", "nationalities", "first-names", "surnames");

  private final Map<String, List<String>> phrases;
  /** Every phrase's beginnings that are shorter than it by one word or more: where a match may go on. */
  private final Set<String> beginnings;
  private final int longestPhrase;
  private final Map<String, String[]> clusters;

  private NerLexicons(Map<String, List<String>> phrases, int longestPhrase, Map<String, String[]> clusters) {
    this.phrases = phrases;
    Set<String> starts = new HashSet<>();
    for (String phrase : phrases.keySet()) {
      for (int space = phrase.indexOf(' '); space > 0; space = phrase.indexOf(' ', space + 1)) {
        starts.add(phrase.substring(0, space));
      }
    }
    this.beginnings = Set.copyOf(starts);
    this.longestPhrase = longestPhrase;
    this.clusters = clusters;
  }

  private static final class Holder {
    static final NerLexicons INSTANCE = load();
  }

  /** The lexicons of the resources. */
  public static NerLexicons shared() {
    return Holder.INSTANCE;
  }

  private static NerLexicons load() {
    Map<String, List<String>> phrases = new HashMap<>();
    int longest = 1;
    dev.corpus.extract.text.Tokenizer tokenizer = new dev.corpus.extract.text.Tokenizer();
    for (String list : LISTS) {
      for (String entry : entries(list)) {
        List<String> tokens = tokenizer.tokens(entry).stream().map(t -> lower(t.text())).toList();
        if (tokens.isEmpty()) {
          continue;
        }
        longest = Math.max(longest, tokens.size());
        List<String> lists = phrases.computeIfAbsent(String.join(" ", tokens), k -> new ArrayList<>(2));
        if (!lists.contains(list)) {
          lists.add(list);
        }
      }
    }
    Map<String, String[]> clusters = new HashMap<>();
    for (String line : lines("clusters.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length >= 3) {
        clusters.put(cols[0], new String[] {cols[1], cols[2]});
      }
    }
    return new NerLexicons(Map.copyOf(phrases), longest, Map.copyOf(clusters));
  }

  /**
   * The entries of one gazetteer list. The places are those of {@code places.txt} and the
   * capitals of {@code capitals.tsv}, which keeps each capital with the country it stands for.
   */
  private static List<String> entries(String list) {
    List<String> entries = new ArrayList<>(lines("gazetteer/" + list + ".txt"));
    if (list.equals("places")) {
      for (String line : lines("gazetteer/capitals.tsv")) {
        entries.add(line.split("\t")[0].strip());
      }
    }
    return entries;
  }

  private static List<String> lines(String name) {
    return ResourceLines.read(NerLexicons.class, name);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * The gazetteer matches of a sentence: for each token, features {@code list:B} or {@code list:I}
   * of the longest list entry covering it, or null where none does.
   */
  String[][] gazetteer(String[] tokens) {
    String[][] marks = new String[tokens.length][];
    int i = 0;
    while (i < tokens.length) {
      int matched = 0;
      List<String> lists = null;
      StringBuilder key = new StringBuilder();
      for (int len = 1; len <= longestPhrase && i + len <= tokens.length; len++) {
        if (len > 1) {
          key.append(' ');
        }
        key.append(lower(tokens[i + len - 1]));
        String phrase = key.toString();
        List<String> found = phrases.get(phrase);
        if (found != null) {
          List<String> usable = usable(found, tokens[i]);
          if (!usable.isEmpty()) {
            matched = len;
            lists = usable;
          }
        }
        if (!beginnings.contains(phrase)) {
          break; // no longer entry starts with these words
        }
      }
      if (matched == 0) {
        i++;
        continue;
      }
      for (int k = 0; k < matched; k++) {
        String[] f = new String[lists.size()];
        for (int l = 0; l < f.length; l++) {
          f[l] = lists.get(l) + (k == 0 ? ":B" : ":I");
        }
        marks[i + k] = f;
      }
      i += matched;
    }
    return marks;
  }

  private static List<String> usable(List<String> lists, String firstToken) {
    boolean capitalised = Character.isUpperCase(firstToken.codePointAt(0));
    if (capitalised) {
      return lists;
    }
    return lists.stream().filter(l -> !PROPER.contains(l)).toList();
  }

  /** The clusters of {@code word} (coarse, fine), or null when it is not in the cluster file. */
  public String[] clusters(String word) {
    return clusters.get(word);
  }

  public int clusterWords() {
    return clusters.size();
  }
}
