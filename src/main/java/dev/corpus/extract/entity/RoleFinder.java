package dev.corpus.extract.entity;

import dev.corpus.extract.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the title or role a sentence gives a person, from the words before the name ("Russian
 * presidential aide Yury Ushakov", "North Korea's leader Kim Jong Un") or from an apposition
 * after it ("Sergei Lavrov, the Russian foreign minister,"). A role must end in (or be headed
 * by) a role noun of {@code person-titles.txt}: "said Putin" has none.
 */
final class RoleFinder {

  /** Words that may stand in a role before the name without being role nouns themselves. */
  private static final Set<String> MODIFIERS = Set.of(
      "deputy", "vice", "senior", "former", "chief", "acting", "first", "presidential", "foreign", "defence",
      "defense", "interior", "finance", "state", "prime", "top", "special", "executive", "assistant",
      "associate", "policy", "affairs", "security", "national", "military", "party", "supreme", "general",
      "veteran", "then", "current", "new", "late", "the", "of", "'s", "’s", "and", "for", "international",
      "regional", "political", "economic", "trade", "justice", "health", "news", "agency", "ministry", "government");

  private static final Set<String> APPOSITION_STOPS = Set.of(
      "said", "says", "told", "added", "was", "is", "who", "which", "that", "when", "has", "had", "will", "would");

  private static final Set<String> ARTICLES = Set.of("the", "a", "an");

  private final NameRules rules;

  RoleFinder(NameRules rules) {
    this.rules = rules;
  }

  /**
   * The role of the person named by tokens {@code [start, end)} of {@code sentence}, or null.
   *
   * @param inName for each token of the sentence, whether it is inside some other name
   */
  String find(String body, List<Token> sentence, int start, int end, boolean[] inName) {
    String before = before(body, sentence, start, inName);
    return before != null ? before : after(body, sentence, end);
  }

  private String before(String body, List<Token> sentence, int start, boolean[] inName) {
    int k = start - 1;
    while (k >= 0 && start - k <= 7) {
      String w = sentence.get(k).text().toLowerCase(Locale.ROOT);
      boolean accepted = inName[k] || rules.isTitle(w) || MODIFIERS.contains(w);
      if (!accepted) {
        break;
      }
      k--;
    }
    int first = k + 1;
    // Trim words that cannot open a role: articles, "of", possessive marks.
    while (first < start && Set.of("the", "of", "'s", "’s", "and", "for").contains(sentence.get(first).text().toLowerCase(Locale.ROOT))) {
      first++;
    }
    if (first >= start || !rules.isTitle(sentence.get(start - 1).text())) {
      return null; // the word right before the name must be a role noun: "aide", "Minister"
    }
    return body.substring(sentence.get(first).start(), sentence.get(start - 1).end());
  }

  private String after(String body, List<Token> sentence, int end) {
    if (end >= sentence.size() || !sentence.get(end).text().equals(",")) {
      return null;
    }
    int from = end + 1;
    int to = from;
    while (to < sentence.size() && to - from < 10) {
      String t = sentence.get(to).text();
      if (t.equals(",") || t.equals(".") || t.equals(";") || t.equals(")") || t.equals("—")) {
        break;
      }
      if (APPOSITION_STOPS.contains(t.toLowerCase(Locale.ROOT))) {
        return null;
      }
      to++;
    }
    if (to == from || to - from >= 10 || to >= sentence.size()) {
      return null;
    }
    if (ARTICLES.contains(sentence.get(from).text().toLowerCase(Locale.ROOT))) {
      from++;
    }
    boolean headed = false;
    for (int k = from; k < to && !headed; k++) {
      boolean head = rules.isTitle(sentence.get(k).text());
      boolean last = k == to - 1;
      boolean ofFollows = k + 1 < to && Set.of("of", "to", "for", "at").contains(sentence.get(k + 1).text().toLowerCase(Locale.ROOT));
      headed = head && (last || ofFollows);
    }
    if (!headed || from >= to) {
      return null;
    }
    return body.substring(sentence.get(from).start(), sentence.get(to - 1).end());
  }
}
