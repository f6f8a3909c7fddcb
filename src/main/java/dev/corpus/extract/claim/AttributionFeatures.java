package dev.corpus.extract.claim;

import dev.corpus.extract.entity.EntityMention;
import dev.corpus.extract.ner.EntityType;
import dev.corpus.extract.ner.NerLexicons;
import dev.corpus.extract.text.CodePoints;
import dev.corpus.extract.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The features of the attribution tagger ({@link AttributionTagger}) for one passage: a paragraph's
 * sentences, tagged as one sequence so a quotation or a content may run from one sentence into
 * the next. Each token's features that do not depend on the tags before it are computed once
 * here; the tagger adds those that do (the previous tags).
 *
 * <p>What a token is described by, and why each helps to tell source, cue and content apart:
 * <ul>
 *   <li>the word and its neighbours (±2), lower-cased, and word bigrams: cue verbs and nouns
 *       ("said", "according to", "allegations of") and the words that open a content ("that");
 *   <li>the word's shape and last three letters, and its two word clusters (the same clusters as
 *       the entity model, learnt from news text): they generalise to words the training set lacks;
 *   <li>whether the word, or one beside it, is a listed reporting verb ({@code cues.txt}), and how
 *       far the nearest listed cue is on each side within the sentence: contents sit next to cues;
 *   <li>whether the token is inside a quotation, opens or closes one: a quotation is nearly always
 *       a content;
 *   <li>the entity type of the name the token is part of (person, organisation, place): sources
 *       are mostly people and organisations;
 *   <li>where the token is in its sentence and the sentence in its paragraph.
 * </ul>
 */
final class AttributionFeatures {

  private static final String[] NONE = {};

  private final NerLexicons lexicons;
  private final Cues cues;

  AttributionFeatures(NerLexicons lexicons, Cues cues) {
    this.lexicons = lexicons;
    this.cues = cues;
  }

  /** One passage to tag: its tokens and, for each, the index of its sentence in the passage. */
  record Passage(List<Token> tokens, int[] sentenceOf, int[] sentenceStarts) {}

  /**
   * The static features of each token of {@code passage}.
   *
   * @param mentions the article's entity mentions (code point offsets, text order)
   * @param cp code point offsets of the article body
   */
  String[][] features(Passage passage, List<EntityMention> mentions, CodePoints cp) {
    List<Token> tokens = passage.tokens();
    int n = tokens.size();
    String[] lower = new String[n];
    boolean[] cue = new boolean[n];
    String[] entity = new String[n];
    boolean[] inQuote = new boolean[n];
    boolean[] opens = new boolean[n];
    boolean[] closes = new boolean[n];
    for (int i = 0; i < n; i++) {
      lower[i] = tokens.get(i).text().toLowerCase(Locale.ROOT);
      cue[i] = cues.listed(lower[i]);
    }
    // Quotations: curly marks say which way they go; a straight mark opens when none is open.
    boolean open = false;
    for (int i = 0; i < n; i++) {
      String t = tokens.get(i).text();
      if (t.equals("“") || (t.equals("\"") && !open)) {
        opens[i] = true;
        open = true;
      } else if (t.equals("”") || t.equals("\"")) {
        closes[i] = open;
        inQuote[i] = open;
        open = false;
        continue;
      }
      inQuote[i] = open;
    }
    markEntities(tokens, mentions, cp, entity);
    String[][] out = new String[n][];
    List<String> f = new ArrayList<>(48);
    for (int i = 0; i < n; i++) {
      f.clear();
      for (int d = -2; d <= 2; d++) {
        int k = i + d;
        f.add("w" + d + "=" + (k < 0 ? "<s>" : k >= n ? "</s>" : lower[k]));
      }
      f.add("b-=" + (i > 0 ? lower[i - 1] : "<s>") + "|" + lower[i]);
      f.add("b+=" + lower[i] + "|" + (i + 1 < n ? lower[i + 1] : "</s>"));
      String word = tokens.get(i).text();
      f.add("sh=" + shape(word));
      if (i > 0) {
        f.add("sh-1=" + shape(tokens.get(i - 1).text()));
      }
      if (i + 1 < n) {
        f.add("sh+1=" + shape(tokens.get(i + 1).text()));
      }
      if (lower[i].length() > 3) {
        f.add("suf=" + lower[i].substring(lower[i].length() - 3));
      }
      for (int d = -1; d <= 1; d++) {
        int k = i + d;
        String[] c = k < 0 || k >= n ? null : lexicons.clusters(lower[k]);
        if (c != null) {
          f.add("c64" + d + "=" + c[0]);
          f.add("c512" + d + "=" + c[1]);
        }
      }
      for (int d = -2; d <= 2; d++) {
        int k = i + d;
        if (k >= 0 && k < n && cue[k]) {
          f.add("cue" + d);
        }
      }
      int s = passage.sentenceOf()[i];
      f.add("cueL=" + nearestCue(cue, passage, i, -1, s));
      f.add("cueR=" + nearestCue(cue, passage, i, 1, s));
      f.add(inQuote[i] ? "q=in" : "q=out");
      if (opens[i]) {
        f.add("q=opens");
      }
      if (closes[i]) {
        f.add("q=closes");
      }
      f.add("q=" + (inQuote[i] ? "in" : "out") + "|" + lower[i]);
      if (entity[i] != null) {
        f.add("ne=" + entity[i]);
      }
      if (i > 0 && entity[i - 1] != null) {
        f.add("ne-1=" + entity[i - 1]);
      }
      if (i + 1 < n && entity[i + 1] != null) {
        f.add("ne+1=" + entity[i + 1]);
      }
      int sentenceStart = passage.sentenceStarts()[s];
      int sentenceEnd = s + 1 < passage.sentenceStarts().length ? passage.sentenceStarts()[s + 1] : n;
      if (i == sentenceStart) {
        f.add("first");
      }
      if (i == sentenceEnd - 1) {
        f.add("last");
      }
      f.add("pos=" + bucket(i - sentenceStart));
      f.add("sent=" + Math.min(s, 2));
      out[i] = f.toArray(NONE);
    }
    return out;
  }

  /** The distance to the nearest listed cue in direction {@code step} within sentence {@code s}, bucketed. */
  private static String nearestCue(boolean[] cue, Passage passage, int i, int step, int s) {
    int n = cue.length;
    for (int k = i + step, d = 1; k >= 0 && k < n && passage.sentenceOf()[k] == s && d <= 30; k += step, d++) {
      if (cue[k]) {
        return bucket(d);
      }
    }
    return "none";
  }

  private static String bucket(int d) {
    return d <= 3 ? Integer.toString(d) : d <= 6 ? "4-6" : d <= 12 ? "7-12" : d <= 25 ? "13-25" : "26+";
  }

  /** Sets {@code entity[i]} to the type of the mention covering token i with B/I, or leaves it null. */
  private static void markEntities(List<Token> tokens, List<EntityMention> mentions, CodePoints cp, String[] entity) {
    if (tokens.isEmpty() || mentions.isEmpty()) {
      return;
    }
    int from = cp.of(tokens.getFirst().start());
    int m = lowerBound(mentions, from);
    for (int i = 0; i < tokens.size() && m < mentions.size(); i++) {
      int start = cp.of(tokens.get(i).start());
      while (m < mentions.size() && mentions.get(m).end() <= start) {
        m++;
      }
      if (m < mentions.size() && mentions.get(m).start() <= start) {
        entity[i] = modelType(mentions.get(m).type()) + (mentions.get(m).start() == start ? ":B" : ":I");
      }
    }
  }

  /**
   * The entity type as the shipped tagger was trained on it: nationalities ({@code NORP}) were
   * {@code MISC} then, and a type the model never saw would change its decisions ("Peruvian"
   * before a name); until the tagger is retrained with NORP, it reads them as MISC.
   */
  private static String modelType(String type) {
    return type.equals(EntityType.NORP) ? EntityType.MISC : type;
  }

  private static int lowerBound(List<EntityMention> mentions, int at) {
    int lo = 0;
    int hi = mentions.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (mentions.get(mid).end() <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A coarse word shape: Xx, x, X, d, punctuation kinds. */
  static String shape(String w) {
    if (w.isEmpty()) {
      return "empty";
    }
    int c = w.codePointAt(0);
    if (Character.isDigit(c)) {
      return "d";
    }
    if (Character.isUpperCase(c)) {
      return w.length() > 1 && w.chars().skip(1).allMatch(Character::isUpperCase) ? "X" : "Xx";
    }
    if (Character.isLowerCase(c)) {
      return "x";
    }
    return w.length() == 1 ? "p" + w : "p";
  }
}
