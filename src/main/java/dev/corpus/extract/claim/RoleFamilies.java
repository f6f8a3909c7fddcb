package dev.corpus.extract.claim;

import dev.corpus.ResourceLines;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Families of role nouns ({@code role-families.txt}): words of one family name the same kind of
 * office ("leader", "president", "head"), words of different families different kinds ("Deputy
 * Foreign Minister" against "presidential aide"). Used to resolve "the Russian leader" to a
 * person introduced as "Russian President", and to report role disagreements across sources.
 */
public final class RoleFamilies {

  private static final Map<String, Integer> FAMILIES = load();

  private RoleFamilies() {}

  private static Map<String, Integer> load() {
    Map<String, Integer> out = new HashMap<>();
    int family = 0;
    for (String line : ResourceLines.read(RoleFamilies.class, "/dev/corpus/extract/claim/role-families.txt")) {
      family++;
      for (String w : line.split("\\s+")) {
        out.putIfAbsent(w, family);
      }
    }
    return out;
  }

  /** The family of one role noun (lower case), or null. */
  public static Integer ofWord(String word) {
    return FAMILIES.get(word);
  }

  /** The family of a role's head noun: the last family word before any "of …" tail; null when none. */
  public static Integer of(String role) {
    String lower = role.toLowerCase(Locale.ROOT);
    int of = lower.indexOf(" of ");
    String[] words = (of > 0 ? lower.substring(0, of) : lower).split("[\\s-]+");
    for (int k = words.length - 1; k >= 0; k--) {
      Integer f = FAMILIES.get(words[k]);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
