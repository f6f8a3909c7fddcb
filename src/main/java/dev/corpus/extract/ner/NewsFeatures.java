package dev.corpus.extract.ner;

import java.util.List;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * The entity model's token features: the word and its neighbours, word shapes, affixes,
 * gazetteer matches and word clusters, each in a window around the token. OpenNLP adds the
 * previous labels; {@link DocumentContext} adds what the rest of the document says of the word.
 *
 * <p>Not thread-safe: it caches the analysis of the sentence it last saw (OpenNLP calls it once
 * per token of a sentence). Each name finder has its own instance.
 */
public final class NewsFeatures implements AdaptiveFeatureGenerator {

  /** Builds the generator from the model's feature XML: {@code <generator class="...$Factory"/>}. */
  public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
      return new NewsFeatures(NerLexicons.shared());
    }
  }

  private final NerLexicons lexicons;
  private String[] cachedTokens;
  private String[] lower;
  private String[] shapes;
  private String[][] gazetteer;
  private String[][] clusters;
  private boolean headline;

  NewsFeatures(NerLexicons lexicons) {
    this.lexicons = lexicons;
  }

  @Override
  public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    features(FeatureSink.strings(features), tokens, index);
  }

  /** Window offsets -2..+2 as they appear in feature names ({@code "-1"}, {@code "+1"}), by offset + 2. */
  private static final String[] AT = {"-2", "-1", "+0", "+1", "+2"};
  private static final String[] W_AT = prefixes("w", "=");
  private static final String[] SH_AT = prefixes("sh", "=");
  private static final String[] GZ_AT = prefixes("gz", "=");
  private static final String[] C64_AT = prefixes("c64", "=");
  private static final String[] C512_AT = prefixes("c512", "=");
  private static final String[] PREFIX = {null, "p1=", "p2=", "p3=", "p4="};
  private static final String[] SUFFIX = {null, "s1=", "s2=", "s3=", "s4="};

  private static String[] prefixes(String name, String end) {
    String[] out = new String[AT.length];
    for (int k = 0; k < AT.length; k++) {
      out[k] = name + AT[k] + end;
    }
    return out;
  }

  /** {@link #features} parts: what the token's own word says, whatever its sentence. */
  static final int OWN = 1;
  /** What the word before the token says (the same for every token that word precedes). */
  static final int PREVIOUS = 2;
  /** What the word after the token says (the same for every token that word follows). */
  static final int NEXT = 4;
  /** The rest: what depends on the token's place in its sentence (neighbours two away, gazetteer matches, word pairs). */
  static final int REST = 8;
  static final int ALL = OWN | PREVIOUS | NEXT | REST;

  /**
   * Writes the features of token {@code index} of {@code tokens} to {@code out}: the same as
   * {@link #createFeatures}, which the trainer calls, without building strings when {@code out}
   * does not need them.
   */
  void features(FeatureSink out, String[] tokens, int index) {
    features(out, tokens, index, ALL);
  }

  /**
   * Writes the features of token {@code index} that belong to {@code parts} ({@link #OWN}, {@link
   * #PREVIOUS}, {@link #NEXT}, {@link #REST} or'ed together). The {@code OWN} features read only
   * the token, the {@code PREVIOUS} ones only the token before it and the {@code NEXT} ones only
   * the token after it, so a decoder may sum their weights once per word and reuse the sums.
   */
  void features(FeatureSink out, String[] tokens, int index, int parts) {
    if (tokens != cachedTokens) {
      analyse(tokens);
    }
    boolean own = (parts & OWN) != 0;
    boolean rest = (parts & REST) != 0;
    String w = tokens[index];
    String lw = lower[index];
    String shape = shapes[index];
    if (own) {
      out.add("w=", w);
      out.add("lw=", lw);
      out.add("sh=", shape);
    }
    if (rest) {
      if (headline) {
        out.add("hl");
        out.add("hl,sh=", shape);
      }
      if (index == 0) {
        out.add("first,sh=", shape);
      }
    }
    int len = lw.length();
    if (own && len > 2) {
      for (int k = 1; k <= 4 && k < len; k++) {
        out.addRange(PREFIX[k], lw, 0, k);
        out.addRange(SUFFIX[k], lw, len - k, len);
      }
    }
    for (int d = -2; d <= 2; d++) {
      int j = index + d;
      int at = d + 2;
      // The part the word at j belongs to: its own, the one before or after, or two away (the rest).
      boolean word = (parts & (d == 0 ? OWN : d == -1 ? PREVIOUS : d == 1 ? NEXT : REST)) != 0;
      if (j < 0 || j >= tokens.length) {
        if (rest && (d == -1 || d == 1)) {
          out.add(W_AT[at], j < 0 ? "<s>" : "</s>");
        }
        continue;
      }
      if (d != 0 && word) {
        out.add(W_AT[at], lower[j]);
        if (Math.abs(d) == 1) {
          out.add(SH_AT[at], shapes[j]);
        }
      }
      if (rest && gazetteer[j] != null) {
        for (String g : gazetteer[j]) {
          out.add(GZ_AT[at], g);
        }
      }
      if (word && Math.abs(d) <= 1 && clusters[j] != null) {
        out.add(C64_AT[at], clusters[j][0]);
        out.add(C512_AT[at], clusters[j][1]);
      }
    }
    if (rest) {
      String prev = index > 0 ? lower[index - 1] : "<s>";
      String next = index + 1 < tokens.length ? lower[index + 1] : "</s>";
      out.add("w-1,w=", prev, ",", lw);
      out.add("w,w+1=", lw, ",", next);
      String prevShape = index > 0 ? shapes[index - 1] : "<s>";
      String nextShape = index + 1 < tokens.length ? shapes[index + 1] : "</s>";
      out.add("sh-1,sh,sh+1=", prevShape, ",", shape, ",", nextShape);
    }
    if (own && clusters[index] == null) {
      out.add("c=none,", shape);
    }
  }

  private void analyse(String[] tokens) {
    cachedTokens = tokens;
    int n = tokens.length;
    lower = new String[n];
    shapes = new String[n];
    clusters = new String[n][];
    int letters = 0;
    int upper = 0;
    for (int i = 0; i < n; i++) {
      lower[i] = NerLexicons.lower(tokens[i]);
      shapes[i] = shape(tokens[i]);
      String[] c = lexicons.clusters(tokens[i]);
      if (c == null && !tokens[i].equals(lower[i])) {
        c = lexicons.clusters(titleCase(lower[i]));
      }
      clusters[i] = c;
      for (int k = 0; k < tokens[i].length(); k++) {
        char ch = tokens[i].charAt(k);
        if (Character.isLetter(ch)) {
          letters++;
          if (Character.isUpperCase(ch)) {
            upper++;
          }
        }
      }
    }
    headline = letters >= 8 && upper * 10 >= letters * 9;
    gazetteer = lexicons.gazetteer(tokens);
  }

  static String titleCase(String lower) {
    return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /**
   * The word's shape: upper case letters as {@code X}, lower case as {@code x}, digits as
   * {@code d}, other characters as themselves, runs of a class shortened to one ({@code Jong-un}
   * is {@code Xx-x}, {@code U.S.} is {@code X.X.}, {@code 1,000} is {@code d,d}).
   */
  static String shape(String word) {
    StringBuilder b = new StringBuilder(8);
    char last = 0;
    for (int k = 0; k < word.length(); k++) {
      char ch = word.charAt(k);
      char c = Character.isUpperCase(ch) ? 'X' : Character.isLowerCase(ch) ? 'x' : Character.isDigit(ch) ? 'd' : ch;
      if (c != last) {
        b.append(c);
        last = c;
      }
    }
    return b.toString();
  }
}
