package dev.corpus.catalog;

import dev.corpus.extract.entity.NameRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;

/**
 * Whether two person names sound like one name written in two transliterations ("Volodymyr
 * Zelensky", "Volodymyr Zelenskyy", "Wolodymyr Selenskyj"), for the catalog's merge across
 * articles. {@link NameRules#sameWord} already takes the vowel variants of romanisations
 * (Choi/Choe); this adds what changes consonants: German and Polish {@code w} for {@code v},
 * {@code s} for {@code z}, {@code j} for {@code y}, doubled letters.
 *
 * <p>Two words sound alike when they are {@link #spellingVariant}s, or when their Beider-Morse
 * codes (Apache Commons Codec; generic names, approximate rules, which give each word the set of
 * its possible pronunciations) share one <em>and</em> their spellings differ in at most a third
 * of their letters: Beider-Morse alone hears "Smith" in "Schmidt", two different names. Before
 * encoding, the endings by which transliteration systems render the Slavic adjective ending
 * ({@code -iy}, {@code -yy}, {@code -ij}, {@code -yj}, {@code -ii}, all "-y" in English news) are
 * written {@code y}. Two full names sound alike when they have the same generational suffix (Jr.,
 * Sr., II …; none or the same) and every word sounds alike, in the shape {@link
 * NameRules#samePerson} allows (one middle name more, not an initial).
 *
 * <p>One instance serves one merge: it remembers the codes it computed, so it is not shared
 * between threads.
 */
final class PersonSound {

  private static final PhoneticEngine ENGINE = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true, 20);

  private final Map<String, Set<String>> codes = new HashMap<>();

  /** The generational suffix of a person's words ("jr" of "martin luther king jr"), or "". */
  static String suffix(List<String> words) {
    return NameRules.generation(words);
  }

  /** The words without their generational suffix. */
  static List<String> withoutSuffix(List<String> words) {
    return suffix(words).isEmpty() ? words : words.subList(0, words.size() - 1);
  }

  /** The surname: the last word before a generational suffix. */
  static String surname(List<String> words) {
    return NameRules.surname(words);
  }

  /** A word with the Slavic adjective ending written the one English way: "selenskyj" is "selensky". */
  static String folded(String word) {
    for (String ending : List.of("iy", "yy", "ij", "yj", "ii")) {
      if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
        return word.substring(0, word.length() - ending.length()) + "y";
      }
    }
    return word;
  }

  /** The Beider-Morse codes of a word (its folded form), the blocking keys of the merge. */
  Set<String> codes(String word) {
    return codes.computeIfAbsent(word, w -> {
      String f = folded(w).replaceAll("[^a-z]", "");
      if (f.length() < 2) {
        return Set.of();
      }
      return Set.copyOf(new TreeSet<>(Arrays.asList(ENGINE.encode(f).split("\\|"))));
    });
  }

  /**
   * Whether two name words are one word spelled two ways: the same, or {@link NameRules#sameWord}
   * vowel variants whose Beider-Morse codes share one. Across articles the vowel rule alone
   * takes too much: "Deace" for "Doocy", "Shia" for "Shai", "Do" for "De" are vowel variants that
   * do not sound alike, while the romanisations it is for (Choi/Choe, Son/Song, Hee/Hui,
   * Yuri/Yury) do.
   */
  boolean spellingVariant(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    return NameRules.sameWord(a, b) && sharesCode(a, b);
  }

  private boolean sharesCode(String a, String b) {
    Set<String> cx = codes(a);
    for (String c : codes(b)) {
      if (cx.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether two full person names are one name spelled two ways ({@link NameRules#samePerson} with {@link #spellingVariant}). */
  boolean sameSpelling(List<String> a, List<String> b) {
    return NameRules.samePerson(a, b, this::spellingVariant);
  }

  /** Whether two name words sound like one word transliterated two ways (see the class comment). */
  boolean soundAlike(String a, String b) {
    if (spellingVariant(a, b) || folded(a).equals(folded(b))) {
      return true;
    }
    String x = folded(a);
    String y = folded(b);
    if (x.length() < 3 || y.length() < 3 || 3 * editDistance(x, y) > Math.max(x.length(), y.length())) {
      return false;
    }
    return sharesCode(a, b);
  }

  /**
   * Whether two full person names (two words or more) sound like one name: the same generational
   * suffix, and {@link NameRules#samePerson}'s shape (word for word, or one middle name of three
   * letters or more in one of them) with words that {@link #soundAlike}. An initial is not enough
   * for a given name: "J. Smith" would tie John Smith to Jane Smith, and the catalog's merges are
   * transitive; a middle initial tells a son from his father ("George W. Bush").
   */
  boolean samePerson(List<String> a, List<String> b) {
    if (!suffix(a).equals(suffix(b))) {
      return false;
    }
    return NameRules.samePerson(withoutSuffix(a), withoutSuffix(b), this::soundAlike);
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The blocking keys of a full name: the codes of its surname. */
  List<String> keys(List<String> words) {
    return new ArrayList<>(new TreeSet<>(codes(surname(words))));
  }
}
